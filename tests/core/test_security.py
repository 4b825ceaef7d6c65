"""Users, sign-in lockout, role checks, encryption at rest, backups and restore."""
from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from db.errors import DatabaseError
from neighbourhood.access import AUDITOR, GRID_WORKER, STAFF, Access
from neighbourhood.errors import PermissionDenied, ValidationError
from neighbourhood.keyring import KeyringError, is_encrypted
from neighbourhood.ledger import Ledger, encrypt_ledger
from neighbourhood.users import SignInError

from neighbourhood.demo import DEMO_PASSWORD

PASSWORD = DEMO_PASSWORD


@pytest.fixture
def admin_ledger(demo_ledger):
    """The demo's director, signed in (the demo creates the admin account)."""
    demo_ledger.users.sign_in("admin", PASSWORD)
    return demo_ledger


def test_first_run_creates_admin_once(ledger):
    assert ledger.users.first_run
    admin = ledger.users.create_admin(username="admin", display_name="王书记", password=PASSWORD)
    assert admin.role == "admin" and admin.can_view_full
    assert not ledger.users.first_run
    with pytest.raises(PermissionDenied):
        ledger.users.create_admin(username="admin2", display_name="李", password=PASSWORD)
    row = ledger.conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert row.startswith("$argon2id$") and PASSWORD not in row


def test_weak_password_refused(ledger):
    with pytest.raises(ValidationError) as err:
        ledger.users.create_admin(username="admin", display_name="王", password="12345678")
    assert err.value.field == "password"


def test_lockout_after_five_failures_for_fifteen_minutes(admin_ledger):
    users = admin_ledger.users
    start = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.timezone.utc)
    for attempt in range(1, 5):
        with pytest.raises(SignInError, match=f"还可尝试 {5 - attempt} 次"):
            users.sign_in("admin", "wrong-pass1", now=start)
    with pytest.raises(SignInError, match="锁定"):
        users.sign_in("admin", "wrong-pass1", now=start)
    # Even the right password is refused while locked …
    with pytest.raises(SignInError, match="分钟后再试"):
        users.sign_in("admin", PASSWORD, now=start + dt.timedelta(minutes=14))
    # … and accepted after 15 minutes.
    access = users.sign_in("admin", PASSWORD, now=start + dt.timedelta(minutes=15, seconds=1))
    assert access.username == "admin"
    actions = [r[0] for r in admin_ledger.conn.execute(
        "SELECT action FROM audit_log WHERE table_name = 'users' ORDER BY seq")]
    assert actions.count("login_failed") == 5 and "login_locked" in actions


def test_unknown_user_same_message(admin_ledger):
    with pytest.raises(SignInError, match="用户名或密码不正确"):
        admin_ledger.users.sign_in("nobody", PASSWORD)


def test_grid_worker_edits_only_own_grid(admin_ledger):
    grids = admin_ledger.grids.list()
    admin_ledger.users.add(username="li", display_name="李娜", password=PASSWORD, role=GRID_WORKER,
                           grid_ids=[grids[0].id])
    admin_ledger.users.sign_in("li", PASSWORD)
    assert admin_ledger.access.role == GRID_WORKER and not admin_ledger.access.can_view_full
    own = admin_ledger.buildings.list(grids[0].id)[0]
    other = admin_ledger.buildings.list(grids[1].id)[0]
    admin_ledger.households.add(building_id=own.id, entrance="9", unit="901")
    with pytest.raises(PermissionDenied, match="自己负责网格"):
        admin_ledger.households.add(building_id=other.id, entrance="9", unit="901")
    other_household = admin_ledger.households.list(other.id)[0]
    with pytest.raises(PermissionDenied):
        admin_ledger.residents.add(household_id=other_household["id"], name="张三")
    with pytest.raises(PermissionDenied):
        admin_ledger.grids.add(name="第四网格")


def test_read_only_role_cannot_write(admin_ledger):
    admin_ledger.users.add(username="audit", display_name="审计员", password=PASSWORD, role=AUDITOR)
    admin_ledger.users.sign_in("audit", PASSWORD)
    building = admin_ledger.buildings.list()[0]
    household = admin_ledger.households.list(building.id)[0]
    with pytest.raises(PermissionDenied, match="只能查看"):
        admin_ledger.residents.add(household_id=household["id"], name="张三")
    with pytest.raises(PermissionDenied):
        admin_ledger.households.update(household["id"], notes="x")
    with pytest.raises(PermissionDenied):
        admin_ledger.community.set("community_name", "x")
    assert admin_ledger.audit_entries(limit=5)  # auditors read the trail


def test_staff_cannot_manage_users_or_read_audit(admin_ledger):
    admin_ledger.users.add(username="staff", display_name="工作人员", password=PASSWORD, role=STAFF)
    admin_ledger.users.sign_in("staff", PASSWORD)
    with pytest.raises(PermissionDenied):
        admin_ledger.users.add(username="x", display_name="x", password=PASSWORD, role=STAFF)
    with pytest.raises(PermissionDenied):
        admin_ledger.audit_entries()


def test_unmasking_requires_permission_and_is_logged(admin_ledger):
    resident_id = admin_ledger.conn.execute("SELECT id FROM residents LIMIT 1").fetchone()[0]
    full = admin_ledger.reveal(resident_id)
    assert len(full["id_number"]) == 18 and "*" not in full["id_number"]
    entry = admin_ledger.conn.execute(
        "SELECT action, record_id, username FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert entry == ("view_full", resident_id, "admin")
    admin_ledger.access = Access(role=STAFF, username="s")
    with pytest.raises(PermissionDenied):
        admin_ledger.reveal(resident_id)


def _scan(folder: pathlib.Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}:{n!r}" for n in needles if n in data]
    return hits


def test_encrypted_database_wal_and_backups_hold_no_plaintext(admin_ledger, demo_path):
    from neighbourhood.backups import backup

    name, id_number = admin_ledger.conn.execute(
        "SELECT name, id_number FROM residents ORDER BY name LIMIT 1").fetchone()
    needles = [name.encode("utf-8"), id_number.encode()]
    assert _scan(demo_path.parent, needles)  # plaintext before: the scan works
    ledger, recovery = encrypt_ledger(admin_ledger, password=PASSWORD)
    try:
        # Write while open so the WAL has content, then back up.
        household = ledger.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
        ledger.residents.add(household_id=household, name="欧阳明月", id_number="11010519491231002X")
        backup(ledger.conn, demo_path, kind="manual")
        assert pathlib.Path(f"{demo_path}-wal").exists()
        needles += ["欧阳明月".encode("utf-8"), b"11010519491231002X"]
        assert _scan(demo_path.parent, needles) == []
    finally:
        ledger.close()
    assert is_encrypted(demo_path)
    assert _scan(demo_path.parent, needles) == []
    assert len(recovery.replace("-", "")) == 30


def test_wrong_key_or_password_cannot_open(admin_ledger, demo_path):
    ledger, recovery = encrypt_ledger(admin_ledger, password=PASSWORD)
    ledger.close()
    with pytest.raises(KeyringError):
        Ledger.unlock(demo_path, username="admin", password="wrong-pass1")
    with pytest.raises(DatabaseError):
        Ledger.open(demo_path, key=b"\x01" * 32)
    with pytest.raises(DatabaseError):
        Ledger.open(demo_path)  # no key at all
    with pytest.raises(KeyringError):
        Ledger.unlock(demo_path, recovery_key="AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    with Ledger.unlock(demo_path, recovery_key=recovery) as opened:
        assert opened.check().ok
    with Ledger.unlock(demo_path, username="admin", password=PASSWORD) as opened:
        assert opened.access.username == "admin"


def test_new_user_gets_wrapped_key(admin_ledger, demo_path):
    ledger, _ = encrypt_ledger(admin_ledger, password=PASSWORD)
    ledger.users.add(username="staff", display_name="小王", password="xyz98765", role=STAFF)
    ledger.close()
    with Ledger.unlock(demo_path, username="staff", password="xyz98765") as opened:
        assert opened.access.role == STAFF


def test_backup_restore_round_trip(admin_ledger, demo_path):
    from neighbourhood.backups import backup, list_backups, restore

    before = admin_ledger.check().counts["residents"]
    saved = backup(admin_ledger.conn, demo_path, kind="manual")
    household = admin_ledger.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    admin_ledger.residents.add(household_id=household, name="新来的")
    assert admin_ledger.check().counts["residents"] == before + 1
    admin_ledger.close()
    safety = restore(saved, demo_path, key=None)
    with Ledger.open(demo_path) as reopened:
        assert reopened.check().counts["residents"] == before
        assert reopened.check().ok
    with Ledger.open(safety) as previous:  # the state before restoring was kept
        assert previous.check().counts["residents"] == before + 1
    assert {kind for _p, kind, _s in list_backups(demo_path)} == {"manual", "before"}


def test_damaged_backup_is_refused(admin_ledger, demo_path, tmp_path):
    from neighbourhood.backups import restore

    bad = tmp_path / "bad.bak"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    admin_ledger.close()
    with pytest.raises(DatabaseError):
        restore(bad, demo_path, key=None)
    with Ledger.open(demo_path) as still:
        assert still.check().ok


def test_backups_rotate(ledger, tmp_path):
    from neighbourhood.backups import KEEP, backup, list_backups

    for i in range(KEEP["exit"] + 3):
        backup(ledger.conn, ledger.path, kind="exit", now=dt.datetime(2026, 1, 1, 8, 0, i))
    kept = [b for b in list_backups(ledger.path) if b[1] == "exit"]
    assert len(kept) == KEEP["exit"]
    assert kept[0][2] == "20260101-080007"


def test_network_share_refused(tmp_path, monkeypatch):
    import neighbourhood.backups as backups

    assert backups.is_network_path(pathlib.Path(r"\\server\share\ledger.db"))
    assert backups.is_network_path(pathlib.Path("//server/share/ledger.db"))
    assert not backups.is_network_path(tmp_path / "ledger.db")
    monkeypatch.setattr(backups, "is_network_path", lambda path: True)
    with pytest.raises(DatabaseError, match="网络共享"):
        Ledger.open(tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_audit_entries_for_each_kind_of_change(admin_ledger):
    household = admin_ledger.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    resident = admin_ledger.residents.add(household_id=household, name="赵六", phone="13800000001")
    admin_ledger.residents.update(resident.id, phone="13900000002")
    admin_ledger.residents.delete(resident.id)
    entries = admin_ledger.audit_entries(record_id=resident.id)
    actions = [e["action"] for e in reversed(entries)]
    assert actions == ["insert", "update", "delete"]
    import json
    update = json.loads(entries[1]["changes"])
    assert update == {"phone": ["13800000001", "13900000002"]}
    assert all(e["username"] == "admin" for e in entries)
    assert admin_ledger.verify_audit() == []


def test_deactivated_user_can_no_longer_unlock(admin_ledger, demo_path):
    ledger, _ = encrypt_ledger(admin_ledger, password=PASSWORD)
    staff = ledger.users.add(username="temp", display_name="临时", password="xyz98765", role=STAFF)
    ledger.users.update(staff.id, active=False)
    ledger.close()
    with pytest.raises(KeyringError):
        Ledger.unlock(demo_path, username="temp", password="xyz98765")


def test_audit_view_masks_personal_numbers_for_auditors(admin_ledger):
    household = admin_ledger.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    resident = admin_ledger.residents.add(household_id=household, name="赵六", phone="13800000001",
                                          id_number="11010519491231002X")
    full = admin_ledger.audit_entries(record_id=resident.id)
    assert "13800000001" in full[-1]["changes"]          # the director may see them
    admin_ledger.users.add(username="aud", display_name="审计员", password=PASSWORD, role=AUDITOR)
    admin_ledger.users.sign_in("aud", PASSWORD)
    masked = admin_ledger.audit_entries(record_id=resident.id)
    assert "13800000001" not in masked[-1]["changes"] and "138****0001" in masked[-1]["changes"]
    assert "110105********002X" in masked[-1]["changes"]
    assert admin_ledger.verify_audit() == []               # stored entries untouched
