"""Opening a check-out file on a laptop from the app: the dialog (worker thread), the
field-laptop menu and the first-run wizard."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from neighbourhood.ledger import Ledger

PASS = "ui-passphrase"
KDF = 2 ** 10


@pytest.fixture
def checkout_file(demo_ledger, tmp_path):
    out = tmp_path / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="网格一笔记本", username="grid1", kdf_n=KDF)
    return out


def _run(qtbot, dialog) -> None:
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or (dialog.job is None and dialog.run_button.isEnabled()),
                    timeout=60000)


def _fill(dialog, file, dest, *, passphrase=PASS, user="grid1", password="demo1234") -> None:
    dialog.file.setText(str(file))
    dialog.dest.setText(str(dest))
    dialog.passphrase.setText(passphrase)
    dialog.username.setText(user)
    dialog.password.setText(password)


def test_dialog_opens_the_file_encrypted_for_the_worker(qtbot, checkout_file, tmp_path):
    from ui.this_pc import device_role, remembered_database
    from ui.sync.open_dialog import OpenCheckoutDialog

    dest = tmp_path / "field" / "laptop.db"
    dialog = OpenCheckoutDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, checkout_file, dest, passphrase="wrong passphrase")
    _run(qtbot, dialog)
    assert "口令不正确" in dialog.status.text() and dialog.result is None and not dest.exists()
    dialog.passphrase.setText(PASS)
    _run(qtbot, dialog)
    assert dialog.result == dest, dialog.status.text()
    assert str(dest) in dialog.status.text()
    assert remembered_database() == dest and device_role() == "field"
    with Ledger.unlock(dest, username="grid1", password="demo1234") as laptop:
        assert laptop.encrypted and laptop.sync.is_laptop
        assert laptop.conn.execute("SELECT count(*) FROM households").fetchone()[0] > 0


def test_dialog_refuses_an_existing_working_database(qtbot, checkout_file, tmp_path):
    from ui.sync.open_dialog import OpenCheckoutDialog

    dest = tmp_path / "taken.db"
    dest.write_bytes(b"keep me")
    dialog = OpenCheckoutDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, checkout_file, dest, user="", password="")
    _run(qtbot, dialog)
    assert dialog.result is None and "已存在" in dialog.status.text()
    assert dest.read_bytes() == b"keep me"


def test_menu_action_switches_to_the_opened_database(qtbot, demo_ledger, checkout_file, tmp_path, monkeypatch):
    from ui.main_window import MainWindow
    from ui.sync import open_dialog

    dest = tmp_path / "menu.db"

    def exec_(dialog):
        _fill(dialog, checkout_file, dest, user="", password="")
        _run(qtbot, dialog)
        return 1
    monkeypatch.setattr(open_dialog.OpenCheckoutDialog, "exec", exec_)
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.sync_open_action.trigger()
    assert window.next_database == dest and window.restart_requested
    with Ledger.open(dest) as laptop:
        assert laptop.sync.state["device_name"] == "网格一笔记本"


def test_wizard_offers_a_checkout_file_for_a_field_laptop(qtbot, checkout_file, tmp_path, monkeypatch):
    from ui.first_run.wizard import FirstRunWizard
    from ui.sync import open_dialog

    place = tmp_path / "data" / "ledger.db"
    seen = []

    def exec_(dialog):
        seen.append(dialog.dest.text())
        _fill(dialog, checkout_file, dialog.dest.text())
        _run(qtbot, dialog)
        return 1
    monkeypatch.setattr(open_dialog.OpenCheckoutDialog, "exec", exec_)
    wizard = FirstRunWizard(place)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # community name missing: stays on the first page, where the offer is
    assert wizard.community_page.open_checkout.isVisible()
    wizard.community_page.community.setText("阳光社区")
    wizard.admin_page.display_name.setText("王书记")
    wizard.admin_page.password.setText("jiedao2026")
    wizard.admin_page.password_again.setText("jiedao2026")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.place_page
    assert not wizard.place_page.open_checkout.isVisible()
    wizard.place_page.field.setChecked(True)
    assert wizard.place_page.open_checkout.isVisible()
    wizard.place_page.open_checkout.click()
    assert seen == [str(place)]                       # the working data goes where the wizard said
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.checkout_path == place and wizard.ledger is None
    with Ledger.unlock(place, username="grid1", password="demo1234") as laptop:
        assert laptop.sync.is_laptop
        assert laptop.users.list() and not laptop.conn.execute(
            "SELECT 1 FROM users WHERE username = 'admin'").fetchone()  # no community of its own


def test_return_dialog_counts_attachments_to_send(qtbot, checkout_file, tmp_path):
    from neighbourhood.sync.checkout import open_checkout
    from tests.core.test_attachments import noise_png
    from ui.sync.dialogs import ReturnDialog

    dest = tmp_path / "laptop.db"
    open_checkout(checkout_file, PASS, dest)
    with Ledger.open(dest) as laptop:
        household = laptop.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
        laptop.attachments.add("households", household, noise_png(seed=3), name="门牌.png")
        dialog = ReturnDialog(laptop, folder=str(tmp_path))
        qtbot.addWidget(dialog)
        assert "1 attachments added here go with it." in dialog.status.text()
