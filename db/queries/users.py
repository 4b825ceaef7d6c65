"""Read queries for user accounts."""
from __future__ import annotations

from typing import Any


from db.queries import dicts as _dicts


def users(conn) -> list[dict[str, Any]]:
    return _dicts(conn.execute("SELECT * FROM users WHERE deleted_at IS NULL ORDER BY username"))


def user(conn, user_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute("SELECT * FROM users WHERE id = ? AND deleted_at IS NULL", (user_id,)))
    return rows[0] if rows else None


def user_by_name(conn, username: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute("SELECT * FROM users WHERE username = ? AND deleted_at IS NULL", (username,)))
    return rows[0] if rows else None


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM users WHERE deleted_at IS NULL").fetchone()[0]


def grid_ids(conn, user_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT grid_id FROM user_grids WHERE user_id = ? AND deleted_at IS NULL", (user_id,))]


def grid_links(conn, user_id: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT id, grid_id FROM user_grids WHERE user_id = ? AND deleted_at IS NULL", (user_id,))]


def audit_entries(conn, *, username: str | None = None, record_id: str | None = None,
                  table_name: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, limit: int = 5000) -> list[dict[str, Any]]:
    where, params = [], []
    for column, value in (("username", username), ("record_id", record_id), ("table_name", table_name)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if date_from:
        where.append("at >= ?")
        params.append(date_from)
    if date_to:
        where.append("at < ?")
        params.append(date_to)
    sql = "SELECT * FROM audit_log" + (f" WHERE {' AND '.join(where)}" if where else "") + \
        " ORDER BY seq DESC LIMIT ?"
    return _dicts(conn.execute(sql, [*params, limit]))
