"""Data rows written straight into a constant-memory worksheet's XML, a block at a time.

xlsxwriter's ``write_row`` costs about 4 µs a cell (type dispatch, a cell
tuple, then per-cell escaping and formatting when the row is flushed), which
was 85 % of a 100k-resident roster export.  :class:`RowWriter` writes the
same ``<row>``/``<c>`` XML that xlsxwriter writes for the roster's values
(text, whole and decimal numbers, empty cells skipped), built column by column
with C-level passes; text is escaped exactly as xlsxwriter escapes it, except
that a value that looks like rich-text XML (``<r>…</r>``) is escaped too
rather than written raw.  ``tests/core/test_excel_rowxml.py`` compares the sheet
XML with xlsxwriter's own, byte for byte, for tricky values.

It relies on xlsxwriter's constant-memory internals (the row file ``fh``,
``previous_row``, ``_write_single_row``, ``_write_row``, ``_check_dimensions``),
so ``pyproject.toml`` keeps xlsxwriter within the tested minor versions.
"""
from __future__ import annotations

import io
import math
import re
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Sequence

from xlsxwriter.utility import xl_col_to_name

from neighbourhood.errors import ValidationError

# Anything in a text that xlsxwriter would change: XML specials, control characters (written
# as _xHHHH_), the two non-characters, and a literal _xHHHH_ (whose underscore is escaped).
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_STRMAX = 32767                       # Excel's cell text limit, in UTF-16 units
_NUMBER_TYPES = (int, float)
_first, _last = itemgetter(0), itemgetter(-1)


def escape(text: str) -> tuple[str, bool]:
    """``text`` as the content of a ``<t>`` element, and whether it needs xml:space="preserve"
    (xlsxwriter's order: control characters first, then the whitespace test, then & < >)."""
    if len(text) > _STRMAX // 2 and len(text.encode("utf-16-le", "surrogatepass")) // 2 > _STRMAX:
        text = _truncate(text)
    text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    preserve = text[:1].isspace() or text[-1:].isspace()
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), preserve


def _truncate(text: str) -> str:
    length = 0
    for index, char in enumerate(text):
        length += 2 if ord(char) > 0xFFFF else 1
        if length > _STRMAX:
            return text[:index]
    return text


class RowWriter:
    """Writes blocks of data rows of ``ncol`` columns into ``ws`` (constant_memory mode).

    ``col_formats[c]`` is the column's format (given to ``set_column``) or None; a data
    cell has no format of its own, so it shows its column's, as xlsxwriter writes it.
    Rows must come in order, below every row written through xlsxwriter so far.
    """

    def __init__(self, ws, col_formats: Sequence[Any]):
        if not ws.constant_memory:
            raise ValueError("RowWriter needs a constant_memory worksheet")
        self.ws = ws
        self._formats = list(col_formats)
        self._text: list[str] = []
        self._number: list[str] = []
        # The <row> tag as xlsxwriter writes it for a row without a height or format of its own.
        saved, ws.fh = ws.fh, io.StringIO()
        try:
            ws._write_row(0, None)
            tag = ws.fh.getvalue()
        finally:
            ws.fh = saved
        if not tag.startswith('<row r="1"'):
            raise RuntimeError(f"unexpected xlsxwriter row tag: {tag!r}")
        self._row = '<row r="%s"' + tag[len('<row r="1"'):]

    def write(self, first_row: int, columns: Sequence[Sequence[Any]]) -> int:
        """Write rows ``first_row``… (zero-based) whose cells are ``columns[c][k]``; returns
        the last row written (``first_row - 1`` for none).  None and "" write no cell."""
        n = len(columns[0]) if columns else 0
        if not n:
            return first_row - 1
        ws = self.ws
        if ws.previous_row > first_row or (ws.previous_row == first_row and ws.table.get(first_row)):
            raise ValueError(f"row {first_row} is above or in rows already written")
        if first_row + n > ws.xls_rowmax:
            raise ValidationError(f"超过 Excel 每张表 {ws.xls_rowmax:,} 行的上限，请按网格或楼栋分别导出。",
                                  field="rows")
        ws._write_single_row(first_row)         # flush what xlsxwriter still holds
        if not self._text:
            self._templates()
        numbers = list(map(str, range(first_row + 1, first_row + n + 1)))
        cells = [self._cells(c, col, numbers) for c, col in enumerate(columns)]
        used = [c for c, column in enumerate(cells) if any(column)]
        last = first_row + n - 1
        if used:
            # As xlsxwriter: a row without cells is not written, and the sheet's dimension
            # covers only the cells written.
            filled = list(map(any, zip(*(cells[c] for c in used))))
            if all(filled):
                opens, ends = map(self._row.__mod__, numbers), repeat("</row>", n)
            else:
                opens = [self._row % r if f else "" for r, f in zip(numbers, filled)]
                ends = ["</row>" if f else "" for f in filled]
            ws.fh.write("".join(chain.from_iterable(zip(opens, *cells, ends))))
            ws._check_dimensions(first_row + filled.index(True), used[0])
            ws._check_dimensions(last - filled[::-1].index(True), used[-1])
        ws.previous_row = last
        return last

    def _templates(self) -> None:
        # Made at the first write, after the rows above are flushed, so the header's formats
        # are numbered first, as xlsxwriter numbers them (in first-use order).
        for c, f in enumerate(self._formats):
            ref = f'<c r="{xl_col_to_name(c)}%s"'
            style = f' s="{f._get_xf_index()}"' if f is not None else ""
            self._text.append(ref + style + ' t="inlineStr"><is><t%s>%s</t></is></c>')
            self._number.append(ref + style + "><v>%.16G</v></c>")

    def _cells(self, c: int, col: Sequence[Any], numbers: list[str]) -> list[str]:
        types = set(map(type, col))
        text, number = self._text[c], self._number[c]
        types.discard(type(None))
        if types <= {str}:
            texts = list(filter(None, col))
            if not texts:
                return [""] * len(numbers)
            if (max(map(len, texts)) <= _STRMAX // 2 and _SPECIAL.search("".join(texts)) is None
                    and not any(map(str.isspace, map(_first, texts)))
                    and not any(map(str.isspace, map(_last, texts)))):
                if len(texts) == len(col):
                    return list(map(text.__mod__, zip(numbers, repeat(""), col)))
                return [text % (r, "", v) if v else "" for r, v in zip(numbers, col)]
        elif types <= {int} or (types <= {int, float} and all(map(math.isfinite, filter(None, col)))):
            return [number % (r, v) if v is not None else "" for r, v in zip(numbers, col)]
        return [self._cell(c, r, v) for r, v in zip(numbers, col)]

    def _cell(self, c: int, r: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if value.__class__ in _NUMBER_TYPES and math.isfinite(value):
            return self._number[c] % (r, value)
        body, preserve = escape(value if value.__class__ is str else str(value))
        return self._text[c] % (r, ' xml:space="preserve"' if preserve else "", body)
