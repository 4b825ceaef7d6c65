"""MainWindow: navigation, menus, undo, status bar and the registry page.

``MainWindow(ledger)`` takes an open ledger (it does not close it).  Every
write goes through a dialog or ``Ledger.undo_last``; afterwards the window
refreshes what the last operation touched and updates the Undo action.
GUI thread only.
"""
from __future__ import annotations

import pathlib
from typing import Any, Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (QScrollArea, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QHBoxLayout,
                               QStackedWidget, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from ui.common import registry_counts, scrolled, settings, show_error
from ui.registry.page import RegistryPage

LARGE_COMMUNITY = 100_000  # residents: above this the window opens on the registry
STATUS_DELAY_MS = 300      # status-bar totals: counted after the first paint (0.1 s of work at 500k)
ICONS = pathlib.Path(__file__).resolve().parents[1] / "resources" / "icons"


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"{name}.svg"))


class MainWindow(QMainWindow):
    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._counts: dict[str, int] = {}  # status-bar totals, counted just after start
        self.setWindowIcon(icon("app"))
        self.setWindowTitle(self.tr("Neighbourhood Ledger — %1").replace("%1", ledger.community.name))

        self.registry = RegistryPage(ledger)
        self.registry.residentActivated.connect(self.edit_resident)
        self.registry.contextChanged.connect(self._update_actions)
        self.registry.table_model.modelReset.connect(lambda: self._update_status(totals=False))
        self.registry.table_model.rowsInserted.connect(lambda *_: self._update_status(totals=False))

        from ui.search.search_bar import SearchBar

        self.search_bar = SearchBar(ledger)
        self.search_bar.householdChosen.connect(self.open_household)

        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(28, 28))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 14px; }"
                               "QListWidget#navigation::item { padding: 8px 6px; }")
        # Area pages are built the first time they are shown (or asked for): the
        # visit schedule of a street office's 200k households must not delay start-up.
        pages: list[tuple[str, str, Callable[[], QWidget] | QWidget]] = [
            ("home", self.tr("Home"), self._make_dashboard),
            ("registry", self.tr("Registry"), self.registry),
            ("visits", self.tr("Visits"), self._make_visits),
            ("hardship", self.tr("Hardship"), self._make_hardship),
            ("meetings", self.tr("Meetings"), self._make_meetings),
            ("reports", self.tr("Reports"), self._make_reports),
        ]
        self.area_rows = {name: row for row, (name, _label, _page) in enumerate(pages)}
        self._built: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QScrollArea] = {}
        for name, label, page in pages:
            item = QListWidgetItem(icon(name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
            if page is self.registry:
                self.pages.addWidget(page)
                continue
            # Busy pages scroll rather than forcing a wide window on a small laptop screen.
            holder = scrolled()
            self._holders[name] = holder
            self._factories[name] = page
            self.pages.addWidget(holder)
        self.nav.currentRowChanged.connect(self._show_row)
        # The dashboard is home for a committee; a street office (hundreds of thousands of
        # residents) starts on the registry, whose table paints at once.
        large = ledger.listing.at_least(LARGE_COMMUNITY + 1)  # no count of 500k rows before the window shows
        self.nav.setCurrentRow(self.area_rows["registry" if large else "home"])
        self.nav.setFixedWidth(max(120, self.nav.sizeHintForColumn(0) + 16))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 0)
        outer.addWidget(self.search_bar)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self.restart_requested = False  # set when a restore/encryption needs a fresh sign-in
        self._build_menus()
        # Pages write through their own dialogs: keep Undo current when coming back.
        self.nav.currentRowChanged.connect(lambda _row: self._update_actions())
        self._build_status()
        from ui.security.idle_lock import IdleLock

        self.idle_lock = IdleLock(ledger, self, window=self)
        self.idle_lock.protect(central)
        self.idle_lock.quit_requested.connect(self.close)
        self.idle_lock.start()
        self._restore_state()
        self._update_actions()
        # The totals count every resident (~0.1 s at street scale): just after the window shows.
        self._update_status(totals=False)
        QTimer.singleShot(STATUS_DELAY_MS, self, self._first_totals)

    # --- menus ----------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        export_menu = file_menu.addMenu(self.tr("&Export roster (Excel)"))
        from neighbourhood.excel.kinds import ROSTER_KINDS
        for key, kind in ROSTER_KINDS.items():
            export_menu.addAction(self._action(kind.title, lambda key=key: self.export_roster(key)))
        self.roster_builder_action = self._action(self.tr("&Roster builder (templates)…"), self.show_roster_builder)
        file_menu.addAction(self.roster_builder_action)
        self.import_action = self._action(self.tr("&Import roster (Excel)…"), self.import_roster, "Ctrl+I")
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("E&xit"), self.close, "Ctrl+Q")  # StandardKey.Quit is empty on Windows
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit_menu.addAction(self.undo_action)
        self.find_action = self._action(self.tr("&Find…"), self.search_bar.focus_search, QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.find_action)

        residents = bar.addMenu(self.tr("&Residents"))
        self.add_household_action = self._action(self.tr("New &household…"), self.add_household, "Ctrl+Shift+N")
        self.add_resident_action = self._action(self.tr("&New resident…"), self.add_resident, "Ctrl+N")
        self.edit_resident_action = self._action(self.tr("&Edit resident…"), self.edit_resident, "Ctrl+E")
        self.move_action = self._action(self.tr("&Move to another household…"), self.move_resident, "Ctrl+M")
        self.left_action = self._action(self.tr("Moved &away…"), lambda: self.end_resident("迁出"))
        self.death_action = self._action(self.tr("Record &death…"), lambda: self.end_resident("死亡"))
        self.split_action = self._action(self.tr("&Split household…"), self.split_household)
        for action in (self.add_household_action, self.add_resident_action, self.edit_resident_action):
            residents.addAction(action)
        residents.addSeparator()
        for action in (self.move_action, self.left_action, self.death_action, self.split_action):
            residents.addAction(action)

        admin = bar.addMenu(self.tr("&Admin"))
        admin.addAction(self._action(self.tr("&Users…"), self.show_users))
        admin.addAction(self._action(self.tr("Audit &trail…"), self.show_audit))
        admin.addAction(self._action(self.tr("&Backups…"), self.show_backups))
        admin.addAction(self._action(self.tr("Clean up unused &attachments…"), self.show_attachment_purge))
        admin.addSeparator()
        self.lock_action = self._action(self.tr("&Lock"), lambda: self.idle_lock.lock(), "Ctrl+L")
        admin.addAction(self.lock_action)

        from ui.sync.menu import add_sync_menu
        add_sync_menu(self)  # field laptops: check out, return, apply, conflicts

        view = bar.addMenu(self.tr("&View"))
        self.full_action = QAction(self.tr("Show &full ID numbers"), self)
        self.full_action.setCheckable(True)
        self.full_action.setEnabled(self.ledger.access.can_view_full)
        self.full_action.toggled.connect(self.set_show_full)
        view.addAction(self.full_action)
        self._build_shortcut_menus(bar, file_menu, view)

    def _build_shortcut_menus(self, bar: Any, file_menu: Any, view: Any) -> None:
        """Go-to-area keys, the frequent page actions, Settings and Help (issue 11: every frequent
        action has a key; Help → Keyboard shortcuts lists them from these actions)."""
        file_menu.insertAction(self.import_action, self._action(
            self.tr("Export &residents roster…"), lambda: self.export_roster("residents"), "Ctrl+Shift+E"))
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings, "Ctrl+,")
        self.settings_action.setIcon(icon("settings"))
        file_menu.insertAction(self.quit_action, self.settings_action)
        view.addSeparator()
        self.refresh_action = self._action(self.tr("&Refresh"), self.after_change, QKeySequence.StandardKey.Refresh)
        view.addAction(self.refresh_action)
        go = bar.addMenu(self.tr("&Go"))
        labels = {"home": self.tr("&Home"), "registry": self.tr("R&egistry"), "visits": self.tr("&Visits"),
                  "hardship": self.tr("H&ardship"), "meetings": self.tr("&Meetings"), "reports": self.tr("Re&ports")}
        for number, name in enumerate(self.area_rows, 1):
            action = self._action(labels[name], lambda name=name: self.show_area(name), f"Ctrl+{number}")
            action.setIcon(icon(name))
            go.addAction(action)
        go.addSeparator()
        self.record_visit_action = self._action(self.tr("Record a &visit…"), self.record_visit, "Ctrl+Shift+V")
        self.new_meeting_action = self._action(self.tr("New &meeting…"), self.new_meeting, "Ctrl+Shift+M")
        self.new_enrolment_action = self._action(self.tr("New hardship &enrolment…"), self.new_enrolment,
                                                 "Ctrl+Shift+H")
        go.addAction(self.record_visit_action)
        go.addAction(self.new_enrolment_action)
        go.addAction(self.new_meeting_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        guide = self._action(self.tr("&User guide"), self.show_guide, "F1")  # HelpContents is F1 only on some platforms
        guide.setIcon(icon("help"))
        help_menu.addAction(guide)
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/"))

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.community_label = QLabel(self.ledger.community.name)
        self.counts_label = QLabel()
        access = self.ledger.access
        self.user_label = QLabel(f"{access.display_name}（{access.role_name}）")
        bar.addWidget(self.community_label)
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.user_label)

    def _first_totals(self) -> None:
        if not getattr(self.ledger, "closed", False):  # closed already (a test, or a quick quit)
            self._update_status()

    def _update_status(self, *, totals: bool = True) -> None:
        """Counts in the status bar; ``totals=False`` only updates the number shown
        (a filter change must not re-count the whole community)."""
        if totals:
            self._counts = registry_counts(self.ledger)
        self.counts_label.setText(
            self.tr("%1 households · %2 residents · %3 shown")
            .replace("%1", f"{self._counts['households']:,}" if self._counts else "…")
            .replace("%2", f"{self._counts['residents']:,}" if self._counts else "…")
            .replace("%3", f"{self.registry.table_model.rowCount():,}"))

    def _update_actions(self) -> None:
        op = self.ledger.undoable
        writable = self.ledger.access.can_write
        self.undo_action.setEnabled(op is not None and writable)
        self.undo_action.setText(self.tr("&Undo: %1").replace("%1", op.label) if op else self.tr("&Undo"))
        resident = self.registry.selected_resident_id() is not None
        household = self.registry.current_household_id() is not None
        self.add_household_action.setEnabled(writable)
        self.add_resident_action.setEnabled(writable and household)
        self.edit_resident_action.setEnabled(resident)
        for action in (self.move_action, self.left_action, self.death_action):
            action.setEnabled(writable and resident)
        self.split_action.setEnabled(writable and household)

    # --- commands -------------------------------------------------------------------

    def after_change(self, tables: set[str] | None = None) -> None:
        """Refresh what the last operation touched, the status bar and Undo."""
        op = self.ledger.undoable
        self.registry.refresh(tables if tables is not None else (op.tables if op else None))
        if "home" in self._built:
            self._built["home"].refresh()
            self.get_started.refresh()
        self._update_status()
        self._update_actions()

    def undo(self) -> None:
        try:
            op = self.ledger.undo_last()
        except LedgerError as exc:
            show_error(self, exc, title=self.tr("Cannot undo"))
            return
        if op is not None:
            self.after_change(op.tables)
            self.statusBar().showMessage(op.label, 5000)

    def _run_dialog(self, dialog: Any) -> Any:
        """Show a writing dialog; refresh after it saved.  Returns what it saved (or None)."""
        if dialog.exec() and dialog.saved is not None:
            self.after_change()
            return dialog.saved
        return None

    def add_household(self) -> None:
        from ui.residents.household_dialog import HouseholdDialog

        saved = self._run_dialog(HouseholdDialog(self.ledger, building_id=self.registry.current_building_id(),
                                                 parent=self))
        if saved is not None:
            self.registry.show_household(saved.id)

    def add_resident(self) -> None:
        from ui.residents.resident_dialog import ResidentDialog

        household_id = self.registry.current_household_id()
        if not household_id:
            QMessageBox.information(self, self.tr("New resident"),
                                    self.tr("Select a household in the tree first."))
            return
        self._run_dialog(ResidentDialog(self.ledger, household_id=household_id, parent=self))

    def edit_resident(self, resident_id: str | None = None) -> None:
        from ui.residents.resident_dialog import ResidentDialog

        resident_id = resident_id or self.registry.selected_resident_id()
        if resident_id:
            self._run_dialog(ResidentDialog(self.ledger, resident_id=resident_id, parent=self))

    def move_resident(self) -> None:
        from ui.residents.move_dialog import MoveDialog

        resident_id = self.registry.selected_resident_id()
        if resident_id:
            self._run_dialog(MoveDialog(self.ledger, resident_id, parent=self))

    def end_resident(self, kind: str) -> None:
        from ui.residents.move_dialog import EndDialog

        resident_id = self.registry.selected_resident_id()
        if resident_id:
            self._run_dialog(EndDialog(self.ledger, resident_id, kind, parent=self))

    def split_household(self) -> None:
        from ui.residents.split_dialog import SplitDialog

        household_id = self.registry.current_household_id()
        if household_id:
            saved = self._run_dialog(SplitDialog(self.ledger, household_id, parent=self))
            if saved is not None:
                self.registry.show_household(saved.id)

    def _page_dialog(self, title: str, page: QWidget) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox

        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(900, 560)
        dialog.exec()

    def show_users(self) -> None:
        from ui.security.users_page import UsersPage

        page = UsersPage(self.ledger)
        page.changed.connect(lambda _tables: self.after_change())
        self._page_dialog(self.tr("Users"), page)

    def show_audit(self) -> None:
        from ui.security.audit_page import AuditPage

        self._page_dialog(self.tr("Audit trail"), AuditPage(self.ledger))

    def show_attachment_purge(self) -> None:
        from ui.attachments.purge_dialog import PurgeDialog

        dialog = PurgeDialog(self.ledger, self)
        dialog.purged.connect(lambda _freed: self.after_change(set()))
        dialog.exec()

    def show_backups(self) -> None:
        from ui.security.backup_dialog import BackupDialog, restore_backup

        dialog = BackupDialog(self.ledger, self)
        replaced: list[Any] = []
        dialog.ledger_replaced.connect(lambda ledger: replaced.append(ledger))
        dialog.exec()
        if dialog.chosen_backup:
            try:
                restore_backup(self.ledger, dialog.chosen_backup)
            except Exception as exc:  # the message is Chinese and tells what to do
                show_error(self, exc, title=self.tr("Restore finished"))
            else:
                QMessageBox.information(self, self.tr("Restore finished"),
                                        self.tr("The database was restored. Please sign in again."))
            self._restart()
        elif replaced:
            for ledger in replaced:
                if ledger is not None:
                    ledger.close()
            QMessageBox.information(self, self.tr("Backups…").rstrip("…"),
                                    self.tr("The database was encrypted. Please sign in again."))
            self._restart()

    def show_settings(self) -> None:
        from ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec() and dialog.changed:
            QMessageBox.information(self, self.tr("Settings"),
                                    self.tr("The new language is used the next time the program starts."))

    def show_guide(self) -> None:
        from ui.help.guide import GuideDialog

        if getattr(self, "guide", None) is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()

    def show_shortcuts(self) -> None:
        from ui.help.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def record_visit(self) -> None:
        self.show_area("visits")
        self.visits.record_visit()

    def new_enrolment(self) -> None:
        self.show_area("hardship")
        if self.hardship.new_enrolment() is not None:
            self.after_change()

    def new_meeting(self) -> None:
        self.show_area("meetings")
        self.meetings.new_meeting()

    def add_grid(self) -> None:
        from ui.first_run.get_started import GridDialog

        if self._run_dialog(GridDialog(self.ledger, parent=self)) is not None:
            self.registry.refresh(None)
            self.search_bar.reload_grids()

    def _restart(self) -> None:
        """Close this window; the app signs in again on the (restored/encrypted) file."""
        self.restart_requested = True
        self.close()

    # --- lazily built pages ------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        name = next((n for n, r in self.area_rows.items() if r == row), None)
        if name in self._factories:
            self.page(name)
        self.pages.setCurrentIndex(row)

    def page(self, name: str) -> QWidget:
        """The page of an area, built on first use."""
        if name == "registry":
            return self.registry
        if name not in self._built:
            widget = self._factories[name]()
            self._built[name] = widget
            self._holders[name].setWidget(widget)
        return self._built[name]

    @property
    def dashboard(self) -> QWidget:
        return self.page("home")

    @property
    def visits(self) -> QWidget:
        return self.page("visits")

    @property
    def hardship(self) -> QWidget:
        return self.page("hardship")

    @property
    def meetings(self) -> QWidget:
        return self.page("meetings")

    @property
    def reports(self) -> QWidget:
        return self.page("reports")

    def _make_dashboard(self) -> QWidget:
        from ui.dashboard.page import DashboardPage
        from ui.first_run.get_started import GetStartedPanel

        page = DashboardPage(self.ledger)
        page.navigate.connect(self.show_area)
        page.open_list.connect(self._open_dashboard_list)
        # An empty ledger (just made by the first-run wizard) says what to do next, above the tiles.
        self.get_started = GetStartedPanel(self.ledger, page)
        self.get_started.addGrid.connect(self.add_grid)
        self.get_started.importRoster.connect(self.import_roster)
        page.layout().insertWidget(0, self.get_started)
        return page

    def _open_dashboard_list(self, area: str, filters: dict) -> None:
        """A dashboard tile or bar: its area page, narrowed to the list behind it."""
        from ui.dashboard.drill import show_list

        self.show_area(area)
        show_list(area, self.page(area) if area in self._holders else None, filters)

    def _make_visits(self) -> QWidget:
        from ui.visits.page import VisitsPage

        page = VisitsPage(self.ledger)
        page.changed.connect(lambda op: self.after_change(op.tables if op is not None else None))
        from ui.table_columns import install_column_chooser

        install_column_chooser(page.schedule_view, "visits/scheduleHeader")
        return page

    def _make_hardship(self) -> QWidget:
        from ui.hardship.page import HardshipPage

        page = HardshipPage(self.ledger)
        detail = getattr(page, "detail", None)
        if detail is not None and hasattr(detail, "changed"):
            detail.changed.connect(lambda _id: self._update_actions())
        return page

    def _make_meetings(self) -> QWidget:
        from ui.meetings.page import MeetingsPage

        from ui.table_columns import install_column_chooser

        page = MeetingsPage(self.ledger)
        install_column_chooser(page.meeting_view, "meetings/listHeader")
        return page

    def _make_reports(self) -> QWidget:
        from ui.reports.page import ReportsPage

        return ReportsPage(self.ledger)

    def show_area(self, name: str) -> None:
        """Switch to an area page by name ('registry', 'visits', 'hardship', …)."""
        if name in self.area_rows:
            self.nav.setCurrentRow(self.area_rows[name])

    def open_household(self, household_id: str) -> None:
        """Show a household found by search on the registry page."""
        self.show_area("registry")
        self.registry.show_household(household_id)

    def export_roster(self, kind: str) -> None:
        from ui.excel.export_dialog import ExportDialog

        filters = {}
        if self.nav.currentRow() == self.area_rows["registry"]:
            if self.registry.current_building_id():
                filters["building_id"] = self.registry.current_building_id()
            elif getattr(self.registry, "current_grid_id", None) and self.registry.current_grid_id():
                filters["grid_id"] = self.registry.current_grid_id()
        ExportDialog(self.ledger, kind, filters, parent=self).exec()

    def show_roster_builder(self) -> None:
        from ui.roster_builder.dialog import RosterBuilderDialog
        RosterBuilderDialog(self.ledger, parent=self).exec()

    def import_roster(self) -> None:
        from ui.excel.import_wizard import ImportWizard

        wizard = ImportWizard(self.ledger, parent=self)
        wizard.exec()
        if getattr(wizard, "result", None):
            self.after_change()
            self.search_bar.reload_grids()

    def set_show_full(self, on: bool) -> None:
        try:
            self.ledger.listing.set_show_full(on)
        except LedgerError as exc:
            show_error(self, exc, title=self.tr("Not allowed"))
            self.full_action.blockSignals(True)
            self.full_action.setChecked(False)
            self.full_action.blockSignals(False)
            return
        self.registry.refresh_masking()
        self.search_bar.run_search()

    # --- state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = store.value("main/state")
        if state is not None:
            self.restoreState(state)
        value = store.value("main/registrySplitter")
        if value is not None:
            self.registry.splitter.restoreState(value)
        from ui.table_columns import install_column_chooser

        # Column widths, order and the columns shown (header context menu) are kept per PC.
        install_column_chooser(self.registry.table, "main/residentsHeader")

    def save_state(self) -> None:
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/state", self.saveState())
        store.setValue("main/registrySplitter", self.registry.splitter.saveState())
        store.setValue("main/residentsHeader", self.registry.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_lock.stop()
        self.registry.table_model.stop_filling()  # its id filler must not outlive the window's ledger
        self.save_state()
        super().closeEvent(event)
