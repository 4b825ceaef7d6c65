"""Check-out: the office writes a file holding a grid worker's part of the ledger, and the
laptop turns it into its working database.

The file is a sync file (:mod:`neighbourhood.sync.bundle`, kind ``checkout``) whose
``database`` section is a complete ledger database limited to the chosen grids' live
households and residents, open needs, the last year's visits (dates only, for due/overdue),
the worker's account and the reference lists — only the columns listed in
:data:`db.queries.sync.CHECKOUT_SCOPE`.  On the laptop it is stored encrypted (SQLCipher,
key wrapped for the worker's password) when the worker signs in while opening it.

A refresh (a new check-out onto a laptop that already has a working database) carries
over every change the office has not acknowledged and the return files not yet applied,
so nothing unreturned is lost.
"""
from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import shutil
import tempfile
from typing import TYPE_CHECKING, Any

from db.queries import sync as q
from db.writes import new_id, utc_now
from neighbourhood.errors import ValidationError
from neighbourhood.sync import bundle as fmt
from neighbourhood.sync.bundle import Bundle, SyncFileError

if TYPE_CHECKING:
    from neighbourhood.jobs import Abort
    from neighbourhood.ledger import Ledger

# Tables whose migration defaults are replaced by the office's own rows.
_REFERENCE = ("visit_types", "visit_rules", "hardship_categories")


@dataclasses.dataclass(frozen=True)
class CheckoutResult:
    path: pathlib.Path
    snapshot_id: str
    device_id: str
    device_name: str
    counts: dict[str, int]


def _wipe(path: pathlib.Path) -> None:
    """Overwrite and remove a plaintext temporary database (and its WAL files)."""
    for p in (path, pathlib.Path(f"{path}-wal"), pathlib.Path(f"{path}-shm")):
        try:
            size = p.stat().st_size
            with open(p, "r+b") as fh:
                fh.write(b"\0" * size)
                fh.flush()
                os.fsync(fh.fileno())
            p.unlink()
        except FileNotFoundError:
            pass


def build_database(ledger: "Ledger", target: pathlib.Path, *, grid_ids: list[str],
                   state: dict[str, Any]) -> dict[str, int]:
    """Write the laptop's database for ``grid_ids`` to ``target`` (plaintext); returns row counts."""
    from db import search_index
    from neighbourhood.ledger import Ledger

    counts: dict[str, int] = {}
    office = ledger.conn
    with Ledger.open(target) as laptop:
        conn = laptop.conn
        # The office side is one read transaction of its own: a consistent snapshot, and the
        # TEMP scope tables' writes never leave a transaction open on the office connection.
        with laptop.db.atomic(), ledger.db.atomic():
            for table in _REFERENCE:
                q.clear(conn, table)
            q.scope_grids(office, grid_ids)
            try:
                for table, columns, where in q.CHECKOUT_SCOPE:
                    names, rows = q.extract(office, table, columns, where)
                    q.load(conn, table, names, rows)
                    counts[table] = len(rows)
            finally:
                q.drop_scope(office)
            for key, value in state.items():
                q.set_state(conn, key, value)
            # No attachment content travels out (see neighbourhood.sync.attachments); only
            # what the office holds, so the laptop does not send it back.
            from neighbourhood.sync.attachments import STATE_KEY, office_holdings
            q.set_state(conn, STATE_KEY, json.dumps(office_holdings(office, conn)))
            q.set_counter_floor(conn, int(state.get("acked_through") or 0))
            search_index.rebuild(conn)
            problems = q.foreign_key_problems(conn)
            if problems:
                raise ValidationError(f"检出数据不完整（{problems[0][0]} 引用缺失），请联系管理员。")
    return counts


def build_checkout(ledger: "Ledger", *, grid_ids: list[str], out: pathlib.Path, passphrase: str,
                   device_name: str, username: str | None = None, kdf_n: int = fmt.SCRYPT_N) -> CheckoutResult:
    """Write a check-out file for ``grid_ids`` to ``out`` and record it (audited).

    A device keeps its id across check-outs (found by its name), so its changes stay
    numbered in one series.  Raises ValidationError/PermissionDenied/SyncFileError.
    """
    ledger.access.require_staff()
    if not grid_ids:
        raise ValidationError("请至少选择一个网格。", field="grid_ids")
    device_name = (device_name or "").strip()
    if not device_name:
        raise ValidationError("请填写笔记本名称（如“网格一笔记本”），用于区分各台笔记本。", field="device_name")
    if len(passphrase or "") < 6:
        raise ValidationError("同步口令至少 6 个字符。", field="passphrase")
    known = {g.id for g in ledger.grids.list()}
    missing = [g for g in grid_ids if g not in known]
    if missing:
        raise ValidationError("所选网格不存在或已删除。", field="grid_ids")
    conn = ledger.conn
    previous = q.device_by_name(conn, device_name)
    device_id = previous["device_id"] if previous else new_id()
    device = q.device(conn, device_id) or {"applied_through": 0, "last_seq": 0}
    snapshot_id = new_id()
    now = utc_now()
    state = {"role": "laptop", "community_id": q.state(conn, "community_id"), "device_id": device_id,
             "device_name": device_name, "base_snapshot_id": snapshot_id, "grid_ids": json.dumps(grid_ids),
             "acked_through": device["applied_through"], "next_seq": int(device["last_seq"]) + 1,
             "checked_out_at": now, "checked_out_by": ledger.access.username, "username": username or "",
             "community_name": ledger.community.name}
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nl-checkout-"))
    try:
        db_path = folder / "laptop.db"
        counts = build_database(ledger, db_path, grid_ids=grid_ids, state=state)
        data = db_path.read_bytes()
        _wipe(db_path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    bundle = Bundle(kind="checkout", bundle_id=snapshot_id, community_id=state["community_id"],
                    device_id=device_id, device_name=device_name, seq=0, base_snapshot_id=snapshot_id,
                    schema_version=q.schema_version(conn), created_at=now,
                    extra={"grid_ids": grid_ids, "acked_through": device["applied_through"],
                           "next_seq": state["next_seq"], "username": username or "", "counts": counts},
                    sections={"database": data})
    fmt.write(pathlib.Path(out), bundle, passphrase, kdf_n=kdf_n)
    with ledger.operation(f"检出到笔记本：{device_name}"):
        ledger.writer.insert("sync_checkouts", {
            "id": snapshot_id, "device_id": device_id, "device_name": device_name,
            "grid_ids": json.dumps(grid_ids), "username": username, "counts": json.dumps(counts)})
        q.remember_checked_out(conn, device_id, grid_ids)  # what its return files may touch
    return CheckoutResult(pathlib.Path(out), snapshot_id, device_id, device_name, counts)


def open_checkout(file: pathlib.Path, passphrase: str, dest: pathlib.Path, *, previous: "Ledger | None" = None,
                  username: str | None = None, password: str | None = None,
                  kdf_n: int | None = None, abort: "Abort | None" = None) -> pathlib.Path:
    """Make ``dest`` the laptop's working database from a check-out file.

    With ``username``/``password`` (the grid worker's account, checked against the copy)
    the database is stored encrypted and its key wrapped for that password.  When ``dest``
    already exists it must be the ``previous`` working database (open): its unacknowledged
    changes and return files are carried over, then it is closed and replaced.
    Raises SyncFileError / ValidationError / SignInError with Chinese messages, and
    Cancelled when ``abort()`` turns true before the working database is put in place
    (nothing changed then).
    """
    from db.encryption import export
    from neighbourhood.keyring import Keyring, keyring_path, new_database_key
    from neighbourhood.ledger import Ledger
    from neighbourhood.sync.attachments import carry_over, unreturned

    from neighbourhood.jobs import checkpoint, never

    abort = abort or never
    dest = pathlib.Path(dest)
    bundle = fmt.read(file, passphrase)
    checkpoint(abort)
    if bundle.kind != "checkout":
        raise SyncFileError("这是笔记本交回的同步文件，不是检出文件；请在办公室电脑上用“导入同步文件”。")
    data = bundle.sections.get("database")
    if not data:
        raise SyncFileError("检出文件中没有数据库，文件可能已损坏。")
    carried: list[list[Any]] = []
    outbox: list[dict[str, Any]] = []
    carry_state: dict[str, Any] = {}
    files: tuple[list, list] = ([], [])
    if dest.exists():
        if previous is None:
            raise ValidationError(f"{dest.name} 已存在：请在笔记本的工作数据库中用“刷新检出”，"
                                  "以免丢失尚未交回的修改。")
        old = q.all_state(previous.conn)
        if old.get("community_id") != bundle.community_id or old.get("device_id") != bundle.device_id:
            raise SyncFileError("这个检出文件属于另一个社区或另一台笔记本，不能用来刷新本机数据。")
        acked = max(int(old.get("acked_through") or 0), int(bundle.extra.get("acked_through") or 0))
        carried = q.changes_after(previous.conn, acked)
        outbox = [o for o in q.outbox(previous.conn) if (o["last_change"] or 0) > acked]
        carry_state = {"next_seq": max(int(old.get("next_seq") or 1), int(bundle.extra.get("next_seq") or 1)),
                       "counter": q.last_counter(previous.conn)}
        files = unreturned(previous.conn)
    incoming = dest.with_name(dest.name + ".incoming")
    _wipe(incoming)
    incoming.write_bytes(data)
    key = None
    try:
        with Ledger.open(incoming) as laptop:
            if username:
                laptop.users.sign_in(username, password or "")
            with laptop.db.atomic():
                if carried:
                    q.insert_changes(laptop.conn, carried)
                    replay(laptop, carried)
                for o in outbox:
                    q.add_outbox(laptop.conn, seq=o["seq"], bundle_id=o["bundle_id"], path=o["path"],
                                 first=o["first_change"], last=o["last_change"], created_at=o["created_at"])
                carry_over(laptop.conn, *files)
                if carry_state:
                    q.set_state(laptop.conn, "next_seq", carry_state["next_seq"])
                    q.set_counter_floor(laptop.conn, carry_state["counter"])
        final = incoming
        if username:
            key = new_database_key()
            final = dest.with_name(dest.name + ".encrypted")
            _wipe(final)
            export(incoming, final, src_key=None, dest_key=key)
            _wipe(incoming)
        checkpoint(abort)  # last point where Cancel leaves everything as it was
        if previous is not None:
            previous.close()
        for suffix in ("-wal", "-shm"):
            pathlib.Path(f"{dest}{suffix}").unlink(missing_ok=True)
        os.replace(final, dest)
        if key is not None:
            keyring = Keyring(keyring_path(dest))
            keyring.add_user(username, password or "", key)
            keyring.save()
        elif keyring_path(dest).exists():
            keyring_path(dest).unlink()
    finally:
        _wipe(incoming)
        _wipe(dest.with_name(dest.name + ".encrypted"))  # left only by a Cancel or failure
    return dest


def replay(laptop: "Ledger", rows: list[list[Any]]) -> int:
    """Re-apply carried (unreturned) changes to a fresh check-out so the worker still sees
    them (a visit that vanished would be entered twice).  They are already in the log, so
    the change-log hook is left out; a change that no longer fits the new data (its
    household left the grids) is skipped here but still travels in the next return file.
    Returns how many records were replayed."""
    from neighbourhood.sync.merge import NEVER_MERGED, _integrity_errors, collapse, derive

    errors = _integrity_errors()
    writer = laptop.writer
    saved = list(writer.hooks)
    writer.hooks[:] = [h for h in saved if not getattr(h, "sync_changelog", False)]
    done = 0
    try:
        with laptop.operation("保留未交回的修改"):
            for item in collapse(rows):
                current = q.row(laptop.conn, item.table, item.record_id)
                try:
                    with laptop.db.atomic():
                        if current is None and item.insert:
                            writer.insert(item.table, {f: v[1] for f, v in item.fields.items()
                                                       if f not in ("updated_at", "updated_by")})
                        elif current is not None:
                            values = {f: v[1] for f, v in item.fields.items()
                                      if f in current and f not in NEVER_MERGED}
                            if values:
                                writer.update(item.table, item.record_id, derive(item.table, values))
                        else:
                            continue
                except errors:
                    continue
                done += 1
    finally:
        writer.hooks[:] = saved
    return done
