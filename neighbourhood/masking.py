"""Masking of ID numbers and phones (PIPL: masked unless the role allows full view)."""
from __future__ import annotations

from typing import Any, MutableMapping

from neighbourhood.idnumbers import mask_id
from neighbourhood.phones import mask_phone

ID_FIELDS = ("id_number",)
PHONE_FIELDS = ("phone", "worker_phone", "leader_phone")


def mask_row(row: MutableMapping[str, Any], *, full: bool) -> MutableMapping[str, Any]:
    """Mask sensitive fields of ``row`` in place unless ``full``; returns it."""
    if full:
        return row
    for key in ID_FIELDS:
        if row.get(key):
            row[key] = mask_id(row[key])
    for key in PHONE_FIELDS:
        if row.get(key):
            row[key] = mask_phone(row[key])
    return row
