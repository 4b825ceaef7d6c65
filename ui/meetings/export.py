"""The minutes PDF as a core long job, for a worker thread (:class:`ui.job_runner.ProgressJob`).

The meeting is read on the GUI thread (:func:`minutes_data`, fast); only the
layout and file writing run on the worker, which never touches the ledger or a
widget.  Cancel sets the job's ``abort()`` (the half-built file is discarded).
"""
from __future__ import annotations

from typing import Callable

from neighbourhood.pdf.minutes import MinutesData, write_minutes_pdf


def minutes_job(data: MinutesData, path: str) -> Callable[..., str]:
    """``fn(*, progress, abort)`` writing ``data`` to ``path``; it returns the path (str)."""
    return lambda progress, abort: str(write_minutes_pdf(data, path, progress=progress, abort=abort))
