"""Writing a compiled template to a print-ready .xlsx (the Excel export's rules).

The sheet is :mod:`neighbourhood.excel.sheet`'s, as for every roster: rows
streamed into xlsxwriter's constant-memory mode, IDs and phones written as
text and masked unless ``full``, text that a spreadsheet would take as a
formula neutralised, frozen bold header, A4 landscape fitted to the page
width with the header row repeated and "第 x 页 共 y 页" in the footer.  Adds
the official header block above the title, 小计/合计 rows and the signature
footer under the table.  The caller writes to a temporary path and renames
(see ``rosters.exports``).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from neighbourhood.excel.rowxml import RowWriter
from neighbourhood.excel.safety import display_width
from neighbourhood.excel.sheet import (BLOCK, FAST_MASKERS, FONT, MAX_WIDTH, formats, new_serials,
                                       new_workbook, prepare_column, print_setup, sheet_name, table_borders)
from neighbourhood.jobs import Abort, Cancelled, Progress
from neighbourhood.rosters.fields import DATE, NUMBER, TEXT
from neighbourhood.rosters.query import Plan, number_text, runs

_SEQ, _BLANK = "seq", "blank"   # beside the field types text / date / number


def write_xlsx(path: str, plan: Plan, rows, *, title: str, subtitle: str, full: bool, total: int,
               today: _dt.date, author: str, company: str, progress: Progress, abort: Abort) -> int:
    """Write ``rows`` (the plan's SQL rows) to ``path``; returns the number of data rows."""
    wb = new_workbook(path, title=title, author=author, company=company, comments="社区台账花名册")
    try:
        ws = wb.add_worksheet(sheet_name(plan.template.name))
        n = _write(wb, ws, plan, rows, title=title, subtitle=subtitle, full=full, total=total, today=today,
                   progress=progress, abort=abort)
    finally:
        wb.close()
    return n


def _write(wb, ws, plan: Plan, rows, *, title: str, subtitle: str, full: bool, total: int, today: _dt.date,
           progress: Progress, abort: Abort) -> int:
    fmt = formats(wb)
    base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter"}
    fmt["sub"] = wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "@"})
    fmt["sub_number"] = wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "align": "center"})
    fmt["block"] = wb.add_format({"font_name": FONT, "font_size": 10, "align": "left"})
    fmt["block_right"] = wb.add_format({"font_name": FONT, "font_size": 10, "align": "right"})
    t = plan.template
    columns = plan.columns
    ncol = len(columns)
    top = t.header.top()
    r = 0
    widths = [max(c.width, display_width(c.header) + 2) for c in columns]

    def line(row: int, text: str, f) -> None:
        if ncol > 1:
            ws.merge_range(row, 0, row, ncol - 1, text, f)
        else:
            ws.write_string(row, 0, text, f)

    if top:
        line(r, "　".join(f"{k}：{v}" for k, v in top), fmt["block_right"])
        r += 1
    ws.set_row(r, 30)
    line(r, title, fmt["title"])
    line(r + 1, subtitle, fmt["subtitle"])
    header_row = r + 2
    print_setup(ws, header_row)
    ws.set_row(header_row, 28)
    for c, column in enumerate(columns):
        ws.write_string(header_row, c, column.header, fmt["header"])

    # Per column: (kind, masker, source index).  As in the Excel export a data cell has no style
    # of its own: dates and text columns (IDs, phones, blanks for hand-filling) take their
    # column's format, the borders come from one conditional format over the table.
    plan_cols, col_fmts = [], []
    for column in columns:
        if column.kind == "seq":
            plan_cols.append((_SEQ, None, None))
            col_fmts.append(fmt["group_number"])        # centred, as in the printed forms
        elif column.kind == "blank":
            plan_cols.append((_BLANK, None, None))
            col_fmts.append(fmt["text"])
        elif column.type == DATE:
            plan_cols.append((DATE, None, column.index))
            col_fmts.append(fmt["date"])
        elif column.type == NUMBER:
            plan_cols.append((NUMBER, None, column.index))
            col_fmts.append(None)
        else:
            plan_cols.append((TEXT, None if full else FAST_MASKERS.get(column.mask or ""), column.index))
            col_fmts.append(fmt["text"] if column.mask else None)
    for c, f in enumerate(col_fmts):
        ws.set_column(c, c, widths[c], f)

    writer = RowWriter(ws, col_fmts)
    serials = new_serials()

    def flush(first: int, block: list[tuple], r: int) -> int:
        """Write a run of rows numbered from ``first``, prepared column by column as the Excel
        export does (the run transposed once: C-level passes, not a loop per cell)."""
        source = list(zip(*block))
        cols: list[Any] = []
        for c, (kind, masker, i) in enumerate(plan_cols):
            if kind == _SEQ:
                cols.append(range(first, first + len(block)))
            elif kind == _BLANK:
                cols.append((None,) * len(block))
            else:
                cols.append(prepare_column(source[i], c, widths, kind, serials, masker))
        return writer.write(r + 1, cols)    # None and "" write no cell: the column's format shows

    r = header_row
    data_rows = 0
    label_span = _label_span(plan)
    for event in runs(plan, rows, BLOCK):
        if event[0] == "rows":
            r = flush(event[1], event[2], r)
            data_rows += len(event[2])
            if abort():
                raise Cancelled("已取消导出")
            progress(data_rows, total, "正在写入…")
        else:
            r += 1
            _summary_row(ws, r, plan, event, fmt, label_span)
    table_borders(ws, header_row + 1, r, ncol, fmt)
    if plan.group_index is None and not plan.sum_columns:
        # No summary rows inside the table: filters can cover it (the 合计 row is below).
        ws.autofilter(header_row, 0, max(r - 1, header_row + 1), ncol - 1)
    r += 1
    if t.notes:
        r += 1
        line(r, f"填表说明：{t.notes}", fmt["block"])
    r += 2
    line(r, "　　".join(f"{k}：{v or '________'}" for k, v in t.header.bottom(today.isoformat())), fmt["block"])
    for c, w in enumerate(widths):
        ws.set_column(c, c, min(w, MAX_WIDTH), col_fmts[c])
    return data_rows


def _label_span(plan: Plan) -> int:
    """Columns the 小计/合计 label spans: up to the first summed column (at least one)."""
    first = min(plan.sum_columns) if plan.sum_columns else len(plan.columns)
    return max(1, first)


def summary_label(plan: Plan, event: tuple) -> str:
    if event[0] == "subtotal":
        group = event[1] if event[1] not in (None, "") else "（空）"
        return f"小计　{plan.group_label}：{group}　共 {event[2]} {plan.unit}"
    return f"合计　共 {event[1]} {plan.unit}"


def _summary_row(ws, r: int, plan: Plan, event: tuple, fmt: dict[str, Any], span: int) -> None:
    sums = event[-1]
    label = summary_label(plan, event)
    ncol = len(plan.columns)
    if span > 1:
        ws.merge_range(r, 0, r, span - 1, label, fmt["sub"])
    else:
        ws.write_string(r, 0, label, fmt["sub"])
    for c in range(span, ncol):
        if c in sums:
            ws.write_number(r, c, number_text(sums[c]), fmt["sub_number"])
        else:
            ws.write_blank(r, c, None, fmt["sub"])
