"""Search queries over the FTS5 indexes (see db/search_index.py for the documents)."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from db.queries import dicts

_RESIDENT_COLUMNS = """r.rowid AS rowid, r.id, r.household_id, r.name, r.name_pinyin, r.sex, r.birth_date, r.id_number, r.phone,
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
# What ranking needs: the display row (three joins) is read only for the final hits.
_KEY_COLUMNS = "r.rowid AS rowid, r.id, r.name_pinyin, r.status"


def _shape(where: Sequence[str], keys_only: bool) -> tuple[str, str]:
    """(columns, joins): the joins only when shown or filtered on (grid, building)."""
    if not keys_only:
        return _RESIDENT_COLUMNS, _FROM
    return _KEY_COLUMNS, _FROM if any(w.startswith(("g.", "b.", "h.")) for w in where) else ""


def residents_starting(conn, column: str, prefix: str, *, rank_text: str, where: Sequence[str],
                       params: Sequence[Any], limit: int, keys_only: bool = False) -> list[dict[str, Any]]:
    """Residents whose ``column`` (name, name_pinyin, name_initials) starts with
    ``prefix``: an index range scan, so the best hits come without FTS.
    ``keys_only``: only rowid, id, name_pinyin, status and rank (see display_rows)."""
    assert column in ("name", "name_pinyin", "name_initials")
    upper = _after(prefix)
    conditions = " AND ".join([f"r.{column} >= :lo", f"r.{column} < :hi", "r.deleted_at IS NULL", *where])
    # Forced: with a status filter the planner prefers residents_listing and then sorts
    # every resident (1.4 s at 500k) instead of walking this range (a few ms).
    index = {"name": "residents_name", "name_pinyin": "residents_pinyin",
             "name_initials": "residents_initials_pinyin"}[column]
    columns, joins = _shape(where, keys_only)
    sql = f"""SELECT {columns}, {_RANK} AS rank
        FROM residents r INDEXED BY {index} {joins} WHERE {conditions}
        ORDER BY r.{column} LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate(params)}
    named.update(q=rank_text, lo=prefix, hi=upper, limit=limit)
    cur = conn.execute(_number(sql, len(params)), named)
    return dicts(cur)


def mixed_candidates(conn, initials: str, first: str, *, limit: int) -> "Iterable[tuple[int, str]]":
    """(rowid, name) of residents whose initials start with ``initials`` and whose pinyin
    starts with ``first`` (the first typed syllable), in index order.  Index only
    (residents_initials_pinyin holds both columns and the name): no table row is read,
    so the caller can check a few thousand candidates in Python cheaply."""
    sql = """SELECT r.rowid, r.name FROM residents r INDEXED BY residents_initials_pinyin
        WHERE r.name_initials >= :ilo AND r.name_initials < :ihi
          AND r.name_pinyin >= :plo AND r.name_pinyin < :phi AND r.deleted_at IS NULL
        LIMIT :limit"""
    return conn.execute(sql, dict(ilo=initials, ihi=_after(initials), plo=first, phi=_after(first),
                                  limit=limit))


def residents_by_rowid(conn, rowids: Sequence[int], *, rank_text: str, where: Sequence[str] = (),
                       params: Sequence[Any] = (), limit: int | None = None,
                       keys_only: bool = False) -> list[dict[str, Any]]:
    """Rows of the given residents that pass the filters (at most ``limit``): display rows,
    or with ``keys_only`` what ranking needs."""
    if not rowids:
        return []
    # Looked up by rowid (NOT INDEXED): given a status filter and a long list, the planner
    # would otherwise walk residents_listing, 500k entries.
    listed = ",".join(str(int(i)) for i in rowids)
    conditions = " AND ".join([f"r.rowid IN ({listed})", "r.deleted_at IS NULL", *where])
    columns, joins = _shape(where, keys_only)
    sql = f"""SELECT {columns}, {_RANK} AS rank
        FROM residents r NOT INDEXED {joins} WHERE {conditions} LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate(params)}
    named.update(q=rank_text, limit=-1 if limit is None else limit)
    return dicts(conn.execute(_number(sql, len(params)), named))


def _after(prefix: str) -> str:
    """The smallest string above every string that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


_HOUSEHOLD_COLUMNS = """h.rowid AS rowid, h.id, h.entrance, h.unit, h.separated, b.name AS building_name, g.name AS grid_name,
               g.id AS grid_id, hr.name AS head_name,
               (SELECT count(*) FROM residents m WHERE m.household_id = h.id AND m.deleted_at IS NULL
                 AND m.status = '在册') AS member_count"""


def households_by_rowid(conn, rowids: Sequence[int], *, where: Sequence[str], params: Sequence[Any],
                        limit: int) -> list[dict[str, Any]]:
    """Households with the given row ids that pass the filters (at most ``limit``)."""
    if not rowids:
        return []
    listed = ",".join(str(int(i)) for i in rowids)
    conditions = " AND ".join([f"h.rowid IN ({listed})", "h.deleted_at IS NULL", *where])
    sql = f"""SELECT {_HOUSEHOLD_COLUMNS}
        FROM households h NOT INDEXED JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
        LEFT JOIN residents hr ON hr.id = h.head_resident_id
        WHERE {conditions} LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate(params)}
    named["limit"] = limit
    return dicts(conn.execute(_number(sql, len(params)), named))


def match_docids(conn, matches: Sequence[tuple[str, str]]):
    """Cursor over the document ids (resident rowid * 2, household rowid * 2 + 1) matching
    every FTS expression: one FTS pass serves residents and households alike."""
    cte, cte_params = _hits_cte(matches)
    return conn.execute(f"{cte} SELECT docid FROM hits", cte_params)


def households_headed(conn, column: str, prefix: str, *, where: Sequence[str], params: Sequence[Any],
                      limit: int) -> list[int]:
    """Row ids of households whose head's ``column`` (name_pinyin, name_initials) starts
    with ``prefix``, in that order (display rows: households_by_rowid).

    The same households as the FTS query ``pinyin : prefix*`` (a household's document holds
    its head's pinyin and initials), from a b-tree range: a short FTS prefix ('qi*') merges
    the doclists of every matching token, tens of milliseconds at street scale."""
    assert column in ("name_pinyin", "name_initials")
    index = {"name_pinyin": "residents_pinyin", "name_initials": "residents_initials_pinyin"}[column]
    conditions = " AND ".join([f"hr.{column} >= :lo", f"hr.{column} < :hi", "hr.deleted_at IS NULL",
                               "h.deleted_at IS NULL", *where])
    joins = "JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id" if where else ""
    sql = f"""SELECT h.rowid FROM residents hr INDEXED BY {index}
        JOIN households h ON h.head_resident_id = hr.id {joins}
        WHERE {conditions}
        ORDER BY hr.{column} LIMIT :limit"""
    named = {f"p{i}": v for i, v in enumerate(params)}
    named.update(lo=prefix, hi=_after(prefix), limit=limit)
    return [rowid for (rowid,) in conn.execute(_number(sql, len(params)), named)]


def _number(sql: str, count: int) -> str:
    """Turn the first ``count`` positional ``?`` marks into ``:p0``, ``:p1``… (mixed with
    named ones).  A split, not a loop per character: this runs several times per keystroke."""
    parts = sql.split("?", count)
    return "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))
