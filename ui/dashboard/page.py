"""The home dashboard: live counts as clickable tiles.

Households, residents, each hardship category (persons 在册), visits
overdue/due this week/never visited, open and overdue action items, hardship
reviews due this month.  Clicking a tile emits ``navigate(area)`` with the area
behind it ('registry', 'visits', 'hardship', 'meetings'); the main window
switches page.  The figures are read on the GUI thread (a handful of counting
queries) in :meth:`DashboardPage.refresh`; :class:`DashboardModel` holds them
(a list model, so other views or tests can use them too).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.common import registry_counts
from ui.signals import emit

REGISTRY, VISITS, HARDSHIP, MEETINGS = "registry", "visits", "hardship", "meetings"


@dataclasses.dataclass(frozen=True)
class Tile:
    key: str
    label: str
    value: int
    area: str
    alert: bool = False     # shown in red (something is overdue)


def _month_bounds(today: _dt.date) -> tuple[str, str]:
    start = today.replace(day=1)
    end = _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start.isoformat(), end.isoformat()


class DashboardModel(QAbstractListModel):
    """One row per tile; DisplayRole 'label: value', AreaRole the area to open."""

    AreaRole = Qt.ItemDataRole.UserRole + 1
    ValueRole = Qt.ItemDataRole.UserRole + 2
    KeyRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tiles: list[Tile] = []

    def set_tiles(self, tiles: list[Tile]) -> None:
        self.beginResetModel()
        self.tiles = list(tiles)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.tiles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.tiles):
            return None
        tile = self.tiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{tile.label}: {tile.value}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tile.label
        if role == self.AreaRole:
            return tile.area
        if role == self.ValueRole:
            return tile.value
        if role == self.KeyRole:
            return tile.key
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({self.AreaRole: b"area", self.ValueRole: b"value", self.KeyRole: b"key"})
        return names


class DashboardPage(QWidget):
    """Counts as tiles; a click emits ``navigate(area)``."""

    navigate = Signal(str)

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._today = today
        self.model = DashboardModel(self)
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        inner = QWidget()
        inner.setLayout(self._grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.title = QLabel(self.tr("Overview"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll)
        self.refresh()

    def tiles(self) -> list[Tile]:
        """Read the counts (GUI thread)."""
        led = self.ledger
        today = self._today or _dt.date.today()
        counts = registry_counts(led)
        tiles = [Tile("households", self.tr("Households"), counts.get("households", 0), REGISTRY),
                 Tile("residents", self.tr("Residents"), counts.get("residents", 0), REGISTRY),
                 Tile("migrants", self.tr("Migrant residents"), counts.get("migrants", 0), REGISTRY)]
        d0, d1 = _month_bounds(today)
        hardship = led.hardship.counts(date_from=d0, date_to=d1)
        for code, cat in hardship.categories.items():
            if cat.enrolled_persons or not cat.derived:
                tiles.append(Tile(f"hardship:{code}", cat.name, cat.enrolled_persons, HARDSHIP))
        reviews = sum(c.reviews_due for c in hardship.categories.values() if not c.derived)
        tiles.append(Tile("reviews_due", self.tr("Reviews due this month"), reviews, HARDSHIP, alert=reviews > 0))
        schedule = led.visits.schedule(today=today)
        by_status: dict[str, int] = {}
        for row in schedule:
            by_status[row.status] = by_status.get(row.status, 0) + 1
        overdue = by_status.get("overdue", 0)
        tiles += [Tile("visits_overdue", self.tr("Visits overdue"), overdue, VISITS, alert=overdue > 0),
                  Tile("visits_due", self.tr("Visits due this week"), by_status.get("due_this_week", 0), VISITS),
                  Tile("never_visited", self.tr("Never visited"), by_status.get("never_visited", 0), VISITS)]
        meetings = led.meetings.counts(date_from=d0, date_to=d1)
        tiles += [Tile("actions_open", self.tr("Open action items"), meetings.actions_open, MEETINGS),
                  Tile("actions_overdue", self.tr("Overdue action items"), meetings.actions_overdue, MEETINGS,
                       alert=meetings.actions_overdue > 0)]
        return tiles

    def refresh(self) -> None:
        self.model.set_tiles(self.tiles())
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons.clear()
        columns = 4
        for i, tile in enumerate(self.model.tiles):
            button = QPushButton(f"{tile.value}\n{tile.label}")
            button.setObjectName(f"tile_{tile.key}")
            button.setToolTip(self.tr("Open %1").replace("%1", tile.label))
            button.setMinimumSize(150, 80)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            colour = "#c62828" if tile.alert else "#1f4e79"
            button.setStyleSheet(f"QPushButton {{ font-size: 12pt; color: {colour}; text-align: center; }}")
            button.clicked.connect(lambda _=False, area=tile.area: emit(self.navigate, area))
            self._grid.addWidget(button, i // columns, i % columns)
            self.buttons[tile.key] = button

    def value(self, key: str) -> int | None:
        return next((t.value for t in self.model.tiles if t.key == key), None)
