"""HardshipPage (困难群众): categories, filtered enrolments, detail with timeline and assistance,
reminders of reviews due; HouseholdEnrolmentsWidget for the household view.

Reads and writes only through ``ledger.hardship``.  Filters stay as they are while
records are opened and changed (the table reloads and keeps the selection).
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFrame, QHBoxLayout, QHeaderView,
                               QLabel, QListView, QPushButton, QSplitter, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from neighbourhood.hardship import STATUSES, fen_to_yuan
from ui.record_table import record_view
from ui.hardship.dialogs import AssistanceDialog, EnrolDialog, ReviewDialog, TransitionDialog
from ui.hardship.models import (RECORD_ID_ROLE, AssistanceTableModel, CategoryListModel,
                                EnrolmentTableModel, RecordTableModel, TimelineTableModel)
from ui.signals import emit


_table = record_view  # shared: ui/record_table.py


def _exec(dialog: QDialog) -> Any:
    """Run a dialog; the record it wrote, or None when cancelled."""
    return dialog.record if dialog.exec() == QDialog.DialogCode.Accepted else None


class EnrolmentDetail(QWidget):
    """One enrolment: summary, timeline (all periods) and assistance, with action buttons."""

    changed = Signal(str)  # an enrolment id was written (or a new one created)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.enrolment: Any = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline_model = TimelineTableModel(ledger, self)
        self.assistance_model = AssistanceTableModel(ledger, self)
        self.timeline_view = _table(self.timeline_model)
        self.assistance_view = _table(self.assistance_model)
        tabs = QTabWidget()
        tabs.addTab(self.timeline_view, self.tr("Timeline"))
        tabs.addTab(self.assistance_view, self.tr("Assistance"))
        from ui.attachments.panel import AttachmentPanel
        self.attachments = AttachmentPanel(ledger, "hardship_enrolments", None)
        tabs.addTab(self.attachments, self.tr("Scans and photos"))
        # Adding or removing a scan is an undoable write: let the page and Undo know.
        self.attachments.changed.connect(
            lambda _op: emit(self.changed, self.enrolment.id) if self.enrolment is not None else None)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.clicked.connect(self.change_status)
        self.review_button = QPushButton(self.tr("Annual review…"))
        self.review_button.clicked.connect(self.review)
        self.assist_button = QPushButton(self.tr("Record assistance…"))
        self.assist_button.clicked.connect(self.record_assistance)
        buttons = QHBoxLayout()
        for button in (self.status_button, self.review_button, self.assist_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(tabs, 1)
        self.show_enrolment(None)

    def show_enrolment(self, enrolment: Any) -> None:
        self.enrolment = enrolment
        enrolment_id = enrolment.id if enrolment else None
        self.timeline_model.set_enrolment(enrolment_id)
        self.assistance_model.set_scope(enrolment_id=enrolment_id,
                                        household_id=enrolment.subject_household_id if enrolment else None)
        can_write = self._ledger.access.can_write
        real = enrolment is not None and not enrolment.derived
        self.status_button.setEnabled(bool(real and can_write))
        self.review_button.setEnabled(bool(real and can_write and enrolment.status == "在册"))
        self.assist_button.setEnabled(bool(enrolment is not None and can_write))
        self.attachments.set_owner("hardship_enrolments", enrolment_id if real else None)
        self.attachments.setEnabled(real)
        if enrolment is None:
            self.summary.setText(self.tr("Select an enrolment to see its history."))
            return
        if enrolment.derived:
            self.summary.setText(self.tr("%1 — %2, born %3: on the list by age (no enrolment needed).")
                                 .replace("%1", enrolment.category_code)
                                 .replace("%2", enrolment.subject_name or "")
                                 .replace("%3", enrolment.birth_date or ""))
            return
        parts = [f"<b>{enrolment.category_code}</b> · {enrolment.subject_name or ''} · {enrolment.address}",
                 self.tr("Status: %1 since %2").replace("%1", enrolment.status)
                 .replace("%2", enrolment.status_date or "")]
        if enrolment.monthly_amount_fen is not None:
            parts.append(self.tr("Monthly amount: %1 yuan").replace("%1", fen_to_yuan(enrolment.monthly_amount_fen)))
        if enrolment.next_review_date and enrolment.status == "在册":
            parts.append(self.tr("Next review: %1").replace("%1", enrolment.next_review_date))
        if enrolment.exit_reason:
            parts.append(self.tr("Reason: %1").replace("%1", enrolment.exit_reason))
        extra = {f.key: f.label for f in self._ledger.hardship.category(enrolment.category_id).fields}
        for key, value in enrolment.extra.items():
            parts.append(f"{extra.get(key, key)}: {value}")
        if enrolment.documents:
            parts.append(self.tr("Documents: %1").replace("%1", enrolment.documents))
        self.summary.setText("<br>".join(parts))

    def _done(self, record: Any) -> None:
        if record is not None:
            emit(self.changed, getattr(record, "id", "") or "")

    def change_status(self) -> None:
        if self.enrolment is not None:
            self._done(_exec(TransitionDialog(self._ledger, self.enrolment, parent=self)))

    def review(self) -> None:
        if self.enrolment is not None:
            self._done(_exec(ReviewDialog(self._ledger, self.enrolment, parent=self)))

    def record_assistance(self) -> None:
        if self.enrolment is not None:
            record = _exec(AssistanceDialog(self._ledger, enrolment=self.enrolment, parent=self))
            if record is not None:
                emit(self.changed, self.enrolment.id)


class HardshipPage(QWidget):
    """The hardship area of the main window."""

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.category_model = CategoryListModel(ledger, self)
        self.enrolment_model = EnrolmentTableModel(ledger, self)

        self.category_view = QListView()
        self.category_view.setModel(self.category_model)
        self.category_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.grid_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status, status)
        self.review_filter = QComboBox()
        self.review_filter.addItem(self.tr("Any review date"), None)
        self.review_filter.addItem(self.tr("Review due within 30 days"), "due")
        self.review_filter.addItem(self.tr("Review overdue"), "overdue")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Grid")))
        filters.addWidget(self.grid_filter)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.review_filter)
        filters.addStretch()
        self.new_button = QPushButton(self.tr("New enrolment…"))
        self.new_button.clicked.connect(self.new_enrolment)
        filters.addWidget(self.new_button)

        self.reminders = QFrame()
        self.reminders.setStyleSheet("QFrame { background: #fff4e0; }")
        self.reminder_label = QLabel()
        self.due_button = QPushButton(self.tr("Show due"))
        self.due_button.clicked.connect(lambda: self.show_reviews("due"))
        self.overdue_button = QPushButton(self.tr("Show overdue"))
        self.overdue_button.clicked.connect(lambda: self.show_reviews("overdue"))
        strip = QHBoxLayout(self.reminders)
        strip.setContentsMargins(6, 2, 6, 2)
        strip.addWidget(self.reminder_label, 1)
        strip.addWidget(self.due_button)
        strip.addWidget(self.overdue_button)

        self.table = _table(self.enrolment_model)
        self.count_label = QLabel()
        self.detail = EnrolmentDetail(ledger, self)
        self.detail.changed.connect(self._written)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(filters)
        centre_layout.addWidget(self.reminders)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        centre_layout.addWidget(right, 1)
        centre_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.category_view)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._fill_grids()
        self.category_model.reload()
        self.category_view.setCurrentIndex(self.category_model.index(0))
        self.category_view.selectionModel().currentChanged.connect(lambda *_: self.apply_filter())
        for combo in (self.grid_filter, self.status_filter, self.review_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.new_button.setEnabled(ledger.access.can_write)
        self.apply_filter()

    def _fill_grids(self) -> None:
        self.grid_filter.addItem(self.tr("All grids"), None)
        access = self._ledger.access
        for grid in self._ledger.grids.list():
            self.grid_filter.addItem(grid.name, grid.id)
        if access.role == "grid_worker" and len(access.grid_ids) == 1:
            self.grid_filter.setCurrentIndex(max(0, self.grid_filter.findData(next(iter(access.grid_ids)))))

    # --- state ---------------------------------------------------------------------------

    @property
    def current_category(self) -> str | None:
        return self.category_model.data(self.category_view.currentIndex(), RECORD_ID_ROLE)

    def select_category(self, code: str | None) -> None:
        row = self.category_model.row_of(code)
        if row >= 0:
            self.category_view.setCurrentIndex(self.category_model.index(row))

    def set_filters(self, *, grid_id: str | None = None, status: str | None = None,
                    review: str | None = None) -> None:
        for combo, value in ((self.grid_filter, grid_id), (self.status_filter, status),
                             (self.review_filter, review)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.apply_filter()

    def apply_filter(self, *, keep: str | None = None) -> None:
        keep = keep or (self.detail.enrolment.id if self.detail.enrolment else None)
        self.enrolment_model.set_filter(category=self.current_category, grid_id=self.grid_filter.currentData(),
                                        status=self.status_filter.currentData(),
                                        review=self.review_filter.currentData())
        self.count_label.setText(self.tr("%1 shown").replace("%1", str(self.enrolment_model.rowCount())))
        self._update_reminders()
        row = self.enrolment_model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.enrolment_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.detail.show_enrolment(None)

    def _update_reminders(self) -> None:
        hardship = self._ledger.hardship
        grid_id = self.grid_filter.currentData()
        due = len(hardship.reviews_due(within_days=30, grid_id=grid_id))
        overdue = len(hardship.overdue_reviews(grid_id=grid_id))
        self.due_count, self.overdue_count = due, overdue
        self.reminder_label.setText(self.tr("Reviews due within 30 days: %1 · Overdue: %2")
                                    .replace("%1", str(due)).replace("%2", str(overdue)))
        self.due_button.setEnabled(due > 0)
        self.overdue_button.setEnabled(overdue > 0)
        self.reminders.setVisible(bool(due or overdue))

    def show_reviews(self, which: str) -> None:
        """Reminder buttons: every category, 在册, reviews due (overdue included) or overdue."""
        self.category_view.selectionModel().blockSignals(True)
        self.select_category(None)
        self.category_view.selectionModel().blockSignals(False)
        self.set_filters(grid_id=self.grid_filter.currentData(), status="在册", review=which)

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        record = self.enrolment_model.record(index.row()) if index.isValid() else None
        self.detail.show_enrolment(record)

    def _written(self, enrolment_id: str) -> None:
        self.category_model.blockSignals(True)
        code = self.current_category
        self.category_model.reload()
        self.category_model.blockSignals(False)
        self.category_view.reset()
        self.category_view.selectionModel().blockSignals(True)
        self.select_category(code)
        self.category_view.selectionModel().blockSignals(False)
        self.apply_filter(keep=enrolment_id or None)

    def new_enrolment(self) -> Any:
        category = self.current_category
        dialog = EnrolDialog(self._ledger, category=category, parent=self)
        record = _exec(dialog)
        if record is not None:
            self._written(record.id)
        return record


class HouseholdEnrolmentsWidget(QWidget):
    """A household's enrolments (its household lists and its members' person lists, derived
    高龄 included), with the detail and actions; for the household view."""

    changed = Signal(str)

    def __init__(self, ledger: Any, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.household_id = household_id
        self.model = EnrolmentTableModel(ledger, self, household_id=household_id)
        self.table = _table(self.model)
        for column in ("address", "grid_name", "phone"):
            keys = [c[0] for c in EnrolmentTableModel.COLUMNS]
            self.table.setColumnHidden(keys.index(column), True)
        self.detail = EnrolmentDetail(ledger, self)
        self.detail.changed.connect(self._written)
        self.add_button = QPushButton(self.tr("Add to a list…"))
        self.add_button.clicked.connect(self.new_enrolment)
        self.add_button.setEnabled(ledger.access.can_write)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 3)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.reload()

    def set_household(self, household_id: str) -> None:
        self.household_id = self.model.household_id = household_id
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        self.model.reload()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.detail.show_enrolment(None)

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        self.detail.show_enrolment(self.model.record(index.row()) if index.isValid() else None)

    def _written(self, enrolment_id: str) -> None:
        self.reload(keep=enrolment_id or None)
        emit(self.changed, enrolment_id)

    def new_enrolment(self) -> Any:
        record = _exec(EnrolDialog(self._ledger, household_id=self.household_id, parent=self))
        if record is not None:
            self._written(record.id)
        return record
