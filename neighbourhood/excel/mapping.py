"""Import fields, header synonyms and the column mapping (by header name, never by position).

A mapping is ``{column index: field key}``.  :func:`propose_mapping` uses the
mappings the user corrected before (remembered in the community settings as
JSON, keyed by the normalised header text) and then the synonym lists.
"""
from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

SETTINGS_KEY = "excel.import_mappings"
IGNORE = ""          # the "do not import" choice


@dataclasses.dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    synonyms: tuple[str, ...]


# Order matters for containment matching: more specific synonyms first.
RESIDENT_FIELDS: tuple[ImportField, ...] = (
    ImportField("name", "姓名", ("姓名", "名字", "居民姓名", "人员姓名", "成员姓名", "户主姓名")),
    ImportField("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码", "公民身份证号",
                                        "身份证", "证件号码", "证件号", "居民身份证号")),
    ImportField("sex", "性别", ("性别",)),
    ImportField("birth_date", "出生日期", ("出生日期", "出生年月", "出生年月日", "生日")),
    ImportField("phone", "联系电话", ("联系电话", "手机", "手机号", "手机号码", "电话", "电话号码",
                                    "联系方式")),
    ImportField("relation", "与户主关系", ("与户主关系", "户主关系", "关系", "家庭关系")),
    ImportField("residence_status", "人口类别", ("人口类别", "人口类型", "户籍类别", "居住类型",
                                             "人员类别")),
    ImportField("address", "住址（如12栋2单元301室）", ("住址", "家庭住址", "现住址", "居住地址",
                                                   "地址", "门牌号", "房屋地址", "居住地")),
    ImportField("grid", "网格", ("网格", "所属网格", "网格名称")),
    ImportField("building", "楼栋", ("楼栋", "楼号", "栋", "楼栋号")),
    ImportField("entrance", "单元", ("单元", "单元号")),
    ImportField("unit", "室号", ("室号", "房号", "房间号", "门牌", "室")),
    ImportField("ethnicity", "民族", ("民族",)),
    ImportField("political_status", "政治面貌", ("政治面貌",)),
    ImportField("employment", "就业状况", ("就业状况", "就业情况", "职业", "工作状况")),
    ImportField("hukou_address", "户籍地址", ("户籍地址", "户籍地", "户籍所在地", "户口所在地")),
    ImportField("permit_start", "居住证起始日期", ("居住证起始日期", "居住证签发日期", "居住证起始",
                                              "居住证办理日期")),
    ImportField("permit_end", "居住证到期日期", ("居住证到期日期", "居住证有效期至", "居住证到期",
                                            "居住证有效期")),
    ImportField("separated", "人户分离", ("人户分离", "分离类型", "人户分离情况")),
    ImportField("housing_type", "住房类型", ("住房类型", "住房情况", "房屋性质", "房屋类型")),
    ImportField("notes", "备注", ("备注", "说明", "其他")),
)
FIELDS_BY_KEY = {f.key: f for f in RESIDENT_FIELDS}

_BRACKETS = re.compile(r"[(\[（【<《].*?[)\]）】>》]")
_NOISE = re.compile(r"[\s*：:#＊※/、.\-_]+")


def normalise_header(text: object) -> str:
    """'身份证号码（18位）*' → '身份证号码'; full-width forms and spaces folded."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = _BRACKETS.sub("", s)
    return _NOISE.sub("", s).strip()


def match_header(text: object) -> str | None:
    """The field a header names by the synonym lists, or None."""
    h = normalise_header(text)
    if not h:
        return None
    for field in RESIDENT_FIELDS:
        if h in field.synonyms:
            return field.key
    if len(h) > 12:
        return None        # a sentence (a title or a note), not a header
    # Containment ('户籍地址(省市)' → hukou_address): longest synonym wins.
    best, best_len = None, 1
    for field in RESIDENT_FIELDS:
        for syn in field.synonyms:
            if len(syn) > best_len and syn in h:
                best, best_len = field.key, len(syn)
    return best


def remembered(ledger: "Ledger") -> dict[str, str]:
    """Header (normalised) → field the user chose before."""
    raw = ledger.community.get(SETTINGS_KEY)
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember(ledger: "Ledger", headers: Sequence[str], mapping: Mapping[int, str]) -> None:
    """Store the user's choices for these headers (their own audited settings write)."""
    known = remembered(ledger)
    for col, header in enumerate(headers):
        h = normalise_header(header)
        if not h:
            continue
        choice = mapping.get(col, IGNORE)
        if choice == (match_header(header) or IGNORE):
            known.pop(h, None)        # the synonyms already give it: nothing to remember
        else:
            known[h] = choice
    ledger.community.set(SETTINGS_KEY, json.dumps(known, ensure_ascii=False, sort_keys=True))


def propose_mapping(headers: Sequence[str], memory: Mapping[str, str] | None = None) -> dict[int, str]:
    """Column index → field for each header recognised; one column per field (the first)."""
    memory = memory or {}
    out: dict[int, str] = {}
    taken: set[str] = set()
    for col, header in enumerate(headers):
        h = normalise_header(header)
        field = memory.get(h) if h in memory else match_header(header)
        if field and field not in taken and field in FIELDS_BY_KEY:
            out[col] = field
            taken.add(field)
    return out


def mapping_problems(mapping: Mapping[int, str]) -> list[str]:
    """Chinese messages for a mapping that cannot be imported (empty when fine)."""
    fields = [f for f in mapping.values() if f]
    problems = []
    if "name" not in fields:
        problems.append("请指定“姓名”所在的列")
    if "address" not in fields and "unit" not in fields:
        problems.append("请指定“住址”所在的列（或“楼栋/单元/室号”各列）")
    dup = sorted({f for f in fields if fields.count(f) > 1})
    for f in dup:
        problems.append(f"“{FIELDS_BY_KEY[f].label}”被指定给了多列，请只保留一列")
    return problems


def parse_mapping_option(text: str, headers: Sequence[str]) -> dict[int, str]:
    """CLI ``--mapping``: '姓名=name,证件号=id_number' or a JSON object (header → field)."""
    text = text.strip()
    pairs: Iterable[tuple[str, str]]
    if text.startswith("{"):
        pairs = json.loads(text).items()
    else:
        pairs = (p.split("=", 1) for p in text.split(",") if "=" in p)
    by_header = {normalise_header(h): i for i, h in enumerate(headers)}
    out = propose_mapping(headers)
    for header, field in pairs:
        col = by_header.get(normalise_header(header))
        if col is None:
            raise ValueError(f"表头中没有“{header}”列")
        if field and field not in FIELDS_BY_KEY:
            raise ValueError(f"未知字段“{field}”，可选：{', '.join(FIELDS_BY_KEY)}")
        out = {c: f for c, f in out.items() if f != field}
        out[col] = field
    return out
