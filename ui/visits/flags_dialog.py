"""HouseholdFlagsDialog: set or clear manual flags (重点关注 …) on one household.

A flag puts the household in the group ``flag:<name>`` that a visit rule can
name.  The list shows every flag in use or named by a rule, checked when this
household has it; checking sets it, unchecking clears it, a new name is typed
below.  Each change goes through ``ledger.visits.set_flag``/``clear_flag``
(the household's grid is checked; audited, one undo step).  ``changed()`` after
each change.  GUI thread only.  No SQL here.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from ui.common import FieldMessage
from ui.signals import emit


class HouseholdFlagsDialog(QDialog):
    """Manual flags of one household; ``changed()`` after each accepted change."""

    changed = Signal()

    def __init__(self, ledger: Any, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.household_id = household_id
        self.setWindowTitle(self.tr("Household flags"))
        summary = ledger.households.summary(household_id)
        title = QLabel(f"{summary['address']} — {summary.get('head_name') or ''}")
        title.setStyleSheet("font-weight: bold;")
        hint = QLabel(self.tr("A flag puts the household in a group that a visit rule can use "
                              "(for example close attention every 14 days)."))
        hint.setWordWrap(True)
        self.flags_list = QListWidget()
        self.flags_list.itemChanged.connect(self._toggled)
        self.new_edit = QLineEdit()
        self.new_edit.setPlaceholderText(self.tr("New flag, e.g. close attention"))
        self.new_edit.returnPressed.connect(self.add_flag)
        add = QPushButton(self.tr("Add flag"))
        add.clicked.connect(self.add_flag)
        self.message = FieldMessage()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.new_edit, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.flags_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, 360)
        self._fill()

    def _fill(self) -> None:
        mine = set(self._ledger.visits.flags(self.household_id))
        self.flags_list.blockSignals(True)
        self.flags_list.clear()
        for name in sorted(set(self._ledger.visits.flag_choices()) | mine):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in mine else Qt.CheckState.Unchecked)
            self.flags_list.addItem(item)
        self.flags_list.blockSignals(False)

    def checked(self) -> list[str]:
        return [self.flags_list.item(i).text() for i in range(self.flags_list.count())
                if self.flags_list.item(i).checkState() == Qt.CheckState.Checked]

    def _toggled(self, item: QListWidgetItem) -> None:
        name = item.text()
        try:
            if item.checkState() == Qt.CheckState.Checked:
                self._ledger.visits.set_flag(self.household_id, name)
            else:
                self._ledger.visits.clear_flag(self.household_id, name)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            self._fill()  # back to what is saved
            return
        self.message.show_message(None)
        emit(self.changed)

    def add_flag(self) -> bool:
        name = self.new_edit.text().strip()
        try:
            self._ledger.visits.set_flag(self.household_id, name)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self.new_edit.clear()
        self._fill()
        self.message.show_message(None)
        emit(self.changed)
        return True
