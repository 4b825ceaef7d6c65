"""Read queries of visits, visit rules, visit types and household flags.

Plain functions over a connection; callers run them on the thread that owns
the ledger.  Dates are ISO strings (text comparisons); periods are half-open,
``date_from <= d < date_to``.
"""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple, Sequence

LIVE = "deleted_at IS NULL"


from db.queries import dicts as _dicts
from db.queries.fragments import ADDRESS as _ADDRESS
from db.queries.fragments import live_household, visitor_names


# --- visits ----------------------------------------------------------------------------

_VISIT_SELECT = f"""SELECT v.*, {visitor_names('v')} AS visitor_names,
       (SELECT count(*) FROM visit_needs n WHERE n.visit_id = v.id AND n.{LIVE}) AS need_count
    FROM visits v WHERE v.{LIVE}"""


def visit(conn, visit_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"{_VISIT_SELECT} AND v.id = ?", (visit_id,)))
    return rows[0] if rows else None


def visits_of_household(conn, household_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"""{_VISIT_SELECT} AND v.household_id = ?
            ORDER BY v.visit_date DESC, coalesce(v.start_time, '') DESC, v.created_at DESC""",
        (household_id,)))


def visitors(conn, visit_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM visit_visitors WHERE visit_id = ? AND {LIVE} ORDER BY sort_no", (visit_id,)))


def residents_met(conn, visit_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"""SELECT vr.*, r.name AS resident_name FROM visit_residents vr
            JOIN residents r ON r.id = vr.resident_id
            WHERE vr.visit_id = ? AND vr.{LIVE} ORDER BY r.birth_date""", (visit_id,)))


def visit_needs(conn, visit_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM visit_needs WHERE visit_id = ? AND {LIVE} ORDER BY sort_no, created_at",
        (visit_id,)))


def visit_need(conn, need_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"""SELECT n.*, v.visit_date FROM visit_needs n JOIN visits v ON v.id = n.visit_id
            WHERE n.id = ? AND n.{LIVE}""", (need_id,)))
    return rows[0] if rows else None


def needs(conn, *, status: str | None = None, household_id: str | None = None,
          grid_id: str | None = None, open_only: bool = False) -> list[dict[str, Any]]:
    """Needs raised at live visits, oldest open first."""
    where, params = [f"n.{LIVE}", f"v.{LIVE}"], []
    if status:
        where.append("n.status = ?")
        params.append(status)
    if open_only:
        where.append("n.status <> '已办结'")
    if household_id:
        where.append("n.household_id = ?")
        params.append(household_id)
    if grid_id:
        where.append("v.grid_id = ?")
        params.append(grid_id)
    return _dicts(conn.execute(
        f"""SELECT n.*, v.visit_date, v.grid_id FROM visit_needs n JOIN visits v ON v.id = n.visit_id
            WHERE {' AND '.join(where)}
            ORDER BY n.status = '已办结', coalesce(n.due_date, '9999'), v.visit_date""", params))


def live_members(conn, household_id: str) -> set[str]:
    return {r[0] for r in conn.execute(
        f"SELECT id FROM residents WHERE household_id = ? AND {LIVE} AND status = '在册'", (household_id,))}


def staff_by_display_name(conn, name: str) -> list[dict[str, Any]]:
    """Active, non-auditor accounts with this display name (or username)."""
    return _dicts(conn.execute(
        f"""SELECT * FROM users WHERE {LIVE} AND active = 1 AND role <> 'auditor'
            AND (display_name = ? OR username = ?)""", (name, name)))


# --- types, rules, flags ---------------------------------------------------------------

def visit_types(conn, *, include_inactive: bool = False) -> list[dict[str, Any]]:
    active = "" if include_inactive else " AND active = 1"
    return _dicts(conn.execute(f"SELECT * FROM visit_types WHERE {LIVE}{active} ORDER BY sort_no, name"))


def visit_rules(conn, *, active_only: bool = False) -> list[dict[str, Any]]:
    active = " AND active = 1" if active_only else ""
    return _dicts(conn.execute(
        f"SELECT * FROM visit_rules WHERE {LIVE}{active} ORDER BY interval_days, label"))


def visit_rule(conn, rule_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"SELECT * FROM visit_rules WHERE id = ? AND {LIVE}", (rule_id,)))
    return rows[0] if rows else None


def flag_names(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        f"SELECT DISTINCT flag FROM household_flags WHERE {LIVE} ORDER BY flag")]


def flags_of(conn, household_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM household_flags WHERE household_id = ? AND {LIVE} ORDER BY flag", (household_id,)))


def flag_row(conn, household_id: str, flag: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"SELECT * FROM household_flags WHERE household_id = ? AND flag = ? AND {LIVE}",
        (household_id, flag)))
    return rows[0] if rows else None


# --- the schedule ----------------------------------------------------------------------

_TIER_RANK = {"高风险": 0, "重点": 1}
SCHEDULE_COLUMNS = ("household_id", "address", "head_name", "groups", "interval_days", "tier",
                    "last_visit_date", "last_attempt_date", "due_date", "status", "days_overdue",
                    "grid_id", "grid_name", "grid_worker")


# (group SQL selecting household ids or None for every live household, its params, interval days,
# label, tier): one active rule (neighbourhood.visit_schedule.selections).
Selection = tuple[str | None, Sequence[Any], int, str, str]


def _packed(interval: int, tier: str) -> int:
    """A rule as one orderable number: the interval, then the tier (one min() picks the strictest)."""
    return int(interval) * 10 + _TIER_RANK.get(tier, 2)


def strictest(conn, selections: Sequence[Selection], *, labels: bool = True,
              dirty: str | None = None) -> tuple[str, list[Any]]:
    """CTEs (text for ``WITH``, and their params in order) ending in ``sched(hr, packed, labels)``:
    each household under a selection, by its rowid ``hr``, with its strictest rule packed as
    ``interval * 10 + tier rank`` and the labels of all its rules ('、'-joined in label order;
    without ``labels`` the CTE is ``sched(hr, packed)``).  The one definition the plan, the
    schedule as of a date and the period counts share; households may include deleted or
    moved-out ones, which the caller filters when it joins ``households``.

    Members of each group are turned into household rowids once, grouped on that integer and
    joined back by rowid.  "Every household" rules (SQL None) are not expanded to 200k member
    rows: they are added to the members of the other groups (for the labels) and are the
    default of the other live 在册 households.
    ``dirty``: a condition on ``household_id`` (an inlined id list): only those households,
    each group asked alone for them first (run here on ``conn``).
    """
    ctes, params, members, member_labels = [], [], [], []
    everyone = [(_packed(interval, tier), label) for sql, _p, interval, label, tier in selections if not sql]
    for i, (sql, sel_params, interval, label, tier) in enumerate(selections):
        if not sql:
            continue
        if dirty:
            # Each group asked alone for the dirty households: in its own statement the
            # filter is pushed into the group's query (a probe per household); inside
            # the caller's statement SQLite materialised the groups whole (~200 ms).
            found = [r[0] for r in conn.execute(
                f"WITH g(household_id) AS ({sql}) SELECT household_id FROM g WHERE {dirty}", sel_params)]
            values = ", ".join(f"({_literal_list([h])})" for h in found)
            ctes.append(f"g{i}(household_id) AS ({'VALUES ' + values if found else 'SELECT NULL WHERE 0'})")
        else:
            ctes.append(f"g{i}(household_id) AS ({sql})")
            params.extend(sel_params)
        members.append(f"SELECT h.rowid AS hr, {_packed(interval, tier)} AS p{', ? AS label' if labels else ''}"
                       # CROSS JOIN: read the (small) group, look up each member;
                       # not a scan of every household probing the group
                       f" FROM g{i} CROSS JOIN households h ON h.id = g{i}.household_id")
        member_labels.append(label)
    if not labels:
        ctes.append(f"strict(hr, packed) AS (SELECT hr, min(p) FROM ({' UNION ALL '.join(members)}) GROUP BY hr)"
                    if members else "strict(hr, packed) AS (SELECT NULL, NULL WHERE 0)")
    else:
        if members:
            ctes.append(f"small(hr, p, label) AS MATERIALIZED ({' UNION ALL '.join(members)})")
            params.extend(member_labels)
            member = ["SELECT hr, p, label FROM small"]
            for packed, label in everyone:
                member.append(f"SELECT hr, {packed}, ? FROM small")
                params.append(label)
            ctes.append(f"member(hr, p, label) AS ({' UNION ALL '.join(member)})")
        else:
            ctes.append("member(hr, p, label) AS (SELECT NULL, NULL, NULL WHERE 0)")
        ctes.append("""strict(hr, packed, labels) AS (
                         SELECT hr, min(p), group_concat(label, '、' ORDER BY label)
                         FROM (SELECT hr, label, min(p) AS p FROM member GROUP BY hr, label) GROUP BY hr)""")
    if everyone:
        # min(): without labels the groups' minimum leaves out the "every household" rules
        # (with labels it already holds them), and one of those may be the strictest.
        strictest_everyone = min(p for p, _l in everyone)
        columns = f"h.rowid, min(coalesce(st.packed, {strictest_everyone}), {strictest_everyone})"
        if labels:
            columns += ", coalesce(st.labels, ?)"
            params.append("、".join(sorted({label for _p, label in everyone})))
        only = f" AND h.{dirty.replace('household_id', 'id', 1)}" if dirty else ""
        ctes.append(f"""sched({'hr, packed, labels' if labels else 'hr, packed'}) AS (
                         SELECT {columns} FROM households h LEFT JOIN strict st ON st.hr = h.rowid
                         WHERE {live_household('h')}{only})""")
    else:
        ctes.append("sched AS (SELECT * FROM strict)")
    return ", ".join(ctes), params


_TIER_OF_PACKED = "CASE {0} % 10 WHEN 0 THEN '高风险' WHEN 1 THEN '重点' ELSE '一般' END"
_DUE = """CASE WHEN {last} IS NULL THEN NULL
               WHEN {next} >= {last} AND {next} < date({last}, '+' || ({days}) || ' days') THEN {next}
               ELSE date({last}, '+' || ({days}) || ' days') END"""


def plan_state(conn) -> tuple[str | None, bool]:
    """(built_for, stale) of the ``visit_plan`` cache."""
    built_for, stale = conn.execute("SELECT built_for, stale FROM visit_plan_state WHERE id = 1").fetchone()
    return built_for, bool(stale)


def plan_dirty_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM visit_plan_dirty").fetchone()[0]


def set_plan_key(conn, built_for: str) -> None:
    conn.execute("UPDATE visit_plan_state SET built_for = ? WHERE id = 1", (built_for,))


def plan_dirty_ids(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT household_id FROM visit_plan_dirty")]


def _literal_list(ids: Sequence[str]) -> str:
    """Ids as SQL string literals (quotes doubled), for an IN list of any length."""
    return ", ".join("'" + str(i).replace("'", "''") + "'" for i in ids) or "NULL"


def mark_dirty(conn, household_ids: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO visit_plan_dirty VALUES (?)", ((h,) for h in household_ids))


def members(conn, sql: str, params: Sequence[Any]) -> set[str]:
    """The household ids a group's SQL selects."""
    return {r[0] for r in conn.execute(sql, params)}


def rebuild_plan(conn, selections: Sequence[Selection], *, built_for: str, only_dirty: bool = False) -> int:
    """Refill ``visit_plan`` (one row per live 在册 household under a selection); returns the rows.

    The strictest rule per household is :func:`strictest`'s.  The secondary indexes are dropped
    and built after the rows (a bulk load).
    ``only_dirty``: recompute just the households in ``visit_plan_dirty`` (each group is
    restricted to them, so it is probed per household, not evaluated whole).  Caller holds the transaction.
    Dates come from ``visit_last``.  Returns the rows written.
    """
    dirty = None
    if only_dirty:
        # The dirty ids inlined as a literal list: with it the planner probes each group by
        # household (index per id); with "IN (SELECT … FROM visit_plan_dirty)", a table it has
        # no size for, it read 独居老人 through every live resident (~290 ms at 500k).
        dirty = f"household_id IN ({_literal_list(plan_dirty_ids(conn))})"
    conn.execute(f"DELETE FROM visit_plan WHERE {dirty}" if only_dirty else "DELETE FROM visit_plan")
    written = 0
    if selections:
        ctes, params = strictest(conn, selections, dirty=dirty)
        indexes = [] if only_dirty else conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name = 'visit_plan' AND sql IS NOT NULL").fetchall()
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX [{name}]")
        due = _DUE.format(last="l.last_visit_date", next="l.next_visit_date", days="s.packed / 10")
        sql = f"""WITH {ctes}
            INSERT INTO visit_plan (household_id, grid_id, interval_days, tier, groups, sort_key,
                                    last_visit_date, next_visit_date, last_attempt_date, due_date)
            SELECT h.id, b.grid_id, s.packed / 10, {_TIER_OF_PACKED.format('s.packed')}, s.labels,
                   g.name || char(31) || {_ADDRESS},
                   l.last_visit_date, l.next_visit_date, l.last_attempt_date, {due}
            FROM sched s JOIN households h ON h.rowid = s.hr
            JOIN buildings b ON b.id = h.building_id
            JOIN grids g ON g.id = b.grid_id
            LEFT JOIN visit_last l ON l.household_id = h.id
            WHERE {live_household('h')}
            """
        written = conn.execute(sql, params).rowcount
        for _name, index_sql in indexes:
            conn.execute(index_sql)
    conn.execute("DELETE FROM visit_plan_dirty")
    conn.execute("UPDATE visit_plan_state SET built_for = ?, stale = 0 WHERE id = 1", (built_for,))
    return written


_STATUS_WHERE = {"overdue": "p.due_date < :today", "never_visited": "p.due_date IS NULL",
                 "due_this_week": "(p.due_date >= :today AND p.due_date <= :week_end)",
                 "ok": "p.due_date > :week_end"}


def plan_interval(conn, household_id: str) -> int | None:
    """The strictest interval of one household from ``visit_plan`` (None: under no rule)."""
    row = conn.execute("SELECT interval_days FROM visit_plan WHERE household_id = ?", (household_id,)).fetchone()
    return row[0] if row else None


def visitor_grids(conn, visitor: str) -> list[str]:
    """Grids of a visitor: a user id (their assigned grids) or a 网格员 name (grids they work)."""
    return [r[0] for r in conn.execute(
        f"""SELECT id FROM grids WHERE worker_name = ? AND {LIVE}
            UNION SELECT grid_id FROM user_grids WHERE user_id = ? AND {LIVE}""", (visitor, visitor))]


class PlanFilter(NamedTuple):
    """The grid/visitor filter of the plan, resolved (:func:`plan_filter`): conditions on
    ``visit_plan p`` and their named parameters."""
    where: tuple[str, ...] = ()
    params: tuple[tuple[str, Any], ...] = ()

    def bind(self, **more: Any) -> dict[str, Any]:
        """The named parameters with ``more`` (a new dict each time)."""
        return {**dict(self.params), **more}


def plan_filter(conn, *, grid_id: str | None = None, visitor: str | None = None) -> PlanFilter:
    """Resolve the grid/visitor filter once, for :func:`plan_counts` and :func:`plan_rows`."""
    where, params = [], {}
    if grid_id:
        where.append("p.grid_id = :grid_id")
        params["grid_id"] = grid_id
    if visitor:
        # resolved first: a literal list lets the planner use visit_plan_grid per grid
        grids = visitor_grids(conn, visitor)
        names = [f":vg{i}" for i in range(len(grids))]
        where.append(f"p.grid_id IN ({', '.join(names)})" if grids else "0")
        params.update({n[1:]: g for n, g in zip(names, grids)})
    return PlanFilter(tuple(where), tuple(params.items()))


def plan_counts(conn, *, today: str, week_end: str, scope: PlanFilter = PlanFilter()) -> dict[str, int]:
    """Households per schedule status, and ``all`` (from ``visit_plan``; build it first), within
    ``scope`` (:func:`plan_filter`; everything by default).

    One count per due-date range of the index, not a CASE over every row."""
    where, params = list(scope.where), scope.bind(today=today, week_end=week_end)
    out = {}
    for status in ("overdue", "never_visited", "due_this_week"):
        out[status] = conn.execute(
            f"SELECT count(*) FROM visit_plan p WHERE {' AND '.join(where + [_STATUS_WHERE[status]])}",
            params).fetchone()[0]
    out["all"] = conn.execute(
        f"SELECT count(*) FROM visit_plan p {'WHERE ' + ' AND '.join(where) if where else ''}",
        params).fetchone()[0]
    out["ok"] = out["all"] - out["overdue"] - out["never_visited"] - out["due_this_week"]
    return out


def plan_counts_by_grid(conn, *, today: str, week_end: str) -> dict[str, dict[str, int]]:
    """Households per schedule status for every grid (one pass over ``visit_plan_grid``)."""
    sums = ", ".join(f"sum({_STATUS_WHERE[s]})" for s in _STATUS_ORDER)
    rows = conn.execute(f"SELECT p.grid_id, {sums} FROM visit_plan p GROUP BY p.grid_id",
                        dict(today=today, week_end=week_end)).fetchall()
    return {row[0]: dict(zip(_STATUS_ORDER, (n or 0 for n in row[1:]))) for row in rows}


# Each status is one ordered range of visit_plan_due / visit_plan_grid: the list is read
# range by range in index order, so a page costs its own rows, not a sort of the whole list.
_STATUS_ORDER = ("overdue", "never_visited", "due_this_week", "ok")


def plan_rows(conn, *, today: str, week_end: str, scope: PlanFilter = PlanFilter(),
              statuses: Sequence[str] | None = None, offset: int = 0, limit: int | None = None,
              counts: dict[str, int] | None = None) -> list[tuple]:
    """Rows of the schedule (:data:`SCHEDULE_COLUMNS`) from ``visit_plan``, most urgent first:
    overdue (longest first), never visited, due this week, up to date; ties by grid, address.

    ``scope``: the grid/visitor filter (:func:`plan_filter`).  ``offset``/``limit`` page it: with
    the per-status ``counts`` (:func:`plan_counts`, same scope) a page reads only the ranges it
    falls in, from its offset within them; only the page's rows are joined to households and
    residents.
    """
    where, params = list(scope.where), scope.bind(today=today, week_end=week_end)
    wanted = [s for s in _STATUS_ORDER if not statuses or s in statuses]
    if limit is None:
        parts = [(rank, status, -1, 0) for rank, status in enumerate(_STATUS_ORDER) if status in wanted]
    else:
        counts = counts if counts is not None else plan_counts(conn, today=today, week_end=week_end,
                                                               scope=scope)
        parts, skip, left = [], max(0, int(offset)), int(limit)
        for rank, status in enumerate(_STATUS_ORDER):
            if status not in wanted or left <= 0:
                continue
            n = counts.get(status, 0)
            if skip >= n:
                skip -= n
                continue
            take = min(n - skip, left)
            parts.append((rank, status, take, skip))
            skip, left = 0, left - take
    if not parts:
        return []
    segments = []
    for rank, status, take, skip in parts:
        cond = " AND ".join(where + [_STATUS_WHERE[status]])
        params[f"take{rank}"], params[f"skip{rank}"] = take, skip
        # LIMIT also keeps the subquery's ORDER BY (SQLite may drop it otherwise).
        segments.append(f"""SELECT * FROM (SELECT p.*, {rank} AS rank FROM visit_plan p WHERE {cond}
                            ORDER BY p.due_date, p.sort_key LIMIT :take{rank} OFFSET :skip{rank})""")
    sql = f"""
        SELECT p.household_id, {_ADDRESS} AS address, r.name, p.groups, p.interval_days, p.tier,
               p.last_visit_date, p.last_attempt_date, p.due_date,
               CASE p.rank WHEN 0 THEN 'overdue' WHEN 1 THEN 'never_visited'
                           WHEN 2 THEN 'due_this_week' ELSE 'ok' END,
               CASE WHEN p.rank = 0 THEN CAST(julianday(:today) - julianday(p.due_date) AS INTEGER)
                    ELSE 0 END,
               p.grid_id, g.name, g.worker_name
        FROM ({' UNION ALL '.join(segments)}) p
        JOIN households h ON h.id = p.household_id
        JOIN buildings b ON b.id = h.building_id
        JOIN grids g ON g.id = p.grid_id
        LEFT JOIN residents r ON r.id = h.head_resident_id
        ORDER BY p.rank, p.due_date, p.sort_key"""
    return conn.execute(sql, params).fetchall()


def schedule_rows(conn, selections: Sequence[Selection], *,
                  today: str, week_end: str, as_of: str, grid_id: str | None = None,
                  visitor: str | None = None, statuses: Sequence[str] | None = None) -> list[tuple]:
    """The schedule as it stood before ``as_of`` (last visits from visits dated before it), for
    the period counts; :data:`SCHEDULE_COLUMNS` per row, most urgent first.  One statement.

    The live schedule reads the ``visit_plan`` cache instead (:func:`plan_rows`).
    """
    if not selections:
        return []
    strict, params = strictest(conn, selections)
    last = f"""SELECT household_id,
                 max(CASE WHEN nobody_home = 0 THEN visit_date END) AS last_visit_date,
                 NULL AS next_visit_date,
                 max(CASE WHEN nobody_home = 1 THEN visit_date END) AS last_attempt_date
               FROM visits WHERE {LIVE} AND visit_date < ? GROUP BY household_id"""
    params.append(as_of)
    where = [live_household("h")]
    if grid_id:
        where.append("b.grid_id = ?")
        params.append(grid_id)
    if visitor:
        where.append(f"""(g.worker_name = ? OR b.grid_id IN
                         (SELECT grid_id FROM user_grids WHERE user_id = ? AND {LIVE}))""")
        params.extend([visitor, visitor])
    params.extend([today, week_end, today, today])
    having = ""
    if statuses:
        having = f"WHERE status IN ({', '.join('?' for _ in statuses)})"
        params.extend(statuses)
    due = _DUE.format(last="l.last_visit_date", next="l.next_visit_date", days="s.packed / 10")
    sql = f"""WITH {strict},
        last AS ({last}),
        base AS (
          SELECT h.id AS household_id, {_ADDRESS} AS address, r.name AS head_name, s.labels AS groups,
                 s.packed / 10 AS interval_days, {_TIER_OF_PACKED.format('s.packed')} AS tier,
                 l.last_visit_date, l.last_attempt_date, {due} AS due_date,
                 b.grid_id, g.name AS grid_name, g.worker_name AS grid_worker
          FROM sched s JOIN households h ON h.rowid = s.hr
          JOIN buildings b ON b.id = h.building_id
          JOIN grids g ON g.id = b.grid_id
          LEFT JOIN last l ON l.household_id = h.id
          LEFT JOIN residents r ON r.id = h.head_resident_id
          WHERE {' AND '.join(where)}),
        rated AS (
          SELECT *, CASE WHEN due_date IS NULL THEN 'never_visited' WHEN due_date < ? THEN 'overdue'
                         WHEN due_date <= ? THEN 'due_this_week' ELSE 'ok' END AS status,
                    CASE WHEN due_date < ? THEN CAST(julianday(?) - julianday(due_date) AS INTEGER)
                         ELSE 0 END AS days_overdue
          FROM base)
      SELECT {', '.join(SCHEDULE_COLUMNS)} FROM rated {having}
      ORDER BY CASE status WHEN 'overdue' THEN 0 WHEN 'never_visited' THEN 1
                           WHEN 'due_this_week' THEN 2 ELSE 3 END,
               days_overdue DESC, coalesce(due_date, ''), grid_name, address"""
    return conn.execute(sql, params).fetchall()


def due_counts(conn, selections: Sequence[Selection], *,
               date_from: str, last_day: str, date_to: str,
               grid_id: str | None = None) -> list[tuple[str, str | None, int, int]]:
    """(grid id, grid worker, due, due done) per grid: households under a selection that were due
    in ``[date_from, date_to)`` by their real visits before ``date_from`` (never visited, or the
    last one + the strictest interval <= ``last_day``), and of those, visited in the period.

    Same figures as the schedule as of ``date_from`` (:func:`schedule_rows`, planned next
    dates not used), counted in SQL: the strictest rules of :func:`strictest` (without labels),
    then, for households visited since the period start only, probes of ``visits_household``
    (last visit before the period; any visit in it); no rows to Python.
    """
    if not selections:
        return []
    ctes, params = strictest(conn, selections, labels=False)
    where = [live_household("h")]
    if grid_id:
        where.append("b.grid_id = ?")
        params.append(grid_id)
    params.extend([date_from, date_from, last_day, date_from, date_from, date_to])
    # visit_last (the latest real visit now) answers both for a household not visited since
    # the period start, most of them: only the others probe visits_household.
    sql = f"""WITH {ctes},
        due AS (
          SELECT b.grid_id, h.id AS household_id, l.last_visit_date AS latest
          FROM sched s JOIN households h ON h.rowid = s.hr
          JOIN buildings b ON b.id = h.building_id
          LEFT JOIN visit_last l ON l.household_id = h.id
          WHERE {' AND '.join(where)}
            AND coalesce(date(CASE WHEN l.last_visit_date < ? THEN l.last_visit_date
                                   WHEN l.last_visit_date IS NULL THEN NULL
                                   ELSE (SELECT max(v.visit_date) FROM visits v
                                         WHERE v.household_id = h.id AND v.nobody_home = 0
                                           AND v.visit_date < ? AND v.{LIVE}) END,
                              '+' || (s.packed / 10) || ' days') <= ?, 1))
        SELECT d.grid_id, g.worker_name, count(*),
               sum(coalesce(d.latest >= ?, 0)
                   AND EXISTS (SELECT 1 FROM visits v WHERE v.household_id = d.household_id
                               AND v.nobody_home = 0 AND v.visit_date >= ? AND v.visit_date < ?
                               AND v.{LIVE}))
        FROM due d JOIN grids g ON g.id = d.grid_id
        GROUP BY d.grid_id"""
    return conn.execute(sql, params).fetchall()


def rebuild_visit_last(conn) -> None:
    """Refill the ``visit_last`` cache from the visits in two grouped passes (after a bulk load
    with the triggers dropped, or a repair).  Caller holds the transaction."""
    conn.execute("DELETE FROM visit_last")
    conn.execute(f"""
        INSERT INTO visit_last (household_id, last_visit_date, next_visit_date, last_attempt_date)
        SELECT household_id, max(CASE WHEN nobody_home = 0 THEN visit_date END), NULL,
               max(CASE WHEN nobody_home = 1 THEN visit_date END)
        FROM visits WHERE {LIVE} GROUP BY household_id""")
    # the planned next date of the latest real visit (same tie-break as the triggers)
    conn.execute(f"""
        UPDATE visit_last SET next_visit_date = (
            SELECT v.next_visit_date FROM visits v
            WHERE v.household_id = visit_last.household_id AND v.{LIVE} AND v.nobody_home = 0
            ORDER BY v.visit_date DESC, coalesce(v.start_time, '') DESC, v.created_at DESC LIMIT 1)
        WHERE last_visit_date IS NOT NULL""")


# --- counts ----------------------------------------------------------------------------

def visit_counts(conn, date_from: str, date_to: str, *, grid_id: str | None = None) -> list[dict[str, Any]]:
    """Per (grid, visitor name): visits, 未遇 attempts, households visited in the period."""
    extra, params = "", [date_from, date_to]
    if grid_id:
        extra = " AND v.grid_id = ?"
        params.append(grid_id)
    return _dicts(conn.execute(
        f"""SELECT v.grid_id, vv.name AS visitor,
                   count(DISTINCT CASE WHEN v.nobody_home = 0 THEN v.id END) AS visits,
                   count(DISTINCT CASE WHEN v.nobody_home = 1 THEN v.id END) AS attempts,
                   count(DISTINCT CASE WHEN v.nobody_home = 0 THEN v.household_id END) AS households
            FROM visits v LEFT JOIN visit_visitors vv ON vv.visit_id = v.id AND vv.{LIVE}
            WHERE v.{LIVE} AND v.visit_date >= ? AND v.visit_date < ?{extra}
            GROUP BY v.grid_id, vv.name""", params))


def grid_visit_counts(conn, date_from: str, date_to: str) -> dict[str | None, tuple[int, int, int]]:
    """Per grid: (visits, attempts, households visited) in the period."""
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        f"""SELECT grid_id, sum(nobody_home = 0), sum(nobody_home = 1),
                   count(DISTINCT CASE WHEN nobody_home = 0 THEN household_id END)
            FROM visits WHERE {LIVE} AND visit_date >= ? AND visit_date < ? GROUP BY grid_id""",
        (date_from, date_to))}


def households_visited(conn, date_from: str, date_to: str) -> set[str]:
    return {r[0] for r in conn.execute(
        f"""SELECT DISTINCT household_id FROM visits
            WHERE {LIVE} AND nobody_home = 0 AND visit_date >= ? AND visit_date < ?""",
        (date_from, date_to))}


def need_counts(conn, date_from: str, date_to: str, *, grid_id: str | None = None) -> dict[str, int]:
    extra, params = "", []
    if grid_id:
        extra = " AND v.grid_id = ?"
        params.append(grid_id)
    base = f"FROM visit_needs n JOIN visits v ON v.id = n.visit_id WHERE n.{LIVE} AND v.{LIVE}{extra}"
    raised = conn.execute(f"SELECT count(*) {base} AND v.visit_date >= ? AND v.visit_date < ?",
                          (*params, date_from, date_to)).fetchone()[0]
    resolved = conn.execute(
        f"SELECT count(*) {base} AND n.status = '已办结' AND n.resolved_at >= ? AND n.resolved_at < ?",
        (*params, date_from, date_to)).fetchone()[0]
    open_now = conn.execute(f"SELECT count(*) {base} AND n.status <> '已办结'", params).fetchone()[0]
    return {"raised": raised, "resolved": resolved, "open": open_now}


def grid_names(conn, ids: Iterable[str | None]) -> dict[str, str]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return dict(conn.execute(f"SELECT id, name FROM grids WHERE id IN ({marks})", ids).fetchall())
