"""Exporting the minutes PDF on a worker thread (:class:`ui.excel.worker.JobThread`).

The meeting is read on the GUI thread (:func:`minutes_data`, fast); only the
layout and file writing run on the worker, which never touches the ledger or a
widget.  Cancel sets the job's ``abort()`` (the half-built file is discarded).
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from neighbourhood.pdf.minutes import MinutesData, write_minutes_pdf
from ui.excel.worker import JobThread


def minutes_job(data: MinutesData, path: str, parent: QObject | None = None) -> JobThread:
    """A not-yet-started job writing ``data`` to ``path``; ``succeeded`` carries the path (str)."""
    return JobThread(lambda progress, abort: str(write_minutes_pdf(data, path, progress=progress,
                                                                    abort=abort)), parent)
