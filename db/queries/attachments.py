"""SQL of attachments: stored files (``attachment_blobs``) and their links (``attachments``).

Plain functions over a connection, on the thread that owns the ledger.  Listing
queries never select ``data`` (a photo can be megabytes).  Blob rows are written
here directly, not through the Writer: they are immutable content keyed by their
hash, and the audited link row that references them names that hash.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from db.queries import dicts as _dicts, in_chunks

LIVE = "deleted_at IS NULL"
_LINK_SELECT = """SELECT a.*, b.size, b.mime, b.width, b.height
    FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.blob_sha256"""
BLOB_COLUMNS = ("sha256", "size", "mime", "width", "height", "created_at", "thumbnail", "data")


def links_of(conn, owner_table: str, owner_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"{_LINK_SELECT} WHERE a.owner_table = ? AND a.owner_id = ? AND a.{LIVE}"
        " ORDER BY a.created_at, a.id", (owner_table, owner_id)))


def link(conn, attachment_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None:
    live = "" if include_deleted else f" AND a.{LIVE}"
    rows = _dicts(conn.execute(f"{_LINK_SELECT} WHERE a.id = ?{live}", (attachment_id,)))
    return rows[0] if rows else None


def live_link_to(conn, owner_table: str, owner_id: str, sha256: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(
        f"SELECT * FROM attachments WHERE owner_table = ? AND owner_id = ? AND blob_sha256 = ? AND {LIVE}",
        (owner_table, owner_id, sha256)))
    return rows[0] if rows else None


def count_of(conn, owner_table: str, owner_ids: Sequence[str]) -> dict[str, int]:
    """Live attachments per owner id (ids not listed have none)."""
    out: dict[str, int] = {}
    for chunk, marks in in_chunks(owner_ids):
        for owner_id, n in conn.execute(
                f"SELECT owner_id, count(*) FROM attachments WHERE owner_table = ? AND {LIVE}"
                f" AND owner_id IN ({marks}) GROUP BY owner_id", (owner_table, *chunk)):
            out[owner_id] = n
    return out


def known_blobs(conn, hashes: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for chunk, marks in in_chunks(wanted):
        found.update(r[0] for r in conn.execute(
            f"SELECT sha256 FROM attachment_blobs WHERE sha256 IN ({marks})", chunk))
    return found


def insert_blob(conn, row: dict[str, Any]) -> bool:
    """Store a blob unless that hash is already stored; True when it was new.  Caller's transaction."""
    cur = conn.execute(
        f"INSERT OR IGNORE INTO attachment_blobs ({', '.join(BLOB_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in BLOB_COLUMNS)})", [row.get(c) for c in BLOB_COLUMNS])
    return cur.rowcount == 1


def blob_field(conn, sha256: str, field: str) -> Any:
    if field not in ("data", "thumbnail"):
        raise ValueError(field)
    row = conn.execute(f"SELECT {field} FROM attachment_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def blobs(conn, hashes: Sequence[str]) -> list[dict[str, Any]]:
    """Whole blob rows (with data) for ``hashes`` that are stored."""
    out: list[dict[str, Any]] = []
    for chunk, marks in in_chunks(hashes, 200):
        out += _dicts(conn.execute(
            f"SELECT {', '.join(BLOB_COLUMNS)} FROM attachment_blobs WHERE sha256 IN ({marks})", chunk))
    return out


def links_changed_since(conn, marker: str | None) -> list[dict[str, Any]]:
    """Link rows (live and deleted) whose ``updated_at`` is after ``marker`` (all when None)."""
    if marker is None:
        return _dicts(conn.execute("SELECT * FROM attachments ORDER BY updated_at, id"))
    return _dicts(conn.execute(
        "SELECT * FROM attachments WHERE updated_at > ? ORDER BY updated_at, id", (marker,)))


def raw_link(conn, attachment_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute("SELECT * FROM attachments WHERE id = ?", (attachment_id,)))
    return rows[0] if rows else None


def raw_links(conn, attachment_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """{id: link row (live or removed)} of the ``attachment_ids`` that are stored."""
    out: dict[str, dict[str, Any]] = {}
    for chunk, marks in in_chunks(list(dict.fromkeys(attachment_ids))):
        for row in _dicts(conn.execute(f"SELECT * FROM attachments WHERE id IN ({marks})", chunk)):
            out[row["id"]] = row
    return out


def present_owners(conn, owner_table: str, owner_ids: Sequence[str]) -> set[str]:
    """Those of ``owner_ids`` with a row in ``owner_table``, removed ones included (an import
    attaches to a record the office holds in any state).  ``owner_table`` is checked by the caller."""
    found: set[str] = set()
    for chunk, marks in in_chunks(list(dict.fromkeys(owner_ids))):
        found.update(r[0] for r in conn.execute(f"SELECT id FROM [{owner_table}] WHERE id IN ({marks})", chunk))
    return found


def live_links_on(conn, owner_table: str, owner_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """(owner id, blob hash, link id) of the live links on the given records."""
    out: list[tuple[str, str, str]] = []
    for chunk, marks in in_chunks(list(dict.fromkeys(owner_ids))):
        out += [tuple(r) for r in conn.execute(
            f"SELECT owner_id, blob_sha256, id FROM attachments WHERE owner_table = ? AND {LIVE}"
            f" AND owner_id IN ({marks})", (owner_table, *chunk))]
    return out


def owner_exists(conn, owner_table: str, owner_id: str) -> bool:
    # owner_table is checked against a fixed list by the caller (and by the table's CHECK).
    return conn.execute(f"SELECT 1 FROM [{owner_table}] WHERE id = ? AND {LIVE}",
                        (owner_id,)).fetchone() is not None


def owner_household(conn, owner_table: str, owner_id: str) -> str | None:
    """The household whose grid scopes edits of the owner record (None for meetings)."""
    sql = {
        "households": "SELECT id FROM households WHERE id = ?",
        "residents": "SELECT household_id FROM residents WHERE id = ?",
        "visits": "SELECT household_id FROM visits WHERE id = ?",
        "hardship_enrolments": """SELECT coalesce(e.household_id, r.household_id)
            FROM hardship_enrolments e LEFT JOIN residents r ON r.id = e.resident_id WHERE e.id = ?""",
    }.get(owner_table)
    if sql is None:
        return None
    row = conn.execute(sql, (owner_id,)).fetchone()
    return row[0] if row else None


def report_links(conn, *, date_from: str, date_to: str, grid_id: str | None = None) -> list[dict[str, Any]]:
    """Image links marked ``in_report`` on visits (by visit date) and meetings (by meeting date)
    in ``[date_from, date_to)``; visits limited to ``grid_id`` when given."""
    grid = " AND v.grid_id = ?" if grid_id else ""
    params: list[Any] = [date_from, date_to] + ([grid_id] if grid_id else []) + [date_from, date_to]
    return _dicts(conn.execute(
        f"""SELECT a.*, b.mime, b.width, b.height, v.visit_date AS on_date FROM attachments a
              JOIN attachment_blobs b ON b.sha256 = a.blob_sha256
              JOIN visits v ON a.owner_table = 'visits' AND v.id = a.owner_id AND v.{LIVE}
             WHERE a.in_report = 1 AND a.{LIVE} AND b.mime LIKE 'image/%'
               AND v.visit_date >= ? AND v.visit_date < ?{grid}
            UNION ALL
            SELECT a.*, b.mime, b.width, b.height, m.meeting_date AS on_date FROM attachments a
              JOIN attachment_blobs b ON b.sha256 = a.blob_sha256
              JOIN meetings m ON a.owner_table = 'meetings' AND m.id = a.owner_id AND m.{LIVE}
             WHERE a.in_report = 1 AND a.{LIVE} AND b.mime LIKE 'image/%'
               AND m.meeting_date >= ? AND m.meeting_date < ?
            ORDER BY on_date, created_at""", params))


def stats(conn) -> dict[str, int]:
    row = conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM attachment_blobs").fetchone()
    links = conn.execute(f"SELECT count(*) FROM attachments WHERE {LIVE}").fetchone()[0]
    return {"blobs": row[0], "bytes": row[1], "links": links}


def links_of_owners(conn, owner_table: str, owner_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Live link ids and hashes on the given records (a check-out's "the office has these")."""
    out: list[dict[str, Any]] = []
    for chunk, marks in in_chunks(owner_ids):
        out += _dicts(conn.execute(
            f"SELECT id, blob_sha256 FROM attachments WHERE owner_table = ? AND {LIVE}"
            f" AND owner_id IN ({marks})", (owner_table, *chunk)))
    return out


def all_links(conn) -> list[dict[str, Any]]:
    return _dicts(conn.execute("SELECT * FROM attachments ORDER BY created_at, id"))


def insert_link_row(conn, row: dict[str, Any]) -> None:
    """Copy a link row as it is (a laptop refresh carrying unreturned attachments); caller's transaction."""
    cols = list(row)
    conn.execute(f"INSERT OR IGNORE INTO attachments ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                 [row[c] for c in cols])


def purgeable_blobs(conn, cutoff: str) -> list[dict[str, Any]]:
    """Blobs no live link uses, stored before ``cutoff`` and with no link added, changed or
    removed since (so a recent removal can still be undone): ``sha256``, ``size``."""
    return _dicts(conn.execute(
        f"""SELECT b.sha256, b.size FROM attachment_blobs b
             WHERE b.created_at < ?
               AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_sha256 = b.sha256 AND a.{LIVE})
               AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_sha256 = b.sha256
                                 AND coalesce(a.deleted_at, a.updated_at) >= ?)
             ORDER BY b.sha256""", (cutoff, cutoff)))


def purge_blobs(conn, hashes: Sequence[str]) -> None:
    """Delete unused blobs and their removed link rows, in the caller's transaction.  Opens the
    purge gate (see the ``attachment_blobs_purge_only`` trigger) only for this statement run."""
    conn.execute("INSERT INTO attachment_purge_gate (opened_at) VALUES (datetime('now'))")
    try:
        for chunk, marks in in_chunks(hashes):
            conn.execute(f"DELETE FROM attachments WHERE deleted_at IS NOT NULL AND blob_sha256 IN ({marks})",
                         chunk)
            conn.execute(f"DELETE FROM attachment_blobs WHERE sha256 IN ({marks})", chunk)
    finally:
        conn.execute("DELETE FROM attachment_purge_gate")


# --- the office's base of each laptop-made link (three-way merge of its editable fields) ------

def link_bases(conn, attachment_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """{link id: the fields the office last took from a laptop} for those of ``attachment_ids`` it has."""
    out: dict[str, dict[str, Any]] = {}
    for chunk, marks in in_chunks(list(dict.fromkeys(attachment_ids))):
        for link_id, fields in conn.execute(
                f"SELECT link_id, fields FROM sync_link_base WHERE link_id IN ({marks})", chunk):
            out[link_id] = json.loads(fields)
    return out


def set_link_bases(conn, bases: dict[str, dict[str, Any]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO sync_link_base (link_id, fields) VALUES (?, ?)",
                     [(k, json.dumps(v, ensure_ascii=False)) for k, v in bases.items()])
