"""Merging a laptop's return file into the office database.

Contract: :func:`apply` runs in ONE Writer operation (one transaction, every write
audited, plus a ``sync_apply`` audit entry); on any error nothing of the file is kept.
Per record, the laptop's changes are collapsed (first old value, last new value per
field) and compared with the office row:

* office value == laptop value → nothing to do;
* office value == value at check-out → the laptop's value is applied (different fields of
  one record merge automatically);
* otherwise the office changed the field too → a ``both`` conflict is queued and the
  office value stays until staff choose;
* a change to a record the office deleted → ``deleted`` conflicts;
* an ID number already registered to another live resident → ``duplicate_id`` (the
  laptop's resident is still added, without the ID number, and the number waits in the queue);
* an insert refused by another unique rule → a ``duplicate`` conflict holding the whole record.

Nothing is silently overwritten or dropped: each laptop value is either applied or held
in the queue.  Changes the office already has from this device (numbered per device) are
skipped, so re-applying a file, or a later file that repeats older changes, changes nothing.
"""
from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any, Callable

from db.queries import sync as q
from db.writes import utc_now
from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.sync.bundle import Bundle, SyncFileError
from neighbourhood.sync.changelog import SYNC_TABLES

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

# Fields computed from another field: never conflicted on their own, re-derived whenever
# their source is written (a resolved name always has its own pinyin).
DERIVED: dict[str, dict[str, str]] = {
    "residents": {"name_pinyin": "name", "name_initials": "name", "id_flag": "id_number"},
}
# Bookkeeping columns a laptop's value never overwrites (merge, and the replay on a refresh).
NEVER_MERGED = frozenset({"id", "created_at", "updated_at", "updated_by"})

# Extension point for further sections of a return file (e.g. "attachments"): a handler
# ``fn(ledger, bundle, data: bytes, result: ApplyResult, merger: Merger)`` runs inside the
# same transaction after the changes (``merger`` queues its conflicts); register it as
# SECTION_HANDLERS["name"] = fn.
SECTION_HANDLERS: dict[str, Callable[["Ledger", Bundle, bytes, "ApplyResult", "Merger"], None]] = {}


def _attachments(ledger: "Ledger", bundle: Bundle, data: bytes, result: "ApplyResult", merger: "Merger") -> None:
    from neighbourhood.sync.attachments import apply_section
    apply_section(ledger, bundle, data, result, merger)


SECTION_HANDLERS["attachments"] = _attachments


@dataclasses.dataclass
class ApplyResult:
    bundle_id: str
    device_name: str
    seq: int
    already_applied: bool = False
    skipped: int = 0          # changes the office had already
    records: int = 0          # records touched
    fields_applied: int = 0
    inserted: int = 0
    conflicts: int = 0
    attachments: int = 0      # attachment links added (photos, scans)
    tables: set[str] = dataclasses.field(default_factory=set)

    @property
    def summary(self) -> str:
        if self.already_applied:
            return f"此同步文件（{self.device_name} 第 {self.seq} 号）已导入过，本次未做任何改动。"
        files = f"，附件 {self.attachments} 个" if self.attachments else ""
        return (f"已导入 {self.device_name} 第 {self.seq} 号同步文件：新增 {self.inserted} 条记录，"
                f"合并 {self.fields_applied} 处修改{files}，{self.conflicts} 处冲突待核对。")


@dataclasses.dataclass
class _Collapsed:
    table: str
    record_id: str
    first: int                      # first change counter (keeps parents before children)
    insert: bool = False
    fields: dict[str, list[Any]] = dataclasses.field(default_factory=dict)  # field: [old, new]


def collapse(rows: list[list[Any]]) -> list[_Collapsed]:
    """Per record: an insert with its final values, or {field: [first old, last new]} with
    the fields that ended where they started left out."""
    out: dict[tuple[str, str], _Collapsed] = {}
    for counter, table, record_id, action, changes, _at, _user in rows:
        item = out.get((table, record_id))
        if item is None:
            item = out[(table, record_id)] = _Collapsed(table, record_id, counter, insert=(action == "insert"))
        for field, (old, new) in changes.items():
            if field in item.fields:
                item.fields[field][1] = new
            else:
                item.fields[field] = [old, new]
    for item in out.values():
        if not item.insert:
            item.fields = {f: v for f, v in item.fields.items() if v[0] != v[1]}
    return sorted(out.values(), key=lambda c: c.first)


def derive(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` plus the derived fields their sources imply."""
    rules = DERIVED.get(table)
    if not rules:
        return values
    out = dict(values)
    if table == "residents":
        if "name" in values:
            from neighbourhood.pinyin import name_pinyin
            out["name_pinyin"], out["name_initials"] = name_pinyin(values["name"] or "")
        if "id_number" in values:
            out["id_flag"] = None
            if values["id_number"] and len(values["id_number"]) == 15:
                out["id_flag"] = "legacy15"
    return out


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class Merger:
    """One application of one return file (inside the caller's operation)."""

    def __init__(self, ledger: "Ledger", bundle: Bundle, result: ApplyResult) -> None:
        self.l = ledger
        self.conn = ledger.conn
        self.bundle = bundle
        self.result = result
        self._sqlite_errors = _integrity_errors()
        self._unique_tables = q.tables_with_unique_indexes(self.conn)

    def conflict(self, kind: str, table: str, record_id: str, field: str | None, *, base: Any = None,
                 laptop: Any = None, office: Any = None, detail: str = "") -> None:
        self.l.writer.insert("sync_conflicts", {
            "bundle_id": self.bundle.bundle_id, "device_id": self.bundle.device_id, "kind": kind,
            "table_name": table, "record_id": record_id, "field": field, "base_value": _dump(base),
            "laptop_value": _dump(laptop), "office_value": _dump(office), "detail": detail,
            "status": "open"})
        self.result.conflicts += 1

    def duplicate_of(self, id_number: Any, record_id: str) -> dict[str, Any] | None:
        if not id_number:
            return None
        return q.live_resident_by_id_number(self.conn, id_number, record_id)

    def merge(self, item: _Collapsed, current: dict[str, Any] | None) -> None:
        self.result.records += 1
        self.result.tables.add(item.table)
        if item.insert and current is None:
            self._insert(item)
            return
        if current is None:
            self.conflict("missing", item.table, item.record_id, None,
                          laptop={f: v[1] for f, v in item.fields.items()},
                          detail="办公室数据库中找不到这条记录，笔记本上的修改暂存待核对。")
            return
        derived = DERIVED.get(item.table, {})
        office_deleted = current.get("deleted_at") is not None
        laptop_deletes = item.fields.get("deleted_at", [None, None])[1] is not None
        apply: dict[str, Any] = {}
        for field, (old, new) in item.fields.items():
            if field in derived or field in NEVER_MERGED or field not in current:
                continue
            office = current[field]
            if office == new or (field == "deleted_at" and office is not None and new is not None):
                continue  # same value, or deleted on both sides (only the time differs)
            if item.insert:
                old = None  # the same record inserted on both sides: nothing in common
            if office_deleted and not laptop_deletes and field != "deleted_at":
                self.conflict("deleted", item.table, item.record_id, field, base=old, laptop=new,
                              office=office, detail="办公室已删除这条记录，笔记本上又修改了它。")
                continue
            if office != old:
                self.conflict("both", item.table, item.record_id, field, base=old, laptop=new, office=office,
                              detail="办公室和笔记本都修改了这一项。")
                continue
            if item.table == "residents" and field == "id_number":
                other = self.duplicate_of(new, item.record_id)
                if other:
                    self.conflict("duplicate_id", item.table, item.record_id, field, base=old, laptop=new,
                                  office=office, detail=f"身份证号已登记为“{other['name']}”，不能重复登记。")
                    continue
            apply[field] = new
        if apply:
            self.l.writer.update(item.table, item.record_id, derive(item.table, apply))
            self.result.fields_applied += len(apply)

    def _insert(self, item: _Collapsed) -> None:
        values = {f: v[1] for f, v in item.fields.items() if f not in ("updated_at", "updated_by")}
        values["id"] = item.record_id
        held_id = None
        if item.table == "residents" and values.get("id_number") and values.get("deleted_at") is None:
            other = self.duplicate_of(values["id_number"], item.record_id)
            if other:
                held_id, values["id_number"], values["id_flag"] = values["id_number"], None, None
        try:
            if item.table in self._unique_tables:
                with self.l.db.atomic():  # a savepoint: a refused insert leaves nothing behind
                    self.l.writer.insert(item.table, values)
            else:  # no unique rule to break: skip the savepoint (10k inserts)
                self.l.writer.insert(item.table, values)
        except self._sqlite_errors as exc:
            self.conflict("duplicate", item.table, item.record_id, None, laptop=values,
                          detail=f"笔记本新增的记录与办公室已有记录重复（{exc}），暂存待核对。")
            return
        self.result.inserted += 1
        if held_id:
            self.conflict("duplicate_id", item.table, item.record_id, "id_number", base=None, laptop=held_id,
                          office=None, detail=f"身份证号已登记为“{other['name']}”，新登记的居民暂未填身份证号。")


def _integrity_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    import sqlcipher3
    return (sqlcipher3.IntegrityError, sqlite3.IntegrityError)


def check_bundle(ledger: "Ledger", bundle: Bundle) -> None:
    """Refuse (SyncFileError, Chinese) a file that is not a return file of this community."""
    conn = ledger.conn
    if q.state(conn, "role") == "laptop":
        raise SyncFileError("这是外出笔记本的工作数据库，同步文件只能在办公室电脑上导入。")
    if bundle.kind != "return":
        raise SyncFileError("这是一个“检出”文件，不是笔记本交回的同步文件；请在笔记本上打开它。")
    ours = q.state(conn, "community_id")
    if bundle.community_id != ours:
        raise SyncFileError("此同步文件属于另一个社区的数据库，已拒绝导入，未做任何改动。"
                            "请确认文件来自本社区检出的笔记本。")
    if bundle.schema_version > q.schema_version(conn):
        raise SyncFileError("此同步文件由更新版本的社区台账导出，请先升级本机程序后再导入。")
    rows = bundle.json_section("changes") or []
    bad = sorted({r[1] for r in rows if r[1] not in SYNC_TABLES})
    if bad:
        raise SyncFileError(f"同步文件包含不允许从笔记本同步的数据（{', '.join(bad)}），已拒绝导入。")
    # Grid scope and attachments: checked once per database state (read, then apply).
    seen = (id(conn), conn.total_changes)
    if bundle.__dict__.get("_checked") != seen:
        from neighbourhood.sync import attachments, scope
        grids = scope.check(ledger, bundle, rows)
        attachments.check(ledger, bundle, grids)
        bundle.__dict__["_checked"] = seen


def apply(ledger: "Ledger", bundle: Bundle, *, progress: Progress = no_progress,
          abort: Abort = never) -> ApplyResult:
    """Merge a decoded return file; see the module docstring.  Caller thread; one transaction.

    Raises SyncFileError (wrong community, a missing earlier file…), Cancelled when
    ``abort()`` turns true (nothing kept), PermissionDenied for read-only roles.
    """
    ledger.access.require_staff()
    check_bundle(ledger, bundle)
    conn = ledger.conn
    result = ApplyResult(bundle.bundle_id, bundle.device_name or bundle.device_id[:8], bundle.seq)
    if q.bundle_applied(conn, bundle.bundle_id):
        result.already_applied = True
        return result
    device = q.device(conn, bundle.device_id) or {"applied_through": 0}
    through = int(device["applied_through"])
    rows = bundle.json_section("changes") or []
    first = int(bundle.extra.get("first_change") or (rows[0][0] if rows else through + 1))
    if rows and first > through + 1:
        raise SyncFileError(
            f"缺少“{result.device_name}”更早的同步文件（第 {through + 1}–{first - 1} 条修改不在此文件中），"
            "未做任何改动。请先导入更早的文件，或在笔记本上重新导出。")
    fresh = [r for r in rows if r[0] > through]
    result.skipped = len(rows) - len(fresh)
    items = collapse(fresh)
    last = max([through] + [r[0] for r in rows])
    with ledger.operation(f"导入同步文件：{result.device_name} 第 {bundle.seq} 号") as op:
        merger = Merger(ledger, bundle, result)
        by_table: dict[str, list[_Collapsed]] = {}
        for item in items:
            by_table.setdefault(item.table, []).append(item)
        current: dict[tuple[str, str], dict[str, Any]] = {}
        for table, group in by_table.items():  # one read per 500 records, not one per record
            for record_id, row in q.rows(conn, table, [i.record_id for i in group]).items():
                current[(table, record_id)] = row
        total = len(items)
        for n, item in enumerate(items):
            if n % 250 == 0:
                checkpoint(abort)
                progress(n, total, f"正在合并第 {n + 1}/{total} 条记录")
            merger.merge(item, current.get((item.table, item.record_id)))
        for name, data in bundle.sections.items():
            handler = SECTION_HANDLERS.get(name)
            if handler is not None:
                handler(ledger, bundle, data, result, merger)
        checkpoint(abort)
        now = utc_now()
        q.record_bundle(conn, bundle_id=bundle.bundle_id, device_id=bundle.device_id, seq=bundle.seq,
                        base_snapshot_id=bundle.base_snapshot_id, first_change=first if rows else None,
                        last_change=last if rows else None, changes_applied=result.fields_applied + result.inserted,
                        conflicts=result.conflicts, applied_at=now, applied_by=ledger.access.username)
        q.upsert_device(conn, device_id=bundle.device_id, device_name=bundle.device_name,
                        applied_through=last, seq=bundle.seq, at=now)
        from db import audit
        audit.append(conn, at=now, actor=ledger._actor(), action="sync_apply", table_name="sync_bundles",
                     record_id=bundle.bundle_id,
                     changes={"device": bundle.device_name, "seq": bundle.seq, "inserted": result.inserted,
                              "fields": result.fields_applied, "conflicts": result.conflicts,
                              "skipped": result.skipped})
        progress(total, total, "完成")
    result.tables |= op.tables
    # Not offered for Undo: undoing a merge would leave the file marked applied while its
    # changes were gone (a later re-apply would be refused); corrections go through the queue.
    ledger.writer.last_operation = None
    return result
