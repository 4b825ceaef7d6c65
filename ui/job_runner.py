"""Running a core long job ``fn(*, progress, abort)`` on a worker from the GUI.

:class:`ProgressJob` is the whole wiring for a page or panel: a window-modal
progress dialog with Cancel over a :class:`JobThread`, one callback with the
outcome, then the thread and the dialog freed.

:class:`JobRunner` is the part shared by the dialogs that show progress in
their own status line and bar.  A dialog holding ``self.status`` (QLabel),
``self.progress`` (QProgressBar) and ``self.job`` starts its job with
:meth:`run_job` (a :class:`ProgressJob` without its own dialog); the runner
shows progress, then the failure or "cancelled" message.  The dialog gives ``_on_done(result)``,
``set_busy(busy)`` (which controls to lock while running), ``cancelled_text()``
and, to style its messages, ``show_status``.  GUI thread.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.excel.worker import JobThread

# Jobs whose thread still runs.  The thread has no Qt parent and is held here until it has
# ended, so closing the page that started it cannot destroy a running QThread (which aborts).
_RUNNING: set["ProgressJob"] = set()


class ProgressJob:
    """One run of ``fn(progress=…, abort=…)`` on a :class:`JobThread` (started at once).

    With a ``label`` it sits behind a window-modal QProgressDialog over ``parent`` (shown
    after 300 ms, range ``0..maximum``, 0 = busy) that follows ``progress(done, total, text)``
    (its label follows ``text`` too when ``show_text``); Cancel, Esc or closing it makes the
    job's ``abort()`` true (``cancellable=False``: no Cancel button, for a job that cannot stop).  Without a label the caller shows its own progress (``on_progress``
    gets every ``(done, total, text)``) and stops the job with :meth:`cancel`.

    GUI thread.  After the worker thread has ended, the dialog is closed, dialog and thread
    are freed (``deleteLater``) and ``running`` is False; then exactly one of
    ``on_done(result)``, ``on_failed(message)`` (the core's Chinese message) or
    ``on_cancelled()`` is called, on the GUI thread — none when ``parent`` was destroyed
    meanwhile (the job is then cancelled and its thread left to end on its own).  The core job discards its partial
    output when it raises Cancelled, so a cancelled job leaves nothing behind.
    """

    def __init__(self, parent: QWidget, fn: Callable[..., Any], label: str | None, *,
                 on_done: Callable[[Any], None], on_failed: Callable[[str], None],
                 on_cancelled: Callable[[], None] | None = None, maximum: int = 0,
                 show_text: bool = False, cancellable: bool = True,
                 on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self.thread: JobThread | None = JobThread(fn)
        self.dialog: QProgressDialog | None = None
        self._show_text = show_text
        self._orphaned = False
        _RUNNING.add(self)
        parent.destroyed.connect(self._on_parent_destroyed)
        if label is not None:
            self.dialog = QProgressDialog(label, QCoreApplication.translate("Common", "Cancel"), 0,
                                          maximum, parent)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            if not cancellable:           # one SQL pass that cannot stop: no button that would lie
                self.dialog.setCancelButton(None)
            self.dialog.canceled.connect(self.thread.cancel)
            self.thread.progressed.connect(self._on_progress)
        if on_progress is not None:
            self.thread.progressed.connect(on_progress)
        self.thread.succeeded.connect(lambda result: self._end(on_done, result))
        self.thread.failed.connect(lambda message: self._end(on_failed, message))
        self.thread.cancelled.connect(lambda: self._end(on_cancelled))
        self.thread.start()

    @property
    def running(self) -> bool:
        return self.thread is not None

    def cancel(self) -> None:
        """Ask the job to stop (its ``abort()`` turns true); the outcome follows as usual."""
        if self.thread is not None:
            self.thread.cancel()

    def stop(self) -> None:
        """Cancel and block until the worker thread has ended (a page closing mid-job);
        the outcome still arrives through the event loop."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()

    def _on_parent_destroyed(self, *_args: Any) -> None:
        # The page went away mid-job (its dialog with it): stop the job, tell no one.
        self._orphaned, self.dialog = True, None
        self.cancel()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        dialog = self.dialog
        if dialog is None or dialog.wasCanceled():
            return              # setValue would show a cancelled dialog again while the job stops
        if self._show_text and text:
            dialog.setLabelText(text)
        dialog.setMaximum(max(total, 0))
        # last: a shown modal dialog processes events in setValue (the job may end in there)
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _end(self, callback: Callable[..., None] | None, *args: Any) -> None:
        dialog, self.dialog = self.dialog, None
        thread, self.thread = self.thread, None
        if dialog is not None:
            dialog.canceled.disconnect()    # closing it now is not a Cancel
            dialog.reset()
            dialog.deleteLater()
        if thread is not None:
            thread.deleteLater()
        _RUNNING.discard(self)
        if callback is not None and not self._orphaned:
            callback(*args)


class JobRunner:
    job: ProgressJob | None

    def run_job(self, fn: Callable[..., Any], busy_text: str) -> None:
        """Start ``fn(progress=…, abort=…)`` on a worker unless one is running."""
        if self.job is not None:
            return
        self.set_busy(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.show_status(busy_text)
        self.job = ProgressJob(self, fn, None, on_progress=self._on_progress,
                               on_done=lambda result: self._ended(self._on_done, result),
                               on_failed=lambda message: self._ended(self._on_failed, message),
                               on_cancelled=lambda: self._ended(self._on_cancelled))

    def stop_job(self) -> None:
        """Cancel a running job and wait for its thread (the dialog is closing)."""
        if self.job is not None:
            self.job.stop()

    def _ended(self, handler: Callable[..., None], *args: Any) -> None:
        self.job = None
        handler(*args)

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

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.set_busy(False)
