"""Search queries over the FTS5 indexes (see db/search_index.py for the documents)."""
from __future__ import annotations

from typing import Any, Sequence

from db.queries import dicts

_RESIDENT_COLUMNS = """r.id, r.household_id, r.name, r.name_pinyin, r.sex, r.birth_date, r.id_number, r.phone,
    r.residence_status, r.political_status, r.status, b.name AS building_name, h.entrance, h.unit,
    g.name AS grid_name, g.id AS grid_id"""


def _hits_cte(matches: Sequence[tuple[str, str]]) -> tuple[str, list[Any]]:
    """``WITH hits`` intersecting one FTS MATCH per (table, expression)."""
    parts, params = [], []
    for table, expression in matches:
        parts.append(f"SELECT rowid FROM {table} WHERE {table} MATCH ?")
        params.append(expression)
    return "WITH hits(docid) AS (" + " INTERSECT ".join(parts) + ")", params


_RANK = """CASE WHEN r.name = :q THEN 0
                    WHEN r.name LIKE :q || '%' OR r.name_pinyin LIKE lower(:q) || '%'
                         OR r.name_initials = lower(:q) THEN 1
                    WHEN r.id_number LIKE '%' || upper(:q) OR r.phone LIKE '%' || :q THEN 1
                    ELSE 2 END"""
_FROM = """JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = h.building_id
        JOIN grids g ON g.id = b.grid_id"""


def residents_starting(conn, column: str, prefix: str, *, rank_text: str, where: Sequence[str],
                       params: Sequence[Any], limit: int) -> list[dict[str, Any]]:
    """Residents whose ``column`` (name, name_pinyin, name_initials) starts with
    ``prefix``: an index range scan, so the best hits come without FTS."""
    assert column in ("name", "name_pinyin", "name_initials")
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    conditions = " AND ".join([f"r.{column} >= :lo", f"r.{column} < :hi", "r.deleted_at IS NULL", *where])
    # Forced: with a status filter the planner prefers residents_listing and then sorts
    # every resident (1.4 s at 500k) instead of walking this range (a few ms).
    index = {"name": "residents_name", "name_pinyin": "residents_pinyin",
             "name_initials": "residents_initials"}[column]
    sql = f"""SELECT {_RESIDENT_COLUMNS}, {_RANK} AS rank
        FROM residents r INDEXED BY {index} {_FROM} WHERE {conditions}
        ORDER BY r.{column} LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate(params)}
    named.update(q=rank_text, lo=prefix, hi=upper, limit=limit)
    cur = conn.execute(_number(sql, len(params)), named)
    return dicts(cur)


def residents(conn, matches: Sequence[tuple[str, str]], *, rank_text: str, where: Sequence[str],
              params: Sequence[Any], limit: int) -> list[dict[str, Any]]:
    """Residents matching every FTS expression, in no particular order (the
    caller ranks): without ORDER BY the scan stops after ``limit`` rows."""
    cte, cte_params = _hits_cte(matches)
    conditions = " AND ".join(["hits.docid % 2 = 0", "r.deleted_at IS NULL", *where])
    sql = f"""{cte}
        SELECT {_RESIDENT_COLUMNS}, {_RANK} AS rank
        FROM hits JOIN residents r ON r.rowid = hits.docid / 2 {_FROM}
        WHERE {conditions}
        LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate([*cte_params, *params])}
    named.update(q=rank_text, limit=limit)
    sql = _number(sql, len(cte_params) + len(params))
    cur = conn.execute(sql, named)
    return dicts(cur)


def households(conn, matches: Sequence[tuple[str, str]], *, where: Sequence[str],
               params: Sequence[Any], limit: int) -> list[dict[str, Any]]:
    cte, cte_params = _hits_cte(matches)
    conditions = " AND ".join(["hits.docid % 2 = 1", "h.deleted_at IS NULL", *where])
    sql = f"""{cte}
        SELECT h.id, h.entrance, h.unit, h.separated, b.name AS building_name, g.name AS grid_name,
               g.id AS grid_id, hr.name AS head_name,
               (SELECT count(*) FROM residents m WHERE m.household_id = h.id AND m.deleted_at IS NULL
                 AND m.status = '在册') AS member_count
        FROM hits JOIN households h ON h.rowid = (hits.docid - 1) / 2
        JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
        LEFT JOIN residents hr ON hr.id = h.head_resident_id
        WHERE {conditions}
        LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate([*cte_params, *params])}
    named["limit"] = limit
    sql = _number(sql, len(cte_params) + len(params))
    cur = conn.execute(sql, named)
    return dicts(cur)


def _number(sql: str, count: int) -> str:
    """Turn the positional ``?`` marks into ``:p0``, ``:p1``… (mixed with named ones)."""
    out, n = [], 0
    for ch in sql:
        if ch == "?" and n < count:
            out.append(f":p{n}")
            n += 1
        else:
            out.append(ch)
    return "".join(out)
