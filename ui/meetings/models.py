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

from ui.record_table import RECORD_ID_ROLE, RECORD_ROLE, Column  # noqa: F401
from ui.record_table import RecordTableModel as _BaseRecordTable
OVERDUE_BRUSH = QBrush(QColor("#c62828"))
OVERDUE_BACKGROUND = QBrush(QColor("#fdecea"))



class RecordTableModel(_BaseRecordTable):
    """Records whose ``highlighted`` rows (overdue) show in red."""

    def highlighted(self, record: Any) -> bool:
        return False

    def foreground(self, record: Any) -> QBrush | None:
        return OVERDUE_BRUSH if self.highlighted(record) else None

    def background(self, record: Any) -> QBrush | None:
        return OVERDUE_BACKGROUND if self.highlighted(record) else None


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
