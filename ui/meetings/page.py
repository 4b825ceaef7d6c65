"""MeetingsPage: meetings, action items, needs & suggestions and service items, as tabs.

Reads and writes only through ``ledger.meetings`` (and its ``needs``/``services``).
"Export minutes PDF" reads the meeting here and lays it out on a worker thread
(:mod:`ui.meetings.export`, :class:`ui.job_runner.ProgressJob`) behind a progress
dialog with Cancel.  GUI thread only.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import pathlib
import tempfile
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from neighbourhood.meetings import MEETING_TYPES
from neighbourhood.needs import NEED_KINDS, NEED_STEPS
from neighbourhood.pdf.minutes import minutes_data
from ui.record_table import record_view
from ui.common import show_error
from ui.meetings.editor import MeetingEditor
from ui.job_runner import ProgressJob
from ui.meetings.export import minutes_job
from ui.meetings.models import (RECORD_ID_ROLE, ActionItemTableModel, MeetingTableModel,
                                NeedTableModel, RecordTableModel, ServiceItemTableModel)
from ui.meetings.needs_editor import NeedEditor, NeedStepDialog, ServiceItemEditor
from ui.reports.printing import preview_dialog
from ui.signals import emit


_table = record_view  # shared: ui/record_table.py


def _selected_id(view: QTableView) -> str | None:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return view.model().data(rows[0], RECORD_ID_ROLE)


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    return row


class MeetingsPage(QWidget):
    """The meetings area of the main window."""

    exported = Signal(str)       # a minutes PDF was written (its path)
    export_failed = Signal(str)  # message ('' when cancelled)
    previewed = Signal(str)      # the print preview of a minutes PDF (its temporary path) is open

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._export: ProgressJob | None = None
        self._preview_dir: tempfile.TemporaryDirectory | None = None   # removed with the page
        self._preview_serial = itertools.count(1)
        self.preview_dialog: QWidget | None = None
        self.meeting_model = MeetingTableModel(ledger, self)
        self.action_model = ActionItemTableModel(ledger, self)
        self.need_model = NeedTableModel(ledger, self)
        self.service_model = ServiceItemTableModel(ledger, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._meetings_tab(), self.tr("Meetings"))
        self.actions_tab = self._actions_tab()
        self.tabs.addTab(self.actions_tab, self.tr("Action items"))
        self.tabs.addTab(self._needs_tab(), self.tr("Needs and suggestions"))
        self.tabs.addTab(self._services_tab(), self.tr("Service items"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    # --- tabs ------------------------------------------------------------------------

    def _meetings_tab(self) -> QWidget:
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for t in MEETING_TYPES:
            self.type_filter.addItem(t, t)
        self.date_filter = QCheckBox(self.tr("From"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(QDate(today.year(), 1, 1))
        self.to_edit = QDateEdit(QDate(today.year(), 12, 31))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.apply_meeting_filter)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Search title, place, host"))
        self.type_filter.currentIndexChanged.connect(self.apply_meeting_filter)
        self.date_filter.toggled.connect(self.apply_meeting_filter)
        self.text_filter.textChanged.connect(self.apply_meeting_filter)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Type")))
        filters.addWidget(self.type_filter)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.text_filter, 1)

        self.meeting_view = _table(self.meeting_model)
        self.meeting_view.doubleClicked.connect(lambda _i: self.edit_meeting())
        new = QPushButton(self.tr("New meeting…"))
        new.clicked.connect(self.new_meeting)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_meeting)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.delete_meeting)
        self.export_button = QPushButton(self.tr("Export minutes PDF…"))
        self.export_button.clicked.connect(lambda: self.export_minutes())
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.preview_button.setToolTip(self.tr("The selected meeting's minutes as they will print."))
        self.preview_button.clicked.connect(lambda: self.preview_minutes())
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.meeting_view, 1)
        layout.addLayout(_buttons(new, edit, delete, self.export_button, self.preview_button))
        return tab

    def _actions_tab(self) -> QWidget:
        self.scope_combo = QComboBox()
        for scope, label in (("open", self.tr("Open")), ("overdue", self.tr("Overdue")),
                             ("all", self.tr("All"))):
            self.scope_combo.addItem(label, scope)
        self.scope_combo.currentIndexChanged.connect(
            lambda _i: self.action_model.set_scope(self.scope_combo.currentData()))
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #c62828;")
        self.action_view = _table(self.action_model)
        started = QPushButton(self.tr("Mark in progress"))
        started.clicked.connect(lambda: self.set_action_status("进行中"))
        done = QPushButton(self.tr("Mark done"))
        done.clicked.connect(lambda: self.set_action_status("已完成"))
        note = QPushButton(self.tr("Add progress note…"))
        note.clicked.connect(self.add_action_note)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.scope_combo)
        top.addWidget(self.overdue_label, 1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.action_view, 1)
        layout.addLayout(_buttons(started, done, note))
        return tab

    def _needs_tab(self) -> QWidget:
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Needs and suggestions"), None)
        for kind in NEED_KINDS:
            self.kind_filter.addItem(kind, kind)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        for step in NEED_STEPS:
            self.status_filter.addItem(step, step)
        for combo in (self.kind_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_need_filter)
        self.need_view = _table(self.need_model)
        self.need_view.doubleClicked.connect(lambda _i: self.edit_need())
        new = QPushButton(self.tr("New…"))
        new.clicked.connect(self.new_need)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_need)
        step = QPushButton(self.tr("Record step…"))
        step.clicked.connect(self.record_need_step)
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addWidget(self.status_filter)
        top.addStretch()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.need_view, 1)
        layout.addLayout(_buttons(new, edit, step))
        return tab

    def _services_tab(self) -> QWidget:
        self.service_view = _table(self.service_model)
        self.service_view.doubleClicked.connect(lambda _i: self.edit_service())
        new = QPushButton(self.tr("New…"))
        new.clicked.connect(lambda: self._run_dialog(ServiceItemEditor(self._ledger, parent=self)))
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_service)
        delete = QPushButton(self.tr("Delete"))
        delete.clicked.connect(self.delete_service)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.service_view, 1)
        layout.addLayout(_buttons(new, edit, delete))
        return tab

    # --- refreshing ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every list (after an undo or an import elsewhere)."""
        self.apply_meeting_filter()
        self.action_model.reload()
        self.need_model.reload()
        self.service_model.reload()
        self._update_overdue_label()

    def apply_meeting_filter(self, *_args: Any) -> None:
        date_from = date_to = None
        if self.date_filter.isChecked():
            date_from = self.from_edit.date().toString("yyyy-MM-dd")
            date_to = (_dt.date.fromisoformat(self.to_edit.date().toString("yyyy-MM-dd"))
                       + _dt.timedelta(days=1)).isoformat()
        self.meeting_model.set_filter(type=self.type_filter.currentData(), date_from=date_from,
                                      date_to=date_to, text=self.text_filter.text().strip() or None)

    def apply_need_filter(self, *_args: Any) -> None:
        self.need_model.set_filter(kind=self.kind_filter.currentData(),
                                   status=self.status_filter.currentData())

    def _update_overdue_label(self) -> None:
        count = len(self._ledger.meetings.overdue_actions())
        # A plain %1 (not Qt's %n plural form) so the string merges like any other.
        self.overdue_label.setText(self.tr("Overdue action items: %1").replace("%1", str(count)) if count else "")

    def _after_meeting_change(self) -> None:
        self.apply_meeting_filter()
        self.action_model.reload()
        self._update_overdue_label()

    def _run_dialog(self, dialog) -> bool:
        accepted = bool(dialog.exec())
        if accepted:
            self.refresh()
        return accepted

    # --- meetings -------------------------------------------------------------------

    def new_meeting(self) -> MeetingEditor:
        editor = MeetingEditor(self._ledger, parent=self)
        editor.accepted.connect(self._after_meeting_change)
        editor.open()
        return editor

    def edit_meeting(self) -> MeetingEditor | None:
        meeting_id = _selected_id(self.meeting_view)
        if meeting_id is None:
            return None
        editor = MeetingEditor(self._ledger, meeting_id, parent=self)
        editor.accepted.connect(self._after_meeting_change)
        editor.open()
        return editor

    def delete_meeting(self) -> None:
        meeting_id = _selected_id(self.meeting_view)
        if meeting_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete meeting"),
                                      self.tr("Delete this meeting with its agenda and action items?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._ledger.meetings.delete(meeting_id)
        except LedgerError as exc:
            show_error(self, exc)
        self._after_meeting_change()

    def preview_minutes(self, meeting_id: str | None = None) -> ProgressJob | None:
        """Write the selected meeting's minutes to a temporary PDF (worker, progress), then open
        the print preview (:func:`ui.reports.printing.preview_dialog`; its Print button prints)."""
        if self._preview_dir is None:
            self._preview_dir = tempfile.TemporaryDirectory(prefix="ledger-minutes-")
        path = pathlib.Path(self._preview_dir.name) / f"minutes-{next(self._preview_serial)}.pdf"
        return self.export_minutes(str(path), meeting_id, preview=True)

    def export_minutes(self, path: str | None = None, meeting_id: str | None = None, *,
                       preview: bool = False) -> ProgressJob | None:
        """Write the selected meeting's minutes; asks for a file unless ``path`` is given.
        ``preview``: open the print preview of ``path`` when written (not ``exported``)."""
        meeting_id = meeting_id or _selected_id(self.meeting_view)
        if meeting_id is None:
            QMessageBox.information(self, self.tr("Export minutes"), self.tr("Select a meeting first."))
            return None
        if self._export is not None:
            return None  # one export at a time
        try:
            data = minutes_data(self._ledger, meeting_id)
        except LedgerError as exc:
            show_error(self, exc)
            return None
        if path is None:
            suggested = f"{data.detail.meeting.meeting_date} {data.detail.meeting.title} 会议纪要.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export minutes PDF"), suggested,
                                                        self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        for button in (self.export_button, self.preview_button):
            button.setEnabled(False)
        self._export = ProgressJob(self, minutes_job(data, path), self.tr("Writing the minutes…"),
                                   on_done=self._on_previewed if preview else self._on_exported,
                                   on_failed=self._on_export_failed,
                                   on_cancelled=lambda: self._on_export_failed(""))
        return self._export

    def _end_export(self) -> None:
        self._export = None
        for button in (self.export_button, self.preview_button):
            button.setEnabled(True)

    def _on_exported(self, path: str) -> None:
        self._end_export()
        emit(self.exported, path)

    def _on_previewed(self, path: str) -> None:
        self._end_export()
        self.preview_dialog = preview_dialog(path, self)
        self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog.destroyed.connect(lambda *_: setattr(self, "preview_dialog", None))
        self.preview_dialog.open()
        emit(self.previewed, path)

    def _on_export_failed(self, message: str) -> None:
        self._end_export()
        if message:
            QMessageBox.warning(self, self.tr("Export minutes"), message)
        emit(self.export_failed, message)

    # --- action items ---------------------------------------------------------------

    def show_actions(self, scope: str) -> None:
        """The action items tab with ``scope`` 'open', 'overdue' or 'all' (dashboard tiles)."""
        index = self.scope_combo.findData(scope)
        if index >= 0:
            self.scope_combo.setCurrentIndex(index)
        self.action_model.set_scope(self.scope_combo.currentData())   # re-read even if unchanged
        self.tabs.setCurrentWidget(self.actions_tab)

    def set_action_status(self, status: str) -> None:
        action_id = _selected_id(self.action_view)
        if action_id is None:
            return
        try:
            self._ledger.meetings.set_action_status(action_id, status)
        except LedgerError as exc:
            show_error(self, exc)
        self._after_meeting_change()

    def add_action_note(self) -> None:
        action_id = _selected_id(self.action_view)
        if action_id is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Progress note"), self.tr("Progress today:"))
        if not ok:
            return
        try:
            self._ledger.meetings.add_action_note(action_id, content=text)
        except LedgerError as exc:
            show_error(self, exc)

    # --- needs and services -----------------------------------------------------------

    def new_need(self) -> None:
        self._run_dialog(NeedEditor(self._ledger, kind=self.kind_filter.currentData(), parent=self))

    def edit_need(self) -> None:
        need_id = _selected_id(self.need_view)
        if need_id:
            self._run_dialog(NeedEditor(self._ledger, need_id, parent=self))

    def record_need_step(self) -> None:
        need_id = _selected_id(self.need_view)
        if need_id:
            self._run_dialog(NeedStepDialog(self._ledger, need_id, parent=self))

    def edit_service(self) -> None:
        item_id = _selected_id(self.service_view)
        if item_id:
            self._run_dialog(ServiceItemEditor(self._ledger, item_id, parent=self))

    def delete_service(self) -> None:
        item_id = _selected_id(self.service_view)
        if item_id is None:
            return
        try:
            self._ledger.meetings.services.delete(item_id)
        except LedgerError as exc:
            show_error(self, exc)
        self.service_model.reload()
