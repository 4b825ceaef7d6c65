"""SQL behind the roster builder (花名册生成): one SELECT per template.

Each row entity (resident, household, enrolment, visit, action item, need) is a
:class:`Source`: a FROM clause with its always-needed joins, optional joins
added only when a chosen field needs them, and one SQL expression per field
key (related-entity fields via joins or correlated subqueries).  The field
labels and types live in :mod:`neighbourhood.rosters.fields`; keys match.

:func:`compile_select` turns (fields, filters, sort) into one parameterised
query; values are always bound, expressions come only from this catalogue, so
a hostile template cannot inject SQL.  Only live (not deleted) records are read.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import Any, Iterator, Sequence

from db.queries.fragments import ADDRESS, visitor_names

_ADDRESS_ORDER = "g.sort_no, g.name, b.sort_no, b.name, h.entrance, length(h.unit), h.unit"


def _birth(p: str) -> str:
    return (f"coalesce({p}.birth_date, CASE WHEN length({p}.id_number) = 18 THEN substr({p}.id_number, 7, 4)"
            f" || '-' || substr({p}.id_number, 11, 2) || '-' || substr({p}.id_number, 13, 2) END)")


def _sex(p: str) -> str:
    return (f"coalesce({p}.sex, CASE WHEN length({p}.id_number) = 18 THEN CASE WHEN"
            f" CAST(substr({p}.id_number, 17, 1) AS INTEGER) % 2 = 1 THEN '男' ELSE '女' END END)")


def _age(p: str) -> str:
    # Whole years on TODAY (a literal put in by compile_select); exact, not days / 365.25.
    b = _birth(p)
    return (f"(CASE WHEN {b} IS NULL THEN NULL ELSE CAST(substr('@TODAY@', 1, 4) AS INTEGER)"
            f" - CAST(substr({b}, 1, 4) AS INTEGER) - (substr('@TODAY@', 6, 5) < substr({b}, 6, 5)) END)")


_ENROLLED = ("FROM hardship_enrolments e JOIN hardship_categories c ON c.id = e.category_id"
             " WHERE e.status = '在册' AND e.deleted_at IS NULL AND c.deleted_at IS NULL")


def _person_categories(r: str, hh: str) -> str:
    """Codes of the lists a person is on: their own and their household's (低保 covers all members).

    Most people are on no list: two index probes first spare them the UNION and its sorting."""
    return (f"CASE WHEN EXISTS (SELECT 1 FROM hardship_enrolments x WHERE x.resident_id = {r}.id)"
            f" OR EXISTS (SELECT 1 FROM hardship_enrolments x WHERE x.household_id = {hh}) THEN"
            f" (SELECT group_concat(code, '、') FROM (SELECT c.code AS code, c.sort_no AS s {_ENROLLED}"
            f" AND e.resident_id = {r}.id AND c.applies_to = 'person' UNION SELECT c.code, c.sort_no {_ENROLLED}"
            f" AND e.household_id = {hh} AND c.applies_to = 'household' ORDER BY s)) END")


def _household_categories(hh: str) -> str:
    return (f"(SELECT group_concat(code, '、') FROM (SELECT DISTINCT c.code AS code, c.sort_no AS s {_ENROLLED}"
            f" AND (e.household_id = {hh} OR e.resident_id IN (SELECT id FROM residents"
            f" WHERE household_id = {hh} AND deleted_at IS NULL AND status = '在册')) ORDER BY s))")


def _members(hh: str) -> str:
    return (f"(SELECT count(*) FROM residents m WHERE m.household_id = {hh} AND m.deleted_at IS NULL"
            f" AND m.status = '在册')")


# "has category X" filters: EXISTS with the code bound as a parameter.
def _person_has(r: str, hh: str) -> str:
    return (f"EXISTS (SELECT 1 {_ENROLLED} AND c.code = ? AND ((e.resident_id = {r}.id AND c.applies_to = 'person')"
            f" OR (e.household_id = {hh} AND c.applies_to = 'household')))")


def _household_has(hh: str) -> str:
    return (f"EXISTS (SELECT 1 {_ENROLLED} AND c.code = ? AND (e.household_id = {hh} OR e.resident_id IN"
            f" (SELECT id FROM residents WHERE household_id = {hh} AND deleted_at IS NULL AND status = '在册')))")


@dataclasses.dataclass(frozen=True)
class Expr:
    sql: str
    joins: tuple[str, ...] = ()
    has: str | None = None          # EXISTS template (one ``?``) for the "has" filter of list fields
    order: str | None = None        # ORDER BY form when it differs (grids in their set order, not by name)


@dataclasses.dataclass(frozen=True)
class Source:
    from_sql: str
    where: str
    order: str
    joins: dict[str, str]           # optional joins in dependency order
    exprs: dict[str, Expr]
    grid: str                       # expression of the row's grid id (scope filter)


def _e(sql: str, *joins: str, has: str | None = None, order: str | None = None) -> Expr:
    return Expr(sql, tuple(joins), has, order)


def _household_exprs(hh: str = "h.id", head: str = "hr") -> dict[str, Expr]:
    """Fields of the row's household (h), building (b), grid (g) and head (hr)."""
    return {
        "hh_address": _e(ADDRESS, order=_ADDRESS_ORDER), "hh_grid": _e("g.name", order="g.sort_no, g.name"), "hh_grid_worker": _e("g.worker_name"),
        "hh_building": _e("b.name", order="g.sort_no, g.name, b.sort_no, b.name"), "hh_entrance": _e("h.entrance"), "hh_unit": _e("h.unit"),
        "hh_building_leader": _e("b.leader_name"),
        "hh_head": _e(f"{head}.name", head), "hh_head_id_number": _e(f"{head}.id_number", head),
        "hh_head_phone": _e(f"{head}.phone", head),
        "hh_phone": _e("h.phone"), "hh_housing_type": _e("h.housing_type"), "hh_separated": _e("h.separated"),
        "hh_members": _e(_members(hh)), "hh_categories": _e(_household_categories(hh), has=_household_has(hh)),
        "hh_last_visit": _e("vl.last_visit_date", "vl"), "hh_next_visit": _e("vl.next_visit_date", "vl"),
        "hh_notes": _e("h.notes"),
    }


def _person_exprs(p: str, hh: str, prefix: str = "") -> dict[str, Expr]:
    joins = (p,) if prefix else ()
    return {
        f"{prefix}name": _e(f"{p}.name", *joins), f"{prefix}sex": _e(_sex(p), *joins),
        f"{prefix}birth_date": _e(_birth(p), *joins), f"{prefix}age": _e(_age(p), *joins),
        f"{prefix}id_number": _e(f"{p}.id_number", *joins), f"{prefix}phone": _e(f"{p}.phone", *joins),
        f"{prefix}relation": _e(f"{p}.relation", *joins),
        f"{prefix}residence_status": _e(f"{p}.residence_status", *joins),
        f"{prefix}political_status": _e(f"{p}.political_status", *joins),
        f"{prefix}ethnicity": _e(f"{p}.ethnicity", *joins), f"{prefix}employment": _e(f"{p}.employment", *joins),
        f"{prefix}hukou_address": _e(f"{p}.hukou_address", *joins),
        f"{prefix}permit_start": _e(f"{p}.permit_start", *joins),
        f"{prefix}permit_end": _e(f"{p}.permit_end", *joins),
        f"{prefix}status": _e(f"{p}.status", *joins), f"{prefix}notes": _e(f"{p}.notes", *joins),
        f"{prefix}categories": _e(_person_categories(p, hh), *joins, has=_person_has(p, hh)),
    }


_HH_JOINS = "JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id"
_HEAD = "LEFT JOIN residents hr ON hr.id = h.head_resident_id"
_VL = "LEFT JOIN visit_last vl ON vl.household_id = h.id"

RESIDENT = Source(
    from_sql=f"FROM residents r JOIN households h ON h.id = r.household_id {_HH_JOINS}",
    where="r.deleted_at IS NULL AND h.deleted_at IS NULL",
    order=(f"{_ADDRESS_ORDER}, CASE r.relation WHEN '户主' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END,"
           " r.birth_date"),
    joins={"hr": _HEAD, "vl": _VL},
    exprs={**_person_exprs("r", "r.household_id"), **_household_exprs("r.household_id")},
    grid="b.grid_id",
)

HOUSEHOLD = Source(
    from_sql=f"FROM households h {_HH_JOINS}",
    where="h.deleted_at IS NULL",
    order=_ADDRESS_ORDER,
    joins={"hr": _HEAD, "vl": _VL},
    exprs={**_household_exprs(), "status": _e("h.status")},
    grid="b.grid_id",
)

_EXTRA_KEYS = ("self_care", "support_setting", "cert_no", "disability_type", "grade", "illness", "kind",
               "guardian", "parents_at")

ENROLMENT = Source(
    from_sql=("FROM hardship_enrolments e JOIN hardship_categories c ON c.id = e.category_id"
              " LEFT JOIN residents p ON p.id = e.resident_id"
              " LEFT JOIN households h ON h.id = coalesce(e.household_id, p.household_id)"
              " LEFT JOIN buildings b ON b.id = h.building_id LEFT JOIN grids g ON g.id = b.grid_id"
              f" {_HEAD}"),
    where="e.deleted_at IS NULL",
    order=f"c.sort_no, {_ADDRESS_ORDER}, e.applied_on",
    joins={"vl": _VL},
    exprs={
        "category": _e("c.code"), "category_name": _e("c.name"), "status": _e("e.status"),
        "applied_on": _e("e.applied_on"), "enrolled_on": _e("e.enrolled_on"), "exited_on": _e("e.exited_on"),
        "exit_reason": _e("e.exit_reason"), "covered_count": _e("e.covered_count"),
        "monthly_amount": _e("e.monthly_amount_fen / 100.0"), "start_month": _e("e.start_month"),
        "certificate_no": _e("e.certificate_no"), "support_mode": _e("e.support_mode"),
        "family_type": _e("e.family_type"), "housing": _e("e.housing"),
        "last_review_date": _e("e.last_review_date"), "next_review_date": _e("e.next_review_date"),
        "notes": _e("e.notes"),
        # The subject: the person for person lists, the household head for household lists.
        "subject_name": _e("coalesce(p.name, hr.name)"),
        "subject_id_number": _e("coalesce(p.id_number, hr.id_number)"),
        "subject_sex": _e(f"coalesce({_sex('p')}, {_sex('hr')})"),
        "subject_birth_date": _e(f"coalesce({_birth('p')}, {_birth('hr')})"),
        "subject_age": _e(f"coalesce({_age('p')}, {_age('hr')})"),
        "subject_phone": _e("coalesce(p.phone, hr.phone, h.phone)"),
        **{f"extra_{k}": _e(f"json_extract(e.extra, '$.{k}')") for k in _EXTRA_KEYS},
        **_household_exprs(),
    },
    grid="b.grid_id",
)

VISIT = Source(
    from_sql=f"FROM visits v JOIN households h ON h.id = v.household_id {_HH_JOINS}",
    where="v.deleted_at IS NULL",
    order=f"v.visit_date, {_ADDRESS_ORDER}, v.start_time",
    joins={"hr": _HEAD, "vl": _VL},
    exprs={
        "visit_date": _e("v.visit_date"), "start_time": _e("v.start_time"), "visit_type": _e("v.visit_type"),
        "channel": _e("v.channel"), "nobody_home": _e("CASE WHEN v.nobody_home THEN '未遇' ELSE '' END"),
        "situation": _e("v.situation"), "difficulties": _e("v.difficulties"), "requests": _e("v.requests"),
        "plan": _e("v.plan"), "next_visit_date": _e("v.next_visit_date"), "notes": _e("v.notes"),
        "visitors": _e(visitor_names("v")),
        "met": _e("(SELECT group_concat(name, '、') FROM (SELECT m.name FROM visit_residents x"
                  " JOIN residents m ON m.id = x.resident_id WHERE x.visit_id = v.id AND x.deleted_at IS NULL))"),
        **_household_exprs(),
    },
    grid="b.grid_id",
)

ACTION_ITEM = Source(
    from_sql="FROM action_items a JOIN meetings m ON m.id = a.meeting_id",
    where="a.deleted_at IS NULL AND m.deleted_at IS NULL",
    order="a.due_date IS NULL, a.due_date, m.meeting_date, a.sort_no",
    joins={},
    exprs={
        "what": _e("a.what"), "owner": _e("a.owner"), "due_date": _e("a.due_date"), "status": _e("a.status"),
        "done_date": _e("a.done_date"),
        "overdue": _e("CASE WHEN a.status != '已完成' AND a.due_date < '@TODAY@' THEN '逾期' ELSE '' END"),
        "meeting_title": _e("m.title"), "meeting_date": _e("m.meeting_date"), "meeting_type": _e("m.type"),
        "meeting_host": _e("m.host"),
    },
    grid="NULL",
)

NEED = Source(
    from_sql=("FROM needs n LEFT JOIN residents p ON p.id = n.resident_id"
              " LEFT JOIN households h ON h.id = coalesce(n.household_id, p.household_id)"
              " LEFT JOIN buildings b ON b.id = h.building_id LEFT JOIN grids g ON g.id = b.grid_id"),
    where="n.deleted_at IS NULL",
    order="n.received_date, n.kind",
    joins={"hr": _HEAD, "vl": _VL},
    exprs={
        "kind": _e("n.kind"), "content": _e("n.content"), "category": _e("n.category"), "status": _e("n.status"),
        "channel": _e("n.channel"), "received_date": _e("n.received_date"), "resolved_date": _e("n.resolved_date"),
        "satisfaction": _e("n.satisfaction"), "handler": _e("n.handler"),
        "raised_by": _e("CASE WHEN n.anonymous THEN '匿名' ELSE coalesce(p.name, n.raised_by) END"),
        "raised_by_phone": _e("CASE WHEN n.anonymous THEN NULL ELSE p.phone END"),
        **_household_exprs(),
    },
    grid="b.grid_id",
)

SOURCES: dict[str, Source] = {"resident": RESIDENT, "household": HOUSEHOLD, "enrolment": ENROLMENT,
                              "visit": VISIT, "action_item": ACTION_ITEM, "need": NEED}

OPS = ("eq", "ne", "in", "not_in", "contains", "empty", "not_empty", "gte", "lte", "between", "has",
       "not_has")
_TODAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _filter_sql(expr: Expr, op: str, value: Any, params: list[Any]) -> str:
    sql = expr.sql
    if op == "eq":
        params.append(value)
        return f"{sql} = ?"
    if op == "ne":
        params.append(value)
        return f"coalesce({sql}, '') != ?"
    if op in ("in", "not_in"):
        values = list(value)
        params.extend(values)
        marks = ", ".join("?" for _ in values) or "NULL"
        return f"{sql} IN ({marks})" if op == "in" else f"coalesce({sql}, '') NOT IN ({marks})"
    if op == "contains":
        params.append(str(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
        return f"{sql} LIKE '%' || ? || '%' ESCAPE '\\'"
    if op == "empty":
        return f"coalesce({sql}, '') = ''"
    if op == "not_empty":
        return f"coalesce({sql}, '') != ''"
    if op == "gte":
        params.append(value)
        return f"{sql} >= ?"
    if op == "lte":
        params.append(value)
        return f"{sql} <= ?"
    if op == "between":
        params.extend([value[0], value[1]])
        return f"{sql} BETWEEN ? AND ?"
    if op in ("has", "not_has"):
        if expr.has is None:
            raise KeyError(op)
        params.append(value)
        return expr.has if op == "has" else f"NOT {expr.has}"
    raise KeyError(op)


def compile_select(entity: str, keys: Sequence[str], *, filters: Sequence[tuple[str, str, Any]] = (),
                   sort: Sequence[tuple[str, bool]] = (), today: _dt.date,
                   grid_ids: Sequence[str] | None = None, count: bool = False) -> tuple[str, list[Any]]:
    """One SELECT of ``keys`` (in order) for ``entity`` rows, or ``count(*)`` when ``count``.

    ``filters`` are (key, op, value) ANDed; ``sort`` (key, descending) comes
    before the entity's natural order; ``grid_ids`` limits rows to those grids.
    Raises KeyError for an unknown entity, key or op (templates are validated first).
    """
    source = SOURCES[entity]
    used: set[str] = set()

    def expr(key: str) -> Expr:
        e = source.exprs[key]
        used.update(e.joins)
        return e

    select = [expr(k).sql for k in keys]
    where = [source.where]
    params: list[Any] = []
    for key, op, value in filters:
        where.append(_filter_sql(expr(key), op, value, params))
    if grid_ids is not None:
        where.append(f"{source.grid} IN ({', '.join('?' for _ in grid_ids) or 'NULL'})")
        params.extend(grid_ids)
    order = []
    for k, desc in sort:
        e = expr(k)
        parts = (e.order or e.sql).split(", ") if e.order else [e.sql]
        order += [f"{p}{' DESC' if desc else ''}" for p in parts]
    joins = " ".join(sql for name, sql in source.joins.items() if name in used)
    if count:
        sql = f"SELECT count(*) {source.from_sql} {joins} WHERE {' AND '.join(where)}"
    else:
        sql = (f"SELECT {', '.join(select) or 'NULL'} {source.from_sql} {joins}"
               f" WHERE {' AND '.join(where)} ORDER BY {', '.join([*order, source.order])}")
    day = today.isoformat()
    assert _TODAY_RE.match(day)
    return sql.replace("@TODAY@", day), params


def stream(conn, sql: str, params: Sequence[Any], *, chunk: int = 2000) -> Iterator[tuple]:
    """Rows of ``sql`` fetched in chunks (a 100k-row roster never sits in memory twice)."""
    cur = conn.execute(sql, list(params))
    while True:
        rows = cur.fetchmany(chunk)
        if not rows:
            return
        yield from rows


def count(conn, sql: str, params: Sequence[Any]) -> int:
    return conn.execute(sql, list(params)).fetchone()[0]


# --- saved templates ----------------------------------------------------------------

def templates(conn) -> list[dict[str, Any]]:
    from db.queries import dicts
    return dicts(conn.execute(
        "SELECT id, name, entity, body, updated_at, updated_by FROM roster_templates"
        " WHERE deleted_at IS NULL ORDER BY name"))


def template_body(conn, name: str) -> str | None:
    row = conn.execute("SELECT body FROM roster_templates WHERE name = ? AND deleted_at IS NULL",
                       (name,)).fetchone()
    return row[0] if row else None


def template_id_by_name(conn, name: str) -> str | None:
    row = conn.execute("SELECT id FROM roster_templates WHERE name = ? AND deleted_at IS NULL",
                       (name,)).fetchone()
    return row[0] if row else None
