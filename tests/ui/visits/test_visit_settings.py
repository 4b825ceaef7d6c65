"""Visit rules, visit types and manual flags on screen: edits go through the service (audited,
permission-checked), refusals leave nothing changed; the schedule list pages.  (``world``: conftest.py)"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from neighbourhood.access import Access
from ui.visits.flags_dialog import HouseholdFlagsDialog
from ui.visits.models import RECORD_ID_ROLE, ScheduleTableModel
from ui.visits.page import VisitsPage
from ui.visits.rules_dialog import VisitRulesModel, VisitSettingsDialog


def _audited(ledger, table: str) -> int:
    return ledger.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = ?", (table,)).fetchone()[0]


def _column(model, key: str) -> int:
    return [c[0] for c in model.COLUMNS].index(key)


def test_rules_model_passes_modeltester_and_edits_through_the_service(qtmodeltester, world):
    ledger = world["ledger"]
    ledger.access = Access()  # staff
    model = VisitRulesModel(ledger)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    row = next(r for r in range(model.rowCount()) if model.rule(r).group_key == "all")
    interval = model.index(row, _column(model, "interval_days"))
    assert interval.data() == "365" and interval.flags() & Qt.ItemFlag.ItemIsEditable
    before = _audited(ledger, "visit_rules")
    assert model.setData(interval, 30) is True
    assert next(r for r in ledger.visits.rules() if r.group_key == "all").interval_days == 30
    assert _audited(ledger, "visit_rules") == before + 1
    # the yearly household visited 2025-03-01 is now due every 30 days
    assert next(r for r in ledger.visits.schedule() if r.household_id == world["homes"][0]).interval_days == 30
    # a bad value: the core's message, nothing saved
    failures = []
    model.failed.connect(failures.append)
    assert model.setData(interval, 0) is False
    assert failures and "1 到 3660" in failures[0]
    assert model.index(row, _column(model, "interval_days")).data() == "30"
    # switching a rule off with its check box
    active = model.index(row, _column(model, "active"))
    assert model.setData(active, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole) is True
    assert not next(r for r in ledger.visits.rules() if r.group_key == "all").active
    qtmodeltester.check(model)


def test_grid_worker_cannot_change_rules(qtbot, world):
    ledger = world["ledger"]                     # signed in as the grid worker
    dialog = VisitSettingsDialog(ledger)
    qtbot.addWidget(dialog)
    assert not dialog.add_rule_button.isEnabled() and not dialog.add_type_button.isEnabled()
    model = dialog.rules_model
    row = next(r for r in range(model.rowCount()) if model.rule(r).group_key == "all")
    assert model.setData(model.index(row, _column(model, "interval_days")), 30) is False
    assert "工作人员" in dialog.message.text() and not dialog.message.isHidden()
    assert next(r for r in ledger.visits.rules() if r.group_key == "all").interval_days == 365


def test_add_and_delete_a_rule_and_a_custom_type(qtbot, world, monkeypatch):
    ledger = world["ledger"]
    ledger.access = Access()
    ledger.visits.set_flag(world["far"], "重点关注")
    dialog = VisitSettingsDialog(ledger)
    qtbot.addWidget(dialog)
    changes = []
    dialog.changed.connect(lambda: changes.append(1))
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("flag:重点关注"))
    dialog.interval_spin.setValue(14)
    dialog.tier_combo.setCurrentText("重点")
    assert dialog.add_rule() is True
    rule = next(r for r in ledger.visits.rules() if r.group_key == "flag:重点关注")
    assert (rule.interval_days, rule.tier, rule.label) == (14, "重点", "重点关注")
    row = next(r for r in ledger.visits.schedule() if r.household_id == world["far"])
    assert row.interval_days == 14 and "重点关注" in row.groups
    # delete it again (confirmed)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.rules_view.selectRow(dialog.rules_model.row_of(rule.id))
    assert dialog.delete_rule() is True
    assert all(r.group_key != "flag:重点关注" for r in ledger.visits.rules())
    # a custom type, then switched off: no longer offered, still known
    dialog.type_edit.setText("节日慰问")
    qtbot.keyClick(dialog.type_edit, Qt.Key.Key_Return)
    assert "节日慰问" in [t.name for t in ledger.visits.types()]
    item = dialog.types_list.findItems("节日慰问", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Unchecked)
    assert "节日慰问" not in [t.name for t in ledger.visits.types()]
    assert "节日慰问" in [t.name for t in ledger.visits.types(include_inactive=True)]
    dialog.type_edit.setText("日常走访")                   # duplicate: refused with a message
    assert dialog.add_type() is False and "日常走访" in dialog.message.text()
    assert len(changes) == 4


def test_flags_dialog_sets_and_clears_a_flag(qtbot, world):
    ledger = world["ledger"]                     # grid worker of grid 1
    home = world["homes"][2]
    dialog = HouseholdFlagsDialog(ledger, home)
    qtbot.addWidget(dialog)
    before = _audited(ledger, "household_flags")
    dialog.new_edit.setText("重点关注")
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert ledger.visits.flags(home) == ["重点关注"] and dialog.checked() == ["重点关注"]
    item = dialog.flags_list.findItems("重点关注", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Unchecked)
    assert ledger.visits.flags(home) == []
    assert _audited(ledger, "household_flags") == before + 2
    item = dialog.flags_list.findItems("重点关注", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)
    assert ledger.visits.flags(home) == ["重点关注"]


def test_flags_outside_own_grid_are_refused(qtbot, world):
    ledger = world["ledger"]                     # grid worker of grid 1; "far" is in grid 2
    dialog = HouseholdFlagsDialog(ledger, world["far"])
    qtbot.addWidget(dialog)
    dialog.new_edit.setText("重点关注")
    assert dialog.add_flag() is False
    assert "网格" in dialog.message.text()
    assert ledger.visits.flags(world["far"]) == [] and dialog.checked() == []


def test_page_opens_rules_and_flags(qtbot, world, monkeypatch):
    import threading

    from PySide6.QtWidgets import QPushButton

    from neighbourhood import visit_schedule

    real_ensure, rebuilt_on = visit_schedule.ensure_plan, []

    def ensure(*args, **kw):
        done = real_ensure(*args, **kw)
        if done == "rebuilt":
            rebuilt_on.append(threading.current_thread())
        return done
    monkeypatch.setattr(visit_schedule, "ensure_plan", ensure)
    ledger = world["ledger"]
    ledger.access = Access()
    page = VisitsPage(ledger)
    qtbot.addWidget(page)
    page.schedule_view.selectRow(0)
    flags = page.open_flags()
    assert flags is not None and flags.household_id == page.current_household()
    flags.new_edit.setText("重点关注")
    flags.add_flag()
    flags.close()
    settings = page.open_rules()
    assert settings.isVisible() and settings.rules_model.rowCount() == 3
    settings.group_combo.setCurrentIndex(settings.group_combo.findData("flag:重点关注"))
    settings.interval_spin.setValue(3)
    assert settings.add_rule()
    rebuilt_on.clear()
    settings.done(0)              # closing after a change recomputes the plan on a worker, then the list
    job = page._plan_job
    assert job is not None and job.dialog.findChild(QPushButton) is None    # no Cancel that cannot cancel
    qtbot.waitUntil(lambda: page._plan_job is None, timeout=10_000)
    assert rebuilt_on and threading.main_thread() not in rebuilt_on
    first = page.schedule_model.record(0)
    assert first.household_id == flags.household_id and first.interval_days == 3


def test_schedule_model_fetches_more_as_the_view_scrolls(qtmodeltester, world):
    model = ScheduleTableModel(world["ledger"])
    model.PAGE = 2
    model.set_filter()
    assert model.rowCount() == 2 and model.total == 5 and model.canFetchMore()
    assert model.counts()["all"] == 5 and model.counts()["never_visited"] == 3
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    ids = [model.index(r, 0).data(RECORD_ID_ROLE) for r in range(5)]
    assert ids == [r.household_id for r in world["ledger"].visits.schedule()]
    qtmodeltester.check(model)


def test_household_view_sets_flags_with_the_same_dialog(qtbot, world):
    from ui.residents.household_view import HouseholdView

    ledger = world["ledger"]
    view = HouseholdView(ledger)
    qtbot.addWidget(view)
    assert not view.flags_button.isEnabled() and view.open_flags() is None
    home = world["homes"][2]
    view.set_household(home)
    assert view.flags_button.isEnabled() and view.flags.text() == "—"
    dialog = view.open_flags()
    assert isinstance(dialog, HouseholdFlagsDialog) and dialog.household_id == home
    before = _audited(ledger, "household_flags")
    dialog.new_edit.setText("重点关注")
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert ledger.visits.flags(home) == ["重点关注"]
    assert _audited(ledger, "household_flags") == before + 1
    assert view.flags.text() == "重点关注"               # the view follows the change
    dialog.close()
    view.set_household(world["far"])                   # another grid: refused, nothing saved
    far = view.open_flags()
    far.new_edit.setText("重点关注")
    assert far.add_flag() is False and ledger.visits.flags(world["far"]) == []
    assert view.flags.text() == "—"
