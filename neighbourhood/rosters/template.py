"""A roster template (花名册模板): what one row is, its columns, filters, sort, grouping,
title and the official header/footer block — and its JSON form.

:func:`from_dict` validates everything a file or the database hands in (a
hostile or garbled template is refused with a Chinese :class:`TemplateError`
naming what is wrong); :func:`to_dict` / :func:`dumps` give the stable JSON
written to ``.nltemplate.json`` files and to ``roster_templates.body``.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from neighbourhood.errors import ValidationError
from neighbourhood.rosters.fields import BLANK, ENTITIES, NUMBER, SEQ, Entity, Field

FORMAT = "neighbourhood-ledger/roster-template"
VERSION = 1
FILE_SUFFIX = ".nltemplate.json"
MAX_FILE_BYTES = 256 * 1024
MAX_COLUMNS = 60
MAX_FILTERS = 30
MAX_TEXT = 200

OP_LABELS = {"eq": "等于", "ne": "不等于", "in": "属于", "not_in": "不属于", "contains": "包含",
             "empty": "为空", "not_empty": "不为空", "gte": "大于等于", "lte": "小于等于", "between": "介于",
             "has": "含有类别", "not_has": "不含类别"}
_NO_VALUE = {"empty", "not_empty"}
_LIST_VALUE = {"in", "not_in"}


class TemplateError(ValidationError):
    """A template (or template file) is not acceptable; the message says what to fix."""


@dataclasses.dataclass
class ColumnSpec:
    field: str                     # a field key, SEQ or BLANK
    header: str = ""               # "" → the field's label
    width: float | None = None


@dataclasses.dataclass
class FilterSpec:
    field: str
    op: str
    value: Any = None


@dataclasses.dataclass
class SortSpec:
    field: str
    descending: bool = False


@dataclasses.dataclass
class HeaderBlock:
    """The official block of a statistical form: 表号/制定机关/批准文号/有效期 above the table,
    单位负责人/填表人/审核人/报出日期 under it (报出日期 '' → the export date)."""
    form_no: str = ""              # 表号
    authority: str = ""            # 制定机关
    approval_no: str = ""          # 批准文号
    valid_until: str = ""          # 有效期
    unit_head: str = ""            # 单位负责人
    preparer: str = ""             # 填表人
    reviewer: str = ""             # 审核人
    report_date: str = ""          # 报出日期

    def top(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in (("表号", self.form_no), ("制定机关", self.authority),
                                    ("批准文号", self.approval_no), ("有效期至", self.valid_until)) if v]

    def bottom(self, today: str) -> list[tuple[str, str]]:
        return [("单位负责人", self.unit_head), ("填表人", self.preparer), ("审核人", self.reviewer),
                ("报出日期", self.report_date or today)]


@dataclasses.dataclass
class Template:
    name: str
    entity: str
    title: str = ""
    columns: list[ColumnSpec] = dataclasses.field(default_factory=list)
    filters: list[FilterSpec] = dataclasses.field(default_factory=list)
    sort: list[SortSpec] = dataclasses.field(default_factory=list)
    group_by: str | None = None
    subtotal_sums: list[str] = dataclasses.field(default_factory=list)   # NUMBER field keys summed
    subtotals: bool = True         # with group_by: a 小计 row after each group, 合计 at the end
    header: HeaderBlock = dataclasses.field(default_factory=HeaderBlock)
    notes: str = ""                # 填表说明, printed under the table
    unit: str = ""                 # what a row counts in the totals ("户"); "" → the entity's

    @property
    def entity_def(self) -> Entity:
        return ENTITIES[self.entity]

    def field(self, key: str) -> Field:
        return self.entity_def.by_key[key]

    def header_of(self, column: ColumnSpec) -> str:
        if column.header:
            return column.header
        if column.field == BLANK:
            return "备注"
        return self.field(column.field).label

    def display_title(self) -> str:
        return self.title or self.name


# --- JSON ---------------------------------------------------------------------------------

def to_dict(t: Template) -> dict[str, Any]:
    body = dataclasses.asdict(t)
    return {"format": FORMAT, "version": VERSION, "template": body}


def dumps(t: Template) -> str:
    return json.dumps(to_dict(t), ensure_ascii=False, indent=1)


def loads(text: str | bytes, *, source: str = "模板") -> Template:
    """Parse and validate a template's JSON text (a file's or the database's)."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise TemplateError(f"{source}太大（{len(text) // 1024} KB），不是花名册模板文件")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateError(f"{source}不是 UTF-8 文本，不是花名册模板文件，或已损坏") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f"（第 {exc.lineno} 行）" if isinstance(exc, json.JSONDecodeError) else ""
        raise TemplateError(f"{source}内容不完整或已损坏{where}，无法读取。请向发送方重新索取模板文件") from None
    return from_dict(data, source=source)


def from_dict(data: Any, *, source: str = "模板") -> Template:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TemplateError(f"{source}不是“社区台账”的花名册模板（缺少格式标记）")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise TemplateError(f"{source}的版本号无效")
    if version > VERSION:
        raise TemplateError(f"{source}由更新版本的软件制作（模板版本 {version}），请先升级本软件")
    body = data.get("template")
    if not isinstance(body, dict):
        raise TemplateError(f"{source}缺少模板内容")
    try:
        t = Template(
            name=_text(body.get("name"), "模板名称"),
            entity=_text(body.get("entity"), "行对象"),
            title=_text(body.get("title", ""), "标题", required=False),
            columns=[ColumnSpec(field=_text(c.get("field"), "列字段"),
                                header=_text(c.get("header", ""), "列标题", required=False),
                                width=_width(c.get("width")))
                     for c in _dicts(body.get("columns"), "列")],
            filters=[FilterSpec(field=_text(f.get("field"), "筛选字段"), op=_text(f.get("op"), "筛选条件"),
                                value=f.get("value")) for f in _dicts(body.get("filters", []), "筛选")],
            sort=[SortSpec(field=_text(s.get("field"), "排序字段"), descending=bool(s.get("descending")))
                  for s in _dicts(body.get("sort", []), "排序")],
            group_by=_text(body.get("group_by"), "分组字段", required=False) or None,
            subtotal_sums=[_text(k, "小计字段") for k in _list(body.get("subtotal_sums", []), "小计字段")],
            subtotals=bool(body.get("subtotals", True)),
            header=HeaderBlock(**{k: _text(v, "表头信息", required=False) for k, v in
                                  _dict(body.get("header", {}), "表头信息").items()
                                  if k in {f.name for f in dataclasses.fields(HeaderBlock)}}),
            notes=_text(body.get("notes", ""), "填表说明", required=False, limit=2000),
            unit=_text(body.get("unit", ""), "计数单位", required=False, limit=4),
        )
    except TemplateError as exc:
        raise TemplateError(f"{source}：{exc.message}") from None
    validate(t, source=source)
    return t


def _text(value: Any, what: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TemplateError(f"“{what}”应为文字")
    value = value.strip()
    if required and not value:
        raise TemplateError(f"缺少“{what}”")
    if len(value) > limit:
        raise TemplateError(f"“{what}”太长（{len(value)} 字，上限 {limit} 字）")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise TemplateError(f"“{what}”含有控制字符")
    return value


def _width(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 2 <= value <= 80:
        raise TemplateError("列宽应为 2 到 80 之间的数字")
    return float(value)


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TemplateError(f"“{what}”应为列表")
    return value


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TemplateError(f"“{what}”格式不对")
    return value


def _dicts(value: Any, what: str) -> list[dict[str, Any]]:
    items = _list(value, what)
    for item in items:
        _dict(item, what)
    return items


def validate(t: Template, *, source: str = "模板") -> None:
    """Raise :class:`TemplateError` unless every part of ``t`` refers to real fields and ops."""
    def fail(message: str) -> None:
        raise TemplateError(f"{source}“{t.name}”：{message}")

    entity = ENTITIES.get(t.entity)
    if entity is None:
        fail(f"未知的行对象“{t.entity}”，可选：{'、'.join(e.label for e in ENTITIES.values())}")
    fields = entity.by_key
    if not t.columns:
        fail("至少要选一列")
    if len(t.columns) > MAX_COLUMNS:
        fail(f"列太多（{len(t.columns)} 列，上限 {MAX_COLUMNS} 列）")
    for n, c in enumerate(t.columns, 1):
        if c.field not in fields:
            fail(f"第 {n} 列的字段“{c.field}”不属于“{entity.label}”，请删除此列或换一个字段")
    if len(t.filters) > MAX_FILTERS:
        fail(f"筛选条件太多（上限 {MAX_FILTERS} 个）")
    for n, f in enumerate(t.filters, 1):
        field = fields.get(f.field)
        if field is None or f.field in (SEQ, BLANK):
            fail(f"第 {n} 个筛选条件的字段“{f.field}”不能用于筛选")
        _check_filter(field, f, n, fail)
    for s in t.sort:
        if s.field not in fields or s.field in (SEQ, BLANK):
            fail(f"排序字段“{s.field}”不存在")
    if t.group_by is not None and (t.group_by not in fields or t.group_by in (SEQ, BLANK)):
        fail(f"分组字段“{t.group_by}”不存在")
    for key in t.subtotal_sums:
        if key not in fields or fields[key].type != NUMBER or key == SEQ:
            fail(f"小计只能对数字列求和，“{fields[key].label if key in fields else key}”不是数字列")


def _check_filter(field: Field, f: FilterSpec, n: int, fail) -> None:
    label = f"第 {n} 个筛选条件（{field.label}）"
    numeric = field.type == NUMBER and f.op != "contains"
    if f.op not in OP_LABELS:
        fail(f"{label}的条件“{f.op}”无效")
    if f.op in ("has", "not_has") and not field.is_list:
        fail(f"{label}：“{OP_LABELS[f.op]}”只能用于困难类别")
    if f.op in _NO_VALUE:
        f.value = None
        return
    if f.op in _LIST_VALUE:
        if not isinstance(f.value, list) or not f.value or len(f.value) > 100:
            fail(f"{label}需要一个或多个取值")
        for v in f.value:
            _scalar(v, label, fail, numeric)
        return
    if f.op == "between":
        if not isinstance(f.value, list) or len(f.value) != 2:
            fail(f"{label}需要“从”和“到”两个值")
        for v in f.value:
            _scalar(v, label, fail, numeric)
        return
    _scalar(f.value, label, fail, numeric and f.value not in (None, ""))
    if f.value in (None, ""):
        fail(f"{label}缺少取值")


def _scalar(value: Any, label: str, fail, numeric: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        fail(f"{label}的取值应为文字或数字")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        fail(f"{label}的取值太长")
    if numeric and not isinstance(value, (int, float)):
        fail(f"{label}的取值“{value}”不是数字，请填写数字（如 80）")


_SHORT = {"eq": "：{v}", "in": "：{v}", "gte": "≥{v}", "lte": "≤{v}", "between": "：{v}", "has": "：{v}",
          "contains": "含“{v}”", "ne": "不是{v}", "not_in": "不是{v}", "empty": "为空", "not_empty": "不为空",
          "not_has": "：不含{v}"}


def describe_filters(t: Template) -> str:
    """'人口类别：流动　年龄≥80' for the subtitle and the builder."""
    parts = []
    for f in t.filters:
        label = t.field(f.field).label
        if f.op == "between":
            value = f"{f.value[0]}至{f.value[1]}"
        elif isinstance(f.value, list):
            value = "、".join(map(str, f.value))
        else:
            value = "" if f.value is None else str(f.value)
        parts.append(label + _SHORT[f.op].format(v=value))
    return "　".join(parts)
