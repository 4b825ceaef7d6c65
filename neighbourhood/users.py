"""User accounts, sign-in with lockout, and role assignment.

Passwords are hashed with Argon2id (argon2-cffi).  Five failed sign-ins lock
the account for 15 minutes.  Sign-ins and failures are audited.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterable

from db import audit
from db.queries import users as uq
from db.writes import Actor, utc_now
from neighbourhood.access import ADMIN, AUDITOR, GRID_WORKER, ROLE_NAMES, STAFF, Access
from neighbourhood.errors import LedgerError, NotFound, PermissionDenied, ValidationError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

MAX_FAILURES = 5
LOCKOUT = _dt.timedelta(minutes=15)
MIN_PASSWORD = 8


class SignInError(LedgerError):
    """Wrong user name/password, locked or inactive account."""


@dataclasses.dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    role: str
    can_view_full: bool
    active: bool
    locked_until: str | None
    grid_ids: frozenset[str]

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # Argon2id with the library's recommended cost


def _parse(ts: str | None) -> _dt.datetime | None:
    if not ts:
        return None
    return _dt.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=_dt.timezone.utc)


def _stamp(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"密码至少 {MIN_PASSWORD} 位", field="password")
    if password.isdigit() or password.isalpha():
        raise ValidationError("密码需同时包含字母和数字", field="password")


class Users:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    # --- reading ----------------------------------------------------------------------

    def _user(self, row: dict[str, Any]) -> User:
        return User(row["id"], row["username"], row["display_name"], row["role"],
                    bool(row["can_view_full"]), bool(row["active"]), row["locked_until"],
                    frozenset(uq.grid_ids(self._l.conn, row["id"])))

    def list(self) -> list[User]:
        return [self._user(r) for r in uq.users(self._l.conn)]

    def get(self, user_id: str) -> User:
        row = uq.user(self._l.conn, user_id)
        if row is None:
            raise NotFound("用户不存在")
        return self._user(row)

    def by_username(self, username: str) -> User | None:
        row = uq.user_by_name(self._l.conn, username)
        return self._user(row) if row else None

    @property
    def first_run(self) -> bool:
        """No account yet: the app must create the administrator first."""
        return uq.count(self._l.conn) == 0

    # --- writing ----------------------------------------------------------------------

    def _validate(self, username: str, display_name: str, role: str) -> None:
        if not (username or "").strip():
            raise ValidationError("请填写登录名", field="username")
        if not (display_name or "").strip():
            raise ValidationError("请填写姓名", field="display_name")
        if role not in ROLE_NAMES:
            raise ValidationError("请选择角色", field="role")

    def create_admin(self, *, username: str, display_name: str, password: str) -> User:
        """First run only: create the administrator (may view full ID numbers)."""
        if not self.first_run:
            raise PermissionDenied("管理员已存在；新账号请由管理员在“用户管理”中添加。")
        return self._add(username=username, display_name=display_name, password=password,
                         role=ADMIN, can_view_full=True, grid_ids=())

    def add(self, *, username: str, display_name: str, password: str, role: str,
            can_view_full: bool = False, grid_ids: Iterable[str] = ()) -> User:
        self._l.access.require_admin()
        return self._add(username=username, display_name=display_name, password=password,
                         role=role, can_view_full=can_view_full, grid_ids=grid_ids)

    def _add(self, *, username: str, display_name: str, password: str, role: str,
             can_view_full: bool, grid_ids: Iterable[str]) -> User:
        username = (username or "").strip()
        self._validate(username, display_name, role)
        check_password_strength(password)
        if self.by_username(username):
            raise ValidationError(f"登录名“{username}”已被使用", field="username")
        grid_ids = list(grid_ids)
        if role == GRID_WORKER and not grid_ids:
            raise ValidationError("网格员至少要分配一个网格", field="grid_ids")
        with self._l.operation(f"新增用户 {username}"):
            user_id = self._l.writer.insert("users", dict(
                username=username, display_name=display_name.strip(), role=role,
                can_view_full=int(bool(can_view_full)), password_hash=_hasher().hash(password)))
            for grid_id in grid_ids:
                self._l.writer.insert("user_grids", dict(user_id=user_id, grid_id=grid_id))
        self._l.on_user_password(username, password)
        return self.get(user_id)

    def update(self, user_id: str, *, display_name: str | None = None, role: str | None = None,
               can_view_full: bool | None = None, active: bool | None = None,
               grid_ids: Iterable[str] | None = None) -> User:
        self._l.access.require_admin()
        user = self.get(user_id)
        changes: dict[str, Any] = {}
        if display_name is not None:
            changes["display_name"] = display_name.strip()
        if role is not None:
            self._validate(user.username, display_name or user.display_name, role)
            changes["role"] = role
        if can_view_full is not None:
            changes["can_view_full"] = int(can_view_full)
        if active is not None:
            if not active and user_id == self._l.access.user_id:
                raise ValidationError("不能停用自己的账号")
            changes["active"] = int(active)
        with self._l.operation(f"修改用户 {user.username}"):
            if changes:
                self._l.writer.update("users", user_id, changes)
            if grid_ids is not None:
                wanted = set(grid_ids)
                for link_id, grid_id in uq.grid_links(self._l.conn, user_id):
                    if grid_id not in wanted:
                        self._l.writer.soft_delete("user_grids", link_id)
                for grid_id in wanted - user.grid_ids:
                    self._l.writer.insert("user_grids", dict(user_id=user_id, grid_id=grid_id))
        if active is False and self._l.key is not None and self._l.path is not None:
            # A deactivated user's password must no longer open an encrypted file.
            from neighbourhood.keyring import Keyring
            keyring = Keyring.load(self._l.path)
            keyring.remove_user(user.username)
            keyring.save()
        return self.get(user_id)

    def set_password(self, user_id: str, new_password: str, *, old_password: str | None = None) -> None:
        """Own password (needs the old one) or, for an admin, anyone's."""
        user = self.get(user_id)
        if user_id != self._l.access.user_id:
            self._l.access.require_admin()
        elif old_password is None or not self._verify(user_id, old_password):
            raise ValidationError("原密码不正确", field="old_password")
        check_password_strength(new_password)
        with self._l.operation(f"修改密码 {user.username}"):
            self._l.writer.update("users", user_id, {"password_hash": _hasher().hash(new_password),
                                                     "failed_attempts": 0, "locked_until": None})
        self._l.on_user_password(user.username, new_password)

    def _verify(self, user_id: str, password: str) -> bool:
        from argon2.exceptions import VerificationError, InvalidHashError

        row = uq.user(self._l.conn, user_id)
        try:
            return bool(row) and _hasher().verify(row["password_hash"], password)
        except (VerificationError, InvalidHashError):
            return False

    # --- sign-in ----------------------------------------------------------------------

    def sign_in(self, username: str, password: str, *, now: _dt.datetime | None = None) -> Access:
        """Check the password; on success the ledger acts as this user.

        Raises :class:`SignInError` (Chinese message).  The failure counter and
        lockout are stored, so restarting the app does not reset them.
        """
        now = now or _dt.datetime.now(_dt.timezone.utc)
        row = uq.user_by_name(self._l.conn, (username or "").strip())
        system = Actor(None, (username or "").strip() or "?")
        if row is None or not row["active"]:
            self._log(system, "login_failed", None, {"reason": "unknown or inactive user"}, now)
            raise SignInError("用户名或密码不正确。")
        locked_until = _parse(row["locked_until"])
        if locked_until and locked_until > now:
            minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
            self._log(Actor(row["id"], row["username"]), "login_locked", row["id"], None, now)
            raise SignInError(f"密码连续输错 {MAX_FAILURES} 次，账号已锁定，请 {minutes} 分钟后再试，或请管理员重置密码。")
        if not self._verify(row["id"], password):
            failures = row["failed_attempts"] + 1
            changes: dict[str, Any] = {"failed_attempts": failures}
            if failures >= MAX_FAILURES:
                changes = {"failed_attempts": 0, "locked_until": _stamp(now + LOCKOUT)}
            with self._l.db.atomic():
                sets = ", ".join(f"{k} = ?" for k in changes)
                self._l.conn.execute(f"UPDATE users SET {sets} WHERE id = ?", [*changes.values(), row["id"]])
                self._log(Actor(row["id"], row["username"]), "login_failed", row["id"],
                          {"failed_attempts": failures}, now, in_tx=True)
            if failures >= MAX_FAILURES:
                raise SignInError(f"密码连续输错 {MAX_FAILURES} 次，账号已锁定 15 分钟。")
            raise SignInError(f"用户名或密码不正确（还可尝试 {MAX_FAILURES - failures} 次）。")
        user = self._user(row)
        with self._l.db.atomic():
            self._l.conn.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? "
                                 "WHERE id = ?", (_stamp(now), row["id"]))
            self._log(Actor(user.id, user.username), "login", user.id, None, now, in_tx=True)
        access = Access(role=user.role, user_id=user.id, username=user.username,
                        display_name=user.display_name, grid_ids=user.grid_ids,
                        can_view_full=user.can_view_full)
        self._l.access = access
        self._l.listing.show_full = False
        return access

    def sign_out(self) -> None:
        if self._l.access.user_id:
            self._log(self._l._actor(), "logout", self._l.access.user_id, None, _dt.datetime.now(_dt.timezone.utc))
        self._l.access = Access(role=AUDITOR, username="signed-out", display_name="未登录")

    def _log(self, actor: Actor, action: str, user_id: str | None, changes: dict | None,
             now: _dt.datetime, *, in_tx: bool = False) -> None:
        def write() -> None:
            audit.append(self._l.conn, at=_stamp(now), actor=actor, action=action, table_name="users",
                         record_id=user_id, changes=changes)
        if in_tx:
            write()
        else:
            with self._l.db.atomic():
                write()


__all__ = ["Users", "User", "SignInError", "ADMIN", "STAFF", "GRID_WORKER", "AUDITOR", "utc_now"]
