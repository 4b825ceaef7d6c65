"""Schema migrations: empty → HEAD, an old database upgrades (with a backup), a newer one
is refused untouched, a failing step rolls back, and the connection pragmas."""
from __future__ import annotations

import importlib.resources
import pathlib
import re

import pytest

from db import migrations
from db.connection import connect
from db.errors import DatabaseError, DatabaseTooNew
from neighbourhood.ledger import Ledger

NOW = "2024-01-02T03:04:05.000000Z"
GRID_ID = "00000000-0000-4000-8000-000000000001"
BUILDING_ID = "00000000-0000-4000-8000-000000000002"
HOUSEHOLD_ID = "00000000-0000-4000-8000-000000000003"
RESIDENT_ID = "00000000-0000-4000-8000-000000000004"
ID_NUMBER = "11010519491231002X"  # valid check character (the GB 11643 example)


def _schema_tables() -> set[str]:
    """Every table the numbered schema files create (plain and virtual)."""
    names: set[str] = set()
    for entry in importlib.resources.files("db.schema").iterdir():
        if entry.name.endswith(".sql"):
            text = entry.read_text("utf-8")
            names |= set(re.findall(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(\w+)", text, re.IGNORECASE))
    return names


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _schema(conn) -> list[tuple[str, str, str]]:
    """Schema objects (type, name, sql) excluding FTS shadow tables and internal ones."""
    return sorted((t, n, s or "") for t, n, s in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def _make_v1(path: pathlib.Path) -> None:
    """A database as version 1 of the app left it, with one of each registry record."""
    conn = connect(path)
    try:
        assert migrations.migrate(conn, upto=1) == 1
        conn.execute("INSERT INTO grids (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                     (GRID_ID, "第一网格", NOW, NOW))
        conn.execute("INSERT INTO buildings (id, grid_id, name, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?)", (BUILDING_ID, GRID_ID, "12栋", NOW, NOW))
        conn.execute("INSERT INTO households (id, building_id, entrance, unit, head_resident_id,"
                     " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (HOUSEHOLD_ID, BUILDING_ID, "2", "301", RESIDENT_ID, NOW, NOW))
        conn.execute("INSERT INTO residents (id, household_id, name, sex, birth_date, id_number,"
                     " relation, name_pinyin, name_initials, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (RESIDENT_ID, HOUSEHOLD_ID, "欧阳娜", "女", "1949-12-31", ID_NUMBER, "户主",
                      "ouyangna", "oyn", NOW, NOW))
        conn.commit()
        assert migrations.version(conn) == 1
    finally:
        conn.close()


def _has_v1_data(conn) -> None:
    assert conn.execute("SELECT name FROM grids WHERE id = ?", (GRID_ID,)).fetchone() == ("第一网格",)
    assert conn.execute("SELECT name FROM buildings WHERE id = ?", (BUILDING_ID,)).fetchone() == ("12栋",)
    assert conn.execute("SELECT unit, head_resident_id FROM households WHERE id = ?",
                        (HOUSEHOLD_ID,)).fetchone() == ("301", RESIDENT_ID)
    assert conn.execute("SELECT name, id_number FROM residents WHERE id = ?",
                        (RESIDENT_ID,)).fetchone() == ("欧阳娜", ID_NUMBER)


# --- empty → HEAD ------------------------------------------------------------------------

def test_migrations_are_numbered_without_gaps():
    numbers = [n for n, _d, _s in migrations.MIGRATIONS]
    assert numbers == list(range(1, migrations.HEAD + 1))
    assert migrations.HEAD >= 6


@pytest.mark.parametrize("touch", [False, True], ids=["missing file", "empty file"])
def test_new_database_reaches_head_with_all_tables(tmp_path, touch):
    path = tmp_path / "new.db"
    if touch:
        path.write_bytes(b"")
    with Ledger.open(path) as ledger:
        assert migrations.version(ledger.conn) == migrations.HEAD
        expected = _schema_tables()
        assert {"grids", "buildings", "households", "residents", "resident_events", "users",
                "audit_log", "search_tri", "search_uni", "visits", "hardship_enrolments",
                "meetings", "needs"} <= expected
        missing = expected - _tables(ledger.conn)
        assert not missing
        # Triggers of the audit trail are part of the schema too.
        triggers = {r[0] for r in ledger.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
        # Seed rows of a migration are there (built-in hardship categories).
        assert ledger.conn.execute("SELECT count(*) FROM hardship_categories WHERE builtin = 1").fetchone()[0] >= 10
    # A brand-new database has nothing to back up.
    assert list(tmp_path.glob("*.bak")) == []


def test_migrate_upto_stops_at_that_version(tmp_path):
    conn = connect(tmp_path / "v1.db")
    try:
        assert migrations.migrate(conn, upto=1) == 1
        assert migrations.version(conn) == 1
        tables = _tables(conn)
        assert {"grids", "buildings", "households", "residents", "resident_events"} <= tables
        assert "audit_log" not in tables and "users" not in tables
        # Asking again for a version already reached does nothing.
        assert migrations.migrate(conn, upto=1) == 1
    finally:
        conn.close()


# --- an old database upgrades --------------------------------------------------------------

def test_v1_database_upgrades_on_open_keeps_data_and_leaves_backup(tmp_path):
    path = tmp_path / "ledger.db"
    _make_v1(path)
    with Ledger.open(path) as ledger:
        assert migrations.version(ledger.conn) == migrations.HEAD
        assert _schema_tables() <= _tables(ledger.conn)
        _has_v1_data(ledger.conn)
        # Services work on the upgraded data …
        resident = ledger.residents.get(RESIDENT_ID)
        assert resident.name == "欧阳娜" and resident.household_id == HOUSEHOLD_ID
        assert ledger.households.address(HOUSEHOLD_ID) == "12栋2单元301室"
        # … and migration 3's Python step indexed the old rows for search.
        hits = ledger.search.find("欧阳娜")
        assert [h.id for h in hits if h.kind == "resident"] == [RESIDENT_ID]
        # The upgraded file audits new writes.
        ledger.residents.update(RESIDENT_ID, phone="13800138000")
        assert ledger.verify_audit() == []

    backups = list(tmp_path.glob("ledger.db.v1-*.bak"))
    assert len(backups) == 1, list(tmp_path.iterdir())
    assert re.fullmatch(r"ledger\.db\.v1-\d{8}-\d{6}\.bak", backups[0].name)
    conn = connect(backups[0], readonly=True)
    try:
        assert migrations.version(conn) == 1
        _has_v1_data(conn)
        assert "audit_log" not in _tables(conn)
    finally:
        conn.close()

    # Opening again at HEAD makes no further backup.
    with Ledger.open(path) as ledger:
        assert ledger.residents.get(RESIDENT_ID).phone == "13800138000"
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_upgraded_schema_equals_new_schema(tmp_path):
    """A new database takes the same path as an old one: identical schema objects."""
    _make_v1(tmp_path / "old.db")
    with Ledger.open(tmp_path / "old.db") as old, Ledger.open(tmp_path / "new.db") as new:
        assert _schema(old.conn) == _schema(new.conn)


# --- a newer database is refused -------------------------------------------------------

def test_database_from_newer_app_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.db"
    with Ledger.open(path) as ledger:
        ledger.grids.add(name="第一网格")
        ledger.conn.execute(f"PRAGMA user_version = {migrations.HEAD + 1}")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as err:
        Ledger.open(path)
    message = str(err.value)
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert "更新版本" in message and str(migrations.HEAD + 1) in message and str(migrations.HEAD) in message
    assert isinstance(err.value, DatabaseError)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.bak")) == []


# --- a failing step rolls back -----------------------------------------------------------

def _failing_last_step(conn) -> None:
    conn.execute("CREATE TABLE half_done (x INTEGER)")
    conn.execute("INSERT INTO half_done VALUES (1)")
    raise RuntimeError("disk on fire")


def test_failing_migration_rolls_back_everything(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    _make_v1(path)
    conn = connect(path)
    try:
        schema_before = _schema(conn)
        steps = [s for s in migrations.MIGRATIONS if s[0] < migrations.HEAD]
        monkeypatch.setattr(migrations, "MIGRATIONS",
                            steps + [(migrations.HEAD, "boom", _failing_last_step)])
        with pytest.raises(DatabaseError, match="数据库升级失败，原文件未改动") as err:
            migrations.migrate(conn)
        assert "disk on fire" in str(err.value)
        assert not conn.in_transaction
        # Steps 2..HEAD-1 ran before the failure; none of them may remain.
        assert migrations.version(conn) == 1
        assert _schema(conn) == schema_before
        assert "half_done" not in _tables(conn) and "audit_log" not in _tables(conn)
        _has_v1_data(conn)
    finally:
        conn.close()


def test_failing_migration_through_ledger_open_keeps_file_usable(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    _make_v1(path)
    steps = [s for s in migrations.MIGRATIONS if s[0] < migrations.HEAD]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps + [(migrations.HEAD, "boom", _failing_last_step)])
    with pytest.raises(DatabaseError, match="数据库升级失败"):
        Ledger.open(path)
    conn = connect(path)
    try:
        assert migrations.version(conn) == 1
        _has_v1_data(conn)
    finally:
        conn.close()
    monkeypatch.undo()
    with Ledger.open(path) as ledger:  # the real migrations still succeed afterwards
        assert migrations.version(ledger.conn) == migrations.HEAD
        _has_v1_data(ledger.conn)


class _FrozenDatetime:
    """Stands in for ``datetime`` in db.migrations: every backup gets the same stamp."""
    import datetime as _real

    @classmethod
    def now(cls, tz=None):
        return cls._real.datetime(2024, 5, 6, 7, 8, 9)


def test_retry_after_failed_migration_in_the_same_second(tmp_path, monkeypatch):
    """Regression: a failed upgrade leaves its ``.v1-<stamp>.bak``; a retry within the same
    second (the stamp has 1 s resolution) used to crash in VACUUM INTO with an English
    ``OperationalError: output file already exists`` instead of upgrading."""
    import types

    monkeypatch.setattr(migrations, "_dt", types.SimpleNamespace(datetime=_FrozenDatetime))
    path = tmp_path / "ledger.db"
    _make_v1(path)
    real = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        [s for s in real if s[0] < migrations.HEAD] + [(migrations.HEAD, "boom", _failing_last_step)])
    with pytest.raises(DatabaseError):
        Ledger.open(path)
    assert len(list(tmp_path.glob("ledger.db.v1-*.bak"))) == 1
    monkeypatch.setattr(migrations, "MIGRATIONS", real)
    with Ledger.open(path) as ledger:
        assert migrations.version(ledger.conn) == migrations.HEAD
        _has_v1_data(ledger.conn)
    # Both backups are kept: the one of the failed attempt and the one of this upgrade.
    assert len(list(tmp_path.glob("ledger.db.v1-*.bak"))) == 2


# --- connection pragmas ------------------------------------------------------------------

def test_connection_pragmas(ledger):
    conn = ledger.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    # foreign_keys really is enforced.
    with pytest.raises(Exception, match="FOREIGN KEY"):
        conn.execute("INSERT INTO buildings (id, grid_id, name, created_at, updated_at)"
                     " VALUES ('b', 'no-such-grid', 'x', ?, ?)", (NOW, NOW))
    conn.rollback()


def test_readonly_connection_keeps_pragmas(tmp_path):
    with Ledger.open(tmp_path / "ledger.db"):
        pass
    conn = connect(tmp_path / "ledger.db", readonly=True)
    try:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent in the file
    finally:
        conn.close()


# --- indexes for the hot paths at street-office scale (500k residents) ---------------------

def _plan(conn, sql: str, params=()) -> str:
    return " | ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_household_head_lookup_uses_an_index(ledger):
    """PERFORMANCE BUG (see report / benchmarks/README.md): every resident write re-indexes
    for search the household it heads (``h.head_resident_id = ?``), and no index covers that
    column, so each write scans all households: 35–50 ms per write at 200k households."""
    from db import search_index
    plan = _plan(ledger.conn, search_index._HOUSEHOLD_SQL + " WHERE h.head_resident_id = ?", ("x",))
    assert "SCAN h" not in plan, plan


def test_residents_listing_is_an_index_only_scan(ledger):
    """PERFORMANCE BUG (see report): the residents table loads its ids ordered by pinyin with
    ``status = '在册'``; the partial index on ``name_pinyin`` lacks ``status``, so each of 500k
    rows costs a random table lookup (1.7 s first paint; 0.2 s with a covering index)."""
    from db.queries.registry import resident_rowids
    sql_seen = []
    ledger.conn.set_trace_callback(sql_seen.append)
    try:
        list(resident_rowids(ledger.conn))
    finally:
        ledger.conn.set_trace_callback(None)
    [sql] = [s for s in sql_seen if "FROM residents" in s]
    plan = _plan(ledger.conn, sql)
    assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, plan
