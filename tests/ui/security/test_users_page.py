"""User management: the model passes qtmodeltester; admins add, edit and deactivate
accounts through the dialog; other roles see a read-only message."""
from __future__ import annotations

from PySide6.QtCore import Qt

from neighbourhood.access import GRID_WORKER, STAFF, Access
from ui.security.users_page import USER_ID_ROLE, UserDialog, UsersPage, UserTableModel


def test_user_model_passes_modeltester(qtmodeltester, demo_ledger):
    model = UserTableModel(demo_ledger)
    model.reload()
    assert model.rowCount() == len(demo_ledger.users.list()) >= 3
    qtmodeltester.check(model)
    admin_row = model.row_of(demo_ledger.users.by_username("admin").id)
    cell = lambda column: model.data(model.index(admin_row, column))  # noqa: E731
    assert cell(0) == "admin" and cell(1) == "王书记" and cell(2) == "管理员"
    assert cell(3) == "Yes" and cell(5) == "Yes" and cell(6) == ""
    grid1 = demo_ledger.users.by_username("grid1")
    grid_row = model.row_of(grid1.id)
    assert model.data(model.index(grid_row, 4)) == demo_ledger.grids.get(next(iter(grid1.grid_ids))).name
    assert model.data(model.index(grid_row, 0), USER_ID_ROLE) == grid1.id


def test_locked_account_shows_until_when(qtbot, demo_ledger):
    for attempt in range(5):
        try:
            demo_ledger.users.sign_in("grid2", f"bad-{attempt}x")
        except Exception:
            pass
    model = UserTableModel(demo_ledger)
    model.reload()
    row = model.row_of(demo_ledger.users.by_username("grid2").id)
    assert model.data(model.index(row, 6)).startswith("20")


def test_grid_worker_sees_the_page_read_only(qtbot, demo_ledger, demo_password):
    demo_ledger.users.sign_in("grid1", demo_password)
    page = UsersPage(demo_ledger)
    qtbot.addWidget(page)
    page.show()
    assert page.read_only
    assert "Only an administrator" in page.message.text()
    assert not page.view.isVisible() and not page.add_button.isVisible()
    assert page.model.rowCount() == 0  # the accounts are not even read
    assert page.add_user() is False and page.toggle_active() is False


def test_admin_adds_a_grid_worker(qtbot, admin_ledger, monkeypatch):
    page = UsersPage(admin_ledger)
    qtbot.addWidget(page)
    before = page.model.rowCount()
    grid = admin_ledger.grids.list()[1]
    dialogs = []

    def fill_and_save(dialog: UserDialog) -> int:
        dialogs.append(dialog)
        dialog.username.setText("grid_new")
        dialog.display_name.setText("赵网格")
        dialog.role.setCurrentIndex(dialog.role.findData(GRID_WORKER))
        assert dialog.grids.isEnabled()
        dialog.password.setText("newpass123")
        dialog.password_again.setText("newpass123")
        assert dialog.save() is False  # no grid ticked yet
        assert "at least one grid" in dialog.messages["grid_ids"].text()
        dialog.set_checked_grids({grid.id})
        assert dialog.save() is True
        return dialog.result()

    monkeypatch.setattr(UserDialog, "exec", fill_and_save)
    with qtbot.waitSignal(page.changed) as blocker:
        assert page.add_user()
    assert blocker.args == [{"users", "user_grids"}]
    assert page.model.rowCount() == before + 1
    created = admin_ledger.users.by_username("grid_new")
    assert created.role == GRID_WORKER and created.grid_ids == {grid.id}
    assert page.selected_user().id == created.id


def test_core_messages_appear_under_the_field(qtbot, admin_ledger):
    dialog = UserDialog(admin_ledger)
    qtbot.addWidget(dialog)
    dialog.username.setText("zhangmin")  # taken
    dialog.display_name.setText("又一个张敏")
    dialog.password.setText("another123")
    dialog.password_again.setText("another123")
    assert dialog.save() is False
    assert dialog.messages["username"].text() == "登录名“zhangmin”已被使用"
    dialog.username.setText("newbie")
    dialog.password.setText("short1")
    dialog.password_again.setText("short1")
    assert dialog.save() is False
    assert dialog.messages["password"].text() == "密码至少 8 位"


def test_admin_edits_role_and_deactivates(qtbot, admin_ledger, monkeypatch):
    page = UsersPage(admin_ledger)
    qtbot.addWidget(page)
    grid1 = admin_ledger.users.by_username("grid1")
    page.select(grid1.id)

    def make_staff(dialog: UserDialog) -> int:
        assert dialog.username.isReadOnly()
        dialog.role.setCurrentIndex(dialog.role.findData(STAFF))
        dialog.can_view_full.setChecked(True)
        assert dialog.save()
        return dialog.result()

    monkeypatch.setattr(UserDialog, "exec", make_staff)
    assert page.edit_user()
    edited = admin_ledger.users.get(grid1.id)
    assert edited.role == STAFF and edited.can_view_full and edited.grid_ids == frozenset()

    assert page.active_button.text() == "Deactivate"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert not admin_ledger.users.get(grid1.id).active
    row = page.model.row_of(grid1.id)
    assert page.model.data(page.model.index(row, 5)) == "No"
    assert page.active_button.text() == "Reactivate"

    # The admin cannot deactivate themselves (button disabled, core refuses too).
    page.select(admin_ledger.access.user_id)
    assert not page.active_button.isEnabled()


def test_admin_editing_self_keeps_role(qtbot, admin_ledger):
    me = admin_ledger.users.get(admin_ledger.access.user_id)
    dialog = UserDialog(admin_ledger, me)
    qtbot.addWidget(dialog)
    assert not dialog.role.isEnabled()
    dialog.password.setText("changed123")
    dialog.password_again.setText("changed123")
    dialog.old_password.setText("wrong-old1")
    assert dialog.save() is False
    assert dialog.messages["old_password"].text() == "原密码不正确"


def test_staff_cannot_manage_users(qtbot, demo_ledger):
    staff = demo_ledger.users.by_username("zhangmin")
    demo_ledger.access = Access(role=STAFF, user_id=staff.id, username=staff.username,
                                display_name=staff.display_name)
    page = UsersPage(demo_ledger)
    qtbot.addWidget(page)
    assert page.read_only and page.edit_user() is False
