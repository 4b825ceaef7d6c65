"""PDF building blocks (reportlab, no Qt) shared by the minutes and the monthly report.

- :mod:`neighbourhood.pdf.fonts`: ``find_cjk_font()``, ``register_cjk_font()``.
- :mod:`neighbourhood.pdf.template`: A4 page template with header and "第 x 页 共 y 页",
  styles, tables with repeated header rows, signature block, atomic ``build()``.
- :mod:`neighbourhood.pdf.minutes`: ``render_minutes(ledger, meeting_id, path)``.
- :mod:`neighbourhood.pdf.report`: the monthly report (月报), ``render_monthly_report(ledger, path, month=…)``.
- :mod:`neighbourhood.pdf.roster`: ``write_roster_pdf(path, title=, headers=, rows=, widths=)``,
  a long one-line-per-row table on landscape A4 (header row on every page).
- :mod:`neighbourhood.pdf.raster`: pages as PIL images / PNG (pypdfium2) for print preview.
"""
from __future__ import annotations

from neighbourhood.pdf.fonts import CJKFont, find_cjk_font, register_cjk_font

__all__ = ["CJKFont", "find_cjk_font", "register_cjk_font"]
