"""Writing a compiled template to a print-ready .xlsx (the Excel export's rules).

Same rules as :mod:`neighbourhood.excel.export`: rows streamed into
xlsxwriter's constant-memory mode, IDs and phones written as text and masked
unless ``full``, text that a spreadsheet would take as a formula neutralised,
frozen bold header, A4 landscape fitted to the page width with the header row
repeated and "第 x 页 共 y 页" in the footer.  Adds the official header block
above the title, 小计/合计 rows and the signature footer under the table.
The caller writes to a temporary path and renames (see ``rosters.exports``).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from neighbourhood.excel.export import _EPOCH, _formats, _parse_iso, MAX_WIDTH
from neighbourhood.excel.safety import DANGEROUS_FIRST, NEUTRALISER, display_width
from neighbourhood.idnumbers import mask_id
from neighbourhood.jobs import Abort, Cancelled, Progress
from neighbourhood.phones import mask_phone
from neighbourhood.rosters.fields import DATE, NUMBER
from neighbourhood.rosters.query import Plan, events, number_text

_MASKERS = {"id": mask_id, "phone": mask_phone}


def write_xlsx(path: str, plan: Plan, rows, *, title: str, subtitle: str, full: bool, total: int,
               today: _dt.date, author: str, company: str, progress: Progress, abort: Abort) -> int:
    """Write ``rows`` (the plan's SQL rows) to ``path``; returns the number of data rows."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"})
    try:
        wb.set_properties({"title": title, "author": author, "company": company, "comments": "社区台账花名册"})
        ws = wb.add_worksheet(_sheet_name(plan.template.name))
        n = _write(wb, ws, plan, rows, title=title, subtitle=subtitle, full=full, total=total, today=today,
                   progress=progress, abort=abort)
    finally:
        wb.close()
    return n


def _sheet_name(name: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "花名册"
    return cleaned[:31]


def _write(wb, ws, plan: Plan, rows, *, title: str, subtitle: str, full: bool, total: int, today: _dt.date,
           progress: Progress, abort: Abort) -> int:
    fmt = _formats(wb)
    base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter"}
    fmt["sub"] = wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "@"})
    fmt["sub_number"] = wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "align": "center"})
    fmt["block"] = wb.add_format({"font_name": "宋体", "font_size": 10, "align": "left"})
    fmt["block_right"] = wb.add_format({"font_name": "宋体", "font_size": 10, "align": "right"})
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

    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.repeat_rows(header_row)
    ws.center_horizontally()
    ws.set_footer("&C第 &P 页 共 &N 页", {"margin": 0.25})
    ws.freeze_panes(header_row + 1, 0)
    ws.set_default_row(17)
    ws.set_row(header_row, 28)
    for c, column in enumerate(columns):
        ws.write_string(header_row, c, column.header, fmt["header"])

    # Per column: (code, format, masker, source index); code 0 text, 1 date, 2 number, 3 seq, 4 blank.
    plan_cols = []
    for column in columns:
        if column.kind == "seq":
            plan_cols.append((3, fmt["number"], None, None))
        elif column.kind == "blank":
            plan_cols.append((4, fmt["text"], None, None))
        elif column.type == DATE:
            plan_cols.append((1, fmt["date"], None, column.index))
        elif column.type == NUMBER:
            plan_cols.append((2, fmt["number"], None, column.index))
        else:
            plan_cols.append((0, fmt["text"], None if full else _MASKERS.get(column.mask or ""), column.index))

    # The undecorated writers: same checks, minus the A1-notation argument parsing that costs
    # ~5% per cell at 2M cells (public names if a future xlsxwriter drops them).
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_number = getattr(ws, "_write_number", ws.write_number)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    dangerous, fromiso, epoch = DANGEROUS_FIRST, _dt.date.fromisoformat, _EPOCH
    r = header_row
    data_rows = 0
    step = max(200, total // 100) if total else 500
    label_span = _label_span(plan)
    for event in events(plan, rows):
        r += 1
        if event[0] != "row":
            _summary_row(ws, r, plan, event, fmt, label_span)
            continue
        _, n, values = event
        data_rows += 1
        for c, (code, cell_fmt, masker, i) in enumerate(plan_cols):
            if code == 3:
                write_number(r, c, n, cell_fmt)
                continue
            if code == 4:
                write_blank(r, c, None, cell_fmt)
                continue
            value = values[i]
            if value is None or value == "":
                write_blank(r, c, None, cell_fmt)
                continue
            if code == 1:
                day = value if isinstance(value, _dt.date) else _parse_iso(fromiso, value)
                if day is not None:
                    write_number(r, c, day.toordinal() - epoch, cell_fmt)
                    continue
            elif code == 2 and isinstance(value, (int, float)) and not isinstance(value, bool):
                write_number(r, c, value, cell_fmt)
                continue
            text = value if isinstance(value, str) else str(value)
            if masker is not None:
                text = masker(text)
            if text[0] in dangerous:
                text = NEUTRALISER + text
            write_string(r, c, text, cell_fmt)
            if len(text) * 2 > widths[c]:
                w = display_width(text) + 2
                if w > widths[c]:
                    widths[c] = w
        if data_rows % step == 0:
            if abort():
                raise Cancelled("已取消导出")
            progress(data_rows, total, "正在写入…")
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
        ws.set_column(c, c, min(w, MAX_WIDTH))
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
