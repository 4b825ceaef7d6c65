"""Every roster kind exports on the demo; the hardship rosters hold the enrolled, masked once."""
from __future__ import annotations

import re

import openpyxl
import pytest

from neighbourhood.excel import ROSTER_KINDS, export_roster


@pytest.mark.parametrize("kind", sorted(ROSTER_KINDS))
def test_every_kind_exports_on_the_demo(demo_ledger, tmp_path, kind):
    out = tmp_path / "roster.xlsx"
    export_roster(demo_ledger, kind, out=out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value.endswith(ROSTER_KINDS[kind].title)
    headers = [c.value for c in sheet[3]]
    assert headers[: len(ROSTER_KINDS[kind].columns)] == [c.header for c in ROSTER_KINDS[kind].columns]


def test_dibao_roster_rows_and_masking(demo_ledger, tmp_path):
    out = tmp_path / "dibao.xlsx"
    export_roster(demo_ledger, "hardship:低保", out=out)
    enrolled = demo_ledger.hardship.list(category="低保", status="在册")
    assert enrolled  # the demo has 低保 households
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    rows = [r for r in rows if isinstance(r[0], int)]
    assert len(rows) == len(enrolled)
    for row in rows:
        assert re.fullmatch(r"\d{6}\*{8}[\dX]{4}", row[2])
        assert row[6] is None or re.fullmatch(r"1\d\d\*{4}\d{4}", row[6])


# --- the visit log (走访记录台账) -------------------------------------------------------------

@pytest.fixture
def visited(ledger):
    grid = ledger.grids.add(name="第一网格")
    other = ledger.grids.add(name="第二网格")
    b12 = ledger.buildings.add(grid_id=grid.id, name="12栋")
    b3 = ledger.buildings.add(grid_id=other.id, name="3栋")
    h1 = ledger.households.add(building_id=b12.id, entrance="2", unit="301")
    h2 = ledger.households.add(building_id=b3.id, unit="101")
    wang = ledger.residents.add(household_id=h1.id, name="王建国", relation="户主")
    volunteer = [{"name": "刘芳", "role": "志愿者"}]
    ledger.visits.record(household_id=h1.id, visitors=volunteer, visit_date="2024-03-05",
                         visit_type="日常走访", situation="老两口身体尚可", difficulties="腿脚不便",
                         requests="希望加装扶手", residents_met=[wang.id],
                         needs=[{"what": "联系加装楼道扶手"}])
    ledger.visits.record(household_id=h1.id, visitors=volunteer, visit_date="2024-03-20", nobody_home=True)
    ledger.visits.record(household_id=h2.id, visitors=volunteer, visit_date="2024-03-10")
    ledger.visits.record(household_id=h2.id, visitors=volunteer, visit_date="2024-04-02")
    return ledger, grid


def _data_rows(path):
    return [r for r in openpyxl.load_workbook(path).active.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], int)]


def test_visit_log_lists_the_period_with_details_and_marks_nobody_home(visited, tmp_path):
    ledger, _grid = visited
    out = tmp_path / "visits.xlsx"
    result = export_roster(ledger, "visits", out=out, filters={"date_from": "2024-03-01", "date_to": "2024-03-31"})
    assert result.rows == 3                               # the April visit is outside the period
    rows = _data_rows(out)
    assert [r[1].date().isoformat() for r in rows] == ["2024-03-05", "2024-03-10", "2024-03-20"]
    first = dict(zip([c.key for c in ROSTER_KINDS["visits"].columns], rows[0]))
    assert first["address"] == "12栋2单元301室" and first["grid"] == "第一网格"
    assert first["visitors"] == "刘芳" and first["met"] == "王建国" and first["type"] == "日常走访"
    assert first["situation"] == "老两口身体尚可" and first["troubles"] == "腿脚不便；希望加装扶手"
    assert first["needs"] == "联系加装楼道扶手" and first["nobody_home"] in (None, "")
    assert rows[2][11] == "未遇" and rows[2][7] is None
    subtitle = openpyxl.load_workbook(out).active["A2"].value
    assert "2024-03-01至2024-03-31" in subtitle and "共 3 次" in subtitle


def test_visit_log_by_grid_and_the_period_is_audited(visited, tmp_path):
    ledger, grid = visited
    out = tmp_path / "visits.xlsx"
    result = export_roster(ledger, "visits", out=out,
                           filters={"grid_id": grid.id, "date_from": "2024-03-01", "date_to": "2024-04-30"})
    assert result.rows == 2 and all(r[3] == "第一网格" for r in _data_rows(out))
    import json
    changes = json.loads(ledger.conn.execute(
        "SELECT changes FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert changes["filters"]["date_from"] == "2024-03-01" and changes["filters"]["date_to"] == "2024-04-30"


def test_visit_log_refuses_a_reversed_period(visited, tmp_path):
    from neighbourhood.errors import ValidationError

    ledger, _ = visited
    with pytest.raises(ValidationError):
        export_roster(ledger, "visits", out=tmp_path / "v.xlsx",
                      filters={"date_from": "2024-04-01", "date_to": "2024-03-01"})
    assert not (tmp_path / "v.xlsx").exists()


def test_visit_log_from_the_cli(visited, tmp_path, capsys):
    from neighbourhood import cli

    ledger, _ = visited
    path = ledger.path
    ledger.close()
    out = tmp_path / "cli.xlsx"

    def run(*argv: str) -> int:
        return cli.run(cli.build_parser().parse_args(list(argv)))
    code = run("export-roster", "--kind", "visits", "--from", "2024/3/1", "--to", "2024年3月15日",
               "--out", str(out), str(path))
    assert code == 0, capsys.readouterr()
    assert len(_data_rows(out)) == 2
    assert run("export-roster", "--kind", "visits", "--from", "someday", "--out", str(out), str(path)) == 2


def test_hardship_rosters_use_the_raw_listing_without_touching_access(demo_ledger, tmp_path, monkeypatch):
    access = demo_ledger.access
    calls = []
    real = type(demo_ledger.hardship).list

    def spy(self, **kwargs):
        calls.append(kwargs.get("raw"))
        assert demo_ledger.access is access and not demo_ledger.access.can_view_full
        return real(self, **kwargs)
    monkeypatch.setattr(type(demo_ledger.hardship), "list", spy)
    export_roster(demo_ledger, "hardship:低保", out=tmp_path / "d.xlsx")
    assert calls and all(calls)
    # The screen listing stays masked for this user.
    shown = real(demo_ledger.hardship, category="低保", status="在册")
    assert all("*" in e.id_number for e in shown if e.id_number)
