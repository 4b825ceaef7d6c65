"""ConflictTableModel: the sync conflict queue, one row per conflict (ids held, rows fetched).

Columns: kind, record, field, value at check-out, laptop value, office value, status.
ID numbers and phones are masked unless the user chose full view.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_BOTH = QBrush(QColor("#fff3e0"))


class ConflictTableModel(QAbstractTableModel):
    COLUMNS = ("kind", "record", "field", "base", "laptop", "office", "status")

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.status_filter: str | None = "open"
        self._ids: list[str] = []
        self._rows: dict[str, Any] = {}
        self._names: dict[str, str] = {}
        self._headers = (self.tr("Kind"), self.tr("Record"), self.tr("Field"), self.tr("At check-out"),
                         self.tr("Laptop"), self.tr("Office"), self.tr("Status"))
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        service = self.ledger.sync.conflicts
        self._ids = service.ids(status=self.status_filter)
        self._rows = service.rows(self._ids)
        self._names = service.record_names(self._rows.values())  # one call for the whole queue
        self.endResetModel()

    def set_status_filter(self, status: str | None) -> None:
        self.status_filter = status
        self.reload()

    def conflict_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def conflict(self, row: int) -> Any:
        cid = self.conflict_id(row)
        return self._rows.get(cid) if cid else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def _value(self, conflict: Any, value: Any) -> str:
        from neighbourhood.masking import mask_row
        from ui.common import full_view

        if value is None:
            return self.tr("(empty)")
        full = full_view(self.ledger)
        if isinstance(value, dict):  # a whole record (duplicate ID, record missing at the office)
            shown = mask_row(dict(value), full=full)
            return "、".join(f"{k}={v}" for k, v in shown.items() if v not in (None, "") and k != "id")[:200]
        if conflict.field == "deleted_at":
            return self.tr("deleted")
        return mask_row({conflict.field: str(value)}, full=full)[conflict.field] or ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        conflict = self._rows.get(self._ids[index.row()])
        if conflict is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "kind":
                return conflict.kind_label
            if column == "record":
                return self._names.get(conflict.id, "")
            if column == "field":
                return conflict.where
            if column == "base":
                return self._value(conflict, conflict.base_value)
            if column == "laptop":
                return self._value(conflict, conflict.laptop_value)
            if column == "office":
                return self._value(conflict, conflict.office_value)
            if conflict.status == "open":
                return self.tr("To review")
            chosen = self.tr("laptop") if conflict.choice == "laptop" else self.tr("office")
            return self.tr("Kept the %1 value").replace("%1", chosen)
        if role == Qt.ItemDataRole.BackgroundRole and conflict.status == "open" and column in ("laptop", "office"):
            return _BOTH
        if role == Qt.ItemDataRole.UserRole:
            return conflict.id
        return None
