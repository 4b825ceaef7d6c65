"""The bulk write path (Writer.bulk / insert_many): the same audit entries, chain and search
documents as writing row by row, one transaction, undo, and rollback on failure."""
from __future__ import annotations

import json

import pytest

from db import audit
from neighbourhood.access import STAFF, Access
from neighbourhood.ledger import Ledger


def _entries(ledger, since: int = 0) -> list[tuple]:
    return [(a, t, r, json.loads(c) if c else None) for a, t, r, c in ledger.conn.execute(
        "SELECT action, table_name, record_id, changes FROM audit_log WHERE seq > ? ORDER BY seq",
        (since,))]


def _seq(ledger) -> int:
    return ledger.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]


def _matches(ledger, table: str, query: str) -> list[int]:
    return sorted(r[0] for r in ledger.conn.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,)))


@pytest.fixture
def pair(tmp_path):
    """Two ledgers with the same grid and building (same ids), signed in as staff."""
    out = []
    for name in ("rows", "bulk"):
        ledger = Ledger.open(tmp_path / f"{name}.db")
        ledger.access = Access(role=STAFF, user_id="u1", username="zhangmin", display_name="张敏")
        with ledger.operation("setup"):
            ledger.writer.insert("grids", dict(id="g1", name="第一网格"))
            ledger.writer.insert("buildings", dict(id="b1", grid_id="g1", name="12栋", sort_no=12))
        out.append(ledger)
    yield out
    for ledger in out:
        ledger.close()


HOUSEHOLDS = [dict(id=f"h{i}", building_id="b1", entrance="2", unit=f"{i}01") for i in range(1, 4)]
RESIDENTS = [dict(id=f"r{i}{j}", household_id=f"h{i}", name=name, relation=rel,
                  id_number=None, phone=f"1380013{i}{j}00", name_pinyin="x")
             for i in range(1, 4) for j, (name, rel) in enumerate((("王建国", "户主"), ("李秀英", "配偶")))]


def _row_by_row(ledger) -> None:
    with ledger.operation("导入"):
        for hh in HOUSEHOLDS:
            ledger.writer.insert("households", hh)
        for r in RESIDENTS:
            ledger.writer.insert("residents", r)


def _bulk(ledger) -> None:
    with ledger.operation("导入"), ledger.writer.bulk():
        ledger.writer.insert_many("households", HOUSEHOLDS)
        ledger.writer.insert_many("residents", RESIDENTS)


def test_bulk_audits_every_row_like_row_by_row_and_the_chain_verifies(pair):
    rows, bulk = pair
    since = _seq(rows)
    _row_by_row(rows)
    _bulk(bulk)
    assert _entries(bulk, since) == _entries(rows, since)
    assert len(_entries(bulk, since)) == len(HOUSEHOLDS) + len(RESIDENTS)
    # Defaults the table fills in (status, residence_status) are in the trail, as stored.
    first = _entries(bulk, since)[len(HOUSEHOLDS)]
    assert first[3]["residence_status"] == [None, "户籍"] and first[3]["status"] == [None, "在册"]
    assert audit.verify(bulk.conn) == []
    # Row-by-row writes after a bulk block continue the same chain.
    bulk.residents.update("r10", phone="13900000000")
    assert audit.verify(bulk.conn) == []


def test_bulk_builds_the_same_search_documents(pair):
    rows, bulk = pair
    _row_by_row(rows)
    _bulk(bulk)
    for table, query in (("search_tri", "王建国"), ("search_tri", "12栋2单元101"),
                         ("search_uni", '"李 秀"'), ("search_uni", "tails:00013100831*")):
        found = _matches(bulk, table, query)
        assert found and found == _matches(rows, table, query), (table, query)


def test_household_document_shows_the_head_set_in_the_same_bulk_block(pair):
    _, bulk = pair
    with bulk.operation("导入"), bulk.writer.bulk():
        bulk.writer.insert_many("households", [dict(id="h9", building_id="b1", unit="901",
                                                    head_resident_id="r9")])
        bulk.writer.insert_many("residents", [dict(id="r9", household_id="h9", name="赵志强",
                                                   relation="户主")])
    hh_rowid = bulk.conn.execute("SELECT rowid FROM households WHERE id = 'h9'").fetchone()[0]
    assert hh_rowid * 2 + 1 in _matches(bulk, "search_tri", "赵志强")


def test_bulk_is_one_undoable_operation(pair):
    _, bulk = pair
    _bulk(bulk)
    op = bulk.undoable
    assert op is not None and op.count == len(HOUSEHOLDS) + len(RESIDENTS)
    assert op.ids("residents") == {r["id"] for r in RESIDENTS}
    bulk.undo_last()
    live = bulk.conn.execute("SELECT count(*) FROM residents WHERE deleted_at IS NULL").fetchone()[0]
    assert live == 0
    assert _matches(bulk, "search_tri", "王建国") == []
    assert audit.verify(bulk.conn) == []


def test_a_failing_hook_rolls_the_whole_block_back(pair):
    _, bulk = pair
    since = _seq(bulk)

    def refuse(write, actor, now):
        if write.record_id == "r31":
            raise RuntimeError("refused")
    bulk.writer.hooks.append(refuse)
    try:
        with pytest.raises(RuntimeError):
            _bulk(bulk)
    finally:
        bulk.writer.hooks.remove(refuse)
    assert bulk.conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 0
    assert bulk.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    assert _seq(bulk) == since
    assert _matches(bulk, "search_tri", "王建国") == []


def test_an_error_inside_the_block_rolls_back_rows_already_inserted(pair):
    _, bulk = pair
    with pytest.raises(KeyboardInterrupt):
        with bulk.operation("导入"), bulk.writer.bulk():
            bulk.writer.insert_many("households", HOUSEHOLDS)
            raise KeyboardInterrupt     # as Cancel does between chunks
    assert bulk.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_a_failed_nested_savepoint_leaves_no_audit_entries_behind(pair):
    _, bulk = pair
    since = _seq(bulk)
    with bulk.operation("导入"), bulk.writer.bulk():
        bulk.writer.insert_many("households", HOUSEHOLDS[:1])
        with pytest.raises(ValueError):
            with bulk.operation("inner"):
                bulk.writer.insert_many("households", HOUSEHOLDS[1:])
                raise ValueError
    assert [e[2] for e in _entries(bulk, since)] == ["h1"]
    assert audit.verify(bulk.conn) == []


def test_bulk_needs_an_operation(pair):
    _, bulk = pair
    with pytest.raises(RuntimeError):
        with bulk.writer.bulk():
            pass
    # insert_many alone opens its own operation and runs the hooks at its end.
    bulk.writer.insert_many("households", HOUSEHOLDS[:1])
    assert [e[2] for e in _entries(bulk)][-1] == "h1"


def test_insert_changes_shortcut_matches_the_general_form():
    from db.writes import Write

    new = {"id": "u1", "username": "li", "password_hash": "secret", "notes": None, "active": 1,
           "created_at": "t", "updated_at": "t", "updated_by": "x", "deleted_at": None}
    shortcut = audit.changes_of(Write("users", "u1", "insert", None, new))
    general = audit.changes_of(Write("users", "u1", "insert", {}, new))   # old={} takes the general path
    assert shortcut == general
    assert shortcut["password_hash"] == ["***", "***"] and "notes" not in shortcut


def test_bulk_restores_the_page_cache_and_the_collector(pair):
    import gc

    _, bulk = pair
    before = bulk.conn.execute("PRAGMA cache_size").fetchone()[0]
    with pytest.raises(ValueError):
        with bulk.operation("导入"), bulk.writer.bulk():
            assert not gc.isenabled()
            bulk.writer.insert_many("households", HOUSEHOLDS)
            raise ValueError
    assert gc.isenabled()
    assert bulk.conn.execute("PRAGMA cache_size").fetchone()[0] == before
