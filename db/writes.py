"""The single write path for record tables.

Every insert, update and soft delete of a record goes through :class:`Writer`,
so that stamping (``updated_at``/``updated_by``), the audit trail, search
indexes and undo all see the same change, inside the same transaction.
Hooks run inside that transaction: if a hook raises, the write is undone.

Bulk writes (a roster import of 100k rows) use :meth:`Writer.insert_many`
inside :meth:`Writer.bulk`: rows go in with ``executemany`` and the hooks see
all the writes of the block at once, at its end (a hook may offer a ``many``
attribute taking the list; others are called per write), so the audit chain
and the search index are built in one pass — still in the same transaction.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import uuid
from typing import TYPE_CHECKING, Any, Callable, Iterator

from db.gc_pause import no_cyclic_gc

if TYPE_CHECKING:  # imported by db.connection on the first write, not at start-up
    import sqlite_utils

RECORD_COLUMNS = ("id", "created_at", "updated_at", "updated_by", "deleted_at")
# Bookkeeping columns never shown as "changed fields" in the audit or undo.
_STAMP_COLUMNS = {"updated_at", "updated_by", "created_at"}


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who is writing: a signed-in user, or the system (migrations, demo)."""
    user_id: str | None = None
    username: str = "system"


@dataclasses.dataclass(frozen=True)
class Write:
    table: str
    record_id: str
    action: str                       # insert / update / delete / restore
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    @property
    def changed(self) -> dict[str, tuple[Any, Any]]:
        """Fields whose value changed, ``{field: (old, new)}``, stamps left out."""
        old = self.old or {}
        new = self.new or {}
        keys = [k for k in (new or old) if k not in _STAMP_COLUMNS]
        return {k: (old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)}


@dataclasses.dataclass(frozen=True)
class Change:
    """What an operation keeps of a write: enough to undo it and refresh screens."""
    table: str
    record_id: str
    action: str
    changed: dict[str, tuple[Any, Any]]


# Past this many writes an operation (a big import) keeps only its tables and
# counts: holding every old value of 500k rows for undo would cost gigabytes.
UNDO_LIMIT = 20_000


@dataclasses.dataclass
class Operation:
    """One user action: a label and the writes it made (the "what changed" value
    services return, used for undo and for refreshing only what changed)."""
    label: str
    writes: list[Change] = dataclasses.field(default_factory=list)
    count: int = 0
    touched: set[str] = dataclasses.field(default_factory=set)

    @property
    def undoable(self) -> bool:
        return 0 < self.count <= UNDO_LIMIT

    def add(self, write: Write) -> None:
        self.count += 1
        self.touched.add(write.table)
        if self.count <= UNDO_LIMIT:
            changed = {} if write.action == "insert" else write.changed
            self.writes.append(Change(write.table, write.record_id, write.action, changed))
        elif self.writes:
            self.writes.clear()

    @property
    def tables(self) -> set[str]:
        return set(self.touched)

    def ids(self, table: str) -> set[str]:
        return {w.record_id for w in self.writes if w.table == table}


Hook = Callable[[Write, Actor, str], None]
# A hook may carry ``hook.many(writes, actor, now)`` doing the same for a list of writes.
_CHUNK = 500        # ids per "IN (…)" lookup (well under SQLite's variable limit)
BULK_CACHE_KIB = -65536     # page cache during a bulk block: 64 MB (negative = KiB)


class Writer:
    """Writes records with stamping, hooks and operation grouping.

    Not thread-safe: the app runs one writing job at a time.
    """

    def __init__(self, db: sqlite_utils.Database, *, actor: Callable[[], Actor],
                 clock: Callable[[], str] = utc_now) -> None:
        self.db = db
        self._actor = actor
        self._clock = clock
        self.hooks: list[Hook] = []
        self._current: Operation | None = None
        self._pending: list[Write] | None = None     # writes whose hooks wait for bulk()'s end
        self.last_operation: Operation | None = None

    @contextlib.contextmanager
    def operation(self, label: str) -> Iterator[Operation]:
        """Group writes into one transaction and one undoable operation.

        Nested calls join the outer operation.  On error everything in it is
        rolled back and the error propagates.
        """
        if self._current is not None:
            # A nested operation is a savepoint: if it fails (and the caller catches
            # that), its writes are rolled back, so they must leave the outer record too.
            outer = self._current
            mark = (len(outer.writes), outer.count, set(outer.touched))
            pending = len(self._pending) if self._pending is not None else None
            try:
                with self.db.atomic():
                    yield outer
            except BaseException:
                del outer.writes[mark[0]:]
                outer.count, outer.touched = mark[1], mark[2]
                if pending is not None and self._pending is not None:
                    del self._pending[pending:]
                raise
            return
        op = Operation(label)
        self._current = op
        try:
            with self.db.atomic():
                yield op
        finally:
            self._current = None
        if op.count:
            self.last_operation = op if op.undoable else None

    def _record(self, write: Write) -> None:
        if self._pending is not None:
            self._pending.append(write)
        else:
            actor = self._actor()
            now = self._clock()
            for hook in self.hooks:
                hook(write, actor, now)
        if self._current is not None:
            self._current.add(write)

    def _run_hooks_many(self, writes: list[Write]) -> None:
        actor = self._actor()
        now = self._clock()
        for hook in self.hooks:
            many = getattr(hook, "many", None)
            if many is not None:
                many(writes, actor, now)
            else:
                for write in writes:
                    hook(write, actor, now)

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Defer the hooks of the writes in this block to its end, then run them once over
        all of them (audit entries in write order, search documents built once each).

        Must run inside :meth:`operation` (same transaction): if the block or a hook fails,
        the operation rolls everything back.  Nested blocks join the outer one.
        """
        if self._current is None:
            raise RuntimeError("Writer.bulk() must be used inside Writer.operation()")
        if self._pending is not None:
            yield
            return
        self._pending = []
        # A bulk transaction touches far more pages than the default 2 MB page cache holds
        # (random UUID keys, several indexes, the search tables): give it room meanwhile.
        cache_pages = self.db.execute("PRAGMA cache_size").fetchone()[0]
        self.db.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            # Hundreds of thousands of live rows make every cyclic-GC pass long, and the
            # allocations trigger passes often (measured: a third of a 100k import).
            with no_cyclic_gc():
                try:
                    yield
                    pending = self._pending
                finally:
                    self._pending = None
                if pending:
                    self._run_hooks_many(pending)
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(cache_pages)}")

    def insert_many(self, table: str, rows: list[dict[str, Any]]) -> list[str]:
        """Insert many records of one table with ``executemany``; returns their ids.

        Stamps like :meth:`insert`; every row is audited and indexed as if inserted one
        by one (the hooks get the rows as stored, defaults included).  Outside
        :meth:`bulk` the hooks run at the end of this call.
        """
        if not rows:
            return []
        with self._ensure_operation(f"insert {table}"), self.bulk():
            now = self._clock()
            username = self._actor().username
            stamped = []
            for values in rows:
                row = dict(values)
                row.setdefault("id", new_id())
                row.setdefault("created_at", now)
                row["updated_at"] = now
                row["updated_by"] = username
                row.setdefault("deleted_at", None)
                stamped.append(row)
            ids = [row["id"] for row in stamped]
            try:
                before = self.db.execute(f"SELECT max(rowid) FROM [{table}]").fetchone()[0] or 0
            except Exception:       # a WITHOUT ROWID table: read the rows back by id
                before = None
            # Rows with the same columns go in one executemany (usually all of them).
            groups: dict[tuple[str, ...], list[tuple]] = {}
            for row in stamped:
                groups.setdefault(tuple(row), []).append(tuple(row.values()))
            for cols, params in groups.items():
                names = ", ".join(f"[{c}]" for c in cols)
                marks = ", ".join("?" for _ in cols)
                self.db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", params)
            for record_id, new in zip(ids, self._rows_after(table, before, ids)):
                self._record(Write(table, record_id, "insert", None, new))
            return ids

    def _rows_after(self, table: str, rowid: int | None, ids: list[str]) -> list[dict[str, Any]]:
        """The rows just inserted, as stored, in ``ids`` order."""
        if rowid is not None:
            # New rows got the rowids after the old maximum, in insert order: one range scan.
            cur = self.db.execute(f"SELECT * FROM [{table}] WHERE rowid > ? ORDER BY rowid", [rowid])
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r)) for r in cur.fetchall()]
            if len(rows) == len(ids) and all(r["id"] == i for r, i in zip(rows, ids)):
                return rows
        by_id: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            cur = self.db.execute(f"SELECT * FROM [{table}] WHERE id IN ({','.join('?' * len(chunk))})",
                                  chunk)
            names = [d[0] for d in cur.description]
            for r in cur.fetchall():
                row = dict(zip(names, r))
                by_id[row["id"]] = row
        return [by_id[i] for i in ids]

    def _row(self, table: str, record_id: str) -> dict[str, Any] | None:
        cur = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [record_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def insert(self, table: str, values: dict[str, Any]) -> str:
        """Insert a record; returns its id (a new UUID unless given)."""
        with self._ensure_operation(f"insert {table}"):
            now = self._clock()
            actor = self._actor()
            row = dict(values)
            row.setdefault("id", new_id())
            row.setdefault("created_at", now)
            row["updated_at"] = now
            row["updated_by"] = actor.username
            row.setdefault("deleted_at", None)
            cols = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" for _ in row)
            self.db.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", list(row.values()))
            self._record(Write(table, row["id"], "insert", None, self._row(table, row["id"])))
            return row["id"]

    def update(self, table: str, record_id: str, changes: dict[str, Any]) -> Write | None:
        """Change fields of a record; returns the write, or None if nothing changed."""
        with self._ensure_operation(f"update {table}"):
            old = self._row(table, record_id)
            if old is None:
                raise KeyError(f"{table}:{record_id}")
            real = {k: v for k, v in changes.items() if old.get(k) != v}
            if not real:
                return None
            real["updated_at"] = self._clock()
            real["updated_by"] = self._actor().username
            sets = ", ".join(f"[{k}] = ?" for k in real)
            self.db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*real.values(), record_id])
            action = "update"
            if "deleted_at" in changes and len(changes) == 1:
                action = "delete" if changes["deleted_at"] else "restore"
            write = Write(table, record_id, action, old, self._row(table, record_id))
            self._record(write)
            return write

    def soft_delete(self, table: str, record_id: str) -> Write | None:
        return self.update(table, record_id, {"deleted_at": self._clock()})

    def restore(self, table: str, record_id: str) -> Write | None:
        return self.update(table, record_id, {"deleted_at": None})

    @contextlib.contextmanager
    def _ensure_operation(self, label: str) -> Iterator[None]:
        if self._current is not None:
            yield
        else:
            with self.operation(label):
                yield

    def undo(self, op: Operation) -> Operation:
        """Reverse ``op`` as a new operation (itself audited); returns it."""
        # Inserted rows are soft-deleted; changed fields get their old values back.
        with self.operation(f"撤销：{op.label}") as undo_op:
            for write in reversed(op.writes):
                if write.action == "insert":
                    self.soft_delete(write.table, write.record_id)
                else:
                    self.update(write.table, write.record_id,
                                {k: old for k, (old, _new) in write.changed.items()})
        # Undoing the undo is a redo; but "undo last" should not loop on itself.
        self.last_operation = None
        return undo_op
