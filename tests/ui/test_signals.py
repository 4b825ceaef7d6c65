"""Emitting signals from Python must not eat references to True (PySide6 6.12.0 bug)."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from ui.signals import emit


class _Sender(QObject):
    changed = Signal(int)


def test_emit_keeps_the_refcount_of_true(qapp):
    sender = _Sender()
    received: list[int] = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(1000):
        emit(sender.changed, i)
    assert len(received) == 1000
    # A broken emit would have lost 1000 references (and on 3.11 crashed the process).
    assert abs(sys.getrefcount(True) - before) < 10


def test_ui_code_never_calls_emit_directly():
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2] / "ui"
    mine = ["app.py", "main_window.py", "common.py", "registry", "residents"]
    offenders = []
    for entry in mine:
        for path in ([root / entry] if entry.endswith(".py") else (root / entry).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"\.emit\(", line):
                    offenders.append(f"{path.relative_to(root)}:{number}")
    assert offenders == []


def test_void_calls_keep_the_refcount_of_none(qapp):
    """PySide6 6.12.0 drops a reference to None on every call that returns nothing
    (QLabel.setText, setEnabled, QPainter.drawLine …) and the app aborts after a while
    ("deallocating None"); pyproject.toml keeps it out.  This catches a relapse."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 50
