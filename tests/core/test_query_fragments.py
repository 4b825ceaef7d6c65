"""SQL written once in ``db.queries.fragments``: the address, the visitor names, the live
households; the query modules use it instead of their own copies."""
from __future__ import annotations

import pathlib

from db.queries import fragments
from db.queries import visits as q
from neighbourhood import groups
from neighbourhood.records import address_of
from tests.core.test_visits import _visit, world  # noqa: F401 - the fixture

QUERIES = pathlib.Path(__file__).resolve().parents[2] / "db" / "queries"


def test_the_address_is_the_records_rule(ledger):
    grid = ledger.grids.add(name="第一网格").id
    building = ledger.buildings.add(grid_id=grid, name="12栋").id
    for entrance, unit in (("", "101"), ("2", "301"), ("3单元", "402室"), ("", "地下室"), ("1", "1201")):
        ledger.households.add(building_id=building, entrance=entrance, unit=unit)
    rows = ledger.conn.execute(
        f"""SELECT {fragments.ADDRESS}, b.name, h.entrance, h.unit
            FROM households h JOIN buildings b ON b.id = h.building_id""").fetchall()
    assert len(rows) == 5
    for address, name, entrance, unit in rows:
        assert address == address_of(name, entrance, unit)
    assert "12栋3单元402室" in {r[0] for r in rows}


def test_visitor_names_in_their_order_without_removed_ones(world):
    ledger = world.ledger
    op = _visit(world, world.family, "2026-03-02",
                visitors=[dict(name="王建国", role="网格员"), dict(name="李娜", role="网格员"),
                          dict(name="张敏", role="社工")])
    visit_id = next(iter(op.ids("visits")))
    assert q.visit(ledger.conn, visit_id)["visitor_names"] == "王建国、李娜、张敏"
    ledger.visits.update(visit_id, visitors=[dict(name="张敏", role="社工"), dict(name="王建国", role="网格员")])
    assert q.visit(ledger.conn, visit_id)["visitor_names"] == "张敏、王建国"
    direct = ledger.conn.execute(f"SELECT {fragments.visitor_names('x')} FROM visits x WHERE x.id = ?",
                                 (visit_id,)).fetchone()[0]
    assert direct == "张敏、王建国"


def test_every_household_group_is_the_shared_selection(ledger):
    sql, params = groups.get(ledger.conn, groups.EVERY_HOUSEHOLD).select("2026-03-11")
    assert (sql, params) == (fragments.LIVE_HOUSEHOLDS, ())


def test_no_query_module_keeps_its_own_copy():
    copies = {}
    for path in QUERIES.glob("*.py"):
        if path.name == "fragments.py":
            continue
        text = path.read_text(encoding="utf-8")
        for what, marker in (("address", "LIKE '%单元'"), ("visitor names", "FROM visit_visitors vv"),
                             ("live households", "SELECT id FROM households WHERE deleted_at IS NULL AND status")):
            if marker in text:
                copies.setdefault(path.name, set()).add(what)
    assert not copies, copies
