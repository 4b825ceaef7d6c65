"""Screenshots for the user guide: ``.venv/bin/python scripts/screenshots.py [OUTDIR] [--households N]``.

Builds (or reuses today's cached) demo database, opens the window in Chinese as the demo's
director and saves a PNG of each main page and of a few dialogs into ``docs/guide/images/``
(or OUTDIR).  Runs without a display (Qt offscreen, set here) or under ``xvfb-run``; the
window is 1280×800 so the pictures match a committee PC's screen.  Prints each file written.
"""
from __future__ import annotations

import os
import pathlib
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1280, 800)


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from neighbourhood.demo import DEMO_PASSWORD, cached_demo
    from neighbourhood.ledger import Ledger
    from ui import app as app_module
    from ui.common import APPLICATION, ORGANIZATION

    import argparse

    parser = argparse.ArgumentParser(description="Screenshots for docs/guide")
    parser.add_argument("outdir", nargs="?", type=pathlib.Path, default=ROOT / "docs" / "guide" / "images")
    parser.add_argument("--households", type=int, help="a smaller, freshly built demo (tests)")
    options = parser.parse_args(argv[1:])
    out = options.outdir
    out.mkdir(parents=True, exist_ok=True)
    work = tempfile.TemporaryDirectory(prefix="ledger-shots-")
    # The window's remembered layout must not leak into (or come from) the user's own settings.
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(pathlib.Path(work.name) / "settings"))
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = app_module.install_translators(app, "zh_CN")
    app_module.choose_font(app)

    def save(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        _shrink(path)
        print(f"screenshots: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    db = pathlib.Path(work.name) / "demo.db"
    if options.households:
        from neighbourhood.demo import build_demo

        build_demo(db, households=options.households)
    else:
        cached_demo(db, households=app_module.DEMO_HOUSEHOLDS)  # the demo users see with --demo
    ledger = Ledger.unlock(db, username="admin", password=DEMO_PASSWORD)
    try:
        _main_pages(ledger, app, save)
        _dialogs(ledger, app, save, pathlib.Path(work.name))
        _report_page(ledger, out, pathlib.Path(work.name))
    finally:
        ledger.close()
        for translator in translators:
            app.removeTranslator(translator)
        work.cleanup()
    return 0


def _shrink(path: pathlib.Path) -> None:
    """256 colours, no dithering: a third of the size, and flat UI colours and text stay crisp."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def _main_pages(ledger, app, save) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ledger)
    window.resize(*SIZE)
    window.show()
    # The status-bar totals are counted just after the window shows; wait for them.
    import time
    deadline = time.monotonic() + 5
    while "…" in window.counts_label.text() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for name in ("home", "visits", "hardship", "meetings", "reports"):
        window.show_area(name)
        save(window, name)
    # The registry with a building chosen in the tree and its residents listed.
    window.show_area("registry")
    building = ledger.buildings.list()[0]
    households = ledger.households.list(building.id)
    window.open_household(households[0]["id"])
    save(window, "household")
    window.show_area("registry")
    tree = window.registry.tree
    tree.setCurrentIndex(tree.model().index(0, 0))
    tree.expand(tree.model().index(0, 0))
    save(window, "registry")
    # Search: pinyin initials.
    window.search_bar.edit.setText("zw")
    window.search_bar.run_search()
    save(window, "search")
    window.search_bar.edit.clear()
    window.search_bar.run_search()

    from ui.help.shortcuts import ShortcutsDialog

    shortcuts = ShortcutsDialog(window)
    shortcuts.resize(640, 760)  # every row, no scroll bar
    shortcuts.show()
    save(shortcuts, "shortcuts")
    shortcuts.close()
    window.close()


def _dialogs(ledger, app, save, work: pathlib.Path) -> None:
    from ui.first_run.wizard import FirstRunWizard

    wizard = FirstRunWizard(work / "new" / "ledger.db")
    wizard.community_page.community.setText("阳光社区")
    wizard.community_page.street_office.setText("新华街道")
    wizard.show()
    save(wizard, "first_run")
    wizard.next()
    wizard.admin_page.display_name.setText("王书记")
    save(wizard, "first_run_admin")
    for edit in (wizard.admin_page.password, wizard.admin_page.password_again):
        edit.setText("demo1234")
    wizard.next()
    # What a committee's Windows PC shows (platformdirs' user data folder there), not this machine's temp path.
    wizard.place_page.path.setText(r"C:\Users\shequ\AppData\Local\NeighbourhoodLedger\ledger.db")
    save(wizard, "first_run_place")
    wizard.reject()
    _get_started(app, save, work)

    from ui.visits.entry_dialog import VisitEntryDialog

    household = ledger.households.list(ledger.buildings.list()[0].id)[0]["id"]
    entry = VisitEntryDialog(ledger, household_id=household, queue=[household])
    entry.show()
    save(entry, "visit_entry")
    entry.reject()


def _get_started(app, save, work: pathlib.Path) -> None:
    """The empty app right after the wizard: the "get started" panel on the home page."""
    from neighbourhood.ledger import Ledger
    from ui.main_window import MainWindow

    with Ledger.open(work / "empty.db") as ledger:
        ledger.users.create_admin(username="admin", display_name="王书记", password="demo1234")
        ledger.users.sign_in("admin", "demo1234")
        ledger.community.set("community_name", "阳光社区")
        window = MainWindow(ledger)
        window.resize(*SIZE)
        window.show()
        window.show_area("home")
        save(window, "get_started")
        window.close()


def _report_page(ledger, out: pathlib.Path, work: pathlib.Path) -> None:
    """The first page of this month's report PDF, as the guide shows what a report looks like."""
    import datetime as _dt

    import pypdfium2

    from neighbourhood.pdf.report import render_monthly_report

    pdf = render_monthly_report(ledger, work / "report.pdf", month=_dt.date.today().strftime("%Y-%m"))
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=1.4).to_pil()
        path = out / "report_pdf.png"
        image.save(path)
        _shrink(path)
        print(f"screenshots: {path}")
    finally:
        document.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
