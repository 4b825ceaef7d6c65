"""The monthly report (月报) page: choose month and scope, generate the PDF on a worker.

The figures are read on the GUI thread (:func:`monthly_figures`, a handful of
queries; the ledger stays on its thread); the layout and writing run on a
worker (:class:`ui.job_runner.ProgressJob`) that touches no widget and no ledger,
behind a progress dialog whose Cancel makes the job's ``abort()`` true.
Then "Print preview…" / "Print…" (pages rasterised by pypdfium2,
:mod:`ui.reports.printing`), "Save as PDF…" and "Open".
"""
from __future__ import annotations

import datetime as _dt
import pathlib
import shutil
import tempfile
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from neighbourhood.pdf.report import write_monthly_pdf
from neighbourhood.reports import monthly_figures
from ui.job_runner import ProgressJob
from ui.reports import printing
from ui.signals import emit


class ReportsPage(QWidget):
    """Month + grid scope, Generate (worker + progress), then Save as / Open / Preview."""

    generated = Signal(str)     # path of the PDF just written
    failed = Signal(str)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.path: str | None = None
        self.job: ProgressJob | None = None
        self._workdir = pathlib.Path(tempfile.mkdtemp(prefix="ledger-report-"))

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        today = _dt.date.today()
        last = (today.replace(day=1) - _dt.timedelta(days=1)) if today.day < 20 else today
        self.month_edit.setDate(QDate(last.year, last.month, 1))
        self.grid_combo = QComboBox()
        self.reload_grids()

        self.generate_button = QPushButton(self.tr("Generate"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self._after = (self.preview_button, self.print_button, self.save_button, self.open_button)
        for b in self._after:
            b.setEnabled(False)
        self.status = QLabel(self.tr("Choose a month and a scope, then Generate."))
        self.status.setWordWrap(True)

        form = QFormLayout()
        # a month and a grid name, not two fields stretched across the whole window
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.month_edit.setMinimumWidth(120)
        self.grid_combo.setMinimumWidth(220)
        form.addRow(self.tr("Month"), self.month_edit)
        form.addRow(self.tr("Scope"), self.grid_combo)
        buttons = QHBoxLayout()
        for b in (self.generate_button, *self._after):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.generate_button.clicked.connect(lambda: self.generate())
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_pdf)
        self.preview_button.clicked.connect(lambda: self.preview())
        self.print_button.clicked.connect(self.print_report)

    # --- inputs ------------------------------------------------------------------------

    def reload_grids(self) -> None:
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("Whole community"), None)
        for grid in self.ledger.grids.list():
            self.grid_combo.addItem(grid.name, grid.id)

    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def set_month(self, month: str) -> None:
        year, mon = (int(x) for x in month.split("-"))
        self.month_edit.setDate(QDate(year, mon, 1))

    def grid_id(self) -> str | None:
        return self.grid_combo.currentData()

    # --- generating ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None

    def generate(self, path: str | None = None) -> ProgressJob | None:
        """Read the figures, then write the PDF on a worker (to ``path`` or a temporary file).

        Returns the running job (None when busy, or when the figures could not be read:
        shown to the user).  ``generated(path)`` or ``failed(message)`` follows.
        """
        if self.busy:
            return None
        try:
            figures = monthly_figures(self.ledger, month=self.month(), grid_id=self.grid_id())
        except Exception as exc:
            self._show_failure(str(exc))
            return None
        target = path or str(self._workdir / f"月报-{self.month()}.pdf")
        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Generating…"))
        self.job = ProgressJob(self, lambda progress, abort: str(write_monthly_pdf(
            figures, target, progress=progress, abort=abort)), self.tr("Generating the monthly report…"),
            on_done=self._on_finished, on_failed=self._on_failed, on_cancelled=lambda: self._on_failed(""))
        return self.job

    def _finish_job(self) -> None:
        """GUI thread, after the job's thread has ended (ProgressJob has freed it)."""
        self.job = None
        self.generate_button.setEnabled(True)

    def _on_finished(self, path: str) -> None:
        self._finish_job()
        self.path = path
        for b in self._after:
            b.setEnabled(True)
        self.status.setText(self.tr("Report ready: %1").replace("%1", path))
        emit(self.generated, path)

    def _on_failed(self, message: str) -> None:
        self._finish_job()
        if message:
            self._show_failure(message)
        else:
            self.status.setText(self.tr("Cancelled."))

    def _show_failure(self, message: str) -> None:
        self.status.setText(self.tr("The report could not be generated: %1").replace("%1", message))
        emit(self.failed, message)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Monthly report"), message)

    # --- after generating -------------------------------------------------------------

    def save_as(self, target: str | None = None) -> str | None:
        if not self.path:
            return None
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                    pathlib.Path(self.path).name, self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            self._show_failure(str(exc))
            return None
        self.status.setText(self.tr("Saved: %1").replace("%1", target))
        return target

    def open_pdf(self) -> bool:
        return bool(self.path) and QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))

    def preview(self, *, show: bool = True):
        """The print preview of the generated PDF (its Print button prints); returns the dialog."""
        if not self.path:
            return None
        dialog = printing.preview_dialog(self.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if show:
            dialog.open()
        return dialog

    def print_report(self) -> bool:
        if not self.path:
            return False
        try:
            return printing.print_with_dialog(self.path, self)
        except Exception as exc:  # printer or file trouble is shown, never a crash
            self._show_failure(str(exc))
            return False

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.job is not None:
            self.job.stop()
            self._finish_job()
        super().closeEvent(event)
