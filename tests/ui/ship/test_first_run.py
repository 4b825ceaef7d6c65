"""First run: the wizard makes a working, signed-in ledger; the empty app shows the next step."""
from __future__ import annotations

import argparse

import pytest
from PySide6.QtWidgets import QWizard

from ui.first_run.wizard import FirstRunWizard
from ui.this_pc import DATABASE_KEY, DEVICE_KEY, device_role, remembered_database

PASSWORD = "jiedao2026"


def _fill(wizard: FirstRunWizard, *, community="阳光社区", office="新华街道", password=PASSWORD) -> None:
    wizard.community_page.community.setText(community)
    wizard.community_page.street_office.setText(office)
    wizard.admin_page.display_name.setText("王书记")
    wizard.admin_page.password.setText(password)
    wizard.admin_page.password_again.setText(password)


def test_wizard_creates_a_working_database_with_the_administrator(qtbot, tmp_path):
    from neighbourhood.ledger import Ledger

    path = tmp_path / "data" / "ledger.db"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.place_page.field.setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.place_page
    assert not path.exists()  # nothing is written before Finish
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    ledger = wizard.ledger
    try:
        assert ledger.access.username == "admin" and ledger.access.role_name == "管理员"
        assert ledger.community.name == "阳光社区"
        assert ledger.community.street_office == "新华街道"
        assert [u.username for u in ledger.users.list()] == ["admin"]
        assert ledger.verify_audit() == []
    finally:
        ledger.close()
    assert remembered_database() == path and device_role() == "field"
    # The account really opens the file next time, and a wrong password does not.
    with Ledger.unlock(path, username="admin", password=PASSWORD) as again:
        assert again.access.display_name == "王书记"
    from neighbourhood.errors import LedgerError

    with pytest.raises(LedgerError):
        Ledger.unlock(path, username="admin", password="wrong1234")


def test_each_page_stops_on_a_missing_or_weak_value(qtbot, tmp_path):
    path = tmp_path / "ledger.db"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.community_page
    assert wizard.community_page.message.isVisibleTo(wizard)
    _fill(wizard, password="short1")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert "8" in wizard.admin_page.message.text()
    wizard.admin_page.password.setText(PASSWORD)
    wizard.admin_page.password_again.setText(PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    wizard.admin_page.password_again.setText(PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.place_page
    path.write_bytes(b"")  # an existing file is never overwritten
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.ledger is None and wizard.result() != QWizard.DialogCode.Accepted
    assert str(path) in wizard.place_page.message.text()
    assert path.read_bytes() == b""


def test_start_without_a_database_opens_the_wizard(qapp, tmp_path, monkeypatch):
    from ui import app as app_module

    monkeypatch.setattr("neighbourhood.paths.default_database", lambda: tmp_path / "none" / "ledger.db")
    shown: list[str] = []

    def cancel(wizard):
        shown.append(wizard.place_page.path.text())
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", cancel)
    args = argparse.Namespace(db=None, demo=False, lang=None, user=None, recovery_key=None, command=None)
    assert app_module.run(args) == 1
    assert shown == [str(tmp_path / "none" / "ledger.db")]
    assert not (tmp_path / "none" / "ledger.db").exists()


def test_the_remembered_database_is_opened_next_time(qapp, tmp_path, monkeypatch):
    """After the wizard chose a place, later starts sign in there (login dialog, no wizard)."""
    from ui import app as app_module
    from ui.common import settings
    from ui.security import login_dialog

    chosen = tmp_path / "elsewhere.db"
    from neighbourhood.ledger import Ledger

    with Ledger.open(chosen) as ledger:
        ledger.users.create_admin(username="admin", display_name="王书记", password=PASSWORD)
    settings().setValue(DATABASE_KEY, str(chosen))
    settings().setValue(DEVICE_KEY, "office")
    monkeypatch.setattr("neighbourhood.paths.default_database", lambda: tmp_path / "default.db")
    opened: list[str] = []
    monkeypatch.setattr(login_dialog.LoginDialog, "exec", lambda dialog: opened.append(str(dialog.db_path)) or 0)
    monkeypatch.setattr(FirstRunWizard, "exec", lambda wizard: pytest.fail("wizard shown"))
    args = argparse.Namespace(db=None, demo=False, lang=None, user=None, recovery_key=None, command=None)
    assert app_module.run(args) == 1
    assert opened == [str(chosen)]


def test_empty_ledger_shows_get_started_and_grid_dialog_adds_grid_with_buildings(qtbot, ledger):
    from ui.first_run.get_started import GridDialog, split_names
    from ui.main_window import MainWindow

    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.show_area("home")
    panel = window.get_started
    assert panel.isVisibleTo(window)
    assert split_names("1栋, 2栋、3栋，4栋 5栋") == ["1栋", "2栋", "3栋", "4栋", "5栋"]
    dialog = GridDialog(ledger, parent=window)
    qtbot.addWidget(dialog)
    dialog.name.setText("第一网格")
    dialog.worker.setText("李娜")
    dialog.buildings.setText("1栋，2栋，3栋")
    assert dialog.save()
    grid = ledger.grids.list()[0]
    assert grid.name == "第一网格" and grid.worker_name == "李娜"
    assert [b.name for b in ledger.buildings.list(grid.id)] == ["1栋", "2栋", "3栋"]
    window.after_change()
    assert "1" in panel.text.text()
    # One undo step removes the grid and its buildings together.
    ledger.undo_last()
    assert ledger.grids.list() == [] and ledger.buildings.list() == []
    # A duplicate name is refused with the core's message, nothing written.
    again = GridDialog(ledger, parent=window)
    qtbot.addWidget(again)
    again.name.setText("")
    assert not again.save() and again.message.text()


def test_get_started_is_hidden_when_the_ledger_has_residents(qtbot, demo_ledger):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.show_area("home")
    assert not window.get_started.isVisibleTo(window)
