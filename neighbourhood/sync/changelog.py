"""Change capture on a checked-out laptop.

A :class:`db.writes.Writer` hook, installed only when the database is a laptop's
working copy, records every write to a synced table in ``sync_changes`` as
``{field: [old, new]}`` (the model of SQLite's session changesets), in the same
transaction as the write itself: a change is logged exactly when it is saved.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from db.queries import sync as q
from db.writes import Actor, Write

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

# Tables a laptop may change and send back.  Accounts, settings, the audit trail and the
# sync bookkeeping never travel (the office refuses a file that carries them).
SYNC_TABLES = frozenset({
    "households", "residents", "resident_events", "visits", "visit_visitors", "visit_residents",
    "visit_needs", "household_flags", "needs", "need_steps", "hardship_enrolments", "hardship_events",
    "hardship_assistance",
})
# Stamps are re-made by the office's Writer; only real fields travel.
_SKIP_FIELDS = frozenset({"updated_at", "updated_by"})


def changes_of(write: Write) -> dict[str, list[Any]]:
    if write.action == "insert":
        row = write.new or {}
        return {k: [None, v] for k, v in row.items() if k not in _SKIP_FIELDS}
    return {k: [old, new] for k, (old, new) in write.changed.items() if k not in _SKIP_FIELDS}


def make_hook(conn):
    def hook(write: Write, actor: Actor, now: str) -> None:
        if write.table not in SYNC_TABLES:
            return
        changes = changes_of(write)
        if changes:
            q.log_change(conn, write.table, write.record_id, write.action, changes, now, actor.username)
    hook.sync_changelog = True  # type: ignore[attr-defined]
    return hook


def is_laptop(conn) -> bool:
    try:
        return q.state(conn, "role") == "laptop"
    except Exception:  # a database from before the sync migration (opened read-only, tests)
        return False


def install(ledger: "Ledger") -> bool:
    """Add the change-log hook when ``ledger`` is a laptop's working copy; True if added."""
    if not is_laptop(ledger.conn):
        return False
    ledger.writer.hooks.append(make_hook(ledger.conn))
    return True
