"""The visit schedule (who is due or overdue) and the period counts for the monthly report.

The live schedule reads the ``visit_plan`` cache (schema 0007): per household its
strictest rule and due date.  :func:`ensure_plan` recomputes the rows of the
households that triggers marked dirty (a change to their people, flags,
enrolments) and, on a new day, of those whose dated groups (ages, enrolments)
changed; it rebuilds the plan whole, in one statement over the rules' groups, only
when the rules or the groups changed or a wide change marked it stale; a visit
updates its household's row by trigger.  Then a page of the list and the
per-status counts are index ranges over the cache (:func:`page`).  The period
counts (:func:`counts`) count due and done per grid in SQL, by the visits before
the period start.  Used through :class:`neighbourhood.visits.Visits`.
Thread: the ledger's thread.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
from typing import Any, NamedTuple, Sequence

from db.queries import registry as registry_q
from db.queries import visits as q
from neighbourhood import groups

OVERDUE, DUE_THIS_WEEK, NEVER_VISITED, OK = "overdue", "due_this_week", "never_visited", "ok"
STATUSES = (OVERDUE, NEVER_VISITED, DUE_THIS_WEEK, OK)
TIERS = ("高风险", "重点", "一般")


class ScheduleRow(NamedTuple):
    """One household of the schedule (a named tuple: thousands are made per call, straight
    from the SQL rows, in :data:`db.queries.visits.SCHEDULE_COLUMNS` order).

    ``due_date`` is the last real visit + the strictest interval, or the next
    visit date planned at that visit when earlier; None when never visited.
    ``last_attempt_date`` is the last 未遇 attempt (shown, never counted).
    """
    household_id: str
    address: str
    head_name: str | None
    groups: str                  # labels of the rules the household falls under, '、'-joined
    interval_days: int           # the strictest interval
    tier: str                    # tier of the strictest rule
    last_visit_date: str | None
    last_attempt_date: str | None
    due_date: str | None
    status: str                  # overdue / due_this_week / never_visited / ok
    days_overdue: int
    grid_id: str
    grid_name: str
    grid_worker: str | None

    @property
    def id(self) -> str:
        return self.household_id


@dataclasses.dataclass(frozen=True)
class GridCounts:
    grid_id: str | None
    grid_name: str
    due: int            # households that needed a visit in the period (incl. never visited)
    due_done: int       # of those, visited (a real visit) in the period
    visits: int         # real visits in the period
    attempts: int       # 未遇 attempts in the period
    households_visited: int


@dataclasses.dataclass(frozen=True)
class VisitorCounts:
    visitor: str
    visits: int
    attempts: int
    households_visited: int
    due: int            # households due in grids whose 网格员 this is (0 for others)
    due_done: int


@dataclasses.dataclass(frozen=True)
class VisitCounts:
    """Figures for ``[date_from, date_to)``; ``needs_open`` is as of now."""
    date_from: str
    date_to: str
    by_grid: tuple[GridCounts, ...]
    by_visitor: tuple[VisitorCounts, ...]
    needs_raised: int
    needs_resolved: int
    needs_open: int

    @property
    def due(self) -> int:
        return sum(g.due for g in self.by_grid)

    @property
    def due_done(self) -> int:
        return sum(g.due_done for g in self.by_grid)

    @property
    def visits(self) -> int:
        return sum(g.visits for g in self.by_grid)


def week_end(today: _dt.date) -> _dt.date:
    """Sunday of ``today``'s calendar week ("this week" as staff say 本周)."""
    return today + _dt.timedelta(days=6 - today.weekday())


def selections(conn, rules: list[dict[str, Any]], today: _dt.date) -> list[tuple]:
    """(SQL, params, interval, label, tier) for each active rule whose group exists; the SQL
    selects household ids, None for every live household."""
    known = {g.key: g for g in groups.all_groups(conn)}
    out = []
    for rule in rules:
        group = known.get(rule["group_key"])
        if group is None or not rule["active"]:
            continue  # e.g. a hardship group before that module is installed
        sql, params = group.select(today.isoformat())
        if group.key == groups.EVERY_HOUSEHOLD:
            sql, params = None, ()  # every live household: no membership to compute
        out.append((sql, params, rule["interval_days"], rule["label"], rule["tier"]))
    return out


@dataclasses.dataclass(frozen=True)
class SchedulePage:
    """One page of the schedule; ``total`` rows match the filter; ``counts`` per status
    (and ``all``) for the grid/visitor filter, whatever the status filter."""
    rows: tuple[ScheduleRow, ...]
    offset: int
    total: int
    counts: dict[str, int]


def plan_key(sels: list[tuple], today: _dt.date) -> str:
    """What the cached plan was built from: ``<day>|<hash of every selection (SQL, params, rule)>``.

    The day is kept readable so that the next day's read can re-derive the old selections
    and refresh only the households whose groups changed with the date (:func:`ensure_plan`).
    """
    digest = hashlib.sha1(repr((today.isoformat(), sels)).encode("utf-8")).hexdigest()
    return f"{today.isoformat()}|{digest}"


def _built_day(built_for: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat((built_for or "").split("|", 1)[0])
    except ValueError:
        return None  # a key of the old form (a hash only): rebuild once


# Above this many dirty households a whole rebuild (one pass, bulk index build) is cheaper.
DIRTY_LIMIT = 5_000


def _mark_day_changes(conn, rules: list[dict[str, Any]], built_for: str | None,
                      sels: list[tuple]) -> bool:
    """Mark dirty the households whose group membership differs between the plan's day and
    ``sels``' day; False when the plan was built from other rules or groups (rebuild whole).

    A due date does not depend on the day, only membership of the dated groups does (ages:
    独居老人, 高龄; enrolments from a date): for each selection whose parameters moved with the
    day, the households in one day's set but not the other's are the only rows that change.
    """
    day = _built_day(built_for)
    if day is None:
        return False
    old = selections(conn, rules, day)
    if plan_key(old, day) != built_for or len(old) != len(sels):
        return False
    for before, after in zip(old, sels):
        if before[0] != after[0] or before[2:] != after[2:]:
            return False                  # another rule or group (cannot happen for one key)
        if before[1] != after[1] and after[0]:
            changed = q.members(conn, before[0], before[1]) ^ q.members(conn, after[0], after[1])
            q.mark_dirty(conn, changed)
    return True


def ensure_plan(conn, rules: list[dict[str, Any]], today: _dt.date, *, atomic) -> str | None:
    """Bring ``visit_plan`` up to date for ``today``: 'rebuilt', 'refreshed' (only the dirty
    households, including those a new day moves in or out of a dated group), or None when it
    was current.

    ``atomic``: a context manager factory for the transaction (``ledger.db.atomic``).
    """
    sels = selections(conn, rules, today)
    key = plan_key(sels, today)
    built_for, stale = q.plan_state(conn)
    if built_for == key and not stale and not q.plan_dirty_count(conn):
        return None
    with atomic():
        if not stale and built_for != key and _mark_day_changes(conn, rules, built_for, sels):
            q.set_plan_key(conn, key)             # a new day: only the households it moved
            built_for = key
        if built_for == key and not stale and q.plan_dirty_count(conn) <= DIRTY_LIMIT:
            q.rebuild_plan(conn, sels, built_for=key, only_dirty=True)
            return "refreshed"
        q.rebuild_plan(conn, sels, built_for=key)
    return "rebuilt"


def page(conn, *, today: _dt.date, grid_id: str | None = None, visitor: str | None = None,
         statuses: Sequence[str] | None = None, offset: int = 0, limit: int | None = 200) -> SchedulePage:
    """A page of the schedule from the plan (call :func:`ensure_plan` first)."""
    day, end = today.isoformat(), week_end(today).isoformat()
    scope = q.plan_filter(conn, grid_id=grid_id, visitor=visitor)
    counts = q.plan_counts(conn, today=day, week_end=end, scope=scope)
    total = sum(counts[s] for s in statuses) if statuses else counts["all"]
    raw = q.plan_rows(conn, today=day, week_end=end, scope=scope, statuses=statuses,
                      offset=offset, limit=limit, counts=counts)
    return SchedulePage(tuple(map(ScheduleRow._make, raw)), offset, total, counts)


def build(conn, rules: list[dict[str, Any]], *, today: _dt.date, grid_id: str | None = None,
          visitor: str | None = None, statuses: Sequence[str] | None = None,
          as_of: str | None = None) -> list[ScheduleRow]:
    """The schedule on ``today``, most urgent first (overdue by days, never visited, due, ok).

    Without ``as_of``: every row from the plan (call :func:`ensure_plan` first).  With it: the
    schedule by the visits dated before ``as_of``, straight from the visits (period counts).
    """
    if as_of is None:
        raw = q.plan_rows(conn, today=today.isoformat(), week_end=week_end(today).isoformat(),
                          scope=q.plan_filter(conn, grid_id=grid_id, visitor=visitor), statuses=statuses)
    else:
        raw = q.schedule_rows(conn, selections(conn, rules, today), today=today.isoformat(),
                              week_end=week_end(today).isoformat(), as_of=as_of, grid_id=grid_id,
                              visitor=visitor, statuses=statuses)
    return list(map(ScheduleRow._make, raw))


def counts(conn, rules: list[dict[str, Any]], *, date_from: _dt.date, date_to: _dt.date,
           grid_id: str | None = None) -> VisitCounts:
    """Done vs due per grid and per visitor in ``[date_from, date_to)``, and needs.

    A household is due in the period when, by the visits before ``date_from``,
    its due date falls before ``date_to`` (or it was never visited).
    """
    start, stop = date_from.isoformat(), date_to.isoformat()
    last_day = (date_to - _dt.timedelta(days=1)).isoformat()
    due_rows = q.due_counts(conn, selections(conn, rules, date_from), date_from=start, last_day=last_day,
                            date_to=stop, grid_id=grid_id)
    per_grid = q.grid_visit_counts(conn, start, stop)
    if grid_id:
        per_grid = {k: v for k, v in per_grid.items() if k == grid_id}
    due_by_grid = {gid: (due, done or 0) for gid, _worker, due, done in due_rows}
    names = q.grid_names(conn, set(per_grid) | set(due_by_grid))
    # grids in the ledger's order (第一网格, 第二网格, 第三网格), not by name (第一, 第三, 第二)
    grids = registry_q.grids(conn)
    rank = {g["id"]: i for i, g in enumerate(grids)}
    by_grid = []
    for gid in sorted(set(per_grid) | set(due_by_grid),
                      key=lambda g: (rank.get(g or "", len(rank)), names.get(g or "", ""))):
        due, done = due_by_grid.get(gid, (0, 0))
        v, a, h = per_grid.get(gid, (0, 0, 0))
        by_grid.append(GridCounts(gid, names.get(gid or "", ""), due, done, v or 0, a or 0, h or 0))
    due_by_worker: dict[str, list[int]] = {}
    for _gid, worker, due, done in due_rows:
        if worker:
            acc = due_by_worker.setdefault(worker, [0, 0])
            acc[0] += due
            acc[1] += done or 0
    visitor_rows: dict[str, list[int]] = {}
    for r in q.visit_counts(conn, start, stop, grid_id=grid_id):
        acc = visitor_rows.setdefault(r["visitor"] or "", [0, 0, 0])
        acc[0] += r["visits"]
        acc[1] += r["attempts"]
        acc[2] += r["households"]
    # grid workers in their grids' order, then the other visitors by name
    worker_rank: dict[str, int] = {}
    for g in grids:
        if g["worker_name"]:
            worker_rank.setdefault(g["worker_name"], rank[g["id"]])
    by_visitor = []
    for name in sorted(set(visitor_rows) | set(due_by_worker),
                       key=lambda n: (worker_rank.get(n, len(rank)), n)):
        v, a, h = visitor_rows.get(name, [0, 0, 0])
        due, done = due_by_worker.get(name, (0, 0))
        by_visitor.append(VisitorCounts(name, v, a, h, due, done))
    needs = q.need_counts(conn, start, stop, grid_id=grid_id)
    return VisitCounts(start, stop, tuple(by_grid), tuple(by_visitor), needs["raised"],
                       needs["resolved"], needs["open"])
