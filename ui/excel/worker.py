"""Running a core long job (``fn(*, progress, abort)``) on a QThread.

The job never touches a widget: it reports through signals, which Qt queues
to the GUI thread where the dialogs live.  ``cancel()`` only sets a flag the
job polls through ``abort()``.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QThread, Signal

from ui.signals import emit


class JobThread(QThread):
    """One run of ``fn(progress=…, abort=…)``; emits ``progressed`` while running, then —
    after the thread has ended — ``succeeded``, ``cancelled`` or ``failed`` (Chinese message)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], parent=None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._stop = threading.Event()
        self._outcome: tuple[str, Any] = ("failed", "")
        # The outcome is announced once the thread has really ended (finished is queued to
        # the GUI thread), so a dialog may close at once without destroying a running QThread.
        self.finished.connect(self._announce)

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:  # worker thread: no widget, no outcome signal from here
        from neighbourhood.errors import LedgerError
        from neighbourhood.jobs import Cancelled

        try:
            result = self._fn(progress=lambda d, t, s="": emit(self.progressed, int(d), int(t), s),
                              abort=self._stop.is_set)
        except Cancelled:
            self._outcome = ("cancelled", None)
        except LedgerError as exc:
            self._outcome = ("failed", str(exc))
        except Exception as exc:  # shown to the user, never a crash of the worker
            self._outcome = ("failed", f"{type(exc).__name__}: {exc}")
        else:
            self._outcome = ("succeeded", result)

    def _announce(self) -> None:  # GUI thread
        kind, value = self._outcome
        if kind == "succeeded":
            emit(self.succeeded, value)
        elif kind == "cancelled":
            emit(self.cancelled)
        else:
            emit(self.failed, value)
