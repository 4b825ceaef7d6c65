"""``--smoke-test OUTDIR``: prove a build (source tree or PyInstaller bundle) works end to end.

Runs without a display (Qt offscreen unless a platform is set): builds a small
demo database in ``OUTDIR``, signs in as its director, opens the main window
and every area page, exports the residents roster (.xlsx) and the monthly
report (.pdf), checks the bundled data files (translations, icons, user guide)
and the Chinese translation, then closes everything.  Prints one line per step
and returns 0 when every step passed, 1 otherwise (the first failure is named).
GUI thread only; it is the only code that runs, so it may create the QApplication.
"""
from __future__ import annotations

import os
import pathlib
import sys
import time
from typing import Any, Callable

SMOKE_HOUSEHOLDS = 60


def _step(name: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = fn()
    print(f"smoke: {name} ok ({time.perf_counter() - started:.1f}s)", flush=True)
    return result


def _nonempty(path: pathlib.Path) -> pathlib.Path:
    if not path.is_file() or path.stat().st_size == 0:
        raise RuntimeError(f"{path} was not written")
    return path


def _check_data_files() -> None:
    from ui import app as app_module
    from ui.help.guide import guide_path

    for path in (app_module.TRANSLATIONS / "ledger_zh_CN.qm", app_module.TRANSLATIONS / "ledger_en.qm",
                 app_module.ICONS / "app.svg", guide_path()):
        _nonempty(path)


def run_smoke(outdir: str | os.PathLike[str]) -> int:
    """Run the smoke test into ``outdir`` (created); returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = pathlib.Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    try:
        return _run(out)
    except Exception as exc:  # every failure must give exit code 1 with its reason
        import traceback

        traceback.print_exc()
        print(f"smoke: FAILED: {exc}", file=sys.stderr, flush=True)
        return 1


def _run(out: pathlib.Path) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from neighbourhood.demo import DEMO_PASSWORD, build_demo
    from neighbourhood.ledger import Ledger
    from ui import app as app_module
    from ui.common import APPLICATION, ORGANIZATION

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    # Window geometry etc. go beside the results, never into the user's (or CI machine's) settings.
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(out / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = _step("translations", lambda: app_module.install_translators(app, "zh_CN"))
    try:
        if QCoreApplication.translate("MainWindow", "Registry") != "居民户籍":
            raise RuntimeError("the Chinese translation did not load")
        if len(translators) < 2:
            raise RuntimeError("Qt's own Chinese translation (qtbase_zh_CN) is missing")
        _step("data files", _check_data_files)
        db = out / "smoke.db"
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{db}{suffix}").unlink(missing_ok=True)
        _step("demo database", lambda: build_demo(db, households=SMOKE_HOUSEHOLDS, seed=3))
        ledger = _step("sign in", lambda: Ledger.unlock(db, username="admin", password=DEMO_PASSWORD))
        try:
            _step("main window", lambda: _exercise_window(ledger, app))
            _step("roster export", lambda: _export_roster(ledger, out / "居民花名册.xlsx"))
            _step("monthly report", lambda: _report(ledger, out / "月报.pdf"))
            _step("audit chain", lambda: _verify(ledger))
        finally:
            ledger.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    print(f"smoke: all steps passed; files in {out}", flush=True)
    return 0


def _exercise_window(ledger: Any, app: Any) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ledger)
    window.show()
    app.processEvents()
    for name in window.area_rows:
        window.show_area(name)
        app.processEvents()
    if window.registry.table_model.rowCount() == 0:
        raise RuntimeError("the registry table shows no residents")
    window.close()
    window.deleteLater()
    app.processEvents()


def _export_roster(ledger: Any, path: pathlib.Path) -> None:
    from neighbourhood.excel.export import export_roster

    result = export_roster(ledger, "residents", out=path)
    if result.rows <= 0:
        raise RuntimeError("the roster has no rows")
    _nonempty(path)


def _report(ledger: Any, path: pathlib.Path) -> None:
    import datetime as _dt

    from neighbourhood.pdf.report import render_monthly_report

    month = _dt.date.today().strftime("%Y-%m")
    _nonempty(pathlib.Path(render_monthly_report(ledger, path, month=month)))
    if not path.read_bytes().startswith(b"%PDF"):
        raise RuntimeError(f"{path} is not a PDF")


def _verify(ledger: Any) -> None:
    problems = ledger.verify_audit()
    if problems:
        raise RuntimeError(f"audit chain: {problems[0]}")
