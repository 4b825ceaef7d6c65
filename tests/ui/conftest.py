"""UI test fixtures: QSettings kept in a temporary folder, helpers for the demo ledger."""
from __future__ import annotations

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

