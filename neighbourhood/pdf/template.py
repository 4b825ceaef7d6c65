"""Shared page template and building blocks for the app's PDFs (minutes, monthly report, rosters).

A4 portrait; a header with the community name (left) and the document title
(right) over a thin rule; a footer "第 x 页 共 y 页" drawn after the whole
document is laid out (:class:`NumberedCanvas` keeps the page states and
draws the footers on save, so the total is known).  :func:`build` writes to
a temporary file beside the target and renames it, so a failed or cancelled
build never leaves a half-written PDF under the real name.

No Qt; runs on a worker thread.  ``progress``/``abort`` follow
:mod:`neighbourhood.jobs` (``abort()`` true → :class:`Cancelled`).
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import tempfile
from typing import Any, Callable, Iterator, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as _canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.pdf.fonts import register_cjk_font

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_PADDING = 6  # points: platypus frames pad their content on each side
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
RULE = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#888888")
ALERT = colors.HexColor("#c62828")


@dataclasses.dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    small: ParagraphStyle
    decision: ParagraphStyle


def make_styles() -> Styles:
    """Paragraph styles in the registered CJK font (CJK line breaking on)."""
    font = register_cjk_font()

    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)

    return Styles(
        font=font,
        title=style("Title", 18, 26, alignment=TA_CENTER, spaceAfter=2 * mm),
        subtitle=style("Subtitle", 11, 16, alignment=TA_CENTER, textColor=colors.HexColor("#444444"),
                       spaceAfter=5 * mm),
        heading=style("Heading", 13, 19, spaceBefore=4 * mm, spaceAfter=2 * mm, keepWithNext=1),
        body=style("Body", 10.5, 16, firstLineIndent=0, spaceAfter=1.5 * mm),
        label=style("Label", 10.5, 16, textColor=colors.HexColor("#333333")),
        cell=style("Cell", 9.5, 13),
        header_cell=style("HeaderCell", 9.5, 13, alignment=TA_CENTER),
        small=style("Small", 8.5, 12, textColor=colors.HexColor("#555555")),
        decision=style("Decision", 10.5, 16, leftIndent=3 * mm, borderPadding=(2 * mm, 2 * mm),
                       backColor=colors.HexColor("#f3f6fa"), borderColor=colors.HexColor("#c5d2e0"),
                       borderWidth=0.5, spaceBefore=1.5 * mm, spaceAfter=3 * mm),
    )


def esc(text: Any) -> str:
    """Text made safe for a Paragraph (its mini-markup), newlines kept."""
    if text is None:
        return ""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


def data_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
               styles: Styles, align_center: Sequence[int] = (),
               alert: Callable[[int, int, Any], bool] | None = None) -> Table:
    """A ruled table whose header row repeats on every page; cells wrap.

    ``alert(row, column, value)`` true prints that cell in red (e.g. 逾期).
    """
    centred = ParagraphStyle("CellC", parent=styles.cell, alignment=TA_CENTER)
    data = [[para(h, styles.header_cell) for h in header]]
    for r, row in enumerate(rows):
        cells = []
        for i, v in enumerate(row):
            style = centred if i in align_center else styles.cell
            if alert is not None and alert(r, i, v):
                style = ParagraphStyle("CellAlert", parent=style, textColor=ALERT)
            cells.append(para(v, style))
        data.append(cells)
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def field_table(pairs: Sequence[tuple[str, Any]], *, styles: Styles, columns: int = 2) -> Table:
    """Label/value pairs in a ruled grid, ``columns`` pairs a row (a pair with label ''
    spans nothing; a value of a pair listed alone on its row may be long)."""
    label_w = 24 * mm
    value_w = CONTENT_WIDTH / columns - label_w
    data, spans = [], []
    for start in range(0, len(pairs), columns):
        chunk = list(pairs[start:start + columns])
        row: list[Any] = []
        for c, (label, value) in enumerate(chunk):
            row += [para(label, styles.label), para(value, styles.body)]
            spans.append(("BACKGROUND", (2 * c, len(data)), (2 * c, len(data)), HEADER_FILL))
        if len(chunk) < columns:  # last value spans the rest of the row
            r = len(data)
            spans.append(("SPAN", (len(row) - 1, r), (2 * columns - 1, r)))
            row += [""] * (2 * columns - len(row))
        data.append(row)
    table = Table(data, colWidths=[label_w, value_w] * columns)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]))
    return table


def signature_block(labels: Sequence[str], *, styles: Styles, per_row: int = 2,
                    line_width: float = 45 * mm) -> Table:
    """Signature lines, e.g. ``["主持人（签字）", "记录人（签字）", "日期"]`` or the report's
    ``["填报人", "审核人", "日期", "盖章处"]``: a label then a blank line to sign on."""
    label_w = CONTENT_WIDTH / per_row - line_width
    data, rows_style = [], []
    for start in range(0, len(labels), per_row):
        row: list[Any] = []
        for label in labels[start:start + per_row]:
            row += [Paragraph(esc(label) + "：", ParagraphStyle("Sig", parent=styles.body,
                                                               alignment=TA_RIGHT)), ""]
        row += [""] * (2 * per_row - len(row))
        r = len(data)
        for c in range(len(labels[start:start + per_row])):
            rows_style.append(("LINEBELOW", (2 * c + 1, r), (2 * c + 1, r), 0.6, colors.black))
        data.append(row)
    table = Table(data, colWidths=[label_w, line_width] * per_row, rowHeights=[12 * mm] * len(data))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *rows_style]))
    return table


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


class NumberedCanvas(_canvas.Canvas):
    """Draws the header and "第 x 页 共 y 页" once the page count is known."""

    header_left = ""
    header_right = ""
    font = "Helvetica"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start pages in our font, so no unembedded Helvetica is referenced.
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = self.font
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(self.font, 9)
        self.setFillColor(RULE)
        y = height - MARGIN_TOP + 8 * mm
        self.drawString(MARGIN_X, y, self.header_left)
        self.drawRightString(width - MARGIN_X, y, self.header_right)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, y - 2 * mm, width - MARGIN_X, y - 2 * mm)
        self.drawCentredString(width / 2, MARGIN_BOTTOM - 10 * mm,
                               f"第 {self._pageNumber} 页 共 {total} 页")
        self.restoreState()


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[pathlib.Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``."""
    target = pathlib.Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = pathlib.Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def build(path: str | os.PathLike[str], story: list[Any], *, title: str, community: str,
          styles: Styles, progress: Progress = no_progress, abort: Abort = never,
          author: str = "社区台账", pagesize: tuple[float, float] = PAGE) -> pathlib.Path:
    """Lay out ``story`` on A4 pages (``pagesize``: e.g. ``landscape(A4)``) with header and
    numbered footer; write ``path`` atomically.

    Raises :class:`neighbourhood.jobs.Cancelled` when ``abort()`` turns true
    (nothing is written), OSError when the folder is not writable.
    """
    canvas_class = type("PageCanvas", (NumberedCanvas,), dict(
        header_left=community or "", header_right=title, font=styles.font))
    with atomic_output(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                                topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title,
                                author=author, subject=community or "", creator="社区台账",
                                initialFontName=styles.font)
        total = max(len(story), 1)

        def on_progress(kind: str, value: Any) -> None:
            checkpoint(abort)
            if kind == "PROGRESS":
                progress(min(int(value), total), total, "正在排版")

        doc.setProgressCallBack(on_progress)
        doc.build(story, canvasmaker=canvas_class)
        progress(total, total, "已完成")
    return pathlib.Path(path)


__all__ = ["Styles", "make_styles", "esc", "para", "data_table", "field_table", "signature_block",
           "spacer", "NumberedCanvas", "atomic_output", "build", "CONTENT_WIDTH", "TA_LEFT"]
