"""The schedule cache kept current without whole rebuilds, and the period counts read in SQL.

Each case compares the fast path with the reference computation: the counts with the
schedule as it stood at the period start (``visit_schedule.build(as_of=…)``, what ``counts``
used before), a refreshed plan with a plan rebuilt whole.
"""
from __future__ import annotations

import datetime as _dt

import pytest

from db.queries import visits as q
from neighbourhood import visit_schedule
from tests.core.test_visits import TODAY, _visit, world  # noqa: F401 - the fixture


def _ensure(ledger, day: _dt.date) -> str | None:
    return visit_schedule.ensure_plan(ledger.conn, q.visit_rules(ledger.conn, active_only=True), day,
                                      atomic=ledger.db.atomic)


def _plan(ledger) -> list[tuple]:
    return ledger.conn.execute("SELECT * FROM visit_plan ORDER BY household_id").fetchall()


def _rebuilt(ledger, day: _dt.date) -> list[tuple]:
    """The plan rebuilt whole for ``day`` (the reference); leaves it rebuilt."""
    ledger.conn.execute("UPDATE visit_plan_state SET stale = 1")
    assert _ensure(ledger, day) == "rebuilt"
    return _plan(ledger)


def _reference_counts(ledger, date_from: _dt.date, date_to: _dt.date, grid_id=None):
    """Due / done per grid and per grid worker, the way ``counts`` computed them before:
    every schedule row as of the period start to Python."""
    conn = ledger.conn
    rules = q.visit_rules(conn, active_only=True)
    start, stop = date_from.isoformat(), date_to.isoformat()
    rows = visit_schedule.build(conn, rules, today=date_from, grid_id=grid_id, as_of=start)
    last_day = (date_to - _dt.timedelta(days=1)).isoformat()
    due = [r for r in rows if r.due_date is None or r.due_date <= last_day]
    visited = q.households_visited(conn, start, stop)
    by_grid, by_worker = {}, {}
    for r in due:
        for acc in ([by_grid.setdefault(r.grid_id, [0, 0])]
                    + ([by_worker.setdefault(r.grid_worker, [0, 0])] if r.grid_worker else [])):
            acc[0] += 1
            acc[1] += r.household_id in visited
    return by_grid, by_worker


def _fast_counts(ledger, date_from, date_to, grid_id=None):
    counts = ledger.visits.counts(date_from=date_from, date_to=date_to, grid_id=grid_id)
    by_grid = {g.grid_id: [g.due, g.due_done] for g in counts.by_grid if g.due}
    by_worker = {v.visitor: [v.due, v.due_done] for v in counts.by_visitor if v.due}
    return by_grid, by_worker


def _busy_world(world):
    """More households and visits: 未遇 attempts, a deleted visit, a flag rule, someone turning 60
    alone and someone turning 80 inside the periods below, a moved-out household."""
    ledger = world.ledger
    ledger.visits.today = lambda: _dt.date(2026, 12, 31)
    b = ledger.buildings.add(grid_id=world.g2, name="3栋").id
    extra = []
    for unit, born in (("301", "1966-03-20"), ("302", "1946-04-10"), ("303", "1980-01-01"),
                       ("304", "1990-06-06")):
        hid = ledger.households.add(building_id=b, unit=unit).id
        ledger.residents.add(household_id=hid, name=f"住户{unit}", sex="男", birth_date=born, relation="户主")
        extra.append(hid)
    ledger.residents.add(household_id=extra[1], name="配偶", sex="女", birth_date="1950-01-01",
                         relation="配偶")
    ledger.visits.add_rule(group_key="flag:重点关注", interval_days=14, label="重点关注")
    ledger.visits.set_flag(extra[2], "重点关注")
    for household, day, extra_args in (
            (world.alone, "2026-01-05", {}), (world.alone, "2026-02-27", {}), (world.alone, "2026-03-03", {}),
            (world.family, "2025-02-28", {}), (world.family, "2026-03-02", {"nobody_home": True}),
            (world.other, "2025-03-31", {}), (world.other, "2026-04-02", {}),
            (extra[0], "2025-12-01", {}), (extra[1], "2025-04-15", {}), (extra[2], "2026-02-20", {}),
            (extra[2], "2026-03-06", {}), (extra[3], "2026-03-15", {"nobody_home": True})):
        visitors = [dict(name="王建国" if household != world.alone and household != world.family
                         else "李娜", role="网格员")]
        _visit(world, household, day, visitors=visitors, **extra_args)
    gone = _visit(world, extra[3], "2026-02-10", visitors=[dict(name="王建国", role="网格员")])
    ledger.visits.delete(next(iter(gone.ids("visits"))))
    moved = ledger.households.add(building_id=b, unit="305").id
    ledger.residents.add(household_id=moved, name="搬走", sex="男", birth_date="1940-01-01", relation="户主")
    ledger.households.update(moved, status="迁出")
    return extra


@pytest.mark.parametrize("date_from, date_to", [
    ("2026-03-01", "2026-04-01"),          # a month (the report's period)
    ("2026-02-01", "2026-03-01"),          # February of a non-leap year
    ("2026-03-09", "2026-03-16"),          # a week
    ("2026-03-21", "2026-04-12"),          # both birthdays crossed inside the period
    ("2025-01-01", "2026-01-01"),          # a year, mostly before the visits
])
def test_counts_match_the_schedule_as_of_the_period_start(world, date_from, date_to):
    _busy_world(world)
    d0, d1 = _dt.date.fromisoformat(date_from), _dt.date.fromisoformat(date_to)
    expected = _reference_counts(world.ledger, d0, d1)
    assert _fast_counts(world.ledger, d0, d1) == expected
    assert sum(n for n, _d in expected[0].values()) > 0          # something was due
    for grid in (world.g1, world.g2):
        assert _fast_counts(world.ledger, d0, d1, grid) == _reference_counts(world.ledger, d0, d1, grid)


def test_refresh_of_changed_households_equals_a_rebuild(world):
    ledger = world.ledger
    extra = _busy_world(world)
    assert _ensure(ledger, TODAY) in ("rebuilt", "refreshed")
    ledger.residents.add(household_id=world.alone, name="孙子", sex="男", birth_date="2005-01-01",
                         relation="孙子女")                           # no longer alone
    ledger.visits.set_flag(world.family, "重点关注")
    ledger.visits.clear_flag(extra[2], "重点关注")
    ledger.households.update(world.other, status="注销")               # drops out
    dirty = {r[0] for r in ledger.conn.execute("SELECT household_id FROM visit_plan_dirty")}
    assert dirty == {world.alone, world.family, extra[2], world.other}
    untouched = [r for r in _plan(ledger) if r[0] not in dirty]
    assert _ensure(ledger, TODAY) == "refreshed"
    refreshed = _plan(ledger)
    assert [r for r in refreshed if r[0] not in dirty] == untouched
    row = {r[0]: r for r in refreshed}
    assert world.other not in row and row[world.family][2] == 14 and row[extra[2]][2] == 365
    assert "独居老人" not in row[world.alone][4] and "高龄" in row[world.alone][4]
    assert refreshed == _rebuilt(ledger, TODAY)


def test_a_new_day_refreshes_only_households_crossing_an_age(world, monkeypatch):
    ledger = world.ledger
    extra = _busy_world(world)
    _rebuilt(ledger, _dt.date(2026, 3, 19))
    row = {r[0]: r for r in _plan(ledger)}
    assert row[extra[0]][2] == 365                    # 59 and alone: every household only
    refreshed = []
    real = q.rebuild_plan

    def spy(conn, sels, *, built_for, only_dirty=False):
        refreshed.append((only_dirty, set(q.plan_dirty_ids(conn))))
        return real(conn, sels, built_for=built_for, only_dirty=only_dirty)
    monkeypatch.setattr(q, "rebuild_plan", spy)
    # 03-20: 301's head turns 60 (独居老人): only that household is recomputed
    assert _ensure(ledger, _dt.date(2026, 3, 20)) == "refreshed"
    assert refreshed == [(True, {extra[0]})]
    row = {r[0]: r for r in _plan(ledger)}
    assert row[extra[0]][2] == 7 and "独居老人" in row[extra[0]][4]
    assert _ensure(ledger, _dt.date(2026, 3, 20)) is None
    # a day nobody crosses a threshold: nothing recomputed, the plan marked current
    refreshed.clear()
    assert _ensure(ledger, _dt.date(2026, 3, 21)) == "refreshed"
    assert refreshed == [(True, set())]
    assert _ensure(ledger, _dt.date(2026, 3, 21)) is None
    # several days at once (a holiday): 302's head turns 80 on 04-10 (高龄)
    refreshed.clear()
    assert _ensure(ledger, _dt.date(2026, 4, 12)) == "refreshed"
    assert refreshed == [(True, {extra[1]})]
    plan = _plan(ledger)
    assert {r[0]: r for r in plan}[extra[1]][2] == 7
    monkeypatch.setattr(q, "rebuild_plan", real)
    assert plan == _rebuilt(ledger, _dt.date(2026, 4, 12))
    # and back again (a clock set right): both households leave their groups
    assert _ensure(ledger, _dt.date(2026, 3, 19)) == "refreshed"
    back = {r[0]: r for r in _plan(ledger)}
    assert back[extra[0]][2] == 365 and back[extra[1]][2] == 365
    assert _plan(ledger) == _rebuilt(ledger, _dt.date(2026, 3, 19))


def test_a_changed_rule_still_rebuilds_whole(world):
    ledger = world.ledger
    _ensure(ledger, TODAY)
    rule = next(r for r in ledger.visits.rules() if r.group_key == "age80")
    ledger.visits.update_rule(rule.id, interval_days=10)
    assert _ensure(ledger, TODAY + _dt.timedelta(days=1)) == "rebuilt"
    assert {r[0]: r for r in _plan(ledger)}[world.alone][2] == 7        # still 独居老人 (7)
