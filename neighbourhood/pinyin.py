"""Names to pinyin for search and sorting: 张伟 → ('zhangwei', 'zw').

pypinyin is imported lazily (it costs start-up time) and asked once per
character: names reuse a few thousand characters, so a per-character cache
turns 500k names into dictionary look-ups.  Surnames read differently from the
same character in ordinary words (曾 zeng, not ceng), hence the surname table.
"""
from __future__ import annotations

import re


# Surname readings that differ from the character's most common reading, and
# compound surnames (syllables separated by a space).  Longest match first.
SURNAMES: dict[str, str] = {
    "尉迟": "yu chi", "万俟": "mo qi", "长孙": "zhang sun", "单于": "chan yu", "澹台": "tan tai",
    "令狐": "ling hu", "皇甫": "huang fu", "欧阳": "ou yang", "司马": "si ma", "上官": "shang guan",
    "诸葛": "zhu ge", "东方": "dong fang", "夏侯": "xia hou", "公孙": "gong sun", "慕容": "mu rong",
    "曾": "zeng", "单": "shan", "解": "xie", "查": "zha", "仇": "qiu", "区": "ou", "朴": "piao",
    "覃": "qin", "乐": "yue", "缪": "miao", "翟": "zhai", "盖": "ge", "繁": "po", "种": "chong",
    "召": "shao", "员": "yun", "尉": "wei", "秘": "bi", "牟": "mou", "宓": "mi", "阚": "kan",
    "隗": "wei", "句": "gou", "黑": "he", "蕃": "pi", "过": "guo", "朝": "chao", "折": "she",
    "能": "nai", "薄": "bo", "郇": "xun", "臧": "zang", "柏": "bai", "费": "fei", "便": "pian",
    "沈": "shen", "贾": "jia", "葛": "ge", "纪": "ji", "任": "ren", "华": "hua", "洗": "xian",
    "冼": "xian", "那": "na", "佘": "she", "逄": "pang", "庞": "pang", "殷": "yin", "尹": "yin",
    "都": "du", "重": "chong", "相": "xiang", "藏": "zang", "卜": "bu", "石": "shi", "叶": "ye",
    "长": "chang", "行": "xing", "和": "he", "莘": "shen", "恽": "yun", "訾": "zi", "阿": "a",
}
_COMPOUND = {k: tuple(v.split()) for k, v in SURNAMES.items() if len(k) == 2}
_SINGLE = {k: v for k, v in SURNAMES.items() if len(k) == 1}
_CHARS: dict[str, str] = {}


def _compute(ch: str) -> str:
    if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"):
        return ch.lower() if ch.isalnum() else ""
    from pypinyin import Style, lazy_pinyin  # lazy: keeps app start fast

    reading = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    return reading[0].replace("ü", "v") if reading else ""


def char_pinyin(ch: str) -> str:
    """Most common toneless reading of one character; non-Han kept lower-cased."""
    reading = _CHARS.get(ch)
    if reading is None:
        reading = _CHARS[ch] = _compute(ch)
    return reading


def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a person's name, lower-case, no spaces.

    Hot path (500k names on import/migration): plain dict look-ups, no calls
    per character once the character is known.
    """
    if not name:
        return "", ""
    if " " in name or "\u3000" in name:
        name = "".join(name.split())
        if not name:
            return "", ""
    if len(name) >= 3 and name[:2] in _COMPOUND:
        first, second = _COMPOUND[name[:2]]
        full, initials, rest = first + second, first[0] + second[0], name[2:]
    elif len(name) >= 2 and name[0] in _SINGLE:
        full = _SINGLE[name[0]]
        initials, rest = full[0], name[1:]
    else:
        full = initials = ""
        rest = name
    chars = _CHARS
    for ch in rest:
        reading = chars.get(ch)
        if reading is None:
            reading = char_pinyin(ch)
        if reading:
            full += reading
            initials += reading[0]
    return full, initials


def text_pinyin(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of any text, without surname rules."""
    syllables = [p for p in (char_pinyin(c) for c in text or "") if p]
    return "".join(syllables), "".join(s[0] for s in syllables)


# One pinyin syllable, or the start of one (a lone initial like "w").
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)?")


def segments(query: str) -> list[str]:
    """Split typed pinyin into syllables or syllable starts: 'zhangwm' → ['zhang', 'w', 'm'].

    Greedy (longest syllable first), which is how people type mixed pinyin.
    """
    out: list[str] = []
    pos = 0
    query = query.lower()
    while pos < len(query):
        match = _SYLLABLE.match(query, pos)
        end = match.end() if match and match.end() > pos else pos + 1
        out.append(query[pos:end])
        pos = end
    return out


def name_syllables(name: str) -> list[str]:
    """Syllables of a name with the surname rules (for checking mixed pinyin)."""
    if len(name) >= 3 and name[:2] in _COMPOUND:
        out, rest = list(_COMPOUND[name[:2]]), name[2:]
    elif len(name) >= 2 and name[0] in _SINGLE:
        out, rest = [_SINGLE[name[0]]], name[1:]
    else:
        out, rest = [], name
    return out + [r for r in (char_pinyin(c) for c in rest if not c.isspace()) if r]


def matches_mixed(name: str, parts: list[str]) -> bool:
    """True when each typed part starts the matching syllable of ``name`` (prefix of the name)."""
    syllables = name_syllables(name)
    return len(parts) <= len(syllables) and all(s.startswith(p) for p, s in zip(parts, syllables))
