"""Keyboard in the main dialogs: Enter presses the saving (default) button, Esc cancels, and Tab
walks every form in the order its rows are shown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QPushButton, QWidget


def _dialogs(ledger):
    from ui.excel.export_dialog import ExportDialog
    from ui.first_run.get_started import GridDialog
    from ui.meetings.editor import MeetingEditor
    from ui.residents.household_dialog import HouseholdDialog
    from ui.residents.move_dialog import EndDialog, MoveDialog
    from ui.residents.resident_dialog import ResidentDialog
    from ui.residents.split_dialog import SplitDialog
    from ui.settings.dialog import SettingsDialog

    building = ledger.buildings.list()[0]
    household = ledger.households.list(building.id)[0]["id"]
    resident = ledger.conn.execute("SELECT id FROM residents WHERE household_id = ? LIMIT 1", (household,)).fetchone()[0]
    return {
        "resident": lambda: ResidentDialog(ledger, resident_id=resident),
        "new resident": lambda: ResidentDialog(ledger, household_id=household),
        "household": lambda: HouseholdDialog(ledger, building_id=building.id),
        "move": lambda: MoveDialog(ledger, resident),
        "end": lambda: EndDialog(ledger, resident, "迁出"),
        "split": lambda: SplitDialog(ledger, household),
        "meeting": lambda: MeetingEditor(ledger),
        "export": lambda: ExportDialog(ledger, "residents", {}),
        "settings": SettingsDialog,
        "grid": lambda: GridDialog(ledger),
    }


NAMES = ["resident", "new resident", "household", "move", "end", "split", "meeting", "export", "settings", "grid"]


def _focus_chain(dialog: QWidget) -> list[QWidget]:
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.mark.parametrize("name", NAMES)
def test_enter_saves_esc_cancels_tab_follows_the_form(qtbot, demo_ledger, name):
    dialog = _dialogs(demo_ledger)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    accept = [b for b in box.buttons() if box.buttonRole(b) in (QDialogButtonBox.ButtonRole.AcceptRole,
                                                                 QDialogButtonBox.ButtonRole.ApplyRole)]
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults and defaults[0] in accept, "Enter must press the saving button"
    chain = _focus_chain(dialog)
    checked = 0
    for form in dialog.findChildren(QFormLayout):
        fields = [form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in range(form.rowCount())]
        widgets = [item.widget() for item in fields if item is not None and item.widget() is not None]
        focusable = [w for w in widgets if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dialog)]
        positions = [chain.index(w) for w in focusable if w in chain]
        assert positions == sorted(positions), f"{name}: Tab order differs from the form's rows"
        checked += len(positions)
    for grid in dialog.findChildren(QGridLayout):
        # A grid of label/field columns is filled down each column, then the next column.
        cells = []
        for index in range(grid.count()):
            widget = grid.itemAt(index).widget()
            if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog):
                row, column, _rows, _columns = grid.getItemPosition(index)
                cells.append((row, column, widget))
        ordered = [chain.index(w) for _r, _c, w in sorted(cells, key=lambda c: (c[1], c[0])) if w in chain]
        assert ordered == sorted(ordered), f"{name}: Tab order differs from the grid's rows"
        checked += len(ordered)
    if name in ("resident", "household", "grid", "meeting"):
        assert checked >= 3  # the check above really looked at a form
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and QDialog.result(dialog) == QDialog.DialogCode.Rejected
