"""A fast path for the common import row: already clean, valid text.

:func:`neighbourhood.residents.check_fields` is the rule; it costs ~0.1 ms a row
(general cleaning, dataclasses, messages), which is most of a 100k-row check.
:func:`quick_fields` recognises rows where every field is plainly valid — an
18-character ASCII ID number with its check digit, ISO dates, an 11-digit mobile,
choices from the lists — and returns exactly what ``check_fields`` would
(``tests/core/test_excel_fastcheck.py`` compares the two).  Anything unusual returns
None and the caller uses ``check_fields``, so messages stay the same.
"""
from __future__ import annotations

import datetime as _dt
from operator import mul
from typing import Any, Mapping

from neighbourhood.idnumbers import PROVINCE_CODES
from neighbourhood.residents import _CHOICES

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DATE_FIELDS = ("birth_date", "permit_start", "permit_end")
_ASCII_ZERO = 48 * sum(_WEIGHTS)
_DIGITS = frozenset("0123456789")
_MIN_BORN = "19000101"


def _iso_date(value: str) -> bool:
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    try:
        return _dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def quick_fields(values: Mapping[str, Any], today_iso: str) -> dict[str, Any] | None:
    """``check_fields(values)[0]`` for a plainly valid row with no problems; else None."""
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
            clean[key] = value or None
        elif value is None:
            clean[key] = None
        else:
            return None                 # numbers, dates …: the general path
    if "name" in values:
        name = clean.get("name")
        if not name or len(name) > 30:
            return None
    for field, choices in _CHOICES.items():
        value = clean.get(field)
        if value and value not in choices:
            return None
    for field in _DATE_FIELDS:
        value = clean.get(field)
        if value is not None and not _iso_date(value):
            return None
    birth = clean.get("birth_date")
    if birth and birth > today_iso:
        return None
    start, end = clean.get("permit_start"), clean.get("permit_end")
    if start and end and end < start:
        return None
    if "id_number" in values:
        clean["id_flag"] = None
        number = clean.get("id_number")
        if number is not None:
            if (len(number) != 18 or not number.isascii() or not _DIGITS.issuperset(number[:17])
                    or number[:2] not in PROVINCE_CODES):
                return None
            # Bytes iterate as ints: '0' is 48, so subtract 48 × the weights' sum once.
            total = sum(map(mul, number[:17].encode("ascii"), _WEIGHTS)) - _ASCII_ZERO
            if _CHECK_CHARS[total % 11] != number[17]:
                return None
            born = number[6:14]
            if born < _MIN_BORN:
                return None
            derived = f"{born[:4]}-{born[4:6]}-{born[6:]}"
            if not _iso_date(derived) or derived > today_iso:
                return None
            if birth and birth != derived:
                return None
            sex = "男" if int(number[16]) % 2 == 1 else "女"
            if clean.get("sex") and clean["sex"] != sex:
                return None
            clean["birth_date"], clean["sex"] = derived, sex
    if "phone" in values:
        phone = clean.get("phone")
        if phone is not None and not (len(phone) == 11 and phone.isascii() and phone.isdigit()
                                      and phone[0] == "1" and phone[1] in "3456789"):
            return None
    return clean
