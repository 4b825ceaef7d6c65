"""PDF building blocks (reportlab, no Qt) shared by the minutes and the monthly report.

- :mod:`neighbourhood.pdf.fonts`: ``find_cjk_font()``, ``register_cjk_font()``.
- :mod:`neighbourhood.pdf.template`: A4 page template with header and "第 x 页 共 y 页",
  styles, tables with repeated header rows, signature block, atomic ``build()``.
- :mod:`neighbourhood.pdf.minutes`: ``render_minutes(ledger, meeting_id, path)``.
"""
from __future__ import annotations

from neighbourhood.pdf.fonts import CJKFont, find_cjk_font, register_cjk_font

__all__ = ["CJKFont", "find_cjk_font", "register_cjk_font"]
