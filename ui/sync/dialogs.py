"""Field-laptop dialogs: check out (office), write a return file (laptop), apply a return
file (office) — each runs its core job on a worker (:class:`JobRunner`) with progress and Cancel.

GUI thread; the jobs never touch a widget.
"""
from __future__ import annotations

import datetime as _dt
import pathlib
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from ui.job_runner import JobRunner, ProgressJob

SYNC_FILTER = "*.nlsync"


class _JobDialog(JobRunner, QDialog):
    """A form, a status line, a progress bar and Run/Cancel; subclasses give the job."""

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.result: Any = None
        self.job: ProgressJob | None = None
        self.form = QFormLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(QCoreApplication.translate("SyncDialogs", "OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _path_row(self, edit: QLineEdit, save: bool) -> QHBoxLayout:
        browse = QPushButton(QCoreApplication.translate("SyncDialogs", "Browse…"))

        def choose() -> None:
            if save:
                path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), edit.text(), SYNC_FILTER)
            else:
                path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), edit.text(), SYNC_FILTER)
            if path:
                edit.setText(path)
        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        return row

    @staticmethod
    def _secret() -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def make_job(self) -> Callable[..., Any] | None:  # overridden; None = a problem was shown
        raise NotImplementedError

    def start(self) -> None:
        if self.job is not None:
            return
        fn = self.make_job()
        if fn is None:
            return
        self.run_job(fn, QCoreApplication.translate("SyncDialogs", "Working…"))

    def set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)

    def cancelled_text(self) -> str:
        return QCoreApplication.translate("SyncDialogs", "Cancelled; nothing was changed.")

    def _on_done(self, result: Any) -> None:
        self.result = result
        self.progress.setVisible(False)
        self.status.setText(self.describe(result))
        self.run_button.setVisible(False)
        self.cancel_button.setText(QCoreApplication.translate("SyncDialogs", "Close"))

    def describe(self, result: Any) -> str:
        return str(result)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        elif self.result is not None:
            self.accept()
        else:
            self.reject()

    def closeEvent(self, event) -> None:
        self.stop_job()
        super().closeEvent(event)


class CheckoutDialog(_JobDialog):
    """Office: write a check-out file of chosen grids for a field laptop."""

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, folder: str | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Check out to a field laptop"))
        self.run_button.setText(self.tr("Check out"))
        self.grids = QListWidget()
        for grid in ledger.grids.list():
            item = QListWidgetItem(grid.name)
            item.setData(Qt.ItemDataRole.UserRole, grid.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.grids.addItem(item)
        self.device = QLineEdit()
        self.device.setPlaceholderText(self.tr("e.g. Grid 1 laptop"))
        self.worker = QLineEdit()
        self.worker.setPlaceholderText(self.tr("user name of the grid worker (optional)"))
        self.passphrase, self.confirm = self._secret(), self._secret()
        base = pathlib.Path(folder) if folder else pathlib.Path.home()
        self.path = QLineEdit(str(base / f"检出_{_dt.date.today():%Y%m%d}.nlsync"))
        self.form.addRow(self.tr("Grids:"), self.grids)
        self.form.addRow(self.tr("Laptop name:"), self.device)
        self.form.addRow(self.tr("Grid worker:"), self.worker)
        self.form.addRow(self.tr("Sync passphrase:"), self.passphrase)
        self.form.addRow(self.tr("Repeat passphrase:"), self.confirm)
        self.form.addRow(self.tr("Save as:"), self._path_row(self.path, save=True))
        self.status.setText(self.tr("The file is encrypted with the passphrase. Tell it to the grid worker "
                                    "in person, not on the USB stick."))

    def chosen_grids(self) -> list[str]:
        return [self.grids.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grids.count())
                if self.grids.item(i).checkState() == Qt.CheckState.Checked]

    def make_job(self):
        if self.passphrase.text() != self.confirm.text():
            self.status.setText(self.tr("The two passphrases differ."))
            return None
        ledger, grids = self.ledger, self.chosen_grids()
        device, worker = self.device.text().strip(), self.worker.text().strip() or None
        secret, out = self.passphrase.text(), pathlib.Path(self.path.text().strip())

        def job(progress, abort):
            progress(0, 0, "正在检出…")
            return ledger.sync.checkout(grid_ids=grids, out=out, passphrase=secret, device_name=device,
                                        username=worker)
        return job

    def describe(self, result: Any) -> str:
        counts = result.counts
        return (self.tr("Checked out %1 households and %2 residents to %3.")
                .replace("%1", str(counts.get("households", 0))).replace("%2", str(counts.get("residents", 0)))
                .replace("%3", str(result.path)))


class ReturnDialog(_JobDialog):
    """Laptop: write the return file of every change the office has not acknowledged."""

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, folder: str | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Write return file"))
        self.run_button.setText(self.tr("Write"))
        self.passphrase, self.confirm = self._secret(), self._secret()
        base = pathlib.Path(folder) if folder else pathlib.Path.home()
        name = ledger.sync.state.get("device_name") or "laptop"
        self.path = QLineEdit(str(base / f"交回_{name}_{_dt.date.today():%Y%m%d}.nlsync"))
        self.form.addRow(self.tr("Sync passphrase:"), self.passphrase)
        self.form.addRow(self.tr("Repeat passphrase:"), self.confirm)
        self.form.addRow(self.tr("Save as:"), self._path_row(self.path, save=True))
        text = self.tr("%1 changes not yet returned to the office.").replace("%1", str(ledger.sync.pending()))
        files = ledger.sync.pending_attachments()
        if files:
            text += " " + self.tr("%1 attachments added here go with it.").replace("%1", str(files))
        self.status.setText(text)

    def make_job(self):
        if self.passphrase.text() != self.confirm.text():
            self.status.setText(self.tr("The two passphrases differ."))
            return None
        ledger, secret, out = self.ledger, self.passphrase.text(), pathlib.Path(self.path.text().strip())

        def job(progress, abort):
            progress(0, 0, "正在写入并校验…")
            return ledger.sync.export(out=out, passphrase=secret)
        return job

    def describe(self, result: Any) -> str:
        return (self.tr("Return file no. %1 with %2 changes written and verified: %3. Keep this laptop's data "
                        "until the office has applied it.")
                .replace("%1", str(result.seq)).replace("%2", str(result.changes)).replace("%3", str(result.path)))


class ApplyDialog(_JobDialog):
    """Office: merge a laptop's return file in one transaction; conflicts go to the review queue."""

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, path: str | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Apply return file"))
        self.run_button.setText(self.tr("Apply"))
        self.path = QLineEdit(path or "")
        self.passphrase = self._secret()
        self.form.addRow(self.tr("Return file:"), self._path_row(self.path, save=False))
        self.form.addRow(self.tr("Sync passphrase:"), self.passphrase)
        self.status.setText(self.tr("All changes are applied together, or none. Changes to the same field on "
                                    "both sides wait for your review."))

    def make_job(self):
        ledger, secret, path = self.ledger, self.passphrase.text(), pathlib.Path(self.path.text().strip())
        return lambda progress, abort: ledger.sync.apply_file(path, secret, progress=progress, abort=abort)

    def describe(self, result: Any) -> str:
        return result.summary


class RefreshDialog(QDialog):
    """Laptop: replace the working data with a new check-out, keeping every unreturned change.

    Runs on the GUI thread (it closes this ledger); the window then restarts on the new data.
    """

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.done_path: pathlib.Path | None = None
        self.setWindowTitle(self.tr("Refresh from a new check-out"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.passphrase = _JobDialog._secret()
        self.password = _JobDialog._secret()
        form = QFormLayout()
        form.addRow(self.tr("Check-out file:"), row)
        form.addRow(self.tr("Sync passphrase:"), self.passphrase)
        if ledger.encrypted:
            form.addRow(self.tr("Your password:"), self.password)
        self.status = QLabel(self.tr("%1 changes not yet applied at the office will be kept and sent with the "
                                     "next return file.").replace("%1", str(ledger.sync.pending())))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), self.path.text(), SYNC_FILTER)
        if path:
            self.path.setText(path)

    def run(self) -> None:
        from neighbourhood.errors import LedgerError
        from neighbourhood.sync.checkout import open_checkout

        ledger = self.ledger
        username = ledger.access.username if ledger.encrypted else None
        try:
            self.done_path = open_checkout(pathlib.Path(self.path.text().strip()), self.passphrase.text(),
                                           ledger.path, previous=ledger, username=username,
                                           password=self.password.text() if username else None)
        except LedgerError as exc:
            self.status.setText(str(exc))
            return
        self.accept()
