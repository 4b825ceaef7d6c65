"""Writing a compiled template to PDF with the report's building blocks.

A4 (landscape past 8 columns) with the shared page header and "第 x 页 共 y
页" footer (:class:`neighbourhood.pdf.template.NumberedCanvas`), the header
row repeated on every page, the official header block above the title, 小计/
合计 rows and the signature block under the table.  IDs and phones are masked
unless ``full``.  No Qt; runs on a worker.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from neighbourhood.jobs import Abort, Cancelled, Progress, checkpoint
from neighbourhood.rosters.fields import DATE, NUMBER
from neighbourhood.rosters.query import Plan, display_text, events, number_text
from neighbourhood.rosters.render_xlsx import summary_label



def write_pdf(path: str, plan: Plan, rows_in, *, title: str, subtitle: str, full: bool, total: int,
              today: _dt.date, community: str, progress: Progress, abort: Abort) -> int:
    """Lay out ``rows_in`` (the plan's SQL rows) on pages and write ``path`` (the caller renames
    it into place); returns the number of data rows."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from neighbourhood.pdf import template as pt
    from neighbourhood.pdf.paged_table import PagedTable

    styles = pt.make_styles()
    columns = plan.columns
    page = landscape(A4) if len(columns) > 8 else A4
    margin = 12 * mm if page is not A4 else pt.MARGIN_X
    width = page[0] - 2 * margin - 2 * pt.FRAME_PADDING     # the frame pads its content
    cell = ParagraphStyle("RCell", parent=styles.cell, fontSize=8.5 if len(columns) > 12 else 9.5,
                          leading=11 if len(columns) > 12 else 13)
    centred = ParagraphStyle("RCellC", parent=cell, alignment=TA_CENTER)
    bold = ParagraphStyle("RSub", parent=cell)
    head = ParagraphStyle("RHead", parent=cell, alignment=TA_CENTER)
    right = ParagraphStyle("RRight", parent=styles.small, alignment=TA_RIGHT)

    weights = [max(c.width, len(c.header) * 1.6 + 1) for c in columns]
    scale = width / sum(weights)
    col_widths = [w * scale for w in weights]

    header_row = [pt.para(c.header, head) for c in columns]
    centre_cols = {c for c, column in enumerate(columns) if column.kind == "seq" or column.type in (DATE, NUMBER)}
    base_style = [
        ("FONTNAME", (0, 0), (-1, -1), styles.font), ("GRID", (0, 0), (-1, -1), 0.5, pt.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), pt.HEADER_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        # Cells that fit on one line are plain strings (a Paragraph each costs reportlab ~10×
        # the layout time); these set their look to the paragraphs' (cell / centred).
        ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize), ("LEADING", (0, 1), (-1, -1), cell.leading),
        *[("ALIGN", (c, 1), (c, -1), "CENTER") for c in sorted(centre_cols)],
    ]
    room = [w - 6 for w in col_widths]                        # inside the 3 pt paddings
    size, font = cell.fontSize, styles.font

    def fitted(text: str, c: int, style: ParagraphStyle) -> Any:
        """``text`` as a plain one-line cell when it fits the column, else a wrapping Paragraph."""
        if "\n" not in text and (len(text) * size <= room[c] or stringWidth(text, font, size) <= room[c]):
            return text
        return pt.para(text, style)
    rows: list[list[Any]] = []
    row_styles: dict[int, list[tuple]] = {}       # row → (command, first col, last col, *args)
    written = 0
    for event in events(plan, rows_in):
        if event[0] != "row":
            sums = event[-1]
            span = max(1, min(plan.sum_columns) if plan.sum_columns else len(columns))
            row = [pt.para(summary_label(plan, event), bold)] + [""] * (span - 1)
            row += [pt.para(number_text(sums[c]), centred) if c in sums else "" for c in range(span, len(columns))]
            row_styles[len(rows)] = [("BACKGROUND", 0, -1, colors.HexColor("#f2f2f2"))] + (
                [("SPAN", 0, span - 1)] if span > 1 else [])
            rows.append(row)
            continue
        _, n, values = event
        out = []
        for c, column in enumerate(columns):
            if column.kind == "seq":
                out.append(str(n))
            elif column.kind == "blank":
                out.append("")
            else:
                text = display_text(column, values[column.index], full=full)
                out.append(fitted(text, c, centred if c in centre_cols else cell) if text else "")
        rows.append(out)
        written += 1
        if n % 200 == 0:
            checkpoint(abort)
            progress(n, total, "正在整理…")
    table = PagedTable(header_row, rows, row_styles, col_widths, base_style)

    t = plan.template
    story: list[Any] = []
    top = t.header.top()
    if top:
        story.append(Paragraph(pt.esc("　".join(f"{k}：{v}" for k, v in top)), right))
    story += [pt.para(title, styles.title), pt.para(subtitle, styles.subtitle), table]
    if t.notes:
        story += [pt.spacer(3), pt.para(f"填表说明：{t.notes}", styles.small)]
    story.append(pt.spacer(6))
    story.append(pt.para("　　".join(f"{k}：{v or '__________'}" for k, v in t.header.bottom(today.isoformat())),
                         styles.body))

    canvas_class = type("RosterCanvas", (pt.NumberedCanvas,), dict(
        header_left=community or "", header_right=title, font=styles.font))
    doc = SimpleDocTemplate(path, pagesize=page, leftMargin=margin, rightMargin=margin,
                            topMargin=pt.MARGIN_TOP, bottomMargin=pt.MARGIN_BOTTOM, title=title,
                            author="社区台账", subject=community or "", creator="社区台账",
                            initialFontName=styles.font)

    def on_progress(kind: str, value: Any) -> None:
        if abort():
            raise Cancelled("已取消导出")

    doc.setProgressCallBack(on_progress)
    doc.build(story, canvasmaker=canvas_class)
    return written
