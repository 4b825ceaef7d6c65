"""Date and time-of-day values from user input or records, checked with a Chinese message.

Shared by the services that take dates from forms and sheets (meetings, needs, visits).
``label`` names the field in the message, ``field`` is set on the :class:`ValidationError`.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from neighbourhood.errors import ValidationError
from neighbourhood.text import clean

_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")


def as_date(value: Any, field: str, label: str, *, required: bool = False) -> str | None:
    """An ISO date string from a date or text ('2026-10-08' or '2026/10/08'); None when empty."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    value = clean(value)
    if not value:
        if required:
            raise ValidationError(f"请填写{label}", field=field)
        return None
    try:
        return _dt.date.fromisoformat(str(value).replace("/", "-")).isoformat()
    except ValueError:
        raise ValidationError(f"“{label}”不是有效日期：{value}（应为 2026-10-08 这样的格式）",
                              field=field) from None


def as_time(value: Any, field: str, label: str) -> str | None:
    """'HH:MM' from a time or text ('9:30', '09：30'); None when empty."""
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M")
    value = clean(value)
    if not value:
        return None
    match = _TIME.match(str(value))
    if not match:
        raise ValidationError(f"“{label}”不是有效时间：{value}（应为 14:30 这样的格式）", field=field)
    return f"{int(match.group(1)):02d}:{match.group(2)}"
