"""Opening the ledger's SQLite file.

One binding for the database file: ``sqlcipher3`` (SQLite 3.53 with FTS5, and
encryption for field laptops).  Plaintext databases open with it as well.
"""
from __future__ import annotations

import os
import pathlib
import sqlite3
from typing import TYPE_CHECKING, Any

import sqlcipher3

from db.errors import DatabaseError

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000


def _apply_key(conn: sqlcipher3.Connection, key: str | bytes) -> None:
    # A raw 32-byte key is passed as a blob literal so SQLCipher skips its own
    # key derivation (we derive keys ourselves, once, with Argon2id).
    if isinstance(key, bytes):
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    else:
        quoted = key.replace("'", "''")
        conn.execute(f"PRAGMA key = '{quoted}'")


def connect(path: str | os.PathLike[str], *, key: str | bytes | None = None,
            readonly: bool = False) -> sqlcipher3.Connection:
    """Open a raw connection with the ledger's pragmas.

    Raises :class:`DatabaseError` (Chinese message) when the file is not a
    database or the key is wrong.
    """
    path = pathlib.Path(path)
    if readonly:
        conn = sqlcipher3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                  check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        if key is not None:
            _apply_key(conn, key)
        # Touching the schema is what reveals a wrong key or a foreign file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if key is not None:
            raise DatabaseError(f"无法打开数据库“{path.name}”：密钥不正确，或文件不是台账数据库。") from exc
        raise DatabaseError(
            f"无法打开数据库“{path.name}”：文件已加密或不是台账数据库（{exc}）。") from exc
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed visit must survive a power cut on an old office PC.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


class LazyDatabase:
    """A ``sqlite_utils.Database`` on ``conn``, made on first use.

    Importing sqlite_utils (with its plugin machinery) costs ~80 ms of CPU, which opening
    the window need not pay: reads go through ``conn``, and the first write makes it.
    """

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self.conn = conn
        self._db: "sqlite_utils.Database | None" = None

    @property
    def real(self) -> "sqlite_utils.Database":
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    def __getattr__(self, name: str) -> Any:  # only for names not set above
        return getattr(self.real, name)

    def __getitem__(self, table: str) -> Any:
        return self.real[table]


def wrap(conn: sqlcipher3.Connection) -> "sqlite_utils.Database":
    """A sqlite-utils view on ``conn`` (no plugins: nothing loads at run time), made lazily."""
    return LazyDatabase(conn)  # type: ignore[return-value]


def split_statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole.

    ``executescript`` would COMMIT first, breaking one-transaction migrations.
    """
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
