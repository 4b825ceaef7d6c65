"""What this PC remembers about itself in QSettings: which database it opens and whether it
is the office PC or a field laptop (``database/path``, ``device/role``).

Set by the first-run wizard, by opening a check-out file, and in File → Settings — all
through :func:`remember`, so the keys and values are written one way.  GUI thread only.
"""
from __future__ import annotations

import os
import pathlib

from ui.common import settings

DATABASE_KEY = "database/path"
DEVICE_KEY = "device/role"
OFFICE, FIELD = "office", "field"
ROLES = (OFFICE, FIELD)


def remembered_database() -> pathlib.Path | None:
    """The database chosen on this PC (wizard or check-out), if one was chosen."""
    value = settings().value(DATABASE_KEY)
    return pathlib.Path(str(value)) if value else None


def device_role() -> str:
    return str(settings().value(DEVICE_KEY, OFFICE) or OFFICE)


def remember(*, database: str | os.PathLike[str] | None = None, role: str | None = None) -> None:
    """Store this PC's database and/or role (what is None stays as it was) and write it out now,
    so a crash right after does not forget a freshly made database.  Raises ValueError for an
    unknown role."""
    if role is not None and role not in ROLES:
        raise ValueError(role)
    store = settings()
    if database is not None:
        store.setValue(DATABASE_KEY, str(database))
    if role is not None:
        store.setValue(DEVICE_KEY, role)
    store.sync()
