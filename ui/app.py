"""Starting the window: ``run(args) -> int`` (exit code).

Creates the QApplication, installs the Chinese translation (unless
``--lang en``), picks a font with CJK glyphs, opens the ledger (a temporary
demo built on a worker thread with a progress dialog for ``--demo``) and
shows the main window.  Database and sign-in errors are shown in a message
box and give exit code 1.  Heavy libraries (openpyxl, reportlab, pypinyin)
are not imported here: start-up stays fast.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QThread, QTimer, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QProgressDialog

from ui.common import APPLICATION, ORGANIZATION
from ui.signals import emit

ROOT = pathlib.Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
ICONS = ROOT / "resources" / "icons"
CJK_FONTS = ("WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
             "PingFang SC", "SimHei")
DEMO_HOUSEHOLDS = 2000


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the app's (and Qt's own) translations for ``lang`` ('zh_CN' when None).

    English installs only ``ledger_en.qm`` (its texts are the source strings).
    Returns the translators (the caller keeps them alive while the app runs).
    """
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        english = QTranslator(app)
        if english.load(str(TRANSLATIONS / "ledger_en.qm")):
            app.installTranslator(english)
            return [english]
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / "ledger_zh_CN.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    # Qt's own strings (context menus of line edits, calendar popups) in Chinese too.
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def choose_font(app: QApplication) -> str | None:
    """Use the first installed CJK font; keep the default silently when none is found."""
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            return family
    return None


class DemoBuilder(QThread):
    """Builds the demo database on a worker thread; reports by signal, touches no widget."""

    progressed = Signal(int, int)
    failed = Signal(str)

    def __init__(self, path: pathlib.Path, households: int) -> None:
        super().__init__()
        self.path = path
        self.households = households

    def run(self) -> None:
        from neighbourhood.demo import cached_demo

        last = -1

        def progress(done: int, total: int) -> None:
            nonlocal last
            percent = done * 100 // max(total, 1)
            if percent != last:  # a hundred signals are plenty for a progress bar
                last = percent
                emit(self.progressed, done, total)

        try:
            # cached_demo builds with build_demo the first time each day, then copies.
            cached_demo(self.path, households=self.households, progress=progress)
        except Exception as exc:  # shown by the GUI thread
            emit(self.failed, str(exc))


def build_demo_with_progress(path: pathlib.Path, households: int = DEMO_HOUSEHOLDS) -> str | None:
    """Build the demo at ``path`` while a progress dialog runs; returns an error message or None."""
    dialog = QProgressDialog(QCoreApplication.translate("App", "Building the demo community…"), "", 0, households)
    dialog.setWindowTitle(QCoreApplication.translate("App", "Neighbourhood Ledger"))
    dialog.setCancelButton(None)  # the core build has no abort hook yet
    dialog.setMinimumDuration(300)
    errors: list[str] = []
    worker = DemoBuilder(path, households)
    worker.progressed.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
    worker.failed.connect(errors.append)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()
    dialog.close()
    return errors[0] if errors else None


def _credentials(args: argparse.Namespace, path: pathlib.Path) -> tuple[str | None, str | None] | None:
    """Username and password for an encrypted database or ``--user``; None if the user cancelled."""
    from neighbourhood.keyring import is_encrypted

    if getattr(args, "demo", False) and not args.user:
        # The demo signs in as its director, so every feature (full view too) can be tried.
        from neighbourhood.demo import DEMO_PASSWORD

        return "admin", DEMO_PASSWORD
    username = args.user
    if not username and not (is_encrypted(path) and not args.recovery_key):
        return None, None
    if not username:
        username, ok = QInputDialog.getText(None, QCoreApplication.translate("App", "Sign in"), QCoreApplication.translate("App", "This database is encrypted. User name:"))
        if not ok or not username.strip():
            return None
    password = os.environ.get("NL_PASSWORD")
    if password is None:
        password, ok = QInputDialog.getText(None, QCoreApplication.translate("App", "Sign in"), QCoreApplication.translate("App", "Password for %1:").replace("%1", username),
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return None
    return username.strip(), password


def open_ledger(args: argparse.Namespace, path: pathlib.Path) -> Any | None:
    """Open (and sign in to) the ledger at ``path``; shows errors; None on failure."""
    from db.errors import DatabaseError
    from neighbourhood.errors import LedgerError
    from neighbourhood.ledger import Ledger

    if not getattr(args, "demo", False) and not args.user and not args.recovery_key:
        # Everyday start: the login dialog (or, on a new database, the administrator wizard).
        from ui.security.login_dialog import sign_in_flow

        return sign_in_flow(path)
    try:
        credentials = _credentials(args, path)
        if credentials is None:
            return None
        username, password = credentials
        return Ledger.unlock(path, username=username, password=password, recovery_key=args.recovery_key)
    except (DatabaseError, LedgerError, OSError) as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"), str(exc))
        return None


def _backup(ledger: Any, path: pathlib.Path, kind: str) -> None:
    """Daily backup at start (once a day) and a backup on exit; a failure is reported, not fatal."""
    from neighbourhood import backups

    if getattr(ledger, "closed", False):
        return
    if kind == "daily" and not backups.daily_due(path):
        return
    try:
        backups.backup(ledger.conn, path, kind=kind)
    except Exception as exc:  # a full disk must not stop the app from closing
        QMessageBox.warning(None, QCoreApplication.translate("App", "Backup failed"), str(exc))


def _quit_on_terminate(app: QApplication) -> None:
    """Ctrl+C / SIGTERM close the window normally, so the ledger is checkpointed and a
    demo's temporary folder is deleted."""
    import signal

    def stop(_signum: int, _frame: Any) -> None:
        app.quit()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    # Python runs signal handlers only when it gets control; a timer gives it some.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(300)


def run(args: argparse.Namespace) -> int:
    """Run the window until it closes; returns the exit code."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(ICONS / "app.svg")))
    from ui.settings.dialog import saved_language

    translators = install_translators(app, getattr(args, "lang", None) or saved_language())
    choose_font(app)

    demo_dir: tempfile.TemporaryDirectory | None = None
    try:
        if args.demo:
            demo_dir = tempfile.TemporaryDirectory(prefix="ledger-demo-")
            path = pathlib.Path(demo_dir.name) / "demo.db"
            error = build_demo_with_progress(path)
            if error:
                QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot build the demo"), error)
                return 1
        else:
            from neighbourhood.paths import default_database
            from ui.this_pc import remembered_database

            path = args.db or remembered_database() or default_database()
        if args.db is None and not args.demo and not path.exists():
            # No database yet on this PC: the first-run wizard creates one (it may choose another place).
            from ui.first_run.wizard import FirstRunWizard

            wizard = FirstRunWizard(path)
            ledger = wizard.ledger if wizard.exec() else None
            path = wizard.place_page.chosen_path()
            if wizard.checkout_path is not None:  # a field laptop opened a check-out file instead
                from ui.security.login_dialog import sign_in_flow

                path = wizard.checkout_path
                ledger = sign_in_flow(path)
        else:
            ledger = open_ledger(args, path)
        if ledger is None:
            return 1
        _quit_on_terminate(app)
        while True:
            try:
                from ui.main_window import MainWindow

                _backup(ledger, path, "daily")
                window = MainWindow(ledger)
                window.show()
                code = app.exec()
                if not window.restart_requested:
                    _backup(ledger, path, "exit")
                    return code
            finally:
                ledger.close()
            # A restore or encryption replaced the file, or a check-out file was opened as a
            # new working database: sign in again on it.
            from ui.security.login_dialog import sign_in_flow

            path = pathlib.Path(getattr(window, "next_database", None) or path)

            ledger = sign_in_flow(path)
            if ledger is None:
                return 0
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        if demo_dir is not None:
            demo_dir.cleanup()
