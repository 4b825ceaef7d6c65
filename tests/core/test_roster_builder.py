"""The roster builder: templates compile to the hand-counted rows, save/reload, files, exports."""
from __future__ import annotations

import datetime as _dt
import json

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neighbourhood.rosters import template as tpl
from neighbourhood.rosters.builtin import BUILTIN_NAMES
from neighbourhood.rosters.query import compile_template, events
from neighbourhood.rosters.template import ColumnSpec, FilterSpec, SortSpec, Template, TemplateError

TODAY = _dt.date(2025, 6, 1)


@pytest.fixture
def small(ledger):
    """Two grids, three households, five residents, enrolments and one visit (counted by hand below)."""
    w = ledger.writer
    with w.operation("fixture"):
        ga = w.insert("grids", {"name": "第一网格", "sort_no": 1})
        gb = w.insert("grids", {"name": "第二网格", "sort_no": 2})
        ba = w.insert("buildings", {"grid_id": ga, "name": "1栋"})
        bb = w.insert("buildings", {"grid_id": gb, "name": "2栋"})
        h1 = w.insert("households", {"building_id": ba, "entrance": "1", "unit": "101"})
        h2 = w.insert("households", {"building_id": ba, "entrance": "1", "unit": "102"})
        h3 = w.insert("households", {"building_id": bb, "entrance": "", "unit": "201"})

        def person(hh, name, relation, **kw):
            return w.insert("residents", {"household_id": hh, "name": name, "relation": relation,
                                          "name_pinyin": name, **kw})
        zhang = person(h1, "张三", "户主", sex="男", birth_date="1940-05-01", id_number="110105194005010011",
                       phone="13800000001")
        person(h1, "李四", "配偶", sex="女", birth_date="1942-07-01", political_status="中共党员")
        wang = person(h2, "王五", "户主", sex="男", birth_date="1980-01-01", notes="=HYPERLINK(\"x\")",
                      political_status="中共预备党员")
        zhao = person(h3, "赵六", "户主", id_number="110105194501010017")      # sex/birth from the ID
        person(h3, "钱七", "子女", sex="女", birth_date="1970-03-03", status="迁出")
        for hh, head in ((h1, zhang), (h2, wang), (h3, zhao)):
            w.update("households", hh, {"head_resident_id": head})
        cats = dict(ledger.conn.execute("SELECT code, id FROM hardship_categories"))
        w.insert("hardship_enrolments", {"category_id": cats["低保"], "household_id": h1, "status": "在册",
                                         "status_date": "2024-01-01", "applied_on": "2024-01-01",
                                         "covered_count": 2, "monthly_amount_fen": 50000})
        w.insert("hardship_enrolments", {"category_id": cats["残疾"], "resident_id": zhao, "status": "在册",
                                         "status_date": "2024-01-01", "applied_on": "2024-01-01",
                                         "extra": json.dumps({"grade": 2, "disability_type": "肢体"})})
        w.insert("hardship_enrolments", {"category_id": cats["残疾"], "resident_id": wang, "status": "退出",
                                         "status_date": "2024-01-01", "applied_on": "2023-01-01"})
        w.insert("visits", {"household_id": h1, "visit_date": "2025-05-20", "visit_type": "日常走访"})
    return ledger


def _elderly_by_grid() -> Template:
    cols = ["_seq", "name", "sex", "age", "hh_address", "hh_grid", "hh_head", "categories", "hh_last_visit",
            "hh_members"]
    return Template(name="高龄测试", entity="resident", title="八十岁以上",
                    columns=[*map(ColumnSpec, cols), ColumnSpec("_blank", "签字")],
                    filters=[FilterSpec("status", "eq", "在册"), FilterSpec("age", "gte", 80)],
                    group_by="hh_grid", subtotal_sums=["hh_members"])


def _run(ledger, t: Template) -> list[tuple]:
    plan = compile_template(t, today=TODAY)
    out = []
    for ev in events(plan, plan.rows(ledger)):
        if ev[0] == "row":
            out.append(("row", ev[1], *[None if c.index is None else ev[2][c.index] for c in plan.columns]))
        else:
            out.append(ev)
    return out


def test_related_columns_filters_grouping_and_subtotals(small):
    rows = _run(small, _elderly_by_grid())
    assert rows == [
        ("row", 1, None, "张三", "男", 85, "1栋1单元101室", "第一网格", "张三", "低保", "2025-05-20", 2, None),
        ("row", 2, None, "李四", "女", 82, "1栋1单元101室", "第一网格", "张三", "低保", "2025-05-20", 2, None),
        ("subtotal", "第一网格", 2, {9: 4}),
        # 赵六: 性别 and 年龄 come from the ID number; 钱七 (迁出) is not counted in 家庭人口.
        ("row", 3, None, "赵六", "男", 80, "2栋201室", "第二网格", "赵六", "残疾", None, 1, None),
        ("subtotal", "第二网格", 1, {9: 1}),
        ("total", 3, {9: 5}),
    ]


def test_category_in_contains_and_sort_filters(small):
    base = dict(name="t", entity="resident", columns=[ColumnSpec("name")])
    has = Template(**base, filters=[FilterSpec("categories", "has", "残疾")])
    assert [r[2] for r in _run(small, has) if r[0] == "row"] == ["赵六"]      # 王五's enrolment has 退出
    party = Template(**base, filters=[FilterSpec("political_status", "in", ["中共党员", "中共预备党员"])],
                     sort=[SortSpec("name", True)])
    assert [r[2] for r in _run(small, party) if r[0] == "row"] == ["王五", "李四"]
    between = Template(**base, filters=[FilterSpec("age", "between", [40, 50]), FilterSpec("status", "eq", "在册")])
    assert [r[2] for r in _run(small, between) if r[0] == "row"] == ["王五"]
    contains = Template(**base, filters=[FilterSpec("hh_address", "contains", "2栋")])
    assert [r[2] for r in _run(small, contains) if r[0] == "row"] == ["赵六", "钱七"]
    # LIKE wildcards in the value are taken literally.
    assert [r for r in _run(small, Template(**base, filters=[FilterSpec("name", "contains", "%")]))
            if r[0] == "row"] == []


def test_enrolment_rows_with_money_and_extra_fields(small):
    t = Template(name="t", entity="enrolment",
                 columns=[ColumnSpec(c) for c in ("category", "subject_name", "subject_sex", "hh_members",
                                                  "monthly_amount", "extra_grade", "extra_disability_type")],
                 filters=[FilterSpec("status", "eq", "在册")], subtotal_sums=["monthly_amount"])
    rows = _run(small, t)
    assert rows == [("row", 1, "低保", "张三", "男", 2, 500.0, None, None),
                    ("row", 2, "残疾", "赵六", "男", 1, None, 2, "肢体"),
                    ("total", 2, {4: 500.0})]


def test_xlsx_has_text_ids_masking_neutralised_formulas_and_blocks(small, tmp_path):
    t = _elderly_by_grid()
    t.columns.insert(2, ColumnSpec("id_number"))
    t.filters = [FilterSpec("status", "eq", "在册")]
    t.columns.append(ColumnSpec("notes", "备注"))
    t.header.form_no = "民统01表"
    t.header.preparer = "李娜"
    result = small.rosters.export(t, out=tmp_path / "r.xlsx")
    assert result.rows == 4 and not result.full
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert "表号：民统01表" in cells[0][0]
    assert cells[1][0] == "八十岁以上"
    header = cells[3]
    assert header[:4] == ["序号", "姓名", "身份证号", "性别"] and header[-2:] == ["签字", "备注"]
    first = cells[4]
    assert first[2] == "110105********0011"
    assert ws.cell(row=5, column=3).data_type == "s"
    wang = next(r for r in cells if r[1] == "王五")
    assert wang[-1] == "'=HYPERLINK(\"x\")"                   # no formula reaches the sheet
    assert not any(isinstance(c.value, str) and c.data_type == "f" for row in ws.iter_rows() for c in row)
    texts = [r[0] for r in cells if r[0]]
    assert any(str(x).startswith("小计") and "第一网格" in str(x) for x in texts)
    assert any(str(x).startswith("合计") and "4 人" in str(x) for x in texts)
    assert any("填表人：李娜" in str(x) and "报出日期" in str(x) for x in texts)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"
    entry = small.conn.execute("SELECT changes FROM audit_log WHERE action = 'export' ORDER BY seq DESC").fetchone()
    assert json.loads(entry[0])["template"] == "高龄测试" and json.loads(entry[0])["masked"] is True


def test_full_export_needs_the_right(small, tmp_path):
    import dataclasses

    from neighbourhood.errors import PermissionDenied
    t = Template(name="t", entity="resident", columns=[ColumnSpec("id_number")])
    with pytest.raises(PermissionDenied):
        small.rosters.export(t, out=tmp_path / "f.xlsx", full=True)
    assert not (tmp_path / "f.xlsx").exists()
    small.access = dataclasses.replace(small.access, can_view_full=True)
    assert small.rosters.export(t, out=tmp_path / "f.xlsx", full=True).full
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert "110105194005010011" in [c.value for row in ws.iter_rows() for c in row]


def test_saved_templates_survive_reopening(small, tmp_path):
    from neighbourhood.ledger import Ledger
    t = _elderly_by_grid()
    small.rosters.save(t)
    assert small.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'roster_templates'"
                              " AND action = 'insert'").fetchone()[0] == 1
    path = small.path
    small.close()
    with Ledger.open(path) as again:
        assert "高龄测试" in again.rosters.names()
        assert tpl.to_dict(again.rosters.get("高龄测试")) == tpl.to_dict(t)
        assert _run(again, again.rosters.get("高龄测试"))[-1] == ("total", 3, {9: 5})
        again.rosters.delete("高龄测试")
        assert "高龄测试" not in again.rosters.names()


def test_template_file_round_trip(small, tmp_path):
    small.rosters.save(_elderly_by_grid())
    path = small.rosters.export_file("高龄测试", tmp_path / "高龄")
    assert path.name == "高龄.nltemplate.json" and path.stat().st_size < 4000
    imported = small.rosters.import_file(path, name="另一个社区的表")
    assert imported.name == "另一个社区的表"
    back = tpl.to_dict(small.rosters.get("另一个社区的表"))
    back["template"]["name"] = "高龄测试"
    assert back == tpl.to_dict(_elderly_by_grid())
    with pytest.raises(TemplateError, match="已有名为"):
        small.rosters.import_file(path, name="另一个社区的表")


@pytest.mark.parametrize("content, message", [
    (b"\x00\xff garbage", "不是 UTF-8"),
    (b'{"format": "neighbourhood-ledger/roster-template", "version": 1, "template": {', "已损坏"),
    (b"[1, 2]", "缺少格式标记"),
    (b'{"format": "neighbourhood-ledger/roster-template", "version": 99, "template": {}}', "更新版本"),
    (json.dumps({"format": tpl.FORMAT, "version": 1, "template": {
        "name": "x", "entity": "resident", "columns": [{"field": "name); DROP TABLE residents; --"}]}}).encode(),
     "不属于"),
    (json.dumps({"format": tpl.FORMAT, "version": 1, "template": {
        "name": "x", "entity": "bank_accounts", "columns": [{"field": "name"}]}}).encode(), "未知的行对象"),
    (json.dumps({"format": tpl.FORMAT, "version": 1, "template": {
        "name": "x", "entity": "resident", "columns": [{"field": "name"}],
        "filters": [{"field": "age", "op": "gte", "value": {"$gt": 1}}]}}).encode(), "文字或数字"),
    (json.dumps({"format": tpl.FORMAT, "version": 1, "template": {
        "name": "x", "entity": "resident", "columns": [{"field": "name"}],
        "subtotal_sums": ["name"]}}).encode(), "数字列"),
    (json.dumps({"format": tpl.FORMAT, "version": 1, "template": {
        "name": "x", "entity": "resident", "columns": [{"field": "name"}],
        "filters": [{"field": "age", "op": "gte", "value": "八十"}]}}).encode(), "不是数字"),
    (b"[" * 150000 + b"]" * 150000, "太大"),
    (b"[" * 50000 + b"]" * 50000, "已损坏"),
])
def test_hostile_or_garbled_files_get_a_clear_message(small, tmp_path, content, message):
    path = tmp_path / "bad.nltemplate.json"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match=message):
        small.rosters.import_file(path)
    assert small.conn.execute("SELECT count(*) FROM roster_templates").fetchone()[0] == 0


@pytest.mark.parametrize("ext", ["xlsx", "pdf"])
def test_every_shipped_template_exports_on_the_demo(demo_ledger, tmp_path, ext):
    assert len(BUILTIN_NAMES) == 7
    for name in BUILTIN_NAMES:
        result = demo_ledger.rosters.export(name, out=tmp_path / f"{name}.{ext}")
        data = (tmp_path / f"{name}.{ext}").read_bytes()
        assert data[:4] == (b"%PDF" if ext == "pdf" else b"PK\x03\x04"), name
        if ext == "xlsx":
            ws = openpyxl.load_workbook(tmp_path / f"{name}.{ext}").active
            headers = [c.value for c in next(r for r in ws.iter_rows() if r[0].value == "序号")]
            assert len(headers) == len(demo_ledger.rosters.get(name).columns)
        assert result.rows >= 0
    assert not list(tmp_path.glob(".~*"))


def test_shipped_templates_find_rows_on_the_demo(demo_ledger, tmp_path):
    for name in ("低保花名册", "高龄老人名册", "党员名册", "流动人口登记表", "独居老人探访台账"):
        assert demo_ledger.rosters.export(name, out=tmp_path / "x.xlsx").rows > 0, name


def test_cancel_leaves_nothing(small, tmp_path):
    from neighbourhood.jobs import Cancelled
    with pytest.raises(Cancelled):
        small.rosters.export(_elderly_by_grid(), out=tmp_path / "c.xlsx", abort=lambda: True)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("ledger.db")] == []


def test_grid_worker_export_is_limited_to_own_grids(small, tmp_path):
    import dataclasses
    grid = small.conn.execute("SELECT id FROM grids WHERE name = '第二网格'").fetchone()[0]
    small.access = dataclasses.replace(small.access, role="grid_worker", grid_ids=frozenset({grid}))
    t = Template(name="t", entity="resident", columns=[ColumnSpec("name")])
    assert small.rosters.export(t, out=tmp_path / "g.xlsx").rows == 2


def test_cli_template_export_and_template_files(demo_path, tmp_path, capsys):
    from neighbourhood import cli
    parser = cli.build_parser()

    def main(*argv: str) -> int:
        return cli.run(parser.parse_args(["--db", str(demo_path), *argv]))

    assert main("export-roster", "--template", "党员名册", "--out", str(tmp_path / "p.pdf")) == 0
    assert (tmp_path / "p.pdf").read_bytes()[:4] == b"%PDF"
    assert main("roster-templates", "export", "党员名册", "--out", str(tmp_path / "p.nltemplate.json")) == 0
    assert main("roster-templates", "import", str(tmp_path / "p.nltemplate.json"), "--as", "我的党员表") == 0
    assert main("roster-templates", "list") == 0
    out = capsys.readouterr().out
    assert "我的党员表\t已保存" in out and "低保花名册\t内置" in out
    assert main("export-roster", "--template", "我的党员表", "--out", str(tmp_path / "p.xlsx")) == 0
    assert main("export-roster", "--template", "没有这个", "--out", str(tmp_path / "n.xlsx")) == 1
    assert "没有名为“没有这个”" in capsys.readouterr().err


def test_every_catalogue_field_compiles(small):
    from db.queries.roster_builder import SOURCES
    from neighbourhood.rosters.fields import BLANK, ENTITIES, SEQ
    for key, entity in ENTITIES.items():
        keys = [f.key for f in entity.fields if f.key not in (SEQ, BLANK)]
        assert set(keys) <= set(SOURCES[key].exprs), key
        t = Template(name="all", entity=key, columns=[ColumnSpec(k) for k in keys])
        plan = compile_template(t, today=TODAY)
        list(plan.rows(small))
        assert plan.count(small) >= 0


def _reference_events(gi, sums, rows):
    """Grouping, numbering and sums the plain way: one row at a time."""
    out, totals, group, count, g_sums, n = [], dict.fromkeys(sums, 0), object(), 0, None, 0
    for row in rows:
        if gi is not None and (g_sums is None or row[gi] != group):
            if g_sums is not None:
                out.append(("subtotal", group, count, g_sums))
            group, count, g_sums = row[gi], 0, dict.fromkeys(sums, 0)
        n += 1
        count += 1
        for c, i in sums.items():
            if isinstance(row[i], (int, float)) and not isinstance(row[i], bool):
                totals[c] += row[i]
                if g_sums is not None:
                    g_sums[c] += row[i]
        out.append(("row", n, row))
    if gi is not None and g_sums is not None:
        out.append(("subtotal", group, count, g_sums))
    return out + [("total", n, totals)]


_cell = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False), st.text(max_size=2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["甲", "乙", None]), _cell, _cell), max_size=30),
       st.booleans(), st.booleans(), st.integers(1, 4))
def test_runs_group_number_and_sum_as_row_by_row(rows, grouped, summed, size):
    from types import SimpleNamespace

    from neighbourhood.rosters.query import runs

    rows = sorted(rows, key=lambda r: (r[0] is None, r[0] or ""))          # the query sorts by the group
    plan = SimpleNamespace(group_index=0 if grouped else None, template=SimpleNamespace(subtotals=True),
                           sum_columns=(1, 2) if summed else (), columns=[None, SimpleNamespace(index=1),
                                                                          SimpleNamespace(index=2)])
    got = []
    for event in runs(plan, iter(rows), size):
        if event[0] == "rows":
            assert 0 < len(event[2]) <= size
            got += [("row", n, row) for n, row in enumerate(event[2], event[1])]
        else:
            got.append(event)
    assert got == _reference_events(0 if grouped else None, {1: 1, 2: 2} if summed else {}, rows)
    assert list(events(plan, iter(rows))) == got


def test_pdf_cells_fit_on_one_line_or_wrap_whole(small, tmp_path):
    """Short values print as one-line cells, a long note wraps inside its column; nothing is cut."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    wang = small.conn.execute("SELECT id FROM residents WHERE name = '王五'").fetchone()[0]
    note = "独居老人，行动不便，子女在外地工作，每周电话联系一次，需要社区定期上门探访并协助就医"
    small.residents.update(wang, notes=note)
    t = Template(name="备注测试", entity="resident", title="备注",
                 columns=[ColumnSpec("_seq"), ColumnSpec("name"), ColumnSpec("birth_date"), ColumnSpec("notes")],
                 filters=[FilterSpec("status", "eq", "在册")])
    out = tmp_path / "notes.pdf"
    small.rosters.export(t, out=out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line for line in text.splitlines() if line.strip()]
    assert any("王五" in line and "1980-01-01" in line for line in lines)       # one row, one line
    wrapped = [line for line in lines if any(part in line for part in ("独居老人", "就医"))]
    assert len(wrapped) >= 2                                                   # the note wraps …
    flat = iter("".join(text.split()))
    assert all(ch in flat for ch in note)                                      # … whole, in order
