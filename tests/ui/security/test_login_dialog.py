"""Sign-in: first run creates the administrator; wrong passwords show the core's message,
the tries left and the lockout; encrypted files offer the recovery key."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.security.login_dialog import FirstRunDialog, LoginDialog, sign_in_flow


def test_first_run_flow_creates_the_admin_and_signs_in(qtbot, tmp_path, modal_answer):
    path = tmp_path / "new.db"

    def fill(dialog):
        assert isinstance(dialog, FirstRunDialog)
        dialog.username.setText("director")
        dialog.display_name.setText("李主任")
        dialog.password.setText("secret123")
        dialog.password_again.setText("secret123")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    seen = modal_answer(fill)
    ledger = sign_in_flow(path)
    try:
        assert len(seen) == 1
        assert ledger is not None
        assert ledger.access.username == "director"
        assert ledger.access.role == "admin"
        assert ledger.access.display_name == "李主任"
        assert [u.username for u in ledger.users.list()] == ["director"]
    finally:
        if ledger is not None:
            ledger.close()


def test_first_run_checks_before_creating(qtbot, ledger):
    dialog = FirstRunDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("李主任")
    dialog.password.setText("secret123")
    dialog.password_again.setText("secret124")
    assert dialog.create() is False
    assert "not the same" in dialog.messages["password_again"].text()
    # Strength is the core's rule and message (shown as is).
    dialog.password.setText("12345678")
    dialog.password_again.setText("12345678")
    assert dialog.create() is False
    assert dialog.messages["password"].text() == "密码需同时包含字母和数字"
    assert ledger.users.first_run
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_cancelled_first_run_gives_none(qtbot, tmp_path, modal_answer):
    modal_answer(lambda dialog: dialog.reject())
    assert sign_in_flow(tmp_path / "new.db") is None


def test_existing_database_goes_to_the_login_dialog(qtbot, demo_path, modal_answer, demo_password):
    def fill(dialog):
        assert isinstance(dialog, LoginDialog)
        assert not dialog.recovery_link.isVisibleTo(dialog)  # plaintext: no recovery key
        dialog.username.setText("zhangmin")
        dialog.password.setText(demo_password)
        dialog.try_sign_in()

    modal_answer(fill)
    ledger = sign_in_flow(demo_path)
    assert ledger is not None
    try:
        assert ledger.access.username == "zhangmin" and ledger.access.role == "staff"
    finally:
        ledger.close()


def test_wrong_password_shows_message_and_tries_left(qtbot, demo_path, demo_password):
    dialog = LoginDialog(demo_path)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("wrong-one1")
    assert dialog.try_sign_in() is False
    assert dialog.ledger is None
    assert dialog.message.isVisibleTo(dialog)
    assert dialog.message.text() == "用户名或密码不正确（还可尝试 4 次）。"
    dialog.password.setText(demo_password)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    try:
        assert dialog.ledger.access.username == "admin"
    finally:
        dialog.ledger.close()


def test_empty_user_name_is_asked_for(qtbot, demo_path):
    dialog = LoginDialog(demo_path)
    qtbot.addWidget(dialog)
    assert dialog.try_sign_in() is False
    assert "user name" in dialog.message.text()


def test_lockout_after_five_failures(qtbot, demo_path, demo_password):
    dialog = LoginDialog(demo_path)
    qtbot.addWidget(dialog)
    dialog.username.setText("grid1")
    for attempt in range(1, 5):
        dialog.password.setText(f"wrong-{attempt}x")
        assert dialog.try_sign_in() is False
        assert f"还可尝试 {5 - attempt} 次" in dialog.message.text()
    dialog.password.setText("wrong-5x")
    assert dialog.try_sign_in() is False
    assert "锁定" in dialog.message.text()
    # Locked: even the right password is refused now, with the lockout message.
    dialog.password.setText(demo_password)
    assert dialog.try_sign_in() is False
    assert "锁定" in dialog.message.text() and "分钟后再试" in dialog.message.text()
    assert dialog.ledger is None
