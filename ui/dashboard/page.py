"""The home dashboard: live counts as clickable tiles, and small charts.

Households, residents, each hardship category (persons 在册), visits
overdue/due this week/never visited, open and overdue action items, hardship
reviews due this month.  Clicking a tile emits ``navigate(area)`` with the area
behind it ('registry', 'visits', 'hardship', 'meetings'); the main window
switches page.  When the list behind it is narrower than the whole area, it then
emits ``open_list(area, filters)`` too, e.g. ``('visits', {'status': 'overdue'})``,
``('hardship', {'category': '低保'})`` or ``('hardship', {'review': 'due'})``;
:func:`ui.dashboard.drill.show_list` applies such filters to the area page.  The figures are read on the GUI thread (a handful of counting
queries) in :meth:`DashboardPage.refresh`; :class:`DashboardModel` holds them
(a list model, so other views or tests can use them too).

Below the tiles, small QPainter charts (:mod:`ui.dashboard.charts`): persons
per hardship category, real visits per month over the last six months, and
households overdue / due this week / never visited per grid; a click on a
chart opens its area too, a click on one bar that bar's list (a category, a grid).  Everything comes from the same reads as the tiles
(core services only), plus one grouped count for the monthly visits.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from neighbourhood.reports import visits_by_month
from ui.common import registry_counts
from ui.dashboard.charts import BarChart, ChartCard, Sparkline
from ui.signals import emit

REGISTRY, VISITS, HARDSHIP, MEETINGS = "registry", "visits", "hardship", "meetings"


@dataclasses.dataclass(frozen=True)
class Tile:
    key: str
    label: str
    value: int
    area: str
    alert: bool = False     # shown in red (something is overdue)
    filters: tuple[tuple[str, Any], ...] = ()   # narrows the area's list (see ``open_list``)


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
    open_list = Signal(str, object)     # area, filters for ui.dashboard.drill.show_list

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._today = today
        self.model = DashboardModel(self)
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        self._chart_row = QGridLayout()
        self._chart_row.setSpacing(10)
        self._make_charts()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self._grid)
        inner_layout.addSpacing(6)
        inner_layout.addLayout(self._chart_row)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.title = QLabel(self.tr("Overview"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll)
        self.refresh()

    def _read(self) -> tuple[list[Tile], dict[str, Any]]:
        """The tiles and the charts' data, from one pass over the services (GUI thread)."""
        led = self.ledger
        today = self._today or _dt.date.today()
        counts = registry_counts(led)
        tiles = [Tile("households", self.tr("Households"), counts.get("households", 0), REGISTRY),
                 Tile("residents", self.tr("Residents"), counts.get("residents", 0), REGISTRY),
                 Tile("migrants", self.tr("Migrant residents"), counts.get("migrants", 0), REGISTRY)]
        d0, d1 = _month_bounds(today)
        hardship = led.hardship.counts(date_from=d0, date_to=d1)
        for code, cat in hardship.categories.items():
            if cat.enrolled_persons:  # empty categories would crowd out the rest (the chart lists them)
                tiles.append(Tile(f"hardship:{code}", cat.name, cat.enrolled_persons, HARDSHIP,
                                  filters=(("category", code),)))
        reviews = sum(c.reviews_due for c in hardship.categories.values() if not c.derived)
        tiles.append(Tile("reviews_due", self.tr("Reviews due this month"), reviews, HARDSHIP, alert=reviews > 0,
                          filters=(("review", "due"),)))
        # counts only (the whole schedule as rows costs seconds at street-office scale), one
        # pass per grid serving both the tiles and the chart
        due_kinds = ("overdue", "due_this_week", "never_visited")
        per_grid = led.visits.status_counts_by_grid(today=today)
        by_status = {k: sum(per[k] for per in per_grid.values()) for k in due_kinds}
        overdue = by_status.get("overdue", 0)
        tiles += [Tile("visits_overdue", self.tr("Visits overdue"), overdue, VISITS, alert=overdue > 0,
                       filters=(("status", "overdue"),)),
                  Tile("visits_due", self.tr("Visits due this week"), by_status.get("due_this_week", 0), VISITS,
                       filters=(("status", "due_this_week"),)),
                  Tile("never_visited", self.tr("Never visited"), by_status.get("never_visited", 0), VISITS,
                       filters=(("status", "never_visited"),))]
        meetings = led.meetings.counts(date_from=d0, date_to=d1)
        tiles += [Tile("actions_open", self.tr("Open action items"), meetings.actions_open, MEETINGS,
                       filters=(("actions", "open"),)),
                  Tile("actions_overdue", self.tr("Overdue action items"), meetings.actions_overdue, MEETINGS,
                       alert=meetings.actions_overdue > 0, filters=(("actions", "overdue"),))]
        names = {g.id: g.name for g in led.grids.list()}
        order = {gid: i for i, gid in enumerate(names)}
        grids = {gid: (names.get(gid, "—"), [per[k] for k in due_kinds])
                 for gid, per in per_grid.items()
                 if any(per[k] for k in due_kinds)}
        charts = {  # rows of (key, label, values)
            "hardship": [(code, cat.name, [cat.enrolled_persons]) for code, cat in hardship.categories.items()
                         if cat.enrolled_persons],
            "visits_by_month": visits_by_month(led, months=6, today=today),
            # grids in the ledger's order (第一网格, 第二网格 …), not by name
            "visits_by_grid": [(gid, name, values) for gid, (name, values) in
                               sorted(grids.items(), key=lambda kv: order.get(kv[0], len(order)))],
        }
        return tiles, charts

    def _make_charts(self) -> None:
        self.charts: dict[str, ChartCard] = {
            "hardship": BarChart(self.tr("Persons per hardship category"), empty_text=self.tr("None enrolled")),
            "visits_by_month": Sparkline(self.tr("Visits done per month"), empty_text=self.tr("No visits")),
            "visits_by_grid": BarChart(self.tr("Visits due per grid"),
                                       empty_text=self.tr("Nothing due or overdue")),
        }
        self._bar_filters: dict[str, list[dict[str, Any]]] = {"hardship": [], "visits_by_grid": []}
        areas = {"hardship": HARDSHIP, "visits_by_month": VISITS, "visits_by_grid": VISITS}
        for i, (key, chart) in enumerate(self.charts.items()):
            chart.setObjectName(f"chart_{key}")
            chart.setToolTip(self.tr("Click to open the list"))
            chart.clicked.connect(lambda area=areas[key]: emit(self.navigate, area))
            if isinstance(chart, BarChart):
                chart.picked.connect(lambda row, key=key, area=areas[key]: self._open(
                    area, self._bar_filters[key][row] if row < len(self._bar_filters[key]) else {}))
            self._chart_row.addWidget(chart, 0, i, Qt.AlignmentFlag.AlignTop)

    def _open(self, area: str, filters: dict[str, Any]) -> None:
        emit(self.navigate, area)
        if filters:
            emit(self.open_list, area, dict(filters))

    def _fill_charts(self, data: dict[str, Any]) -> None:
        hardship = data["hardship"]
        self.charts["hardship"].set_data([n for _c, n, _v in hardship], [[v[0] for _c, _n, v in hardship]])
        self._bar_filters["hardship"] = [{"category": code} for code, _n, _v in hardship]
        months = data["visits_by_month"]
        # '2026-06' → '6月': the year is clear on a line ending this month
        labels = [self.tr("Month %1").replace("%1", str(int(m[5:]))) for m, _n in months]
        self.charts["visits_by_month"].set_data(labels, [n for _m, n in months])
        grids = data["visits_by_grid"]
        self._bar_filters["visits_by_grid"] = [{"grid_id": gid} for gid, _n, _v in grids]
        self.charts["visits_by_grid"].set_data(
            [n for _g, n, _v in grids], [[v[k] for _g, _n, v in grids] for k in range(3)],
            [self.tr("Overdue"), self.tr("Due this week"), self.tr("Never visited")],
            ["#c62828", "#e0a040", "#9fb7d3"])

    def refresh(self) -> None:
        tiles, chart_data = self._read()
        self._fill_charts(chart_data)
        self.model.set_tiles(tiles)
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons.clear()
        columns = 5
        for i, tile in enumerate(self.model.tiles):
            button = QPushButton(f"{tile.value}\n{tile.label}")
            button.setObjectName(f"tile_{tile.key}")
            button.setToolTip(self.tr("Open %1").replace("%1", tile.label))
            button.setMinimumSize(150, 80)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            colour = "#c62828" if tile.alert else "#1f4e79"
            button.setStyleSheet(f"QPushButton {{ font-size: 12pt; color: {colour}; text-align: center; }}")
            button.clicked.connect(lambda _=False, t=tile: self._open(t.area, dict(t.filters)))
            self._grid.addWidget(button, i // columns, i % columns)
            self.buttons[tile.key] = button

    def value(self, key: str) -> int | None:
        return next((t.value for t in self.model.tiles if t.key == key), None)
