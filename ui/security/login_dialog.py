"""Signing in: ``LoginDialog``, ``FirstRunDialog`` and the ``sign_in_flow`` that picks between them.

GUI thread only.  The dialogs open the ledger through the core
(:meth:`Ledger.unlock`, :meth:`Users.create_admin`, :meth:`Users.sign_in`);
the core's Chinese messages (wrong password with the tries left, lockout,
wrong recovery key…) are shown inline exactly as raised.  A password check
costs ~0.2 s of Argon2 on the GUI thread, under a wait cursor: short enough
not to need a worker.
"""
from __future__ import annotations

import contextlib
import pathlib
from typing import Any, Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QVBoxLayout, QWidget)

from ui.common import FieldMessage


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """Show the busy cursor while a password hash or file operation runs."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """User name + password for the ledger at ``db_path``; on accept ``self.ledger`` is open and signed in.

    For an encrypted database a "Use the recovery key" link adds a recovery
    key field: the key then opens the file and the user still signs in with
    their own name and password (a recovery key is not an account).  After a
    successful recovery-key sign-in the user's password is re-wrapped in the
    keyring so it opens the database next time.  When the dialog is rejected
    ``self.ledger`` stays None and nothing is left open.
    """

    def __init__(self, db_path: str | pathlib.Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from neighbourhood.keyring import is_encrypted

        self.db_path = pathlib.Path(db_path)
        self.ledger: Any = None
        self.encrypted = is_encrypted(self.db_path)
        self.setWindowTitle(self.tr("Sign in"))

        self.intro = QLabel(self.tr("Sign in to the ledger %1").replace("%1", self.db_path.name))
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.password = _password_edit()
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.recovery_label = QLabel(self.tr("Recovery key"))
        self.message = FieldMessage()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.recovery_label, self.recovery_key)
        self.recovery_label.setVisible(False)
        self.recovery_key.setVisible(False)

        self.recovery_link = QLabel(f'<a href="#recovery">{self.tr("Use the recovery key")}</a>')
        self.recovery_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                   | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.recovery_link.linkActivated.connect(lambda _link: self.use_recovery_key(True))
        self.recovery_link.setVisible(self.encrypted)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.recovery_link)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    @property
    def recovery_mode(self) -> bool:
        return not self.recovery_key.isHidden()

    def use_recovery_key(self, on: bool = True) -> None:
        """Show (or hide) the recovery key field."""
        self.recovery_label.setVisible(on)
        self.recovery_key.setVisible(on)
        self.recovery_link.setVisible(self.encrypted and not on)
        if on:
            self.recovery_key.setFocus()

    def try_sign_in(self) -> bool:
        """Open and sign in with the fields' values; accept on success, else show why.  Returns success."""
        from db.errors import DatabaseError
        from neighbourhood.errors import LedgerError
        from neighbourhood.ledger import Ledger

        username = self.username.text().strip()
        if not username:
            self.message.show_message(self.tr("Enter your user name."))
            self.username.setFocus()
            return False
        recovery = self.recovery_key.text().strip() if self.recovery_mode else ""
        if self.recovery_mode and not recovery:
            self.message.show_message(self.tr("Enter the recovery key."))
            self.recovery_key.setFocus()
            return False
        password = self.password.text()
        try:
            with wait_cursor():
                ledger = Ledger.unlock(self.db_path, username=username, password=password,
                                       recovery_key=recovery or None)
        except (LedgerError, DatabaseError, OSError) as exc:
            # SignInError / KeyringError / DatabaseError carry Chinese text meant for the user.
            self.message.show_message(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return False
        if recovery:
            self._rewrap(ledger, username, password)
        self.ledger = ledger
        self.message.show_message(None)
        self.accept()
        return True

    @staticmethod
    def _rewrap(ledger: Any, username: str, password: str) -> None:
        """After opening with the recovery key, let the user's password open the file again."""
        from neighbourhood.errors import LedgerError

        try:
            with wait_cursor():
                ledger.on_user_password(username, password)
        except (LedgerError, OSError):
            pass  # a damaged keyring stays damaged; the recovery key still works


class FirstRunDialog(QDialog):
    """Create the administrator of a new ledger, then sign in as them.

    ``ledger`` is open and has no users (``ledger.users.first_run``).  On
    accept the administrator exists and the ledger acts as them.  Validation
    messages from the core (password strength, missing name) appear under the
    field concerned.  Raises nothing.
    """

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(self.tr("Create the administrator"))
        intro = QLabel(self.tr("This ledger has no accounts yet. Create the administrator account: "
                               "the administrator adds the other staff and grid workers later."))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = _password_edit()
        self.password_again = _password_edit()
        self.messages = {name: FieldMessage() for name in ("username", "display_name", "password",
                                                             "password_again", "general")}
        form = QFormLayout()
        for label, edit, key in ((self.tr("Login name"), self.username, "username"),
                                 (self.tr("Display name"), self.display_name, "display_name"),
                                 (self.tr("Password"), self.password, "password"),
                                 (self.tr("Password again"), self.password_again, "password_again")):
            form.addRow(label, edit)
            form.addRow("", self.messages[key])
        hint = QLabel(self.tr("At least 8 characters, with both letters and digits."))
        hint.setStyleSheet("color: #666;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and sign in"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.messages["general"])
        layout.addWidget(self.buttons)
        self.display_name.setFocus()

    def _show(self, field: str | None, message: str | None) -> None:
        for key, label in self.messages.items():
            label.show_message(message if key == (field if field in self.messages else "general") else None)

    def create(self) -> bool:
        """Create the administrator and sign in; accept on success.  Returns success."""
        from neighbourhood.errors import LedgerError, ValidationError

        if self.password.text() != self.password_again.text():
            self._show("password_again", self.tr("The two passwords are not the same."))
            return False
        username = self.username.text().strip()
        try:
            with wait_cursor():
                self.ledger.users.create_admin(username=username, display_name=self.display_name.text(),
                                               password=self.password.text())
                self.ledger.users.sign_in(username, self.password.text())
        except ValidationError as exc:
            self._show(exc.field, str(exc))
            return False
        except LedgerError as exc:
            self._show(None, str(exc))
            return False
        self._show(None, None)
        self.accept()
        return True


def sign_in_flow(db_path: str | pathlib.Path, parent: QWidget | None = None) -> Any | None:
    """Open the ledger at ``db_path`` and sign in; returns the signed-in Ledger or None (cancelled).

    A plaintext database without accounts (a new file included) opens and asks
    for the administrator (:class:`FirstRunDialog`); any other database shows
    :class:`LoginDialog`.  A database that cannot be opened at all is reported
    in a message box and gives None.  Blocks in the dialogs' event loops.
    """
    from db.errors import DatabaseError
    from neighbourhood.errors import LedgerError
    from neighbourhood.keyring import is_encrypted
    from neighbourhood.ledger import Ledger

    path = pathlib.Path(db_path)
    if not is_encrypted(path):
        try:
            ledger = Ledger.open(path)
        except (DatabaseError, LedgerError, OSError) as exc:
            QMessageBox.critical(parent, QCoreApplication.translate("SignInFlow", "Cannot open the database"),
                                 str(exc))
            return None
        if ledger.users.first_run:
            dialog = FirstRunDialog(ledger, parent)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return ledger
            ledger.close()
            return None
        ledger.close()
    dialog = LoginDialog(path, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.ledger
    return None

