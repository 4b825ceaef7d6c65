"""The template editor: row entity, columns, filters, sort, grouping and the header block.

A widget that turns a :class:`Template` into fields and back
(:meth:`TemplateEditor.set_template` / :meth:`template`).  GUI thread; no SQL.
"""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTableView,
                               QTableWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from neighbourhood.rosters.fields import BLANK, ENTITIES, NUMBER, SEQ, Entity
from neighbourhood.rosters.template import (OP_LABELS, FilterSpec, HeaderBlock, SortSpec, Template)
from ui.roster_builder.models import ColumnsModel

_KEY = Qt.ItemDataRole.UserRole
_SPLIT = re.compile(r"[,，、;；\s]+")
_N = QT_TRANSLATE_NOOP
_HEADER_FIELDS = (("form_no", _N("TemplateEditor", "Form no.:")),
                  ("authority", _N("TemplateEditor", "Issued by:")),
                  ("approval_no", _N("TemplateEditor", "Approval no.:")),
                  ("valid_until", _N("TemplateEditor", "Valid until:")),
                  ("unit_head", _N("TemplateEditor", "Head of unit:")),
                  ("preparer", _N("TemplateEditor", "Filled in by:")),
                  ("reviewer", _N("TemplateEditor", "Checked by:")),
                  ("report_date", _N("TemplateEditor", "Report date (empty: export day):")))


class TemplateEditor(QWidget):
    """Edit one template.  ``changed`` fires on any edit (the dialog marks it unsaved)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.entity_combo = QComboBox()
        for key, entity in ENTITIES.items():
            self.entity_combo.addItem(entity.label, key)
        self.entity_combo.currentIndexChanged.connect(self._entity_changed)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.add_selected())
        self.columns = ColumnsModel(ENTITIES["resident"])
        self.columns_view = QTableView()
        self.columns_view.setModel(self.columns)
        self.columns_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns_view.horizontalHeader().setStretchLastSection(True)
        self.columns.dataChanged.connect(lambda *a: self.changed.emit())
        add = QPushButton(self.tr("Add →"))
        add.clicked.connect(self.add_selected)
        blank = QPushButton(self.tr("Add blank column"))
        blank.clicked.connect(lambda: self._append(BLANK, "签字"))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_column)
        up, down = QPushButton(self.tr("Up")), QPushButton(self.tr("Down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        col_buttons = QVBoxLayout()
        for b in (add, blank, remove, up, down):
            col_buttons.addWidget(b)
        col_buttons.addStretch(1)
        columns_box = QGroupBox(self.tr("Columns (double-click a field to add it; edit a header to rename it)"))
        cl = QHBoxLayout(columns_box)
        cl.addWidget(self.tree, 2)
        cl.addLayout(col_buttons)
        cl.addWidget(self.columns_view, 3)

        self.filters = QTableWidget(0, 3)
        self.filters.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Condition"), self.tr("Value")])
        self.filters.horizontalHeader().setStretchLastSection(True)
        add_filter = QPushButton(self.tr("Add condition"))
        add_filter.clicked.connect(lambda: self.add_filter())
        remove_filter = QPushButton(self.tr("Remove condition"))
        remove_filter.clicked.connect(lambda: self.filters.removeRow(self.filters.currentRow()))
        filters_box = QGroupBox(self.tr("Which rows (all conditions must hold; lists: separate values with 、)"))
        fl = QVBoxLayout(filters_box)
        fl.addWidget(self.filters)
        fb = QHBoxLayout()
        fb.addWidget(add_filter)
        fb.addWidget(remove_filter)
        fb.addStretch(1)
        fl.addLayout(fb)

        self.sort_combo, self.sort_desc = QComboBox(), QCheckBox(self.tr("Descending"))
        self.group_combo = QComboBox()
        self.sums = QListWidget()
        self.sums.setMaximumHeight(70)
        order_box = QGroupBox(self.tr("Order and subtotals"))
        ol = QFormLayout(order_box)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.sort_combo, 1)
        sort_row.addWidget(self.sort_desc)
        ol.addRow(self.tr("Sort by:"), sort_row)
        ol.addRow(self.tr("Group by (subtotal after each group):"), self.group_combo)
        ol.addRow(self.tr("Sum in subtotals:"), self.sums)

        self.header_edits: dict[str, QLineEdit] = {}
        header_box = QGroupBox(self.tr("Official header and footer"))
        hl = QGridLayout(header_box)
        for i, (key, label) in enumerate(_HEADER_FIELDS):
            edit = QLineEdit()
            self.header_edits[key] = edit
            hl.addWidget(_label(self.tr(label)), i // 2, (i % 2) * 2)
            hl.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        self.notes_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.unit_edit.setMaximumWidth(60)
        hl.addWidget(_label(self.tr("Notes printed under the table:")), 4, 0)
        hl.addWidget(self.notes_edit, 4, 1, 1, 3)

        top = QFormLayout()
        top.addRow(self.tr("Template name:"), self.name_edit)
        top.addRow(self.tr("Title:"), self.title_edit)
        entity_row = QHBoxLayout()
        entity_row.addWidget(self.entity_combo, 1)
        entity_row.addWidget(_label(self.tr("Counted as:")))
        entity_row.addWidget(self.unit_edit)
        top.addRow(self.tr("One row is:"), entity_row)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(columns_box, 3)
        layout.addWidget(filters_box, 2)
        layout.addWidget(order_box)
        layout.addWidget(header_box)
        for w in (self.name_edit, self.title_edit, self.notes_edit, self.unit_edit, *self.header_edits.values()):
            w.textChanged.connect(lambda *_: self.changed.emit())
        self._entity_changed()

    # --- entity and fields ------------------------------------------------------------
    @property
    def entity(self) -> Entity:
        return ENTITIES[self.entity_combo.currentData()]

    def _entity_changed(self) -> None:
        entity = self.entity
        self.tree.clear()
        for group, fields in entity.groups():
            node = QTreeWidgetItem([group])
            node.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for f in fields:
                child = QTreeWidgetItem([f.label])
                child.setData(0, _KEY, f.key)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        self.tree.expandAll()
        if self.columns.entity is not entity:
            self.columns.reset(entity, [])
        self.filters.setRowCount(0)
        choices = [(f.label if f.group != "所在户" else f"{f.group}·{f.label}", f.key)
                   for f in entity.fields if f.key not in (SEQ, BLANK)]
        for combo in (self.sort_combo, self.group_combo):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for label, key in choices:
                combo.addItem(label, key)
        self.sums.clear()
        for f in entity.fields:
            if f.type == NUMBER and f.key != SEQ:
                item = QListWidgetItem(f.label)
                item.setData(_KEY, f.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.sums.addItem(item)
        self.changed.emit()

    def add_selected(self) -> None:
        for item in self.tree.selectedItems():
            key = item.data(0, _KEY)
            if key:
                self._append(key, "签字" if key == BLANK else "")

    def add_field(self, key: str, header: str = "") -> None:
        self._append(key, header)

    def _append(self, key: str, header: str = "") -> None:
        self.columns.append(key, header)
        self.changed.emit()

    def _remove_column(self) -> None:
        self.columns.remove(self.columns_view.currentIndex().row())
        self.changed.emit()

    def _move(self, delta: int) -> None:
        row = self.columns.move(self.columns_view.currentIndex().row(), delta)
        self.columns_view.selectRow(row)
        self.changed.emit()

    # --- filters ----------------------------------------------------------------------
    def add_filter(self, field: str | None = None, op: str = "eq", value: Any = None) -> None:
        row = self.filters.rowCount()
        self.filters.insertRow(row)
        fields = QComboBox()
        for f in self.entity.fields:
            if f.key not in (SEQ, BLANK):
                fields.addItem(f.label if f.group != "所在户" else f"{f.group}·{f.label}", f.key)
        if field:
            fields.setCurrentIndex(max(0, fields.findData(field)))
        ops = QComboBox()
        for key, label in OP_LABELS.items():
            ops.addItem(label, key)
        ops.setCurrentIndex(max(0, ops.findData(op)))
        text = "" if value is None else ("、".join(map(str, value)) if isinstance(value, list) else str(value))
        edit = QLineEdit(text)
        self.filters.setCellWidget(row, 0, fields)
        self.filters.setCellWidget(row, 1, ops)
        self.filters.setCellWidget(row, 2, edit)
        for w in (fields, ops):
            w.currentIndexChanged.connect(lambda *_: self.changed.emit())
        edit.textChanged.connect(lambda *_: self.changed.emit())

    def _filter_specs(self) -> list[FilterSpec]:
        specs = []
        by_key = self.entity.by_key
        for row in range(self.filters.rowCount()):
            key = self.filters.cellWidget(row, 0).currentData()
            op = self.filters.cellWidget(row, 1).currentData()
            text = self.filters.cellWidget(row, 2).text().strip()
            numeric = by_key[key].type == NUMBER
            if op in ("in", "not_in", "between"):
                value: Any = [_value(v, numeric) for v in _SPLIT.split(text) if v]
            elif op in ("empty", "not_empty"):
                value = None
            else:
                value = _value(text, numeric)
            specs.append(FilterSpec(key, op, value))
        return specs

    # --- template <-> widgets ---------------------------------------------------------
    def set_template(self, t: Template) -> None:
        self.blockSignals(True)
        try:
            self.entity_combo.setCurrentIndex(max(0, self.entity_combo.findData(t.entity)))
            self._entity_changed()
            self.name_edit.setText(t.name)
            self.title_edit.setText(t.title)
            self.unit_edit.setText(t.unit)
            self.columns.reset(self.entity, t.columns)
            for f in t.filters:
                self.add_filter(f.field, f.op, f.value)
            first = t.sort[0] if t.sort else None
            self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(first.field if first else None)))
            self.sort_desc.setChecked(bool(first and first.descending))
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(t.group_by)))
            for i in range(self.sums.count()):
                item = self.sums.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(_KEY) in t.subtotal_sums
                                   else Qt.CheckState.Unchecked)
            for key, edit in self.header_edits.items():
                edit.setText(getattr(t.header, key))
            self.notes_edit.setText(t.notes)
        finally:
            self.blockSignals(False)

    def template(self) -> Template:
        """The template as edited (not yet validated: the service validates on save/run)."""
        sort_key = self.sort_combo.currentData()
        sums = [self.sums.item(i).data(_KEY) for i in range(self.sums.count())
                if self.sums.item(i).checkState() == Qt.CheckState.Checked]
        return Template(
            name=self.name_edit.text().strip(), entity=self.entity_combo.currentData(),
            title=self.title_edit.text().strip(), columns=list(self.columns.columns),
            filters=self._filter_specs(), sort=[SortSpec(sort_key, self.sort_desc.isChecked())] if sort_key else [],
            group_by=self.group_combo.currentData(), subtotal_sums=sums,
            header=HeaderBlock(**{k: e.text().strip() for k, e in self.header_edits.items()}),
            notes=self.notes_edit.text().strip(), unit=self.unit_edit.text().strip())


def _value(text: str, numeric: bool) -> Any:
    if numeric:
        try:
            return int(text)
        except ValueError:
            try:
                return float(text)
            except ValueError:
                return text
    return text


def _label(text: str):
    from PySide6.QtWidgets import QLabel
    return QLabel(text)
