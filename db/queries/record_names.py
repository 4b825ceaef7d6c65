"""Short readable names of records by id (for the audit trail's change column)."""
from __future__ import annotations

from db.queries import in_chunks

# table: SELECT id, <parts of a name> … WHERE id IN (…).  Households give their address parts.
_NAME_SQL = {
    "households": "SELECT h.id, b.name, h.entrance, h.unit FROM households h "
                  "LEFT JOIN buildings b ON b.id = h.building_id WHERE h.id IN ({marks})",
    "residents": "SELECT id, name FROM residents WHERE id IN ({marks})",
    "grids": "SELECT id, name FROM grids WHERE id IN ({marks})",
    "buildings": "SELECT id, name FROM buildings WHERE id IN ({marks})",
    "users": "SELECT id, coalesce(nullif(display_name, ''), username) FROM users WHERE id IN ({marks})",
    "hardship_categories": "SELECT id, name FROM hardship_categories WHERE id IN ({marks})",
    "meetings": "SELECT id, meeting_date || ' ' || title FROM meetings WHERE id IN ({marks})",
    "visits": "SELECT id, visit_date FROM visits WHERE id IN ({marks})",
    "needs": "SELECT id, substr(content, 1, 20) FROM needs WHERE id IN ({marks})",
}
NAMED_TABLES = tuple(_NAME_SQL)


def name_rows(conn, table: str, ids: list[str]) -> dict[str, tuple]:
    """{id: (name parts…)} of ``ids`` in ``table`` (500 ids per query)."""
    out: dict[str, tuple] = {}
    for chunk, marks in in_chunks(ids):
        sql = _NAME_SQL[table].format(marks=marks)
        for row in conn.execute(sql, chunk):
            out[row[0]] = tuple(row[1:])
    return out
