"""Laptop: open a check-out file from the office as this laptop's working database.

The app's counterpart of ``ledger sync-open``: check-out file, sync passphrase, where to
keep the working database, and optionally the grid worker's account (the database is
then stored encrypted for that password).  The core job
(:func:`neighbourhood.sync.checkout.open_checkout`) runs on a JobThread; on success
this PC remembers the new database and its role (field laptop).  GUI thread.
"""
from __future__ import annotations

import pathlib
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.sync.dialogs import _JobDialog


def default_working_path() -> pathlib.Path:
    from neighbourhood.paths import data_dir

    base = data_dir() / "field-laptop.db"
    n = 2
    while base.exists():
        base = data_dir() / f"field-laptop-{n}.db"
        n += 1
    return base


class OpenCheckoutDialog(_JobDialog):
    """On accept (Close after success) ``self.result`` is the working database's path."""

    def __init__(self, parent: QWidget | None = None, *, file: str | None = None,
                 dest: str | pathlib.Path | None = None) -> None:
        super().__init__(None, parent)
        self.setWindowTitle(self.tr("Open check-out file"))
        self.run_button.setText(self.tr("Open"))
        self.file = QLineEdit(file or "")
        self.passphrase = self._secret()
        self.dest = QLineEdit(str(dest or default_working_path()))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("optional: encrypts the data for this account"))
        self.password = self._secret()
        self.form.addRow(self.tr("Check-out file:"), self._path_row(self.file, save=False))
        self.form.addRow(self.tr("Sync passphrase:"), self.passphrase)
        self.form.addRow(self.tr("Keep working data in:"), self._dest_row())
        self.form.addRow(self.tr("Grid worker:"), self.username)
        self.form.addRow(self.tr("Password:"), self.password)
        self.status.setText(self.tr("Use the file and passphrase you were given at the office. Work offline, "
                                    "then write a return file from the Field laptops menu."))
        self.resize(560, 280)

    def _dest_row(self) -> QHBoxLayout:
        browse = QPushButton(self.tr("Browse…"))

        def choose() -> None:
            path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.dest.text(), "*.db")
            if path:
                self.dest.setText(path)
        browse.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(self.dest, 1)
        row.addWidget(browse)
        return row

    def make_job(self):
        from neighbourhood.sync.checkout import open_checkout

        file, dest = self.file.text().strip(), self.dest.text().strip()
        if not file:
            self.status.setText(self.tr("Choose the check-out file."))
            return None
        if not dest:
            self.status.setText(self.tr("Choose where to keep the working data."))
            return None
        secret, user, password = self.passphrase.text(), self.username.text().strip() or None, self.password.text()
        file_path, dest_path = pathlib.Path(file).expanduser(), pathlib.Path(dest).expanduser()

        def job(progress, abort):
            progress(0, 0, "正在解密检出文件并建立工作数据库…")
            dest_path.parent.mkdir(parents=True, exist_ok=True)
            return open_checkout(file_path, secret, dest_path, username=user,
                                 password=password if user else None, abort=abort)
        return job

    def _on_done(self, result: Any) -> None:
        from ui.this_pc import FIELD, remember

        remember(database=result, role=FIELD)
        super()._on_done(result)

    def describe(self, result: Any) -> str:
        return self.tr("The working data is ready: %1. Close this window to sign in.").replace("%1", str(result))
