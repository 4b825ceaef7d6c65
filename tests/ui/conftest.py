"""UI test fixtures: QSettings kept in a temporary folder, helpers for the demo ledger."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, qapp):
    """Window geometry etc. go to a temporary folder, never to the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def first_household(demo_ledger) -> str:
    """Id of the first household of the first building of the demo."""
    building = demo_ledger.buildings.list()[0]
    return demo_ledger.households.list(building.id)[0]["id"]



@pytest.fixture
def hold_until_cancel(monkeypatch):
    """``hold(module, name)``: when the PDF writer ``module.name`` first runs, it is held once
    its temporary output file exists until the job is cancelled, so Cancel lands mid-write.  Returns a
    namespace: ``waiting`` (an Event set once the temporary file exists), ``temp`` (its path)
    and ``real`` (the unwrapped writer)."""
    import contextlib
    from types import SimpleNamespace

    from neighbourhood.pdf import template

    def hold(module, name: str):
        real, real_output = getattr(module, name), template.atomic_output
        state = SimpleNamespace(waiting=threading.Event(), temp=None, real=real, abort=None)

        def held(*args, progress, abort):
            state.abort = abort
            return real(*args, progress=progress, abort=abort)

        @contextlib.contextmanager
        def held_output(path):
            with real_output(path) as tmp:
                if state.temp is None:                 # the first write only
                    state.temp = tmp
                    state.waiting.set()
                    while not (state.abort and state.abort()):
                        threading.Event().wait(0.01)
                yield tmp

        monkeypatch.setattr(module, name, held)
        monkeypatch.setattr(template, "atomic_output", held_output)
        return state
    return hold
