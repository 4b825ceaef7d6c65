"""Locking the window after a while without input: ``IdleLock`` and ``UnlockDialog``.

``IdleLock`` is an application-wide event filter: every mouse, wheel, key or
touch event restarts a single-shot timer; when it fires the lock engages,
``locked`` and ``lock_changed(True)`` are emitted, widgets registered with
:meth:`IdleLock.protect` are hidden, and (when a ``window`` was given) an
application-modal :class:`UnlockDialog` opens over it.  Only the password of
the same user (``ledger.users.sign_in``, with its lockout) lifts the lock.
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.common import FieldMessage
from ui.signals import emit

DEFAULT_MINUTES = 10
SETTING = "idle_lock_minutes"
_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod, QEvent.Type.TabletPress,
})


def idle_minutes(ledger: Any) -> float:
    """Minutes from the community setting ``idle_lock_minutes`` (default 10; 0 = never lock)."""
    raw = ledger.community.get(SETTING, str(DEFAULT_MINUTES))
    try:
        minutes = float(raw)
    except (TypeError, ValueError):
        return float(DEFAULT_MINUTES)
    return max(0.0, minutes)


class IdleLock(QObject):
    """Engages the lock after ``timeout_ms`` (default: the ledger's setting) without input.

    Signals: ``locked()``, ``unlocked()``, ``lock_changed(bool)`` (True when
    locking) and ``quit_requested()`` (the user chose "Quit" in the unlock
    dialog instead of unlocking: the main window should close without
    showing its content).  ``start()`` installs the filter on the running
    QApplication; ``stop()`` removes it.  A timeout of 0 disables the lock.
    """

    locked = Signal()
    unlocked = Signal()
    lock_changed = Signal(bool)
    quit_requested = Signal()

    def __init__(self, ledger: Any, parent: QObject | None = None, *, window: QWidget | None = None,
                 timeout_ms: int | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.window = window
        self.dialog: UnlockDialog | None = None
        self._locked = False
        self._installed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        if timeout_ms is None:
            timeout_ms = int(idle_minutes(ledger) * 60_000)
        self.set_timeout_ms(timeout_ms)

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def timeout_ms(self) -> int:
        return self.timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the idle time; 0 disables locking.  Restarts the count if running."""
        self.timer.setInterval(max(0, int(timeout_ms)))
        if self._installed and not self._locked:
            self._restart()

    def start(self) -> None:
        """Install the event filter on the application and start counting."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._restart()

    def stop(self) -> None:
        """Remove the event filter and stop counting (e.g. when the window closes)."""
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False
        self.timer.stop()

    def _restart(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Never consumes an event: the filter only notices that someone is at the keyboard.
        if not self._locked and event.type() in _ACTIVITY and self.timer.interval() > 0:
            self.timer.start()
        return False

    def protect(self, widget: QWidget) -> None:
        """Hide ``widget`` while locked (the main window's central area holding personal data)."""
        self.lock_changed.connect(widget.setHidden)
        if self._locked:
            widget.setHidden(True)

    def lock(self) -> None:
        """Engage the lock now (also the "Lock" menu action); harmless when already locked.

        Does nothing while nobody is signed in (``ledger.access.user_id`` is
        None): there would be no password that could lift the lock.
        """
        if self._locked or self.ledger.access.user_id is None:
            return
        self._locked = True
        self.timer.stop()
        emit(self.locked)
        emit(self.lock_changed, True)
        if self.window is not None:
            self.dialog = UnlockDialog(self.ledger, self.window)
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.accepted.connect(self.unlock)
            self.dialog.rejected.connect(lambda: emit(self.quit_requested))
            self.dialog.open()

    def unlock(self) -> None:
        """Lift the lock (after :class:`UnlockDialog` accepted) and start counting again."""
        if not self._locked:
            return
        self._locked = False
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        emit(self.lock_changed, False)
        emit(self.unlocked)
        if self._installed:
            self._restart()


class UnlockDialog(QDialog):
    """Asks the signed-in user's password again; accepted only after ``ledger.users.sign_in`` succeeds.

    Shows the core's message on failure (tries left, lockout).  Escape does
    not close it; "Quit" rejects it (the caller then closes the window).
    """

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.username = ledger.access.username
        self.setWindowTitle(self.tr("Locked"))
        who = f"{ledger.access.display_name} ({self.username})"
        text = QLabel(self.tr("The ledger was locked because nobody used it for a while. "
                              "%1, enter your password to continue.").replace("%1", who))
        text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            return  # a locked screen is not dismissed by a key
        super().keyPressEvent(event)

    def try_unlock(self) -> bool:
        """Check the password with the core; accept on success.  Returns success."""
        from neighbourhood.errors import LedgerError
        from ui.security.login_dialog import wait_cursor

        try:
            with wait_cursor():
                self.ledger.users.sign_in(self.username, self.password.text())
        except LedgerError as exc:
            self.message.show_message(str(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        self.password.clear()
        self.accept()
        return True
