"""The roster import wizard: choose file → map columns → preview with errors → import.

GUI thread.  Reading, validation and the import run on workers
(:class:`ui.job_runner.ProgressJob`, each page showing its own bar and Stop/Cancel
button); results come back on the GUI thread.  The import is one
transaction in the core, so Cancel leaves the ledger as it was.
"""
from __future__ import annotations

import pathlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QRadioButton, QStyledItemDelegate, QTableView, QVBoxLayout,
                               QWizard, QWizardPage)

from neighbourhood.excel.errorfile import write_error_rows
from neighbourhood.excel.importer import (ERROR, NEW, SKIP, UPDATE, ImportOptions, ImportPlan,
                                          ImportResult, apply_import, validate_import)
from neighbourhood.excel.mapping import mapping_problems, propose_mapping, remember, remembered
from neighbourhood.excel.reader import Table, read_table, sheet_names
from ui.excel.models import FIELD_CHOICES, MappingModel, PreviewModel
from ui.job_runner import ProgressJob
from ui.record_table import fit_columns
from ui.signals import emit


class FieldDelegate(QStyledItemDelegate):
    """A combo box of import fields for the mapping table's last column."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for key, label in FIELD_CHOICES:
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(lambda _i, c=combo: emit(self.commitData, c))
        return combo

    def setEditorData(self, editor, index):
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if i >= 0 and i != editor.currentIndex():
            editor.blockSignals(True)
            editor.setCurrentIndex(i)
            editor.blockSignals(False)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _read_job(path: pathlib.Path, sheet: str | int):
    """The worker part of the file page: read the sheet and find its header row."""
    def run(progress, abort):
        from neighbourhood.jobs import checkpoint
        progress(0, 0, "正在读取表格…")
        table = read_table(path, sheet=sheet)
        checkpoint(abort)       # a stop pressed while calamine read: drop the result
        return table
    return run


class FilePage(QWizardPage):
    """Choose the file and sheet.  Next reads the sheet on a worker (the page's own busy bar
    and Stop, a :class:`ProgressJob` without a dialog); the wizard moves on by itself once
    the table is read."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.job: ProgressJob | None = None
        self._read_key: tuple[str, str] | None = None      # (path, sheet) of self.w.table
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(self.tr("An .xlsx, .xls or .csv file with one resident per row. "
                                 "Title rows above the header are fine."))
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        self.sheet_combo = QComboBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #C00000")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.stop_button = QPushButton(self.tr("Stop reading"))
        self.stop_button.clicked.connect(lambda: self.job and self.job.cancel())
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop_button)
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(busy)
        form.addRow(self.message)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open spreadsheet"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.csv)"))
        if path:
            self.path_edit.setText(path)

    def _path_changed(self, text: str) -> None:
        from neighbourhood.errors import LedgerError
        self.sheet_combo.clear()
        self.message.clear()
        path = pathlib.Path(text.strip())
        if text.strip() and path.is_file():
            try:
                # Only the workbook's sheet list (and the zip checks); the sheet is read on Next.
                self.sheet_combo.addItems(sheet_names(path))
            except LedgerError as exc:
                self.message.setText(str(exc))
        emit(self.completeChanged)

    def _key(self) -> tuple[str, str]:
        return self.path_edit.text().strip(), self.sheet_combo.currentText()

    def isComplete(self) -> bool:
        return self.job is None and pathlib.Path(self.path_edit.text().strip()).is_file()

    def validatePage(self) -> bool:
        if self.w.table is not None and self._read_key == self._key():
            return True
        if self.job is None:
            self._start_read()
        return False

    def _start_read(self) -> None:
        path_text, sheet = self._key()
        self.w.table = None
        self.message.clear()
        self.job = ProgressJob(self, _read_job(pathlib.Path(path_text), sheet or 0), None,
                               on_done=lambda table: self._on_finished(table=table, key=(path_text, sheet)),
                               on_failed=lambda message: self._on_finished(message=message),
                               on_cancelled=lambda: self._on_finished(message=self.tr("Reading stopped.")))
        self._busy(True)

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.stop_button.setVisible(on)
        for widget in (self.path_edit, self.browse_button, self.sheet_combo):
            widget.setEnabled(not on)
        emit(self.completeChanged)

    def _on_finished(self, *, table: Table | None = None, key: tuple[str, str] | None = None,
                     message: str = "") -> None:
        """GUI thread, after the reading thread has ended (ProgressJob has freed it)."""
        self.job = None
        if table is not None:
            self.w.table, self._read_key = table, key
        if message:
            self.message.setText(message)
        self._busy(False)
        if self.w.table is not None and self._read_key == self._key() and self.w.currentPage() is self:
            self.w.next()

    def cleanupPage(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()


class MappingPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Match the columns"))
        self.model: MappingModel | None = None
        self.view = QTableView()
        self.view.setItemDelegateForColumn(MappingModel.FIELD, FieldDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_combo = QComboBox()
        self.skip_radio = QRadioButton(self.tr("Skip them"))
        self.update_radio = QRadioButton(self.tr("Update them from the file"))
        self.skip_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.skip_radio)
        group.addButton(self.update_radio)
        self.remember_check = QCheckBox(self.tr("Remember these choices for next time"))
        self.remember_check.setChecked(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #C00000")
        dup = QHBoxLayout()
        dup.addWidget(self.skip_radio)
        dup.addWidget(self.update_radio)
        dup.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Grid of new buildings:"), self.grid_combo)
        form.addRow(self.tr("People already registered (same ID number):"), dup)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        table: Table = self.w.table
        self.setSubTitle(self.tr("Header found on row {0}; {1} data rows. Correct any column "
                                 "the program matched wrongly.").format(table.header_row, len(table.rows)))
        mapping = propose_mapping(table.headers, remembered(self.w.ledger))
        samples = [table.samples(c) for c in range(len(table.headers))]
        self.model = MappingModel(table.headers, samples, mapping, self)
        self.view.setModel(self.model)
        for r in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(r, MappingModel.FIELD))
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("(use the grid column / existing buildings)"), None)
        for grid in self.w.ledger.grids.list():
            self.grid_combo.addItem(grid.name, grid.id)
        if self.grid_combo.count() == 2:
            self.grid_combo.setCurrentIndex(1)
        self.message.clear()

    def validatePage(self) -> bool:
        mapping = self.model.mapping() if self.model else {}
        problems = mapping_problems(mapping)
        if problems:
            self.message.setText("；".join(problems))
            return False
        self.w.mapping = mapping
        self.w.options = ImportOptions(grid_id=self.grid_combo.currentData(),
                                       on_duplicate=UPDATE if self.update_radio.isChecked() else SKIP)
        if self.remember_check.isChecked() and self.w.ledger.access.role in ("admin", "staff"):
            try:
                remember(self.w.ledger, self.w.table.headers, mapping)
            except Exception:
                pass        # remembering is a convenience; never block the import on it
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the rows"))
        self.job: ProgressJob | None = None
        self.model = PreviewModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)   # "Row" is the sheet's row; 1, 2, 3 beside it confused
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors_only = QCheckBox(self.tr("Show only rows with errors"))
        self.errors_only.toggled.connect(lambda on: self.model.set_plan(self.w.plan, errors_only=on))
        self.save_errors = QPushButton(self.tr("Save error rows to Excel…"))
        self.save_errors.clicked.connect(self._save_errors)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Stop checking"))
        self.cancel_button.clicked.connect(lambda: self.job and self.job.cancel())
        row = QHBoxLayout()
        row.addWidget(self.errors_only)
        row.addStretch(1)
        row.addWidget(self.save_errors)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        self.w.plan = None
        self.model.set_plan(None)
        self.save_errors.setEnabled(False)
        self.summary.setText(self.tr("Checking every row…"))
        ledger, table, mapping, options = self.w.ledger, self.w.table, self.w.mapping, self.w.options
        self.job = ProgressJob(self, lambda progress, abort: validate_import(
            ledger, table, mapping, options=options, progress=progress, abort=abort), None,
            on_progress=lambda d, t, _s: (self.progress.setRange(0, max(t, 1)), self.progress.setValue(d)),
            on_done=self._on_plan, on_failed=self._on_finished,
            on_cancelled=lambda: self._on_finished(self.tr("Checking stopped.")))
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)

    def _on_finished(self, message: str = "") -> None:
        """GUI thread, after the checking thread has ended (ProgressJob has freed it)."""
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if message:
            self.summary.setText(message)

    def _on_plan(self, plan: ImportPlan) -> None:
        self._on_finished()
        self.w.plan = plan
        self.model.set_plan(plan, errors_only=self.errors_only.isChecked())
        fit_columns(self.view)   # a masked ID and an address whole, the problems in the rest
        text = plan.summary()
        if plan.errors:
            text += self.tr(". Rows with errors are not imported; save them, fix them and import them again.")
        self.summary.setText(text)
        self.save_errors.setEnabled(bool(plan.errors))
        emit(self.completeChanged)

    def _save_errors(self) -> None:
        plan = self.w.plan
        default = str(plan.table.path.with_name(plan.table.path.stem + "_错误行.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save error rows"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            write_error_rows(plan, path)

    def isComplete(self) -> bool:
        plan = self.w.plan
        return plan is not None and bool(plan.accepted)

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.stop()


class RunPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.job: ProgressJob | None = None
        self.done = False
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(lambda: self.job and self.job.cancel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.done = False
        plan, ledger = self.w.plan, self.w.ledger
        self.status.setText(self.tr("Writing {0} rows in one step; Cancel leaves the ledger unchanged.")
                            .format(len(plan.accepted)))
        self.job = ProgressJob(
            self, lambda progress, abort: apply_import(ledger, plan, progress=progress, abort=abort), None,
            on_progress=lambda d, t, _s: (self.progress.setRange(0, max(t, 1)), self.progress.setValue(d)),
            on_done=self._on_done, on_failed=self._on_failed,
            on_cancelled=lambda: self._end(self.tr("Import cancelled; nothing was written.")))
        self.cancel_button.setEnabled(True)

    def _on_done(self, result: ImportResult) -> None:
        self.w.result = result
        self._end(self.tr("Imported: {0} new people, {1} new households, {2} new buildings; "
                          "{3} updated; {4} skipped; {5} rows with errors not imported.")
                  .format(result.added, result.households_added, result.buildings_added,
                          result.updated, result.skipped, result.errors))

    def _on_failed(self, message: str) -> None:
        self._end(message + " " + self.tr("Nothing was written."))

    def _end(self, text: str) -> None:
        """GUI thread, after the import thread has ended (ProgressJob has freed it)."""
        self.job = None
        self.cancel_button.setEnabled(False)
        self.status.setText(text)
        self.done = True
        emit(self.completeChanged)

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Import existing residents rosters into ``ledger``.  ``result`` is set after a
    successful import (``ImportResult``); the caller refreshes its screens then."""

    def __init__(self, ledger, parent=None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.table: Table | None = None
        self.mapping: dict[int, str] = {}
        self.options = ImportOptions()
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import residents from Excel"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        # Past the preview there is no way back: the import has been written.
        self.preview_page.setCommitPage(True)
        self.preview_page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.resize(860, 600)

    def _jobs(self):
        return [j for j in (self.file_page.job, self.preview_page.job, self.run_page.job) if j is not None]

    def reject(self) -> None:
        jobs = self._jobs()
        for job in jobs:
            job.cancel()
        for job in jobs:
            job.stop()      # waits for its thread
        super().reject()


__all__ = ["ImportWizard", "FieldDelegate", "NEW", "ERROR"]
