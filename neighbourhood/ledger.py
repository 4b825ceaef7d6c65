"""The Ledger: opens one database and hands out the services (like Anki's Collection).

Thread rule: one Ledger is used by one thread at a time; the UI runs writing
jobs on a worker one after another, never two at once.
"""
from __future__ import annotations

import dataclasses
import functools
import pathlib
from typing import Any

from db import audit, migrations, search_index
from db.connection import connect, wrap
from db.queries import registry as q
from db.writes import Actor, Operation, Writer
from neighbourhood.access import Access


@dataclasses.dataclass(frozen=True)
class CheckReport:
    integrity: str
    version: int
    counts: dict[str, int]
    audit_problems: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.audit_problems


class Ledger:
    """An open ledger database and its services."""

    def __init__(self, conn, *, path: pathlib.Path | None, key: bytes | None = None) -> None:
        from neighbourhood.community import Community
        from neighbourhood.grids import Buildings, Grids
        from neighbourhood.households import Households
        from neighbourhood.residents import ResidentListing, Residents
        from neighbourhood.users import Users

        self.conn = conn
        self.path = path
        self._closed = False
        self.key = key  # the raw database key when encrypted (kept to wrap it for new users)
        self.db = wrap(conn)
        self.access = Access()
        self.writer = Writer(self.db, actor=self._actor)
        self.writer.hooks.append(audit.make_hook(conn))
        self.writer.hooks.append(search_index.make_hook(conn))
        from neighbourhood.sync.changelog import install as install_sync_log
        install_sync_log(self)  # a checked-out laptop logs its changes for the return file
        self.community = Community(self)
        self.grids = Grids(self)
        self.buildings = Buildings(self)
        self.households = Households(self)
        self.residents = Residents(self)
        self.listing = ResidentListing(self)
        self.users = Users(self)
        from neighbourhood.search import Search
        self.search = Search(self)
        # Their household groups (hardship:<code>, flag:<name>) feed visit rules and
        # rosters, so they must be registered before anyone asks for a group.
        import neighbourhood.hardship  # noqa: F401
        import neighbourhood.visits  # noqa: F401

    # Services of later areas load on first use (keeps start-up light).
    @functools.cached_property
    def visits(self):
        from neighbourhood.visits import Visits
        return Visits(self)

    @functools.cached_property
    def hardship(self):
        from neighbourhood.hardship import Hardship
        return Hardship(self)

    @functools.cached_property
    def meetings(self):
        from neighbourhood.meetings import Meetings
        return Meetings(self)

    @functools.cached_property
    def attachments(self):
        """Files attached to records, stored once by hash inside the database."""
        from neighbourhood.attachments import Attachments
        return Attachments(self)

    @functools.cached_property
    def rosters(self):
        """Roster builder: saved templates, template files, running a template."""
        from neighbourhood.rosters.store import RosterTemplates
        return RosterTemplates(self)

    @functools.cached_property
    def sync(self):
        """Field laptops: check-out, return files, merge and conflict review."""
        from neighbourhood.sync.service import Sync
        return Sync(self)

    @property
    def needs(self):
        """Needs and suggestions (困难需求清单, 建言献策清单)."""
        return self.meetings.needs

    @classmethod
    def open(cls, path: str | pathlib.Path, *, key: bytes | None = None) -> "Ledger":
        """Open (creating if needed) and migrate the database at ``path``.

        ``key`` is the raw 32-byte key of an encrypted database (see
        :mod:`neighbourhood.keyring`).  Raises :class:`db.errors.DatabaseError`
        with a Chinese message (wrong key, network share, newer version…).
        """
        from db.errors import DatabaseError
        from neighbourhood.backups import is_network_path

        path = pathlib.Path(path)
        if is_network_path(path):
            # SQLite's WAL needs shared memory on one machine; over SMB/NFS it corrupts.
            raise DatabaseError(
                f"数据库“{path}”位于网络共享文件夹。共享文件夹上的数据库可能损坏，不能直接打开；"
                "请把它复制到本机（如“文档”文件夹）后再打开。")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, key=key)
        try:
            # Upgrading writes a consistent copy beside the file first (stays encrypted).
            migrations.migrate(conn, path=path)
        except Exception:
            conn.close()
            raise
        return cls(conn, path=path, key=key)

    @classmethod
    def unlock(cls, path: str | pathlib.Path, *, username: str | None = None, password: str | None = None,
               recovery_key: str | None = None) -> "Ledger":
        """Open a plaintext or encrypted ledger and sign in when credentials are given.

        For an encrypted file the key is unwrapped from the keyring with the
        user's password (or the recovery key).  Raises KeyringError,
        SignInError or DatabaseError with Chinese messages.
        """
        from neighbourhood.keyring import Keyring, is_encrypted

        path = pathlib.Path(path)
        key = None
        if is_encrypted(path):
            keyring = Keyring.load(path)
            if recovery_key:
                key = keyring.unlock_recovery(recovery_key)
            elif username and password is not None:
                key = keyring.unlock(username, password)
            else:
                from neighbourhood.keyring import KeyringError
                raise KeyringError("此数据库已加密，请输入用户名和密码。")
        ledger = cls.open(path, key=key)
        if username and password is not None:
            try:
                ledger.users.sign_in(username, password)
            except Exception:
                ledger.close()
                raise
        return ledger

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def on_user_password(self, username: str, password: str) -> None:
        """Re-wrap the database key for ``username`` after its password was set."""
        if self.key is None or self.path is None:
            return
        from neighbourhood.keyring import Keyring
        keyring = Keyring.load(self.path)
        keyring.add_user(username, password, self.key)
        keyring.save()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran (timers and late callbacks check it before reading)."""
        return self._closed

    def close(self) -> None:
        """Checkpoint and close; closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        # A clean close checkpoints the WAL so the single file is complete; an
        # unfinished transaction (a crash in a job) is rolled back first.
        try:
            if self.conn.in_transaction:
                self.conn.rollback()
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _actor(self) -> Actor:
        return Actor(self.access.user_id, self.access.username)

    # --- operations -----------------------------------------------------------------

    def operation(self, label: str):
        """Context manager: one transaction, one undoable :class:`Operation`."""
        return self.writer.operation(label)

    @property
    def undoable(self) -> Operation | None:
        return self.writer.last_operation

    def undo_last(self) -> Operation | None:
        """Reverse the last operation (audited as a change of its own)."""
        op = self.writer.last_operation
        if op is None:
            return None
        self.access.require_write()
        return self.writer.undo(op)

    def log_view_full(self, table: str | None, record_id: str | None, what: str) -> None:
        """Audit that the user looked at unmasked personal data (its own transaction)."""
        from db.writes import utc_now
        with self.db.atomic():
            audit.append(self.conn, at=utc_now(), actor=self._actor(), action="view_full",
                         table_name=table, record_id=record_id, changes={"what": what})

    def reveal(self, resident_id: str) -> dict[str, str | None]:
        """Full ID number and phone of one resident, for a user allowed to see them; audited."""
        from neighbourhood.errors import PermissionDenied
        if not self.access.can_view_full:
            raise PermissionDenied("您的角色不能查看完整的身份证号和电话号码。")
        resident = self.residents.get(resident_id)
        self.log_view_full("residents", resident_id, "查看完整身份证号/电话")
        return {"id_number": resident.id_number, "phone": resident.phone}

    def audit_entries(self, *, username: str | None = None, record_id: str | None = None,
                      table_name: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, limit: int = 5000) -> list[dict[str, Any]]:
        """Audit entries newest first, filtered (dates are ISO strings, ``date_to`` exclusive).

        Only admins and auditors may read the trail.
        """
        from db.queries.users import audit_entries
        from neighbourhood.access import ADMIN, AUDITOR
        from neighbourhood.errors import PermissionDenied
        if self.access.role not in (ADMIN, AUDITOR):
            raise PermissionDenied("只有管理员和审计人员可以查看审计记录。")
        entries = audit_entries(self.conn, username=username, record_id=record_id, table_name=table_name,
                                date_from=date_from, date_to=date_to, limit=limit)
        if not self.access.can_view_full:
            for entry in entries:
                entry["changes"] = _mask_changes(entry.get("changes"))
        return entries

    def verify_audit(self) -> list[str]:
        """Problems in the audit hash chain (empty list = intact).

        Open to every role: it reveals no personal data, only whether the trail is intact.
        """
        return [p.message for p in audit.verify(self.conn)]

    def counts(self) -> dict[str, int]:
        """Live registry counts (households, residents, migrants…) for status bar and dashboard."""
        return q.counts(self.conn)

    def check(self) -> CheckReport:
        integrity = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        problems = [p.message for p in audit.verify(self.conn)]
        return CheckReport(integrity, migrations.version(self.conn), q.counts(self.conn), problems)


def _mask_changes(changes: str | None) -> str | None:
    """The audit entry's old → new values with ID numbers and phones masked (for auditors
    without full view); the stored entry (and its hash) is untouched."""
    import json

    from neighbourhood.masking import ID_FIELDS, PHONE_FIELDS, mask_row
    if not changes:
        return changes
    data = json.loads(changes)
    for field in (*ID_FIELDS, *PHONE_FIELDS):
        if isinstance(data.get(field), list):
            data[field] = [mask_row({field: v}, full=False)[field] for v in data[field]]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def encrypt_ledger(ledger: Ledger, *, password: str) -> tuple[Ledger, str]:
    """Encrypt a plaintext ledger in place; returns (re-opened ledger, recovery key).

    ``ledger`` is closed.  The signed-in admin (whose ``password`` is given)
    gets a wrapped key; other users get theirs when their password is next
    set.  The recovery key must be printed and kept by the director.
    """
    from db.encryption import replace_with_encrypted
    from neighbourhood.errors import ValidationError
    from neighbourhood.keyring import Keyring, keyring_path, new_database_key, new_recovery_key

    ledger.access.require_admin()
    if ledger.key is not None or ledger.path is None:
        raise ValidationError("此数据库已经加密")
    if ledger.access.user_id and not ledger.users._verify(ledger.access.user_id, password):
        raise ValidationError("密码不正确", field="password")
    key, recovery = new_database_key(), new_recovery_key()
    keyring = Keyring(keyring_path(ledger.path))
    keyring.add_user(ledger.access.username, password, key)
    keyring.set_recovery(recovery, key)
    access, path = ledger.access, ledger.path
    ledger.close()
    replace_with_encrypted(path, key)
    keyring.save()
    # Plaintext backups would defeat the point: remove them (new ones are encrypted).
    from neighbourhood.backups import list_backups
    for old, _kind, _stamp in list_backups(path):
        old.unlink(missing_ok=True)
    for old in path.parent.glob(f"{path.name}.v*.bak"):
        old.unlink(missing_ok=True)
    reopened = Ledger.open(path, key=key)
    reopened.access = access
    from db import audit as _audit
    from db.writes import utc_now
    with reopened.db.atomic():
        _audit.append(reopened.conn, at=utc_now(), actor=reopened._actor(), action="encrypt")
    return reopened, recovery
