"""Roster export: formatting, text IDs, masking and its audit entry, neutralisation, cancel."""
from __future__ import annotations

import datetime as _dt
import json
import sys

import openpyxl
import pytest

from neighbourhood.access import Access
from neighbourhood.errors import PermissionDenied
from neighbourhood.excel import ROSTER_KINDS, export_roster
from neighbourhood.excel.safety import display_width, neutralise
from neighbourhood.jobs import Cancelled


def _director(ledger) -> None:
    ledger.access = Access(role="admin", username="director", display_name="王书记", can_view_full=True)


def _exports(ledger) -> list[dict]:
    rows = ledger.conn.execute("SELECT username, changes FROM audit_log WHERE action = 'export'").fetchall()
    return [dict(json.loads(c), username=u) for u, c in rows]


def test_core_does_not_import_qt():
    import neighbourhood.excel  # noqa: F401
    assert not any(name.startswith("PySide6") for name in sys.modules if "excel" in name)
    import neighbourhood.excel.export as e
    assert "PySide6" not in open(e.__file__, encoding="utf-8").read()


def test_registry_has_the_registry_rosters():
    assert {"residents", "households", "migrants", "separated"} <= set(ROSTER_KINDS)
    for kind in ROSTER_KINDS.values():
        assert kind.title and kind.columns
        assert all(c.type in ("text", "date", "number") for c in kind.columns)


@pytest.mark.parametrize("kind", ["residents", "households", "migrants", "separated"])
def test_every_kind_exports_a_formatted_sheet(demo_ledger, tmp_path, kind):
    out = tmp_path / f"{kind}.xlsx"
    result = export_roster(demo_ledger, kind, out=out)
    assert result.rows == ROSTER_KINDS[kind].count(demo_ledger, {}) > 0
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert "阳光社区" in ws["A1"].value and ROSTER_KINDS[kind].title in ws["A1"].value
    assert ws["A1"].font.b
    headers = [c.value for c in ws[3]]
    assert headers == [c.header for c in ROSTER_KINDS[kind].columns]
    assert all(c.font.b for c in ws[3])
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref.startswith("A3:")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and (ws.page_setup.fitToWidth or 1) == 1  # OOXML default 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$3:$3"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    # The table's borders print; the sheet's gridlines do not (no box around the title rows).
    assert not ws.print_options.gridLines and ws.conditional_formatting
    assert ws.max_row == 3 + result.rows
    # No cell is a formula.
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_ids_and_phones_are_text_and_dates_are_dates(demo_ledger, tmp_path):
    _director(demo_ledger)
    out = tmp_path / "r.xlsx"
    export_roster(demo_ledger, "residents", out=out, full=True)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[3]]
    id_col, phone_col, birth_col = (headers.index(h) for h in ("身份证号", "联系电话", "出生日期"))
    ids = [row[id_col] for row in ws.iter_rows(min_row=4) if row[id_col].value]
    assert ids and all(c.data_type == "s" and len(c.value) == 18 for c in ids)
    assert all(c.number_format == "@" for c in ids)
    phones = [row[phone_col] for row in ws.iter_rows(min_row=4) if row[phone_col].value]
    assert phones and all(c.data_type == "s" for c in phones)
    births = [row[birth_col] for row in ws.iter_rows(min_row=4) if row[birth_col].value]
    assert births and all(isinstance(c.value, _dt.datetime) and c.is_date for c in births)


def test_widths_fit_chinese_text(demo_ledger, tmp_path):
    out = tmp_path / "r.xlsx"
    export_roster(demo_ledger, "residents", out=out)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[3]]
    col = openpyxl.utils.get_column_letter(headers.index("住址") + 1)
    longest = max(display_width(ws[f"{col}{r}"].value or "") for r in range(4, ws.max_row + 1))
    assert ws.column_dimensions[col].width >= longest
    assert display_width("张三") == 4 and display_width("ab") == 2


def test_masked_by_default_and_audited(demo_ledger, tmp_path):
    out = tmp_path / "r.xlsx"
    result = export_roster(demo_ledger, "residents", out=out)
    assert not result.full
    ws = openpyxl.load_workbook(out).active
    ids = [r[6].value for r in ws.iter_rows(min_row=4) if r[6].value]
    assert ids and all("********" in i for i in ids)
    phones = [r[7].value for r in ws.iter_rows(min_row=4) if r[7].value]
    assert phones and all("****" in p for p in phones)
    assert "已脱敏" in ws["A2"].value
    entry = _exports(demo_ledger)[-1]
    assert entry["kind"] == "residents" and entry["full"] is False and entry["rows"] == result.rows


def test_full_needs_permission_and_is_recorded(demo_ledger, tmp_path):
    out = tmp_path / "r.xlsx"
    demo_ledger.access = Access(role="staff", username="zhangmin", can_view_full=False)
    with pytest.raises(PermissionDenied):
        export_roster(demo_ledger, "residents", out=out, full=True)
    assert not out.exists()
    _director(demo_ledger)
    export_roster(demo_ledger, "residents", out=out, full=True)
    ws = openpyxl.load_workbook(out).active
    ids = [r[6].value for r in ws.iter_rows(min_row=4) if r[6].value]
    assert all("*" not in i for i in ids)
    entry = _exports(demo_ledger)[-1]
    assert entry["full"] is True and entry["username"] == "director"
    assert demo_ledger.verify_audit() == []


def test_formula_like_text_is_neutralised(demo_ledger, tmp_path):
    nasty = ["=HYPERLINK(\"http://x\",\"点\")", "+1+1", "-2+3", "@SUM(A1)", "＝１＋１", "\tTAB", "\rCR"]
    rid = demo_ledger.conn.execute("SELECT id FROM residents LIMIT ?", (len(nasty),)).fetchall()
    with demo_ledger.operation("test"):
        for (resident_id,), note in zip(rid, nasty):
            demo_ledger.writer.update("residents", resident_id, {"notes": note, "name": note})
    out = tmp_path / "r.xlsx"
    export_roster(demo_ledger, "residents", out=out)
    ws = openpyxl.load_workbook(out).active
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    # openpyxl leaves the OOXML escape of CR (_x000D_) as is; Excel shows a CR.
    notes = {r[13].value.replace("_x000D_", "\r") for r in ws.iter_rows(min_row=4) if r[13].value}
    names = {r[3].value.replace("_x000D_", "\r") for r in ws.iter_rows(min_row=4)}
    assert notes == {"'" + n for n in nasty}
    assert {"'" + n for n in nasty} <= names
    assert neutralise("＋１") == "'＋１" and neutralise("张三") == "张三"


def test_filters_by_grid_and_building(demo_ledger, tmp_path):
    grid = demo_ledger.grids.list()[1]
    building = demo_ledger.buildings.list(grid.id)[0]
    out = tmp_path / "g.xlsx"
    result = export_roster(demo_ledger, "residents", out=out, filters={"grid_id": grid.id})
    ws = openpyxl.load_workbook(out).active
    assert {r[1].value for r in ws.iter_rows(min_row=4)} == {grid.name}
    assert grid.name in ws["A2"].value
    result_b = export_roster(demo_ledger, "residents", out=out, filters={"building_id": building.id})
    assert 0 < result_b.rows <= result.rows
    ws = openpyxl.load_workbook(out).active
    assert {r[2].value.split("栋")[0] + "栋" for r in ws.iter_rows(min_row=4)} == {building.name}


def test_households_roster_groups_members(demo_ledger, tmp_path):
    out = tmp_path / "h.xlsx"
    export_roster(demo_ledger, "households", out=out)
    ws = openpyxl.load_workbook(out).active
    merged = [str(m) for m in ws.merged_cells.ranges]
    assert any(m.startswith("B") and ":" in m for m in merged)     # 住址 merged over members
    households = demo_ledger.check().counts["households"]
    numbers = [r[0].value for r in ws.iter_rows(min_row=4) if r[0].value is not None]
    assert len(numbers) == households and numbers[-1] == households


def test_cancel_leaves_no_file_and_keeps_an_old_one(demo_ledger, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "r.xlsx"
    with pytest.raises(Cancelled):
        export_roster(demo_ledger, "residents", out=out, abort=lambda: True)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        export_roster(demo_ledger, "residents", out=out, abort=lambda: True)
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]
    assert _exports(demo_ledger) == []


def test_failure_midway_leaves_no_file(demo_ledger, tmp_path, monkeypatch):
    from neighbourhood.excel import kinds

    def broken(ledger, filters):
        yield (1, "第一网格", "1栋1单元101室", "张三", "男", None, None, None, "户主", None, None, "户籍", None, None)
        raise RuntimeError("disk full")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    monkeypatch.setitem(kinds.ROSTER_KINDS, "broken", kinds.dataclasses.replace(ROSTER_KINDS["residents"], key="broken", rows=broken))
    out = tmp_path / "b.xlsx"
    with pytest.raises(RuntimeError):
        export_roster(demo_ledger, "broken", out=out)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported(demo_ledger, tmp_path):
    seen = []
    export_roster(demo_ledger, "residents", out=tmp_path / "r.xlsx", progress=lambda d, t, s="": seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_fast_maskers_agree_with_the_general_ones():
    from neighbourhood.excel.sheet import fast_mask_id as _mask_id, fast_mask_phone as _mask_phone
    from neighbourhood.idnumbers import mask_id
    from neighbourhood.phones import mask_phone

    for text in ("11010519491231002X", "110105194912310021", "11010519491231002x", "110105491231002",
                 "１10105194912310021", " 110105194912310021", "ABC", "11010519491231002Y"):
        assert _mask_id(text) == mask_id(text), text
    for text in ("13800138000", "12800138000", "1380013800", "0531-88888888", "138 0013 8000",
                 "１3800138000", "23800138000", "13800138000转1"):
        assert _mask_phone(text) == mask_phone(text), text


def test_table_borders_come_from_one_conditional_format(demo_ledger, tmp_path):
    out = tmp_path / "r.xlsx"
    result = export_roster(demo_ledger, "residents", out=out)
    ws = openpyxl.load_workbook(out).active
    last_col = openpyxl.utils.get_column_letter(len(ROSTER_KINDS["residents"].columns))
    table = f"A4:{last_col}{3 + result.rows}"
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    assert list(rules) == [table]
    (rule,) = rules[table]
    assert rule.type == "expression" and rule.formula == ["TRUE"]
    border = rule.dxf.border
    assert {border.left.style, border.right.style, border.top.style, border.bottom.style} == {"thin"}
    assert all(c.border.left.style == "thin" for c in ws[3])         # the header keeps its own
    # Empty cells inside the table are not written (the conditional format draws them) …
    notes = ROSTER_KINDS["residents"].columns.index(next(c for c in ROSTER_KINDS["residents"].columns
                                                        if c.key == "notes"))
    assert any(row[notes].value is None for row in ws.iter_rows(min_row=4))
    # … and text cells keep the roster's font through the default style.
    assert ws["D4"].font.name == "宋体" and ws["D4"].font.sz == 10


def test_odd_values_are_written_as_text_or_dates(demo_ledger, tmp_path):
    from neighbourhood.excel.kinds import DATE, NUMBER, Column, RosterKind

    rows = [(1, "甲", 0, "2024-01-05", "110105198506150021"),
            (2, "=1+1", 12.5, "2024-13-45", "00123"),
            ("第三", "", None, _dt.date(2020, 2, 29), ""),
            (4, None, "", None, None)]
    kind = RosterKind(key="odd", title="测试", rows=lambda ledger, f: iter(rows), count=lambda ledger, f: len(rows),
                      columns=(Column("no", "序号", 6, NUMBER), Column("a", "甲", 8), Column("b", "乙", 8),
                               Column("d", "日期", 11, DATE), Column("id", "身份证号", 20, mask="id")))
    _director(demo_ledger)
    out = tmp_path / "odd.xlsx"
    export_roster(demo_ledger, kind, out=out, full=True)
    ws = openpyxl.load_workbook(out).active
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert got[0] == [1, "甲", "0", _dt.datetime(2024, 1, 5), "110105198506150021"]
    assert got[1] == [2, "'=1+1", "12.5", "2024-13-45", "00123"]      # text stays text
    assert got[2] == ["第三", None, None, _dt.datetime(2020, 2, 29), None]
    assert got[3] == [4, None, None, None, None]
    assert ws["E4"].data_type == "s" and ws["E4"].number_format == "@"
    assert ws["D4"].is_date and ws["D5"].data_type == "s"
