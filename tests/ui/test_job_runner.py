"""ProgressJob: a core job on a worker behind a progress dialog with Cancel (ui/job_runner.py)."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from neighbourhood.errors import LedgerError
from neighbourhood.jobs import checkpoint
from ui.job_runner import ProgressJob


class Outcome:
    """Records the callbacks and the thread they ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.threads: list[threading.Thread] = []

    def kwargs(self) -> dict:
        def record(kind):
            def callback(*args):
                self.threads.append(threading.current_thread())
                self.calls.append((kind, *args))
            return callback
        return dict(on_done=record("done"), on_failed=record("failed"), on_cancelled=record("cancelled"))


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _until_aborted(started: threading.Event):
    """A job that runs until it is told to stop (``started`` set once it runs)."""
    def fn(*, progress, abort):
        started.set()
        while not abort():
            threading.Event().wait(0.005)
        checkpoint(abort)
    return fn


def _freed(qtbot, job: ProgressJob):
    """Wait for the outcome; returns the (thread, dialog) the job had, checking both are deleted."""
    thread, dialog = job.thread, job.dialog
    with qtbot.waitSignal(thread.destroyed, timeout=10_000):
        qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.thread is None and job.dialog is None
    return thread, dialog


def test_progress_reaches_the_dialog_and_the_result_comes_back_on_the_gui_thread(qtbot, parent):
    release, worker = threading.Event(), []

    def fn(*, progress, abort):
        worker.append(threading.current_thread())
        progress(3, 10, "第 3 行")
        assert release.wait(10)
        return "结果"

    outcome = Outcome()
    job = ProgressJob(parent, fn, "Working…", **outcome.kwargs())
    dialog = job.dialog
    assert isinstance(dialog, QProgressDialog) and dialog.parent() is parent
    assert dialog.labelText() == "Working…" and dialog.findChild(QPushButton).text() == "Cancel"
    qtbot.waitUntil(lambda: (dialog.maximum(), dialog.value()) == (10, 3), timeout=10_000)
    assert dialog.labelText() == "Working…"       # the job's text only with show_text
    assert job.running and outcome.calls == []
    release.set()
    thread, _dialog = _freed(qtbot, job)
    assert outcome.calls == [("done", "结果")]
    assert outcome.threads == [threading.main_thread()] and worker[0] is not threading.main_thread()


def test_show_text_puts_the_jobs_text_on_the_dialog(qtbot, parent):
    release = threading.Event()

    def fn(*, progress, abort):
        progress(1, 4, "正在检查第 2 个文件")
        release.wait(10)

    job = ProgressJob(parent, fn, "Checking…", maximum=4, show_text=True, **Outcome().kwargs())
    assert job.dialog.maximum() == 4
    qtbot.waitUntil(lambda: job.dialog.labelText() == "正在检查第 2 个文件", timeout=10_000)
    release.set()
    _freed(qtbot, job)


def test_cancel_button_aborts_the_job_and_reports_cancelled(qtbot, parent):
    started, polls = threading.Event(), []

    def fn(*, progress, abort):
        started.set()
        while True:                      # a long job: only abort() ends it
            polls.append(1)
            checkpoint(abort)
            threading.Event().wait(0.005)

    outcome = Outcome()
    job = ProgressJob(parent, fn, "Working…", **outcome.kwargs())
    assert started.wait(10)
    qtbot.waitUntil(job.dialog.isVisible, timeout=5_000)        # shown after its 300 ms
    job.dialog.findChild(QPushButton).click()
    _freed(qtbot, job)
    assert outcome.calls == [("cancelled",)]
    assert outcome.threads == [threading.main_thread()]


def test_the_dialog_stays_closed_after_cancel_while_the_job_winds_down(qtbot, parent):
    started, cancelled, reported = threading.Event(), threading.Event(), threading.Event()

    def fn(*, progress, abort):
        started.set()
        while not abort():
            threading.Event().wait(0.005)
        cancelled.set()
        for step in range(1, 31):        # a job that goes on reporting a while before it stops
            progress(step, 1000, "")
            threading.Event().wait(0.02)
        reported.set()
        threading.Event().wait(0.2)
        checkpoint(abort)

    outcome = Outcome()
    job = ProgressJob(parent, fn, "Working…", **outcome.kwargs())
    assert started.wait(10)
    qtbot.waitUntil(job.dialog.isVisible, timeout=5_000)
    dialog = job.dialog
    dialog.findChild(QPushButton).click()
    shown = []
    while not reported.is_set():
        qtbot.wait(20)                   # the queued progress reaches the dialog
        shown.append(dialog.isVisible())
    assert job.running and shown and not any(shown)
    _freed(qtbot, job)
    assert outcome.calls == [("cancelled",)]


def test_closing_the_page_mid_job_cancels_it_without_a_crash_or_callback(qtbot):
    from ui import job_runner

    page = QWidget()
    page.show()
    started = threading.Event()

    fn = _until_aborted(started)

    outcome = Outcome()
    job = ProgressJob(page, fn, "Working…", **outcome.kwargs())
    thread = job.thread
    assert started.wait(10) and thread.parent() is None
    with qtbot.waitSignal(thread.destroyed, timeout=10_000):
        page.deleteLater()               # the page goes while the job still runs
    assert not job.running and job not in job_runner._RUNNING
    assert outcome.calls == []           # nobody left to tell


def test_an_exception_in_the_job_is_reported(qtbot, parent):
    def fn(*, progress, abort):
        raise LedgerError("第 3 行：身份证号有误")

    outcome = Outcome()
    job = ProgressJob(parent, fn, "Working…", **outcome.kwargs())
    thread, _dialog = _freed(qtbot, job)
    assert outcome.calls == [("failed", "第 3 行：身份证号有误")]

    def broken(*, progress, abort):
        raise OSError("disk full")

    outcome = Outcome()
    job = ProgressJob(parent, broken, None, **outcome.kwargs())
    _freed(qtbot, job)
    assert outcome.calls == [("failed", "OSError: disk full")]


def test_without_a_label_the_caller_gets_progress_and_cancels(qtbot, parent):
    started, seen = threading.Event(), []

    def fn(*, progress, abort):
        progress(1, 2, "")
        started.set()
        while not abort():
            threading.Event().wait(0.005)
        checkpoint(abort)

    outcome = Outcome()
    job = ProgressJob(parent, fn, None, on_progress=lambda *args: seen.append(args), **outcome.kwargs())
    assert job.dialog is None and parent.findChild(QProgressDialog) is None
    assert started.wait(10)
    qtbot.waitUntil(lambda: seen == [(1, 2, "")], timeout=10_000)
    job.cancel()
    _freed(qtbot, job)
    assert outcome.calls == [("cancelled",)]


def test_stop_blocks_until_the_thread_has_ended(qtbot, parent):
    started = threading.Event()

    fn = _until_aborted(started)

    outcome = Outcome()
    job = ProgressJob(parent, fn, "Working…", **outcome.kwargs())
    assert started.wait(10)
    thread = job.thread
    job.stop()
    assert thread.isFinished()           # safe to destroy the page now
    _freed(qtbot, job)
    assert outcome.calls == [("cancelled",)]


def test_progress_dialogs_and_job_threads_are_built_only_here():
    """Pages and panels use ProgressJob (dialogs JobRunner); none hand-builds the wiring again.
    The demo build at start-up (ui/app.py) has no parent window and no Cancel: its own dialog."""
    import pathlib
    import re

    ui = pathlib.Path(__file__).resolve().parents[2] / "ui"
    built = {str(path.relative_to(ui)): sorted(set(re.findall(r"(?<!class )\b(QProgressDialog|JobThread)\(", text)))
             for path in ui.rglob("*.py") if (text := path.read_text(encoding="utf-8"))}
    assert {name: kinds for name, kinds in built.items() if kinds} == {
        "job_runner.py": ["JobThread", "QProgressDialog"], "app.py": ["QProgressDialog"]}
