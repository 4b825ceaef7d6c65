"""Turning a plaintext database into an encrypted one (SQLCipher) and back."""
from __future__ import annotations

import os
import pathlib

from db.connection import connect
from db.errors import DatabaseError


def export(src: pathlib.Path, dest: pathlib.Path, *, src_key: bytes | None, dest_key: bytes | None) -> None:
    """Copy ``src`` into a new file ``dest`` with another key (None = plaintext).

    Uses ``sqlcipher_export``: the copy is consistent even while ``src`` is open.
    """
    if dest.exists():
        raise DatabaseError(f"目标文件已存在：{dest}")
    conn = connect(src, key=src_key)
    try:
        key_sql = f"x'{dest_key.hex()}'" if dest_key else "''"
        conn.execute(f"ATTACH DATABASE ? AS target KEY \"{key_sql}\"", (str(dest),))
        conn.execute("SELECT sqlcipher_export('target')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def replace_with_encrypted(path: pathlib.Path, key: bytes) -> pathlib.Path:
    """Encrypt the (closed) plaintext database at ``path`` in place.

    The plaintext original is overwritten with zeros before removal; returns
    the path of the encrypted file (same path).
    """
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    export(path, tmp, src_key=None, dest_key=key)
    check = connect(tmp, key=key)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise DatabaseError("加密后的数据库校验失败，原文件未改动。")
    finally:
        check.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # do not leave plaintext blocks behind on disk
        fh.write(b"\0" * size)
        fh.flush()
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    return path
