"""Cell values from spreadsheets: dates in any common form, text, word variants, addresses.

Pure functions, no database.  Nothing here guesses lost data: an unreadable
value is returned as the text it was so validation reports it.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Any

from neighbourhood.excel.safety import NEUTRALISER, unneutralise

_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_DATE_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?"
                             r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")


def text(value: Any) -> str | None:
    """Cell → clean text: NFKC (full-width digits, letters, spaces), trimmed; blank → None."""
    if value is None:
        return None
    if value.__class__ is str and value.isascii():
        # ASCII is NFKC-stable: skip the normalisation (ID numbers, phones: every cell differs).
        s = value.strip()
        if s[:1] == NEUTRALISER:
            s = unneutralise(s)
        return s or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = unicodedata.normalize("NFKC", str(value)).strip()
    s = unneutralise(s)
    return s or None


def date(value: Any) -> Any:
    """Cell → ISO date text when readable (2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日,
    20240105, 2024-01, an Excel serial number or a date cell); else the value unchanged."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value)) or value
    s = unicodedata.normalize("NFKC", str(value)).strip()
    if not s:
        return None
    m = _DATE_SEPARATED.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        try:
            day = _dt.date(y, mo, d)
        except ValueError:
            return s
        return day.isoformat() if m.group(3) else day.isoformat()[:7]
    m = _DATE_COMPACT.match(s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return s
    if _SERIAL.match(s):
        return _serial(float(s)) or s
    return s


def _serial(n: float) -> str | None:
    # 1900 date system; serials before 1900-03-01 (60, the fictitious 1900-02-29) are not dates here.
    if 61 <= n < 2958466:
        return (_EXCEL_EPOCH + _dt.timedelta(days=int(n))).isoformat()
    return None


# Word variants seen in committee sheets → the stored vocabulary.
VARIANTS: dict[str, dict[str, str]] = {
    "sex": {"男性": "男", "女性": "女", "M": "男", "F": "女"},
    "relation": {"本人": "户主", "户主本人": "户主", "妻": "配偶", "妻子": "配偶", "夫": "配偶",
                 "丈夫": "配偶", "子": "子女", "女": "子女", "儿子": "子女", "女儿": "子女", "长子": "子女",
                 "次子": "子女", "长女": "子女", "次女": "子女", "父亲": "父母", "母亲": "父母", "父": "父母",
                 "母": "父母", "孙子": "孙子女", "孙女": "孙子女", "外孙": "孙子女", "外孙女": "孙子女",
                 "祖父": "祖父母", "祖母": "祖父母", "兄": "兄弟姐妹", "弟": "兄弟姐妹", "姐": "兄弟姐妹",
                 "妹": "兄弟姐妹", "媳": "儿媳"},
    "residence_status": {"户籍人口": "户籍", "常住人口": "常住", "流动人口": "流动", "外来人口": "流动",
                         "本地": "户籍", "暂住": "流动"},
    "political_status": {"党员": "中共党员", "预备党员": "中共预备党员", "团员": "共青团员",
                         "中国共产党党员": "中共党员", "共青团": "共青团员", "无": "群众"},
    "separated": {"人在户不在": "人在户不在", "户在人不在": "户在人不在", "否": "", "无": "", "是": None},
}


def variant(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if field == "ethnicity" and not value.endswith("族") and len(value) <= 4:
        return value + "族"
    return VARIANTS.get(field, {}).get(value, value)


# --- addresses ---------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10}
_BUILDING = r"(?P<b>[0-9A-Za-z一二三四五六七八九十]+)\s*(?:栋|幢|号楼|座|#楼|#|楼)"
_ENTRANCE = r"(?P<e>[0-9一二三四五六七八九十]+)\s*单元"
_UNIT = r"(?P<u>[0-9A-Za-z]+)\s*(?:室|号|户)?"
_ADDRESS = re.compile(rf"(?:{_BUILDING})\s*-?\s*(?:{_ENTRANCE})?\s*-?\s*{_UNIT}$")
_DASHED = re.compile(r"(?P<b>\d+)-(?:(?P<e>\d+)-)?(?P<u>\d+[A-Za-z]?)$")
_BUILDING_ONLY = re.compile(rf"^(?:.*?){_BUILDING}$|^(?P<n>[0-9A-Za-z一二三四五六七八九十]+)$")


def cn_number(s: str) -> str:
    """'二' → '2', '十二' → '12'; digits unchanged."""
    if not s or s.isdigit():
        return str(int(s)) if s.isdigit() else s
    if all(ch in _CN_DIGITS for ch in s):
        if "十" in s:
            tens, _, ones = s.partition("十")
            return str((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0))
        return "".join(str(_CN_DIGITS[ch]) for ch in s)
    return s


def parse_address(value: str | None) -> tuple[str, str, str] | None:
    """'12栋2单元301室' / '阳光小区12号楼二单元301' / '12-2-301' → ('12', '2', '301').

    Returns (building key, entrance, unit) or None when the shape is not recognised.
    """
    if not value:
        return None
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
    m = _ADDRESS.search(s) or _DASHED.search(s)
    if not m:
        return None
    return building_key(m.group("b")), cn_number(m.group("e") or ""), m.group("u").upper()


def building_key(name: str | None) -> str:
    """A building name's key for matching: '12栋', '12号楼', '十二幢', '12' → '12'."""
    if not name:
        return ""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    m = _BUILDING_ONLY.match(s)
    if m:
        token = m.group("b") or m.group("n")
        return cn_number(token).upper()
    return s.upper()


def building_name(key: str) -> str:
    return f"{key}栋" if key and not key.endswith("栋") else key
