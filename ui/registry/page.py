"""The registry page (居民户籍): the grid → building → household tree on the left;
on the right either the residents table (all, a grid or a building) or the
household view.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QStackedWidget, QTableView,
                               QTreeView, QVBoxLayout, QWidget)

from ui.registry.tree_model import BUILDING, GRID, HOUSEHOLD, ID_ROLE, KIND_ROLE, RegistryTreeModel
from ui.residents.household_view import HouseholdView
from ui.residents.table_model import COLUMNS, RESIDENT_ID_ROLE, ROWID_ROLE, ResidentTableModel
from ui.signals import emit

# Typical content per column, to size columns once from the font instead of
# measuring every row (resizeColumnsToContents would read all 500k rows).
_SAMPLES = {"name": "欧阳建国华", "sex": "性别", "birth_date": "2000-00-00", "age": "100",
            "id_number": "370102********1234", "phone": "138****0001", "relation": "与户主关系",
            "residence_status": "人口类别", "political_status": "中共预备党员", "address": "12栋2单元1201室",
            "grid_name": "第一网格", "status": "状态"}


class RegistryPage(QWidget):
    """``residentActivated(resident_id)`` on double-click; ``contextChanged`` when the selection moves."""

    residentActivated = Signal(str)
    contextChanged = Signal()

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.tree_model = RegistryTreeModel(ledger, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)

        self.table_model = ResidentTableModel(ledger, self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures rows, so 500k rows cost nothing to lay out.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 8)
        self._size_columns()
        self.table.doubleClicked.connect(self._table_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: emit(self.contextChanged))
        self.table_model.modelReset.connect(self._update_caption)
        self.table_model.rowsInserted.connect(lambda *_: self._update_caption())  # ids arrive in chunks

        self.caption = QLabel()
        self.caption.setStyleSheet("font-weight: bold; padding: 2px 0;")
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.caption)
        table_layout.addWidget(self.table)

        self.household_view = HouseholdView(ledger)
        self.household_view.memberActivated.connect(self.residentActivated)
        self.household_view.members.selectionModel().selectionChanged.connect(lambda *_: emit(self.contextChanged))
        # An attachment added or removed is undoable: Undo's state follows.
        self.household_view.attachments.changed.connect(lambda _op: emit(self.contextChanged))

        self.stack = QStackedWidget()
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.household_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("registrySplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.table_model.set_filter()

    def _size_columns(self) -> None:
        metrics = QFontMetrics(self.table.font())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, (key, _label) in enumerate(COLUMNS):
            title = str(self.table_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(_SAMPLES.get(key, "")), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 18)

    # --- selection ------------------------------------------------------------------

    def selected_node(self) -> tuple[str | None, str | None]:
        """(kind, record id) of the tree selection, or (None, None)."""
        indexes = self.tree.selectionModel().selectedIndexes()
        if not indexes:
            return None, None
        return indexes[0].data(KIND_ROLE), indexes[0].data(ID_ROLE)

    def _tree_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        kind, record_id = self.selected_node()
        if kind == HOUSEHOLD:
            # The table follows too, so "shown" in the status bar counts this household.
            self.table_model.set_filter(household_id=record_id)
            self.household_view.set_household(record_id)
            self.stack.setCurrentWidget(self.household_view)
        else:
            self.table_model.set_filter(grid_id=record_id if kind == GRID else None,
                                        building_id=record_id if kind == BUILDING else None)
            self.stack.setCurrentIndex(0)
        emit(self.contextChanged)

    def _update_caption(self) -> None:
        kind, _record_id = self.selected_node()
        indexes = self.tree.selectionModel().selectedIndexes()
        where = indexes[0].data() if indexes and kind in (GRID, BUILDING) else self.tr("Whole community")
        self.caption.setText(self.tr("%1 — %2 residents").replace("%1", where)
                             .replace("%2", f"{self.table_model.rowCount():,}"))

    def _table_activated(self, index: QModelIndex) -> None:
        resident_id = index.data(RESIDENT_ID_ROLE)
        if resident_id:
            emit(self.residentActivated, resident_id)

    def selected_resident_id(self) -> str | None:
        """The resident selected in whichever table is showing."""
        if self.stack.currentWidget() is self.household_view:
            return self.household_view.selected_member_id()
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RESIDENT_ID_ROLE) if rows else None

    def current_household_id(self) -> str | None:
        """The household in view, or the household of the selected resident."""
        if self.stack.currentWidget() is self.household_view and self.household_view.household_id:
            return self.household_view.household_id
        resident_id = self.selected_resident_id()
        if resident_id:
            try:
                return self._ledger.residents.get(resident_id).household_id
            except Exception:
                return None
        return None

    def current_building_id(self) -> str | None:
        kind, record_id = self.selected_node()
        if kind == BUILDING:
            return record_id
        household_id = self.current_household_id()
        if household_id:
            return self._ledger.households.get(household_id).building_id
        return None

    def show_household(self, household_id: str) -> None:
        """Select a household in the tree (expanding its grid and building)."""
        summary = self._ledger.households.summary(household_id)
        index = self.tree_model.find(HOUSEHOLD, household_id, building_id=summary["building_id"],
                                     grid_id=summary["grid_id"])
        if index.isValid():
            self.tree.expand(index.parent().parent())
            self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # --- refresh --------------------------------------------------------------------

    def refresh(self, tables: set[str] | None = None) -> None:
        """Re-read what an operation touched (None: everything)."""
        if tables is None or tables & {"grids", "buildings"}:
            self.tree_model.reload()
            self.table_model.set_filter()
            self.household_view.set_household(None)
            self.stack.setCurrentIndex(0)
            return
        if tables & {"households", "residents", "resident_events"}:
            selected = self.table.selectionModel().selectedRows()
            rowid = selected[0].data(ROWID_ROLE) if selected else None
            self.tree_model.refresh_households()
            self.table_model.reload()
            if rowid is not None:
                row = self.table_model.row_of_rowid(rowid)
                if row >= 0:
                    self.table.selectRow(row)
            if self.stack.currentWidget() is self.household_view:
                self.household_view.reload()
        elif "attachments" in tables and self.household_view.household_id:
            self.household_view.attachments.model.reload()

    def refresh_masking(self) -> None:
        self.table_model.refresh_rows()
        self.household_view.reload()
