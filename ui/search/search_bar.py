"""The search box of the main window, with its filters and result list.

Typing searches residents and households (name, pinyin, ID tail, phone,
address).  Searches are debounced: a search runs 120 ms after the last
keystroke, so results always belong to the latest text, and each query is a
few milliseconds at street-office scale (see benchmarks/search_bench.py), so
it runs on the GUI thread without stalling typing.  Enter (or a double
click) opens the chosen household: ``householdChosen(household_id)``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QSpinBox, QVBoxLayout, QWidget)

from neighbourhood.search import SearchFilters
from ui.search.results_model import HouseholdRole, SearchResultsModel
from ui.signals import emit

DEBOUNCE_MS = 120


class SearchBar(QWidget):
    householdChosen = Signal(str)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.edit = QLineEdit()
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Search: name, pinyin (zw), ID tail, phone, address (12栋2单元) — Ctrl+F"))
        self.grid = QComboBox()
        self.status = QComboBox()
        self.status.addItem(self.tr("All residents"), None)
        for value in ("户籍", "常住", "流动"):
            self.status.addItem(value, value)
        self.age_min = QSpinBox()
        self.age_max = QSpinBox()
        for box, special in ((self.age_min, self.tr("Age from")), (self.age_max, self.tr("Age to"))):
            box.setRange(-1, 120)
            box.setValue(-1)
            box.setSpecialValueText(special)
        self.hardship = QComboBox()
        self.hardship.addItem(self.tr("All hardship lists"), None)
        for category in ledger.hardship.categories(counted=False):  # counts would scan 500k residents
            if not getattr(category, "derived", False):
                self.hardship.addItem(category.code, category.code)
        self.party = QCheckBox(self.tr("Party members"))
        self.include_left = QCheckBox(self.tr("Former"))
        self.include_left.setToolTip(self.tr("Include residents who moved out or died"))
        self.count = QLabel()
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.model = SearchResultsModel(self)
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setMaximumHeight(240)  # the page below stays usable while results show
        self.results.hide()

        # Filters sit beside the box; they shrink so the window can be narrow.
        self.edit.setMinimumWidth(100)
        for combo in (self.grid, self.status, self.hardship):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)  # "全部网格" whole at 1280 px (seen in the guide screenshots)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 3)
        for widget in (self.grid, self.status, self.hardship, self.age_min, self.age_max, self.party,
                       self.include_left,
                       self.count):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self.open_current)
        self.edit.installEventFilter(self)
        for combo in (self.grid, self.status, self.hardship):
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        for box in (self.age_min, self.age_max):
            box.valueChanged.connect(lambda _v: self._timer.start())
        for check in (self.party, self.include_left):
            check.toggled.connect(lambda _on: self._timer.start())
        self.results.activated.connect(lambda index: self._choose(index.row()))
        self.reload_grids()

    def reload_grids(self) -> None:
        current = self.grid.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("All grids"), None)
        for grid in self.ledger.grids.list():
            self.grid.addItem(grid.name, grid.id)
        index = self.grid.findData(current)
        self.grid.setCurrentIndex(max(index, 0))
        self.grid.blockSignals(False)

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def filters(self) -> SearchFilters:
        return SearchFilters(
            grid_id=self.grid.currentData(), residence_status=self.status.currentData(),
            age_min=self.age_min.value() if self.age_min.value() >= 0 else None,
            age_max=self.age_max.value() if self.age_max.value() >= 0 else None,
            party_member=True if self.party.isChecked() else None,
            hardship_category=self.hardship.currentData(),
            include_left=self.include_left.isChecked())

    def run_search(self) -> None:
        """Search for the current text now (the debounce timer calls this)."""
        self._timer.stop()
        text = self.edit.text().strip()
        hits = self.ledger.search.find(text, filters=self.filters(), limit=100) if text else []
        self.model.set_hits(hits)
        self.results.setVisible(bool(text))
        residents = sum(1 for h in hits if h.kind == "resident")
        self.count.setText(self.tr("%1 residents, %2 households").replace("%1", str(residents))
                           .replace("%2", str(len(hits) - residents)) if text else "")
        if hits:
            self.results.setCurrentIndex(self.model.index(0))

    def open_current(self) -> None:
        if self._timer.isActive():
            self.run_search()  # Enter before the debounce fired: search the latest text first
        index = self.results.currentIndex()
        if index.isValid():
            self._choose(index.row())

    def _choose(self, row: int) -> None:
        household_id = self.model.data(self.model.index(row), HouseholdRole)
        if household_id:
            emit(self.householdChosen, household_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the box move through the results without leaving the box.
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and self.model.rowCount():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentIndex().row()
                row = min(row + 1, self.model.rowCount() - 1) if key == Qt.Key.Key_Down else max(row - 1, 0)
                self.results.setCurrentIndex(self.model.index(row))
                return True
            if key == Qt.Key.Key_Escape:
                self.edit.clear()
                return True
        return super().eventFilter(watched, event)
