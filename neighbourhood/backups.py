"""Rotated backups and restore.

Backups are written with ``VACUUM INTO`` (a consistent copy of a live WAL
database; never a file copy) into ``<db folder>/backups``.  A backup of an
encrypted database is encrypted with the same key.  Restore checks the
backup's integrity first and backs up the current file before replacing it.
"""
from __future__ import annotations

import datetime as _dt
import os
import pathlib
import re

from db.connection import connect
from db.errors import DatabaseError

KEEP = {"daily": 14, "exit": 5, "before": 10, "manual": 20}
KIND_LABELS = {"daily": "每日", "exit": "退出时", "before": "操作前", "manual": "手动"}
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<kind>daily|exit|before|manual)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)\.bak$")


def backup_dir(db_path: pathlib.Path) -> pathlib.Path:
    return db_path.parent / "backups"


def backup(conn, db_path: pathlib.Path, *, kind: str = "manual",
           now: _dt.datetime | None = None) -> pathlib.Path:
    """Write a backup of the open connection's database; rotate old ones; returns the path."""
    if kind not in KEEP:
        raise ValueError(kind)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}.{kind}-{stamp}.bak"
    n = 1
    while target.exists():
        target = folder / f"{db_path.stem}.{kind}-{stamp}-{n}.bak"
        n += 1
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    except Exception as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(f"备份失败（{exc}）：请检查磁盘空间和备份文件夹 {folder} 是否可写。") from exc
    rotate(db_path, kind)
    return target


def list_backups(db_path: pathlib.Path) -> list[tuple[pathlib.Path, str, str]]:
    """(path, kind, stamp) newest first."""
    out = []
    folder = backup_dir(db_path)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if match and match["stem"] == db_path.stem:
                out.append((entry, match["kind"], match["stamp"]))
    return sorted(out, key=lambda item: item[2], reverse=True)


def rotate(db_path: pathlib.Path, kind: str) -> None:
    same = [b for b in list_backups(db_path) if b[1] == kind]
    for path, _kind, _stamp in same[KEEP[kind]:]:
        path.unlink(missing_ok=True)


def daily_due(db_path: pathlib.Path, *, today: _dt.date | None = None) -> bool:
    today = today or _dt.date.today()
    stamp = today.strftime("%Y%m%d")
    return not any(b[1] == "daily" and b[2].startswith(stamp) for b in list_backups(db_path))


def verify_backup(path: pathlib.Path, *, key: bytes | None) -> int:
    """Open the backup and run ``integrity_check``; returns its schema version.

    Raises :class:`DatabaseError` if it cannot be opened or is damaged.
    """
    conn = connect(path, key=key, readonly=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise DatabaseError(f"备份文件 {path.name} 已损坏（{result}），不能用于恢复。")
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def restore(backup_path: pathlib.Path, db_path: pathlib.Path, *, key: bytes | None) -> pathlib.Path | None:
    """Replace the (closed) database at ``db_path`` with ``backup_path``.

    Checks the backup first; the current file is itself backed up (kind
    'before') and that path is returned.  Uses SQLite's backup API into the
    live file, so WAL and shared-memory files stay consistent.
    """
    verify_backup(backup_path, key=key)
    safety = None
    if db_path.exists():
        current = connect(db_path, key=key)
        try:
            safety = backup(current, db_path, kind="before")
        finally:
            current.close()
    source = connect(backup_path, key=key, readonly=True)
    target = connect(db_path, key=key)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return safety


def is_network_path(path: pathlib.Path) -> bool:
    """UNC paths, mapped network drives (Windows) and NFS/SMB mounts (Linux)."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if os.name == "nt":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE
        return False
    try:
        mounts = pathlib.Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    target = os.path.realpath(path.parent if not path.exists() else path)
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, best_type = parts[1], parts[2]
    return best_type in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p"}
