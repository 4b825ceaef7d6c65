"""Qt models of the roster builder: the chosen columns (headers renamable) and the preview.

GUI thread only.  Both hold small lists (a template's columns, the first
rows of a preview); the rows come from ``ledger.rosters.preview`` already
masked as the screens mask.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from neighbourhood.rosters.fields import BLANK, Entity
from neighbourhood.rosters.template import ColumnSpec

_D, _E = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


# Marked here so lupdate extracts them (a literal passed only to _tr() is not).
_COLUMN_HEADERS = (QT_TRANSLATE_NOOP("RosterModels", "Field"), QT_TRANSLATE_NOOP("RosterModels", "Printed header"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterModels", text)


class ColumnsModel(QAbstractTableModel):
    """The template's columns in order: source field (fixed) and printed header (editable)."""

    FIELD, HEADER = range(2)

    def __init__(self, entity: Entity, columns: list[ColumnSpec] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.entity = entity
        self.columns: list[ColumnSpec] = [ColumnSpec(c.field, c.header, c.width) for c in columns or []]

    # --- reading ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=_D):
        if role != _D:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _tr(_COLUMN_HEADERS[section]) if 0 <= section < 2 else None
        return str(section + 1)

    def label(self, column: ColumnSpec) -> str:
        field = self.entity.by_key.get(column.field)
        if field is None:
            return column.field
        return f"{field.group} · {field.label}" if column.field != BLANK else field.label

    def printed(self, column: ColumnSpec) -> str:
        if column.header:
            return column.header
        if column.field == BLANK:
            return "备注"
        field = self.entity.by_key.get(column.field)
        return field.label if field else column.field

    def data(self, index, role=_D) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.columns):
            return None
        column = self.columns[index.row()]
        if role in (_D, _E):
            return self.label(column) if index.column() == self.FIELD else self.printed(column)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.HEADER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ----------------------------------------------------------------------
    def setData(self, index, value, role=_E) -> bool:
        if not index.isValid() or index.column() != self.HEADER or role != _E:
            return False
        column = self.columns[index.row()]
        text = str(value or "").strip()
        field = self.entity.by_key.get(column.field)
        column.header = "" if field is not None and text == field.label and column.field != BLANK else text
        self.dataChanged.emit(index, index, [_D, _E])
        return True

    def append(self, field: str, header: str = "") -> None:
        n = len(self.columns)
        self.beginInsertRows(QModelIndex(), n, n)
        self.columns.append(ColumnSpec(field, header))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.columns):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.columns[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        """Move a column up (-1) or down (+1); returns its new row."""
        target = row + delta
        if not (0 <= row < len(self.columns) and 0 <= target < len(self.columns)):
            return row
        dest = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self.columns.insert(target, self.columns.pop(row))
        self.endMoveRows()
        return target

    def reset(self, entity: Entity, columns: list[ColumnSpec]) -> None:
        self.beginResetModel()
        self.entity = entity
        self.columns = [ColumnSpec(c.field, c.header, c.width) for c in columns]
        self.endResetModel()


class PreviewModel(QAbstractTableModel):
    """The first rows of a template as they will print (text, already masked)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def set_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = list(headers), [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=_D):
        if role != _D:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def data(self, index, role=_D) -> Any:
        if not index.isValid() or role != _D:
            return None
        r, c = index.row(), index.column()
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None
