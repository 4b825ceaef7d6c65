"""The contract for long work (calibre's threaded-jobs shape).

A long job is a plain function ``fn(ledger_or_path, *, progress, abort, **kw)``
in the core.  ``progress(done, total, text)`` reports; ``abort()`` returns True
once the user pressed Cancel, and the job then raises :class:`Cancelled`
after undoing its partial work (its transaction is rolled back).  The UI runs
jobs on a worker thread and never lets them touch widgets.
"""
from __future__ import annotations

from typing import Callable, Protocol


class Cancelled(Exception):
    """The user cancelled; nothing the job wrote was kept."""


class Progress(Protocol):
    def __call__(self, done: int, total: int, text: str = "") -> None: ...


Abort = Callable[[], bool]


def no_progress(done: int, total: int, text: str = "") -> None:
    """Default progress sink."""


def never() -> bool:
    return False


def checkpoint(abort: Abort) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if abort():
        raise Cancelled("已取消")
