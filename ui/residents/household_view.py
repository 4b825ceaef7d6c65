"""The household page: address, grid, head, housing, 人户分离, members and their history.

``HouseholdMembersModel`` lists the members (``Households.members``, masked
unless full view is on); ``HouseholdView`` shows one household and the
history events of each member (``Residents.events``).  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSplitter, QTabWidget, QTableView, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ui.common import age_of, masked, scrolled
from ui.signals import emit

MEMBER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Name")),
    ("relation", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Relation to head")),
    ("sex", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Sex")),
    ("birth_date", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Date of birth")),
    ("age", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Age")),
    ("id_number", QT_TRANSLATE_NOOP("HouseholdMembersModel", "ID number")),
    ("phone", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Phone")),
    ("residence_status", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Residence type")),
    ("status", QT_TRANSLATE_NOOP("HouseholdMembersModel", "Status")),
)
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HouseholdMembersModel(QAbstractTableModel):
    """Members of one household (current and former), head first."""

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._household_id: str | None = None
        self._rows: list[dict[str, Any]] = []

    def set_household(self, household_id: str | None) -> None:
        self._household_id = household_id
        self.reload()

    def reload(self) -> None:
        import dataclasses

        self.beginResetModel()
        self._rows = []
        if self._household_id:
            members = self._ledger.households.members(self._household_id, include_left=True)
            # Current members first; former ones (迁出/死亡) stay visible, greyed, for the history.
            members.sort(key=lambda m: m.status != "在册")
            self._rows = [masked(self._ledger, dataclasses.asdict(m)) for m in members]
        self.endResetModel()

    def member_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def members(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(MEMBER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(MEMBER_COLUMNS):
            return QCoreApplication.translate("HouseholdMembersModel", MEMBER_COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        key = MEMBER_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "age":
                age = age_of(row.get("birth_date"))
                return "" if age is None else age
            value = row.get(key)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and row.get("status") != "在册":
            return QBrush(QColor("#888888"))
        if role == MEMBER_ID_ROLE:
            return row["id"]
        return None


class HouseholdView(QWidget):
    """Details of one household; ``memberActivated`` fires on a double-clicked member."""

    memberActivated = Signal(str)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.household_id: str | None = None

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.address, self.grid, self.head = QLabel(), QLabel(), QLabel()
        self.housing, self.separated, self.phone = QLabel(), QLabel(), QLabel()
        details = QGroupBox(self.tr("Household"))
        form = QFormLayout(details)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Grid:"), self.grid)
        form.addRow(self.tr("Head of household:"), self.head)
        form.addRow(self.tr("Housing type:"), self.housing)
        form.addRow(self.tr("Registered elsewhere / living elsewhere:"), self.separated)
        form.addRow(self.tr("Phone:"), self.phone)
        # Manual flags (重点关注 …) put the household under a visit rule; same dialog as the visits page.
        self.flags = QLabel()
        self.flags_button = QPushButton(self.tr("Flags…"))
        self.flags_button.setToolTip(self.tr("Set or clear manual flags (e.g. close attention) that visit rules use"))
        self.flags_button.clicked.connect(lambda: self.open_flags())
        self.flags_button.setEnabled(False)
        flags_row = QHBoxLayout()
        flags_row.addWidget(self.flags, 1)
        flags_row.addWidget(self.flags_button)
        form.addRow(self.tr("Flags:"), flags_row)

        self.members_model = HouseholdMembersModel(ledger, self)
        self.members = QTableView()
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.doubleClicked.connect(self._activated)

        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("Member / date"), self.tr("Event"), self.tr("Details")])
        self.history.setRootIsDecorated(True)
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        members_box = QGroupBox(self.tr("Members"))
        QVBoxLayout(members_box).addWidget(self.members)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history)
        # The household's hardship enrolments (its lists and its members'), built per household.
        self.enrolments_box = QGroupBox(self.tr("Hardship lists"))
        self._enrolments_layout = QVBoxLayout(self.enrolments_box)
        self.enrolments: QWidget | None = None
        from ui.attachments.panel import AttachmentPanel
        files_box = QGroupBox(self.tr("Photos and files"))
        self.attachments = AttachmentPanel(ledger, "households", None)
        QVBoxLayout(files_box).addWidget(self.attachments)
        # Members stay in view; history, lists and files share one tabbed pane, so the view
        # fits a 1366×768 laptop screen instead of stacking four minimum heights.
        self.tabs = QTabWidget()
        self.tabs.addTab(history_box, self.tr("History"))
        # the lists (table + detail, ~430 px) and the files (~240 px) scroll inside their tab rather
        # than push the window past a 768-pixel screen (with search results open, too)
        self.tabs.addTab(scrolled(self.enrolments_box), self.tr("Hardship lists"))
        self.tabs.addTab(scrolled(files_box), self.tr("Photos and files"))
        for box in (history_box, self.enrolments_box, files_box):  # the tab says what it is
            box.setTitle("")
            box.setFlat(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(members_box)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(details)
        layout.addWidget(split, 1)

    def set_household(self, household_id: str | None) -> None:
        """Show ``household_id`` (None clears); reads the summary, members and events."""
        self.household_id = household_id
        self.members_model.set_household(household_id)
        self.history.clear()
        if self.enrolments is not None:
            self.enrolments.setParent(None)
            self.enrolments.deleteLater()
            self.enrolments = None
        if household_id:
            from ui.hardship.page import HouseholdEnrolmentsWidget

            self.enrolments = HouseholdEnrolmentsWidget(self._ledger, household_id, self.enrolments_box)
            self._enrolments_layout.addWidget(self.enrolments)
        self.attachments.set_owner("households", household_id)
        self.flags_button.setEnabled(bool(household_id))
        if not household_id:
            for label in (self.title, self.address, self.grid, self.head, self.housing, self.separated, self.phone,
                          self.flags):
                label.clear()
            return
        summary = masked(self._ledger, self._ledger.households.summary(household_id))
        none = self.tr("—")
        self.title.setText(summary["address"])
        self.address.setText(summary["address"])
        self.grid.setText(summary.get("grid_name") or none)
        self.head.setText(summary.get("head_name") or self.tr("(no head)"))
        self.housing.setText(summary.get("housing_type") or none)
        self.separated.setText(summary.get("separated") or self.tr("No"))
        self.phone.setText(summary.get("phone") or none)
        self._fill_flags()
        self._fill_history()

    def _fill_flags(self) -> None:
        names = self._ledger.visits.flags(self.household_id) if self.household_id else []
        self.flags.setText("、".join(names) or self.tr("—"))

    def open_flags(self) -> "HouseholdFlagsDialog | None":
        """Manual flags of the shown household (``ui.visits.flags_dialog``)."""
        from ui.visits.flags_dialog import HouseholdFlagsDialog

        if not self.household_id:
            return None
        dialog = HouseholdFlagsDialog(self._ledger, self.household_id, self)
        dialog.changed.connect(self._fill_flags)
        self.flags_dialog = dialog
        dialog.open()
        return dialog

    def reload(self) -> None:
        if self.household_id:
            try:
                self.set_household(self.household_id)
            except Exception:  # the household was removed (undo of 新增住户)
                self.set_household(None)

    def selected_member_id(self) -> str | None:
        rows = self.members.selectionModel().selectedRows()
        return self.members_model.member_id(rows[0].row()) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        member = self.members_model.member_id(index.row())
        if member:
            emit(self.memberActivated, member)

    def _fill_history(self) -> None:
        addresses: dict[str, str] = {}

        def address(household_id: str | None) -> str:
            if not household_id:
                return ""
            if household_id not in addresses:
                try:
                    addresses[household_id] = self._ledger.households.address(household_id)
                except Exception:
                    addresses[household_id] = "?"
            return addresses[household_id]

        for member in self.members_model.members():
            top = QTreeWidgetItem([member["name"], member.get("status") or "", ""])
            for event in self._ledger.residents.events(member["id"]):
                parts = []
                if event.get("from_household_id") and event["from_household_id"] != self.household_id:
                    parts.append(self.tr("from %1").replace("%1", address(event["from_household_id"])))
                if event.get("to_household_id") and event["to_household_id"] != self.household_id:
                    parts.append(self.tr("to %1").replace("%1", address(event["to_household_id"])))
                if event.get("reason"):
                    parts.append(event["reason"])
                QTreeWidgetItem(top, [event.get("event_date") or "", event.get("kind") or "", self.tr("; ").join(parts)])
            self.history.addTopLevelItem(top)
        self.history.expandAll()
