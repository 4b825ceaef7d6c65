"""Qt table models of the meetings screens: meetings, action items, needs, service items.

Each holds the records one core call returned (a committee has hundreds of
meetings and needs a year, not hundreds of thousands, so no paging).  The
record id is under ``RECORD_ID_ROLE``.  GUI thread only.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_BRUSH = QBrush(QColor("#c62828"))
OVERDUE_BACKGROUND = QBrush(QColor("#fdecea"))

Column = tuple[str, str, Callable[[Any], Any]]  # (key, English header, value of a record)


class RecordTableModel(QAbstractTableModel):
    """A read-only table of frozen records; subclasses give ``COLUMNS`` and a loader."""

    COLUMNS: Sequence[Column] = ()
    CENTRED: frozenset[str] = frozenset()

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._records: list[Any] = []

    # subclasses: the records to show
    def load(self) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self._records = list(self.load())
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def highlighted(self, record: Any) -> bool:
        return False

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records) or index.column() >= len(self.COLUMNS):
            return None
        record = self._records[index.row()]
        key, _header, value = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = value(record)
            return "" if shown is None else str(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.highlighted(record):
            return OVERDUE_BRUSH
        if role == Qt.ItemDataRole.BackgroundRole and self.highlighted(record):
            return OVERDUE_BACKGROUND
        if role == RECORD_ID_ROLE:
            return record.id
        if role == RECORD_ROLE:
            return record
        return None


def _times(m: Any) -> str:
    if m.start_time and m.end_time:
        return f"{m.start_time}–{m.end_time}"
    return m.start_time or ""


class MeetingTableModel(RecordTableModel):
    COLUMNS = (
        ("meeting_date", QT_TRANSLATE_NOOP("MeetingTableModel", "Date"), lambda m: m.meeting_date),
        ("time", QT_TRANSLATE_NOOP("MeetingTableModel", "Time"), _times),
        ("type", QT_TRANSLATE_NOOP("MeetingTableModel", "Type"), lambda m: m.type),
        ("title", QT_TRANSLATE_NOOP("MeetingTableModel", "Title"), lambda m: m.title),
        ("place", QT_TRANSLATE_NOOP("MeetingTableModel", "Place"), lambda m: m.place),
        ("host", QT_TRANSLATE_NOOP("MeetingTableModel", "Host"), lambda m: m.host),
        ("present", QT_TRANSLATE_NOOP("MeetingTableModel", "Present / expected"),
         lambda m: "" if m.expected_count is None else f"{m.present_count or 0}/{m.expected_count}"),
        ("decisions", QT_TRANSLATE_NOOP("MeetingTableModel", "Decisions"), lambda m: m.decision_count),
        ("open", QT_TRANSLATE_NOOP("MeetingTableModel", "Open action items"), lambda m: m.open_action_count),
    )
    CENTRED = frozenset({"meeting_date", "time", "present", "decisions", "open"})

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.filter: dict[str, Any] = {}

    def set_filter(self, **filter: Any) -> None:
        """``type``, ``date_from``, ``date_to`` (exclusive), ``text``; None means any."""
        self.filter = {k: v for k, v in filter.items() if v}
        self.reload()

    def load(self) -> list[Any]:
        return self._ledger.meetings.list(**self.filter)


class ActionItemTableModel(RecordTableModel):
    """Action items; overdue rows are red.  ``scope``: 'open', 'overdue' or 'all'."""

    COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("ActionItemTableModel", "Status"), lambda a: a.display_status),
        ("what", QT_TRANSLATE_NOOP("ActionItemTableModel", "Action"), lambda a: a.what),
        ("owner", QT_TRANSLATE_NOOP("ActionItemTableModel", "Owner"), lambda a: a.owner),
        ("due_date", QT_TRANSLATE_NOOP("ActionItemTableModel", "Due"), lambda a: a.due_date),
        ("meeting", QT_TRANSLATE_NOOP("ActionItemTableModel", "Meeting"),
         lambda a: f"{a.meeting_date} {a.meeting_title}"),
        ("decision", QT_TRANSLATE_NOOP("ActionItemTableModel", "Decision"), lambda a: a.decision),
        ("reviewed", QT_TRANSLATE_NOOP("ActionItemTableModel", "Reviewed at"), lambda a: a.reviewed_in_title),
    )
    CENTRED = frozenset({"status", "owner", "due_date"})

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.scope = "open"

    def set_scope(self, scope: str) -> None:
        self.scope = scope
        self.reload()

    def load(self) -> list[Any]:
        return self._ledger.meetings.actions(open_only=self.scope == "open",
                                             overdue_only=self.scope == "overdue")

    def highlighted(self, record: Any) -> bool:
        return bool(record.overdue)


class NeedTableModel(RecordTableModel):
    COLUMNS = (
        ("received_date", QT_TRANSLATE_NOOP("NeedTableModel", "Received"), lambda n: n.received_date),
        ("kind", QT_TRANSLATE_NOOP("NeedTableModel", "Kind"), lambda n: n.kind),
        ("who", QT_TRANSLATE_NOOP("NeedTableModel", "Raised by"), lambda n: n.who),
        ("channel", QT_TRANSLATE_NOOP("NeedTableModel", "Channel"), lambda n: n.channel),
        ("category", QT_TRANSLATE_NOOP("NeedTableModel", "Category"), lambda n: n.category),
        ("content", QT_TRANSLATE_NOOP("NeedTableModel", "Content"), lambda n: n.content),
        ("status", QT_TRANSLATE_NOOP("NeedTableModel", "Status"), lambda n: n.status),
        ("satisfaction", QT_TRANSLATE_NOOP("NeedTableModel", "Satisfaction"), lambda n: n.satisfaction),
    )
    CENTRED = frozenset({"received_date", "kind", "channel", "status", "satisfaction"})

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.filter: dict[str, Any] = {}

    def set_filter(self, *, kind: str | None = None, status: str | None = None) -> None:
        self.filter = dict(kind=kind, status=status)
        self.reload()

    def load(self) -> list[Any]:
        return self._ledger.meetings.needs.list(**self.filter)


class ServiceItemTableModel(RecordTableModel):
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("ServiceItemTableModel", "Service"), lambda s: s.name),
        ("provider", QT_TRANSLATE_NOOP("ServiceItemTableModel", "Provider"), lambda s: s.provider),
        ("contact", QT_TRANSLATE_NOOP("ServiceItemTableModel", "Contact"), lambda s: s.contact),
        ("schedule", QT_TRANSLATE_NOOP("ServiceItemTableModel", "Schedule"), lambda s: s.schedule),
        ("notes", QT_TRANSLATE_NOOP("ServiceItemTableModel", "Notes"), lambda s: s.notes),
    )

    def load(self) -> list[Any]:
        return self._ledger.meetings.services.list()
