"""ConflictReviewPage: staff settle each sync conflict by choosing the laptop's or the office's value.

Every choice is one audited operation in the core (``ledger.sync.conflicts.resolve``);
the page refreshes and emits ``changed`` with the operation's tables.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from ui.common import show_error
from ui.signals import emit
from ui.sync.conflict_model import ConflictTableModel


class ConflictReviewPage(QWidget):
    changed = Signal(object)  # set of table names

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.model = ConflictTableModel(ledger, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.summary = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts"))
        self.show_resolved.toggled.connect(self._filter)
        self.laptop_button = QPushButton(self.tr("Use the &laptop value"))
        self.office_button = QPushButton(self.tr("Keep the &office value"))
        self.laptop_button.clicked.connect(lambda: self.resolve("laptop"))
        self.office_button.clicked.connect(lambda: self.resolve("office"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_resolved)
        buttons.addStretch(1)
        buttons.addWidget(self.laptop_button)
        buttons.addWidget(self.office_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self._update()
        if self.model.rowCount():
            self.view.selectRow(0)

    def current(self) -> Any:
        return self.model.conflict(self.view.currentIndex().row())

    def _filter(self, on: bool) -> None:
        self.model.set_status_filter(None if on else "open")

    def _update(self) -> None:
        waiting = self.ledger.sync.conflicts.open_count()
        self.summary.setText(self.tr("%1 conflicts to review. For each, choose which value to keep; "
                                     "the other stays on record.").replace("%1", str(waiting)) if waiting
                             else self.tr("No conflicts to review."))
        conflict = self.current()
        writable = self.ledger.access.can_write and self.ledger.access.role in ("admin", "staff")
        can_choose = conflict is not None and conflict.status == "open" and writable
        self.laptop_button.setEnabled(can_choose)
        self.office_button.setEnabled(can_choose)
        self.detail.setText(conflict.detail if conflict is not None else "")

    def resolve(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        row = self.view.currentIndex().row()
        try:
            self.ledger.sync.conflicts.resolve(conflict.id, choice)
        except LedgerError as exc:
            show_error(self, exc, title=self.tr("Cannot resolve"))
            return
        self.model.reload()
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        op = self.ledger.undoable
        emit(self.changed, set(op.tables) if op is not None else {conflict.table_name})
