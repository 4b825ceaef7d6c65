"""Field-laptop sync: check-out, change log, return files, merge, conflicts, refusals."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from neighbourhood.errors import ValidationError
from neighbourhood.ledger import Ledger
from neighbourhood.sync.bundle import SyncFileError
from neighbourhood.sync.checkout import open_checkout

PASS = "口令secret"
KDF = 2 ** 10  # a cheap scrypt for tests; the format stores the cost it was written with


def make_laptop(office: Ledger, folder: pathlib.Path, name: str = "网格一笔记本", grid: int = 0) -> Ledger:
    out = folder / f"{name}.nlsync"
    office.sync.checkout(grid_ids=[office.grids.list()[grid].id], out=out, passphrase=PASS,
                         device_name=name, kdf_n=KDF)
    dest = folder / f"{name}.db"
    open_checkout(out, PASS, dest)
    return Ledger.open(dest)


def refresh(office: Ledger, laptop: Ledger, folder: pathlib.Path) -> pathlib.Path:
    """A fresh check-out of grid 1 opened over ``laptop``'s working copy (what it has not
    returned is carried over); returns the working copy's path, to open again."""
    out = folder / "refresh.nlsync"
    office.sync.checkout(grid_ids=[office.grids.list()[0].id], out=out, passphrase=PASS,
                         device_name="网格一笔记本", kdf_n=KDF)
    open_checkout(out, PASS, laptop.path, previous=laptop)
    return laptop.path


def export(laptop: Ledger, folder: pathlib.Path, name: str = "return.nlsync") -> pathlib.Path:
    return laptop.sync.export(out=folder / name, passphrase=PASS, kdf_n=KDF).path


def a_resident(ledger: Ledger) -> str:
    return ledger.conn.execute("SELECT id FROM residents WHERE deleted_at IS NULL AND id_number IS NOT NULL "
                               "ORDER BY id LIMIT 1").fetchone()[0]


def a_household(ledger: Ledger) -> str:
    return ledger.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]


def snapshot(ledger: Ledger) -> dict:
    """Everything merge can touch, for 'nothing changed' checks."""
    out = {}
    for table in ("residents", "households", "visits", "sync_conflicts", "sync_bundles", "sync_devices"):
        out[table] = ledger.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    out["audit"] = ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return out


@pytest.fixture
def pair(demo_ledger, tmp_path):
    laptop = make_laptop(demo_ledger, tmp_path)
    yield demo_ledger, laptop
    laptop.close()


def test_checkout_holds_only_the_grid_and_the_needed_columns(pair):
    office, laptop = pair
    grid = office.grids.list()[0]
    assert [g.id for g in laptop.grids.list()] == [grid.id]
    office_households = office.conn.execute(
        "SELECT count(*) FROM households h JOIN buildings b ON b.id = h.building_id "
        "WHERE b.grid_id = ? AND h.deleted_at IS NULL", (grid.id,)).fetchone()[0]
    assert laptop.conn.execute("SELECT count(*) FROM households").fetchone()[0] == office_households
    # Minimum necessary: 户籍地 and free-text visit notes stay at the office.
    assert laptop.conn.execute("SELECT count(*) FROM residents WHERE hukou_address IS NOT NULL").fetchone()[0] == 0
    assert laptop.conn.execute("SELECT count(*) FROM visits WHERE situation IS NOT NULL").fetchone()[0] == 0
    assert laptop.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0
    # Search works on the copy; the state names the community and the base snapshot.
    state = laptop.sync.state
    assert state["role"] == "laptop" and state["community_id"] == office.sync.community_id
    assert office.sync.checkouts()[0]["id"] == state["base_snapshot_id"]
    name = laptop.residents.get(a_resident(laptop)).name
    assert laptop.search.query(name) if hasattr(laptop.search, "query") else True


def test_laptop_logs_each_saved_change_and_nothing_else(pair):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="腿脚不便")
    rows = laptop.conn.execute("SELECT table_name, record_id, changes FROM sync_changes").fetchall()
    assert rows == [("residents", rid, json.dumps({"notes": [None, "腿脚不便"]}, ensure_ascii=False))]
    with pytest.raises(ValidationError):  # a refused write logs nothing
        laptop.residents.update(rid, phone="12")
    assert laptop.sync.pending() == 1
    assert office.conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0] == 0  # the office logs nothing


def test_different_fields_merge_and_same_field_goes_to_review(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    # A value the demo's random resident does not have already (else nothing changes).
    employment = next(e for e in ("灵活就业", "退休") if e != laptop.residents.get(rid).employment)
    laptop.residents.update(rid, notes="笔记本备注", employment=employment)
    office.residents.update(rid, notes="办公室备注", political_status="中共党员")
    result = office.sync.apply_file(export(laptop, tmp_path), PASS)
    got = office.residents.get(rid)
    assert (got.employment, got.political_status, got.notes) == (employment, "中共党员", "办公室备注")
    assert result.conflicts == 1 and result.fields_applied == 1
    (cid,) = office.sync.conflicts.ids()
    conflict = office.sync.conflicts.get(cid)
    assert (conflict.kind, conflict.field, conflict.base_value, conflict.laptop_value, conflict.office_value) == \
        ("both", "notes", None, "笔记本备注", "办公室备注")
    office.sync.conflicts.resolve(cid, "laptop")
    assert office.residents.get(rid).notes == "笔记本备注"
    resolved = office.sync.conflicts.get(cid)
    assert (resolved.status, resolved.choice, resolved.office_value) == ("resolved", "laptop", "办公室备注")
    assert office.sync.conflicts.ids() == []
    # The merge and the choice are audited.
    actions = [r[0] for r in office.conn.execute(
        "SELECT action FROM audit_log WHERE record_id IN (?, ?) OR action = 'sync_apply'", (rid, cid))]
    assert "sync_apply" in actions and actions.count("update") >= 3
    assert office.verify_audit() == []


def test_keeping_the_office_value_records_the_laptop_value(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, name="李小龙")
    office.residents.update(rid, name="李晓龙")
    office.sync.apply_file(export(laptop, tmp_path), PASS)
    # Derived pinyin never conflicts on its own: one conflict, for the name.
    (cid,) = office.sync.conflicts.ids()
    office.sync.conflicts.resolve(cid, "office")
    assert office.residents.get(rid).name == "李晓龙"
    assert office.sync.conflicts.get(cid).laptop_value == "李小龙"
    with pytest.raises(ValidationError):
        office.sync.conflicts.resolve(cid, "laptop")


def test_laptop_name_brings_its_own_pinyin(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, name="曾小明")
    office.sync.apply_file(export(laptop, tmp_path), PASS)
    row = office.conn.execute("SELECT name, name_pinyin FROM residents WHERE id = ?", (rid,)).fetchone()
    assert row == ("曾小明", "zengxiaoming")


def test_change_to_a_record_the_office_deleted_is_a_conflict(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="仍住在此")
    office.residents.delete(rid)
    office.sync.apply_file(export(laptop, tmp_path), PASS)
    (cid,) = office.sync.conflicts.ids()
    assert office.sync.conflicts.get(cid).kind == "deleted"
    assert office.conn.execute("SELECT deleted_at IS NOT NULL, notes FROM residents WHERE id = ?",
                               (rid,)).fetchone() == (1, None)
    office.sync.conflicts.resolve(cid, "laptop")  # restores it with the laptop's value
    assert office.conn.execute("SELECT deleted_at, notes FROM residents WHERE id = ?",
                               (rid,)).fetchone() == (None, "仍住在此")


def test_duplicate_id_number_is_held_for_review(pair, tmp_path):
    office, laptop = pair
    hid = a_household(laptop)
    number = "110105199001010010"
    new = laptop.residents.add(household_id=hid, name="王五", id_number=number, relation="其他")
    office.residents.add(household_id=a_household(office), name="王武", id_number=number, relation="其他")
    result = office.sync.apply_file(export(laptop, tmp_path), PASS)
    assert result.inserted >= 2 and result.conflicts == 1
    added = office.residents.get(new.id)  # the person is not dropped, only the number waits
    assert added.name == "王五" and added.id_number is None
    (cid,) = office.sync.conflicts.ids()
    conflict = office.sync.conflicts.get(cid)
    assert (conflict.kind, conflict.laptop_value) == ("duplicate_id", number)
    with pytest.raises(ValidationError, match="王武"):
        office.sync.conflicts.resolve(cid, "laptop")


def test_new_visit_and_household_change_arrive(pair, tmp_path):
    office, laptop = pair
    hid = a_household(laptop)
    user = laptop.conn.execute("SELECT id, display_name FROM users LIMIT 1").fetchone()
    op = laptop.visits.record(household_id=hid, visitors=[{"user_id": user[0], "role": "网格员"}],
                              visit_date="2026-11-20", visit_type="日常走访", situation="老人身体尚可")
    visit_id = next(w.record_id for w in op.writes if w.table == "visits")
    laptop.households.update(hid, housing_type="租赁")
    laptop.visits.set_flag(hid, "重点关注")          # a group change: the household's plan row is redone
    office.visits.update_plan()
    result = office.sync.apply_file(export(laptop, tmp_path), PASS)
    assert result.conflicts == 0 and "重点关注" in office.visits.flags(hid)
    assert office.visits.update_plan() is None     # the apply brought the visit plan up to date
    got = office.visits.get(visit_id)
    assert got.situation == "老人身体尚可" and got.visitors
    assert office.households.get(hid).housing_type == "租赁"
    assert office.conn.execute("SELECT last_visit_date FROM visit_last WHERE household_id = ?",
                               (hid,)).fetchone()[0] >= "2026-11-20"


def test_reapplying_a_file_changes_nothing(pair, tmp_path):
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    path = export(laptop, tmp_path)
    office.sync.apply_file(path, PASS)
    assert office.undoable is None  # a merge is not undone behind the queue's back
    before = snapshot(office)
    again = office.sync.apply_file(path, PASS)
    assert again.already_applied and snapshot(office) == before


def test_a_later_file_repeats_unacknowledged_changes_and_they_are_skipped(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="一")
    first = export(laptop, tmp_path, "1.nlsync")
    laptop.residents.update(rid, employment="个体经营（测试）")
    second = export(laptop, tmp_path, "2.nlsync")
    office.sync.apply_file(first, PASS)
    office.residents.update(rid, notes="办公室改过")  # must survive the repeat of change 1
    result = office.sync.apply_file(second, PASS)
    assert result.skipped == 1 and result.conflicts == 0
    got = office.residents.get(rid)
    assert (got.notes, got.employment) == ("办公室改过", "个体经营（测试）")


def test_a_missing_earlier_file_is_refused(pair, tmp_path, demo_ledger):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="一")
    export(laptop, tmp_path, "1.nlsync")
    # Simulate a laptop whose first file was applied at some office it never heard of: drop the
    # first change from its log so the next file starts after a gap.
    laptop.conn.execute("UPDATE sync_state SET value = '1' WHERE key = 'acked_through'")
    laptop.residents.update(rid, notes="二")
    before = snapshot(office)
    with pytest.raises(SyncFileError, match="更早的同步文件"):
        office.sync.apply_file(export(laptop, tmp_path, "2.nlsync"), PASS)
    assert snapshot(office) == before


@pytest.mark.parametrize("where", ["magic", "header", "ciphertext", "checksum"])
def test_one_flipped_byte_is_refused_and_nothing_applied(pair, tmp_path, where):
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    path = export(laptop, tmp_path)
    data = bytearray(path.read_bytes())
    header_len = int.from_bytes(data[8:12], "big")
    pos = {"magic": 2, "header": 12 + header_len // 2, "ciphertext": 12 + header_len + 5,
           "checksum": len(data) - 3}[where]
    data[pos] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(office)
    with pytest.raises(SyncFileError) as info:
        office.sync.apply_file(path, PASS)
    assert "未做任何改动" in str(info.value)
    assert snapshot(office) == before


def test_tampering_that_fixes_the_checksum_is_still_refused(pair, tmp_path):
    import hashlib
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    path = export(laptop, tmp_path)
    data = bytearray(path.read_bytes()[:-32])
    data[-20] ^= 0x01
    path.write_bytes(bytes(data) + hashlib.sha256(bytes(data)).digest())
    with pytest.raises(SyncFileError, match="被改动"):
        office.sync.apply_file(path, PASS)
    assert office.sync.bundles() == []


def test_truncated_file_is_refused(pair, tmp_path):
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    path = export(laptop, tmp_path)
    data = path.read_bytes()
    for cut in (5, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:cut])
        with pytest.raises(SyncFileError):
            office.sync.apply_file(path, PASS)
    assert office.sync.bundles() == []


def test_wrong_passphrase_is_refused(pair, tmp_path):
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    with pytest.raises(SyncFileError, match="口令不正确"):
        office.sync.apply_file(export(laptop, tmp_path), "不是这个口令")
    assert office.sync.bundles() == []


def test_file_of_another_community_is_refused(pair, tmp_path):
    office, laptop = pair
    laptop.residents.update(a_resident(laptop), notes="一")
    path = export(laptop, tmp_path)
    with Ledger.open(tmp_path / "other.db") as other:
        with pytest.raises(SyncFileError, match="另一个社区"):
            other.sync.apply_file(path, PASS)
    with pytest.raises(SyncFileError, match="笔记本"):  # nor onto a laptop
        laptop.sync.apply_file(path, PASS)


def test_checkout_file_is_not_a_return_file(demo_ledger, tmp_path):
    out = tmp_path / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="笔记本", kdf_n=KDF)
    with pytest.raises(SyncFileError, match="检出"):
        demo_ledger.sync.apply_file(out, PASS)


def test_a_failure_during_apply_keeps_nothing(pair, tmp_path):
    office, laptop = pair
    rids = [r[0] for r in laptop.conn.execute("SELECT id FROM residents LIMIT 30")]
    for n, rid in enumerate(rids):
        laptop.residents.update(rid, notes=f"备注{n}")
    path = export(laptop, tmp_path)
    before = snapshot(office)
    calls = []

    def crash(write, actor, now):
        calls.append(write)
        if len(calls) == 20:
            raise OSError("磁盘已满")

    office.writer.hooks.append(crash)
    with pytest.raises(OSError):
        office.sync.apply_file(path, PASS)
    office.writer.hooks.remove(crash)
    assert snapshot(office) == before
    assert office.sync.apply_file(path, PASS).fields_applied == len(rids)


_KILL = """
import os, sys
from neighbourhood.ledger import Ledger
office = Ledger.open(sys.argv[1])
n = []
def die(write, actor, now):
    n.append(1)
    if len(n) == 15:
        os._exit(9)  # power cut in the middle of the merge
office.writer.hooks.append(die)
office.sync.apply_file(sys.argv[2], sys.argv[3])
"""


def test_killed_during_apply_is_all_or_nothing(demo_path, tmp_path):
    office = Ledger.open(demo_path)
    laptop = make_laptop(office, tmp_path)
    rids = [r[0] for r in laptop.conn.execute("SELECT id FROM residents LIMIT 30")]
    for n, rid in enumerate(rids):
        laptop.residents.update(rid, notes=f"备注{n}")
    path = export(laptop, tmp_path)
    before = snapshot(office)
    office.close()
    root = pathlib.Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", _KILL, str(demo_path), str(path), PASS], cwd=root,
                          capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()
    with Ledger.open(demo_path) as reopened:
        assert snapshot(reopened) == before
        assert reopened.sync.apply_file(path, PASS).fields_applied == len(rids)
    laptop.close()


def test_refresh_keeps_what_was_not_returned(pair, tmp_path):
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="已交回")
    office.sync.apply_file(export(laptop, tmp_path, "1.nlsync"), PASS)
    laptop.residents.update(rid, employment="失业（测试）")      # in a return file never applied
    export(laptop, tmp_path, "2.nlsync")
    laptop.residents.update(rid, phone="13800138000")   # not even exported yet
    dest = refresh(office, laptop, tmp_path)
    with Ledger.open(dest) as fresh:
        got = fresh.residents.get(rid)
        assert got.notes == "已交回"                           # the office's current data…
        assert (got.employment, got.phone) == ("失业（测试）", "13800138000")  # …plus what is unreturned
        assert fresh.sync.pending() == 2                      # the two unreturned changes, logged once
        assert [o["seq"] for o in fresh.sync.outbox()] == [2]  # the unapplied file is still kept
        relation = "兄弟姐妹" if fresh.residents.get(rid).relation != "兄弟姐妹" else "其他"
        fresh.residents.update(rid, relation=relation)
        result = office.sync.apply_file(export(fresh, tmp_path, "3.nlsync"), PASS)
    assert result.conflicts == 0 and result.bundle_id
    got = office.residents.get(rid)
    assert (got.employment, got.phone, got.relation) == ("失业（测试）", "13800138000", relation)


def test_refresh_needs_the_previous_database(pair, tmp_path):
    office, laptop = pair
    out = tmp_path / "again.nlsync"
    office.sync.checkout(grid_ids=[office.grids.list()[0].id], out=out, passphrase=PASS,
                         device_name="网格一笔记本", kdf_n=KDF)
    with pytest.raises(ValidationError, match="刷新"):
        open_checkout(out, PASS, laptop.path)


def test_encrypted_laptop_opens_with_the_workers_password(demo_ledger, tmp_path):
    from neighbourhood.keyring import KeyringError, is_encrypted
    out = tmp_path / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="网格一笔记本", username="grid1", kdf_n=KDF)
    dest = tmp_path / "laptop.db"
    open_checkout(out, PASS, dest, username="grid1", password="demo1234")
    assert is_encrypted(dest) and not (tmp_path / "laptop.db.incoming").exists()
    with pytest.raises(KeyringError):
        Ledger.unlock(dest, username="grid1", password="wrong-password")
    with Ledger.unlock(dest, username="grid1", password="demo1234") as laptop:
        assert laptop.access.username == "grid1" and laptop.sync.is_laptop


def test_cli_checkout_export_apply(demo_path, tmp_path, monkeypatch, capsys):
    from neighbourhood import cli

    monkeypatch.setenv("NL_SYNC_PASSPHRASE", PASS)
    with Ledger.open(demo_path) as office:
        grid = office.grids.list()[0].name
    co, lap, ret = tmp_path / "co.nlsync", tmp_path / "lap.db", tmp_path / "ret.nlsync"
    assert cli.run(cli.parse(["checkout", "--grid", grid, "--out", str(co), str(demo_path)])) == 0
    assert cli.run(cli.parse(["sync-open", str(co), "--out", str(lap)])) == 0
    with Ledger.open(lap) as laptop:
        laptop.residents.update(a_resident(laptop), notes="命令行")
    assert cli.run(cli.parse(["sync-export", "--out", str(ret), str(lap)])) == 0
    assert cli.run(cli.parse(["sync-apply", str(ret), str(demo_path)])) == 0
    assert "合并 1 处修改" in capsys.readouterr().out
    monkeypatch.setenv("NL_SYNC_PASSPHRASE", "wrong-one")
    assert cli.run(cli.parse(["sync-apply", str(ret), str(demo_path)])) == 1
    assert "口令不正确" in capsys.readouterr().err



def test_refresh_shows_an_unreturned_visit_once(pair, tmp_path):
    office, laptop = pair
    hid = a_household(laptop)
    user = laptop.conn.execute("SELECT id FROM users LIMIT 1").fetchone()[0]
    op = laptop.visits.record(household_id=hid, visitors=[{"user_id": user, "role": "网格员"}],
                              visit_date="2026-11-21", situation="刷新前登记")
    visit_id = next(w.record_id for w in op.writes if w.table == "visits")
    logged = laptop.sync.pending()
    dest = refresh(office, laptop, tmp_path)
    with Ledger.open(dest) as fresh:
        assert fresh.visits.get(visit_id).situation == "刷新前登记"  # still visible to the worker
        assert fresh.sync.pending() == logged                       # replaying logged nothing new
        office.sync.apply_file(export(fresh, tmp_path), PASS)
    assert office.conn.execute("SELECT count(*) FROM visits WHERE id = ?", (visit_id,)).fetchone()[0] == 1
    assert office.visits.get(visit_id).visitors


def test_a_value_replaced_after_the_merge_stays_on_record(pair, tmp_path):
    """Found by the property test: a later file changed the field before staff chose."""
    office, a = pair
    b = make_laptop(office, tmp_path, name="网格一笔记本乙")
    hid = a_household(a)
    office.writer.soft_delete("households", hid)
    a.writer.update("households", hid, {"notes": "甲"})
    b.writer.soft_delete("households", hid)
    b.writer.update("households", hid, {"notes": "乙"})
    office.sync.apply_file(export(a, tmp_path, "a.nlsync"), PASS)
    office.sync.apply_file(export(b, tmp_path, "b.nlsync"), PASS)
    b.close()
    (cid,) = office.sync.conflicts.ids()
    assert office.sync.conflicts.get(cid).office_value is None  # at merge time
    office.sync.conflicts.resolve(cid, "laptop")
    resolved = office.sync.conflicts.get(cid)
    assert office.households.get(hid).notes == "甲"
    assert resolved.office_value == "乙"  # B's value, replaced by the choice, is on record
