"""Help → Keyboard shortcuts: every shortcut of the main window's menus, read from the
actions themselves (so the page cannot drift from the keys), plus the keys that work
inside dialogs and forms.  GUI thread only."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMenu, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

# Keys handled by the dialogs and forms themselves (not menu actions).
DIALOG_KEYS = [
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "In a dialog: save (the default button)")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "In a dialog: cancel and close without saving")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous field")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Fast visit entry: save and move to the next household")),
    ("↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "Search box: move into the results")),
]


def menu_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action text without '&', shortcut text) for every menu action with a shortcut."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
            elif not action.shortcut().isEmpty():
                rows.append((title, _plain(action), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top))
    return rows


def _plain(action: QAction) -> str:
    """'导入花名册（Excel）…(&I)' → '导入花名册（Excel）'; '&Undo: 新增居民' → 'Undo'."""
    text = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")
    return re.split(r"[:：]", text)[0].strip().rstrip("…").strip()


class ShortcutsDialog(QDialog):
    """A table of shortcuts: menu actions of ``window`` first, then the dialog keys."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_shortcuts(window)
        rows += [(self.tr("Dialogs and forms"), QCoreApplication.translate("ShortcutsDialog", text), keys)
                 for keys, text in DIALOG_KEYS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Keys")])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.resize(640, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
