"""The print-ready sheet both roster writers share (the Excel issue's rules).

A new constant-memory workbook whose default style is the roster font, the
formats, the print setup (A4 landscape, fit to page width, header row on every
page, "第 x 页 共 y 页"), borders as one conditional format over the table, and
the cell values as written: dates as Excel serials, text never taken for a
formula (CWE-1236), stored ID numbers and phones masked fast.  Used by
:mod:`neighbourhood.excel.export` and :mod:`neighbourhood.rosters.render_xlsx`.
"""
from __future__ import annotations

import datetime as _dt
from operator import add, itemgetter
from typing import Any

from neighbourhood.excel.kinds import DATE, NUMBER
from neighbourhood.excel.safety import DANGEROUS_FIRST, NEUTRALISER, display_width
from neighbourhood.idnumbers import mask_id
from neighbourhood.phones import mask_phone

_EPOCH = _dt.date(1899, 12, 30).toordinal()   # Excel's day 0 (1900 date system)
MAX_WIDTH = 42
FONT = "宋体"


def new_workbook(path: str, *, title: str, author: str, company: str, comments: str):
    """A constant-memory workbook that never turns text into formulas, numbers or links."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "default_date_format": "yyyy-mm-dd",
        # The sheet's font is the default style's, so most data cells need no style of their own.
        "default_format_properties": {"font_name": FONT, "font_size": 10}})
    wb.set_properties({"title": title, "author": author, "company": company, "comments": comments})
    return wb


def sheet_name(name: str) -> str:
    """``name`` as Excel allows a sheet to be called (none of []:*?/ or backslash, at most 31 characters)."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "花名册"
    return cleaned[:31]


def print_setup(ws, header_row: int) -> None:
    """A4 landscape, all columns on the page width, the header row on every printed page."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.repeat_rows(header_row)
    ws.center_horizontally()
    ws.set_footer("&C第 &P 页 共 &N 页", {"margin": 0.25})
    ws.freeze_panes(header_row + 1, 0)
    ws.hide_gridlines(1)
    ws.set_default_row(17)


def table_borders(ws, first_row: int, last_row: int, ncol: int, fmt: dict[str, Any]) -> None:
    """The data cells' borders: one conditional format instead of a style on every cell."""
    if last_row >= first_row:
        ws.conditional_format(first_row, 0, last_row, ncol - 1,
                              {"type": "formula", "criteria": "TRUE", "format": fmt["border"]})


def formats(wb) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
    bordered = {**base, "border": 1}
    return {
        "title": wb.add_format({"font_name": FONT, "bold": True, "font_size": 16, "align": "center",
                                "valign": "vcenter"}),
        "subtitle": wb.add_format({"font_name": FONT, "font_size": 10, "align": "right"}),
        "header": wb.add_format({**bordered, "bold": True, "align": "center", "text_wrap": True,
                                 "bg_color": "#D9E1F2"}),
        "text": wb.add_format({**base, "num_format": "@"}),
        "date": wb.add_format({**base, "num_format": "yyyy-mm-dd", "align": "center"}),
        "group": wb.add_format({**base, "num_format": "@", "text_wrap": True}),
        "group_number": wb.add_format({**base, "align": "center"}),
        # The data cells' borders, as a conditional format over the table (see _write_sheet).
        "border": wb.add_format({"border": 1}),
    }


BLOCK = 2000                   # rows prepared at a time (column by column)
NUMBER_TYPES = frozenset({int, float, type(None)})
_STR_TYPES = frozenset({str, type(None)})


def text_column(col, c: int, widths: list[float]) -> Any:
    """One column of a block as written: text never taken for a formula, anything else as
    text; widens the column for its longest text."""
    if not _STR_TYPES.issuperset(map(type, col)):
        return [cell_text(value, c, widths) if value is not None and value != "" else value for value in col]
    texts = list(filter(None, col))
    if not texts:
        return col
    if not DANGEROUS_FIRST.isdisjoint(map(itemgetter(0), texts)):
        col = [cell_text(value, c, widths) if value else value for value in col]
        texts = list(filter(None, col))
    longest = max(map(len, texts))
    if longest * 2 + 2 > widths[c]:
        if "".join(texts).isascii():        # ASCII text is as wide as it is long
            if longest + 2 > widths[c]:
                widths[c] = longest + 2
        else:
            # display_width(t) = (len(t) + len(t in UTF-8) + 1) // 2, here for all at once
            w = (max(map(add, map(len, texts), map(len, map(str.encode, texts)))) + 1) // 2 + 2
            if w > widths[c]:
                widths[c] = w
    return col


def new_serials() -> dict[Any, Any]:
    """A cache of date value → Excel serial for :func:`prepare_column` (birth dates repeat)."""
    return {None: None, "": ""}


def prepare_column(col: Any, c: int, widths: list[float], kind: str, serials: dict[Any, Any],
                   masker: Any = None) -> Any:
    """One column of a block of rows as written: dates as serials (an unreadable stored date as
    the text it is), numbers as numbers (anything else as text), other values as text that is
    masked when ``masker`` is given and never taken for a formula; widens the column."""
    if kind == DATE:
        for value in set(col).difference(serials):
            serials[value] = serial(value)
        col = list(map(serials.__getitem__, col))
        if str in set(map(type, col)):
            col = [cell_text(value, c, widths) if value.__class__ is str and value else value for value in col]
        return col
    if kind == NUMBER:
        if NUMBER_TYPES.issuperset(map(type, col)):
            return col
        return [value if value.__class__ in NUMBER_TYPES or value == "" else cell_text(value, c, widths)
                for value in col]
    if masker is not None:
        col = [masker(value if value.__class__ is str else str(value)) if value is not None and value != ""
               else value for value in col]
    return text_column(col, c, widths)


def serial(value: Any) -> Any:
    """A stored date (ISO text or date) → its Excel serial number; else the value as is."""
    day = value if isinstance(value, _dt.date) else parse_iso(_dt.date.fromisoformat, value)
    return str(value) if day is None else day.toordinal() - _EPOCH


def cell_text(value: Any, c: int, widths: list[float]) -> str:
    """A cell's text as written: never taken for a formula (CWE-1236); widens its column."""
    text = value if isinstance(value, str) else str(value)
    if text and text[0] in DANGEROUS_FIRST:
        text = NEUTRALISER + text
    if len(text) * 2 + 2 > widths[c]:
        _widen(text, c, widths)
    return text


def _widen(text: str, c: int, widths: list[float]) -> None:
    w = display_width(text) + 2
    if w > widths[c]:
        widths[c] = w


def fast_mask_id(text: str) -> str:
    """``mask_id`` for the stored (normalised) 18-character number without its general
    cleaning, which cost more than the cell write; anything else goes to ``mask_id``."""
    if len(text) == 18 and text.isascii() and text[:17].isdigit() and (text[17].isdigit() or text[17] == "X"):
        return text[:6] + "********" + text[14:]
    return mask_id(text)


def fast_mask_phone(text: str) -> str:
    """``mask_phone`` for a stored 11-digit mobile (no full phone check); else ``mask_phone``."""
    if len(text) == 11 and text.isascii() and text.isdigit() and text[0] == "1" and text[1] in "3456789":
        return text[:3] + "****" + text[7:]
    return mask_phone(text)


# The fast maskers by a column's ``mask`` ("id" / "phone").
FAST_MASKERS = {"id": fast_mask_id, "phone": fast_mask_phone}


def parse_iso(fromiso, value: Any) -> _dt.date | None:
    try:
        return fromiso(str(value)[:10])
    except ValueError:
        return None


def merge_group(ws, first: int, last: int, cols: list[int]) -> None:
    # constant_memory has already flushed these rows, so merge_range() cannot rewrite them;
    # the merge list itself is written at close and only needs the ranges.
    for c in cols:
        ws.merge.append([first, c, last, c])
