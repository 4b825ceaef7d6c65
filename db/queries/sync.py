"""SQL of field-laptop sync: identity, the laptop's change log and outbox, the office's
devices, applied return files and conflict queue, and the check-out extracts."""
from __future__ import annotations

import json
from typing import Any, Iterable

from db.queries import dicts, in_chunks

# --- identity (sync_state) -------------------------------------------------------------


def state(conn, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row and row[0] is not None else default


def set_state(conn, key: str, value: Any) -> None:
    conn.execute("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, None if value is None else str(value)))


def all_state(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM sync_state").fetchall())


def schema_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


# --- laptop: change log and outbox -----------------------------------------------------


def log_change(conn, table: str, record_id: str, action: str, changes: dict[str, list[Any]],
               at: str, username: str | None) -> None:
    conn.execute("INSERT INTO sync_changes(table_name, record_id, action, changes, at, username) "
                 "VALUES (?,?,?,?,?,?)",
                 (table, record_id, action, json.dumps(changes, ensure_ascii=False, default=str), at, username))


def changes_after(conn, counter: int) -> list[list[Any]]:
    """``[counter, table, record_id, action, {field: [old, new]}, at, username]`` rows, in order."""
    return [[c, t, r, a, json.loads(ch), at, u] for c, t, r, a, ch, at, u in conn.execute(
        "SELECT counter, table_name, record_id, action, changes, at, username FROM sync_changes "
        "WHERE counter > ? ORDER BY counter", (counter,))]


def count_changes_after(conn, counter: int) -> int:
    return conn.execute("SELECT count(*) FROM sync_changes WHERE counter > ?", (counter,)).fetchone()[0]


def last_counter(conn) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'").fetchone()
    return row[0] if row else 0


def set_counter_floor(conn, counter: int) -> None:
    """Make the next change number at least ``counter + 1`` (numbers never restart for a device)."""
    if last_counter(conn) >= counter:
        return
    if conn.execute("SELECT 1 FROM sqlite_sequence WHERE name = 'sync_changes'").fetchone():
        conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_changes'", (counter,))
    else:
        conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('sync_changes', ?)", (counter,))


def insert_changes(conn, rows: Iterable[list[Any]]) -> None:
    conn.executemany(
        "INSERT INTO sync_changes(counter, table_name, record_id, action, changes, at, username) "
        "VALUES (?,?,?,?,?,?,?)",
        [(c, t, r, a, json.dumps(ch, ensure_ascii=False, default=str), at, u) for c, t, r, a, ch, at, u in rows])


def add_outbox(conn, *, seq: int, bundle_id: str, path: str, first: int | None, last: int | None,
               created_at: str) -> None:
    conn.execute("INSERT OR REPLACE INTO sync_outbox(seq, bundle_id, path, first_change, last_change, created_at) "
                 "VALUES (?,?,?,?,?,?)", (seq, bundle_id, path, first, last, created_at))


def outbox(conn) -> list[dict[str, Any]]:
    return dicts(conn.execute("SELECT * FROM sync_outbox ORDER BY seq"))


def tables_with_unique_indexes(conn) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'")}


def foreign_key_problems(conn) -> list[tuple]:
    return conn.execute("PRAGMA foreign_key_check").fetchall()


# --- office: devices, applied bundles, check-outs ------------------------------------------


def device(conn, device_id: str) -> dict[str, Any] | None:
    rows = dicts(conn.execute("SELECT * FROM sync_devices WHERE device_id = ?", (device_id,)))
    return rows[0] if rows else None


def device_by_name(conn, name: str) -> dict[str, Any] | None:
    rows = dicts(conn.execute(
        "SELECT device_id, device_name FROM sync_checkouts WHERE device_name = ? AND deleted_at IS NULL "
        "ORDER BY created_at DESC LIMIT 1", (name,)))
    return rows[0] if rows else None


def upsert_device(conn, *, device_id: str, device_name: str, applied_through: int, seq: int, at: str) -> None:
    conn.execute(
        "INSERT INTO sync_devices(device_id, device_name, applied_through, last_seq, last_applied_at) "
        "VALUES (?,?,?,?,?) ON CONFLICT(device_id) DO UPDATE SET device_name = excluded.device_name, "
        "applied_through = max(applied_through, excluded.applied_through), "
        "last_seq = max(last_seq, excluded.last_seq), last_applied_at = excluded.last_applied_at",
        (device_id, device_name, applied_through, seq, at))


def bundle_applied(conn, bundle_id: str) -> dict[str, Any] | None:
    rows = dicts(conn.execute("SELECT * FROM sync_bundles WHERE bundle_id = ?", (bundle_id,)))
    return rows[0] if rows else None


def record_bundle(conn, **values: Any) -> None:
    cols = ", ".join(values)
    conn.execute(f"INSERT INTO sync_bundles ({cols}) VALUES ({', '.join('?' for _ in values)})",
                 list(values.values()))


def bundles(conn, limit: int = 200) -> list[dict[str, Any]]:
    return dicts(conn.execute(
        "SELECT b.*, d.device_name FROM sync_bundles b LEFT JOIN sync_devices d USING (device_id) "
        "ORDER BY applied_at DESC LIMIT ?", (limit,)))


def checkouts(conn, limit: int = 200) -> list[dict[str, Any]]:
    return dicts(conn.execute("SELECT * FROM sync_checkouts WHERE deleted_at IS NULL "
                              "ORDER BY created_at DESC LIMIT ?", (limit,)))


# --- office: conflicts -------------------------------------------------------------------


def conflict_ids(conn, *, status: str | None = "open") -> list[str]:
    if status:
        cur = conn.execute("SELECT id FROM sync_conflicts WHERE status = ? AND deleted_at IS NULL "
                           "ORDER BY created_at, rowid", (status,))
    else:
        cur = conn.execute("SELECT id FROM sync_conflicts WHERE deleted_at IS NULL ORDER BY created_at, rowid")
    return [r[0] for r in cur]


def conflicts(conn, ids: list[str]) -> dict[str, dict[str, Any]]:
    return rows(conn, "sync_conflicts", ids)


def count_open_conflicts(conn) -> int:
    return conn.execute("SELECT count(*) FROM sync_conflicts WHERE status = 'open' AND deleted_at IS NULL"
                        ).fetchone()[0]


def live_resident_by_id_number(conn, id_number: str, other_than: str) -> dict[str, Any] | None:
    rows = dicts(conn.execute("SELECT id, name, household_id FROM residents WHERE id_number = ? "
                              "AND deleted_at IS NULL AND id != ?", (id_number, other_than)))
    return rows[0] if rows else None


def row(conn, table: str, record_id: str) -> dict[str, Any] | None:
    rows = dicts(conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", (record_id,)))
    return rows[0] if rows else None


def rows(conn, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk, marks in in_chunks(ids):
        for r in dicts(conn.execute(f"SELECT * FROM [{table}] WHERE id IN ({marks})", chunk)):
            out[r["id"]] = r
    return out


# --- check-out extracts --------------------------------------------------------------------

# What a laptop gets: (table, columns (None = all), WHERE over the TEMP scope tables).
# Minimum necessary: free-text visit notes, hardship amounts/certificates, 户籍地 and the
# like stay at the office.
_IN_SCOPE = ("(household_id IS NOT NULL OR resident_id IS NOT NULL) "
             "AND (household_id IS NULL OR household_id IN (SELECT id FROM temp.co_households)) "
             "AND (resident_id IS NULL OR resident_id IN (SELECT id FROM residents WHERE deleted_at IS NULL "
             "AND household_id IN (SELECT id FROM temp.co_households)))")
CHECKOUT_SCOPE: list[tuple[str, tuple[str, ...] | None, str]] = [
    ("grids", ("id", "name", "code", "worker_name", "worker_phone", "sort_no"),
     "id IN (SELECT id FROM temp.co_grids)"),
    ("buildings", ("id", "grid_id", "name", "address", "leader_name", "leader_phone", "floors", "sort_no"),
     "grid_id IN (SELECT id FROM temp.co_grids) AND deleted_at IS NULL"),
    ("households", ("id", "building_id", "entrance", "unit", "head_resident_id", "housing_type", "separated",
                    "phone", "status", "notes"),
     "id IN (SELECT id FROM temp.co_households)"),
    ("residents", ("id", "household_id", "name", "sex", "birth_date", "id_number", "id_flag", "phone",
                   "relation", "residence_status", "permit_start", "permit_end", "status", "status_date",
                   "ethnicity", "political_status", "employment", "notes", "name_pinyin", "name_initials"),
     "household_id IN (SELECT id FROM temp.co_households) AND deleted_at IS NULL"),
    ("users", ("id", "username", "display_name", "role", "can_view_full", "password_hash", "active"),
     "id IN (SELECT user_id FROM user_grids WHERE grid_id IN (SELECT id FROM temp.co_grids) "
     "AND deleted_at IS NULL) AND deleted_at IS NULL AND active = 1"),
    ("user_grids", ("id", "user_id", "grid_id"),
     "grid_id IN (SELECT id FROM temp.co_grids) AND deleted_at IS NULL AND user_id IN "
     "(SELECT id FROM users WHERE active = 1 AND deleted_at IS NULL)"),
    ("visit_types", None, "deleted_at IS NULL"),
    ("visit_rules", None, "deleted_at IS NULL"),
    ("hardship_categories", None, "1"),
    ("household_flags", None, "household_id IN (SELECT id FROM temp.co_households) AND deleted_at IS NULL"),
    ("hardship_enrolments", ("id", "category_id", "household_id", "resident_id", "status", "status_date",
                             "applied_on", "enrolled_on", "review_months", "last_review_date",
                             "next_review_date", "extra"),
     f"{_IN_SCOPE} AND status IN ('申请', '审核公示', '在册') AND deleted_at IS NULL"),
    # The last year's visits drive "due/overdue"; their free-text sections stay at the office.
    ("visits", ("id", "household_id", "grid_id", "visit_date", "start_time", "visit_type", "channel",
                "nobody_home", "next_visit_date"),
     "household_id IN (SELECT id FROM temp.co_households) AND deleted_at IS NULL "
     "AND visit_date >= date('now', '-400 days')"),
    ("visit_needs", None,
     "household_id IN (SELECT id FROM temp.co_households) AND status != '已办结' AND deleted_at IS NULL "
     "AND visit_id IN (SELECT id FROM visits WHERE household_id IN (SELECT id FROM temp.co_households) "
     "AND deleted_at IS NULL AND visit_date >= date('now', '-400 days'))"),
    ("needs", ("id", "kind", "resident_id", "household_id", "anonymous", "raised_by", "channel", "content",
               "category", "status", "received_date", "handler"),
     f"{_IN_SCOPE} AND status IN ('受理', '办理') AND deleted_at IS NULL"),
]
_STAMPS = ("created_at", "updated_at", "updated_by", "deleted_at")


def scope_grids(conn, grid_ids: list[str]) -> None:
    """Fill the TEMP scope tables of a check-out (households of the grids, live)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS co_grids(id TEXT PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS co_households(id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.co_grids")
    conn.execute("DELETE FROM temp.co_households")
    conn.executemany("INSERT INTO temp.co_grids(id) VALUES (?)", [(g,) for g in grid_ids])
    conn.execute("INSERT INTO temp.co_households(id) SELECT h.id FROM households h JOIN buildings b "
                 "ON b.id = h.building_id WHERE b.grid_id IN (SELECT id FROM temp.co_grids) "
                 "AND h.deleted_at IS NULL")


def drop_scope(conn) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.co_grids")
    conn.execute("DROP TABLE IF EXISTS temp.co_households")


def extract(conn, table: str, columns: tuple[str, ...] | None, where: str) -> tuple[list[str], list[tuple]]:
    """Columns and rows of one check-out table (stamps always included)."""
    if columns is None:
        cur = conn.execute(f"SELECT * FROM [{table}] WHERE {where}")
    else:
        cols = ", ".join(f"[{c}]" for c in (*columns, *_STAMPS))
        cur = conn.execute(f"SELECT {cols} FROM [{table}] WHERE {where}")
    return [d[0] for d in cur.description], cur.fetchall()


def load(conn, table: str, columns: list[str], rows: list[tuple]) -> None:
    cols = ", ".join(f"[{c}]" for c in columns)
    conn.executemany(f"INSERT INTO [{table}] ({cols}) VALUES ({', '.join('?' for _ in columns)})", rows)


def clear(conn, table: str) -> None:
    conn.execute(f"DELETE FROM [{table}]")


# --- office: a return file stays within its check-out's grids -------------------------------


def checkout_grids(conn, device_id: str) -> set[str]:
    """Grids of every check-out recorded for ``device_id`` (a refresh may change them while
    changes made under the earlier check-out are still unreturned)."""
    out: set[str] = set()
    for (grid_ids,) in conn.execute("SELECT grid_ids FROM sync_checkouts WHERE device_id = ? "
                                    "AND deleted_at IS NULL", (device_id,)):
        out.update(json.loads(grid_ids or "[]"))
    return out


def building_place(conn, building_id: str) -> tuple[str | None, str]:
    """(grid id, name) of a building."""
    row = conn.execute("SELECT grid_id, name FROM buildings WHERE id = ?", (building_id,)).fetchone()
    return (row[0], row[1]) if row else (None, "")


def grid_name(conn, grid_id: str | None) -> str:
    row = conn.execute("SELECT name FROM grids WHERE id = ?", (grid_id,)).fetchone() if grid_id else None
    return row[0] if row else "未知网格"


def household_places(conn, household_ids: list[str]) -> dict[str, tuple[str | None, str, str, str]]:
    """{household id: (grid id, building name, entrance, unit)}; households the office lacks are absent."""
    out: dict[str, tuple[str | None, str, str, str]] = {}
    for chunk, marks in in_chunks(household_ids):
        for hid, grid, name, entrance, unit in conn.execute(
                "SELECT h.id, b.grid_id, b.name, h.entrance, h.unit FROM households h "
                f"LEFT JOIN buildings b ON b.id = h.building_id WHERE h.id IN ({marks})", chunk):
            out[hid] = (grid, name or "", entrance or "", unit or "")
    return out


def household_addresses(conn, household_ids: list[str]) -> dict[str, tuple[Any, Any, Any]]:
    """{household id: (building name, entrance, unit)} for households whose building and grid
    exist (as ``registry.household_with_address`` finds them); others are absent."""
    out: dict[str, tuple[Any, Any, Any]] = {}
    for chunk, marks in in_chunks(list(dict.fromkeys(household_ids))):
        for hid, name, entrance, unit in conn.execute(
                "SELECT h.id, b.name, h.entrance, h.unit FROM households h JOIN buildings b ON b.id = h.building_id"
                f" JOIN grids g ON g.id = b.grid_id WHERE h.id IN ({marks})", chunk):
            out[hid] = (name, entrance, unit)
    return out


def _checked_out_key(device_id: str) -> str:
    return f"checkout_households:{device_id}"


def checked_out_households(conn, device_id: str) -> set[str]:
    """Every household ever checked out to ``device_id`` (office bookkeeping in sync_state)."""
    return set(json.loads(state(conn, _checked_out_key(device_id)) or "[]"))


def remember_checked_out(conn, device_id: str, grid_ids: list[str]) -> None:
    """Add the grids' live households to the device's checked-out set; caller's transaction."""
    marks = ",".join("?" for _ in grid_ids)
    now = {r[0] for r in conn.execute(
        "SELECT h.id FROM households h JOIN buildings b ON b.id = h.building_id "
        f"WHERE b.grid_id IN ({marks}) AND h.deleted_at IS NULL", grid_ids)}
    set_state(conn, _checked_out_key(device_id), json.dumps(sorted(now | checked_out_households(conn, device_id))))
