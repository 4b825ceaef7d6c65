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

from neighbourhood.idnumbers import _CHECK_CHARS, _WEIGHTS, PROVINCE_CODES
from neighbourhood.residents import _CHOICES

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


_FAIL = object()        # a value the fast path does not take


def _id_parts(number: str, today_iso: str, births: dict[str, str | None]) -> tuple[str, str] | None:
    """(birth date, sex) of a plainly valid stripped ID number; else None.  ``births`` caches
    the check of each 8-digit birth date (a few thousand distinct days)."""
    body = number[:17]
    if len(number) != 18 or not number.isascii() or not body.isdigit() or number[:2] not in PROVINCE_CODES:
        return None
    # The weights are 2**(17-i) mod 11 and 13 ≡ 2 (mod 11), so the weighted sum is
    # 2 × (the 17 digits read in base 13) mod 11: one int() in C instead of 17 products.
    if _CHECK_CHARS[2 * int(body, 13) % 11] != number[17]:
        return None
    born = number[6:14]
    try:
        derived = births[born]
    except KeyError:
        derived = births[born] = _birth(born, today_iso)
    if derived is None:
        return None
    return derived, ("男" if number[16] in "13579" else "女")


def _birth(born: str, today_iso: str) -> str | None:
    if born < _MIN_BORN:
        return None
    derived = f"{born[:4]}-{born[4:6]}-{born[6:]}"
    return derived if _iso_date(derived) and derived <= today_iso else None


def _valid_phone(phone: str) -> bool:
    return (len(phone) == 11 and phone.isascii() and phone.isdigit() and phone[0] == "1"
            and phone[1] in "3456789")


def _quick_value(field: str, value: Any, today_iso: str, id_parts: dict, births: dict) -> Any:
    """One field's value as ``quick_fields`` cleans it, or ``_FAIL`` when it would give up."""
    if isinstance(value, str):
        value = value.strip() or None
    elif value is not None:
        return _FAIL
    if field == "name":
        return value if value and len(value) <= 30 else _FAIL
    if value is None:
        return None
    choices = _CHOICES.get(field)
    if choices is not None and value not in choices:
        return _FAIL
    if field in _DATE_FIELDS and (not _iso_date(value) or field == "birth_date" and value > today_iso):
        return _FAIL
    if field == "id_number":
        parts = _id_parts(value, today_iso, births)
        if parts is None:
            return _FAIL
        id_parts[value] = parts
    elif field == "phone" and not _valid_phone(value):
        return _FAIL
    return value


def quick_columns(columns: Mapping[str, list], today_iso: str) -> list[dict[str, Any] | None]:
    """``[quick_fields(row) for row in rows]`` for rows given as columns (field → values, all
    of one length; every row has every field).  Each distinct value of a column is checked
    once, so a sheet pays per distinct name, date or choice, not per cell."""
    keys = tuple(columns)
    if not keys:
        return []
    id_parts: dict[str, tuple[str, str]] = {}
    births: dict[str, str | None] = {}
    cleaned = []
    for key in keys:
        column = columns[key]
        try:
            # Equal values of different types (1, 1.0, True) share an entry: all give up.
            memo = {value: _quick_value(key, value, today_iso, id_parts, births) for value in set(column)}
            cleaned.append(list(map(memo.__getitem__, column)))
        except TypeError:               # an unhashable value: per cell
            cleaned.append([_quick_value(key, value, today_iso, id_parts, births) if value.__hash__ else _FAIL
                            for value in column])
    pos = {k: i for i, k in enumerate(keys)}
    bi, si, ei = pos.get("birth_date"), pos.get("permit_start"), pos.get("permit_end")
    ii, xi = pos.get("id_number"), pos.get("sex")
    fail = _FAIL
    result: list[dict[str, Any] | None] = []
    append = result.append
    for vals in zip(*cleaned):
        if fail in vals:
            append(None)
            continue
        if si is not None and ei is not None and vals[si] and vals[ei] and vals[ei] < vals[si]:
            append(None)
            continue
        clean = dict(zip(keys, vals))
        if ii is not None:
            clean["id_flag"] = None
            number = vals[ii]
            if number is not None:
                derived, sex = id_parts[number]
                birth = vals[bi] if bi is not None else None
                if (birth and birth != derived) or (xi is not None and vals[xi] and vals[xi] != sex):
                    append(None)
                    continue
                clean["birth_date"], clean["sex"] = derived, sex
        append(clean)
    return result
