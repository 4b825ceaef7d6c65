"""Fixtures of the security screens: demo accounts and signing in without extra Argon2 cost."""
from __future__ import annotations

import pytest

from neighbourhood.demo import DEMO_PASSWORD


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD


@pytest.fixture
def admin_ledger(demo_ledger):
    """The demo ledger signed in as its administrator (one real sign-in)."""
    demo_ledger.users.sign_in("admin", DEMO_PASSWORD)
    return demo_ledger


@pytest.fixture
def modal_answer(qtbot):
    """``modal_answer(fn)``: run ``fn(dialog)`` on the next modal dialog once it is shown.

    Used around calls that block in ``QDialog.exec()`` (``sign_in_flow``).
    Fails the test if no modal dialog appears within 5 s.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list = []

    def arm(fn, *, timeout_ms: int = 5000) -> list:
        waited = [0]

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                seen.append(dialog)
                fn(dialog)
                return
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)
        return seen

    return arm
