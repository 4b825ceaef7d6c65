"""SearchResultsModel: the hits of one search (residents first, then households).

Holds at most a few hundred :class:`neighbourhood.search.SearchHit` values;
GUI thread only.
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

HitRole = Qt.ItemDataRole.UserRole + 1
HouseholdRole = Qt.ItemDataRole.UserRole + 2


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []

    def set_hits(self, hits: Sequence[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if hit.kind == "resident":
                extra = "  ".join(x for x in (hit.id_number, hit.phone) if x)
                status = "" if hit.status == "在册" else f"［{hit.status}］"
                return f"{hit.title}{status}  {hit.detail}  {hit.grid_name}" + (f"  {extra}" if extra else "")
            return f"［户］{hit.title}  {hit.detail}  {hit.grid_name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n{hit.detail}"
        if role == HitRole:
            return hit
        if role == HouseholdRole:
            return hit.household_id
        return None
