"""Text, count and choice values from user input, checked with a Chinese message.

Shared by the services that take values from forms and sheets (meetings, needs, visits).
"""
from __future__ import annotations

from typing import Any, Sequence

from neighbourhood.errors import ValidationError


def clean(value: Any) -> Any:
    """Strip a string; an empty one becomes None.  Other values pass through."""
    return (value.strip() or None) if isinstance(value, str) else value


def as_count(value: Any, field: str, label: str) -> int | None:
    value = clean(value)
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"“{label}”应为整数：{value}", field=field) from None
    if number < 0:
        raise ValidationError(f"“{label}”不能是负数", field=field)
    return number


def as_choice(value: Any, choices: Sequence[str], field: str, label: str) -> str:
    value = clean(value)
    if value not in choices:
        raise ValidationError(f"“{label}”应为{'、'.join(choices)}之一，而不是“{value or ''}”",
                              field=field)
    return value
