"""Read queries behind the rosters (花名册) and the roster import.

Rows come back as plain tuples in the column order each query names, streamed
from the cursor (a 100k-resident roster never sits in memory twice).  Callers
pass filters as keyword arguments; only live (not deleted) records are read.
"""
from __future__ import annotations

from typing import Any, Iterator

from db.queries.fragments import visitor_names

_ORDER = """ORDER BY g.sort_no, g.name, b.sort_no, b.name, h.entrance, length(h.unit), h.unit,
         CASE r.relation WHEN '户主' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END, r.birth_date"""

_FROM = """FROM residents r JOIN households h ON h.id = r.household_id
           JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id"""


def _where(*, grid_id: str | None, building_id: str | None, include_left: bool,
           extra: str = "") -> tuple[str, list[Any]]:
    where = ["r.deleted_at IS NULL", "h.deleted_at IS NULL"]
    params: list[Any] = []
    if not include_left:
        where.append("r.status = '在册'")
    if building_id:
        where.append("h.building_id = ?")
        params.append(building_id)
    elif grid_id:
        where.append("b.grid_id = ?")
        params.append(grid_id)
    if extra:
        where.append(extra)
    return " AND ".join(where), params


# Columns of every resident-level roster row, in this order.
RESIDENT_COLUMNS = ("grid_name", "building_name", "entrance", "unit", "household_id", "name", "sex",
                    "birth_date", "id_number", "phone", "relation", "residence_status",
                    "political_status", "ethnicity", "employment", "permit_start", "permit_end",
                    "hukou_address", "separated", "housing_type", "status", "notes")


def resident_rows(conn, *, grid_id: str | None = None, building_id: str | None = None,
                  include_left: bool = False, migrants_only: bool = False,
                  separated_only: bool = False) -> Iterator[tuple]:
    """Residents ordered by grid, building, entrance, unit and relation (tuples of RESIDENT_COLUMNS)."""
    extra = []
    if migrants_only:
        extra.append("r.residence_status = '流动'")
    if separated_only:
        extra.append("h.separated IS NOT NULL")
    where, params = _where(grid_id=grid_id, building_id=building_id, include_left=include_left,
                           extra=" AND ".join(extra))
    sql = f"""SELECT g.name, b.name, h.entrance, h.unit, h.id, r.name, r.sex, r.birth_date,
                     r.id_number, r.phone, r.relation, r.residence_status, r.political_status,
                     r.ethnicity, r.employment, r.permit_start, r.permit_end, r.hukou_address,
                     h.separated, h.housing_type, r.status, r.notes
              {_FROM} WHERE {where} {_ORDER}"""
    cur = conn.execute(sql, params)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        yield from chunk


def resident_count(conn, *, grid_id: str | None = None, building_id: str | None = None,
                   include_left: bool = False, migrants_only: bool = False,
                   separated_only: bool = False) -> int:
    extra = []
    if migrants_only:
        extra.append("r.residence_status = '流动'")
    if separated_only:
        extra.append("h.separated IS NOT NULL")
    where, params = _where(grid_id=grid_id, building_id=building_id, include_left=include_left,
                           extra=" AND ".join(extra))
    return conn.execute(f"SELECT count(*) {_FROM} WHERE {where}", params).fetchone()[0]


def grid_name(conn, grid_id: str) -> str | None:
    row = conn.execute("SELECT name FROM grids WHERE id = ?", (grid_id,)).fetchone()
    return row[0] if row else None


def building_label(conn, building_id: str) -> str | None:
    row = conn.execute(
        "SELECT g.name || ' ' || b.name FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.id = ?",
        (building_id,)).fetchone()
    return row[0] if row else None


# --- lookups for the import ----------------------------------------------------------

def id_numbers(conn) -> dict[str, tuple[str, str, str]]:
    """Every live resident's ID number → (resident id, name, household id)."""
    return {row[0]: (row[1], row[2], row[3]) for row in conn.execute(
        "SELECT id_number, id, name, household_id FROM residents"
        " WHERE id_number IS NOT NULL AND deleted_at IS NULL")}


def grids_by_name(conn) -> dict[str, str]:
    return {name: gid for gid, name in conn.execute(
        "SELECT id, name FROM grids WHERE deleted_at IS NULL")}


def buildings_all(conn) -> list[tuple[str, str, str]]:
    """(building id, grid id, name) of every live building."""
    return list(conn.execute("SELECT id, grid_id, name FROM buildings WHERE deleted_at IS NULL"))


def household_addresses(conn) -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """(building id, entrance, unit) → (household id, head resident id) of live households."""
    return {(b, e, u): (hid, head) for hid, b, e, u, head in conn.execute(
        "SELECT id, building_id, entrance, unit, head_resident_id FROM households"
        " WHERE deleted_at IS NULL AND status = '在册'")}


# --- the visit log (走访记录台账) ----------------------------------------------------------

# Columns of visit_log_rows, in this order.
VISIT_LOG_COLUMNS = ("visit_date", "building_name", "entrance", "unit", "grid_name", "visitors",
                     "visit_type", "channel", "met", "situation", "difficulties", "requests",
                     "needs", "nobody_home", "next_visit_date", "household_id")

_VISIT_LOG_WHERE = """v.deleted_at IS NULL AND v.visit_date >= ? AND v.visit_date <= ?
    AND (? IS NULL OR coalesce(v.grid_id, b.grid_id) = ?) AND (? IS NULL OR h.building_id = ?)"""


def visit_log_rows(conn, *, date_from: str, date_to: str, grid_id: str | None = None,
                   building_id: str | None = None) -> Iterator[tuple]:
    """Visits with ``date_from <= visit_date <= date_to`` (inclusive, ISO dates), by date and
    address: tuples of VISIT_LOG_COLUMNS (visitors, residents met and needs joined with '、')."""
    sql = f"""SELECT v.visit_date, b.name, h.entrance, h.unit, g.name,
        {visitor_names("v")},
        v.visit_type, v.channel,
        (SELECT group_concat(name, '、') FROM (SELECT r.name FROM visit_residents vr
          JOIN residents r ON r.id = vr.resident_id
          WHERE vr.visit_id = v.id AND vr.deleted_at IS NULL ORDER BY r.birth_date)),
        v.situation, v.difficulties, v.requests,
        (SELECT group_concat(what, '；') FROM (SELECT n.what FROM visit_needs n
          WHERE n.visit_id = v.id AND n.deleted_at IS NULL ORDER BY n.sort_no, n.created_at)),
        v.nobody_home, v.next_visit_date, h.id
      FROM visits v JOIN households h ON h.id = v.household_id
      JOIN buildings b ON b.id = h.building_id
      LEFT JOIN grids g ON g.id = coalesce(v.grid_id, b.grid_id)
      WHERE {_VISIT_LOG_WHERE}
      ORDER BY v.visit_date, coalesce(v.start_time, ''), g.sort_no, b.sort_no, b.name, h.entrance,
               length(h.unit), h.unit"""
    yield from conn.execute(sql, (date_from, date_to, grid_id, grid_id, building_id, building_id))


def visit_log_count(conn, *, date_from: str, date_to: str, grid_id: str | None = None,
                    building_id: str | None = None) -> int:
    return conn.execute(
        f"""SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id
            JOIN buildings b ON b.id = h.building_id WHERE {_VISIT_LOG_WHERE}""",
        (date_from, date_to, grid_id, grid_id, building_id, building_id)).fetchone()[0]
