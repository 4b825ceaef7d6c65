"""The "get started" panel on the home page of an empty ledger, and the grid dialog it opens.

A new ledger has no grids, buildings or residents; the panel says what to do
next: add the grids (each with its buildings), or import an Excel roster (the
import wizard creates the buildings it finds).  It hides itself once the
ledger has residents.  ``GridDialog`` writes through the core
(``ledger.grids.add`` / ``ledger.buildings.add``) in one operation, so a
grid with its buildings is one undo step.  GUI thread only.
"""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ui.common import FieldMessage
from ui.signals import emit


def is_empty(ledger: Any) -> bool:
    # one index entry, not a count of everyone: this runs at start and after every change
    return not ledger.listing.at_least(1)


def split_names(text: str) -> list[str]:
    """'1栋, 2栋、3栋 4栋' → ['1栋', '2栋', '3栋', '4栋'] (commas, 、 or spaces separate)."""
    return [part for part in re.split(r"[,，、;；\s]+", text) if part]


class GridDialog(QDialog):
    """Add one grid with its grid worker and (optionally) its buildings; Enter saves, Esc cancels."""

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.saved: Any = None
        self.setWindowTitle(self.tr("Add a grid"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Grid 1"))
        self.worker = QLineEdit()
        self.phone = QLineEdit()
        self.buildings = QLineEdit()
        self.buildings.setPlaceholderText(self.tr("e.g. Building 1, Building 2, Building 3"))
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("Grid &name"), self.name)
        form.addRow(self.tr("Grid &worker"), self.worker)
        form.addRow(self.tr("Worker's &phone"), self.phone)
        form.addRow(self.tr("&Buildings"), self.buildings)
        hint = QLabel(self.tr("Separate building names with commas. More can be added later by importing a roster."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.setFocus()

    def save(self) -> bool:
        from neighbourhood.errors import LedgerError

        try:
            with self.ledger.operation(self.tr("Add grid %1").replace("%1", self.name.text().strip())):
                grid = self.ledger.grids.add(name=self.name.text(), worker_name=self.worker.text().strip() or None,
                                             worker_phone=self.phone.text().strip() or None)
                for number, name in enumerate(split_names(self.buildings.text()), 1):
                    self.ledger.buildings.add(grid_id=grid.id, name=name, sort_no=number)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self.saved = grid
        self.accept()
        return True


class GetStartedPanel(QFrame):
    """Next steps for an empty ledger: add grids, or import an Excel roster."""

    addGrid = Signal()
    importRoster = Signal()

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.setObjectName("getStarted")
        self.setStyleSheet("QFrame#getStarted { background: #eef5ff; border: 1px solid #90b8e8; border-radius: 6px; }")
        title = QLabel(self.tr("Get started"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.grid_button = QPushButton(self.tr("1. Add grids and buildings…"))
        self.import_button = QPushButton(self.tr("2. Import residents from an Excel roster… (Ctrl+I)"))
        self.grid_button.clicked.connect(lambda: emit(self.addGrid))
        self.import_button.clicked.connect(lambda: emit(self.importRoster))
        buttons = QHBoxLayout()
        buttons.addWidget(self.grid_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        grids = len(self.ledger.grids.list())
        self.text.setText(self.tr(
            "The ledger is empty. First add the community's grids with their buildings, then bring in the "
            "residents: import the Excel roster you keep today, or add households by hand on the Registry page. "
            "Help → User guide (F1) explains each step.") if not grids else self.tr(
            "%1 grid(s) added. Now import the residents from an Excel roster, or add households on the Registry "
            "page.").replace("%1", str(grids)))
        self.setVisible(is_empty(self.ledger))
