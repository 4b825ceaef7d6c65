"""Append-only, hash-chained audit trail.

Each entry stores the hash of the previous entry; ``hash`` covers the entry's
own fields plus ``prev_hash``.  Editing or deleting an entry (possible only by
dropping the triggers with a raw tool) breaks the chain, and
:func:`verify_chain` finds where.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any, Iterable

from db.writes import _STAMP_COLUMNS, Actor, Write

GENESIS = "0" * 64
# Tables whose writes are not audited field by field (the trail itself, caches).
UNAUDITED = {"audit_log", "settings"}
# Never copy secrets into the trail.
_REDACTED_FIELDS = {"password_hash", "wrapped_key"}


# One encoder, built once: json.dumps() with options builds a new one per call.
_canonical = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode


def entry_hash(prev_hash: str, at: str, user_id: str | None, username: str | None,
               action: str, table_name: str | None, record_id: str | None,
               changes: str | None) -> str:
    payload = _canonical([prev_hash, at, user_id, username, action, table_name, record_id, changes])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _last_hash(conn) -> str:
    row = conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(conn, *, at: str, actor: Actor, action: str, table_name: str | None = None,
           record_id: str | None = None, changes: dict[str, Any] | None = None) -> str:
    """Append one entry in the caller's transaction; returns its hash."""
    return append_many(conn, [(at, actor, action, table_name, record_id, changes)])


def append_many(conn, entries: list[tuple[str, Actor, str, str | None, str | None, dict[str, Any] | None]]
                ) -> str | None:
    """Append ``(at, actor, action, table_name, record_id, changes)`` entries in order, in the
    caller's transaction, with one ``executemany`` (:func:`append` is the one-entry case).
    Returns the last hash (None when there was nothing to append)."""
    if not entries:
        return None
    prev = _last_hash(conn)
    rows = []
    for at, actor, action, table_name, record_id, changes in entries:
        changes_json = _canonical(changes) if changes is not None else None
        digest = entry_hash(prev, at, actor.user_id, actor.username, action, table_name, record_id,
                            changes_json)
        rows.append((at, actor.user_id, actor.username, action, table_name, record_id, changes_json,
                     prev, digest))
        prev = digest
    conn.executemany(
        "INSERT INTO audit_log (at, user_id, username, action, table_name, record_id, changes,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    return prev


def changes_of(write: Write) -> dict[str, list[Any]]:
    if write.old is None and write.new is not None:
        # An insert: every set field, from nothing (what Write.changed gives, built directly).
        return {k: (["***", "***"] if k in _REDACTED_FIELDS else [None, v])
                for k, v in write.new.items() if v is not None and k not in _STAMP_COLUMNS}
    out: dict[str, list[Any]] = {}
    for field, (old, new) in write.changed.items():
        if field in _REDACTED_FIELDS:
            out[field] = ["***", "***"]
        else:
            out[field] = [old, new]
    return out


def make_hook(conn):
    """A :class:`db.writes.Writer` hook that audits every record write."""
    def hook(write: Write, actor: Actor, now: str) -> None:
        if write.table in UNAUDITED:
            return
        append(conn, at=now, actor=actor, action=write.action, table_name=write.table,
               record_id=write.record_id, changes=changes_of(write))

    def many(writes: list[Write], actor: Actor, now: str) -> None:
        append_many(conn, [(now, actor, w.action, w.table, w.record_id, changes_of(w))
                           for w in writes if w.table not in UNAUDITED])
    hook.many = many
    return hook


@dataclasses.dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(rows: Iterable[tuple]) -> list[ChainProblem]:
    """Check ``(seq, at, user_id, username, action, table_name, record_id, changes,
    prev_hash, hash)`` rows in ``seq`` order; returns the problems found (empty = intact).
    """
    problems: list[ChainProblem] = []
    prev = GENESIS
    expected_seq = None
    for (seq, at, user_id, username, action, table_name, record_id, changes, prev_hash,
         digest) in rows:
        if expected_seq is not None and seq != expected_seq:
            problems.append(ChainProblem(seq, f"第 {expected_seq}–{seq - 1} 条审计记录缺失（被删除）"))
        if prev_hash != prev:
            problems.append(ChainProblem(seq, f"第 {seq} 条审计记录的前一条哈希不符（链条被改动）"))
        recomputed = entry_hash(prev_hash, at, user_id, username, action, table_name, record_id, changes)
        if recomputed != digest:
            problems.append(ChainProblem(seq, f"第 {seq} 条审计记录内容被改动（哈希不符）"))
        prev = digest
        expected_seq = seq + 1
    return problems


def verify(conn) -> list[ChainProblem]:
    rows = conn.execute(
        "SELECT seq, at, user_id, username, action, table_name, record_id, changes, prev_hash,"
        " hash FROM audit_log ORDER BY seq")
    problems = verify_chain(rows)
    # A deleted tail is invisible to the chain itself; the AUTOINCREMENT counter remembers it.
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    if row and row[0] > last:
        problems.append(ChainProblem(row[0], f"最后 {row[0] - last} 条审计记录缺失（被删除）"))
    return problems
