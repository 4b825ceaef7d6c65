"""The idle lock engages after the timeout, input postpones it, and only the same
user's password lifts it while the protected content stays hidden."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from ui.security.idle_lock import IdleLock, UnlockDialog, idle_minutes


def test_timeout_comes_from_the_community_setting(ledger):
    assert idle_minutes(ledger) == 10
    assert IdleLock(ledger).timeout_ms == 10 * 60_000
    ledger.community.set("idle_lock_minutes", "3")
    assert IdleLock(ledger).timeout_ms == 3 * 60_000
    ledger.community.set("idle_lock_minutes", "soon")
    assert idle_minutes(ledger) == 10
    ledger.community.set("idle_lock_minutes", "0")
    lock = IdleLock(ledger)
    lock.start()
    try:
        assert not lock.timer.isActive()  # 0 = never lock
    finally:
        lock.stop()


def test_lock_fires_after_idle_time(qtbot, admin_ledger):
    lock = IdleLock(admin_ledger, timeout_ms=50)
    lock.start()
    try:
        started = time.monotonic()
        with qtbot.waitSignal(lock.locked, timeout=2000):
            pass
        assert time.monotonic() - started >= 0.04
        assert lock.is_locked
    finally:
        lock.stop()


def test_input_postpones_the_lock(qtbot, admin_ledger):
    widget = QLabel("x")
    qtbot.addWidget(widget)
    widget.show()
    lock = IdleLock(admin_ledger, timeout_ms=400)
    lock.start()
    try:
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:  # 1 s of typing, a key every 100 ms
            qtbot.keyClick(widget, Qt.Key.Key_A)
            qtbot.wait(100)
        assert not lock.is_locked
        with qtbot.waitSignal(lock.locked, timeout=2000):
            pass
    finally:
        lock.stop()


def test_unlock_needs_the_same_users_password(qtbot, admin_ledger, demo_password):
    window = QMainWindow()
    secret = QLabel("身份证号")
    window.setCentralWidget(secret)
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(admin_ledger, window=window, timeout_ms=50)
    lock.protect(secret)
    lock.start()
    try:
        with qtbot.waitSignals([lock.locked, lock.lock_changed], timeout=2000):
            pass
        assert secret.isHidden()
        dialog = lock.dialog
        assert isinstance(dialog, UnlockDialog)
        assert dialog.isVisible() and dialog.isModal()
        assert dialog.username == "admin"

        dialog.password.setText("not-it-42")
        assert dialog.try_unlock() is False
        assert "还可尝试 4 次" in dialog.message.text()
        assert lock.is_locked and secret.isHidden()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # Escape does not dismiss the lock

        dialog.password.setText(demo_password)
        with qtbot.waitSignal(lock.unlocked, timeout=2000):
            qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        assert not lock.is_locked
        assert not secret.isHidden()
        assert admin_ledger.access.username == "admin"
        assert lock.timer.isActive()  # counting again
    finally:
        lock.stop()


def test_quit_instead_of_unlocking(qtbot, admin_ledger):
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = IdleLock(admin_ledger, window=window, timeout_ms=10_000)
    lock.lock()
    with qtbot.waitSignal(lock.quit_requested, timeout=2000):
        qtbot.mouseClick(lock.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked


def test_no_lock_without_a_signed_in_user(qtbot, ledger):
    lock = IdleLock(ledger, timeout_ms=10_000)
    lock.lock()
    assert not lock.is_locked and lock.dialog is None
