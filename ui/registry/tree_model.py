"""RegistryTreeModel: grids → buildings → households, loaded lazily.

Grids are read when the model is (re)built; a grid's buildings and a building's
households are read the first time the view asks for them (``canFetchMore`` /
``fetchMore``), so opening the window costs one small query however large the
community is.  Nodes are addressed by an integer key (``internalId``) into a
dict, so no Python object pointer ever escapes to Qt.  GUI thread only.
"""
from __future__ import annotations

import dataclasses
import itertools
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ui.signals import emit

GRID, BUILDING, HOUSEHOLD = "grid", "building", "household"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclasses.dataclass(eq=False)
class Node:
    key: int
    kind: str
    record_id: str
    label: str
    parent: "Node | None"
    tooltip: str = ""
    children: list["Node"] | None = None  # None: not loaded yet


def household_label(row: dict[str, Any]) -> str:
    """'2单元301室 张伟（3人）' from a ``Households.list`` row."""
    from neighbourhood.records import address_of

    # address_of with no building name gives just the entrance and unit part.
    place = address_of("", row.get("entrance") or "", row.get("unit") or "")
    head = row.get("head_name") or QCoreApplication.translate("RegistryTreeModel", "(no head)")
    return QCoreApplication.translate("RegistryTreeModel", "%1 %2 (%3 people)").replace("%1", place).replace("%2", head) \
        .replace("%3", str(row.get("member_count") or 0))


class RegistryTreeModel(QAbstractItemModel):
    """One column; ``KIND_ROLE``/``ID_ROLE`` give a node's kind and record id."""

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._keys = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._roots: list[Node] = []
        self._load_grids()

    # --- building the nodes ---------------------------------------------------------

    def _node(self, kind: str, record_id: str, label: str, parent: Node | None, tooltip: str = "") -> Node:
        node = Node(next(self._keys), kind, record_id, label, parent, tooltip,
                    [] if kind == HOUSEHOLD else None)
        self._nodes[node.key] = node
        return node

    def _load_grids(self) -> None:
        self._nodes.clear()
        self._roots = []
        for grid in self._ledger.grids.list():
            tip = QCoreApplication.translate("RegistryTreeModel", "Grid worker: %1").replace("%1", grid.worker_name) if grid.worker_name else ""
            self._roots.append(self._node(GRID, grid.id, grid.name, None, tip))

    def _children_of(self, node: Node) -> list[Node]:
        if node.kind == GRID:
            return [self._node(BUILDING, b.id, b.name, node, b.address or "")
                    for b in self._ledger.buildings.list(node.record_id)]
        if node.kind == BUILDING:
            return [self._node(HOUSEHOLD, h["id"], household_label(h), node, h.get("separated") or "")
                    for h in self._ledger.households.list(node.record_id)]
        return []

    def reload(self) -> None:
        """Rebuild from scratch (grids or buildings changed); the view collapses."""
        self.beginResetModel()
        self._load_grids()
        self.endResetModel()

    def refresh_households(self) -> None:
        """Re-read the households of every loaded building, keeping expansion and selection.

        Rows whose household is gone are removed, new ones inserted, labels
        (head, member count) updated in place.
        """
        for grid in self._roots:
            for building in grid.children or ():
                if building.children is not None:
                    self._refresh_building(building)

    def _refresh_building(self, building: Node) -> None:
        assert building.children is not None
        parent = self._index_of(building)
        fresh = self._ledger.households.list(building.record_id)
        wanted = [h["id"] for h in fresh]
        for row in reversed(range(len(building.children))):
            if building.children[row].record_id not in wanted:
                self.beginRemoveRows(parent, row, row)
                self._nodes.pop(building.children.pop(row).key, None)
                self.endRemoveRows()
        kept = [n.record_id for n in building.children]
        if kept != [i for i in wanted if i in kept]:
            # An edited unit changed the order: simplest correct answer is to re-list.
            self.beginRemoveRows(parent, 0, len(building.children) - 1)
            for node in building.children:
                self._nodes.pop(node.key, None)
            building.children.clear()
            self.endRemoveRows()
        for row, h in enumerate(fresh):
            children = building.children
            if row < len(children) and children[row].record_id == h["id"]:
                node = children[row]
                label, tip = household_label(h), h.get("separated") or ""
                if (node.label, node.tooltip) != (label, tip):
                    node.label, node.tooltip = label, tip
                    index = self.createIndex(row, 0, node.key)
                    emit(self.dataChanged, index, index)
                continue
            self.beginInsertRows(parent, row, row)
            children.insert(row, self._node(HOUSEHOLD, h["id"], household_label(h), building,
                                            h.get("separated") or ""))
            self.endInsertRows()

    # --- lookups --------------------------------------------------------------------

    def _index_of(self, node: Node) -> QModelIndex:
        siblings = node.parent.children if node.parent else self._roots
        return self.createIndex(siblings.index(node) if siblings else 0, 0, node.key)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def find(self, kind: str, record_id: str, *, building_id: str | None = None,
             grid_id: str | None = None) -> QModelIndex:
        """Index of a node, loading the parents given so a new household can be shown."""
        for grid in self._roots:
            if kind == GRID and grid.record_id == record_id:
                return self._index_of(grid)
            if grid_id and grid.record_id != grid_id and kind != GRID:
                continue
            grid_index = self._index_of(grid)
            if grid.children is None:
                if not grid_id:
                    continue
                self.fetchMore(grid_index)
            for building in grid.children or ():
                if kind == BUILDING and building.record_id == record_id:
                    return self._index_of(building)
                if kind != HOUSEHOLD or (building_id and building.record_id != building_id):
                    continue
                if building.children is None:
                    if not building_id:
                        continue
                    self.fetchMore(self._index_of(building))
                for household in building.children or ():
                    if household.record_id == record_id:
                        return self._index_of(household)
        return QModelIndex()

    # --- Qt model -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._roots if not parent.isValid() else (self.node(parent).children or [])
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row].key)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._roots)
        node = self.node(parent)
        return len(node.children) if node and node.children else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._roots)
        node = self.node(parent)
        if node is None or node.kind == HOUSEHOLD or parent.column() > 0:
            return False
        # Unloaded grids/buildings show an expander; fetchMore fills them when opened.
        return node.children is None or bool(node.children)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        node = self.node(parent)
        return node is not None and node.children is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        node = self.node(parent)
        if node is None or node.children is not None:
            return
        children = self._children_of(node)
        node.children = []
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.record_id
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return QCoreApplication.translate("RegistryTreeModel", "Grids, buildings and households")
        return None
