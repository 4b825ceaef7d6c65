"""Database keys for encrypted ledgers, wrapped per user and by a recovery key.

The database key is 32 random bytes.  It is never stored in clear: a sidecar
file ``<db>.keyring.json`` holds it wrapped (AES-GCM) under a key derived from
each user's password with Argon2id, and once under the recovery key printed
for the director.  The sidecar must live outside the database because it is
needed to open it.
"""
from __future__ import annotations

import base64
import json
import os
import pathlib
import secrets

from neighbourhood.errors import LedgerError

# Argon2id cost: ~0.2 s on an office PC; the same for wrapping and sign-in.
KDF_TIME, KDF_MEMORY_KIB, KDF_LANES = 3, 65536, 2
_RECOVERY = "recovery"


class KeyringError(LedgerError):
    """Wrong password/recovery key, or a damaged keyring file."""


def keyring_path(db_path: pathlib.Path) -> pathlib.Path:
    return db_path.with_name(db_path.name + ".keyring.json")


def is_encrypted(db_path: pathlib.Path) -> bool:
    """True when the file exists and does not start with SQLite's plaintext header."""
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return False
    return bool(head) and head != b"SQLite format 3\x00"


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_key() -> str:
    """Recovery key for printing: 6 groups of 5 base32 characters (150 bits)."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")[:30]
    return "-".join(raw[i:i + 5] for i in range(0, 30, 5))


def _derive(secret: str, salt: bytes) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=KDF_TIME, memory_cost=KDF_MEMORY_KIB,
                           parallelism=KDF_LANES, hash_len=32, type=Type.ID)


def _wrap(secret: str, db_key: bytes, label: str) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    ct = AESGCM(_derive(secret, salt)).encrypt(nonce, db_key, label.encode("utf-8"))
    return {k: base64.b64encode(v).decode() for k, v in (("salt", salt), ("nonce", nonce), ("ct", ct))}


def _unwrap(secret: str, entry: dict[str, str], label: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        salt, nonce, ct = (base64.b64decode(entry[k]) for k in ("salt", "nonce", "ct"))
        return AESGCM(_derive(secret, salt)).decrypt(nonce, ct, label.encode("utf-8"))
    except (InvalidTag, KeyError, ValueError) as exc:
        raise KeyringError("密码不正确，无法解开数据库密钥。") from exc


class Keyring:
    """The wrapped keys of one encrypted database."""

    def __init__(self, path: pathlib.Path, entries: dict[str, dict[str, str]] | None = None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, str]] = entries or {}

    @classmethod
    def load(cls, db_path: pathlib.Path) -> "Keyring":
        path = keyring_path(db_path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise KeyringError(f"找不到密钥文件 {path.name}：加密数据库需要它与数据库放在同一文件夹。") from None
        except (ValueError, OSError) as exc:
            raise KeyringError(f"密钥文件 {path.name} 已损坏，请用恢复密钥打开。") from exc
        return cls(path, data.get("entries", {}))

    def save(self) -> None:
        # Temp file + rename: a crash never leaves a half-written keyring.
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": 1, "kdf": "argon2id", "entries": self.entries},
                                  ensure_ascii=False, indent=1), "utf-8")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def add_user(self, username: str, password: str, db_key: bytes) -> None:
        self.entries[f"user:{username}"] = _wrap(password, db_key, f"user:{username}")

    def remove_user(self, username: str) -> None:
        self.entries.pop(f"user:{username}", None)

    def set_recovery(self, recovery_key: str, db_key: bytes) -> None:
        self.entries[_RECOVERY] = _wrap(recovery_key.strip().upper(), db_key, _RECOVERY)

    def unlock(self, username: str, password: str) -> bytes:
        entry = self.entries.get(f"user:{username}")
        if entry is None:
            raise KeyringError(f"用户“{username}”没有此数据库的密钥，请由管理员添加或使用恢复密钥。")
        return _unwrap(password, entry, f"user:{username}")

    def unlock_recovery(self, recovery_key: str) -> bytes:
        entry = self.entries.get(_RECOVERY)
        if entry is None:
            raise KeyringError("此数据库没有设置恢复密钥。")
        try:
            return _unwrap(recovery_key.strip().upper(), entry, _RECOVERY)
        except KeyringError:
            raise KeyringError("恢复密钥不正确。") from None
