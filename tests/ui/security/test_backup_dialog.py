"""Backups: "Back up now" writes a file, a confirmed restore hands the path over and
round-trips the data, and encrypting shows the recovery key once (which then opens the file)."""
from __future__ import annotations

import pathlib

from PySide6.QtCore import Qt

from neighbourhood.keyring import is_encrypted
from neighbourhood.ledger import Ledger
from ui.security.backup_dialog import BackupDialog, RecoveryKeyDialog, restore_backup, stamp_text
from ui.security.login_dialog import LoginDialog


def _signed_in_admin(ledger, password: str = "director1") -> None:
    ledger.users.create_admin(username="director", display_name="李主任", password=password)
    ledger.users.sign_in("director", password)


def test_back_up_now_creates_a_file(qtbot, ledger):
    dialog = BackupDialog(ledger)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    path = dialog.backups()[0]
    assert path.is_file() and path.stat().st_size > 0
    assert path.parent == pathlib.Path(ledger.path).parent / "backups"
    assert dialog.table.item(0, 1).text() == "手动"
    assert dialog.table.item(0, 2).text()  # a size
    assert path.name in dialog.status.text()
    assert dialog.selected_backup() == path


def test_restore_round_trips_the_data(qtbot, ledger):
    ledger.community.set("community_name", "旧名字")
    dialog = BackupDialog(ledger)
    qtbot.addWidget(dialog)
    backup = dialog.back_up_now()
    ledger.community.set("community_name", "新名字")

    questions = []
    dialog._confirm = lambda title, text: questions.append(text) or False
    assert dialog.request_restore() is None  # answered No: nothing happens
    assert dialog.chosen_backup is None

    dialog._confirm = lambda title, text: questions.append(text) or True
    with qtbot.waitSignal(dialog.restore_requested) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(backup)]
    assert dialog.chosen_backup == backup and dialog.result() == dialog.DialogCode.Accepted
    assert "backed up first" in questions[-1]

    db_path = pathlib.Path(ledger.path)
    safety = restore_backup(ledger, blocker.args[0])  # closes the ledger first
    with Ledger.open(db_path) as reopened:
        assert reopened.community.name == "旧名字"
    assert safety is not None
    with Ledger.open(safety) as before:
        assert before.community.name == "新名字"


def test_restore_is_for_admins(qtbot, demo_ledger, demo_password):
    demo_ledger.users.sign_in("zhangmin", demo_password)
    dialog = BackupDialog(demo_ledger)
    qtbot.addWidget(dialog)
    dialog.back_up_now()
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.encrypt_button.isVisibleTo(dialog)
    assert dialog.request_restore() is None


def test_encrypt_shows_recovery_key_once_and_it_opens_the_file(qtbot, ledger, tmp_path):
    _signed_in_admin(ledger)
    ledger.community.set("community_name", "阳光社区")
    dialog = BackupDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.back_up_now()  # a plaintext backup: encryption must remove it
    assert dialog.encrypt_button.isVisibleTo(dialog)
    dialog._confirm = lambda title, text: True

    dialog._ask_password = lambda: "wrong-pass1"
    assert dialog.encrypt_database() is None
    assert not ledger.encrypted and dialog.ledger is ledger
    assert dialog.status.text().endswith("密码不正确")

    shown: list[str] = []
    dialog._show_recovery_key = shown.append
    dialog._ask_password = lambda: "director1"
    with qtbot.waitSignal(dialog.ledger_replaced) as blocker:
        new_ledger = dialog.encrypt_database()
    try:
        assert blocker.args == [new_ledger] and new_ledger.encrypted
        assert len(shown) == 1 and len(shown[0]) == 35
        assert is_encrypted(pathlib.Path(new_ledger.path))
        assert dialog.table.rowCount() == 0  # the plaintext backup is gone
        assert not dialog.encrypt_button.isVisibleTo(dialog)
        path = pathlib.Path(new_ledger.path)
    finally:
        new_ledger.close()

    # The login dialog of the encrypted file offers the recovery key; the user still signs in.
    login = LoginDialog(path)
    qtbot.addWidget(login)
    assert login.recovery_link.isVisibleTo(login)
    login.recovery_link.linkActivated.emit("#recovery")
    assert login.recovery_mode and not login.recovery_link.isVisibleTo(login)
    login.username.setText("director")
    login.password.setText("director1")
    login.recovery_key.setText("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    assert login.try_sign_in() is False
    assert login.message.text() == "恢复密钥不正确。"
    login.recovery_key.setText(shown[0].lower())
    assert login.try_sign_in() is True
    try:
        assert login.ledger.community.name == "阳光社区"
        assert login.ledger.access.username == "director"
    finally:
        login.ledger.close()


def test_recovery_key_dialog_needs_the_tick_and_prints(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = RecoveryKeyDialog("ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345", "阳光社区")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key_label.text() == "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # not closed before the key was kept
    dialog.kept.setChecked(True)
    assert dialog.close_button.isEnabled()

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "key.pdf"
    printer.setOutputFileName(str(pdf))
    dialog.print_to(printer)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "ABCDE-FGHIJ" in dialog.document().toPlainText()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_stamp_text():
    assert stamp_text("20260501-083000") == "2026-05-01 08:30:00"
    assert stamp_text("20260501-083000-2") == "2026-05-01 08:30:00"
