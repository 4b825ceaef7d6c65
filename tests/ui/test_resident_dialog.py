"""The resident dialog: inline Chinese messages, autofill from the ID number, Save state, service errors."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.residents.household_dialog import HouseholdDialog
from ui.residents.move_dialog import EndDialog, MoveDialog
from ui.residents.resident_dialog import ResidentDialog
from ui.residents.split_dialog import SplitDialog


def _valid_id(body17: str) -> str:
    from neighbourhood.idnumbers import check_char

    return body17 + check_char(body17)


@pytest.fixture
def dialog(qtbot, demo_ledger, first_household):
    d = ResidentDialog(demo_ledger, household_id=first_household)
    qtbot.addWidget(d)
    d.show()
    return d


def _shown(d: ResidentDialog, field: str) -> str | None:
    message = d.messages[field]
    return None if message.isHidden() else message.text()


def test_fresh_form_shows_no_messages_but_cannot_save(dialog):
    assert all(_shown(dialog, f) is None for f in dialog.messages)
    assert not dialog.save_button.isEnabled()  # the name is missing
    assert "姓名" in dialog.save_button.toolTip()


def test_bad_id_number_shows_inline_message_after_leaving_the_field(dialog):
    dialog.edits["name"].setText("张伟")
    dialog.edits["id_number"].setText("37010219900307")  # too short
    assert _shown(dialog, "id_number") is None  # not while typing
    dialog.edits["id_number"].editingFinished.emit()
    message = _shown(dialog, "id_number")
    assert message and "身份证" in message
    assert not dialog.save_button.isEnabled()
    dialog.edits["id_number"].setText("")
    dialog.edits["id_number"].editingFinished.emit()
    assert _shown(dialog, "id_number") is None
    assert dialog.save_button.isEnabled()


def test_complete_id_number_with_wrong_check_digit_is_flagged_at_once(dialog):
    good = _valid_id("37010219900307123")
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    dialog.edits["id_number"].setText(bad)
    assert _shown(dialog, "id_number")
    assert dialog.value("sex") == ""  # nothing copied from a bad number


def test_valid_id_number_fills_sex_and_birth_date(dialog):
    dialog.edits["name"].setText("张伟")
    dialog.edits["sex"].setCurrentText("女")  # wrong on purpose: the number says male
    dialog.edits["id_number"].setText(_valid_id("37010219900307123"))
    assert dialog.value("sex") == "男"
    assert dialog.value("birth_date") == "1990-03-07"
    assert dialog.problems == {}
    assert dialog.save_button.isEnabled()


def test_birth_date_conflicting_with_id_number_is_explained(dialog):
    dialog.edits["name"].setText("张伟")
    dialog.edits["id_number"].setText(_valid_id("37010219900307123"))
    dialog.edits["birth_date"].setText("1991-01-01")
    dialog.edits["birth_date"].editingFinished.emit()
    assert "不符" in _shown(dialog, "birth_date")
    assert not dialog.save_button.isEnabled()


def test_bad_phone_and_date_messages(dialog):
    dialog.edits["phone"].setText("12345")
    dialog.edits["phone"].editingFinished.emit()
    dialog.edits["birth_date"].setText("去年")
    dialog.edits["birth_date"].editingFinished.emit()
    assert _shown(dialog, "phone")
    assert "日期" in _shown(dialog, "birth_date")


def test_enter_with_problems_shows_them_all(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert _shown(dialog, "name") == "请填写姓名"


def test_duplicate_id_number_from_the_service_is_shown_at_its_field(qtbot, demo_ledger, dialog):
    existing = demo_ledger.households.members(
        demo_ledger.households.list(demo_ledger.buildings.list()[1].id)[0]["id"])[0]
    dialog.edits["name"].setText("张伟")
    dialog.edits["id_number"].setText(existing.id_number)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "已登记" in _shown(dialog, "id_number")
    assert not dialog.save_button.isEnabled()
    dialog.edits["id_number"].setText("")
    assert dialog.save_button.isEnabled()


def test_edit_changes_only_what_changed(qtbot, demo_ledger, first_household):
    member = demo_ledger.households.members(first_household)[0]
    d = ResidentDialog(demo_ledger, resident_id=member.id)
    qtbot.addWidget(d)
    assert d.value("id_number") == member.id_number  # full value to edit, never the mask
    assert d.changes() == {}
    d.edits["phone"].setText("13905310099")
    assert d.changes() == {"phone": "13905310099"}
    d.accept()
    assert demo_ledger.residents.get(member.id).phone == "13905310099"
    assert demo_ledger.undoable.label.startswith("修改居民")


def test_household_dialog_adds_and_refuses_a_taken_address(qtbot, demo_ledger):
    building = demo_ledger.buildings.list()[0]
    d = HouseholdDialog(demo_ledger, building_id=building.id)
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled()
    d.entrance.setText("1")
    d.unit.setText("101")
    d.accept()
    assert "已有在册住户" in d.messages["unit"].text()
    d.unit.setText("9902")
    d.housing.setCurrentText("租赁")
    d.accept()
    assert d.saved is not None and d.saved.housing_type == "租赁"


def test_move_end_and_split_dialogs(qtbot, demo_ledger, first_household):
    members = demo_ledger.households.members(first_household)
    move = MoveDialog(demo_ledger, members[-1].id)
    qtbot.addWidget(move)
    assert move.household.count() > 0
    target = move.household.currentData()
    move.reason.setText("投靠子女")
    move.accept()
    assert demo_ledger.residents.get(members[-1].id).household_id == target

    end = EndDialog(demo_ledger, members[0].id, "迁出")
    qtbot.addWidget(end)
    end.accept()
    assert demo_ledger.residents.get(members[0].id).status == "迁出"

    household = next(h for h in demo_ledger.households.list(demo_ledger.buildings.list()[2].id)
                     if h["member_count"] >= 2)
    split = SplitDialog(demo_ledger, household["id"])
    qtbot.addWidget(split)
    assert not split.save_button.isEnabled()
    split.members.item(1).setCheckState(Qt.CheckState.Checked)
    split.unit.setText("9903")
    assert split.save_button.isEnabled() and split.head.count() == 1
    split.accept()
    assert split.saved is not None
    assert [m.relation for m in demo_ledger.households.members(split.saved.id)] == ["户主"]


def test_grid_worker_edits_without_seeing_full_id_and_phone(qtbot, demo_ledger, first_household):
    """A role without full view sees the masks; left alone they keep the stored numbers, and a
    whole new number typed over the mask replaces it."""
    from neighbourhood.access import GRID_WORKER, Access
    from neighbourhood.idnumbers import mask_id

    grid_id = demo_ledger.households.summary(first_household)["grid_id"]
    demo_ledger.access = Access(role=GRID_WORKER, user_id="u", username="grid1", display_name="李娜",
                                grid_ids=frozenset({grid_id}))
    resident = next(r for r in demo_ledger.households.members(first_household) if r.id_number and r.phone)
    d = ResidentDialog(demo_ledger, resident_id=resident.id)
    qtbot.addWidget(d)
    d.show()
    shown_id, shown_phone = d.edits["id_number"].text(), d.edits["phone"].text()
    assert shown_id == mask_id(resident.id_number) and "*" in shown_phone
    assert resident.id_number not in shown_id and resident.phone not in shown_phone
    assert d.problems == {}                       # the mask is not judged as a wrong number
    d.edits["name"].setText(resident.name + "某")
    assert d.changes() == {"name": resident.name + "某"}
    d.accept()
    kept = demo_ledger.residents.get(resident.id)
    assert (kept.id_number, kept.phone) == (resident.id_number, resident.phone)
    d2 = ResidentDialog(demo_ledger, resident_id=resident.id)
    qtbot.addWidget(d2)
    d2.edits["phone"].setText("13912345678")
    assert d2.changes() == {"phone": "13912345678"}
    d2.accept()
    assert demo_ledger.residents.get(resident.id).phone == "13912345678"
