"""Numbered, append-only schema migrations (``PRAGMA user_version``).

A new database takes the same path as an old one: every migration from the
file's version to :data:`HEAD` runs in one transaction.  Before an existing
database is migrated a consistent copy is written beside it with
``VACUUM INTO`` (safe on a live WAL database, unlike a file copy).
"""
from __future__ import annotations

import datetime as _dt
import importlib.resources
import pathlib
from typing import Callable

from db.connection import split_statements
from db.errors import DatabaseError, DatabaseTooNew


def _sql(name: str) -> Callable[[object], None]:
    def apply(conn) -> None:
        text = importlib.resources.files("db.schema").joinpath(name).read_text("utf-8")
        for statement in split_statements(text):
            conn.execute(statement)
    apply.__name__ = name
    return apply


def _then(*steps: Callable[[object], None]) -> Callable[[object], None]:
    def apply(conn) -> None:
        for step in steps:
            step(conn)
    return apply


def _rebuild_search(conn) -> None:
    from db.search_index import rebuild
    rebuild(conn)


# Python steps that run after a numbered SQL file (data that SQL alone cannot build).
POST_STEPS: dict[int, Callable[[object], None]] = {3: _rebuild_search}


def _discover() -> list[tuple[int, str, Callable[[object], None]]]:
    """Every ``db/schema/NNNN_name.sql``, in order.  Append only: never edit a landed file."""
    found = []
    for entry in importlib.resources.files("db.schema").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            number = int(name[:4])
            step = _sql(name)
            if number in POST_STEPS:
                step = _then(step, POST_STEPS[number])
            found.append((number, name[5:-4].replace("_", " "), step))
    found.sort(key=lambda item: item[0])
    numbers = [n for n, _d, _s in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"schema files must be numbered 0001.. without gaps: {numbers}")
    return found


MIGRATIONS: list[tuple[int, str, Callable[[object], None]]] = _discover()
HEAD = MIGRATIONS[-1][0]


def version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_before_migrating(conn, path: pathlib.Path, from_version: int) -> pathlib.Path:
    """Write ``<name>.v<N>-<stamp>.bak`` next to ``path``; returns its path."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    n = 1
    while target.exists():  # a retry within the same second keeps the first copy
        target = path.with_name(f"{path.name}.v{from_version}-{stamp}-{n}.bak")
        n += 1
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    except Exception as exc:  # a full disk: say so in Chinese, and do not migrate
        target.unlink(missing_ok=True)
        raise DatabaseError(f"升级前备份失败（{exc}），数据库未改动。请检查磁盘空间后重试。") from exc
    return target


def migrate(conn, *, path: pathlib.Path | None = None, upto: int | None = None) -> int:
    """Bring the database to ``upto`` (default :data:`HEAD`); returns the new version.

    Runs on the calling thread in one transaction; on any error the file is
    left exactly as it was.  Raises :class:`DatabaseTooNew` for a file written
    by a newer app.
    """
    target = HEAD if upto is None else upto
    current = version(conn)
    if current > HEAD:
        raise DatabaseTooNew(
            f"此数据库由更新版本的社区台账创建（结构版本 {current}，本程序支持到 {HEAD}），"
            "为防止数据损坏已拒绝打开。请安装最新版本后再打开。")
    if current >= target:
        return current
    if current > 0 and path is not None:
        backup_before_migrating(conn, path, current)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number, _description, step in MIGRATIONS:
            if current < number <= target:
                step(conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except Exception as exc:
        conn.execute("ROLLBACK")
        raise DatabaseError(f"数据库升级失败，原文件未改动：{exc}") from exc
    return target
