"""The first-run wizard, shown when no database exists at the default location.

Three short pages: the community (name, street office), the administrator
account, and where the database lives plus whether this PC is the office PC
or a field laptop.  Finishing creates the database through the core
(:meth:`Ledger.open`, :meth:`Users.create_admin`, :meth:`Users.sign_in`,
:meth:`Community.set`), so the new file is migrated, audited and signed in as
the administrator; ``self.ledger`` is then open.  A field laptop instead opens a
check-out file from the office (a button on the first page, and on the last when
"field laptop" is chosen): ``self.checkout_path`` is then set and ``self.ledger`` None.  Each page checks its fields
before Next (the core's Chinese messages are shown under the wizard); nothing
is written until Finish, and a failure there removes the half-made file.
The chosen location and the PC's role are remembered per PC (:mod:`ui.this_pc`).
GUI thread only.
"""
from __future__ import annotations

import pathlib
from typing import Any

from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage)

from ui.common import FieldMessage
from ui.this_pc import FIELD, OFFICE, remember


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class CommunityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your community"))
        self.setSubTitle(self.tr("Welcome to Neighbourhood Ledger. These names appear on rosters and reports."))
        self.community = QLineEdit()
        self.community.setPlaceholderText(self.tr("e.g. Sunshine Community"))
        self.street_office = QLineEdit()
        self.street_office.setPlaceholderText(self.tr("e.g. Xinhua Street Office"))
        self.message = FieldMessage()
        form = QFormLayout(self)
        form.addRow(self.tr("&Community name"), self.community)
        form.addRow(self.tr("&Street office"), self.street_office)
        form.addRow("", self.message)
        # A field laptop gets its data from the office, not a community of its own.
        self.open_checkout = QPushButton(self.tr("Field laptop? &Open a check-out file from the office…"))
        form.addRow("", self.open_checkout)

    def validatePage(self) -> bool:  # noqa: N802
        if not self.community.text().strip():
            self.message.show_message(self.tr("Enter the name of the community."))
            self.community.setFocus()
            return False
        self.message.show_message(None)
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator signs in first and adds the other staff and grid workers later."))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = _password_edit()
        self.password_again = _password_edit()
        self.message = FieldMessage()
        hint = QLabel(self.tr("At least 8 characters, with both letters and digits."))
        hint.setStyleSheet("color: #666;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Login name"), self.username)
        form.addRow(self.tr("&Your name"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.password_again)
        form.addRow("", hint)
        form.addRow("", self.message)

    def validatePage(self) -> bool:  # noqa: N802
        from neighbourhood.errors import ValidationError
        from neighbourhood.users import check_password_strength

        fields = {"username": self.username, "display_name": self.display_name, "password": self.password}
        try:
            if not self.username.text().strip():
                raise ValidationError(self.tr("Enter a login name."), field="username")
            if not self.display_name.text().strip():
                raise ValidationError(self.tr("Enter your name."), field="display_name")
            check_password_strength(self.password.text())
            if self.password.text() != self.password_again.text():
                raise ValidationError(self.tr("The two passwords are not the same."), field="password")
        except ValidationError as exc:
            self.message.show_message(str(exc))
            fields.get(exc.field or "", self.password).setFocus()
            return False
        self.message.show_message(None)
        return True


class PlacePage(QWizardPage):
    def __init__(self, default_path: pathlib.Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where the ledger is kept"))
        self.setSubTitle(self.tr("Keep the database on this computer's own disk, not on a network share."))
        self.path = QLineEdit(str(default_path))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.office = QRadioButton(self.tr("&Office PC: the committee's main computer"))
        self.field = QRadioButton(self.tr("&Field laptop: taken along on visits"))
        self.office.setChecked(True)
        self.role = QButtonGroup(self)
        self.role.addButton(self.office)
        self.role.addButton(self.field)
        self.message = FieldMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Database file")))
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("This computer is")))
        layout.addWidget(self.office)
        layout.addWidget(self.field)
        self.open_checkout = QPushButton(self.tr("Open a check-out file from the office instead…"))
        self.open_checkout.setVisible(False)
        self.field.toggled.connect(self.open_checkout.setVisible)
        layout.addWidget(self.open_checkout)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Database file"), self.path.text(),
                                                      self.tr("Ledger database (*.db)"))
        if chosen:
            self.path.setText(chosen)

    def chosen_path(self) -> pathlib.Path:
        return pathlib.Path(self.path.text().strip()).expanduser()

    def validatePage(self) -> bool:  # noqa: N802
        from neighbourhood.backups import is_network_path

        text = self.path.text().strip()
        path = self.chosen_path()
        if not text:
            problem = self.tr("Choose where to keep the database.")
        elif path.exists():
            problem = self.tr("%1 already exists. Choose another file name, or open it with --db.").replace(
                "%1", str(path))
        elif is_network_path(path):
            problem = self.tr("This folder is on a network share. Choose a folder on this computer.")
        else:
            problem = None
        self.message.show_message(problem)
        return problem is None


class FirstRunWizard(QWizard):
    """Create a new community ledger; on accept ``self.ledger`` is open and signed in as the administrator."""

    def __init__(self, default_path: pathlib.Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger: Any = None
        self.checkout_path: pathlib.Path | None = None  # set when a check-out file was opened instead
        self.setWindowTitle(self.tr("Set up Neighbourhood Ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.community_page = CommunityPage()
        self.admin_page = AdminPage()
        self.place_page = PlacePage(default_path)
        for page in (self.community_page, self.admin_page, self.place_page):
            self.addPage(page)
        self.community_page.open_checkout.clicked.connect(self.open_checkout_file)
        self.place_page.open_checkout.clicked.connect(self.open_checkout_file)
        self.resize(620, 460)

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is self.place_page:
            return self.create()
        return True

    def create(self) -> bool:
        """Create the database, the administrator and the community settings; sign in.  Returns success."""
        from db.errors import DatabaseError
        from neighbourhood.errors import LedgerError
        from neighbourhood.ledger import Ledger
        from ui.security.login_dialog import wait_cursor

        path = self.place_page.chosen_path()
        admin, community = self.admin_page, self.community_page
        ledger = None
        try:
            with wait_cursor():
                ledger = Ledger.open(path)
                username = admin.username.text().strip()
                ledger.users.create_admin(username=username, display_name=admin.display_name.text().strip(),
                                          password=admin.password.text())
                ledger.users.sign_in(username, admin.password.text())
                ledger.community.set("community_name", community.community.text().strip())
                if community.street_office.text().strip():
                    ledger.community.set("street_office", community.street_office.text().strip())
        except (LedgerError, DatabaseError, OSError) as exc:
            if ledger is not None:
                ledger.close()
                for suffix in ("", "-wal", "-shm"):
                    pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
            self.place_page.message.show_message(str(exc))
            return False
        remember(database=path, role=FIELD if self.place_page.field.isChecked() else OFFICE)
        self.ledger = ledger
        return True

    def open_checkout_dialog(self):
        from ui.sync.open_dialog import OpenCheckoutDialog, default_working_path

        chosen = self.place_page.chosen_path()
        return OpenCheckoutDialog(self, dest=default_working_path() if chosen.exists() else chosen)

    def open_checkout_file(self) -> None:
        """A field laptop: make a check-out file its working database; the app then signs in on it."""
        from PySide6.QtWidgets import QDialog

        dialog = self.open_checkout_dialog()
        dialog.exec()
        if dialog.result is not None:
            self.checkout_path = pathlib.Path(dialog.result)
            QDialog.done(self, QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        if self.ledger is not None:  # cannot happen after Finish, but never leave a file open
            self.ledger.close()
            self.ledger = None
        super().reject()
