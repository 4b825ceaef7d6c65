"""Hardship screens: models pass qtmodeltester, enrolling and exiting a household through the
dialogs, filters and reminders, the household widget, masking."""
from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from neighbourhood.access import ADMIN, GRID_WORKER, Access
from ui.hardship import HardshipPage, HouseholdEnrolmentsWidget
from ui.hardship.dialogs import AssistanceDialog, EnrolDialog, ReviewDialog, TransitionDialog
from ui.hardship.models import (AssistanceTableModel, CategoryListModel, EnrolmentTableModel,
                                TimelineTableModel)

TODAY = _dt.date(2026, 3, 15)


@pytest.fixture
def filled(ledger):
    g1 = ledger.grids.add(name="第一网格")
    g2 = ledger.grids.add(name="第二网格")
    b1 = ledger.buildings.add(grid_id=g1.id, name="3栋")
    b2 = ledger.buildings.add(grid_id=g2.id, name="9栋")
    ha = ledger.households.add(building_id=b1.id, unit="101")
    hb = ledger.households.add(building_id=b2.id, unit="201")
    hc = ledger.households.add(building_id=b1.id, unit="102")
    wang = ledger.residents.add(household_id=ha.id, name="王建国", relation="户主", birth_date="1960-04-02",
                                id_number="110105196004020018", phone="13800000001")
    ledger.residents.add(household_id=ha.id, name="李秀英", relation="配偶", birth_date="1940-03-20")
    chen = ledger.residents.add(household_id=hb.id, name="陈明", relation="户主", birth_date="1990-01-01")
    ledger.residents.add(household_id=hc.id, name="周红", relation="户主", birth_date="1970-01-01")
    h = ledger.hardship
    h.today = lambda: TODAY
    a = h.enrol(category="低保", household_id=ha.id, status="在册", on="2025-03-01",   # overdue review
                covered_count=2, monthly_amount_fen=68000)
    h.enrol(category="低保", household_id=hb.id, status="在册", on="2025-04-01")       # due within 30 days
    h.apply(category="低保边缘", household_id=hc.id, on="2026-03-01")
    h.enrol(category="残疾", resident_id=wang.id, status="在册", on="2025-10-01",
            extra=dict(disability_type="肢体", grade=2))
    h.assistance.record(enrolment_id=a.id, given_on="2026-01-20", kind="现金", source="民政", amount_fen=50000)
    ledger.ids = dict(g1=g1.id, g2=g2.id, ha=ha.id, hb=hb.id, hc=hc.id, wang=wang.id, chen=chen.id,
                      dibao_a=a.id)
    return ledger


def test_models_pass_modeltester(qtmodeltester, filled):
    categories = CategoryListModel(filled)
    categories.reload()
    assert categories.rowCount() == 12
    assert categories.index(1).data() == "低保（2）" and categories.index(0).data() == "All categories"
    qtmodeltester.check(categories)
    enrolments = EnrolmentTableModel(filled)
    enrolments.set_filter()
    assert enrolments.rowCount() == 4
    qtmodeltester.check(enrolments)
    household = EnrolmentTableModel(filled, household_id=filled.ids["ha"])
    household.reload()
    assert [household.index(r, 4).data() for r in range(household.rowCount())] == ["低保", "残疾", "高龄老人"]
    qtmodeltester.check(household)
    timeline = TimelineTableModel(filled)
    timeline.set_enrolment(filled.ids["dibao_a"])
    assert timeline.rowCount() == 1
    qtmodeltester.check(timeline)
    assistance = AssistanceTableModel(filled)
    assistance.set_scope(enrolment_id=filled.ids["dibao_a"])
    assert assistance.rowCount() == 1 and assistance.index(0, 2).data() == "500.00"
    qtmodeltester.check(assistance)


def test_review_colours_and_masking(filled):
    model = EnrolmentTableModel(filled)
    model.set_filter(category="低保")
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    overdue = names.index("王建国")
    due = names.index("陈明")
    assert model.index(overdue, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(due, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(due, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(overdue, 1).data() == "110105********0018"
    assert model.index(overdue, 11).data() == "138****0001"
    filled.access = Access(role=ADMIN, can_view_full=True)
    filled.listing.show_full = True
    model.reload()
    assert model.index(overdue, 1).data() == "110105196004020018"


def test_page_filters_and_reminders(qtbot, filled):
    page = HardshipPage(filled)
    qtbot.addWidget(page)
    assert page.enrolment_model.rowCount() == 4
    assert (page.due_count, page.overdue_count) == (1, 1)
    assert not page.reminders.isHidden()
    page.select_category("低保")
    assert page.enrolment_model.rowCount() == 2
    page.grid_filter.setCurrentIndex(page.grid_filter.findData(filled.ids["g2"]))
    assert [r.subject_name for r in page.enrolment_model.records()] == ["陈明"]
    assert (page.due_count, page.overdue_count) == (1, 0)
    page.grid_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("申请"))
    assert page.enrolment_model.rowCount() == 0
    page.select_category(None)
    assert [r.category_code for r in page.enrolment_model.records()] == ["低保边缘"]
    page.show_reviews("overdue")
    assert page.current_category is None
    assert [r.subject_name for r in page.enrolment_model.records()] == ["王建国"]
    page.show_reviews("due")
    assert {r.subject_name for r in page.enrolment_model.records()} == {"王建国", "陈明"}
    page.set_filters()
    page.select_category("高龄老人")
    assert [r.subject_name for r in page.enrolment_model.records()] == ["李秀英"]
    assert page.enrolment_model.index(0, 5).data() == "Derived (age)"


def test_enrol_and_exit_a_household_through_dialogs(qtbot, filled, monkeypatch):
    page = HardshipPage(filled)
    qtbot.addWidget(page)
    page.select_category("低保")

    def fill_enrol(dialog: EnrolDialog) -> int:
        dialog.set_subject("household", filled.ids["hc"])
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("申请"))
        dialog.date_edit.setDate(QDate(2026, 3, 2))
        dialog.covered_spin.setValue(1)
        dialog.amount_edit.setText("450.5")
        dialog.certificate_edit.setText("DB2026-07")
        dialog.accept()
        return QDialog.DialogCode.Accepted if dialog.record else QDialog.DialogCode.Rejected

    monkeypatch.setattr(EnrolDialog, "exec", fill_enrol)
    record = page.new_enrolment()
    assert (record.category_code, record.status, record.monthly_amount_fen) == ("低保", "申请", 45050)
    assert page.detail.enrolment.id == record.id  # the new row is selected, filters kept
    assert page.current_category == "低保" and page.enrolment_model.rowCount() == 3

    def move(to: str, reason: str = "") -> None:
        dialog = TransitionDialog(filled, page.detail.enrolment, to_status=to)
        qtbot.addWidget(dialog)
        dialog.date_edit.setDate(QDate(2026, 3, 10))
        dialog.reason_edit.setText(reason)
        dialog.accept()
        assert dialog.record is not None, dialog.message.text()
        page._written(dialog.record.id)

    move("审核公示")
    move("在册")
    assert page.detail.enrolment.status == "在册"
    assert page.detail.enrolment.next_review_date == "2027-03-10"

    dialog = TransitionDialog(filled, page.detail.enrolment, to_status="退出")
    qtbot.addWidget(dialog)
    dialog.accept()  # no reason: refused, dialog stays open with the message
    assert dialog.record is None and dialog.message.text() == "请填写退出原因"
    move("退出", "家庭收入超过标准")
    assert page.detail.enrolment.status == "退出"
    assert [page.detail.timeline_model.index(r, 2).data() for r in range(4)] == [
        " → 申请", "申请 → 审核公示", "审核公示 → 在册", "在册 → 退出"]
    move("申请", "再次申请")
    assert page.detail.enrolment.previous_id == record.id
    assert page.detail.timeline_model.rowCount() == 5
    categories = {page.category_model.category(r).code: page.category_model.category(r).enrolled
                  for r in range(1, page.category_model.rowCount())}
    assert categories["低保"] == 2


def test_enrol_dialog_shows_field_errors_and_extra_fields(qtbot, filled):
    dialog = EnrolDialog(filled, household_id=filled.ids["ha"], category="残疾")
    qtbot.addWidget(dialog)
    assert set(dialog.extra_widgets) == {"cert_no", "disability_type", "grade"}
    dialog.set_subject("resident", filled.ids["wang"])
    dialog.accept()
    assert dialog.record is None and "残疾" in dialog.message.text()  # already open on the list
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("特困供养"))
    assert set(dialog.extra_widgets) == {"self_care", "support_setting"}
    dialog.accept()
    assert dialog.record is None and dialog.message.text() == "请填写自理能力"
    dialog.extra_widgets["self_care"].setCurrentIndex(2)
    dialog.extra_widgets["support_setting"].setCurrentIndex(2)
    dialog.amount_edit.setText("abc")
    dialog.accept()
    assert dialog.record is None and "月保障金额" in dialog.message.text()
    dialog.amount_edit.setText("")
    dialog.accept()
    assert dialog.record is not None and dialog.record.extra == {"self_care": "半失能", "support_setting": "分散"}


def test_grid_worker_is_refused_in_another_grid(qtbot, filled):
    filled.access = Access(role=GRID_WORKER, grid_ids=frozenset({filled.ids["g1"]}))
    page = HardshipPage(filled)
    qtbot.addWidget(page)
    assert page.grid_filter.currentData() == filled.ids["g1"]
    dialog = EnrolDialog(filled, household_id=filled.ids["hb"], category="失业")
    qtbot.addWidget(dialog)
    dialog.set_subject("resident", filled.ids["chen"])
    dialog.accept()
    assert dialog.record is None and "网格员只能修改" in dialog.message.text()


def test_review_and_assistance_dialogs(qtbot, filled):
    e = filled.hardship.get(filled.ids["dibao_a"])
    review = ReviewDialog(filled, e)
    qtbot.addWidget(review)
    review.date_edit.setDate(QDate(2026, 3, 12))
    review.amount_edit.setText("700")
    review.accept()
    assert review.record.next_review_date == "2027-03-12" and review.record.monthly_amount_fen == 70000
    aid = AssistanceDialog(filled, enrolment=review.record)
    qtbot.addWidget(aid)
    aid.kind_combo.setCurrentIndex(aid.kind_combo.findData("实物"))
    aid.accept()
    assert aid.record is None and aid.message.text() == "请填写物品/服务内容或折合金额"
    aid.items_edit.setText("米、油")
    aid.source_combo.setCurrentText("社会捐赠")
    aid.accept()
    assert (aid.record.items, aid.record.source, aid.record.category_code) == ("米、油", "社会捐赠", "低保")


def test_household_widget(qtbot, filled, monkeypatch):
    widget = HouseholdEnrolmentsWidget(filled, filled.ids["ha"])
    qtbot.addWidget(widget)
    assert [r.category_code for r in widget.model.records()] == ["低保", "残疾", "高龄老人"]
    widget.table.selectRow(0)
    assert widget.detail.enrolment.category_code == "低保"
    assert widget.detail.review_button.isEnabled()
    assert widget.detail.assistance_model.rowCount() == 1
    widget.table.selectRow(2)
    assert not widget.detail.status_button.isEnabled()

    def fill(dialog: EnrolDialog) -> int:
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("空巢老人"))
        dialog.subject_combo.setCurrentIndex(2)  # 李秀英 (row 0 is the household, 1 the head)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EnrolDialog, "exec", fill)
    with qtbot.waitSignal(widget.changed):
        record = widget.new_enrolment()
    assert (record.category_code, record.subject_name) == ("空巢老人", "李秀英")
    assert widget.detail.enrolment.id == record.id
    assert len(widget.model.records()) == 4
