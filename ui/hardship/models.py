"""Qt models of the hardship screens: categories, enrolments, timeline, assistance.

Each holds the records one core call returned (a list of one category in one
community is a few thousand rows at most; the core builds it in one query).
ID numbers and phones arrive masked from the core unless full view is on.
The record id is under ``RECORD_ID_ROLE``, the record under ``RECORD_ROLE``.
GUI thread only.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractListModel, QAbstractTableModel, QCoreApplication,
                            QModelIndex, QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor

from neighbourhood.hardship import fen_to_yuan

from ui.record_table import RECORD_ID_ROLE, RECORD_ROLE, Column, RecordTableModel  # noqa: F401
OVERDUE_FOREGROUND = QBrush(QColor("#c62828"))
OVERDUE_BACKGROUND = QBrush(QColor("#fdecea"))
DUE_BACKGROUND = QBrush(QColor("#fff4e0"))
CLOSED_FOREGROUND = QBrush(QColor("#888888"))



class CategoryListModel(QAbstractListModel):
    """Categories with their 在册 count: '低保（12）'.  The first row is 'All categories'."""

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._categories: list[Any] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._categories = self._ledger.hardship.categories()
        self.endResetModel()

    def category(self, row: int) -> Any | None:
        return self._categories[row - 1] if 1 <= row <= len(self._categories) else None

    def row_of(self, code: str | None) -> int:
        if code is None:
            return 0
        return next((i + 1 for i, c in enumerate(self._categories) if c.code == code), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._categories) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        category = self.category(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if category is None:
                return QCoreApplication.translate("CategoryListModel", "All categories")
            return f"{category.code}（{category.enrolled}）"  # full-width, as elsewhere on screen
        if role == Qt.ItemDataRole.ToolTipRole and category is not None:
            return category.name
        if role == RECORD_ID_ROLE:
            return category.code if category else None
        if role == RECORD_ROLE:
            return category
        return None


def _status(e: Any) -> str:
    if e.derived:
        return QCoreApplication.translate("EnrolmentTableModel", "Derived (age)")
    return e.status


def _amount(fen: int | None) -> str:
    return fen_to_yuan(fen)


class EnrolmentTableModel(RecordTableModel):
    """Enrolments of one category (or all) filtered by grid, status and review due.

    Overdue reviews are red, reviews due within 30 days tinted; closed periods grey.
    """

    COLUMNS = (
        ("subject_name", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Name"), lambda e: e.subject_name),
        ("id_number", QT_TRANSLATE_NOOP("EnrolmentTableModel", "ID number"), lambda e: e.id_number),
        ("address", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Address"), lambda e: e.address),
        ("grid_name", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Grid"), lambda e: e.grid_name),
        ("category", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Category"), lambda e: e.category_code),
        ("status", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Status"), _status),
        ("status_date", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Since"), lambda e: e.status_date),
        ("covered_count", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Persons covered"), lambda e: e.covered_count),
        ("monthly_amount", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Monthly amount (yuan)"),
         lambda e: _amount(e.monthly_amount_fen)),
        ("next_review_date", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Next review"),
         lambda e: e.next_review_date if e.status == "在册" else ""),
        ("certificate_no", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Certificate no."), lambda e: e.certificate_no),
        ("phone", QT_TRANSLATE_NOOP("EnrolmentTableModel", "Phone"), lambda e: e.phone),
    )

    def __init__(self, ledger: Any, parent=None, *, household_id: str | None = None) -> None:
        super().__init__(ledger, parent)
        self.household_id = household_id
        self.filter: dict[str, Any] = {}

    def set_filter(self, *, category: str | None = None, grid_id: str | None = None,
                   status: str | None = None, review: str | None = None) -> None:
        """None means any; ``review`` is 'due' (within 30 days, overdue included) or 'overdue'."""
        self.filter = dict(category=category, grid_id=grid_id, status=status, review=review)
        self.reload()

    def load(self) -> list[Any]:
        hardship = self._ledger.hardship
        if self.household_id:
            return hardship.household_enrolments(self.household_id)
        return hardship.list(**self.filter)

    def foreground(self, record: Any) -> QBrush | None:
        state = record.review_state(self._ledger.hardship.today())
        if state == "overdue":
            return OVERDUE_FOREGROUND
        if not record.derived and record.status in ("退出", "不予通过"):
            return CLOSED_FOREGROUND
        return None

    def background(self, record: Any) -> QBrush | None:
        state = record.review_state(self._ledger.hardship.today())
        return {"overdue": OVERDUE_BACKGROUND, "due": DUE_BACKGROUND}.get(state or "")


class TimelineTableModel(RecordTableModel):
    """Transitions and reviews of an enrolment and its earlier periods, oldest first."""

    COLUMNS = (
        ("event_date", QT_TRANSLATE_NOOP("TimelineTableModel", "Date"), lambda v: v.event_date),
        ("kind", QT_TRANSLATE_NOOP("TimelineTableModel", "Event"), lambda v: v.kind),
        ("change", QT_TRANSLATE_NOOP("TimelineTableModel", "Change"),
         lambda v: f"{v.from_status or ''} → {v.to_status}" if v.to_status else (v.result or "")),
        ("reason", QT_TRANSLATE_NOOP("TimelineTableModel", "Reason / notes"), lambda v: v.reason),
        ("next_review_date", QT_TRANSLATE_NOOP("TimelineTableModel", "Next review"), lambda v: v.next_review_date),
        ("handled_by", QT_TRANSLATE_NOOP("TimelineTableModel", "Recorded by"), lambda v: v.handled_by),
    )

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.enrolment_id: str | None = None

    def set_enrolment(self, enrolment_id: str | None) -> None:
        self.enrolment_id = enrolment_id
        self.reload()

    def load(self) -> list[Any]:
        if not self.enrolment_id or self.enrolment_id.startswith("derived:"):
            return []
        return self._ledger.hardship.timeline(self.enrolment_id)


class AssistanceTableModel(RecordTableModel):
    """Assistance given under an enrolment (all its periods) or to a household."""

    COLUMNS = (
        ("given_on", QT_TRANSLATE_NOOP("AssistanceTableModel", "Date"), lambda a: a.given_on),
        ("kind", QT_TRANSLATE_NOOP("AssistanceTableModel", "Kind"), lambda a: a.kind),
        ("amount", QT_TRANSLATE_NOOP("AssistanceTableModel", "Amount (yuan)"), lambda a: _amount(a.amount_fen)),
        ("items", QT_TRANSLATE_NOOP("AssistanceTableModel", "Items / service"), lambda a: a.items),
        ("source", QT_TRANSLATE_NOOP("AssistanceTableModel", "Source"), lambda a: a.source),
        ("occasion", QT_TRANSLATE_NOOP("AssistanceTableModel", "Occasion"), lambda a: a.occasion),
        ("recipient", QT_TRANSLATE_NOOP("AssistanceTableModel", "Recipient"), lambda a: a.recipient_name),
        ("handled_by", QT_TRANSLATE_NOOP("AssistanceTableModel", "Handled by"), lambda a: a.handled_by),
    )

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(ledger, parent)
        self.scope: dict[str, Any] = {}

    def set_scope(self, *, enrolment_id: str | None = None, household_id: str | None = None) -> None:
        self.scope = dict(enrolment_id=enrolment_id, household_id=household_id)
        self.reload()

    def load(self) -> list[Any]:
        enrolment_id = self.scope.get("enrolment_id")
        household_id = self.scope.get("household_id")
        if enrolment_id and not enrolment_id.startswith("derived:"):
            return self._ledger.hardship.assistance.list(enrolment_id=enrolment_id)
        if household_id:
            return self._ledger.hardship.assistance.list(household_id=household_id)
        return []
