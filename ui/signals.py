"""``emit(signal, *args)``: emit a Qt signal from Python, safe from a PySide6 refcount bug.

PySide6 6.12.0 (on Python 3.11, where True/False are not immortal) returns the
bool of ``SignalInstance.emit`` without taking a reference for the caller, so
every Python-side emit drops one reference to ``True``.  After a few hundred
emits ``True`` is deallocated and the process aborts ("bool_dealloc:
deallocating True or False").  Signals emitted by Qt itself (C++) are not
affected.  At import we measure whether this PySide6 has the bug and, if so,
give back the missing reference after each emit.  Use this instead of
``signal.emit(...)`` everywhere in ``ui/``.  Any thread.
"""
from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):
            _incref(True)  # repair the probe's own damage
    return lost >= 4


BROKEN_EMIT = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: Any) -> Any:
    """Emit ``signal`` with ``args``; returns what ``emit`` returned."""
    result = signal.emit(*args)
    if BROKEN_EMIT and isinstance(result, bool):
        _incref(result)
    return result
