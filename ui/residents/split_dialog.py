"""分户: move some members of a household into a new household with its own head.

Writes through ``Households.split`` (one transaction, one undoable operation).
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from ui.common import FieldMessage
from ui.residents.household_dialog import building_combo
from ui.residents.move_dialog import _buttons, date_edit, to_date


class SplitDialog(QDialog):
    """Pick members, the new head and the new address; after Accepted ``saved`` is the new household."""

    def __init__(self, ledger: Any, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._household_id = household_id
        self.saved = None
        summary = ledger.households.summary(household_id)
        self.setWindowTitle(self.tr("Split household %1").replace("%1", summary["address"]))
        self.setMinimumWidth(460)

        self.members = QListWidget()
        for member in ledger.households.members(household_id):
            item = QListWidgetItem(f"{member.name}（{member.relation or ''}）")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, member.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.head = QComboBox()
        self.building = building_combo(ledger, selected=summary["building_id"])
        self.entrance = QLineEdit(summary.get("entrance") or "")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. 302"))
        self.date = date_edit()
        self.reason = QLineEdit()
        self.message = FieldMessage()

        form = QFormLayout()
        form.addRow(self.tr("Head of the new household"), self.head)
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Entrance"), self.entrance)
        form.addRow(self.tr("Unit (room)"), self.unit)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        box, self.save_button = _buttons(self, self.tr("Split"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Members who move to the new household:")))
        layout.addWidget(self.members)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self.members.itemChanged.connect(self._update)
        self.unit.textChanged.connect(self._update)
        self._update()

    def checked(self) -> list[str]:
        items = (self.members.item(i) for i in range(self.members.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        current = self.head.currentData()
        self.head.clear()
        for i in range(self.members.count()):
            item = self.members.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                self.head.addItem(item.data(Qt.ItemDataRole.UserRole + 1), item.data(Qt.ItemDataRole.UserRole))
        if current is not None and self.head.findData(current) >= 0:
            self.head.setCurrentIndex(self.head.findData(current))
        self.save_button.setEnabled(bool(self.checked()) and bool(self.unit.text().strip()))
        self.message.show_message(None)

    def accept(self) -> None:
        try:
            self.saved = self._ledger.households.split(
                self._household_id, resident_ids=self.checked(), head_id=self.head.currentData(),
                building_id=self.building.currentData(), entrance=self.entrance.text().strip(),
                unit=self.unit.text(), on=to_date(self.date), reason=self.reason.text().strip() or None)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return
        super().accept()
