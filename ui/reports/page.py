"""The monthly report (月报) page: choose month and scope, generate the PDF on a worker.

The figures are read on the GUI thread (:func:`monthly_figures`, a handful of
queries; the ledger stays on its thread); the layout and writing run on a
QThread worker that touches no widget and no ledger.  Progress comes back by
queued signals to a QProgressDialog; Cancel makes the job's ``abort()`` true.

Preview and printing need QtPdf (``PySide6.QtPdf``), which PySide6-Essentials
does not ship: when it is importable, "Print preview…" renders the PDF pages in
a QPrintPreviewDialog; otherwise the page offers "Save as PDF…" and "Open"
(the system PDF viewer, which can print).
"""
from __future__ import annotations

import datetime as _dt
import pathlib
import shutil
import tempfile
import threading
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QMessageBox, QProgressDialog, QPushButton, QVBoxLayout, QWidget)

from neighbourhood.jobs import Cancelled
from neighbourhood.pdf.report import write_monthly_pdf
from neighbourhood.reports import MonthlyFigures, monthly_figures
from ui.signals import emit

try:  # optional: not in PySide6-Essentials
    from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the installed PySide6
    QPdfDocument = None

HAVE_QTPDF = QPdfDocument is not None


class ReportWorker(QObject):
    """Lays out and writes the PDF (worker thread; no widgets, no ledger)."""

    progress = Signal(int, int, str)
    finished = Signal(str)
    failed = Signal(str)        # '' when cancelled

    def __init__(self, figures: MonthlyFigures, path: str) -> None:
        super().__init__()
        self._figures = figures
        self._path = path
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            written = write_monthly_pdf(self._figures, self._path,
                                        progress=lambda d, t, text="": emit(self.progress, d, t, text),
                                        abort=self._stop.is_set)
        except Cancelled:
            emit(self.failed, "")
        except Exception as exc:  # shown to the user; the worker must not die silently
            emit(self.failed, str(exc) or type(exc).__name__)
        else:
            emit(self.finished, str(written))


class ReportsPage(QWidget):
    """Month + grid scope, Generate (worker + progress), then Save as / Open / Preview."""

    generated = Signal(str)     # path of the PDF just written
    failed = Signal(str)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.path: str | None = None
        self._thread: QThread | None = None
        self._worker: ReportWorker | None = None
        self._dialog: QProgressDialog | None = None
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
        self.preview_button.setVisible(HAVE_QTPDF)
        for b in (self.save_button, self.open_button, self.preview_button):
            b.setEnabled(False)
        self.status = QLabel(self.tr("Choose a month and a scope, then Generate."))
        self.status.setWordWrap(True)
        if not HAVE_QTPDF:
            self.status.setToolTip(self.tr("Print preview needs QtPdf, which is not installed: "
                                           "open the PDF to print it."))

        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month_edit)
        form.addRow(self.tr("Scope"), self.grid_combo)
        buttons = QHBoxLayout()
        for b in (self.generate_button, self.save_button, self.open_button, self.preview_button):
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
        self.preview_button.clicked.connect(self.preview)

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
        return self._thread is not None

    def generate(self, path: str | None = None) -> ReportWorker | None:
        """Read the figures, then write the PDF on a worker (to ``path`` or a temporary file).

        Returns the worker (None when the figures could not be read: shown to the user).
        """
        if self.busy:
            return None
        try:
            figures = monthly_figures(self.ledger, month=self.month(), grid_id=self.grid_id())
        except Exception as exc:
            self._show_failure(str(exc))
            return None
        target = path or str(self._workdir / f"月报-{self.month()}.pdf")
        self._thread = QThread()
        self._worker = ReportWorker(figures, target)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._dialog = QProgressDialog(self.tr("Generating the monthly report…"), self.tr("Cancel"), 0, 0, self)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.canceled.connect(self._worker.cancel)
        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Generating…"))
        self._thread.start()
        return self._worker

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, total))

    def _finish_job(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.reset()
            self._dialog.deleteLater()
        self._thread = self._worker = self._dialog = None
        self.generate_button.setEnabled(True)

    @Slot(str)
    def _on_finished(self, path: str) -> None:
        self._finish_job()
        self.path = path
        for b in (self.save_button, self.open_button, self.preview_button):
            b.setEnabled(True)
        self.status.setText(self.tr("Report ready: %1").replace("%1", path))
        emit(self.generated, path)

    @Slot(str)
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

    def preview(self) -> None:  # pragma: no cover - needs QtPdf and a display
        if not (HAVE_QTPDF and self.path):
            return
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = QPdfDocument(self)
        document.load(self.path)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)

        def paint(p: QPrinter) -> None:
            painter = QPainter(p)
            for i in range(document.pageCount()):
                if i:
                    p.newPage()
                rect = painter.viewport()
                image = document.render(i, rect.size())
                painter.drawImage(rect, image)
            painter.end()

        dialog.paintRequested.connect(paint)
        dialog.exec()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._worker is not None:
            self._worker.cancel()
            self._finish_job()
        super().closeEvent(event)
