"""Read queries of the registry (grids, buildings, households, residents)."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

LIVE = "deleted_at IS NULL"


from db.queries import dicts as _dicts


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
    """Live record counts for ``check``, the status bar and the dashboard.

    Two grouped, index-only scans (residents_status, households_status)
    instead of a full scan per figure: this runs at every window start.
    """
    out = {"residents": 0, "migrants": 0, "left": 0, "deceased": 0, "households": 0, "separated": 0}
    for status, residence, n in conn.execute(
            f"SELECT status, residence_status, count(*) FROM residents WHERE {LIVE} GROUP BY 1, 2"):
        if status == "在册":
            out["residents"] += n
            if residence == "流动":
                out["migrants"] += n
        elif status == "迁出":
            out["left"] += n
        elif status == "死亡":
            out["deceased"] += n
    for status, separated, n in conn.execute(
            f"SELECT status, separated, count(*) FROM households WHERE {LIVE} GROUP BY 1, 2"):
        if status == "在册":
            out["households"] += n
            if separated is not None:
                out["separated"] += n
    out["grids"] = conn.execute(f"SELECT count(*) FROM grids WHERE {LIVE}").fetchone()[0]
    out["buildings"] = conn.execute(f"SELECT count(*) FROM buildings WHERE {LIVE}").fetchone()[0]
    return out


def residents_at_least(conn, n: int) -> bool:
    """True when at least ``n`` live residents are 在册.  Stops after ``n`` entries of the
    covering index instead of counting them all (the window's start page depends on it)."""
    return conn.execute(
        f"""SELECT count(*) FROM (SELECT 1 FROM residents r INDEXED BY residents_listing
            WHERE r.status = '在册' AND r.{LIVE} LIMIT ?)""", (int(n),)).fetchone()[0] >= n


# --- the residents table (lazy model) -------------------------------------------------

RESIDENT_LIST_COLUMNS: Sequence[str] = (
    "name", "sex", "birth_date", "id_number", "phone", "relation", "residence_status",
    "political_status", "address", "grid_name", "status")


def resident_rowids(conn, *, grid_id: str | None = None, building_id: str | None = None,
                    household_id: str | None = None, include_left: bool = False,
                    after: tuple[str, int] | None = None, limit: int | None = None) -> "Iterable[tuple[str, int]]":
    """(name_pinyin, rowid) of residents in display order.

    Only ids travel: the table model fetches the visible rows on demand.
    ``after``/``limit`` page through the list by key (the covering index
    residents_listing answers it without touching the table).
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
    if after is not None:
        where.append("(r.name_pinyin, r.rowid) > (?, ?)")
        params.extend(after)
    # The whole list walks the covering index in order; without the hint the planner may
    # prefer residents_status on a young database and sort 500k rows instead.
    hint = "" if (join or household_id or include_left) else " INDEXED BY residents_listing"
    sql = (f"SELECT r.name_pinyin, r.rowid FROM residents r{hint} {join} WHERE {' AND '.join(where)}"
           " ORDER BY r.name_pinyin, r.rowid")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return conn.execute(sql, params)


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
