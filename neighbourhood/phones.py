"""Phone numbers: mainland mobiles (11 digits) and landlines (区号-号码), check, normalize, mask.

Pure functions, safe from any thread; nothing here raises for bad input data. A phone is an
optional field, so empty input is valid (`ok=True`, `normalized=None`).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

# NFKC already maps the full-width hyphen; these dashes survive it and come from Word or WeChat.
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# Rosters often squeeze two numbers into one cell; guessing which one is meant loses data.
_SEVERAL = re.compile(r"[/、,;|]")
_EXTENSION = re.compile(r"转|分机|ext\.?", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_FLOAT_TEXT = re.compile(r"^(\d+)\.0*$")
_SEPARATORS = re.compile(r"[\s\-()]+")
_FORMAT_HINT = "手机号为 11 位、以 1 开头；固定电话为区号加 7–8 位号码，如 0531-88888888"


@dataclass(frozen=True)
class PhoneCheck:
    """Outcome of `check_phone`; `kind` is 'mobile' or 'landline' when ok and not empty."""

    raw: str
    normalized: str | None
    ok: bool
    kind: str | None
    problem: str | None


def check_phone(raw: object) -> PhoneCheck:
    """Check one phone number from a form or a spreadsheet cell (str, int or float).

    Mobiles normalize to 11 digits (`13800000001`), landlines to `0531-88888888[-分机]`.
    Accepts spaces, dashes, brackets, a +86/0086/86 prefix and Excel floats (13800000001.0).
    """
    raw_text = "" if raw is None else str(raw).strip()

    def fail(problem: str) -> PhoneCheck:
        return PhoneCheck(raw_text, None, False, None, problem)

    text = _to_text(raw)
    if not text:
        return PhoneCheck(raw_text, None, True, None, None)
    if _SCIENTIFIC.match(text):
        # A CSV saved from a narrow Excel column keeps the display text, e.g. 1.38E+10.
        return fail("电话号码疑似被 Excel 显示成科学计数法，数字已丢失，请按原始记录重新录入")
    if _SEVERAL.search(text):
        return fail("一个电话栏只能填一个号码，请只保留一个（其他号码可写在备注里）")

    parts = _EXTENSION.split(text)
    if len(parts) > 2:
        return fail("电话号码中只能有一个分机号，请核对")
    text = parts[0].strip()
    ext: str | None = None
    if len(parts) == 2:
        ext = _SEPARATORS.sub("", parts[1])
        if not (ext.isascii() and ext.isdigit() and 1 <= len(ext) <= 6):
            return fail("分机号应为 1–6 位数字，请核对")

    international = False
    if text.startswith("+"):
        m = re.match(r"^\+\s*86", text)
        if not m:
            return fail("只支持中国大陆的手机号和固定电话（+86），请核对")
        text, international = text[m.end():], True
    elif text.startswith("0086"):
        text, international = text[4:], True

    bad = sorted({c for c in text if not (c.isascii() and (c.isdigit() or c in "-() "))})
    if bad:
        shown = "、".join(f"“{c}”" for c in bad)
        return fail(f"电话号码含有非法字符（{shown}），请核对；{_FORMAT_HINT}")
    groups = [g for g in _SEPARATORS.split(text) if g]
    digits = "".join(groups)
    if not digits:
        return fail(f"电话号码中没有数字，请核对；{_FORMAT_HINT}")
    if not international and len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]  # '86' without the plus, seen in numbers copied from phone contacts
    elif international and (digits[0] not in "01" or digits.startswith("10")):
        # International form drops the trunk 0 of the area code: +86 531 88888888, +86 10 …
        # (no mobile starts with 10, so Beijing is told apart from a mobile).
        digits = "0" + digits

    if digits[0] == "1":
        return _mobile(raw_text, digits, ext)
    if digits[0] == "0":
        return _landline(raw_text, digits, groups, ext)
    if len(digits) in (7, 8):
        return fail(f"固定电话缺少区号，请加上区号，如 0531-{digits}")
    return fail(f"电话号码格式不正确（现为 {len(digits)} 位数字）；{_FORMAT_HINT}")


def mask_phone(phone: str | None) -> str:
    """Mask for display: `138****0001`, `0531-****888` (area code + last 3); empty gives ''.

    A value that is not a valid phone shows only its last 4 characters (all stars when short).
    """
    if phone is None:
        return ""
    check = check_phone(phone)
    number = check.normalized
    if check.ok and number and check.kind == "mobile":
        return number[:3] + "****" + number[-4:]
    if check.ok and number and check.kind == "landline":
        area, local, *ext = number.split("-")
        masked = f"{area}-{'*' * (len(local) - 3)}{local[-3:]}"
        # The extension is kept: it names a desk at a switchboard, not a person.
        return masked + (f"-{ext[0]}" if ext else "")
    text = _clean_text(str(phone))
    if not text:
        return ""
    return "*" * (len(text) - 4) + text[-4:] if len(text) > 7 else "*" * len(text)


def _mobile(raw_text: str, digits: str, ext: str | None) -> PhoneCheck:
    def fail(problem: str) -> PhoneCheck:
        return PhoneCheck(raw_text, None, False, None, problem)

    if ext:
        return fail("手机号不能带分机号，请核对")
    if len(digits) != 11:
        return fail(f"手机号应为 11 位数字、以 1 开头（现为 {len(digits)} 位），请核对")
    if digits[1] not in "3456789":
        return fail(f"手机号第 2 位应为 3–9（现为“{digits[1]}”），请核对")
    return PhoneCheck(raw_text, digits, True, "mobile", None)


def _landline(raw_text: str, digits: str, groups: list[str], ext: str | None) -> PhoneCheck:
    def fail(problem: str) -> PhoneCheck:
        return PhoneCheck(raw_text, None, False, None, problem)

    if len(digits) < 4:
        return fail(f"电话号码太短（现为 {len(digits)} 位数字）；{_FORMAT_HINT}")
    if digits[1] == "0":
        return fail("只支持中国大陆的手机号和固定电话，请核对")
    # Mainland plan: 010 and 020–029 are the only short area codes, every other one has 4 digits,
    # so the split is known without relying on where the user put a dash.
    area_len = 3 if digits[1] in "12" else 4
    if digits[1] == "1" and digits[2:3] != "0":
        return fail(f"区号“{digits[:3]}”无效（01 开头的区号只有 010），请核对")
    area, local = digits[:area_len], digits[area_len:]
    if ext is None and len(groups) >= 2 and len(local) not in (7, 8):
        # '0531-88888888-123': a trailing group that leaves a proper number is an extension.
        last = groups[-1]
        rest = local[: len(local) - len(last)]
        if 1 <= len(last) <= 6 and len(rest) in (7, 8):
            local, ext = rest, last
    if len(local) not in (7, 8):
        return fail(f"固定电话应为区号加 7–8 位号码，如 0531-88888888（区号 {area} 后现为 "
                    f"{len(local)} 位），请核对")
    if local[0] in "01":
        return fail(f"固定电话号码（区号 {area} 后）不能以 0 或 1 开头，请核对")
    return PhoneCheck(raw_text, f"{area}-{local}" + (f"-{ext}" if ext else ""), True, "landline", None)


def _clean_text(text: str) -> str:
    # NFKC turns full-width digits, brackets, '＋', '－' and the ideographic space into ASCII.
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", _INVISIBLE.sub("", text)).strip()
    # A leading apostrophe is how Excel users force a cell to text; it is not part of the number.
    return text[1:].strip() if text.startswith("'") else text


def _to_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and not isinstance(raw, bool):
        if math.isnan(raw):
            return ""  # an empty cell read through pandas
        # Phone numbers are far below 15 digits, so a float from Excel is still exact.
        return str(int(raw)) if raw.is_integer() else repr(raw)
    text = _clean_text(str(raw))
    m = _FLOAT_TEXT.match(text)
    return m.group(1) if m else text
