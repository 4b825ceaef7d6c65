"""The "Field laptops" menu of the main window (kept here so the window needs two lines).

Office: check out, apply a return file, review conflicts.  Laptop (a checked-out working
database): write the return file, refresh.  Both: open a check-out file as a new working
database.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


def add_sync_menu(window: QMainWindow) -> QMenu:
    ledger: Any = window.ledger  # type: ignore[attr-defined]
    menu = window.menuBar().addMenu(QCoreApplication.translate("SyncMenu", "Field &laptops"))
    staff = ledger.access.role in ("admin", "staff")

    def action(text: str, slot, enabled: bool = True) -> QAction:
        act = QAction(text, window)
        act.triggered.connect(lambda _checked=False: slot())
        act.setEnabled(enabled)
        menu.addAction(act)
        return act

    if ledger.sync.is_laptop:
        window.sync_return_action = action(QCoreApplication.translate("SyncMenu", "&Write return file…"),
                                           lambda: show_return(window))
        window.sync_refresh_action = action(QCoreApplication.translate("SyncMenu", "Re&fresh from a check-out file…"),
                                            lambda: show_refresh(window))
    else:
        window.sync_checkout_action = action(QCoreApplication.translate("SyncMenu", "&Check out to a laptop…"), lambda: show_checkout(window), staff)
        window.sync_apply_action = action(QCoreApplication.translate("SyncMenu", "&Apply return file…"), lambda: show_apply(window), staff)
        window.sync_review_action = action(QCoreApplication.translate("SyncMenu", "&Review conflicts…"), lambda: show_conflicts(window))
    menu.addSeparator()
    window.sync_open_action = action(QCoreApplication.translate("SyncMenu", "&Open check-out file…"),
                                     lambda: show_open(window))
    return menu


def show_open(window: Any) -> None:
    """Make a check-out file this laptop's working database, then sign in on it."""
    from ui.sync.open_dialog import OpenCheckoutDialog

    dialog = OpenCheckoutDialog(window)
    dialog.exec()
    if dialog.result is not None:
        window.next_database = dialog.result  # the app signs in on this file after the window closes
        window._restart()


def show_checkout(window: Any) -> None:
    from ui.sync.dialogs import CheckoutDialog

    CheckoutDialog(window.ledger, window).exec()


def show_return(window: Any) -> None:
    from ui.sync.dialogs import ReturnDialog

    ReturnDialog(window.ledger, window).exec()


def show_refresh(window: Any) -> None:
    from ui.sync.dialogs import RefreshDialog

    if RefreshDialog(window.ledger, window).exec():
        window._restart()  # the app signs in again on the refreshed working database


def show_apply(window: Any) -> None:
    from ui.sync.dialogs import ApplyDialog

    dialog = ApplyDialog(window.ledger, window)
    dialog.exec()
    result = dialog.result
    if result is not None and not result.already_applied:
        window.after_change(set(result.tables))
        if result.conflicts:
            show_conflicts(window)


def show_conflicts(window: Any) -> None:
    from ui.sync.conflict_page import ConflictReviewPage

    page = ConflictReviewPage(window.ledger)
    page.changed.connect(lambda tables: window.after_change(set(tables)))
    window._page_dialog(QCoreApplication.translate("SyncMenu", "Sync conflicts"), page)
