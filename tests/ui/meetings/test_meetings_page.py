"""Meetings screens: models pass qtmodeltester, a meeting is entered through the editor,
overdue action items are highlighted, the minutes PDF is exported on a worker."""
from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import QDate, Qt

from ui.meetings.editor import MeetingEditor
from ui.meetings.models import (RECORD_ID_ROLE, ActionItemTableModel, MeetingTableModel,
                                NeedTableModel, ServiceItemTableModel)
from ui.meetings.page import MeetingsPage

TODAY = _dt.date(2026, 10, 20)


@pytest.fixture
def filled(ledger):
    m = ledger.meetings
    m.today = lambda: TODAY
    m.add(type="居民议事会", title="十月居民议事会", meeting_date="2026-10-08",
          attendees=[dict(name="王建国"), dict(name="李娜", status="缺席", absence_reason="出差")],
          agenda=[dict(title="加装电梯", decision="同意试点",
                       action_items=[dict(what="入户征求意见", owner="陈静", due_date="2026-10-15"),
                                     dict(what="联系施工方", owner="赵磊", due_date="2026-10-30")])])
    m.needs.add(kind="困难需求", content="楼道灯坏了", raised_by="王阿姨", channel="来访",
                received_date="2026-10-10")
    m.needs.add(kind="建言献策", content="增设快递柜", anonymous=True, received_date="2026-10-11")
    m.services.add(name="老年助餐", provider="长者食堂", schedule="工作日午间")
    return ledger


@pytest.mark.parametrize("model_class", [MeetingTableModel, ActionItemTableModel, NeedTableModel,
                                         ServiceItemTableModel])
def test_models_pass_modeltester(qtmodeltester, filled, model_class):
    model = model_class(filled)
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_overdue_action_items_are_highlighted(filled):
    model = ActionItemTableModel(filled)
    model.set_scope("open")
    statuses = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert statuses == ["逾期", "待办"]
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_scope("overdue")
    assert model.rowCount() == 1


def test_enter_meeting_through_editor(qtbot, ledger):
    ledger.meetings.today = lambda: TODAY
    editor = MeetingEditor(ledger)
    qtbot.addWidget(editor)
    editor.type_combo.setCurrentText("党建联席会议")
    editor.title_edit.setText("第三季度党建联席会议")
    editor.date_edit.setDate(QDate(2026, 10, 12))
    editor.start_edit.setText("9:00")
    editor.end_edit.setText("11:30")
    editor.place_edit.setText("党群服务中心")
    editor.host_edit.setText("王建国")
    editor.recorder_edit.setText("刘晓红")
    editor.add_attendee("王建国")
    editor.add_attendee("李娜", status="缺席", reason="参加培训")
    editor.add_attendee("张经理", kind="outside", unit="绿城物业", status="列席")
    editor.add_agenda_item("加装电梯")
    editor.item_title.setText("老旧小区加装电梯")
    editor._title_edited("老旧小区加装电梯")
    editor.discussion_edit.setPlainText("低层住户有顾虑。")
    editor.decision_edit.setPlainText("同意3号楼先行试点")
    editor.votes[0].setText("5")
    editor.add_action("入户征求意见", "陈静", "2026-10-30")
    editor.add_agenda_item("冬季防火")
    editor.discussion_edit.setPlainText("讨论分工。")
    editor.agenda_list.setCurrentRow(0)  # switching keeps what was typed in each item
    assert editor.decision_edit.toPlainText() == "同意3号楼先行试点"
    assert editor.agenda_list.item(0).text() == "老旧小区加装电梯"
    assert editor.save()
    detail = ledger.meetings.detail(editor.meeting_id)
    m = detail.meeting
    assert (m.type, m.title, m.meeting_date, m.start_time) == ("党建联席会议", "第三季度党建联席会议",
                                                               "2026-10-12", "09:00")
    assert (m.expected_count, m.present_count) == (2, 1)
    assert [i.title for i in detail.agenda] == ["老旧小区加装电梯", "冬季防火"]
    assert detail.agenda[0].decision == "同意3号楼先行试点" and detail.agenda[0].votes_for == 5
    assert detail.agenda[1].discussion == "讨论分工。" and detail.agenda[1].decision is None
    assert [(a.what, a.owner, a.due_date) for a in detail.action_items] == [
        ("入户征求意见", "陈静", "2026-10-30")]
    assert [a.absence_reason for a in detail.attendees if a.status == "缺席"] == ["参加培训"]

    # re-open: everything comes back, and saving again changes nothing structural
    again = MeetingEditor(ledger, editor.meeting_id)
    qtbot.addWidget(again)
    assert again.agenda_list.count() == 2 and again.attendees.rowCount() == 3
    assert again.actions.rowCount() == 1
    assert again.save()
    assert [a.id for a in ledger.meetings.detail(editor.meeting_id).action_items] == [
        detail.action_items[0].id]


def test_editor_shows_core_validation(qtbot, ledger):
    editor = MeetingEditor(ledger)
    qtbot.addWidget(editor)
    editor.start_edit.setText("25:99")
    editor.title_edit.setText("例会")
    assert not editor.save()
    assert "开始时间" in editor.message.text()
    assert ledger.meetings.list() == []


def test_page_lists_filters_and_exports_minutes(qtbot, filled, tmp_path):
    page = MeetingsPage(filled)
    qtbot.addWidget(page)
    assert page.meeting_model.rowCount() == 1
    assert page.action_model.rowCount() == 2
    assert page.need_model.rowCount() == 2 and page.service_model.rowCount() == 1
    assert page.overdue_label.text()
    page.type_filter.setCurrentIndex(page.type_filter.findData("党员大会"))
    assert page.meeting_model.rowCount() == 0
    page.type_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("建言献策"))
    assert page.need_model.rowCount() == 1
    page.meeting_view.selectRow(0)
    meeting_id = page.meeting_model.index(0, 0).data(RECORD_ID_ROLE)
    target = tmp_path / "minutes.pdf"
    with qtbot.waitSignal(page.exported, timeout=20000) as blocker:
        export = page.export_minutes(str(target))
        assert export is not None
    assert blocker.args == [str(target)]
    assert target.stat().st_size > 1000
    assert page.export_button.isEnabled()
    assert meeting_id


def test_minutes_export_failure_and_cancel_are_reported(qtbot, filled, tmp_path, monkeypatch, hold_until_cancel):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    import ui.meetings.export as minutes

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append((title, text)))
    page = MeetingsPage(filled)
    qtbot.addWidget(page)
    page.meeting_view.selectRow(0)
    # A "folder" that is a file: the writer's error reaches the user, the buttons come back.
    (tmp_path / "not-a-folder").write_text("x")
    with qtbot.waitSignal(page.export_failed, timeout=20000) as blocker:
        export = page.export_minutes(str(tmp_path / "not-a-folder" / "minutes.pdf"))
        assert export.dialog.labelText() == "Writing the minutes…"
        assert not page.export_button.isEnabled() and page.export_minutes(str(tmp_path / "x.pdf")) is None
    assert blocker.args[0] and warnings == [("Export minutes", blocker.args[0])]
    assert page.export_button.isEnabled() and page.preview_button.isEnabled()
    # Cancel: export_failed('') and no file, not even the temporary one.
    held = hold_until_cancel(minutes, "write_minutes_pdf")
    out = tmp_path / "out"
    out.mkdir()
    export = page.export_minutes(str(out / "minutes.pdf"))
    assert held.waiting.wait(10) and held.temp.exists()      # mid-write: the temporary file is there
    with qtbot.waitSignal(page.export_failed, timeout=20000) as blocker:
        export.dialog.findChild(QPushButton).click()
    assert blocker.args == [""] and len(warnings) == 1 and list(out.iterdir()) == [] and not held.temp.exists()
    assert not export.running and page.export_button.isEnabled()


def test_print_preview_of_the_selected_minutes(qtbot, filled):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from neighbourhood.pdf import raster

    page = MeetingsPage(filled)
    qtbot.addWidget(page)
    page.meeting_view.selectRow(0)
    with qtbot.waitSignal(page.previewed, timeout=20000) as blocker:
        assert page.preview_minutes() is not None
    path = blocker.args[0]
    assert page.preview_dialog is not None and page.preview_dialog.isVisible()
    widget = page.preview_dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == raster.page_count(path) >= 1
    assert page.export_button.isEnabled() and page.preview_button.isEnabled()
    page.preview_dialog.close()


def test_action_item_tiles_open_the_open_or_overdue_action_items(qtbot, demo_ledger):
    from ui.main_window import MainWindow

    win = MainWindow(demo_ledger)
    qtbot.addWidget(win)
    win.show_area("home")
    for key, scope in (("actions_overdue", "overdue"), ("actions_open", "open")):
        win.show_area("home")
        button = win.dashboard.buttons[key]
        count = int(button.text().split()[0])
        assert count > 0
        button.click()
        page = win.meetings
        assert win.nav.currentRow() == win.area_rows["meetings"]
        assert page.tabs.currentWidget() is page.actions_tab
        assert page.scope_combo.currentData() == scope
        assert page.action_model.rowCount() == count
