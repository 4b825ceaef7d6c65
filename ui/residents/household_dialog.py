"""Add a household: building chooser, 单元, 室, 住房类型, 人户分离, phone, notes.

Also holds ``building_combo``, the grid · building chooser other dialogs use.
The dialog writes through ``Households.add`` (one undoable operation); a
``ValidationError`` is shown under its field.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from neighbourhood import vocab
from neighbourhood.errors import LedgerError, ValidationError
from ui.common import FieldMessage, show_error


def building_combo(ledger: Any, *, selected: str | None = None) -> QComboBox:
    """A combo of every building as '第一网格 · 3栋' (data: building id)."""
    combo = QComboBox()
    for grid in ledger.grids.list():
        for building in ledger.buildings.list(grid.id):
            combo.addItem(f"{grid.name} · {building.name}", building.id)
            if building.id == selected:
                combo.setCurrentIndex(combo.count() - 1)
    return combo


class HouseholdDialog(QDialog):
    """New household; after Accepted, ``saved`` is the ``Household``."""

    def __init__(self, ledger: Any, *, building_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.saved = None
        self.setWindowTitle(self.tr("New household"))
        self.setMinimumWidth(420)

        self.building = building_combo(ledger, selected=building_id)
        self.entrance = QLineEdit()
        self.entrance.setPlaceholderText(self.tr("e.g. 2 (leave empty if none)"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. 301"))
        self.housing = QComboBox()
        self.housing.addItems(["", *vocab.HOUSING_TYPES])
        self.separated = QComboBox()
        self.separated.addItem(self.tr("No"), None)
        for word in vocab.SEPARATIONS:
            self.separated.addItem(word, word)
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.messages = {name: FieldMessage() for name in ("building_id", "entrance", "unit", "housing_type",
                                                           "separated", "phone", "notes")}

        form = QFormLayout()
        for label, widget, field in (
                (self.tr("Building"), self.building, "building_id"),
                (self.tr("Entrance"), self.entrance, "entrance"),
                (self.tr("Unit (room)"), self.unit, "unit"),
                (self.tr("Housing type"), self.housing, "housing_type"),
                (self.tr("Registered elsewhere / living elsewhere"), self.separated, "separated"),
                (self.tr("Phone"), self.phone, "phone"),
                (self.tr("Notes"), self.notes, "notes")):
            form.addRow(label, widget)
            form.addRow("", self.messages[field])
        for edit, field in ((self.unit, "unit"), (self.phone, "phone"), (self.entrance, "entrance")):
            edit.textChanged.connect(lambda _t, f=field: self.messages[f].show_message(None))
        self.unit.textChanged.connect(self._update_save)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_save()
        self.unit.setFocus() if building_id else self.building.setFocus()

    def _update_save(self) -> None:
        # A household needs a unit; everything else is checked by the service on save.
        self.save_button.setEnabled(bool(self.unit.text().strip()) and self.building.currentData() is not None)

    def accept(self) -> None:
        try:
            self.saved = self._ledger.households.add(
                building_id=self.building.currentData(), entrance=self.entrance.text(), unit=self.unit.text(),
                housing_type=self.housing.currentText() or None, separated=self.separated.currentData(),
                phone=self.phone.text() or None, notes=self.notes.text() or None)
        except ValidationError as exc:
            if exc.field in self.messages:
                self.messages[exc.field].show_message(exc.message)
            else:
                show_error(self, exc)
            return
        except LedgerError as exc:
            show_error(self, exc)
            return
        super().accept()
