"""One definition of "the strictest visit rule per household" (``db.queries.visits.strictest``),
shared by the plan, the schedule as of a date and the period counts; one resolution of the
schedule's grid/visitor filter per page."""
from __future__ import annotations

import datetime as _dt

import pytest

from db.queries import visits as q
from neighbourhood import visit_schedule
from tests.core.test_visit_plan_refresh import _busy_world
from tests.core.test_visits import world  # noqa: F401 - the fixture

DAY = _dt.date(2026, 3, 20)
RANK = {"高风险": 0, "重点": 1}


def _selections(ledger, extra=()):
    return visit_schedule.selections(ledger.conn, q.visit_rules(ledger.conn, active_only=True), DAY) + list(extra)


def _reference(conn, sels) -> dict[str, tuple[int, str]]:
    """{live 在册 household: (interval * 10 + tier rank, labels)} computed in Python from each
    group's members."""
    live = {r[0] for r in conn.execute(
        "SELECT id FROM households WHERE deleted_at IS NULL AND status = '在册'")}
    rules: dict[str, list[tuple[int, str]]] = {}
    for sql, params, interval, label, tier in sels:
        for hid in (q.members(conn, sql, params) if sql else live) & live:
            rules.setdefault(hid, []).append((interval * 10 + RANK.get(tier, 2), label))
    return {hid: (min(p for p, _l in found), "、".join(sorted({label for _p, label in found})))
            for hid, found in rules.items()}


def _strictest(conn, sels, **kw) -> dict[str, tuple]:
    ctes, params = q.strictest(conn, sels, **kw)
    columns = "s.packed, s.labels" if kw.get("labels", True) else "s.packed"
    return {r[0]: tuple(r[1:]) for r in conn.execute(
        f"""WITH {ctes} SELECT h.id, {columns} FROM sched s JOIN households h ON h.rowid = s.hr
            WHERE h.deleted_at IS NULL AND h.status = '在册'""", params)}


# Every household rule, the groups only, one group, two "every household" rules (the
# default is the stricter; both labels everywhere), an "every household" rule stricter than the groups.
VARIANTS = {
    "all rules": lambda sels: sels,
    "groups only": lambda sels: [s for s in sels if s[0]],
    "one group": lambda sels: [s for s in sels if s[0]][:1],
    "every household only": lambda sels: [s for s in sels if not s[0]],
    "two every-household rules": lambda sels: sels + [(None, (), 200, "另一全体", "重点")],
    # stricter than every group: it wins for their members too (labels or not)
    "strict every-household rule": lambda sels: sels + [(None, (), 5, "全体严格", "一般")],
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_strictest_rule_per_household_matches_the_groups(world, variant):
    _busy_world(world)
    conn = world.ledger.conn
    sels = VARIANTS[variant](_selections(world.ledger))
    expected = _reference(conn, sels)
    assert expected                                       # the fixture has households under rules
    assert _strictest(conn, sels) == expected
    assert _strictest(conn, sels, labels=False) == {h: (p,) for h, (p, _l) in expected.items()}
    # restricted to some households: the same rows for them
    some = sorted(r[0] for r in conn.execute("SELECT id FROM households"))[::2]
    dirty = f"household_id IN ({', '.join(repr(h) for h in some)})"
    assert _strictest(conn, sels, dirty=dirty) == {h: v for h, v in expected.items() if h in some}


def test_the_plan_the_schedule_as_of_and_the_counts_share_it(world, monkeypatch):
    _busy_world(world)
    ledger = world.ledger
    conn = ledger.conn
    sels = _selections(ledger)
    calls = []
    real = q.strictest

    def spy(conn, selections, **kw):
        calls.append(kw.get("labels", True))
        return real(conn, selections, **kw)

    monkeypatch.setattr(q, "strictest", spy)
    with ledger.db.atomic():
        q.rebuild_plan(conn, sels, built_for="test")
    rows = q.schedule_rows(conn, sels, today=DAY.isoformat(), week_end="2026-03-22", as_of=DAY.isoformat())
    due = q.due_counts(conn, sels, date_from="2026-03-01", last_day="2026-03-31", date_to="2026-04-01")
    assert calls == [True, True, False]
    expected = _reference(conn, sels)
    plan = {r[0]: (r[1] * 10 + RANK.get(r[2], 2), r[3])
            for r in conn.execute("SELECT household_id, interval_days, tier, groups FROM visit_plan")}
    assert plan == expected
    schedule = {r.household_id: (r.interval_days * 10 + RANK.get(r.tier, 2), r.groups)
                for r in map(visit_schedule.ScheduleRow._make, rows)}
    assert schedule == expected
    assert sum(n for _g, _w, n, _done in due) > 0


@pytest.mark.parametrize("grid, visitor", [(False, None), (True, None), (False, "李娜"), (True, "grid2"),
                                           (False, "nobody")])
def test_a_page_resolves_the_grid_and_visitor_filter_once(world, monkeypatch, grid, visitor):
    _busy_world(world)
    ledger = world.ledger
    ledger.visits.schedule_page(today=DAY, limit=0)           # the plan built
    if visitor == "grid2":
        visitor = world.worker2
    grid_id = world.g1 if grid else None
    resolved = []
    real = q.visitor_grids
    monkeypatch.setattr(q, "visitor_grids", lambda conn, v: resolved.append(v) or real(conn, v))
    page = visit_schedule.page(ledger.conn, today=DAY, grid_id=grid_id, visitor=visitor, offset=1, limit=3)
    assert resolved == ([visitor] if visitor else [])
    whole = visit_schedule.build(ledger.conn, [], today=DAY, grid_id=grid_id, visitor=visitor)
    assert list(page.rows) == whole[1:4]
    assert page.counts["all"] == len(whole) == page.total
    grids = set(real(ledger.conn, visitor)) if visitor else {world.g1, world.g2}
    in_scope = {h for h, g in ledger.conn.execute("SELECT household_id, grid_id FROM visit_plan")
                if g in grids and (not grid_id or g == grid_id)}
    assert {r.household_id for r in whole} == in_scope
