"""The single write path (db.writes.Writer) and the hash-chained audit trail (db.audit):
every write is audited with its changed fields and actor, the trail is append-only,
tampering is found, and an operation is all or nothing."""
from __future__ import annotations

import json

import pytest

from db import audit, writes
from neighbourhood.access import STAFF, Access

CHAIN = ("SELECT seq, at, user_id, username, action, table_name, record_id, changes, prev_hash, hash"
         " FROM audit_log ORDER BY seq")


def entries(ledger, since: int = 0) -> list[dict]:
    cur = ledger.conn.execute(
        "SELECT seq, user_id, username, action, table_name, record_id, changes FROM audit_log"
        " WHERE seq > ? ORDER BY seq", (since,))
    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        entry = dict(zip(names, row))
        entry["changes"] = json.loads(entry["changes"]) if entry["changes"] else None
        out.append(entry)
    return out


def last_seq(ledger) -> int:
    return ledger.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]


def drop_triggers(ledger) -> None:
    """What someone with a raw SQLite tool could do to hide their tracks."""
    ledger.conn.execute("DROP TRIGGER audit_log_no_update")
    ledger.conn.execute("DROP TRIGGER audit_log_no_delete")
    ledger.conn.commit()


@pytest.fixture
def staff(ledger):
    ledger.access = Access(role=STAFF, user_id="user-42", username="zhangmin", display_name="张敏")
    return ledger


@pytest.fixture
def worked(staff):
    """A ledger with a little history: 12 or so audited writes."""
    grid = staff.grids.add(name="第一网格")
    building = staff.buildings.add(grid_id=grid.id, name="1栋")
    household = staff.households.add(building_id=building.id, unit="101")
    resident = staff.residents.add(household_id=household.id, name="王伟", relation="户主",
                                   id_number="11010519491231002X")
    staff.residents.update(resident.id, phone="13800138000")
    staff.residents.mark_left(resident.id)
    staff.residents.reinstate(resident.id)
    assert last_seq(staff) >= 10
    return staff


# --- every write is audited --------------------------------------------------------------

def test_insert_is_audited_with_new_values_and_actor(staff):
    seq = last_seq(staff)
    grid = staff.grids.add(name="第一网格", worker_name="李娜")
    [entry] = entries(staff, seq)
    assert (entry["action"], entry["table_name"], entry["record_id"]) == ("insert", "grids", grid.id)
    assert (entry["user_id"], entry["username"]) == ("user-42", "zhangmin")
    changes = entry["changes"]
    assert changes["name"] == [None, "第一网格"] and changes["worker_name"] == [None, "李娜"]
    assert changes["id"] == [None, grid.id]
    # Stamps are bookkeeping, not changes; empty fields are not listed.
    assert not {"created_at", "updated_at", "updated_by", "notes"} & set(changes)
    row = staff.conn.execute("SELECT updated_by FROM grids WHERE id = ?", (grid.id,)).fetchone()
    assert row[0] == "zhangmin"


def test_update_is_audited_with_old_and_new_of_changed_fields_only(staff):
    grid = staff.grids.add(name="第一网格", worker_name="李娜", code="G01")
    seq = last_seq(staff)
    staff.grids.update(grid.id, worker_name="王建国", code="G01", notes="换人")
    [entry] = entries(staff, seq)
    assert (entry["action"], entry["record_id"], entry["username"]) == ("update", grid.id, "zhangmin")
    assert entry["changes"] == {"worker_name": ["李娜", "王建国"], "notes": [None, "换人"]}
    # Nothing changed: no write, no entry.
    seq = last_seq(staff)
    staff.grids.update(grid.id, worker_name="王建国")
    assert entries(staff, seq) == []


def test_soft_delete_and_restore_are_audited(staff):
    grid = staff.grids.add(name="第一网格")
    seq = last_seq(staff)
    staff.grids.delete(grid.id)
    [entry] = entries(staff, seq)
    assert entry["action"] == "delete" and entry["table_name"] == "grids"
    old, new = entry["changes"]["deleted_at"]
    assert old is None and new
    assert staff.conn.execute("SELECT count(*) FROM grids WHERE id = ?", (grid.id,)).fetchone()[0] == 1
    seq = last_seq(staff)
    with staff.operation("恢复"):
        staff.writer.restore("grids", grid.id)
    [entry] = entries(staff, seq)
    assert entry["action"] == "restore" and entry["changes"]["deleted_at"] == [new, None]


def test_every_write_of_a_service_call_is_audited(staff):
    """A resident registration writes 3 records (resident, event, household head): 3 entries."""
    grid = staff.grids.add(name="第一网格")
    building = staff.buildings.add(grid_id=grid.id, name="1栋")
    household = staff.households.add(building_id=building.id, unit="101")
    seq = last_seq(staff)
    resident = staff.residents.add(household_id=household.id, name="王伟", relation="户主")
    got = [(e["action"], e["table_name"], e["record_id"]) for e in entries(staff, seq)]
    event_id = staff.conn.execute("SELECT id FROM resident_events WHERE resident_id = ?",
                                  (resident.id,)).fetchone()[0]
    assert got == [("insert", "residents", resident.id), ("insert", "resident_events", event_id),
                   ("update", "households", household.id)]
    assert entries(staff, seq)[-1]["changes"] == {"head_resident_id": [None, resident.id]}
    assert {e["username"] for e in entries(staff, seq)} == {"zhangmin"}


def test_secrets_are_redacted_in_the_trail(staff):
    seq = last_seq(staff)
    with staff.operation("用户"):
        staff.writer.insert("users", dict(username="u1", display_name="甲", role="staff",
                                           password_hash="$argon2id$secret", wrapped_key="k3y"))
    [entry] = entries(staff, seq)
    assert entry["changes"]["password_hash"] == ["***", "***"]
    assert entry["changes"]["wrapped_key"] == ["***", "***"]
    raw = staff.conn.execute("SELECT changes FROM audit_log WHERE seq = ?", (entry["seq"],)).fetchone()[0]
    assert "secret" not in raw and "k3y" not in raw


# --- append only -------------------------------------------------------------------------

def test_audit_log_update_and_delete_are_refused(worked):
    conn = worked.conn
    before = conn.execute(CHAIN).fetchall()
    with pytest.raises(Exception, match="审计记录只能追加，不能修改"):
        conn.execute("UPDATE audit_log SET username = 'someone' WHERE seq = 2")
    conn.rollback()
    with pytest.raises(Exception, match="审计记录只能追加，不能删除"):
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    conn.rollback()
    with pytest.raises(Exception, match="不能删除"):
        conn.execute("DELETE FROM audit_log")
    conn.rollback()
    assert conn.execute(CHAIN).fetchall() == before
    assert worked.verify_audit() == []


def test_chain_links_entries(worked):
    rows = worked.conn.execute(CHAIN).fetchall()
    assert rows[0][8] == audit.GENESIS
    for prev, row in zip(rows, rows[1:]):
        assert row[8] == prev[9]
        assert row[0] == prev[0] + 1
    assert audit.verify(worked.conn) == []


def test_verify_is_clean_after_real_work(demo_ledger):
    demo_ledger.residents.update(
        demo_ledger.conn.execute("SELECT id FROM residents LIMIT 1").fetchone()[0], notes="核对")
    demo_ledger.undo_last()
    assert demo_ledger.verify_audit() == []
    assert demo_ledger.check().ok


# --- tampering is detected ---------------------------------------------------------------

def test_edited_entry_is_reported(worked):
    drop_triggers(worked)
    target = 5
    changes = worked.conn.execute("SELECT changes FROM audit_log WHERE seq = ?", (target,)).fetchone()[0]
    forged = changes.replace("1", "7", 1) if "1" in changes else changes + " "
    worked.conn.execute("UPDATE audit_log SET changes = ? WHERE seq = ?", (forged, target))
    worked.conn.commit()
    problems = audit.verify(worked.conn)
    assert [p.seq for p in problems] == [target]
    assert "内容被改动" in problems[0].message and f"第 {target} 条" in problems[0].message


def test_edited_entry_with_recomputed_hash_is_reported_at_the_next(worked):
    """A forger who recomputes the edited entry's own hash still breaks the next link."""
    drop_triggers(worked)
    target = 4
    row = worked.conn.execute(CHAIN.replace("ORDER BY seq", "WHERE seq = ?"), (target,)).fetchone()
    seq, at, user_id, username, action, table_name, record_id, changes, prev_hash, _digest = row
    digest = audit.entry_hash(prev_hash, at, user_id, "admin", action, table_name, record_id, changes)
    worked.conn.execute("UPDATE audit_log SET username = 'admin', hash = ? WHERE seq = ?", (digest, target))
    worked.conn.commit()
    problems = audit.verify(worked.conn)
    assert [p.seq for p in problems] == [target + 1]
    assert "前一条哈希不符" in problems[0].message


def test_deleted_middle_entry_is_reported(worked):
    drop_triggers(worked)
    worked.conn.execute("DELETE FROM audit_log WHERE seq = 6")
    worked.conn.commit()
    messages = [p.message for p in audit.verify(worked.conn)]
    assert any("第 6–6 条审计记录缺失" in m for m in messages), messages
    assert worked.verify_audit() == messages
    assert not worked.check().ok


def test_deleted_first_entry_is_reported(worked):
    drop_triggers(worked)
    worked.conn.execute("DELETE FROM audit_log WHERE seq = 1")
    worked.conn.commit()
    problems = audit.verify(worked.conn)
    assert problems and problems[0].seq == 2 and "前一条哈希不符" in problems[0].message


def test_deleted_last_entries_are_reported(worked):
    total = last_seq(worked)
    drop_triggers(worked)
    worked.conn.execute("DELETE FROM audit_log WHERE seq > ?", (total - 3,))
    worked.conn.commit()
    problems = audit.verify(worked.conn)
    assert len(problems) == 1
    assert problems[0].seq == total and "最后 3 条审计记录缺失" in problems[0].message


# --- operations: all or nothing ----------------------------------------------------------

def _snapshot(ledger) -> dict:
    conn = ledger.conn
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("grids", "buildings", "households", "residents", "resident_events", "audit_log",
                      "sqlite_sequence")}


def test_failing_operation_rolls_back_all_writes_and_audit_entries(worked):
    before = _snapshot(worked)
    last = worked.undoable
    household = worked.conn.execute("SELECT id FROM households").fetchone()[0]
    with pytest.raises(RuntimeError, match="boom"):
        with worked.operation("批量") as op:
            grid = worked.grids.add(name="第二网格")
            worked.buildings.add(grid_id=grid.id, name="2栋")
            worked.residents.add(household_id=household, name="李娜")
            assert op.count == 4 and last_seq(worked) == before["audit_log"][-1][0] + 4
            raise RuntimeError("boom")
    assert _snapshot(worked) == before
    assert not worked.conn.in_transaction
    assert worked.undoable is last
    assert worked.verify_audit() == []
    # The next entry continues the chain where it was.
    worked.grids.add(name="第二网格")
    assert worked.verify_audit() == []


def test_failing_hook_undoes_the_write(worked):
    before = _snapshot(worked)

    def refuse(write, actor, now):
        if write.table == "grids":
            raise ValueError("hook says no")

    worked.writer.hooks.append(refuse)
    try:
        with pytest.raises(ValueError, match="hook says no"):
            worked.grids.add(name="第三网格")
    finally:
        worked.writer.hooks.remove(refuse)
    assert _snapshot(worked) == before


def test_nested_operations_join_the_outer_one(staff):
    with staff.operation("建网格和楼栋") as op:
        grid = staff.grids.add(name="第一网格")          # its own operation, joined
        staff.buildings.add(grid_id=grid.id, name="1栋")
    assert op.count == 2 and op.tables == {"grids", "buildings"}
    assert staff.undoable is op and op.label == "建网格和楼栋"
    staff.undo_last()
    assert staff.grids.list() == [] and staff.buildings.list() == []
    assert staff.verify_audit() == []


def test_huge_operation_is_not_undoable(staff, monkeypatch):
    monkeypatch.setattr(writes, "UNDO_LIMIT", 3)
    with staff.operation("导入") as op:
        for i in range(5):
            staff.writer.insert("grids", {"name": f"网格{i}"})
    assert op.count == 5 and op.writes == [] and op.tables == {"grids"}
    assert not op.undoable
    assert staff.undoable is None
    assert len(entries(staff)) == 5  # still audited in full


def test_caught_inner_failure_does_not_leave_ghost_writes_for_undo(staff):
    """Regression: an inner operation that fails and is caught inside an outer one is rolled
    back to its savepoint; its writes used to stay in the outer Operation, so undoing the outer
    operation crashed with ``KeyError('grids:<id>')`` and nothing was undone."""
    with staff.operation("外层") as op:
        kept = staff.writer.insert("grids", {"name": "保留"})
        try:
            with staff.operation("内层"):
                staff.writer.insert("grids", {"name": "回滚"})
                raise ValueError("inner fails")
        except ValueError:
            pass
    assert staff.conn.execute("SELECT count(*) FROM grids").fetchone()[0] == 1
    assert [w.record_id for w in op.writes] == [kept]
    assert op.count == 1
    staff.undo_last()
    assert staff.grids.list() == []
