"""Settings (language), Help (guide, shortcuts), remembered layout."""
from __future__ import annotations

import argparse
import pathlib
import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialogButtonBox

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_settings_dialog_persists_the_language(qtbot):
    from ui.settings.dialog import SettingsDialog, saved_language

    assert saved_language() == "zh_CN"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.changed
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert saved_language() == "zh_CN"  # Cancel keeps it
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert saved_language() == "en"
    assert SettingsDialog().language.currentData() == "en"


def test_settings_dialog_changes_the_pc_role(qtbot):
    from ui.this_pc import device_role
    from ui.settings.dialog import SettingsDialog

    assert device_role() == "office"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.device.setCurrentIndex(dialog.device.findData("field"))
    dialog.accept()
    assert device_role() == "field"
    assert SettingsDialog().device.currentData() == "field"


@pytest.mark.parametrize("saved, flag, expected", [("en", None, "en"), ("zh_CN", None, "zh_CN"), ("en", "zh_CN", "zh_CN")])
def test_start_applies_the_saved_language_unless_lang_is_given(qapp, tmp_path, monkeypatch, saved, flag, expected):
    from ui import app as app_module
    from ui.settings.dialog import save_language

    save_language(saved)
    used: list[str | None] = []
    monkeypatch.setattr(app_module, "install_translators", lambda app, lang: used.append(lang) or [])
    monkeypatch.setattr(app_module, "open_ledger", lambda args, path: None)  # stop right after
    args = argparse.Namespace(db=tmp_path / "x.db", demo=False, lang=flag, user=None, recovery_key=None,
                              command=None)
    assert app_module.run(args) == 1
    assert used == [expected]


# Frequent actions of the main window and the key each must have.
FREQUENT = {"find_action": "Ctrl+F", "undo_action": "Ctrl+Z", "add_resident_action": "Ctrl+N",
            "edit_resident_action": "Ctrl+E", "add_household_action": "Ctrl+Shift+N", "move_action": "Ctrl+M",
            "import_action": "Ctrl+I", "record_visit_action": "Ctrl+Shift+V", "new_meeting_action": "Ctrl+Shift+M",
            "new_enrolment_action": "Ctrl+Shift+H",
            "settings_action": "Ctrl+,", "lock_action": "Ctrl+L", "quit_action": "Ctrl+Q", "refresh_action": "F5"}


def test_frequent_actions_have_distinct_shortcuts_and_the_page_lists_them(qtbot, demo_ledger):
    from PySide6.QtGui import QKeySequence

    from ui.help.shortcuts import ShortcutsDialog, menu_shortcuts
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    for name, keys in FREQUENT.items():
        assert getattr(window, name).shortcut().toString() == keys, name
    listed = menu_shortcuts(window)
    keys = [k for _menu, _text, k in listed]
    assert len(keys) == len(set(keys)), "two menu actions share a shortcut (Qt would fire neither)"
    assert {"Ctrl+1", "Ctrl+6", "F1", "Ctrl+/"} <= set(keys)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert len(rows) == len(listed) + 5
    texts = {text: k for _menu, text, k in rows}
    assert texts["New resident"] == "Ctrl+N" and texts["Find"] == "Ctrl+F" and texts["Undo"] == "Ctrl+Z"
    assert any(k == "Esc" for _m, _t, k in rows) and any(k == "Enter" for _m, _t, k in rows)
    # Every action with a key in any menu is on the page.
    in_menus = {a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                for a in window.findChildren(type(window.find_action)) if not a.shortcut().isEmpty()}
    assert in_menus <= {k for _m, _t, k in rows}


def test_go_shortcuts_switch_pages(qtbot, demo_ledger):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    go.actions()[3].trigger()  # Ctrl+4
    assert window.nav.currentRow() == window.area_rows["hardship"]


def test_help_browser_shows_the_guide_with_its_images(qtbot):
    from ui.help.guide import GuideDialog, guide_path

    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert text.startswith("社区台账 用户指南")
    for topic in ("第一次使用", "居民户籍", "查找居民", "走访", "困难群众", "会议", "花名册", "月报", "备份", "外出笔记本"):
        assert topic in text, topic
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide_path().read_text(encoding="utf-8"))
    assert len(images) >= 8
    for image in images:
        assert (guide_path().parent / image).is_file(), image
        resource = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(image))
        assert resource is not None and not resource.isNull(), image


def test_guide_contents_links_reach_their_headings(qtbot):
    from ui.help.guide import GuideDialog, guide_path, heading_slug

    assert heading_slug("花名册：导入和导出 Excel") == "花名册导入和导出-excel"
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    links = re.findall(r"\]\(#([^)]+)\)", guide_path().read_text(encoding="utf-8"))
    assert len(links) >= 10
    for link in links:
        assert dialog.follow(QUrl(f"#{link}")), link
        assert heading_slug(dialog.browser.textCursor().block().text()) == link
    assert not dialog.follow(QUrl("#no-such-heading"))


def test_help_menu_opens_guide_and_shortcuts(qtbot, demo_ledger, monkeypatch):
    from ui.help.shortcuts import ShortcutsDialog
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.show_guide()
    assert window.guide.isVisible() and "用户指南" in window.guide.browser.toPlainText()
    window.guide.close()
    shown: list[int] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: shown.append(dialog.table.rowCount()) or 0)
    window.show_shortcuts()
    assert shown and shown[0] > 20


def test_window_and_residents_columns_are_remembered(qtbot, demo_ledger):
    from ui.main_window import MainWindow
    from ui.table_columns import column_menu

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.resize(720, 500)  # inside the offscreen screen (800×600): restoreGeometry clamps to it
    header = window.registry.table.horizontalHeader()
    menu = column_menu(window.registry.table, "main/residentsHeader")
    menu.actions()[2].setChecked(False)  # hide the third column
    header.resizeSection(1, 123)
    assert header.isSectionHidden(2)
    window.close()

    again = MainWindow(demo_ledger)
    qtbot.addWidget(again)
    header = again.registry.table.horizontalHeader()
    assert header.isSectionHidden(2) and not header.isSectionHidden(1)
    assert header.sectionSize(1) == 123
    assert (again.size().width(), again.size().height()) == (720, 500)
    # The last visible column cannot be hidden.
    for column in range(header.count()):
        if column != 0:
            header.setSectionHidden(column, True)
    menu = column_menu(again.registry.table, "main/residentsHeader")
    assert not menu.actions()[0].isEnabled()


def test_visit_schedule_columns_are_remembered(qtbot, demo_ledger):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.visits.schedule_view.horizontalHeader().setSectionHidden(1, True)
    window.visits.schedule_view.horizontalHeader().resizeSection(0, 111)
    again = MainWindow(demo_ledger)
    qtbot.addWidget(again)
    header = again.visits.schedule_view.horizontalHeader()
    assert header.isSectionHidden(1) and header.sectionSize(0) == 111
