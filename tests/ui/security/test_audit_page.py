"""Audit trail screen: the paged model passes qtmodeltester, filters by user/table/date,
and "Verify chain" reports intact chains and tampering."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from neighbourhood.access import ADMIN, AUDITOR, STAFF, Access
from ui.security.audit_page import SEQ_ROLE, AuditPage, AuditTableModel, describe_changes


def _act_as(ledger, username: str, role: str) -> None:
    user = ledger.users.by_username(username)
    ledger.access = Access(role=role, user_id=user.id, username=user.username, display_name=user.display_name)


def test_audit_model_passes_modeltester_and_pages(qtmodeltester, demo_ledger):
    total = len(demo_ledger.audit_entries(limit=1_000_000))
    assert total > 120
    model = AuditTableModel(demo_ledger, page_size=50)
    model.set_filters()
    assert model.rowCount() == 50 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    qtmodeltester.check(model)  # the tester fetches more pages itself
    seqs = [model.data(model.index(row, 0), SEQ_ROLE) for row in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)  # newest first, no overlap
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total


def test_new_entries_do_not_shift_pages(demo_ledger):
    model = AuditTableModel(demo_ledger, page_size=10)
    model.set_filters()
    last = model.entry(9)["seq"]
    demo_ledger.community.set("community_name", "新名字")  # entries written while the page is open
    model.fetchMore()
    assert model.entry(10)["seq"] == last - 1
    assert model.rowCount() == 20


def test_page_filters_by_user(qtbot, demo_ledger):
    _act_as(demo_ledger, "zhangmin", STAFF)
    demo_ledger.community.set("street_office", "东风街道")
    demo_ledger.community.set("idle_lock_minutes", "5")
    _act_as(demo_ledger, "admin", ADMIN)
    page = AuditPage(demo_ledger, page_size=100)
    qtbot.addWidget(page)
    assert page.allowed and page.model.rowCount() == 100

    page.user.setEditText("zhangmin")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    model = page.model
    assert model.rowCount() == 2
    assert {model.data(model.index(r, 2)) for r in range(2)} == {"zhangmin"}
    assert model.data(model.index(0, 3)) == "Changed"
    assert model.data(model.index(0, 5)) == "idle_lock_minutes"
    assert "值：（空） → 5" in model.data(model.index(0, 6))

    page.record.setText("street_office")  # user and record together
    page.apply_filters()
    assert model.rowCount() == 1
    page.user.setEditText("")  # the demo's own setting by "system" appears too
    page.apply_filters()
    assert {model.data(model.index(r, 2)) for r in range(model.rowCount())} == {"zhangmin", "system"}

    page.clear_filters()
    page.table.setEditText("settings")
    page.apply_filters()
    assert model.rowCount() == 4

    # Dates: everything was written today; a window ending yesterday is empty.
    page.clear_filters()
    page.from_box.setChecked(True)
    page.date_from.setDate(QDate.currentDate())
    page.apply_filters()
    assert model.rowCount() >= 2
    page.from_box.setChecked(False)
    page.to_box.setChecked(True)
    page.date_to.setDate(QDate.currentDate().addDays(-1))
    page.apply_filters()
    assert model.rowCount() == 0


def test_staff_cannot_read_the_trail(qtbot, demo_ledger):
    _act_as(demo_ledger, "zhangmin", STAFF)
    page = AuditPage(demo_ledger)
    qtbot.addWidget(page)
    assert not page.allowed
    assert "Only administrators and auditors" in page.message.text()
    assert page.model.rowCount() == 0 and page.verify() == []


def test_verify_reports_intact_then_tampering(qtbot, demo_ledger):
    page = AuditPage(demo_ledger, page_size=20)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.result.text() == "Audit chain intact"
    assert "#2e7d32" in page.result.styleSheet()

    # Tamper as someone with a raw SQLite tool would: drop the guard, edit an entry.
    conn = demo_ledger.conn
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET username = 'nobody' WHERE seq = 5")
    conn.commit()
    problems = page.verify()
    assert problems and any("第 5 条" in p for p in problems)
    assert "tampered" in page.result.text() and "第 5 条" in page.result.text()
    assert "#c62828" in page.result.styleSheet()


def test_describe_changes():
    assert describe_changes('{"name":[null,"王"]}', "residents") == "姓名：（空） → 王"
    assert describe_changes('{"name":[null,"王"]}', "residents", action="insert") == "姓名：王"
    assert describe_changes('{"household_id":["h1","h2"]}', "residents", {("households", "h2"): "1栋101室"}) \
        == "住户：h1 → 1栋101室"
    assert describe_changes('{"what":"查看"}') == '{"what":"查看"}'
    assert describe_changes(None) == ""


def _changes_of(model, record_id: str) -> list[str]:
    return [model.data(model.index(r, 6)) for r in range(model.rowCount())
            if model.entry(r)["record_id"] == record_id]


def test_changes_show_chinese_labels_and_addresses_not_ids(qtbot, demo_ledger):
    resident = demo_ledger.conn.execute(
        "SELECT id, household_id FROM residents WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()
    other = demo_ledger.conn.execute("SELECT id FROM households WHERE id != ? ORDER BY id LIMIT 1",
                                     (resident[1],)).fetchone()[0]
    with demo_ledger.writer.operation("move"):
        demo_ledger.writer.update("residents", resident[0], {"household_id": other, "relation": "其他"})
    page = AuditPage(demo_ledger, page_size=50)
    qtbot.addWidget(page)
    page.record.setText(resident[0])
    page.apply_filters()
    text = _changes_of(page.model, resident[0])[0]
    old, new = demo_ledger.households.address(resident[1]), demo_ledger.households.address(other)
    assert f"住户：{old} → {new}" in text
    assert "与户主关系：" in text and "→ 其他" in text
    assert "household_id" not in text and other not in text


def test_changes_keep_phones_masked_without_full_view(qtbot, demo_ledger):
    resident = demo_ledger.conn.execute(
        "SELECT id FROM residents WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    with demo_ledger.writer.operation("phone"):
        demo_ledger.writer.update("residents", resident, {"phone": "13912345678"})
    admin = demo_ledger.users.by_username("admin")
    demo_ledger.access = Access(role=AUDITOR, user_id=admin.id, username="admin", display_name="审计")
    model = AuditTableModel(demo_ledger, page_size=20)
    model.set_filters(record_id=resident)
    text = _changes_of(model, resident)[0]
    assert "联系电话：" in text and "13912345678" not in text and "5678" in text
    demo_ledger.access = Access(role=ADMIN, user_id=admin.id, username="admin", display_name="管理员",
                                can_view_full=True)
    model.set_filters(record_id=resident)
    assert "联系电话：" in _changes_of(model, resident)[0] and "13912345678" in _changes_of(model, resident)[0]


def test_names_are_read_once_per_page_not_per_row(demo_ledger, monkeypatch):
    from db.queries import record_names

    calls = []
    real = record_names.name_rows
    monkeypatch.setattr(record_names, "name_rows", lambda conn, table, ids: calls.append(table) or real(conn, table, ids))
    import neighbourhood.audit_text as audit_text
    monkeypatch.setattr(audit_text, "name_rows", record_names.name_rows)
    model = AuditTableModel(demo_ledger, page_size=200)
    model.set_filters(table_name="residents")
    assert model.rowCount() == 200
    assert len(calls) == len(set(calls)) and "households" in calls
    texts = [model.data(model.index(r, 6)) for r in range(model.rowCount())]
    assert any("住户：" in t for t in texts)


def test_every_audited_action_has_a_chinese_name():
    """Each action the core writes to the audit trail is named on the audit screen."""
    import pathlib
    import re

    from ui.security.audit_page import ACTIONS

    root = pathlib.Path(__file__).resolve().parents[3]
    written = set()
    for path in list((root / "neighbourhood").rglob("*.py")) + list((root / "db").rglob("*.py")):
        written |= set(re.findall(r"audit\.append\(.{0,200}?action=\"([a-z_]+)\"", path.read_text(encoding="utf-8"),
                                  flags=re.S))
    assert written, "no audit.append(action=…) found: the scan is broken"
    assert written - {"update"} <= set(ACTIONS)
