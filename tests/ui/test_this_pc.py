"""This PC's remembered database and role (QSettings): one helper writes them for every screen."""
from __future__ import annotations

import pathlib

import pytest

from ui.common import settings
from ui.this_pc import DATABASE_KEY, DEVICE_KEY, FIELD, OFFICE, device_role, remember, remembered_database


def test_remember_stores_what_it_is_given_and_keeps_the_rest(tmp_path):
    assert remembered_database() is None and device_role() == OFFICE
    remember(database=tmp_path / "社区.db", role=FIELD)
    assert remembered_database() == tmp_path / "社区.db" and device_role() == FIELD
    assert settings().value(DATABASE_KEY) == str(tmp_path / "社区.db")
    remember(role=OFFICE)                                   # the settings dialog: role only
    assert remembered_database() == tmp_path / "社区.db" and device_role() == OFFICE
    remember(database=tmp_path / "other.db")                # role untouched
    assert remembered_database() == tmp_path / "other.db" and device_role() == OFFICE
    with pytest.raises(ValueError):
        remember(role="laptop")
    assert device_role() == OFFICE and settings().value(DEVICE_KEY) == OFFICE


def test_no_screen_writes_the_keys_itself():
    """The wizard, the check-out dialog and the settings dialog all go through remember()."""
    root = pathlib.Path(__file__).resolve().parents[2] / "ui"
    writers = []
    for path in root.rglob("*.py"):
        if path.name == "this_pc.py":
            continue
        text = path.read_text(encoding="utf-8")
        if any(k in text for k in ("DATABASE_KEY", "DEVICE_KEY", '"database/path"', '"device/role"')):
            writers.append(path.relative_to(root).as_posix())
    assert writers == []
    users = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py")
                   if "from ui.this_pc import" in (text := p.read_text("utf-8")) and "remember(" in text)
    assert users == ["first_run/wizard.py", "settings/dialog.py", "sync/open_dialog.py"]
