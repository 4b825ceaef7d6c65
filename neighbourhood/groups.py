"""Household groups that visit rules (and later rosters) refer to by key.

A group is a named SQL selection of household ids, evaluated on a given day
(ages change).  Built-in groups come from resident attributes; other modules
register theirs (hardship lists add ``hardship:<category>``; visits adds
manual flags ``flag:<name>``) with :func:`register`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Callable

from db.queries.fragments import LIVE_HOUSEHOLDS

# sql(today_iso) -> (SQL selecting household ids, params)
Selector = Callable[[str], tuple[str, tuple]]


@dataclasses.dataclass(frozen=True)
class Group:
    key: str
    label: str
    select: Selector


_REGISTRY: dict[str, Group] = {}
_DYNAMIC: list[Callable[[object], list[Group]]] = []


def register(group: Group) -> None:
    _REGISTRY[group.key] = group


def register_dynamic(provider: Callable[[object], list[Group]]) -> None:
    """A provider returning groups that depend on data (e.g. one per hardship category)."""
    if provider not in _DYNAMIC:
        _DYNAMIC.append(provider)


def all_groups(conn) -> list[Group]:
    groups = dict(_REGISTRY)
    for provider in _DYNAMIC:
        for group in provider(conn):
            groups[group.key] = group
    return list(groups.values())


def get(conn, key: str) -> Group | None:
    return next((g for g in all_groups(conn) if g.key == key), None)


def households_in(conn, key: str, *, today: _dt.date | None = None) -> set[str]:
    group = get(conn, key)
    if group is None:
        return set()
    sql, params = group.select((today or _dt.date.today()).isoformat())
    return {row[0] for row in conn.execute(sql, params)}


def _years_ago(today_iso: str, years: int) -> str:
    today = _dt.date.fromisoformat(today_iso)
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28).isoformat()


_MEMBERS = "residents m WHERE m.deleted_at IS NULL AND m.status = '在册'"

EVERY_HOUSEHOLD = "all"
register(Group(EVERY_HOUSEHOLD, "所有住户", lambda today: (LIVE_HOUSEHOLDS, ())))
register(Group(
    "elderly_alone", "独居老人（60岁以上独居）",
    lambda today: (
        # INDEXED BY: the covering index of live members in household order (schema 0007) is
        # read without a sort; left to itself the planner took residents_listing (status,
        # deleted_at) with a row lookup per resident and a temp B-tree: ~1.6 s CPU at 500k.
        f"""SELECT m.household_id FROM residents m INDEXED BY residents_live_household_birth
            WHERE m.deleted_at IS NULL AND m.status = '在册' GROUP BY m.household_id
            HAVING count(*) = 1 AND max(m.birth_date) <= ?""", (_years_ago(today, 60),))))
register(Group(
    "age80", "高龄老人（80岁以上）",
    lambda today: (f"SELECT DISTINCT m.household_id FROM {_MEMBERS} AND m.birth_date <= ?",
                   (_years_ago(today, 80),))))
