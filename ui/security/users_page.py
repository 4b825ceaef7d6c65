"""User management: ``UserTableModel``, ``UserDialog`` (add/edit) and ``UsersPage``.

Administrators add, edit, reset passwords and deactivate accounts through
``ledger.users``; everyone else sees only a message (the core refuses their
writes anyway).  A committee has tens of accounts, so the model holds the
records of one ``users.list()`` call.  GUI thread only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QTableView, QVBoxLayout, QWidget)

from ui.common import FieldMessage
from ui.record_table import RECORD_ID_ROLE, RecordTableModel
from ui.signals import emit

USER_ID_ROLE = RECORD_ID_ROLE
INACTIVE_BRUSH = QBrush(QColor("#9e9e9e"))
CHANGED_TABLES = frozenset({"users", "user_grids"})


def local_time(stamp: str | None) -> str:
    """A core UTC stamp (``2026-05-01T08:00:00.000000Z``) as local ``YYYY-MM-DD HH:MM``."""
    if not stamp:
        return ""
    try:
        moment = _dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _locked_now(stamp: str | None) -> bool:
    try:
        moment = _dt.datetime.strptime(stamp or "", "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return False
    return moment > _dt.datetime.now(_dt.timezone.utc)


class UserTableModel(RecordTableModel):
    """Accounts: login name, name, role, full view, grids, active, locked until (read-only).

    ``USER_ID_ROLE`` gives the user id.  ``reload()`` re-reads the list; it
    never raises for a permitted reader.
    """

    COLUMNS = (
        ("username", QT_TRANSLATE_NOOP("UserTableModel", "Login name"), lambda u: u.username),
        ("name", QT_TRANSLATE_NOOP("UserTableModel", "Name"), lambda u: u.display_name),
        ("role", QT_TRANSLATE_NOOP("UserTableModel", "Role"), lambda u: u.role_name),
        ("full_view", QT_TRANSLATE_NOOP("UserTableModel", "Full view"), lambda u: u.can_view_full),
        ("grids", QT_TRANSLATE_NOOP("UserTableModel", "Grids"), lambda u: u.grid_ids),
        ("active", QT_TRANSLATE_NOOP("UserTableModel", "Active"), lambda u: u.active),
        ("locked_until", QT_TRANSLATE_NOOP("UserTableModel", "Locked until"), lambda u: u.locked_until),
    )

    def __init__(self, ledger: Any, parent: Any = None) -> None:
        super().__init__(ledger, parent)
        self._grid_names: dict[str, str] = {}

    def load(self) -> list[Any]:
        self._grid_names = {g.id: g.name for g in self._ledger.grids.list()}
        return list(self._ledger.users.list())

    def user(self, row: int) -> Any:
        return self.record(row)

    def text(self, record: Any, column: int, *, full: bool = False) -> str:
        key, value = self.COLUMNS[column][0], self.COLUMNS[column][2](record)
        if key in ("full_view", "active"):
            return (QCoreApplication.translate("UserTableModel", "Yes") if value
                    else QCoreApplication.translate("UserTableModel", "No"))
        if key == "grids":
            return "、".join(sorted(self._grid_names.get(g, g) for g in value))
        if key == "locked_until":
            return local_time(value) if _locked_now(value) else ""
        return value

    def foreground(self, record: Any) -> QBrush | None:
        return None if record.active else INACTIVE_BRUSH


class UserDialog(QDialog):
    """Add (``user`` None) or edit one account; accepted only after the core saved it.

    Edit cannot rename the login; an administrator editing their own account
    keeps their role and must give the current password to change it.  The
    grid list applies to 网格员 only.  Core ValidationErrors appear under the
    field they name.
    """

    def __init__(self, ledger: Any, user: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from neighbourhood.access import ROLE_NAMES

        self.ledger = ledger
        self.user = user
        self.is_self = user is not None and user.id == ledger.access.user_id
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Edit user"))
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.role = QComboBox()
        for key, name in ROLE_NAMES.items():
            self.role.addItem(name, key)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role if user else "staff")))
        self.role.setEnabled(not self.is_self)  # an admin cannot demote themselves by accident
        self.grids = QListWidget()
        self.grids.setMaximumHeight(120)
        for grid in ledger.grids.list():
            item = QListWidgetItem(grid.name)
            item.setData(Qt.ItemDataRole.UserRole, grid.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user and grid.id in user.grid_ids
                               else Qt.CheckState.Unchecked)
            self.grids.addItem(item)
        self.can_view_full = QCheckBox(self.tr("May see full ID numbers and phone numbers (audited)"))
        self.can_view_full.setChecked(bool(user.can_view_full) if user else False)
        self.old_password = QLineEdit()
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.old_password, self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if user is not None:
            self.password.setPlaceholderText(self.tr("Leave empty to keep the password"))
        self.messages = {k: FieldMessage() for k in ("username", "display_name", "role", "grid_ids",
                                                      "old_password", "password", "password_again",
                                                      "general")}
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("Login name"), self.username, "username"),
            (self.tr("Display name"), self.display_name, "display_name"),
            (self.tr("Role"), self.role, "role"),
            (self.tr("Grids (grid workers)"), self.grids, "grid_ids"),
            ("", self.can_view_full, ""),
        ]
        if self.is_self:
            rows.append((self.tr("Current password"), self.old_password, "old_password"))
        rows += [(self.tr("New password") if user else self.tr("Password"), self.password, "password"),
                 (self.tr("Password again"), self.password_again, "password_again")]
        for label, widget, key in rows:
            form.addRow(label, widget)
            if key in self.messages:
                form.addRow("", self.messages[key])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages["general"])
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        from neighbourhood.access import GRID_WORKER

        self.grids.setEnabled(self.role.currentData() == GRID_WORKER)

    def checked_grids(self) -> list[str]:
        return [self.grids.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grids.count())
                if self.grids.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked_grids(self, grid_ids: set[str] | list[str]) -> None:
        for i in range(self.grids.count()):
            item = self.grids.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in grid_ids
                               else Qt.CheckState.Unchecked)

    def _show(self, field: str | None, message: str | None) -> None:
        target = field if field in self.messages else "general"
        for key, label in self.messages.items():
            label.show_message(message if key == target else None)

    def save(self) -> bool:
        """Validate, write through ``ledger.users`` and accept.  Returns success."""
        from neighbourhood.access import GRID_WORKER
        from neighbourhood.errors import LedgerError, ValidationError
        from ui.security.login_dialog import wait_cursor

        role = self.role.currentData()
        grid_ids = self.checked_grids() if role == GRID_WORKER else []
        if role == GRID_WORKER and not grid_ids:
            self._show("grid_ids", self.tr("A grid worker needs at least one grid."))
            return False
        password = self.password.text()
        if (password or self.user is None) and password != self.password_again.text():
            self._show("password_again", self.tr("The two passwords are not the same."))
            return False
        users = self.ledger.users
        try:
            with wait_cursor():
                if self.user is None:
                    self.user = users.add(username=self.username.text(), display_name=self.display_name.text(),
                                          password=password, role=role,
                                          can_view_full=self.can_view_full.isChecked(), grid_ids=grid_ids)
                else:
                    if password:
                        # Password first: a wrong current password must not leave half the edit saved.
                        users.set_password(self.user.id, password,
                                           old_password=self.old_password.text() if self.is_self else None)
                    self.user = users.update(self.user.id, display_name=self.display_name.text(),
                                             role=None if self.is_self else role,
                                             can_view_full=self.can_view_full.isChecked(), grid_ids=grid_ids)
        except ValidationError as exc:
            self._show(exc.field, str(exc))
            return False
        except LedgerError as exc:
            self._show(None, str(exc))
            return False
        self._show(None, None)
        self.accept()
        return True


class UsersPage(QWidget):
    """The "Users" screen.  ``changed(object)`` carries the set of tables written after a save.

    Non-administrators get a message and no table (``self.read_only``).
    """

    changed = Signal(object)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from neighbourhood.access import ADMIN

        self.ledger = ledger
        self.read_only = ledger.access.role != ADMIN
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = UserTableModel(ledger, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_user())
        self.add_button = QPushButton(self.tr("Add user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.add_button.clicked.connect(lambda: self.add_user())
        self.edit_button.clicked.connect(lambda: self.edit_user())
        self.active_button.clicked.connect(lambda: self.toggle_active())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        if self.read_only:
            self.message.setText(self.tr("Only an administrator can manage user accounts. "
                                         "You are signed in as %1 (%2).")
                                 .replace("%1", ledger.access.display_name).replace("%2", ledger.access.role_name))
            for widget in (self.view, self.add_button, self.edit_button, self.active_button):
                widget.setVisible(False)
                widget.setEnabled(False)
        else:
            self.message.setText(self.tr("Accounts of this ledger. Deactivated accounts cannot sign in; "
                                         "their past work stays in the audit trail."))
            self.view.selectionModel().selectionChanged.connect(self._update_buttons)
            self.refresh()

    def refresh(self) -> None:
        """Re-read the accounts, keeping the selection."""
        if self.read_only:
            return
        keep = self.selected_user()
        self.model.reload()
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def select(self, user_id: str) -> None:
        row = self.model.row_of(user_id)
        if row >= 0:
            self.view.selectRow(row)

    def selected_user(self) -> Any:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.user(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        user = self.selected_user()
        self.edit_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None and user.id != self.ledger.access.user_id)
        self.active_button.setText(self.tr("Reactivate") if user is not None and not user.active
                                   else self.tr("Deactivate"))

    def _run(self, dialog: UserDialog) -> bool:
        dialog.setModal(True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh()
        if dialog.user is not None:
            self.select(dialog.user.id)
        emit(self.changed, set(CHANGED_TABLES))
        return True

    def add_user(self) -> bool:
        return False if self.read_only else self._run(UserDialog(self.ledger, None, self))

    def edit_user(self) -> bool:
        user = self.selected_user()
        if self.read_only or user is None:
            return False
        return self._run(UserDialog(self.ledger, user, self))

    def toggle_active(self) -> bool:
        """Deactivate the selected account (or reactivate an inactive one); shows core errors."""
        from neighbourhood.errors import LedgerError
        from ui.common import show_error

        user = self.selected_user()
        if self.read_only or user is None:
            return False
        try:
            self.ledger.users.update(user.id, active=not user.active)
        except LedgerError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        emit(self.changed, set(CHANGED_TABLES))
        return True
