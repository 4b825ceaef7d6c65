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
    """``hold(module, name)``: the long-job writer ``module.name`` waits for Cancel, then runs as
    itself (so Cancel lands mid-job); returns (an Event set once it waits, the real writer)."""
    def hold(module, name: str):
        real, waiting = getattr(module, name), threading.Event()

        def held(*args, progress, abort):
            waiting.set()
            while not abort():
                threading.Event().wait(0.01)
            return real(*args, progress=progress, abort=abort)
        monkeypatch.setattr(module, name, held)
        return waiting, real
    return hold
