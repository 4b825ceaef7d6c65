"""Roster import: round trip, messy sheets, duplicates, all-or-nothing, hostile files."""
from __future__ import annotations

import datetime as _dt
import json
import zipfile

import openpyxl
import pytest

from neighbourhood.access import Access
from neighbourhood.excel import (ExcelFileError, ImportOptions, apply_import, export_roster,
                                 propose_mapping, read_table, remember, remembered, validate_import,
                                 write_error_rows)
from neighbourhood.excel.importer import ERROR, NEW, SKIP, UPDATE
from neighbourhood.excel.values import date as parse_date, parse_address
from neighbourhood.idnumbers import check_char
from neighbourhood.jobs import Cancelled


def _id(body17: str) -> str:
    return body17 + check_char(body17)


ID_A = _id("11010519900101001")     # male
ID_B = _id("11010519920202002")     # female
ID_C = _id("37010220100315003")
ID_D = _id("41010519850707004")
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _people(ledger) -> set[tuple]:
    return set(ledger.conn.execute(
        """SELECT r.name, r.sex, r.birth_date, r.id_number, r.phone, r.relation, r.residence_status,
                  b.name, h.entrance, h.unit, g.name
           FROM residents r JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = h.building_id
           JOIN grids g ON g.id = b.grid_id WHERE r.deleted_at IS NULL AND r.status = '在册'"""))


def _households(ledger) -> set[tuple]:
    rows = ledger.conn.execute(
        """SELECT g.name, b.name, h.entrance, h.unit, hr.id_number,
                  (SELECT group_concat(id_number) FROM (SELECT id_number FROM residents m
                    WHERE m.household_id = h.id AND m.deleted_at IS NULL ORDER BY id_number))
           FROM households h JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
           LEFT JOIN residents hr ON hr.id = h.head_resident_id WHERE h.deleted_at IS NULL""")
    return set(rows)


def _empty_with_grids(ledger, names=("第一网格", "第二网格", "第三网格")):
    return {name: ledger.grids.add(name=name).id for name in names}


def _sheet(path, rows, *, merges=(), number_formats=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    for coord, fmt in (number_formats or {}).items():
        ws[coord].number_format = fmt
    wb.save(path)
    return path


# --- round trip --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["residents", "households"])
def test_round_trip_into_an_empty_ledger(demo_ledger, ledger, tmp_path, kind):
    demo_ledger.access = Access(role="admin", username="director", can_view_full=True)
    out = tmp_path / "roster.xlsx"
    export_roster(demo_ledger, kind, out=out, full=True)
    _empty_with_grids(ledger)
    table = read_table(out)
    assert table.header_row == 3
    plan = validate_import(ledger, table, propose_mapping(table.headers))
    assert plan.errors == [], plan.report()[:5]
    result = apply_import(ledger, plan)
    assert result.added == demo_ledger.check().counts["residents"]
    from neighbourhood.backups import list_backups
    assert [kind for _p, kind, _s in list_backups(ledger.path)] == ["before"]  # a copy before the import
    assert _people(ledger) == _people(demo_ledger)
    assert _households(ledger) == _households(demo_ledger)
    assert ledger.verify_audit() == []
    assert ledger.visits.update_plan() is None     # the import brought the visit plan up to date


def test_masked_export_does_not_import_as_real_ids(demo_ledger, ledger, tmp_path):
    out = tmp_path / "masked.xlsx"
    export_roster(demo_ledger, "residents", out=out)
    _empty_with_grids(ledger)
    table = read_table(out)
    plan = validate_import(ledger, table, propose_mapping(table.headers))
    assert plan.errors and all("身份证号" in r.message for r in plan.errors[:5])


# --- messy sheets -------------------------------------------------------------------------

def _messy(tmp_path):
    rows = [
        ["阳光社区居民花名册（2024年）", None, None, None, None, None, None],
        ["填报单位：第一网格", None, None, None, None, None, None],
        ["基本信息", None, None, None, "联系方式", None, None],
        ["序号", "姓 名", "公民身份号码", "出生年月", "手机", "家庭住址", "与户主关系"],
        [1, "张伟", ID_A, "1990年1月1日", 13800000001, "12栋2单元301室", "户主"],
        [2, "李娜", ID_B, _dt.datetime(1992, 2, 2), "138 0000 0002", "12栋2单元301室", "妻子"],
        [None, None, None, None, None, None, None],
        [3, "张小宝", ID_C, 40252, None, "12-2-301", "子女"],            # Excel serial date
        [4, "王五", 4.10105199001011e+17, "1990/1/1", None, "3幢1202", "户主"],   # mangled float
        [5, "赵六", "410105199001011000", "1990.1.1", None, "3幢1202", "配偶"],    # mangled text
        [6, "孙七", "4.10105199001011E+17", None, None, "3幢1202", "子女"],         # mangled text
        [7, "张伟", ID_A, "1990-01-01", None, "12栋2单元301室", "其他"],             # duplicate in file
        [8, "周八", ID_D.translate(FULL_WIDTH), "1985-07-07", "１３９０００００００１",
         "十二栋二单元302", "户主"],                                               # full-width
        [9, "", ID_D[:-1] + "0", "1985-07-07", None, "12栋2单元303室", "户主"],      # no name, bad check
        [10, "吴九", None, "2024-13-01", "12345", "某街道", "户主"],                   # bad date/phone/address
    ]
    return _sheet(tmp_path / "messy.xlsx", rows, merges=["A1:G1", "A2:G2", "A3:D3", "E3:G3"])


def test_messy_sheet_header_mapping_and_row_numbers(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    table = read_table(_messy(tmp_path))
    assert table.header_row == 4
    assert table.headers[:3] == ["序号", "姓 名", "公民身份号码"]
    mapping = propose_mapping(table.headers)
    assert mapping == {1: "name", 2: "id_number", 3: "birth_date", 4: "phone", 5: "address", 6: "relation"}
    assert 7 not in table.row_numbers                     # the blank row is dropped
    plan = validate_import(ledger, table, mapping, options=ImportOptions(grid_id=grids["第一网格"]))
    by_row = {r.row_number: r for r in plan.rows}
    assert [by_row[n].action for n in (5, 6, 8)] == [NEW, NEW, NEW]
    assert by_row[6].values["relation"] == "配偶" and by_row[6].values["phone"] == "13800000002"
    assert by_row[8].values["birth_date"] == "2010-03-15"
    assert by_row[5].values["birth_date"] == "1990-01-01"
    for n in (9, 10, 11):
        assert by_row[n].action == ERROR and "Excel" in by_row[n].problems["id_number"]
    assert "第 5 行" in by_row[12].problems["id_number"]
    assert by_row[13].action == NEW and by_row[13].values["id_number"] == ID_D
    assert by_row[13].values["phone"] == "13900000001" and by_row[13].address == ("12", "2", "302")
    assert set(by_row[14].problems) >= {"name", "id_number"}
    assert set(by_row[15].problems) >= {"birth_date", "phone", "address"}
    report = "\n".join(plan.report())
    assert "第 9 行" in report and "第 15 行" in report


def test_merged_household_cells_fill_down(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    rows = [["住址", "姓名", "身份证号", "与户主关系"],
            ["5栋1单元101室", "张伟", ID_A, "户主"],
            [None, "李娜", ID_B, "配偶"]]
    path = _sheet(tmp_path / "m.xlsx", rows, merges=["A2:A3"])
    table = read_table(path)
    plan = validate_import(ledger, table, propose_mapping(table.headers),
                           options=ImportOptions(grid_id=grids["第二网格"]))
    assert [r.address for r in plan.rows] == [("5", "1", "101")] * 2
    result = apply_import(ledger, plan)
    assert (result.added, result.households_added, result.buildings_added) == (2, 1, 1)
    household = ledger.conn.execute("SELECT id, head_resident_id FROM households").fetchone()
    head = ledger.residents.get(household[1])
    assert head.name == "张伟" and ledger.buildings.list(grids["第二网格"])[0].name == "5栋"


def test_import_writes_good_rows_in_one_operation(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    table = read_table(_messy(tmp_path))
    plan = validate_import(ledger, table, propose_mapping(table.headers),
                           options=ImportOptions(grid_id=grids["第一网格"]))
    result = apply_import(ledger, plan)
    assert result.added == 4 and result.errors == plan.count(ERROR)
    assert result.households_added == 2 and result.buildings_added == 1
    ids = {r[0] for r in ledger.conn.execute("SELECT id_number FROM residents")}
    assert ids == {ID_A, ID_B, ID_C, ID_D}
    assert ledger.undoable is not None and "导入花名册" in ledger.undoable.label
    # IDs stay text in the database.
    assert {type(r[0]) for r in ledger.conn.execute("SELECT id_number FROM residents")} == {str}


def test_import_is_audited_row_by_row_indexed_and_heads_set(ledger, tmp_path):
    from db import audit

    grids = _empty_with_grids(ledger)
    table = read_table(_messy(tmp_path))
    plan = validate_import(ledger, table, propose_mapping(table.headers),
                           options=ImportOptions(grid_id=grids["第一网格"]))
    since = ledger.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    result = apply_import(ledger, plan)
    audited = {(t, r) for t, r in ledger.conn.execute(
        "SELECT table_name, record_id FROM audit_log WHERE seq > ?", (since,))}
    for table_name in ("residents", "households", "buildings", "resident_events"):
        ids = {r[0] for r in ledger.conn.execute(f"SELECT id FROM {table_name}")}
        assert ids and {(table_name, i) for i in ids} <= audited, table_name
    assert audit.verify(ledger.conn) == []
    # Every new household has its 户主, and its search document shows the head's name.
    for hid, head in ledger.conn.execute("SELECT id, head_resident_id FROM households").fetchall():
        name, = ledger.conn.execute("SELECT name FROM residents WHERE id = ?", (head,)).fetchone()
        rowid, = ledger.conn.execute("SELECT rowid FROM households WHERE id = ?", (hid,)).fetchone()
        found = [r[0] for r in ledger.conn.execute(
            "SELECT rowid FROM search_uni WHERE search_uni MATCH ?", (f'chars:"{" ".join(name)}"',))]
        assert rowid * 2 + 1 in found, name
    assert result.households_added == 2


def test_duplicates_against_the_database_skip_or_update(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    rows = [["姓名", "身份证号", "住址", "手机"], ["张伟", ID_A, "1栋1单元101室", "13800000001"]]
    path = _sheet(tmp_path / "a.xlsx", rows)
    opts = ImportOptions(grid_id=grids["第一网格"])
    apply_import(ledger, validate_import(ledger, read_table(path), {0: "name", 1: "id_number", 2: "address", 3: "phone"}, options=opts))
    rows[1][3] = "13900000009"
    path = _sheet(tmp_path / "b.xlsx", rows)
    table = read_table(path)
    mapping = propose_mapping(table.headers)
    skip = validate_import(ledger, table, mapping, options=opts)
    assert skip.rows[0].action == SKIP and "已有此人" in skip.rows[0].note
    update = validate_import(ledger, table, mapping, options=ImportOptions(grid_id=grids["第一网格"], on_duplicate=UPDATE))
    assert update.rows[0].action == UPDATE
    result = apply_import(ledger, update)
    assert result.updated == 1 and result.added == 0
    assert ledger.conn.execute("SELECT phone FROM residents").fetchone()[0] == "13900000009"
    assert ledger.conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 1


def test_cancel_or_failure_leaves_the_database_unchanged(demo_ledger, ledger, tmp_path):
    demo_ledger.access = Access(role="admin", username="director", can_view_full=True)
    out = tmp_path / "r.xlsx"
    export_roster(demo_ledger, "residents", out=out, full=True)
    _empty_with_grids(ledger)
    plan = validate_import(ledger, read_table(out), propose_mapping(read_table(out).headers))
    before = (ledger.check().counts, ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    calls = iter(range(10**6))
    with pytest.raises(Cancelled):
        apply_import(ledger, plan, abort=lambda: next(calls) >= 2)     # cancel after 200 rows
    after = (ledger.check().counts, ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    assert after == before
    # A failure in the middle (another user registered one of the IDs meanwhile) rolls back too.
    victim = plan.accepted[len(plan.accepted) // 2].values["id_number"]
    grid = ledger.grids.list()[0]
    b = ledger.buildings.add(grid_id=grid.id, name="99栋")
    h = ledger.households.add(building_id=b.id, unit="101")
    ledger.residents.add(household_id=h.id, name="先登记", id_number=victim)
    before = ledger.check().counts
    with pytest.raises(Exception) as info:
        apply_import(ledger, plan)
    assert "全部未导入" in str(info.value)
    assert ledger.check().counts == before


def test_error_rows_export_and_reimport(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    table = read_table(_messy(tmp_path))
    plan = validate_import(ledger, table, propose_mapping(table.headers), options=ImportOptions(grid_id=grids["第一网格"]))
    out = tmp_path / "errors.xlsx"
    n = write_error_rows(plan, out)
    assert n == plan.count(ERROR)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers[-2:] == ["原行号", "错误说明"]
    assert [r[-2].value for r in ws.iter_rows(min_row=2)] == [r.row_number for r in plan.errors]
    assert all(c.data_type == "s" for r in ws.iter_rows(min_row=2) for c in r[:-2] if c.value)
    # The error file reads back with the same mapping (a fix-and-reimport loop).
    again = read_table(out)
    assert propose_mapping(again.headers)[2] == "id_number"


def test_remembered_mapping(ledger):
    headers = ["名称", "证件", "房屋"]
    assert propose_mapping(headers) == {}
    remember(ledger, headers, {0: "name", 1: "id_number", 2: "address"})
    stored = json.loads(ledger.community.get("excel.import_mappings"))
    assert stored == {"名称": "name", "证件": "id_number", "房屋": "address"}
    assert propose_mapping(headers, remembered(ledger)) == {0: "name", 1: "id_number", 2: "address"}


def test_dates_and_addresses():
    for raw in ("2024-01-05", "2024/1/5", "2024.1.5", "2024年1月5日", "20240105", 45296, 45296.0,
                "２０２４－０１－０５", _dt.date(2024, 1, 5), _dt.datetime(2024, 1, 5, 8, 0)):
        assert parse_date(raw) == "2024-01-05", raw
    assert parse_date("2024-13-01") == "2024-13-01"
    assert parse_address("阳光小区12号楼二单元301") == ("12", "2", "301")
    assert parse_address("12-301") == ("12", "", "301")
    assert parse_address("和平路5号") is None


def test_csv_in_gbk(ledger, tmp_path):
    grids = _empty_with_grids(ledger)
    path = tmp_path / "r.csv"
    path.write_bytes(f"姓名,身份证号,住址\n张伟,{ID_A},1栋1单元101室\n".encode("gbk"))
    table = read_table(path)
    plan = validate_import(ledger, table, propose_mapping(table.headers), options=ImportOptions(grid_id=grids["第一网格"]))
    assert plan.count(NEW) == 1


# --- hostile files -------------------------------------------------------------------------

def _chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("this is not a spreadsheet")
    with pytest.raises(ExcelFileError) as info:
        read_table(path)
    assert _chinese(str(info.value)) and "不是 Excel 文件" in str(info.value)


def test_broken_zip(tmp_path):
    good = _sheet(tmp_path / "good.xlsx", [["姓名", "身份证号"], ["张伟", ID_A]])
    data = good.read_bytes()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExcelFileError) as info:
        read_table(broken)
    assert "损坏" in str(info.value)


def test_zip_bomb_is_refused_before_reading(tmp_path):
    good = _sheet(tmp_path / "good.xlsx", [["姓名", "身份证号"], ["张伟", ID_A]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/padding.bin", b"\0" * (20 * 1024 * 1024))   # 20 MB of zeros → ~20 KB
    with pytest.raises(ExcelFileError) as info:
        read_table(bomb)
    assert "压缩炸弹" in str(info.value)


def test_huge_uncompressed_total_is_refused(tmp_path, monkeypatch):
    from neighbourhood.excel import safety
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 1000)
    good = _sheet(tmp_path / "good.xlsx", [["姓名", "身份证号"], ["张伟", ID_A]] + [["某某", "x" * 50]] * 100)
    with pytest.raises(ExcelFileError) as info:
        read_table(good)
    assert "解压后过大" in str(info.value)


def test_xml_entity_bomb(tmp_path):
    good = _sheet(tmp_path / "good.xlsx", [["姓名", "身份证号"], ["张伟", ID_A]])
    bomb = tmp_path / "lol.xlsx"
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1) if i else "&lol;") * 10}">' for i in range(1, 10))
           + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, lol if info.filename == "xl/worksheets/sheet1.xml" else src.read(info))
    with pytest.raises(ExcelFileError) as info:
        read_table(bomb)
    assert "XML" in str(info.value) and _chinese(str(info.value))


def test_row_cap(tmp_path):
    path = _sheet(tmp_path / "many.xlsx", [["姓名", "身份证号"]] + [["张伟", "x"]] * 80)
    with pytest.raises(ExcelFileError) as info:
        read_table(path, max_rows=10)
    assert "上限" in str(info.value)


def test_time_cap(ledger, tmp_path):
    _empty_with_grids(ledger)
    path = _sheet(tmp_path / "t.xlsx", [["姓名", "身份证号", "住址"]] + [["张伟", None, "1栋101"]] * 1500)
    table = read_table(path)
    with pytest.raises(ExcelFileError) as info:
        validate_import(ledger, table, propose_mapping(table.headers), options=ImportOptions(max_seconds=0))
    assert "上限" in str(info.value)


def test_each_row_checks_as_it_would_alone(ledger):
    """The check works column by column (each distinct value once); every row still gets
    what checking it on its own gives — numbers equal to each other (1, 1.0, True) included."""
    import pathlib
    import random

    from neighbourhood.excel.reader import Table

    grids = _empty_with_grids(ledger)
    rng = random.Random(7)
    headers = ["姓名", "身份证号", "性别", "出生日期", "联系电话", "与户主关系", "住址", "民族"]
    pools = [["王伟", " 李娜 ", "", None, 1, 1.0, True],
             None,
             ["男", "女", "", "M", 1, True, None],
             ["1985-06-15", "2024/1/5", "2024年1月5日", 31000, 31000.0, 1, 1.0, True, _dt.date(1990, 1, 1), "坏"],
             ["13800138000", 13800138000, 13800138000.0, "138 0013 8000", 1, True, "", None],
             ["户主", "配偶", "妻子", "本人", 1, None],
             None,
             ["汉族", "汉", "回", 1, True, None]]
    rows = []
    for n in range(300):
        body = "110105" + rng.choice(["19850615", "19900101", "20240105"]) + f"{n:03d}"
        number = rng.choice([body + check_char(body), body + "0", float(body), body + "1"])
        rows.append([rng.choice(p) if p else (number if c == 1 else f"{n + 1}栋1单元101室")
                     for c, p in enumerate(pools)])
    mapping = propose_mapping(headers)
    options = ImportOptions(grid_id=grids["第一网格"], today=_dt.date(2026, 11, 23))

    def check(table_rows):
        table = Table(pathlib.Path("t.xlsx"), "s", headers, table_rows, list(range(2, 2 + len(table_rows))), 1)
        return validate_import(ledger, table, mapping, options=options).rows

    whole = check(rows)
    assert {r.action for r in whole} == {NEW, ERROR}
    for i, row in enumerate(rows):
        (alone,) = check([row])
        assert (whole[i].action, whole[i].values, whole[i].problems, whole[i].address) == \
               (alone.action, alone.values, alone.problems, alone.address), row


def test_old_15_digit_numbers_are_duplicates_of_their_18_digit_form(ledger, tmp_path):
    # One duplicate check (_duplicates) for every row: a number repeated in the file, in
    # either form, is an error naming the first row; one already in the ledger is skipped.
    grids = _empty_with_grids(ledger)
    opts = ImportOptions(grid_id=grids["第一网格"])
    first = _sheet(tmp_path / "a.xlsx", [["姓名", "身份证号", "住址"], ["李娜", ID_B, "1栋1单元101室"]])
    apply_import(ledger, validate_import(ledger, read_table(first), {0: "name", 1: "id_number", 2: "address"},
                                         options=opts))
    rows = [["姓名", "身份证号", "住址"],
            ["张伟", ID_A, "1栋1单元102室"],
            ["张伟", ID_A[:6] + ID_A[8:17], "1栋1单元102室"],     # the same person, old number
            ["李娜", ID_B[:6] + ID_B[8:17], "1栋1单元101室"],     # in the ledger, old number
            ["赵敏", ID_D, "1栋1单元103室"],
            ["赵敏", ID_D, "1栋1单元103室"]]
    table = read_table(_sheet(tmp_path / "b.xlsx", rows))
    plan = validate_import(ledger, table, {0: "name", 1: "id_number", 2: "address"}, options=opts)
    actions = [(r.row_number, r.action) for r in plan.rows]
    assert actions == [(2, NEW), (3, ERROR), (4, SKIP), (5, NEW), (6, ERROR)]
    assert "第 2 行" in plan.rows[1].problems["id_number"]
    assert "第 5 行" in plan.rows[4].problems["id_number"]
    assert "已有此人" in plan.rows[2].note and plan.rows[2].existing_id
