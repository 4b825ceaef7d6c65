"""The roster builder window: template list (run in one click), editor, preview, save, export.

GUI thread; exports run on a worker (:class:`ui.job_runner.JobRunner`) with progress
and Cancel.  All data goes through ``ledger.rosters`` (no SQL here).
"""
from __future__ import annotations

import datetime as _dt
import pathlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QProgressBar, QPushButton, QScrollArea, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from neighbourhood.rosters.fields import SEQ
from neighbourhood.rosters.template import ColumnSpec, FilterSpec, Template
from ui.job_runner import JobRunner, ProgressJob
from ui.roster_builder.editor import TemplateEditor
from ui.roster_builder.models import PreviewModel

_NAME = Qt.ItemDataRole.UserRole


class RosterBuilderDialog(JobRunner, QDialog):
    """Describe a table once, print it from the ledger any month (issue: 多头填报)."""

    def __init__(self, ledger, parent: QWidget | None = None, *, folder: str | pathlib.Path | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.folder = pathlib.Path(folder) if folder else pathlib.Path.home()
        self.job: ProgressJob | None = None
        self.last_result = None
        self.setWindowTitle(self.tr("Roster builder"))
        self.resize(1200, 820)

        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda cur, _prev: self._load(cur))
        self.list.itemDoubleClicked.connect(lambda _item: self.run_selected())
        buttons = []
        for text, slot in ((self.tr("New"), self.new_template), (self.tr("Run…"), self.run_selected),
                           (self.tr("Delete"), self.delete_selected),
                           (self.tr("Import template file…"), self._import_dialog),
                           (self.tr("Export template file…"), self._export_file_dialog)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.append(b)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(QLabel(self.tr("Templates (double-click to run):")))
        ll.addWidget(self.list, 1)
        for b in buttons:
            ll.addWidget(b)

        self.editor = TemplateEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.preview = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview)
        self.preview_button = QPushButton(self.tr("Preview first rows"))
        self.preview_button.clicked.connect(self.refresh_preview)
        self.save_button = QPushButton(self.tr("Save template"))
        self.save_button.clicked.connect(self.save)
        self.full_check = QCheckBox(self.tr("Full ID numbers and phone numbers (recorded in the audit log)"))
        self.full_check.setEnabled(bool(ledger.access.can_view_full))
        self.export_button = QPushButton(self.tr("Export (Excel or PDF)…"))
        self.export_button.clicked.connect(self._export_dialog)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("ID numbers and phones are masked unless you choose full numbers."))
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        for w in (self.preview_button, self.save_button, self.full_check):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.cancel_button)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(scroll)
        right.addWidget(self.preview_view)
        right.setSizes([560, 200])
        right_box = QWidget()
        rl = QVBoxLayout(right_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(right, 1)
        rl.addLayout(actions)
        rl.addWidget(self.progress)
        rl.addWidget(self.status)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right_box)
        split.setSizes([230, 970])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()

    # --- the list ---------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in self.ledger.rosters.list():
            suffix = self.tr(" (built-in)") if info.builtin else ""
            item = QListWidgetItem(info.name + suffix)
            item.setData(_NAME, info.name)
            if info.problem:
                item.setToolTip(info.problem)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(_NAME) for i in range(self.list.count())]
        row = names.index(select) if select in names else 0
        if names:
            self.list.setCurrentRow(row)
            self._load(self.list.item(row))

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(_NAME) if item else None

    def _load(self, item) -> None:
        if item is None:
            return
        try:
            self.editor.set_template(self.ledger.rosters.get(item.data(_NAME)))
        except LedgerError as exc:
            self.show_status(str(exc))
            return
        self.preview.set_rows([], [])

    def new_template(self) -> None:
        t = Template(name=self.tr("New roster"), entity="resident", title="",
                     columns=[ColumnSpec(SEQ), ColumnSpec("name"), ColumnSpec("sex"), ColumnSpec("id_number"),
                              ColumnSpec("hh_address")],
                     filters=[FilterSpec("status", "eq", "在册")])
        self.list.clearSelection()
        self.editor.set_template(t)

    # --- save, preview ----------------------------------------------------------------
    def save(self) -> bool:
        t = self.editor.template()
        try:
            self.ledger.rosters.save(t)
        except LedgerError as exc:
            self.show_status(str(exc), error=True)
            return False
        self.reload(select=t.name)
        self.show_status(self.tr("Template “{0}” saved.").format(t.name))
        return True

    def refresh_preview(self) -> bool:
        try:
            headers, rows = self.ledger.rosters.preview(self.editor.template(), limit=50)
        except LedgerError as exc:
            self.show_status(str(exc), error=True)
            return False
        self.preview.set_rows(headers, rows)
        self.show_status(self.tr("Showing the first {0} rows.").format(len(rows)))
        return True

    def delete_selected(self) -> None:
        name = self.selected_name()
        if not name:
            return
        try:
            self.ledger.rosters.delete(name)
        except LedgerError as exc:
            self.show_status(str(exc), error=True)
            return
        self.reload()

    # --- files ------------------------------------------------------------------------
    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster template"), str(self.folder),
                                              self.tr("Roster template (*.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | pathlib.Path) -> bool:
        try:
            t = self.ledger.rosters.read_file(path)
            if t.name in self.ledger.rosters.names():
                t.name = f"{t.name}（导入 {_dt.date.today():%Y%m%d}）"
            self.ledger.rosters.save(t, replace=False)
        except LedgerError as exc:
            self.show_status(str(exc), error=True)
            return False
        self.reload(select=t.name)
        self.show_status(self.tr("Imported template “{0}”.").format(t.name))
        return True

    def _export_file_dialog(self) -> None:
        name = self.selected_name()
        if not name:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export roster template"),
                                              str(self.folder / f"{name}.nltemplate.json"),
                                              self.tr("Roster template (*.json)"))
        if path:
            try:
                written = self.ledger.rosters.export_file(name, path)
            except (LedgerError, OSError) as exc:
                self.show_status(str(exc), error=True)
                return
            self.show_status(self.tr("Template written to {0}").format(str(written)))

    # --- exporting --------------------------------------------------------------------
    def run_selected(self) -> None:
        """One click: export the selected template as it is saved, to a file the user picks."""
        self._export_dialog()

    def _export_dialog(self) -> None:
        t = self.editor.template()
        suggested = self.folder / f"{t.name or 'roster'}_{_dt.date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export roster"), str(suggested),
                                              self.tr("Excel workbook (*.xlsx);;PDF (*.pdf)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | pathlib.Path) -> bool:
        """Start exporting the edited template to ``path`` (.xlsx/.pdf) on a worker."""
        if self.job is not None:
            return False
        t = self.editor.template()
        full = self.full_check.isChecked() and self.full_check.isEnabled()
        rosters = self.ledger.rosters
        self.run_job(lambda progress, abort: rosters.export(t, out=path, full=full, progress=progress, abort=abort),
                     self.tr("Exporting…"))
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def cancelled_text(self) -> str:
        return self.tr("Export cancelled; no file was written.")

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _on_done(self, result) -> None:
        self.last_result = result
        self.show_status(self.tr("Exported {0} rows to {1}").format(result.rows, str(result.path)))
        self._idle()

    def show_status(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #c62828;" if error else "")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.stop_job()
        super().closeEvent(event)

    def reject(self) -> None:
        self.stop_job()
        super().reject()

