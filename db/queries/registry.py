"""Read queries of the registry (grids, buildings, households, residents)."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

LIVE = "deleted_at IS NULL"


def _dicts(cur) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def one(conn, table: str, record_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None:
    sql = f"SELECT * FROM [{table}] WHERE id = ?" + ("" if include_deleted else f" AND {LIVE}")
    rows = _dicts(conn.execute(sql, (record_id,)))
    return rows[0] if rows else None


def grids(conn) -> list[dict[str, Any]]:
    return _dicts(conn.execute(f"SELECT * FROM grids WHERE {LIVE} ORDER BY sort_no, name"))


def buildings(conn, grid_id: str | None = None) -> list[dict[str, Any]]:
    if grid_id is None:
        return _dicts(conn.execute(f"SELECT * FROM buildings WHERE {LIVE} ORDER BY sort_no, name"))
    return _dicts(conn.execute(
        f"SELECT * FROM buildings WHERE grid_id = ? AND {LIVE} ORDER BY sort_no, name", (grid_id,)))


def households(conn, building_id: str) -> list[dict[str, Any]]:
    # Units sort numerically where they are numbers ('301' before '1201').
    return _dicts(conn.execute(
        f"""SELECT h.*, r.name AS head_name,
                   (SELECT count(*) FROM residents m WHERE m.household_id = h.id
                     AND m.deleted_at IS NULL AND m.status = '在册') AS member_count
            FROM households h LEFT JOIN residents r ON r.id = h.head_resident_id
            WHERE h.building_id = ? AND h.{LIVE}
            ORDER BY h.entrance, length(h.unit), h.unit""", (building_id,)))


def household_with_address(conn, household_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"""SELECT h.*, b.name AS building_name, b.grid_id AS grid_id, g.name AS grid_name,
                   r.name AS head_name
            FROM households h JOIN buildings b ON b.id = h.building_id
            JOIN grids g ON g.id = b.grid_id
            LEFT JOIN residents r ON r.id = h.head_resident_id
            WHERE h.id = ?""", (household_id,)))
    return rows[0] if rows else None


def members(conn, household_id: str, *, include_left: bool = False) -> list[dict[str, Any]]:
    status = "" if include_left else "AND status = '在册'"
    return _dicts(conn.execute(
        f"""SELECT * FROM residents WHERE household_id = ? AND {LIVE} {status}
            ORDER BY CASE relation WHEN '户主' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END, birth_date""",
        (household_id,)))


def resident_by_id_number(conn, id_number: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"SELECT * FROM residents WHERE id_number = ? AND {LIVE}", (id_number,)))
    return rows[0] if rows else None


def grid_of_household(conn, household_id: str) -> str | None:
    row = conn.execute(
        "SELECT b.grid_id FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.id = ?",
        (household_id,)).fetchone()
    return row[0] if row else None


def events(conn, resident_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM resident_events WHERE resident_id = ? AND {LIVE} ORDER BY event_date, created_at",
        (resident_id,)))


def household_by_address(conn, building_id: str, entrance: str, unit: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"""SELECT * FROM households WHERE building_id = ? AND entrance = ? AND unit = ?
            AND {LIVE} AND status = '在册'""", (building_id, entrance, unit)))
    return rows[0] if rows else None


def counts(conn) -> dict[str, int]:
    """Live record counts for ``check`` and the dashboard."""
    out = {}
    for key, sql in {
        "grids": f"SELECT count(*) FROM grids WHERE {LIVE}",
        "buildings": f"SELECT count(*) FROM buildings WHERE {LIVE}",
        "households": f"SELECT count(*) FROM households WHERE {LIVE} AND status = '在册'",
        "residents": f"SELECT count(*) FROM residents WHERE {LIVE} AND status = '在册'",
        "migrants": f"SELECT count(*) FROM residents WHERE {LIVE} AND status = '在册' AND residence_status = '流动'",
        "separated": f"SELECT count(*) FROM households WHERE {LIVE} AND status = '在册' AND separated IS NOT NULL",
        "left": f"SELECT count(*) FROM residents WHERE {LIVE} AND status = '迁出'",
        "deceased": f"SELECT count(*) FROM residents WHERE {LIVE} AND status = '死亡'",
    }.items():
        out[key] = conn.execute(sql).fetchone()[0]
    return out


# --- the residents table (lazy model) -------------------------------------------------

RESIDENT_LIST_COLUMNS: Sequence[str] = (
    "name", "sex", "birth_date", "id_number", "phone", "relation", "residence_status",
    "political_status", "address", "grid_name", "status")


def resident_rowids(conn, *, grid_id: str | None = None, building_id: str | None = None,
                    household_id: str | None = None, include_left: bool = False) -> "Iterable[int]":
    """Row ids of residents in display order, as a flat iterator of ints.

    Only ids travel: the table model fetches the visible rows on demand.
    """
    where = ["r.deleted_at IS NULL"]
    params: list[Any] = []
    if not include_left:
        where.append("r.status = '在册'")
    join = ""
    if household_id:
        where.append("r.household_id = ?")
        params.append(household_id)
    elif building_id:
        join = "JOIN households h ON h.id = r.household_id"
        where.append("h.building_id = ?")
        params.append(building_id)
    elif grid_id:
        join = "JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = h.building_id"
        where.append("b.grid_id = ?")
        params.append(grid_id)
    sql = f"SELECT r.rowid FROM residents r {join} WHERE {' AND '.join(where)} ORDER BY r.name_pinyin"
    return (row[0] for row in conn.execute(sql, params))


def resident_rows(conn, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Display rows for the given row ids (one query), keyed by row id."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    cur = conn.execute(
        f"""SELECT r.rowid AS _rowid, r.id, r.name, r.sex, r.birth_date, r.id_number, r.id_flag,
                   r.phone, r.relation, r.residence_status, r.political_status, r.status,
                   r.household_id, b.name AS building_name, h.entrance, h.unit,
                   g.name AS grid_name, h.separated
            FROM residents r JOIN households h ON h.id = r.household_id
            JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
            WHERE r.rowid IN ({marks})""", list(rowids))
    return {row["_rowid"]: row for row in _dicts(cur)}
