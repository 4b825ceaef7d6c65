"""Reading an untrusted spreadsheet into a table: header row found under titles and merged cells.

:func:`read_table` checks the file first (:mod:`neighbourhood.excel.safety`),
reads it with python-calamine (.xlsx/.xlsm/.xls/.ods) or the csv module, fills
merged ranges with their top-left value, and finds the header row by the
header names it recognises.  Pure core; raises :class:`ExcelFileError` with a
Chinese message for anything it cannot read.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import pathlib
from typing import Any

from db.gc_pause import no_cyclic_gc
from neighbourhood.excel.mapping import match_header, normalise_header
from neighbourhood.excel.safety import ExcelFileError, check_workbook_file

MAX_ROWS = 200_000
MAX_COLUMNS = 200
HEADER_SCAN_ROWS = 30


@dataclasses.dataclass
class Table:
    """A sheet as read: ``headers`` (one text per column), data ``rows`` (lists of cell
    values, blank rows dropped) and ``row_numbers`` (each row's number as Excel shows it)."""
    path: pathlib.Path
    sheet: str
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    header_row: int            # as Excel shows it (1-based)

    def samples(self, col: int, n: int = 3) -> list[str]:
        out = []
        for row in self.rows:
            if col < len(row) and row[col] not in ("", None):
                out.append(str(row[col]))
                if len(out) == n:
                    break
        return out


def sheet_names(path: str | pathlib.Path) -> list[str]:
    path = pathlib.Path(path)
    if check_workbook_file(path) == "csv":
        return [path.stem]
    wb = _open_calamine(path)
    return list(wb.sheet_names)


def read_table(path: str | pathlib.Path, *, sheet: str | int = 0, max_rows: int = MAX_ROWS) -> Table:
    """Read one sheet of ``path`` into a :class:`Table`.  Raises :class:`ExcelFileError`."""
    path = pathlib.Path(path)
    fmt = check_workbook_file(path)
    # The cyclic GC off while ~100k row lists are made: its passes over them found nothing.
    with no_cyclic_gc():
        return _read_table(path, fmt, sheet, max_rows)


def _read_table(path: pathlib.Path, fmt: str, sheet: str | int, max_rows: int) -> Table:
    if fmt == "csv":
        grid, start_row, name = _read_csv(path, max_rows), 0, path.stem
    else:
        grid, start_row, name = _read_calamine(path, sheet, max_rows)
    header_idx = find_header_row(grid)
    if header_idx is None:
        raise ExcelFileError(f"在“{path.name}”的工作表“{name}”中没有找到表头行（如“姓名”“身份证号”）。"
                             "请确认选对了工作表，或在第一行写上列名")
    headers = _headers(grid, header_idx)
    rows, numbers = [], []
    width = len(headers)
    for i in range(header_idx + 1, len(grid)):
        row = grid[i]
        if row.count("") + row.count(None) == len(row):
            continue           # blank rows (spacing, page breaks copied from print layouts)
        if len(row) < width:
            row = list(row) + [""] * (width - len(row))
        rows.append(row)
        numbers.append(start_row + i + 1)
    return Table(path, name, headers, rows, numbers, start_row + header_idx + 1)


def find_header_row(grid: list[list[Any]]) -> int | None:
    """Index of the row naming the most known fields (at least two) in the first rows."""
    best, best_score = None, 1
    for i, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        fields = {match_header(v) for v in row if isinstance(v, str) and v.strip()}
        fields.discard(None)
        if len(fields) > best_score:
            best, best_score = i, len(fields)
    return best


def _headers(grid: list[list[Any]], idx: int) -> list[str]:
    """Header texts; a blank header cell under a two-row (merged) header takes the text above."""
    row = grid[idx]
    above = grid[idx - 1] if idx > 0 else []
    out = []
    for c, value in enumerate(row):
        text = "" if value is None else str(value).strip()
        if not text and c < len(above) and isinstance(above[c], str) and match_header(above[c]):
            text = above[c].strip()
        out.append(text)
    while out and not out[-1]:
        out.pop()
    return out


def _open_calamine(path: pathlib.Path):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:        # calamine raises its own error types for damaged files
        raise ExcelFileError(f"无法读取“{path.name}”：文件已损坏或不是 Excel 文件（{_short(exc)}）。"
                             "请在 Excel/WPS 中打开后另存为 .xlsx 再导入") from exc


def _read_calamine(path: pathlib.Path, sheet: str | int, max_rows: int) -> tuple[list[list[Any]], int, str]:
    wb = _open_calamine(path)
    try:
        ws = wb.get_sheet_by_name(sheet) if isinstance(sheet, str) else wb.get_sheet_by_index(sheet)
    except Exception as exc:
        raise ExcelFileError(f"“{path.name}”中没有工作表“{sheet}”") from exc
    if ws.height > max_rows + HEADER_SCAN_ROWS:
        raise ExcelFileError(f"工作表“{ws.name}”有 {ws.height} 行，超过一次导入的上限 {max_rows} 行，"
                             "请分成几个文件导入")
    if ws.width > MAX_COLUMNS:
        raise ExcelFileError(f"工作表“{ws.name}”有 {ws.width} 列，超过上限 {MAX_COLUMNS} 列，请只保留需要导入的列")
    try:
        grid = ws.to_python(skip_empty_area=False)
    except Exception as exc:
        raise ExcelFileError(f"读取“{path.name}”时出错：文件已损坏（{_short(exc)}）") from exc
    merged = getattr(ws, "merged_cell_ranges", None) or []
    for (r1, c1), (r2, c2) in merged:
        if r1 >= len(grid) or c1 >= len(grid[r1]):
            continue
        value = grid[r1][c1]
        for r in range(r1, min(r2, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                if row[c] in ("", None):
                    row[c] = value
    return grid, 0, ws.name


def _read_csv(path: pathlib.Path, max_rows: int) -> list[list[Any]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ExcelFileError(f"无法识别“{path.name}”的文字编码，请另存为 UTF-8 或 .xlsx 再导入")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    grid = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        grid.append(row)
        if len(grid) > max_rows + HEADER_SCAN_ROWS:
            raise ExcelFileError(f"文件“{path.name}”超过一次导入的上限 {max_rows} 行，请分成几个文件导入")
    return grid


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


__all__ = ["Table", "read_table", "sheet_names", "find_header_row", "normalise_header", "MAX_ROWS"]
