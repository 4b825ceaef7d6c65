"""Qt table models of the visits page: the due/overdue schedule and a household's visit history.

The schedule model fetches the list a page at a time (``ledger.visits.schedule_page``;
a street office has 200k households) and more as the view scrolls, and keeps its
filter across reloads, so saving a visit or opening a record never loses what
the user chose.  The household id is under
``RECORD_ID_ROLE``.  GUI thread only.  No SQL here.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

from ui.record_table import RECORD_ID_ROLE, RECORD_ROLE, Column, RecordTableModel as _RecordTable  # noqa: F401

STATUS_LABELS = {
    "overdue": QT_TRANSLATE_NOOP("ScheduleTableModel", "Overdue"),
    "due_this_week": QT_TRANSLATE_NOOP("ScheduleTableModel", "Due this week"),
    "never_visited": QT_TRANSLATE_NOOP("ScheduleTableModel", "Never visited"),
    "ok": QT_TRANSLATE_NOOP("ScheduleTableModel", "Up to date"),
}
_STATUS_COLOURS = {"overdue": "#c62828", "never_visited": "#ad5700", "due_this_week": "#1565c0"}

TODO = "todo"  # filter: overdue, never visited or due this week



def status_label(status: str) -> str:
    return QCoreApplication.translate("ScheduleTableModel", STATUS_LABELS.get(status, status))


class ScheduleTableModel(_RecordTable):
    """Households due, overdue or never visited (``ledger.visits.schedule``), most urgent first."""

    COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("ScheduleTableModel", "Status"), lambda r: status_label(r.status)),
        ("days", QT_TRANSLATE_NOOP("ScheduleTableModel", "Days overdue"),
         lambda r: r.days_overdue or ""),
        ("due", QT_TRANSLATE_NOOP("ScheduleTableModel", "Due"), lambda r: r.due_date),
        ("address", QT_TRANSLATE_NOOP("ScheduleTableModel", "Household"), lambda r: r.address),
        ("head", QT_TRANSLATE_NOOP("ScheduleTableModel", "Head"), lambda r: r.head_name),
        ("groups", QT_TRANSLATE_NOOP("ScheduleTableModel", "Groups"), lambda r: r.groups),
        ("tier", QT_TRANSLATE_NOOP("ScheduleTableModel", "Tier"), lambda r: r.tier),
        ("interval", QT_TRANSLATE_NOOP("ScheduleTableModel", "Every (days)"), lambda r: r.interval_days),
        ("last", QT_TRANSLATE_NOOP("ScheduleTableModel", "Last visit"), lambda r: r.last_visit_date),
        ("attempt", QT_TRANSLATE_NOOP("ScheduleTableModel", "Last attempt (nobody home)"),
         lambda r: r.last_attempt_date),
        ("grid", QT_TRANSLATE_NOOP("ScheduleTableModel", "Grid"), lambda r: r.grid_name),
        ("worker", QT_TRANSLATE_NOOP("ScheduleTableModel", "Grid worker"), lambda r: r.grid_worker),
    )
    CENTRED = frozenset({"status", "days", "due", "tier", "interval", "last", "attempt"})

    PAGE = 500

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.filter: dict[str, Any] = {}
        self._total = 0
        self._counts: dict[str, int] = {}

    def set_filter(self, *, grid_id: str | None = None, status: str | None = None,
                   visitor: str | None = None) -> None:
        """Keep only a grid / a status / a grid worker's households (None: any); reloads.

        ``status`` is a schedule status, or ``TODO`` for everything not up to date.
        """
        self.filter = {k: v for k, v in dict(grid_id=grid_id, status=status, visitor=visitor).items() if v}
        self.reload()

    def _page(self, offset: int) -> Any:
        query = dict(self.filter)
        if query.get("status") == TODO:
            query["status"] = ("overdue", "never_visited", "due_this_week")
        page = self._ledger.visits.schedule_page(**query, offset=offset, limit=self.PAGE)
        self._total, self._counts = page.total, dict(page.counts)
        return page

    def load(self) -> list[Any]:
        return list(self._page(0).rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._records) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        rows = list(self._page(len(self._records)).rows)
        if not rows:
            self._total = len(self._records)  # the list shrank meanwhile
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._records.extend(rows)
        self.endInsertRows()

    @property
    def total(self) -> int:
        """Rows the filter matches (fetched or not)."""
        return self._total

    def counts(self) -> dict[str, int]:
        """Households per status for the grid/worker filter (all of them, not just fetched)."""
        return dict(self._counts)

    def foreground(self, record: Any) -> QBrush | None:
        colour = _STATUS_COLOURS.get(record.status)
        return QBrush(QColor(colour)) if colour else None


def _visitors(v: Any) -> str:
    return v.visitor_names or ""


class VisitHistoryModel(_RecordTable):
    """One household's visits and 未遇 attempts, newest first."""

    COLUMNS = (
        ("date", QT_TRANSLATE_NOOP("VisitHistoryModel", "Date"),
         lambda v: f"{v.visit_date} {v.start_time}" if v.start_time else v.visit_date),
        ("outcome", QT_TRANSLATE_NOOP("VisitHistoryModel", "Outcome"),
         lambda v: QCoreApplication.translate("VisitHistoryModel", "Nobody home") if v.nobody_home
         else QCoreApplication.translate("VisitHistoryModel", "Visited")),
        ("type", QT_TRANSLATE_NOOP("VisitHistoryModel", "Type"), lambda v: v.visit_type),
        ("channel", QT_TRANSLATE_NOOP("VisitHistoryModel", "Channel"), lambda v: v.channel),
        ("visitors", QT_TRANSLATE_NOOP("VisitHistoryModel", "Visitors"), _visitors),
        ("situation", QT_TRANSLATE_NOOP("VisitHistoryModel", "Situation"), lambda v: v.situation),
        ("needs", QT_TRANSLATE_NOOP("VisitHistoryModel", "Needs"), lambda v: v.need_count or ""),
        ("next", QT_TRANSLATE_NOOP("VisitHistoryModel", "Next visit"), lambda v: v.next_visit_date),
    )
    CENTRED = frozenset({"date", "outcome", "channel", "needs", "next"})

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.household_id: str | None = None

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        self.reload()

    def load(self) -> list[Any]:
        return self._ledger.visits.history(self.household_id) if self.household_id else []

    def foreground(self, record: Any) -> QBrush | None:
        return QBrush(QColor("#777777")) if record.nobody_home else None
