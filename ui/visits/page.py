"""VisitsPage: who is due or overdue (by grid and status), a household's visit history, fast entry.

Reads and writes only through ``ledger.visits`` (and ``ledger.grids`` for the
filter).  The filters live in the widgets and in the schedule model; opening a
record (the entry dialog, the history) and saving never reset them.
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from ui.attachments.panel import AttachmentPanel
from ui.record_table import record_view
from ui.common import show_error
from ui.signals import emit
from ui.visits.entry_dialog import VisitEntryDialog
from ui.visits.models import (RECORD_ID_ROLE, STATUS_LABELS, TODO, ScheduleTableModel,
                              VisitHistoryModel, status_label)


_table = record_view  # shared: ui/record_table.py


class VisitsPage(QWidget):
    """The visits area of the main window.  ``changed(operation)`` after each write."""

    changed = Signal(object)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.dialog: VisitEntryDialog | None = None
        self._print_job: Any = None     # ui.job_runner.ProgressJob while a record PDF is written
        self._plan_job: Any = None      # … while the schedule is recomputed for changed rules
        self.schedule_model = ScheduleTableModel(ledger, self)
        self.history_model = VisitHistoryModel(ledger, self)

        self.grid_filter = QComboBox()
        self.grid_filter.addItem(self.tr("All grids"), None)
        for grid in ledger.grids.list():
            self.grid_filter.addItem(grid.name, grid.id)
        if ledger.access.role == "grid_worker" and ledger.access.grid_ids:
            # A grid worker starts on their own grid.
            index = self.grid_filter.findData(sorted(ledger.access.grid_ids)[0])
            if index >= 0:
                self.grid_filter.setCurrentIndex(index)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Overdue, never visited or due this week"), TODO)
        self.status_filter.addItem(self.tr("All households"), None)
        for status in STATUS_LABELS:
            self.status_filter.addItem(status_label(status), status)
        self.grid_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.summary = QLabel()

        self.schedule_view = _table(self.schedule_model)
        self.schedule_view.doubleClicked.connect(lambda _i: self.record_visit())
        self.schedule_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_history())
        self.history_view = _table(self.history_model)
        self.history_title = QLabel(self.tr("Visit history"))
        self.history_title.setStyleSheet("font-weight: bold;")

        self.record_button = QPushButton(self.tr("Record visit… (Enter)"))
        self.record_button.clicked.connect(lambda: self.record_visit())
        self.print_button = QPushButton(self.tr("Print visit record…"))
        self.print_button.setToolTip(self.tr("A PDF of the selected visit with its ticked photos."))
        self.print_button.clicked.connect(lambda: self.print_visit_record())
        self.delete_button = QPushButton(self.tr("Delete visit"))
        self.delete_button.clicked.connect(self.delete_visit)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.rules_button = QPushButton(self.tr("Rules and types…"))
        self.rules_button.clicked.connect(lambda: self.open_rules())
        self.flags_button = QPushButton(self.tr("Flags…"))
        self.flags_button.setToolTip(self.tr("Set or clear manual flags (e.g. close attention) on the selected household"))
        self.flags_button.clicked.connect(lambda: self.open_flags())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Grid")))
        top.addWidget(self.grid_filter)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.history_title, 1)
        title_row.addWidget(self.print_button)
        title_row.addWidget(self.delete_button)
        history_layout.addLayout(title_row)
        history_layout.addWidget(self.history_view)
        # Photos and files of the visit selected in the history.
        self.attachments = AttachmentPanel(ledger, "visits", None)
        self.attachments.setVisible(False)
        self.attachments.changed.connect(lambda op: emit(self.changed, op))
        self.history_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_attachments())
        history_layout.addWidget(self.attachments)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.schedule_view)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.flags_button)
        buttons.addStretch()
        buttons.addWidget(self.rules_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.schedule_view.installEventFilter(self)
        self.apply_filter()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent
        if (watched is self.schedule_view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.record_visit()
            return True
        return super().eventFilter(watched, event)

    # --- filter and refresh ------------------------------------------------------------------

    def apply_filter(self) -> None:
        self.schedule_model.set_filter(grid_id=self.grid_filter.currentData(),
                                       status=self.status_filter.currentData())
        self._after_reload(None)

    def _after_reload(self, keep: str | None) -> None:
        counts = self.schedule_model.counts()
        self.summary.setText(self.tr("Overdue %1 · never visited %2 · due this week %3")
                             .replace("%1", str(counts.get("overdue", 0)))
                             .replace("%2", str(counts.get("never_visited", 0)))
                             .replace("%3", str(counts.get("due_this_week", 0))))
        row = self.schedule_model.row_of(keep) if keep else -1
        if row < 0 and self.schedule_model.rowCount():
            row = 0
        if row >= 0:
            self.schedule_view.selectRow(row)
        self._show_history()

    def refresh(self) -> None:
        """Reload with the same filters, keeping the selected household when it is still listed."""
        keep = self.current_household()
        self.schedule_model.reload()
        self._after_reload(keep)

    def current_household(self) -> str | None:
        index = self.schedule_view.currentIndex()
        if not index.isValid():
            rows = self.schedule_view.selectionModel().selectedRows()
            index = rows[0] if rows else index
        return self.schedule_model.data(index, RECORD_ID_ROLE) if index.isValid() else None

    def _show_history(self) -> None:
        household = self.current_household()
        self.history_model.set_household(household)
        self._show_attachments()
        if household:
            record = self.schedule_model.record(self.schedule_model.row_of(household))
            self.history_title.setText(self.tr("Visit history: %1").replace("%1", record.address))
        else:
            self.history_title.setText(self.tr("Visit history"))

    def _show_attachments(self) -> None:
        index = self.history_view.currentIndex()
        visit_id = self.history_model.data(index, RECORD_ID_ROLE) if index.isValid() else None
        self.attachments.setVisible(bool(visit_id))
        self.print_button.setEnabled(bool(visit_id))
        if visit_id:
            self.attachments.set_owner("visits", visit_id)

    # --- actions -----------------------------------------------------------------------------

    def record_visit(self) -> VisitEntryDialog:
        """Open fast entry on the selected household; the queue is the list below it."""
        ids = [r.household_id for r in self.schedule_model.records()]
        current = self.current_household()
        start = ids.index(current) if current in ids else 0
        dialog = VisitEntryDialog(self._ledger, household_id=current, queue=ids[start:], parent=self)
        dialog.saved.connect(self._saved)
        dialog.household_changed.connect(self._follow)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_rules(self) -> "VisitSettingsDialog":
        """Visit rules and types; the list is recomputed when the dialog closes after a change."""
        from ui.visits.rules_dialog import VisitSettingsDialog

        dialog = VisitSettingsDialog(self._ledger, self)
        changed = []
        dialog.changed.connect(lambda: changed.append(True))
        dialog.finished.connect(lambda _r: self.update_plan() if changed else None)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def update_plan(self) -> Any:
        """Recompute the schedule for changed rules on a worker (seconds at a street office),
        then reload the list; None when it is already running."""
        from ui.job_runner import ProgressJob

        if self._plan_job is not None:
            return None

        def ended(*_args) -> None:
            self._plan_job = None
            self.refresh()
        self._plan_job = ProgressJob(self, self._ledger.visits.update_plan, self.tr("Updating the visit plan…"),
                                     cancellable=False, on_done=ended, on_failed=self._plan_failed,
                                     on_cancelled=ended)
        return self._plan_job

    def _plan_failed(self, message: str) -> None:
        self._plan_job = None
        QMessageBox.warning(self, self.tr("Visit plan"), message)
        self.refresh()

    def open_flags(self) -> "HouseholdFlagsDialog | None":
        """Manual flags of the selected household."""
        from ui.visits.flags_dialog import HouseholdFlagsDialog

        household = self.current_household()
        if not household:
            return None
        dialog = HouseholdFlagsDialog(self._ledger, household, self)
        dialog.changed.connect(self.refresh)
        self.flags_dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, op: Any) -> None:
        self.refresh()
        emit(self.changed, op)

    def _follow(self, household_id: str) -> None:
        row = self.schedule_model.row_of(household_id)
        if row >= 0:
            self.schedule_view.selectRow(row)
            self._show_history()

    def print_visit_record(self, path: str | None = None):
        """Write the selected visit's record PDF on a worker (progress, Cancel), then open it;
        returns the job (a :class:`ui.job_runner.ProgressJob`), None when nothing starts."""
        import functools

        from PySide6.QtWidgets import QFileDialog

        from neighbourhood.pdf.visit_record import visit_record_data, write_visit_record_pdf
        from ui.job_runner import ProgressJob
        if self._print_job is not None:
            return None     # one record at a time
        index = self.history_view.currentIndex()
        visit_id = self.history_model.data(index, RECORD_ID_ROLE) if index.isValid() else None
        if not visit_id:
            return None
        try:
            data = visit_record_data(self._ledger, visit_id)  # reads here, on the ledger's thread
        except LedgerError as exc:
            show_error(self, exc)
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save visit record"), f"走访记录-{data.visit.visit_date}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        self._print_job = ProgressJob(
            self, functools.partial(write_visit_record_pdf, data, path), self.tr("Writing the visit record…"),
            on_done=lambda written: self._printed(written=written),
            on_failed=lambda message: self._printed(error=message), on_cancelled=self._printed)
        return self._print_job

    def _printed(self, *, written: Any = None, error: str | None = None) -> None:
        self._print_job = None
        if error:
            QMessageBox.warning(self, self.tr("Print visit record…"), error)
        elif written is not None:
            self.attachments.opener(written)

    def delete_visit(self) -> None:
        rows = self.history_view.selectionModel().selectedRows()
        if not rows:
            return
        visit_id = self.history_model.data(rows[0], RECORD_ID_ROLE)
        answer = QMessageBox.question(self, self.tr("Delete visit"),
                                      self.tr("Delete the selected visit record? It can be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            op = self._ledger.visits.delete(visit_id)
        except LedgerError as exc:
            show_error(self, exc)
            return
        self.refresh()
        emit(self.changed, op)
