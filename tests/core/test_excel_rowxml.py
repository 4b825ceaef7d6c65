"""The fast row writer writes the same sheet XML as xlsxwriter's own write_row, byte for byte."""
from __future__ import annotations

import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neighbourhood.excel.rowxml import RowWriter, escape
from neighbourhood.excel.sheet import formats, new_workbook

TRICKY = ["普通文字", "&<>\"'", "多行\n文本", "\t前面有制表符", "后面有空格 ", "\u3000全角空格", " ", "_x0041_",
          "a_x00ZZ_b", "控制\x01字符\x1f", "回车\r", "非字符\ufffe\uffff", "表情😀", "=1+1", "'=SUM(A1)",
          "x" * 20000, "😀" * 16384 + "尾", "中" * 32767 + "超出", None, ""]
NUMBERS = [0, -1, 1.5, 1e20, 12345678901234567, 0.1 + 0.2, None, 45000, -0.0, 3.0]


def _sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def _write_both(tmp_path, rows, col_kinds, *, before=("标题",), after=("合计",)):
    """The same sheet written through xlsxwriter's write_row and through RowWriter."""
    out = {}
    for how in ("xlsxwriter", "rowxml"):
        path = tmp_path / f"{how}.xlsx"
        wb = new_workbook(path, title="t", author="a", company="c", comments="")
        ws = wb.add_worksheet("表")
        fmt = formats(wb)
        # Style numbers are given in first-use order; fix them so only the cells can differ.
        for f in fmt.values():
            f._get_xf_index()
        col_fmts = [fmt[k] if k else None for k in col_kinds]
        for c, f in enumerate(col_fmts):
            ws.set_column(c, c, 10, f)
        ws.set_default_row(17)
        for r, text in enumerate(before):
            ws.write_string(r, 0, text, fmt["header"])
        first = len(before)
        if how == "xlsxwriter":
            # Cell by cell: write_row stops at the first cell it had to truncate.
            for k, row in enumerate(rows):
                for c, value in enumerate(row):
                    ws.write(first + k, c, value)
            last = first + len(rows) - 1
        else:
            writer = RowWriter(ws, col_fmts)
            last = writer.write(first, [list(col) for col in zip(*rows)]) if rows else first - 1
        for k, text in enumerate(after, last + 1):
            ws.write_string(k, 0, text, fmt["header"])
        wb.close()
        out[how] = _sheet_xml(path)
    return out


def test_tricky_text_and_numbers_match_xlsxwriter(tmp_path):
    rows = [(t, n, t, n) for t, n in zip(TRICKY, NUMBERS * 2)]
    out = _write_both(tmp_path, rows, ["text", None, None, "date"])
    assert out["rowxml"] == out["xlsxwriter"]
    assert b"_x005F_x0041_" in out["rowxml"] and b'xml:space="preserve"' in out["rowxml"]


def test_blocks_in_a_row_and_plain_columns_match_xlsxwriter(tmp_path):
    # The fast paths: all-text columns without specials, with and without empty cells, numbers.
    rows = [(k, f"姓名{k}", f"备注{k}" if k % 3 else None, k * 1.25, "") for k in range(50)]
    out = {}
    for how in ("xlsxwriter", "rowxml"):
        path = tmp_path / f"{how}.xlsx"
        wb = new_workbook(path, title="t", author="a", company="c", comments="")
        ws = wb.add_worksheet()
        ws.write_string(0, 0, "表头")
        if how == "xlsxwriter":
            for k, row in enumerate(rows, 1):
                ws.write_row(k, 0, row)
        else:
            writer = RowWriter(ws, [None] * 5)
            r = 1
            for start in range(0, 50, 20):         # three blocks, one after another
                r = writer.write(r, [list(c) for c in zip(*rows[start:start + 20])]) + 1
        ws.write_string(len(rows) + 1, 0, "合计")
        wb.close()
        out[how] = _sheet_xml(path)
    assert out["rowxml"] == out["xlsxwriter"]


cell_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
cell = st.one_of(st.none(), cell_text, st.integers(-10**18, 10**18),
                 st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cell, cell, cell), min_size=1, max_size=8))
def test_any_values_match_xlsxwriter(tmp_path, rows):
    # Rich-text-looking values are the one intended difference (see the next test).
    rows = [tuple(v for v in row) for row in rows
            if not any(isinstance(v, str) and v.startswith("<r>") and v.endswith("</r>") for v in row)]
    if not rows:
        return
    out = _write_both(tmp_path, rows, ["text", None, "date"])
    assert out["rowxml"] == out["xlsxwriter"]


def test_rich_text_lookalike_is_escaped_and_reads_back(tmp_path):
    from python_calamine import CalamineWorkbook

    value = "<r><t>注入</t></r>"
    out = _write_both(tmp_path, [(value,)], [None], before=("表头",), after=())
    assert b"&lt;r&gt;&lt;t&gt;" in out["rowxml"]
    rows = CalamineWorkbook.from_path(str(tmp_path / "rowxml.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[1][0] == value


def test_escape_truncates_to_excels_limit():
    text, preserve = escape("😀" * 20000)
    assert len(text.encode("utf-16-le")) // 2 <= 32767 and not preserve
    assert escape(" a&b")[0] == " a&amp;b" and escape(" a&b")[1]


def test_rows_above_what_was_written_are_refused(tmp_path):
    wb = new_workbook(tmp_path / "x.xlsx", title="t", author="a", company="c", comments="")
    ws = wb.add_worksheet()
    ws.write_string(5, 0, "下面")
    writer = RowWriter(ws, [None])
    writer.write(6, [["a"]])
    with pytest.raises(ValueError):
        writer.write(3, [["b"]])
    ws.write_string(7, 0, "xlsxwriter 还没写出的行")
    with pytest.raises(ValueError):
        writer.write(7, [["c"]])                     # would write row 8 twice
    wb.close()


def test_more_rows_than_excel_holds_get_a_clear_message(tmp_path):
    from neighbourhood.errors import ValidationError

    wb = new_workbook(tmp_path / "x.xlsx", title="t", author="a", company="c", comments="")
    ws = wb.add_worksheet()
    with pytest.raises(ValidationError, match="行的上限"):
        RowWriter(ws, [None]).write(1_048_570, [["a"] * 10])
    wb.close()
