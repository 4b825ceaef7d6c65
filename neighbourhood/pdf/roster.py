"""Roster PDFs (花名册): a long single-line table on landscape A4, header row on every page.

:func:`write_roster_pdf` takes a title, the column headers, an iterable of rows
and the column widths; the page template (community header, "第 x 页 共 y 页",
embedded CJK font, atomic write) is :mod:`neighbourhood.pdf.template`.

Rows are one line each (a value too wide for its column is cut with "…"), so
the rows per page are known in advance and each page is its own small table:
each page is drawn straight onto the canvas (:class:`RosterPage`), so a
3,500-row roster (~100 pages) takes about a second where platypus tables take
several.
No Qt, any thread; ``progress``/``abort`` as :mod:`neighbourhood.jobs`.
"""
from __future__ import annotations

import itertools
import os
import pathlib
from typing import Any, Iterable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable, PageBreak

from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.pdf.template import (FRAME_PADDING, GRID, HEADER_FILL, MARGIN_BOTTOM, MARGIN_TOP,
                                        MARGIN_X, build, make_styles, para)

PAGE = landscape(A4)
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
ROW_HEIGHT = 13.0           # points: 9 pt text with padding
FONT_SIZE = 9.0
PADDING = 3.0
TITLE_SPACE = 12 * mm       # the title line on the first page


def rows_per_page(first: bool = False) -> int:
    """Data rows on one page (the header row not counted)."""
    height = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING - (TITLE_SPACE if first else 0) - 1
    return int(height // ROW_HEIGHT) - 1


def fit_widths(widths: Sequence[float] | None, columns: int) -> list[float]:
    """Column widths in points scaled to fill the landscape content width (None: equal)."""
    if not widths:
        return [CONTENT_WIDTH / columns] * columns
    if len(widths) != columns:
        raise ValueError(f"{columns} 列表头却给了 {len(widths)} 个列宽")
    total = float(sum(widths))
    return [w * CONTENT_WIDTH / total for w in widths]


def _clipper(font: str, width: float):
    room = width - 2 * PADDING

    def clip(value: Any) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        # A glyph is at most ~1 em wide: short texts need no measuring.
        if len(text) * FONT_SIZE <= room or stringWidth(text, font, FONT_SIZE) <= room:
            return text
        while text and stringWidth(text + "…", font, FONT_SIZE) > room:
            text = text[:-1]
        return text + "…"

    return clip


class RosterPage(Flowable):
    """One page of the roster: the header row, then single-line rows, ruled.

    Drawn straight onto the canvas: a platypus Table spends ~0.3 ms a cell, too slow for
    30,000 cells.  With an embedded TrueType font each distinct cell text is encoded once
    (``font.splitString``) and its text operators reused, each selecting its own subset.
    """

    def __init__(self, header: Sequence[str], rows: list[list[str]], widths: list[float], font: str,
                 align_center: Sequence[int], cache: dict[str, str]) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), rows, widths
        self.font, self.centred, self.cache = font, set(align_center), cache
        self.width = sum(widths)
        self.height = ROW_HEIGHT * (len(rows) + 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _ops(self, text: str) -> str:
        """Text operators for ``text`` at the current point (TrueType font; cached)."""
        ops = self.cache.get(text)
        if ops is None:
            canv = self.canv
            font = getFont(self.font)
            ops = " ".join(f"{font.getSubsetInternalName(subset, canv._doc)} {FONT_SIZE:g} Tf "
                           f"({canv._escape(chunk)}) Tj" for subset, chunk in font.splitString(text, canv._doc))
            self.cache[text] = ops
        return ops

    def draw(self) -> None:
        canv = self.canv
        lines = [self.header, *self.rows]
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        top = self.height
        canv.saveState()
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - ROW_HEIGHT, self.width, ROW_HEIGHT, stroke=0, fill=1)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.4)
        path = canv.beginPath()
        for r in range(len(lines) + 1):
            y = top - r * ROW_HEIGHT
            path.moveTo(0, y)
            path.lineTo(self.width, y)
        for x in xs:
            path.moveTo(x, 0)
            path.lineTo(x, top)
        canv.drawPath(path, stroke=1, fill=0)
        canv.setFillColor(colors.black)
        text = canv.beginText()
        text.setFont(self.font, FONT_SIZE)
        dynamic = getattr(getFont(self.font), "_dynamicFont", False)
        code = text._code
        for r, line in enumerate(lines):
            baseline = top - (r + 1) * ROW_HEIGHT + (ROW_HEIGHT - FONT_SIZE) / 2 + 1.5
            for c, value in enumerate(line):
                if not value:
                    continue
                x = xs[c] + PADDING
                if r == 0 or c in self.centred:
                    x = xs[c] + (self.widths[c] - stringWidth(value, self.font, FONT_SIZE)) / 2
                if dynamic:
                    code.append(f"1 0 0 1 {x:.2f} {baseline:.2f} Tm {self._ops(value)}")
                else:  # the CID fallback font: reportlab's own (slower) path
                    text.setTextOrigin(x, baseline)
                    text.textOut(value)
        canv.drawText(text)
        canv.restoreState()


def write_roster_pdf(path: str | os.PathLike[str], *, title: str, headers: Sequence[str],
                     rows: Iterable[Sequence[Any]], widths: Sequence[float] | None = None,
                     community: str = "", subtitle: str = "", align_center: Sequence[int] = (),
                     progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """Write a roster PDF to ``path`` (temp file, then rename); returns the path.

    ``widths`` are relative column widths (points or any unit; scaled to the page).
    ``rows`` is read once, lazily.  Raises :class:`neighbourhood.jobs.Cancelled`
    (nothing written), ValueError (widths do not match the headers) or OSError.
    """
    styles = make_styles()
    font = styles.font
    col_widths = fit_widths(widths, len(headers))
    clips = [_clipper(font, w) for w in col_widths]
    header = [clip(h) for clip, h in zip(clips, headers)]
    story: list[Any] = [para(title, styles.title)]
    if subtitle:
        story.append(para(subtitle, styles.small))
    rows_iter = iter(rows)
    cache: dict[str, str] = {}
    count = 0
    first = True
    while True:
        checkpoint(abort)
        chunk = list(itertools.islice(rows_iter, rows_per_page(first) - (1 if subtitle and first else 0)))
        if not chunk and not first:
            break
        if not first:
            story.append(PageBreak())
        cells = [[clip(v) for clip, v in zip(clips, row)] for row in chunk]
        story.append(RosterPage(header, cells, col_widths, font, align_center, cache))
        count += len(chunk)
        progress(count, 0, f"已排 {count} 行")
        first = False
        if not chunk:
            break
    return build(path, story, title=title, community=community or "社区台账", styles=styles,
                 progress=progress, abort=abort, pagesize=PAGE)


__all__ = ["write_roster_pdf", "rows_per_page", "fit_widths", "PAGE", "CONTENT_WIDTH"]
