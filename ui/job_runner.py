"""JobRunner: the part every dialog that runs a core job on a worker shares.

A dialog holding ``self.status`` (QLabel), ``self.progress`` (QProgressBar) and
``self.job`` starts its job with :meth:`run_job`; the runner shows progress,
then the failure or "cancelled" message, and frees the thread.  The dialog
gives ``_on_done(result)``, ``set_busy(busy)`` (which controls to lock while
running), ``cancelled_text()`` and, to style its messages, ``show_status``.  GUI thread.
"""
from __future__ import annotations

from typing import Any, Callable

from ui.excel.worker import JobThread


class JobRunner:
    job: JobThread | None

    def run_job(self, fn: Callable[..., Any], busy_text: str) -> None:
        """Start ``fn(progress=…, abort=…)`` on a worker unless one is running."""
        if self.job is not None:
            return
        self.job = JobThread(fn, self)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.finished.connect(self._on_finished)
        self.set_busy(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.show_status(busy_text)
        self.job.start()

    def set_busy(self, busy: bool) -> None:  # dialogs lock their inputs
        pass

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)

    def cancelled_text(self) -> str:
        raise NotImplementedError

    def _on_done(self, result: Any) -> None:
        raise NotImplementedError

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        if text:
            self.show_status(text)

    def _on_failed(self, message: str) -> None:
        self.show_status(message, error=True)
        self._idle()

    def _on_cancelled(self) -> None:
        self.show_status(self.cancelled_text())
        self._idle()

    def _on_finished(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.set_busy(False)
