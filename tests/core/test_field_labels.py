"""Every column of every table of a fresh ledger has a Chinese label (the audit trail shows them)."""
from __future__ import annotations

from neighbourhood import field_labels
from neighbourhood.field_labels import COLUMNS, TABLES, label, missing


def _tables(conn) -> dict[str, list[str]]:
    """{table: columns} of a fresh ledger, without SQLite's own and full-text shadow tables."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    out = {}
    for name, _sql in rows:
        if any(name.startswith(v + "_") for v in virtual):
            continue
        out[name] = [r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")]
    return out


def test_every_column_of_every_table_has_a_label(ledger):
    tables = _tables(ledger.conn)
    assert "residents" in tables and "sync_conflicts" in tables
    assert [t for t in tables if t not in TABLES] == []
    assert {t: missing(t, cols) for t, cols in tables.items() if missing(t, cols)} == {}


def test_catalogue_has_no_stale_entries(ledger):
    tables = _tables(ledger.conn)
    assert set(COLUMNS) <= set(tables) and set(TABLES) <= set(tables)
    stale = {t: sorted(set(cols) - set(tables[t])) for t, cols in COLUMNS.items() if set(cols) - set(tables[t])}
    assert stale == {}


def test_labels_and_their_readers_agree():
    from neighbourhood import enrolments, residents
    assert label("residents", "id_number") == "身份证号" and label("needs", "updated_at") == "修改时间"
    assert label("nowhere", "odd_column") == "odd_column"
    assert residents._LABELS["relation"] == label("residents", "relation")
    assert enrolments.LABELS["certificate_no"] == label("hardship_enrolments", "certificate_no")
    assert field_labels.table_label("needs") == "居民诉求"
