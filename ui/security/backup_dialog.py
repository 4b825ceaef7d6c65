"""Backups, restore and encryption: ``BackupDialog``, ``RecoveryKeyDialog`` and ``restore_backup``.

The file work is the core's (:mod:`neighbourhood.backups`,
:func:`neighbourhood.ledger.encrypt_ledger`).  Restoring replaces the open
database, so the dialog does not do it: it emits ``restore_requested(path)``
and the main window closes its pages, calls :func:`restore_backup` (which
closes the ledger first) and signs in again.  Encrypting re-opens the ledger:
``ledger_replaced(new_ledger)`` tells the main window to swap it.
GUI thread only; a backup of a committee's file takes about a second.
"""
from __future__ import annotations

import html
import pathlib
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.security.login_dialog import wait_cursor
from ui.signals import emit

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def stamp_text(stamp: str) -> str:
    """``20260501-083000`` (optionally ``-1``) as ``2026-05-01 08:30:00``."""
    if len(stamp) < 15:
        return stamp
    return f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"


def restore_backup(ledger: Any, backup_path: str | pathlib.Path) -> pathlib.Path | None:
    """Close ``ledger`` and replace its file with ``backup_path``; returns the safety copy of the old file.

    The backup is verified first (DatabaseError with a Chinese message if it
    is damaged or the key does not fit; the current file is then untouched
    but the ledger is closed all the same).  The caller re-opens the file and
    signs in again (:func:`ui.security.login_dialog.sign_in_flow`): the
    accounts may differ in the restored file.
    """
    from neighbourhood.backups import restore

    path, key = ledger.path, ledger.key
    if path is None:
        raise ValueError("ledger has no file")
    ledger.close()
    return restore(pathlib.Path(backup_path), pathlib.Path(path), key=key)


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key once, with Print… and a warning; Close needs the "kept safe" tick.

    ``print_to(printer)`` lays the key out on a QPrinter (used by Print…).
    """

    def __init__(self, recovery_key: str, community_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.community_name = community_name
        self.setWindowTitle(self.tr("Recovery key"))
        warning = QLabel(self.tr("This is the recovery key of the encrypted database. It is shown only now. "
                                 "Print it or write it down and keep it locked away (the director keeps it). "
                                 "Without it, a forgotten password or a lost key file means the data "
                                 "cannot be opened by anyone."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #c62828;")
        self.key_label = QLabel(recovery_key)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: self.print_key())
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.kept.toggled.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self._close_if_kept)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.key_label)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)

    def _close_if_kept(self) -> None:
        if self.kept.isChecked():
            self.accept()

    def reject(self) -> None:
        # Escape / the window's close button must not lose the key before it was kept.
        if self.kept.isChecked():
            super().reject()

    def document(self) -> QTextDocument:
        title = self.tr("Recovery key of the ledger database")
        note = self.tr("Keep this sheet locked away. Anyone holding it can open the database.")
        body = (f"<h2>{html.escape(title)}</h2><p>{html.escape(self.community_name)}</p>"
                f"<p style='font-family: monospace; font-size: 20pt'>{html.escape(self.recovery_key)}</p>"
                f"<p>{html.escape(note)}</p>")
        doc = QTextDocument()
        doc.setHtml(body)
        return doc

    def print_to(self, printer: Any) -> None:
        self.document().print_(printer)

    def print_key(self) -> bool:
        """Ask for a printer (QPrintDialog) and print the key sheet; returns whether it printed."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True


class BackupDialog(QDialog):
    """Backups of the open ledger: list, "Back up now", "Restore…", and "Encrypt this database…".

    Signals: ``restore_requested(str)`` — the user confirmed restoring that
    backup (also kept in ``self.chosen_backup``; the dialog then accepts);
    ``ledger_replaced(object)`` — encryption closed the old ledger and this
    is the re-opened one (None if the core failed after closing it: sign in
    again).  Errors appear in ``self.status`` in red, not in a modal box.  Encryption is offered to admins on plaintext files.
    """

    restore_requested = Signal(str)
    ledger_replaced = Signal(object)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.chosen_backup: pathlib.Path | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 420)
        self.intro = QLabel(self.tr("Backups are kept in the folder %1.").replace(
            "%1", str(pathlib.Path(ledger.path).parent / "backups")))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.encrypt_button = QPushButton(self.tr("Encrypt this database…"))
        self.backup_button.clicked.connect(lambda: self.back_up_now())
        self.restore_button.clicked.connect(lambda: self.request_restore())
        self.encrypt_button.clicked.connect(lambda: self.encrypt_database())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.encrypt_button):
            buttons.addWidget(button)
        buttons.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    # --- list ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-list the backup folder (newest first)."""
        from neighbourhood.access import ADMIN
        from neighbourhood.backups import KIND_LABELS, list_backups

        locale = QLocale()
        backups = list_backups(pathlib.Path(self.ledger.path))
        self.table.setRowCount(len(backups))
        for row, (path, kind, stamp) in enumerate(backups):
            try:
                size = locale.formattedDataSize(path.stat().st_size)
            except OSError:
                size = ""
            cells = (stamp_text(stamp), KIND_LABELS.get(kind, kind), size)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.encrypt_button.setVisible(self.ledger.access.role == ADMIN and not self.ledger.encrypted)
        self._update_buttons()

    def backups(self) -> list[pathlib.Path]:
        return [pathlib.Path(self.table.item(r, 0).data(PATH_ROLE)) for r in range(self.table.rowCount())]

    def selected_backup(self) -> pathlib.Path | None:
        rows = self.table.selectionModel().selectedRows()
        return pathlib.Path(self.table.item(rows[0].row(), 0).data(PATH_ROLE)) if rows else None

    def select_backup(self, path: pathlib.Path) -> None:
        for row, candidate in enumerate(self.backups()):
            if candidate == pathlib.Path(path):
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        from neighbourhood.access import ADMIN

        self.restore_button.setEnabled(self.selected_backup() is not None
                                       and self.ledger.access.role == ADMIN)

    # --- actions ---------------------------------------------------------------------

    def back_up_now(self) -> pathlib.Path | None:
        """Write a manual backup; returns its path (None after showing an error)."""
        from db.errors import DatabaseError
        from neighbourhood.backups import backup

        try:
            with wait_cursor():
                path = backup(self.ledger.conn, pathlib.Path(self.ledger.path), kind="manual")
        except (DatabaseError, OSError) as exc:
            self._report(self.tr("Backup failed: %1").replace("%1", str(exc)), error=True)
            return None
        self.refresh()
        self.select_backup(path)
        self._report(self.tr("Backup written: %1").replace("%1", path.name))
        return path

    def _report(self, text: str, *, error: bool = False) -> None:
        """The outcome of the last action, under the buttons (red for errors: no modal box)."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828;" if error else "")

    def _confirm(self, title: str, text: str) -> bool:
        """Yes/No question (tests replace this)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def request_restore(self) -> pathlib.Path | None:
        """Confirm and hand the selected backup to the main window (signal + accept); returns it."""
        from neighbourhood.access import ADMIN

        chosen = self.selected_backup()
        if chosen is None or self.ledger.access.role != ADMIN:
            return None
        stamp = self.table.item(self.table.currentRow(), 0).text()
        text = self.tr("Restore the backup of %1?\n\nThe current database is backed up first (kind "
                       "\"before\"), so this can be undone by restoring that copy. The ledger closes, "
                       "the backup replaces it, and you sign in again. Changes made after %1 "
                       "will no longer be in the ledger.").replace("%1", stamp)
        if not self._confirm(self.tr("Restore backup"), text):
            return None
        self.chosen_backup = chosen
        emit(self.restore_requested, str(chosen))
        self.accept()
        return chosen

    def _ask_password(self) -> str | None:
        """The admin's password for encryption, or None when cancelled (tests replace this)."""
        password, ok = QInputDialog.getText(
            self, self.tr("Encrypt this database"),
            self.tr("Your password (%1):").replace("%1", self.ledger.access.username),
            QLineEdit.EchoMode.Password)
        return password if ok else None

    def _show_recovery_key(self, recovery_key: str) -> None:
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, self.ledger.community.name, self)
        self.recovery_dialog.exec()

    def encrypt_database(self) -> Any | None:
        """Encrypt the plaintext file (admins): confirm, ask the password, show the recovery key once.

        Returns the re-opened ledger (also emitted as ``ledger_replaced``), or
        None when cancelled or refused (the old ledger is then still open,
        unless the core failed after closing it; the message says so).
        """
        from db.errors import DatabaseError
        from neighbourhood.access import ADMIN
        from neighbourhood.errors import LedgerError
        from neighbourhood.ledger import encrypt_ledger

        if self.ledger.access.role != ADMIN or self.ledger.encrypted:
            return None
        text = self.tr("Encrypt the database file so it cannot be read without a password?\n\n"
                       "After encryption every user needs their password (or the recovery key) to open "
                       "it; users other than you can open it once the administrator has set their "
                       "password again. Older unencrypted backups are deleted. You will see a recovery "
                       "key once: print it and keep it safe.")
        if not self._confirm(self.tr("Encrypt this database"), text):
            return None
        password = self._ask_password()
        if password is None:
            return None
        try:
            with wait_cursor():
                new_ledger, recovery_key = encrypt_ledger(self.ledger, password=password)
        except (LedgerError, DatabaseError, OSError) as exc:
            if getattr(self.ledger, "closed", False):
                # The core failed after closing the file: the window must sign in again.
                emit(self.ledger_replaced, None)
            self._report(self.tr("Cannot encrypt: %1").replace("%1", str(exc)), error=True)
            return None
        self.ledger = new_ledger
        emit(self.ledger_replaced, new_ledger)
        self._show_recovery_key(recovery_key)
        self.refresh()
        self._report(self.tr("The database is now encrypted."))
        return new_ledger
