"""Attachments inside the record screens: a new visit or meeting stores its files with it."""
from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QDate

from ui.meetings.editor import MeetingEditor
from ui.visits.entry_dialog import VisitEntryDialog


def _png(path, color=(10, 120, 200)):
    Image.new("RGB", (40, 30), color).save(path, "PNG")
    return path


def test_visit_photo_is_saved_with_the_visit(qtbot, demo_ledger, first_household, tmp_path):
    dialog = VisitEntryDialog(demo_ledger, household_id=first_household)
    qtbot.addWidget(dialog)
    dialog.visitor_edit.setText("李")
    dialog.role_combo.setCurrentText("志愿者")
    assert dialog.photos.add_files([_png(tmp_path / "入户.png")]) == 1
    assert demo_ledger.attachments.stats()["links"] == 0     # pending until Save
    assert dialog.save()
    visit = demo_ledger.visits.history(first_household)[0]
    assert [a.file_name for a in demo_ledger.attachments.list("visits", visit.id)] == ["入户.png"]
    assert dialog.photos.model.rowCount() == 0               # next household starts empty


def test_failed_visit_save_stores_no_photo(qtbot, demo_ledger, first_household, tmp_path):
    dialog = VisitEntryDialog(demo_ledger, household_id=first_household)
    qtbot.addWidget(dialog)
    dialog.visitor_edit.setText("路人甲")
    dialog.role_combo.setCurrentText("网格员")               # not a user: the core refuses
    dialog.photos.add_files([_png(tmp_path / "入户.png")])
    assert dialog.save() is False
    assert demo_ledger.attachments.stats() == {"blobs": 0, "bytes": 0, "links": 0}
    assert dialog.photos.model.rowCount() == 1               # kept for the next try


def test_new_meeting_keeps_its_signed_minutes(qtbot, demo_ledger, tmp_path):
    editor = MeetingEditor(demo_ledger)
    qtbot.addWidget(editor)
    editor.type_combo.setCurrentText("居委会例会")
    editor.title_edit.setText("十月例会")
    editor.date_edit.setDate(QDate(2026, 10, 12))
    editor.attachments.add_files([_png(tmp_path / "签字页.png")])
    assert editor.save()
    files = demo_ledger.attachments.list("meetings", editor.meeting_id)
    assert [a.file_name for a in files] == ["签字页.png"]
    again = MeetingEditor(demo_ledger, editor.meeting_id)
    qtbot.addWidget(again)
    assert again.attachments.model.rowCount() == 1


def test_visits_page_prints_the_selected_visit(qtbot, demo_ledger, tmp_path):
    from ui.visits.page import VisitsPage

    page = VisitsPage(demo_ledger)
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))  # all households
    for row in range(page.schedule_model.rowCount()):
        page.schedule_view.selectRow(row)
        if page.history_model.rowCount():
            break
    page.history_view.setCurrentIndex(page.history_model.index(0, 0))
    assert page.attachments.isVisibleTo(page) and page.attachments.owner_id
    opened = []
    page.attachments.opener = opened.append
    job = page.print_visit_record(str(tmp_path / "v.pdf"))
    assert job.dialog.labelText() == "Writing the visit record…"
    assert page.print_visit_record(str(tmp_path / "other.pdf")) is None     # one at a time
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [tmp_path / "v.pdf"] and (tmp_path / "v.pdf").read_bytes().startswith(b"%PDF")
    assert not job.running and not (tmp_path / "other.pdf").exists()


def test_new_resident_keeps_its_scan_and_household_view_lists_files(qtbot, demo_ledger, first_household,
                                                                    tmp_path):
    from ui.residents.household_view import HouseholdView
    from ui.residents.resident_dialog import ResidentDialog

    dialog = ResidentDialog(demo_ledger, household_id=first_household)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("欧阳明月")
    dialog.attachments.add_files([_png(tmp_path / "残疾证.png")])
    dialog.accept()
    assert dialog.saved is not None
    assert [a.file_name for a in demo_ledger.attachments.list("residents", dialog.saved.id)] == ["残疾证.png"]

    demo_ledger.attachments.add("households", first_household, _png(tmp_path / "门牌.png", (9, 9, 9)))
    view = HouseholdView(demo_ledger)
    qtbot.addWidget(view)
    view.set_household(first_household)
    assert view.attachments.model.rowCount() == 1
    view.set_household(None)
    assert view.attachments.model.rowCount() == 0


def test_enrolment_scans_saved_with_the_enrolment(qtbot, demo_ledger, first_household, tmp_path):
    from ui.hardship.dialogs import EnrolDialog

    dialog = EnrolDialog(demo_ledger, household_id=first_household, category="失业")
    qtbot.addWidget(dialog)
    member = demo_ledger.households.members(first_household)[0]
    dialog.set_subject("resident", member.id)
    dialog.attachments.add_files([_png(tmp_path / "失业证.png")])
    dialog.accept()
    assert dialog.record is not None, dialog.message.text()
    files = demo_ledger.attachments.list("hardship_enrolments", dialog.record.id)
    assert [a.file_name for a in files] == ["失业证.png"]
    # The same person again: the core refuses, and the new scan is not stored either.
    again = EnrolDialog(demo_ledger, household_id=first_household, category="失业")
    qtbot.addWidget(again)
    again.set_subject("resident", member.id)
    again.attachments.add_files([_png(tmp_path / "another.png", (50, 60, 70))])
    again.accept()
    assert again.record is None and again.message.text()
    assert demo_ledger.attachments.stats()["links"] == 1


def test_enrolment_detail_tab_adds_scans(qtbot, demo_ledger, tmp_path):
    from ui.hardship.page import EnrolmentDetail

    enrolment_id = demo_ledger.conn.execute(
        "SELECT id FROM hardship_enrolments WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    detail = EnrolmentDetail(demo_ledger)
    qtbot.addWidget(detail)
    detail.show_enrolment(demo_ledger.hardship.get(enrolment_id))
    with qtbot.waitSignal(detail.changed) as signal:
        assert detail.attachments.add_files([_png(tmp_path / "低保审批表.png")]) == 1
    assert signal.args == [enrolment_id]
    assert [a.file_name for a in demo_ledger.attachments.list("hardship_enrolments", enrolment_id)] == ["低保审批表.png"]
    detail.show_enrolment(None)
    assert detail.attachments.model.rowCount() == 0 and not detail.attachments.add_button.isEnabled()


def test_cancelling_the_visit_record_leaves_no_file(qtbot, demo_ledger, tmp_path, monkeypatch, hold_until_cancel):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    import neighbourhood.pdf.visit_record as visit_record
    from ui.visits.page import VisitsPage

    held = hold_until_cancel(visit_record, "write_visit_record_pdf")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args))
    page = VisitsPage(demo_ledger)
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    for row in range(page.schedule_model.rowCount()):
        page.schedule_view.selectRow(row)
        if page.history_model.rowCount():
            break
    page.history_view.setCurrentIndex(page.history_model.index(0, 0))
    opened = []
    page.attachments.opener = opened.append
    out = tmp_path / "out"
    out.mkdir()
    job = page.print_visit_record(str(out / "v.pdf"))
    assert held.waiting.wait(10) and held.temp.exists()      # mid-write: the temporary file is there
    job.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert page._print_job is None and opened == [] and warnings == []
    assert list(out.iterdir()) == [] and not held.temp.exists()              # not even the temporary file
    monkeypatch.setattr(visit_record, "write_visit_record_pdf", held.real)
    assert page.print_visit_record(str(out / "v.pdf")) is not None   # free for the next one
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
