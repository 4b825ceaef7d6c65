"""The error rows of an import, written back to an .xlsx the user can fix and re-import."""
from __future__ import annotations

import datetime as _dt
import os
import pathlib

from neighbourhood.excel.importer import ERROR, ImportPlan
from neighbourhood.excel.safety import display_width, neutralise


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Keep what the cell held: 4.10105199001011e+17 stays visible as such (never "repaired").
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def write_error_rows(plan: ImportPlan, out: str | os.PathLike[str]) -> int:
    """Write the rows with errors (original headers and cells, all as text, plus 原行号 and
    错误说明 columns) to ``out``; returns the number of rows.  Temp file + rename."""
    import xlsxwriter

    out = pathlib.Path(out)
    tmp = out.with_name(f".~{out.stem}.{os.getpid()}.tmp.xlsx")
    errors = [r for r in plan.rows if r.action == ERROR]
    headers = list(plan.table.headers) + ["原行号", "错误说明"]
    wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    try:
        ws = wb.add_worksheet("错误行")
        bold = wb.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1})
        textf = wb.add_format({"num_format": "@"})
        red = wb.add_format({"font_color": "#C00000", "text_wrap": True})
        widths = [display_width(h) + 2 for h in headers]
        for c, h in enumerate(headers):
            ws.write_string(0, c, h, bold)
        for r, row in enumerate(errors, 1):
            cells = plan.table.rows[row.index]
            for c in range(len(plan.table.headers)):
                text = _cell_text(cells[c] if c < len(cells) else None)
                if text:
                    ws.write_string(r, c, neutralise(text), textf)
                    widths[c] = max(widths[c], min(display_width(text) + 2, 40))
            ws.write_number(r, len(headers) - 2, row.row_number)
            ws.write_string(r, len(headers) - 1, neutralise(row.message), red)
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.set_column(len(headers) - 1, len(headers) - 1, 60)
        ws.freeze_panes(1, 0)
        wb.close()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(errors)
