"""Start-up: errors shown and exit code 1, no heavy imports, translator choice, CJK font."""
from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui import app as app_module

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _args(**kw) -> argparse.Namespace:
    base = dict(db=None, demo=False, lang=None, user=None, recovery_key=None, command=None)
    base.update(kw)
    return argparse.Namespace(**base)


def test_database_error_is_reported_and_exits_1(qapp, tmp_path, monkeypatch):
    from neighbourhood.ledger import Ledger

    path = tmp_path / "newer.db"
    with Ledger.open(path) as ledger:
        ledger.conn.execute("PRAGMA user_version = 999")  # written by a newer app
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app_module.run(_args(db=path)) == 1
    assert len(shown) == 1 and any("\u4e00" <= ch <= "\u9fff" for ch in shown[0])  # the core's Chinese message
    # run() removes the translators it installed, so nothing leaks into later code.
    assert QCoreApplication.translate("MainWindow", "Registry") == "Registry"


def test_encrypted_database_asks_to_sign_in_and_cancel_exits_1(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.security import login_dialog

    path = tmp_path / "secret.db"
    path.write_bytes(b"\x8f" * 4096)  # not a plaintext SQLite header: treated as encrypted
    asked: list[str] = []

    def cancel(dialog):
        asked.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", cancel)
    assert app_module.run(_args(db=path)) == 1
    assert asked == ["LoginDialog"]


def test_new_database_asks_for_the_administrator_first(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.security import login_dialog

    asked: list[str] = []

    def cancel(dialog):
        asked.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(login_dialog.FirstRunDialog, "exec", cancel)
    assert app_module.run(_args(db=tmp_path / "new.db")) == 1
    assert asked == ["FirstRunDialog"]


def test_english_installs_only_the_english_catalogue(qapp):
    english = app_module.install_translators(qapp, "en")
    assert len(english) == 1
    qapp.removeTranslator(english[0])
    installed = app_module.install_translators(qapp, None)
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "Registry") == "居民户籍"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_start_up_does_not_import_heavy_libraries():
    code = ("import sys; sys.path.insert(0, %r)\n"
            "import ui.app, ui.main_window, ui.registry.page, ui.residents.resident_dialog\n"
            "heavy = [m for m in ('openpyxl', 'reportlab', 'pypinyin') if m in sys.modules]\n"
            "print(','.join(heavy))") % str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == ""


def test_demo_builder_reports_progress(qtbot, tmp_path, monkeypatch):
    import neighbourhood.demo as demo

    def fake_cached_demo(path, *, households, progress=None):
        for done in range(households + 1):
            progress(done, households)
        pathlib.Path(path).write_text("x")
        return path

    monkeypatch.setattr(demo, "cached_demo", fake_cached_demo)
    builder = app_module.DemoBuilder(tmp_path / "demo.db", 500)
    seen: list[int] = []
    builder.progressed.connect(lambda done, total: seen.append(done))
    with qtbot.waitSignal(builder.finished, timeout=5000):
        builder.start()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == 500)
    assert 50 <= len(seen) <= 101  # throttled to whole percents
    builder.wait()
