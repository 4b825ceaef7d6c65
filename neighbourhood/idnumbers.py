"""Chinese resident ID numbers (居民身份证号, GB 11643-1999): check, derive, upgrade, mask.

Pure functions, safe from any thread. Nothing here raises for bad *input data*: `check_id_number`
reports every problem in an `IdCheck`. Only the helpers that need an already well-formed number
(`check_char`, `upgrade_15_to_18`) raise `ValueError`, because a bad argument there is a bug.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from dataclasses import dataclass

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Province-level prefixes of GB/T 2260, plus 71 (Taiwan), 81/82/83 (港澳台居民居住证) and 91 (外国人
# 永久居留身份证 as given in the brief). Deeper codes are not checked on purpose: old numbers keep the
# area code of the place of first registration, and many of those districts no longer exist.
PROVINCE_CODES = frozenset(
    [str(n) for n in range(11, 16)] + [str(n) for n in range(21, 24)]
    + [str(n) for n in range(31, 38)] + [str(n) for n in range(41, 47)]
    + [str(n) for n in range(50, 55)] + [str(n) for n in range(61, 66)]
    + ["71", "81", "82", "83", "91"]
)

# Excel keeps 15 significant digits; anything longer that went through a number cell is lossy.
_EXCEL_DIGITS = 15
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_FLOAT_TEXT = re.compile(r"^(\d+)\.0*$")
# Whitespace plus the invisible characters that come along when copying from web pages or Excel.
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

_EXCEL_PROBLEM = ("身份证号疑似被 Excel 截断（只保留了 15 位有效数字），末尾几位已丢失，"
                  "请按原件重新录入，不要自动补全")


@dataclass(frozen=True)
class IdCheck:
    """Outcome of `check_id_number`.

    `normalized` is set whenever the cleaned text has a usable shape (18 characters or 15 digits)
    and was not damaged by Excel, even if a later check fails. `birth_date`, `sex` and
    `area_code` are only set when `ok` is True, so callers never copy data from a bad number.
    """

    raw: str
    normalized: str | None
    ok: bool
    legacy: bool
    excel_mangled: bool
    birth_date: _dt.date | None
    sex: str | None
    area_code: str | None
    problem: str | None


def check_char(first17: str) -> str:
    """Return the MOD 11-2 check character for the first 17 digits. Raises ValueError."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"check_char needs 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def upgrade_15_to_18(id15: str) -> str:
    """Turn an old 15-digit number into the 18-character form (century 19 + check char).

    Raises ValueError unless given exactly 15 digits. Does not validate area code or date.
    """
    text = _clean_text(id15)
    if len(text) != 15 or not text.isascii() or not text.isdigit():
        raise ValueError(f"upgrade_15_to_18 needs 15 digits, got {id15!r}")
    # Old numbers were only issued to people born in the 1900s, hence the fixed century.
    body = text[:6] + "19" + text[6:]
    return body + check_char(body)


def mask_id(id_number: str | None) -> str:
    """Mask an ID number for display: `110105********0021`; None or blank gives ''.

    18 and 15 characters keep the first 6 and last 4 (length is kept). Anything else keeps the
    same ends only when at least 4 characters remain hidden; otherwise it is all stars, so a
    malformed value never shows more than a good one would.
    """
    if id_number is None:
        return ""
    text = _clean_text(str(id_number))
    n = len(text)
    if n == 0:
        return ""
    if n >= 14:
        return text[:6] + "*" * (n - 10) + text[-4:]
    return "*" * n


def check_id_number(raw: object, *, today: _dt.date | None = None) -> IdCheck:
    """Check an ID number typed in, pasted, or read from a spreadsheet cell (str, int or float).

    A 15-digit old number that passes is `ok` with `legacy=True`. Numbers that went through an
    Excel number cell are flagged `excel_mangled` and never repaired: the lost digits are unknown.
    """
    today = today or _dt.date.today()
    raw_text = "" if raw is None else str(raw).strip()

    def fail(problem: str, *, normalized: str | None = None, mangled: bool = False) -> IdCheck:
        return IdCheck(raw_text, normalized, False, False, mangled, None, None, None, problem)

    text, mangled = _to_text(raw)
    if mangled:
        return fail(_EXCEL_PROBLEM, mangled=True)
    if not text:
        return fail("身份证号为空，请填写")

    bad = sorted({c for c in text if c not in "0123456789X"})
    if bad:
        shown = "、".join(f"“{c}”" for c in bad)
        return fail(f"身份证号含有非法字符（{shown}），只能是数字，18 位号码的最后一位可以是 X，请核对")
    if "X" in text[:-1] or (text.endswith("X") and len(text) != 18):
        return fail("身份证号中的 X 只能是 18 位号码的最后一位，请核对")

    n = len(text)
    if n in (16, 17):
        # An all-digit 16/17 is what remains after a float round trip or a dropped final X.
        return fail(f"身份证号只有 {n} 位数字（应为 18 位），疑似被 Excel 当作数字截断，或漏掉了末位"
                    "（如 X），请按原件重新录入，不要自动补全", mangled=True)
    if n not in (15, 18):
        return fail(f"身份证号长度不对：应为 18 位（旧证 15 位），现为 {n} 位，请核对原件")

    if n == 18:
        expected = check_char(text[:17])
        # 15 kept digits + '000' is the exact footprint of an Excel number cell.
        if text.endswith("000") and expected != text[17]:
            return fail(_EXCEL_PROBLEM, mangled=True)
        area, date_text, seq = text[:6], text[6:14], text[14:17]
    else:
        expected = None
        area, date_text, seq = text[:6], "19" + text[6:12], text[12:15]

    problem = _area_problem(area) or _date_problem(date_text, today)
    if problem:
        return fail(problem, normalized=text)
    if expected is not None and expected != text[17]:
        return fail(f"身份证号校验位错误（应为 {expected}），请核对原件后重新录入", normalized=text)

    born = _dt.date(int(date_text[:4]), int(date_text[4:6]), int(date_text[6:]))
    sex = "男" if int(seq[-1]) % 2 == 1 else "女"
    return IdCheck(raw_text, text, True, n == 15, False, born, sex, area, None)


def _clean_text(text: str) -> str:
    # NFKC turns full-width digits, 'Ｘ' and the ideographic space into ASCII.
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    # A leading apostrophe is how Excel users force a cell to text; it is not part of the number.
    if text.startswith("'"):
        text = text[1:]
    return text.upper()


def _to_text(raw: object) -> tuple[str, bool]:
    """Return (cleaned text, excel_mangled). Floats and float-looking text are judged here."""
    if raw is None:
        return "", False
    if isinstance(raw, bool):
        return _clean_text(str(raw)), False  # bool is an int subclass; report it as text
    if isinstance(raw, float):
        if math.isnan(raw):
            return "", False  # an empty cell read through pandas
        if not raw.is_integer():
            return repr(raw), False
        if abs(raw) >= 10 ** _EXCEL_DIGITS:
            return "", True
        # Up to 15 digits a float is exact, so an old 15-digit number survives Excel intact.
        return str(int(raw)), False
    if isinstance(raw, int):
        return str(raw), False
    text = _clean_text(str(raw))
    if _SCIENTIFIC.match(text):
        return "", True
    m = _FLOAT_TEXT.match(text)
    if m:
        digits = m.group(1)
        return ("", True) if len(digits) > _EXCEL_DIGITS else (digits, False)
    return text, False


def _area_problem(area: str) -> str | None:
    if area[:2] not in PROVINCE_CODES:
        return f"身份证号地区码无效：前 6 位“{area}”中的省份代码“{area[:2]}”不存在，请核对原件"
    return None


def _date_problem(date_text: str, today: _dt.date) -> str | None:
    try:
        born = _dt.date(int(date_text[:4]), int(date_text[4:6]), int(date_text[6:]))
    except ValueError:
        return f"身份证号中的出生日期无效：“{date_text}”不是真实的日期，请核对原件"
    if born.year < 1900:
        return f"身份证号中的出生日期无效：{born.isoformat()} 早于 1900 年，请核对原件"
    if born > today:
        return f"身份证号中的出生日期无效：{born.isoformat()} 晚于今天，请核对原件"
    return None
