"""Audit trail screen: the paged model passes qtmodeltester, filters by user/table/date,
and "Verify chain" reports intact chains and tampering."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from neighbourhood.access import ADMIN, STAFF, Access
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
    assert "value:  → 5" in model.data(model.index(0, 6))

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
    assert describe_changes('{"name":[null,"王"]}') == "name:  → 王"
    assert describe_changes('{"what":"查看"}') == '{"what":"查看"}'
    assert describe_changes(None) == ""
