"""The roster kinds (花名册): what each exported sheet holds, as a registry.

A :class:`RosterKind` names its columns (header, width hint in characters,
cell type) and gives a row iterator over the ledger with filters.  Other areas
(visits, hardship, meetings) add theirs with :func:`register`; the writer and
the UI only read :data:`ROSTER_KINDS`.  Pure core: no Qt, safe on a worker.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from db.queries import rosters as q
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

TEXT, DATE, NUMBER = "text", "date", "number"


@dataclasses.dataclass(frozen=True)
class Column:
    """One roster column.

    ``type`` is ``text`` (always written as a string, never a number or a
    formula), ``date`` (an ISO date string or ``date``, written as a real date)
    or ``number``.  ``mask`` is ``"id"`` or ``"phone"`` for personal numbers
    masked unless the export is full.  ``group`` columns belong to the group
    (household) and are merged down over its rows.
    """
    key: str
    header: str
    width: float = 10
    type: str = TEXT
    mask: str | None = None
    group: bool = False


@dataclasses.dataclass(frozen=True)
class RosterKind:
    """A roster: key, Chinese title, columns and how to fetch its rows.

    ``rows(ledger, filters)`` yields one tuple per sheet row, values in column
    order (the 序号 column included); ``count(ledger, filters)`` gives the
    expected number of rows for progress.  ``group_of(row)`` (optional) returns
    the group a row belongs to, so ``group`` columns are merged over it.
    ``filters`` names the filter keys the kind understands (e.g. grid_id).
    """
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: Callable[["Ledger", Mapping[str, Any]], Iterator[tuple]]
    count: Callable[["Ledger", Mapping[str, Any]], int]
    filters: tuple[str, ...] = ("grid_id", "building_id")
    group_of: Callable[[tuple], Any] | None = None
    unit: str = "人"          # what one row counts, for the subtitle (人 / 户 / 次 …)


ROSTER_KINDS: dict[str, RosterKind] = {}


def register(kind: RosterKind) -> RosterKind:
    """Add (or replace) a roster kind; returns it."""
    ROSTER_KINDS[kind.key] = kind
    return kind


PERIOD_FILTERS = ("date_from", "date_to")


def period_of(filters: Mapping[str, Any], today: _dt.date | None = None) -> tuple[str, str]:
    """The (from, to) ISO dates, both inclusive, of a period roster; default: this month so far."""
    today = today or _dt.date.today()

    def iso(value: Any, default: _dt.date) -> str:
        if not value:
            return default.isoformat()
        return value.isoformat() if isinstance(value, _dt.date) else str(value)[:10]
    return iso(filters.get("date_from"), today.replace(day=1)), iso(filters.get("date_to"), today)


def has_period(kind: "RosterKind") -> bool:
    return all(f in kind.filters for f in PERIOD_FILTERS)


def describe_filters(ledger: "Ledger", filters: Mapping[str, Any], kind: "RosterKind | None" = None) -> str:
    """A short Chinese description of the filters for the subtitle ('第一网格 3栋'), with the
    period of a period roster ('第一网格 2024-01-01至2024-01-31')."""
    if filters.get("building_id"):
        scope = q.building_label(ledger.conn, filters["building_id"]) or ""
    elif filters.get("grid_id"):
        scope = q.grid_name(ledger.conn, filters["grid_id"]) or ""
    else:
        scope = "全部网格"
    if kind is not None and has_period(kind):
        date_from, date_to = period_of(filters)
        scope += f"　{date_from}至{date_to}"
    return scope


# --- the registry rosters ----------------------------------------------------------

_R = {name: i for i, name in enumerate(q.RESIDENT_COLUMNS)}


def _query_args(filters: Mapping[str, Any]) -> dict[str, Any]:
    return dict(grid_id=filters.get("grid_id") or None, building_id=filters.get("building_id") or None,
                include_left=bool(filters.get("include_left")))


def _address(row: tuple) -> str:
    return address_of(row[_R["building_name"]], row[_R["entrance"]] or "", row[_R["unit"]])


def _picker(keys: Iterable[str]) -> Callable[[tuple], tuple]:
    """The values of ``keys`` from a query row, as a tuple (one C call per row)."""
    idx = [_R[k] for k in keys]
    if len(idx) == 1:
        i = idx[0]
        return lambda row: (row[i],)
    return itemgetter(*idx)


_RESIDENT_TAIL = ("name", "sex", "birth_date", "id_number", "phone", "relation", "ethnicity",
                  "political_status", "residence_status", "employment", "notes")


def _resident_rows(ledger: "Ledger", filters: Mapping[str, Any], **only: bool) -> Iterator[tuple]:
    pick = _picker(_RESIDENT_TAIL)
    gi = _R["grid_name"]
    for n, row in enumerate(q.resident_rows(ledger.conn, **_query_args(filters), **only), 1):
        yield (n, row[gi], _address(row), *pick(row))


_PERSON = (
    Column("name", "姓名", 8), Column("sex", "性别", 5), Column("birth_date", "出生日期", 11, DATE),
    Column("id_number", "身份证号", 20, mask="id"), Column("phone", "联系电话", 13, mask="phone"),
)

RESIDENTS = register(RosterKind(
    key="residents", title="居民花名册",
    columns=(Column("no", "序号", 6, NUMBER), Column("grid", "网格", 9), Column("address", "住址", 15),
             *_PERSON, Column("relation", "与户主关系", 9), Column("ethnicity", "民族", 6),
             Column("political_status", "政治面貌", 9), Column("residence_status", "人口类别", 8),
             Column("employment", "就业状况", 8), Column("notes", "备注", 14)),
    rows=_resident_rows,
    count=lambda ledger, f: q.resident_count(ledger.conn, **_query_args(f)),
))


def _grouped(rows: Iterable[tuple], head: Callable[[int, tuple], list[Any]],
             tail: Callable[[tuple], list[Any]]) -> Iterator[tuple]:
    """One row per member, numbered per household; ``head`` gives the household columns."""
    current, n = None, 0
    hi = _R["household_id"]
    for row in rows:
        if row[hi] != current:
            current, n = row[hi], n + 1
        yield (*head(n, row), *tail(row), row[hi])


def _household_rows(ledger: "Ledger", filters: Mapping[str, Any]) -> Iterator[tuple]:
    gi, si, ti = _R["grid_name"], _R["separated"], _R["housing_type"]
    tail = _picker(("name", "relation", "sex", "birth_date", "id_number", "phone",
                    "residence_status", "notes"))
    return _grouped(q.resident_rows(ledger.conn, **_query_args(filters)),
                    lambda n, r: [n, _address(r), r[gi], r[ti], r[si]], tail)


HOUSEHOLDS = register(RosterKind(
    key="households", title="住户花名册（按户）",
    columns=(Column("no", "户序号", 6, NUMBER, group=True), Column("address", "住址", 15, group=True),
             Column("grid", "网格", 9, group=True), Column("housing_type", "住房类型", 8, group=True),
             Column("separated", "人户分离", 9, group=True),
             Column("name", "姓名", 8), Column("relation", "与户主关系", 9), Column("sex", "性别", 5),
             Column("birth_date", "出生日期", 11, DATE), Column("id_number", "身份证号", 20, mask="id"),
             Column("phone", "联系电话", 13, mask="phone"), Column("residence_status", "人口类别", 8),
             Column("notes", "备注", 14)),
    rows=_household_rows,
    count=lambda ledger, f: q.resident_count(ledger.conn, **_query_args(f)),
    group_of=lambda row: row[-1],
))


def _days_left(permit_end: str | None, today: _dt.date) -> int | None:
    if not permit_end:
        return None
    try:
        return (_dt.date.fromisoformat(permit_end) - today).days
    except ValueError:
        return None


def _migrant_rows(ledger: "Ledger", filters: Mapping[str, Any]) -> Iterator[tuple]:
    today = _dt.date.today()
    gi, ei = _R["grid_name"], _R["permit_end"]
    pick = _picker(("name", "sex", "birth_date", "id_number", "phone", "hukou_address",
                    "permit_start", "permit_end"))
    tail = _picker(("employment", "notes"))
    for n, row in enumerate(q.resident_rows(ledger.conn, **_query_args(filters), migrants_only=True), 1):
        yield (n, row[gi], _address(row), *pick(row), _days_left(row[ei], today), *tail(row))


MIGRANTS = register(RosterKind(
    key="migrants", title="流动人口花名册",
    columns=(Column("no", "序号", 6, NUMBER), Column("grid", "网格", 9), Column("address", "住址", 15),
             *_PERSON, Column("hukou_address", "户籍地址", 16),
             Column("permit_start", "居住证起始日期", 11, DATE),
             Column("permit_end", "居住证到期日期", 11, DATE),
             Column("days_left", "距到期天数", 8, NUMBER),
             Column("employment", "就业状况", 8), Column("notes", "备注", 14)),
    rows=_migrant_rows,
    count=lambda ledger, f: q.resident_count(ledger.conn, **_query_args(f), migrants_only=True),
))


def _separated_rows(ledger: "Ledger", filters: Mapping[str, Any]) -> Iterator[tuple]:
    gi, si = _R["grid_name"], _R["separated"]
    tail = _picker(("name", "relation", "sex", "id_number", "phone", "residence_status",
                    "hukou_address", "notes"))
    return _grouped(q.resident_rows(ledger.conn, **_query_args(filters), separated_only=True),
                    lambda n, r: [n, _address(r), r[gi], r[si]], tail)


SEPARATED = register(RosterKind(
    key="separated", title="人户分离人员花名册",
    columns=(Column("no", "户序号", 6, NUMBER, group=True), Column("address", "住址", 15, group=True),
             Column("grid", "网格", 9, group=True), Column("separated", "分离类型", 10, group=True),
             Column("name", "姓名", 8), Column("relation", "与户主关系", 9), Column("sex", "性别", 5),
             Column("id_number", "身份证号", 20, mask="id"),
             Column("phone", "联系电话", 13, mask="phone"), Column("residence_status", "人口类别", 8),
             Column("hukou_address", "户籍地址", 16), Column("notes", "备注", 14)),
    rows=_separated_rows,
    count=lambda ledger, f: q.resident_count(ledger.conn, **_query_args(f), separated_only=True),
    group_of=lambda row: row[-1],
))


# The later areas' rosters register themselves on import (they use kinds defined above).
from neighbourhood.excel import more_kinds  # noqa: E402,F401
