"""Qt models of the import wizard: the column mapping and the validation preview.

GUI thread only.  The preview holds the plan's row results (already in memory
after validation) and formats only the rows the view asks for.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from neighbourhood.excel.importer import ACTION_LABELS, ERROR, SKIP, UPDATE, ImportPlan
from neighbourhood.excel.mapping import IGNORE, RESIDENT_FIELDS
from neighbourhood.idnumbers import mask_id
from ui.signals import emit

FIELD_CHOICES: list[tuple[str, str]] = [(IGNORE, "（不导入）")] + [(f.key, f.label) for f in RESIDENT_FIELDS]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExcelModels", text)


# Marked for lupdate (a call through _tr alone is not extracted, and stayed English on screen).
MAPPING_HEADERS = (QT_TRANSLATE_NOOP("ExcelModels", "Column in the file"),
                   QT_TRANSLATE_NOOP("ExcelModels", "Sample values"),
                   QT_TRANSLATE_NOOP("ExcelModels", "Import as"))
BLANK = QT_TRANSLATE_NOOP("ExcelModels", "(blank)")


class MappingModel(QAbstractTableModel):
    """One row per spreadsheet column: header, sample values, target field (editable)."""

    HEADER, SAMPLES, FIELD = range(3)

    def __init__(self, headers: list[str], samples: list[list[str]], mapping: dict[int, str],
                 parent=None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._samples = samples
        self._fields = [mapping.get(c, IGNORE) for c in range(len(headers))]
        self._labels = dict(FIELD_CHOICES)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(MAPPING_HEADERS[section]) if 0 <= section < 3 else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._headers)):
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == self.HEADER:
                return self._headers[r] or _tr(BLANK)
            if c == self.SAMPLES:
                return "；".join(self._samples[r]) if r < len(self._samples) else ""
            return self._labels.get(self._fields[r], self._fields[r])
        if role == Qt.ItemDataRole.EditRole and c == self.FIELD:
            return self._fields[r]
        if role == Qt.ItemDataRole.ForegroundRole and c == self.FIELD and not self._fields[r]:
            return QBrush(QColor("gray"))
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.FIELD:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.FIELD or role != Qt.ItemDataRole.EditRole:
            return False
        value = value or IGNORE
        if value not in self._labels:
            return False
        changed = [index.row()]
        if value:
            # One column per field: the column that had it before lets it go.
            for r, f in enumerate(self._fields):
                if f == value and r != index.row():
                    self._fields[r] = IGNORE
                    changed.append(r)
        self._fields[index.row()] = value
        for r in changed:
            i = self.index(r, self.FIELD)
            emit(self.dataChanged, i, i, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def mapping(self) -> dict[int, str]:
        return {c: f for c, f in enumerate(self._fields) if f}


class PreviewModel(QAbstractTableModel):
    """The validation result: Excel row number, action, name, masked ID, address, problems."""

    COLUMNS = (QT_TRANSLATE_NOOP("ExcelModels", "Row"), QT_TRANSLATE_NOOP("ExcelModels", "Action"),
               QT_TRANSLATE_NOOP("ExcelModels", "Name"), QT_TRANSLATE_NOOP("ExcelModels", "ID number"),
               QT_TRANSLATE_NOOP("ExcelModels", "Address"), QT_TRANSLATE_NOOP("ExcelModels", "Problems / notes"))

    def __init__(self, plan: ImportPlan | None = None, *, errors_only: bool = False, parent=None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._rows = []
        self.set_plan(plan, errors_only=errors_only)

    def set_plan(self, plan: ImportPlan | None, *, errors_only: bool = False) -> None:
        self.beginResetModel()
        self._plan = plan
        rows = plan.rows if plan else []
        self._rows = [r for r in rows if r.action == ERROR] if errors_only else list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _tr(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(row.row_number)
            if c == 1:
                return ACTION_LABELS[row.action]
            if c == 2:
                return row.values.get("name") or ""
            if c == 3:
                number = row.values.get("id_number")
                return mask_id(number) if number and "id_number" not in row.problems else ""
            if c == 4:
                if not row.address:
                    return ""
                b, e, u = row.address
                return f"{b}栋" + (f"{e}单元" if e else "") + f"{u}室"
            if c == 5:
                return row.message
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.action == ERROR:
                return QBrush(QColor("#C00000"))
            if row.action in (SKIP, UPDATE):
                return QBrush(QColor("#7F6000"))
        if role == Qt.ItemDataRole.ToolTipRole and c == 5 and row.message:
            return row.message
        return None
