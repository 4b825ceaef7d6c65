"""Visits screens: models pass qtmodeltester, fast entry records a visit with the keyboard and
moves to the next due household, filters survive opening a record.  (``world``: conftest.py)"""
from __future__ import annotations

from PySide6.QtCore import Qt

from neighbourhood.access import Access
from ui.visits.entry_dialog import VisitEntryDialog
from ui.visits.models import RECORD_ID_ROLE, ScheduleTableModel, VisitHistoryModel
from ui.visits.page import VisitsPage


def test_schedule_model_passes_modeltester(qtmodeltester, world):
    model = ScheduleTableModel(world["ledger"])
    model.set_filter()
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Overdue"
    assert model.index(0, 1).data() == "10"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_filter(grid_id=world["g2"])
    assert [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(model.rowCount())] == [world["far"]]


def test_history_model_passes_modeltester(qtmodeltester, world):
    model = VisitHistoryModel(world["ledger"])
    model.set_household(world["homes"][3])
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(2)] == ["Visited", "Nobody home"]
    assert model.index(0, 6).data() == "1"  # one need


def _page(qtbot, world) -> VisitsPage:
    page = VisitsPage(world["ledger"])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _listed(page: VisitsPage) -> list[str]:
    model = page.schedule_model
    return [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(model.rowCount())]


def test_grid_worker_starts_on_own_grid_with_the_todo_list(qtbot, world):
    page = _page(qtbot, world)
    assert page.grid_filter.currentData() == world["g1"]
    listed = _listed(page)
    # overdue first, then never visited; the household visited yesterday is up to date and hidden
    assert listed[0] == world["homes"][0]
    assert set(listed) == set(world["homes"][:3])
    assert "Overdue 1" in page.summary.text()


def test_fast_entry_saves_and_moves_to_the_next_due_household(qtbot, world):
    ledger = world["ledger"]
    page = _page(qtbot, world)
    before = _listed(page)
    page.schedule_view.setFocus()
    page.schedule_view.selectRow(0)
    qtbot.keyClick(page.schedule_view, Qt.Key.Key_Return)        # Enter opens fast entry
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    assert dialog.household_id == before[0]
    assert dialog.visitor_edit.text() == "李娜"
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == "2026-03-11"
    assert dialog.next_edit.text() == "2027-03-11"                 # yearly rule
    dialog.situation_edit.setPlainText("家中整洁，身体尚可")
    dialog.requests_edit.setPlainText("希望维修楼道灯")
    dialog.add_need_row("维修楼道灯", "物业", "2026-03-20")
    dialog.residents_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.time_edit, "9:30")
    dialog.time_edit.setFocus()
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = ledger.visits.history(before[0])
    assert len(saved) == 2 and saved[0].visit_date == "2026-03-11" and saved[0].start_time == "09:30"
    visit = ledger.visits.get(saved[0].id)
    assert [n.what for n in visit.needs] == ["维修楼道灯"] and visit.resident_names == ("张伟",)
    assert [v.name for v in visit.visitors] == ["李娜"]
    # the dialog moved on to the next due household, with a clean form
    assert dialog.household_id == before[1]
    assert dialog.situation_edit.toPlainText() == "" and dialog.needs_table.rowCount() == 0
    assert page.current_household() == before[1]
    # the visited household left the to-do list
    assert before[0] not in _listed(page)
    # a 未遇 attempt, also from the keyboard, and the dialog moves on again
    dialog.nobody_check.setChecked(True)
    dialog.plan_edit.setFocus()
    qtbot.keyClick(dialog.plan_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert ledger.visits.history(before[1])[0].nobody_home
    assert dialog.household_id == before[2]
    assert before[1] in _listed(page)                               # an attempt is not a visit


def test_entry_error_is_shown_and_nothing_saved(qtbot, world):
    ledger = world["ledger"]
    dialog = VisitEntryDialog(ledger, household_id=world["homes"][2])
    qtbot.addWidget(dialog)
    dialog.visitor_edit.setText("路人甲")
    assert dialog.save() is False
    assert "路人甲" in dialog.message.text() and not dialog.message.isHidden()
    assert ledger.visits.history(world["homes"][2]) == []
    assert dialog.household_id == world["homes"][2]


def test_household_chosen_by_typing_in_search(qtbot, world):
    ledger = world["ledger"]
    dialog = VisitEntryDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.household_id is None
    assert dialog.save() is False                                   # no household yet
    qtbot.keyClicks(dialog.search_edit, "liufang")
    assert dialog.hits.count() >= 1
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.household_id == world["homes"][2]
    assert "103" in dialog.household_label.text()
    assert dialog.save() is True
    assert len(ledger.visits.history(world["homes"][2])) == 1


def test_filters_survive_opening_a_record(qtbot, world):
    ledger = world["ledger"]
    ledger.access = Access()  # staff view: all grids
    page = _page(qtbot, world)
    page.grid_filter.setCurrentIndex(page.grid_filter.findData(world["g1"]))
    page.status_filter.setCurrentIndex(page.status_filter.findData("never_visited"))
    listed = _listed(page)
    assert set(listed) == {world["homes"][1], world["homes"][2]}
    page.schedule_view.selectRow(1)
    dialog = page.record_visit()
    assert dialog.household_id == listed[1]
    dialog.visitor_edit.setText("李娜")
    dialog.role_combo.setCurrentText("网格员")
    assert dialog.save() is True                                    # saved; list reloaded
    assert page.grid_filter.currentData() == world["g1"]
    assert page.status_filter.currentData() == "never_visited"
    assert page.schedule_model.filter == {"grid_id": world["g1"], "status": "never_visited"}
    assert _listed(page) == [listed[0]]
    dialog.close()
    page.refresh()
    assert page.status_filter.currentData() == "never_visited" and _listed(page) == [listed[0]]
    assert page.history_model.household_id == listed[0]


def test_plain_enter_in_search_picks_but_does_not_save(qtbot, world):
    ledger = world["ledger"]
    dialog = VisitEntryDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search_edit, "liufang")
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.household_id == world["homes"][2] and dialog.isVisible()
    assert ledger.visits.history(world["homes"][2]) == []


def test_every_visits_string_has_a_chinese_translation():
    """Each tr()/QT_TRANSLATE_NOOP/translate source in ui/visits is in zh_CN_strings, by context."""
    import ast
    import pathlib

    from ui.visits.zh_CN_strings import STRINGS

    missing = []
    for path in pathlib.Path(__file__).resolve().parents[3].joinpath("ui", "visits").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)] + [tree]:
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                if name == "tr" and isinstance(cls, ast.ClassDef) and args:
                    context, source = cls.name, args[0]
                elif name in ("QT_TRANSLATE_NOOP", "translate") and len(args) == 2:
                    context, source = args
                else:
                    continue
                if not STRINGS.get(context, {}).get(source):
                    missing.append(f"{context}: {source}")
    assert missing == []


def test_future_date_and_moved_out_household_are_refused_on_screen(qtbot, world):
    from PySide6.QtCore import QDate

    ledger = world["ledger"]
    home = world["homes"][1]
    dialog = VisitEntryDialog(ledger, household_id=home)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 3, 12))                    # tomorrow
    assert dialog.save() is False
    assert "2026-03-12" in dialog.message.text() and "将来" in dialog.message.text()
    dialog.date_edit.setDate(QDate(2026, 3, 11))
    ledger.access = Access()
    ledger.households.update(home, status="注销")                    # moved out meanwhile
    assert dialog.save() is False
    assert "注销" in dialog.message.text()
    assert ledger.visits.history(home) == [] and dialog.household_id == home
