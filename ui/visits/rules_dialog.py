"""VisitSettingsDialog: visit rules (how often each group is visited) and visit types.

Rules are a table (``VisitRulesModel``): the name, interval and tier are edited in
place, "active" is a check box; a form below adds a rule for a group (resident
attributes, hardship lists, manual flags).  Types are a checkable list (unchecked:
no longer offered for new visits) with a field to add a custom type.  Every
change goes through ``ledger.visits`` (permission-checked: staff and admin only;
audited, one undo step each); a refused change shows the core's Chinese message
and leaves the row as it was.  ``changed(operation or None)`` after each change.
GUI thread only.  No SQL here.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSpinBox, QTableView, QTabWidget, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from neighbourhood.visits import TIERS
from ui.common import FieldMessage
from ui.record_table import RecordTableModel
from ui.signals import emit



class VisitRulesModel(RecordTableModel):
    """The visit rules, editable in place through ``ledger.visits.update_rule``.

    ``failed(message)`` when the service refuses an edit (the row keeps its value).
    """

    failed = Signal(str)
    edited = Signal()

    COLUMNS = (
        ("group", QT_TRANSLATE_NOOP("VisitRulesModel", "Group"), lambda r: r.group_key),
        ("label", QT_TRANSLATE_NOOP("VisitRulesModel", "Name"), lambda r: r.label),
        ("interval_days", QT_TRANSLATE_NOOP("VisitRulesModel", "Every (days)"), lambda r: r.interval_days),
        ("tier", QT_TRANSLATE_NOOP("VisitRulesModel", "Tier"), lambda r: r.tier),
        ("active", QT_TRANSLATE_NOOP("VisitRulesModel", "Active"), lambda r: None),  # a check box
    )
    CENTRED = frozenset({"interval_days", "tier"})
    EDITABLE = frozenset({"label", "interval_days", "tier"})

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self._group_labels: dict[str, str] = {}
        self.reload()

    def load(self) -> list[Any]:
        self._group_labels = dict(self._ledger.visits.group_choices())
        return self._ledger.visits.rules()

    def rule(self, row: int) -> Any:
        return self.record(row)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.COLUMNS[index.column()][0]
        if key in self.EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if key == "active":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def text(self, record: Any, column: int, *, full: bool = False) -> Any:
        value = self.COLUMNS[column][2](record)
        if self.COLUMNS[column][0] != "group" or full:
            return value  # the group's tooltip is its key
        if value in self._group_labels:
            return self._group_labels[value]
        # a group not available (yet): e.g. a hardship list before that module, a flag nobody has
        return QCoreApplication.translate("VisitRulesModel", "%1 (no households now)").replace("%1", value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records) or index.column() >= len(self.COLUMNS):
            return None
        rule = self._records[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.EditRole and key in self.EDITABLE:
            return getattr(rule, key)
        if role == Qt.ItemDataRole.CheckStateRole and key == "active":
            return Qt.CheckState.Checked if rule.active else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._records):
            return False
        rule = self._records[index.row()]
        key = self.COLUMNS[index.column()][0]
        if key == "active" and role == Qt.ItemDataRole.CheckStateRole:
            change = {"active": Qt.CheckState(value) == Qt.CheckState.Checked}
        elif key in self.EDITABLE and role == Qt.ItemDataRole.EditRole:
            change = {key: value}
        else:
            return False
        try:
            updated = self._ledger.visits.update_rule(rule.id, **change)
        except LedgerError as exc:
            emit(self.failed, str(exc))
            return False
        self._records[index.row()] = updated
        emit(self.dataChanged, self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        emit(self.edited)
        return True


class VisitSettingsDialog(QDialog):
    """Visit rules and visit types; ``changed()`` after each accepted change."""

    changed = Signal()

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.setWindowTitle(self.tr("Visit rules and types"))
        self.message = FieldMessage()
        tabs = QTabWidget()
        tabs.addTab(self._rules_tab(), self.tr("Visit rules"))
        tabs.addTab(self._types_tab(), self.tr("Visit types"))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self._may_edit():
            note = QLabel(self.tr("Only staff and administrators can change visit rules and types."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(680, 480)

    def _may_edit(self) -> bool:
        access = self._ledger.access
        return access.can_write and access.role in ("admin", "staff")

    # --- rules -------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        self.rules_model = VisitRulesModel(self._ledger, self)
        self.rules_model.failed.connect(self.message.show_message)
        self.rules_model.edited.connect(self._changed)
        view = QTableView()
        view.setModel(self.rules_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the group ("独居老人（60岁以上）") whole; the rule's own name takes the rest
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setVisible(False)
        if not self._may_edit():
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules_view = view

        self.group_combo = QComboBox()
        for key, label in self._ledger.visits.group_choices():
            self.group_combo.addItem(label, key)
        self.group_combo.currentIndexChanged.connect(
            lambda _i: self.label_edit.setPlaceholderText(self.group_combo.currentText()))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 3660)
        self.interval_spin.setValue(30)
        self.interval_spin.setSuffix(self.tr(" days"))
        self.tier_combo = QComboBox()
        self.tier_combo.addItems(list(TIERS))
        self.tier_combo.setCurrentText("重点")
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.group_combo.currentText())
        self.add_rule_button = QPushButton(self.tr("Add rule"))
        self.add_rule_button.clicked.connect(self.add_rule)
        self.delete_rule_button = QPushButton(self.tr("Delete rule"))
        self.delete_rule_button.clicked.connect(self.delete_rule)
        for widget in (self.add_rule_button, self.delete_rule_button):
            widget.setEnabled(self._may_edit())

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Group")))
        form.addWidget(self.group_combo, 2)
        form.addWidget(QLabel(self.tr("every")))
        form.addWidget(self.interval_spin)
        form.addWidget(self.tier_combo)
        form.addWidget(self.label_edit, 1)
        form.addWidget(self.add_rule_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(self.tr("A household under several rules is visited as often as the strictest "
                              "one asks. Double-click a name, interval or tier to change it."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(view, 1)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.delete_rule_button)
        layout.addLayout(bottom)
        layout.addLayout(form)
        return tab

    def add_rule(self) -> bool:
        try:
            rule = self._ledger.visits.add_rule(
                group_key=self.group_combo.currentData(), interval_days=self.interval_spin.value(),
                label=self.label_edit.text().strip() or None, tier=self.tier_combo.currentText())
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self.rules_model.reload()
        self.rules_view.selectRow(self.rules_model.row_of(rule.id))
        self.label_edit.clear()
        self._changed()
        return True

    def delete_rule(self) -> bool:
        rows = self.rules_view.selectionModel().selectedRows()
        if not rows:
            return False
        rule = self.rules_model.rule(rows[0].row())
        answer = QMessageBox.question(self, self.tr("Delete rule"),
                                      self.tr("Delete the rule “%1”? It can be undone.").replace("%1", rule.label))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._ledger.visits.delete_rule(rule.id)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self.rules_model.reload()
        self._changed()
        return True

    # --- types -------------------------------------------------------------------------

    def _types_tab(self) -> QWidget:
        self.types_list = QListWidget()
        self._fill_types()
        self.types_list.itemChanged.connect(self._type_toggled)
        self.type_edit = QLineEdit()
        self.type_edit.setPlaceholderText(self.tr("New visit type, e.g. holiday greetings"))
        self.type_edit.returnPressed.connect(self.add_type)
        self.add_type_button = QPushButton(self.tr("Add type"))
        self.add_type_button.clicked.connect(self.add_type)
        for widget in (self.type_edit, self.add_type_button):
            widget.setEnabled(self._may_edit())
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(self.tr("Unchecked types are no longer offered for new visits; "
                              "visits already recorded keep theirs."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.types_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.type_edit, 1)
        row.addWidget(self.add_type_button)
        layout.addLayout(row)
        return tab

    def _fill_types(self) -> None:
        self.types_list.blockSignals(True)
        self.types_list.clear()
        for kind in self._ledger.visits.types(include_inactive=True):
            item = QListWidgetItem(kind.name)
            item.setData(Qt.ItemDataRole.UserRole, kind.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if not self._may_edit():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if kind.active else Qt.CheckState.Unchecked)
            self.types_list.addItem(item)
        self.types_list.blockSignals(False)

    def _type_toggled(self, item: QListWidgetItem) -> None:
        try:
            self._ledger.visits.set_type_active(item.data(Qt.ItemDataRole.UserRole),
                                                item.checkState() == Qt.CheckState.Checked)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            self._fill_types()
            return
        self._changed()

    def add_type(self) -> bool:
        try:
            kind = self._ledger.visits.add_type(self.type_edit.text())
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self._fill_types()
        self.type_edit.clear()
        found = self.types_list.findItems(kind.name, Qt.MatchFlag.MatchExactly)
        if found:
            self.types_list.setCurrentItem(found[0])
        self._changed()
        return True

    def _changed(self) -> None:
        self.message.show_message(None)
        emit(self.changed)
