"""The main window on the demo community: tree, filtering, dialogs, undo, full view."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.registry.tree_model import BUILDING, ID_ROLE, KIND_ROLE
from ui.residents.resident_dialog import ResidentDialog


def _valid_id(body17: str) -> str:
    from neighbourhood.idnumbers import check_char

    return body17 + check_char(body17)


@pytest.fixture
def window(qtbot, demo_ledger):
    win = MainWindow(demo_ledger)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # The status-bar totals are counted just after the window shows; the table's ids arrive in chunks.
    qtbot.waitUntil(lambda: "…" not in win.counts_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: win.registry.table_model.complete, timeout=5000)
    assert win.nav.currentRow() == win.area_rows["home"]  # the home page opens first
    win.show_area("registry")
    return win


def _select_first_building(window):
    registry = window.registry
    grid = registry.tree_model.index(0, 0)
    registry.tree.expand(grid)
    building = registry.tree_model.index(0, 0, grid)
    assert building.data(KIND_ROLE) == BUILDING
    registry.tree.setCurrentIndex(building)
    return building


def _select_first_household(window):
    building = _select_first_building(window)
    window.registry.tree.expand(building)
    household = window.registry.tree_model.index(0, 0, building)
    window.registry.tree.setCurrentIndex(household)
    return household


def test_window_opens_with_demo_data(window, demo_ledger):
    tree = window.registry.tree_model
    assert tree.rowCount() == 3
    assert [tree.index(r, 0).data() for r in range(3)] == ["第一网格", "第二网格", "第三网格"]
    assert window.windowTitle().endswith("阳光社区")
    assert window.registry.table_model.rowCount() == len(demo_ledger.listing.rowids())
    assert window.community_label.text() == "阳光社区"
    assert f"{window.registry.table_model.rowCount():,}" in window.counts_label.text()
    assert window.nav.count() == 6 and window.pages.count() == 6
    assert not window.undo_action.isEnabled()
    # The demo ledger is not signed in: the system user may not unmask.
    assert not window.full_action.isEnabled()


def test_navigation_switches_pages(window):
    window.nav.setCurrentRow(3)
    assert window.pages.currentIndex() == 3
    window.show_area("registry")
    assert window.pages.currentWidget() is window.registry
    window.dashboard.navigate.emit("visits")
    assert window.nav.currentRow() == window.area_rows["visits"]


def test_selecting_a_building_filters_the_table(window, demo_ledger):
    everyone = window.registry.table_model.rowCount()
    building = _select_first_building(window)
    in_building = len(demo_ledger.listing.rowids(building_id=building.data(ID_ROLE)))
    assert window.registry.table_model.rowCount() == in_building < everyone
    assert window.registry.stack.currentIndex() == 0
    assert f"{in_building:,}" in window.registry.caption.text()


def test_selecting_a_household_shows_its_view(window, demo_ledger):
    household = _select_first_household(window)
    view = window.registry.household_view
    assert window.registry.stack.currentWidget() is view
    summary = demo_ledger.households.summary(household.data(ID_ROLE))
    assert view.address.text() == summary["address"]
    assert view.head.text() == summary["head_name"]
    assert view.members_model.rowCount() == len(demo_ledger.households.members(household.data(ID_ROLE)))
    assert view.history.topLevelItemCount() == view.members_model.rowCount()
    assert view.history.topLevelItem(0).child(0).text(1) == "登记"
    assert window.add_resident_action.isEnabled() and window.split_action.isEnabled()


def test_new_resident_saved_then_undone(qtbot, window, demo_ledger):
    household = _select_first_household(window)
    household_id = household.data(ID_ROLE)
    members_before = window.registry.household_view.members_model.rowCount()
    label_before = household.data()

    dialog = ResidentDialog(demo_ledger, household_id=household_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("张伟")
    dialog.edits["id_number"].setText(_valid_id("37010219900307123"))
    dialog.edits["relation"].setCurrentText("子女")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved.name == "张伟"
    window.after_change()

    assert window.registry.household_view.members_model.rowCount() == members_before + 1
    assert window.registry.tree_model.find("household", household_id).data() != label_before
    assert window.undo_action.isEnabled()
    assert "登记居民 张伟" in window.undo_action.text()

    window.undo_action.trigger()
    assert window.registry.household_view.members_model.rowCount() == members_before
    assert window.registry.tree_model.find("household", household_id).data() == label_before
    assert not window.undo_action.isEnabled()
    with pytest.raises(Exception):
        demo_ledger.residents.get(dialog.saved.id)


def test_new_resident_appears_in_the_table_and_undo_removes_it(qtbot, window, demo_ledger):
    building = _select_first_building(window)
    rows_before = window.registry.table_model.rowCount()
    household_id = demo_ledger.households.list(building.data(ID_ROLE))[0]["id"]
    dialog = ResidentDialog(demo_ledger, household_id=household_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("欧阳娜娜")
    dialog.edits["relation"].setCurrentText("其他")
    dialog.accept()
    window.after_change()
    model = window.registry.table_model
    assert model.rowCount() == rows_before + 1
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "欧阳娜娜" in names
    window.undo()
    assert model.rowCount() == rows_before
    assert "欧阳娜娜" not in [model.index(r, 0).data() for r in range(model.rowCount())]


def test_double_click_opens_the_edit_dialog(window, monkeypatch):
    opened: list[str] = []

    def fake_exec(dialog):
        opened.append(dialog._resident.id)
        return 0

    monkeypatch.setattr(ResidentDialog, "exec", fake_exec)
    index = window.registry.table_model.index(3, 0)
    window.registry.table.doubleClicked.emit(index)
    assert opened == [index.data(Qt.ItemDataRole.UserRole + 1)]


def test_full_view_needs_the_right_and_unmasks(qtbot, demo_ledger):
    from neighbourhood.demo import DEMO_PASSWORD

    demo_ledger.users.sign_in("admin", DEMO_PASSWORD)
    win = MainWindow(demo_ledger)
    qtbot.addWidget(win)
    assert win.full_action.isEnabled()
    assert "王书记" in win.user_label.text() and "管理员" in win.user_label.text()
    column = 4
    assert "*" in win.registry.table_model.index(0, column).data()
    win.full_action.setChecked(True)
    assert re.match(r"^\d{17}[\dX]$", win.registry.table_model.index(0, column).data())
    win.full_action.setChecked(False)
    assert "*" in win.registry.table_model.index(0, column).data()


def test_geometry_is_remembered(qtbot, demo_ledger):
    first = MainWindow(demo_ledger)
    qtbot.addWidget(first)
    first.registry.splitter.setSizes([250, 300])
    first.resize(760, 520)  # fits the offscreen screen (800×600)
    first.show()
    qtbot.waitExposed(first)
    sizes = first.registry.splitter.sizes()
    first.close()
    second = MainWindow(demo_ledger)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.registry.splitter.sizes() == sizes, (second.size(), sizes)
    assert second.size().width() == 760


def test_status_totals_are_counted_after_the_window_shows(qtbot, demo_ledger):
    win = MainWindow(demo_ledger)
    qtbot.addWidget(win)
    assert "…" in win.counts_label.text()  # nothing counted while the window is built
    win.show()
    totals = demo_ledger.counts()
    qtbot.waitUntil(lambda: f"{totals['households']:,} households · {totals['residents']:,} residents"
                    in win.counts_label.text(), timeout=5000)


def test_status_counts_follow_changes_not_filters(qtbot, window, demo_ledger, monkeypatch):
    import ui.main_window as main_window

    calls: list[int] = []
    original = main_window.registry_counts
    monkeypatch.setattr(main_window, "registry_counts", lambda ledger: calls.append(1) or original(ledger))
    building = _select_first_building(window)
    assert calls == []  # a filter change does not re-count the community
    shown = len(demo_ledger.listing.rowids(building_id=building.data(ID_ROLE)))
    assert f"· {shown:,}" in window.counts_label.text() or f"{shown:,} shown" in window.counts_label.text()
    residents_before = original(demo_ledger)["residents"]
    demo_ledger.residents.add(household_id=demo_ledger.households.list(building.data(ID_ROLE))[0]["id"],
                              name="李四", relation="其他")
    window.after_change()
    assert calls == [1]
    assert f"{residents_before + 1:,} residents" in window.counts_label.text()
