"""Exporting the minutes PDF on a worker thread.

The meeting is read on the GUI thread (:func:`minutes_data`, fast); only the
layout and file writing run on the worker, which never touches the ledger or a
widget.  Progress and the result come back by queued signals; Cancel sets an
event the job's ``abort()`` reads (the half-built file is discarded).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from neighbourhood.jobs import Cancelled
from neighbourhood.pdf.minutes import MinutesData, write_minutes_pdf


class MinutesWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(str)      # the path written
    failed = Signal(str)        # a message for the user ('' when cancelled)

    def __init__(self, data: MinutesData, path: str) -> None:
        super().__init__()
        self._data = data
        self._path = path
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Any thread: ask the job to stop at its next checkpoint."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            written = write_minutes_pdf(self._data, self._path,
                                        progress=lambda d, t, text="": self.progress.emit(d, t, text),
                                        abort=self._stop.is_set)
        except Cancelled:
            self.failed.emit("")
        except Exception as exc:  # shown to the user; the worker must not die silently
            self.failed.emit(str(exc))
        else:
            self.finished.emit(str(written))


class MinutesExport(QObject):
    """Owns one worker thread for one export; emits ``done(path)`` or ``error(message)``."""

    progress = Signal(int, int, str)
    done = Signal(str)
    error = Signal(str)

    def __init__(self, data: MinutesData, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.worker = MinutesWorker(data, path)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def _stop_thread(self) -> None:
        self.thread.quit()
        self.thread.wait()

    @Slot(str)
    def _finished(self, path: str) -> None:
        self._stop_thread()
        self.done.emit(path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.error.emit(message)
