"""The roster export dialog: kind, target file, masked/full, progress and Cancel.

GUI thread; the export itself runs on a worker (:class:`JobRunner`).
"""
from __future__ import annotations

import datetime as _dt
import pathlib
from typing import Any, Mapping

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from neighbourhood.excel.export import ExportResult, export_roster
from neighbourhood.excel.kinds import ROSTER_KINDS, has_period, period_of
from ui.job_runner import JobRunner, ProgressJob


def _date_edit(iso: str) -> QDateEdit:
    edit = QDateEdit(QDate.fromString(iso, "yyyy-MM-dd"))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ExportDialog(JobRunner, QDialog):
    """Export a roster of ``kind`` with the current ``filters`` (grid_id, building_id,
    date_from/date_to …).  A period roster (the visit log) shows the period, preset from
    the filters or to this month so far."""

    def __init__(self, ledger, kind: str = "residents", filters: Mapping[str, Any] | None = None,
                 parent: QWidget | None = None, *, folder: str | pathlib.Path | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.filters = dict(filters or {})
        self.result: ExportResult | None = None
        self.job: ProgressJob | None = None
        self.setWindowTitle(self.tr("Export roster to Excel"))

        self.kind_combo = QComboBox()
        for key, roster in ROSTER_KINDS.items():
            self.kind_combo.addItem(roster.title, key)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.path_edit = QLineEdit()
        self._folder = pathlib.Path(folder) if folder else pathlib.Path.home()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.full_check = QCheckBox(self.tr("Full ID numbers and phone numbers (recorded in the audit log)"))
        allowed = bool(ledger.access.can_view_full)
        self.full_check.setEnabled(allowed)
        if not allowed:
            self.full_check.setToolTip(self.tr("Your role may only export masked numbers."))
        self.status = QLabel(self.tr("ID numbers and phones are masked unless you choose full numbers."))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        date_from, date_to = period_of(self.filters)
        self.from_edit, self.to_edit = _date_edit(date_from), _date_edit(date_to)
        self.period_row = QWidget()
        period = QHBoxLayout(self.period_row)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Roster:"), self.kind_combo)
        self.period_label = QLabel(self.tr("Period:"))
        form.addRow(self.period_label, self.period_row)
        form.addRow(self.tr("Save as:"), path_row)
        form.addRow("", self.full_check)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)  # the whole suggested path in view, not "/root/居民花名…"
        self.kind_combo.currentIndexChanged.connect(self._suggest_path)
        self._suggest_path()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def export_filters(self) -> dict[str, Any]:
        """The filters the export uses: the current ones, with the period shown (if any)."""
        filters = {k: v for k, v in self.filters.items() if k not in ("date_from", "date_to")}
        if has_period(ROSTER_KINDS[self.kind()]):
            filters["date_from"] = self.from_edit.date().toString("yyyy-MM-dd")
            filters["date_to"] = self.to_edit.date().toString("yyyy-MM-dd")
        return filters

    def _suggest_path(self) -> None:
        periodic = has_period(ROSTER_KINDS[self.kind()])
        self.period_label.setVisible(periodic)
        self.period_row.setVisible(periodic)
        title = ROSTER_KINDS[self.kind()].title
        self.path_edit.setText(str(self._folder / f"{title}_{_dt.date.today():%Y%m%d}.xlsx"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save roster"), self.path_edit.text(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def start(self) -> None:
        """Begin the export on a worker (the dialog stays open with progress and Cancel)."""
        if self.job is not None:
            return
        out = pathlib.Path(self.path_edit.text().strip())
        kind, full, filters, ledger = self.kind(), self.full_check.isChecked(), self.export_filters(), self.ledger
        self.run_job(lambda progress, abort: export_roster(
            ledger, kind, out=out, filters=filters, full=full, progress=progress, abort=abort), self.tr("Exporting…"))

    def set_busy(self, busy: bool) -> None:
        for w in (self.export_button, self.kind_combo, self.path_edit, self.period_row):
            w.setEnabled(not busy)
        self.full_check.setEnabled(not busy and bool(self.ledger.access.can_view_full))

    def cancelled_text(self) -> str:
        return self.tr("Export cancelled; no file was written.")

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_done(self, result: ExportResult) -> None:
        self.result = result
        self.status.setText(self.tr("Exported {0} rows to {1}").format(result.rows, result.path))
        self.accept()


    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.reject()

    def closeEvent(self, event) -> None:
        self.stop_job()
        super().closeEvent(event)
