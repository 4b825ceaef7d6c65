"""Every English string of ui/security has a Chinese translation in zh_CN_strings, and
the translations load into Qt under the right contexts."""
from __future__ import annotations

import ast
import pathlib
import re
import shutil
import subprocess

import pytest

from ui.security.zh_CN_strings import STRINGS, ts_messages

SECURITY = pathlib.Path(__file__).resolve().parents[3] / "ui" / "security"


def _sources(path: pathlib.Path) -> set[tuple[str, str]]:
    """(context, source) of self.tr(), QCoreApplication.translate() and QT_TRANSLATE_NOOP() calls."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name == "tr" and args and isinstance(args[0], ast.Constant):
                    assert cls, f"tr() outside a class in {path.name}"
                    found.add((cls, args[0].value))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 \
                        and all(isinstance(a, ast.Constant) for a in args[:2]):
                    found.add((args[0].value, args[1].value))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_every_string_has_a_translation():
    used = set().union(*(_sources(p) for p in SECURITY.glob("*.py")))
    assert len(used) > 80
    missing = sorted(pair for pair in used if pair[1] not in STRINGS.get(pair[0], {}))
    assert missing == []
    unused = sorted((ctx, src) for ctx, msgs in STRINGS.items() for src in msgs if (ctx, src) not in used)
    assert unused == []
    for messages in STRINGS.values():
        for source, translation in messages.items():
            assert re.search(r"[\u4e00-\u9fff]", translation), source
            assert source.count("%1") == translation.count("%1") > 0 or "%1" not in source, source
            assert ("%2" in source) == ("%2" in translation), source


def test_sources_are_english():
    for path in SECURITY.glob("*.py"):
        if path.name == "zh_CN_strings.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(r"tr(anslate)?\([^)]*[\u4e00-\u9fff]", line), f"{path.name}:{number}"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None and not
                    (pathlib.Path(__file__).resolve().parents[3] / ".venv" / "bin" / "pyside6-lrelease").exists(),
                    reason="pyside6-lrelease not installed")
def test_translations_load_into_qt(qtbot, qapp, tmp_path, ledger):
    from PySide6.QtCore import Qt, QTranslator

    from ui.security.audit_page import AuditPage
    from ui.security.idle_lock import UnlockDialog

    lrelease = shutil.which("pyside6-lrelease") or str(
        pathlib.Path(__file__).resolve().parents[3] / ".venv" / "bin" / "pyside6-lrelease")
    ts = tmp_path / "security_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
                  + ts_messages() + "</TS>\n", encoding="utf-8")
    subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "security.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "security.qm"))
    qapp.installTranslator(translator)
    try:
        page = AuditPage(ledger)
        qtbot.addWidget(page)
        page.verify()
        assert page.result.text() == "审计链完整"
        assert page.model.headerData(3, Qt.Orientation.Horizontal) == "操作"
        dialog = UnlockDialog(ledger)
        qtbot.addWidget(dialog)
        assert dialog.unlock_button.text() == "解锁"
    finally:
        qapp.removeTranslator(translator)
