"""Moves and endings of one resident: 迁移 (to another household), 迁出, 死亡.

Each dialog writes through one service call (one undoable operation) and
shows the service's Chinese message when it refuses.  GUI thread only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from neighbourhood import vocab
from neighbourhood.errors import LedgerError
from ui.common import FieldMessage
from ui.registry.tree_model import household_label
from ui.residents.household_dialog import building_combo

LEFT, DECEASED = "迁出", "死亡"


def date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())  # these record what happened, not plans
    return edit


def to_date(edit: QDateEdit) -> _dt.date:
    d = edit.date()
    return _dt.date(d.year(), d.month(), d.day())


def _buttons(dialog: QDialog, save_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox()
    save = QPushButton(save_text)
    save.setDefault(True)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Common", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, save


class MoveDialog(QDialog):
    """Move a resident into another household of the community."""

    def __init__(self, ledger: Any, resident_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._resident = ledger.residents.get(resident_id)
        self.saved = None
        self.setWindowTitle(self.tr("Move %1").replace("%1", self._resident.name))
        self.setMinimumWidth(460)

        current = ledger.households.summary(self._resident.household_id)
        self.building = building_combo(ledger, selected=current["building_id"])
        self.household = QComboBox()
        self.relation = QComboBox()
        self.relation.addItems(list(vocab.RELATIONS))
        self.relation.setCurrentText("其他" if self._resident.relation == "户主" else (self._resident.relation or "其他"))
        self.date = date_edit()
        self.reason = QLineEdit()
        self.message = FieldMessage()

        form = QFormLayout()
        form.addRow(self.tr("Now in:"), QLabel(current["address"]))
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Target household"), self.household)
        form.addRow(self.tr("Relation to new head"), self.relation)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        box, self.save_button = _buttons(self, self.tr("Move"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self.building.currentIndexChanged.connect(self._fill_households)
        self._fill_households()

    def _fill_households(self) -> None:
        self.household.clear()
        building_id = self.building.currentData()
        for row in self._ledger.households.list(building_id) if building_id else []:
            if row["id"] != self._resident.household_id:
                self.household.addItem(household_label(row), row["id"])
        self.save_button.setEnabled(self.household.count() > 0)

    def accept(self) -> None:
        try:
            self.saved = self._ledger.residents.move(
                self._resident.id, to_household_id=self.household.currentData(), on=to_date(self.date),
                reason=self.reason.text().strip() or None, relation=self.relation.currentText())
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return
        super().accept()


class EndDialog(QDialog):
    """迁出 (moved away) or 死亡 (deceased): a date and a reason; the record stays."""

    def __init__(self, ledger: Any, resident_id: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in (LEFT, DECEASED):
            raise ValueError(kind)
        self._ledger = ledger
        self._kind = kind
        self._resident = ledger.residents.get(resident_id)
        self.saved = None
        name = self._resident.name
        if kind == LEFT:
            self.setWindowTitle(self.tr("Moved away: %1").replace("%1", name))
            note = self.tr("%1 stays on record as moved away and is no longer counted.").replace("%1", name)
        else:
            self.setWindowTitle(self.tr("Record death: %1").replace("%1", name))
            note = self.tr("%1 stays on record as deceased and is no longer counted.").replace("%1", name)
        self.date = date_edit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. moved to another city") if kind == LEFT else "")
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        note += " " + self.tr("Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.")
        info = QLabel(note)
        info.setWordWrap(True)
        box, _save = _buttons(self, self.tr("Save"))
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(box)

    def accept(self) -> None:
        service = (self._ledger.residents.mark_left if self._kind == LEFT
                   else self._ledger.residents.mark_deceased)
        try:
            self.saved = service(self._resident.id, on=to_date(self.date),
                                 reason=self.reason.text().strip() or None)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return
        super().accept()
