"""Column choices for a table view, remembered per PC.

``install_column_chooser(view, key)`` restores the header state saved under
``key`` in QSettings (widths, order, hidden columns), adds a header context
menu with a check box per column, and saves the state whenever a column is
resized, moved, shown or hidden.  At least one column always stays visible.
GUI thread only.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from ui.common import settings


def save_header(header: QHeaderView, key: str) -> None:
    settings().setValue(key, header.saveState())


def install_column_chooser(view: QTableView, key: str) -> None:
    header = view.horizontalHeader()
    state = settings().value(key)
    if state is not None:
        header.restoreState(state)
        view.setProperty("columnsRestored", True)  # ui.record_table: keep these widths
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: column_menu(view, key).exec(header.mapToGlobal(pos)))
    header.sectionResized.connect(lambda *_args: save_header(header, key))
    header.sectionMoved.connect(lambda *_args: save_header(header, key))


def column_menu(view: QTableView, key: str, _pos: QPoint | None = None) -> QMenu:
    """The header's context menu: one checkable action per column (title from the model)."""
    header = view.horizontalHeader()
    model = view.model()
    menu = QMenu(view)
    visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in range(header.count()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(not (len(visible) == 1 and column in visible))  # keep one column
        action.toggled.connect(lambda on, column=column: _set_shown(view, key, column, on))
    return menu


def _set_shown(view: QTableView, key: str, column: int, on: bool) -> None:
    view.horizontalHeader().setSectionHidden(column, not on)
    save_header(view.horizontalHeader(), key)
