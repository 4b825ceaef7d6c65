"""What a roster row can be and which columns it can show (the builder's field catalogue).

Each :class:`Entity` lists its fields grouped as the builder's tree shows them
("居民", "所在户", "计算列" …).  A field key maps to an SQL expression in
:mod:`db.queries.roster_builder` (same keys).  Two pseudo-fields exist for
every entity: ``_seq`` (序号, numbered by the writer) and ``_blank`` (a column
left empty for hand-filling: 签字, 备注).  Pure core, no Qt.
"""
from __future__ import annotations

import dataclasses

from neighbourhood.field_labels import label

TEXT, DATE, NUMBER = "text", "date", "number"
SEQ, BLANK = "_seq", "_blank"


@dataclasses.dataclass(frozen=True)
class Field:
    key: str
    label: str
    group: str
    type: str = TEXT
    mask: str | None = None        # "id" / "phone": masked unless a full export is allowed
    width: float = 10
    is_list: bool = False          # a list of category codes: filter with has / not_has
    choices: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Entity:
    key: str
    label: str
    unit: str                      # what one row counts (人 / 户 / 次 / 项 / 件)
    fields: tuple[Field, ...]

    @property
    def by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def groups(self) -> list[tuple[str, list[Field]]]:
        out: dict[str, list[Field]] = {}
        for f in self.fields:
            out.setdefault(f.group, []).append(f)
        return list(out.items())


DERIVED = "计算列和手填列"
PSEUDO = (Field(SEQ, "序号", DERIVED, NUMBER, width=6), Field(BLANK, "手填空白列（签字、备注）", DERIVED, width=12))

_CATS = ("低保", "特困供养", "低保边缘", "残疾", "重病/大病", "独居老人", "空巢老人", "失业", "优抚对象", "留守儿童")


def _household(group: str) -> tuple[Field, ...]:
    return (
        Field("hh_address", "住址", group, width=16), Field("hh_grid", "网格", group, width=9),
        Field("hh_grid_worker", "网格员", group, width=8), Field("hh_building", "楼栋", group, width=8),
        Field("hh_entrance", "单元", group, width=6), Field("hh_unit", "室", group, width=6),
        Field("hh_building_leader", "楼栋长", group, width=8),
        Field("hh_head", "户主姓名", group, width=9),
        Field("hh_head_id_number", "户主身份证号", group, mask="id", width=20),
        Field("hh_head_phone", "户主电话", group, mask="phone", width=13),
        Field("hh_phone", "住户电话", group, mask="phone", width=13),
        Field("hh_housing_type", "住房类型", group, width=8), Field("hh_separated", "人户分离", group, width=9),
        Field("hh_members", "家庭人口", group, NUMBER, width=7),
        Field("hh_categories", "本户困难类别", group, width=14, is_list=True, choices=_CATS),
        Field("hh_last_visit", "上次走访日期", group, DATE, width=11),
        Field("hh_next_visit", "计划下次走访", group, DATE, width=11),
        Field("hh_notes", "住户备注", group, width=14),
    )


def _person(group: str, prefix: str = "") -> tuple[Field, ...]:
    return (
        Field(f"{prefix}name", label("residents", "name"), group, width=8),
        Field(f"{prefix}sex", label("residents", "sex"), DERIVED if not prefix else group, width=5),
        Field(f"{prefix}birth_date", label("residents", "birth_date"), group, DATE, width=11),
        Field(f"{prefix}age", "年龄", DERIVED if not prefix else group, NUMBER, width=5),
        Field(f"{prefix}id_number", label("residents", "id_number"), group, mask="id", width=20),
        Field(f"{prefix}phone", label("residents", "phone"), group, mask="phone", width=13),
    )


_RESIDENT_GROUP = "居民"
RESIDENT = Entity("resident", "居民（每人一行）", "人", (
    *_person(_RESIDENT_GROUP),
    Field("relation", label("residents", "relation"), _RESIDENT_GROUP, width=9),
    Field("residence_status", label("residents", "residence_status"), _RESIDENT_GROUP, width=8, choices=("户籍", "常住", "流动")),
    Field("political_status", label("residents", "political_status"), _RESIDENT_GROUP, width=9,
          choices=("群众", "中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士")),
    Field("ethnicity", label("residents", "ethnicity"), _RESIDENT_GROUP, width=6), Field("employment", label("residents", "employment"), _RESIDENT_GROUP, width=8),
    Field("hukou_address", label("residents", "hukou_address"), _RESIDENT_GROUP, width=16),
    Field("permit_start", label("residents", "permit_start"), _RESIDENT_GROUP, DATE, width=11),
    Field("permit_end", label("residents", "permit_end"), _RESIDENT_GROUP, DATE, width=11),
    Field("status", "状态", _RESIDENT_GROUP, width=6, choices=("在册", "迁出", "死亡")),
    Field("notes", "备注（登记）", _RESIDENT_GROUP, width=14),
    Field("categories", "困难类别", "困难群众清单", width=14, is_list=True, choices=_CATS),
    *_household("所在户"),
    *PSEUDO,
))

HOUSEHOLD = Entity("household", "住户（每户一行）", "户", (
    *_household("住户"),
    Field("status", "住户状态", "住户", width=6, choices=("在册", "注销")),
    *PSEUDO,
))

_E = "困难登记"
_SUBJECT = "对象（本人或户主）"
ENROLMENT = Entity("enrolment", "困难群众登记（每条登记一行）", "人", (
    Field("category", "困难类别", _E, width=9, choices=_CATS), Field("category_name", "类别全称", _E, width=12),
    Field("status", "登记状态", _E, width=8, choices=("申请", "审核公示", "在册", "退出", "不予通过")),
    Field("applied_on", "申请日期", _E, DATE, width=11), Field("enrolled_on", "纳入日期", _E, DATE, width=11),
    Field("exited_on", "退出日期", _E, DATE, width=11), Field("exit_reason", "退出原因", _E, width=12),
    Field("covered_count", "保障人数", _E, NUMBER, width=7),
    Field("monthly_amount", "月保障金额（元）", _E, NUMBER, width=10),
    Field("start_month", "起始年月", _E, width=9), Field("certificate_no", "证号", _E, width=12),
    Field("support_mode", "保障方式", _E, width=8), Field("family_type", "家庭类别", _E, width=8),
    Field("housing", "住房情况", _E, width=8),
    Field("last_review_date", "上次复核", _E, DATE, width=11), Field("next_review_date", "下次复核", _E, DATE, width=11),
    Field("notes", "备注（登记）", _E, width=12),
    Field("extra_self_care", "自理能力", _E, width=8), Field("extra_support_setting", "供养方式", _E, width=8),
    Field("extra_cert_no", "残疾证号", _E, width=20), Field("extra_disability_type", "残疾类别", _E, width=8),
    Field("extra_grade", "残疾等级", _E, width=7), Field("extra_illness", "病种", _E, width=10),
    Field("extra_kind", "优抚类别", _E, width=9), Field("extra_guardian", "监护人", _E, width=8),
    Field("extra_parents_at", "父母务工地", _E, width=12),
    Field("subject_name", "姓名", _SUBJECT, width=8), Field("subject_sex", "性别", _SUBJECT, width=5),
    Field("subject_birth_date", "出生日期", _SUBJECT, DATE, width=11),
    Field("subject_age", "年龄", _SUBJECT, NUMBER, width=5),
    Field("subject_id_number", "身份证号", _SUBJECT, mask="id", width=20),
    Field("subject_phone", "联系电话", _SUBJECT, mask="phone", width=13),
    *_household("所在户"),
    *PSEUDO,
))

_V = "走访"
VISIT = Entity("visit", "走访记录（每次走访一行）", "次", (
    Field("visit_date", "走访日期", _V, DATE, width=11), Field("start_time", "时间", _V, width=6),
    Field("visit_type", "走访类型", _V, width=10), Field("channel", "走访方式", _V, width=8),
    Field("nobody_home", "未遇", _V, width=5), Field("visitors", "走访人", _V, width=10),
    Field("met", "见到的居民", _V, width=10),
    Field("situation", "家庭基本情况", _V, width=20), Field("difficulties", "实际困难", _V, width=16),
    Field("requests", "诉求与建议", _V, width=16), Field("plan", "后续工作计划", _V, width=16),
    Field("next_visit_date", "下次走访日期", _V, DATE, width=11), Field("notes", "备注（走访）", _V, width=12),
    *_household("被访住户"),
    *PSEUDO,
))

_A = "待办事项"
ACTION_ITEM = Entity("action_item", "会议待办事项（每项一行）", "项", (
    Field("what", "事项", _A, width=24), Field("owner", "负责人", _A, width=8),
    Field("due_date", "截止日期", _A, DATE, width=11),
    Field("status", "状态", _A, width=8, choices=("待办", "进行中", "已完成")),
    Field("done_date", "完成日期", _A, DATE, width=11), Field("overdue", "是否逾期", DERIVED, width=8),
    Field("meeting_title", "来源会议", "来源会议", width=20), Field("meeting_date", "会议日期", "来源会议", DATE, width=11),
    Field("meeting_type", "会议类型", "来源会议", width=12), Field("meeting_host", "主持人", "来源会议", width=8),
    *PSEUDO,
))

_N = "需求和建议"
NEED = Entity("need", "困难需求和建言献策（每件一行）", "件", (
    Field("kind", "类别", _N, width=9, choices=("困难需求", "建言献策")), Field("content", "内容", _N, width=28),
    Field("category", "分类", _N, width=9), Field("status", "办理状态", _N, width=8),
    Field("channel", "渠道", _N, width=7), Field("received_date", "受理日期", _N, DATE, width=11),
    Field("resolved_date", "办结日期", _N, DATE, width=11), Field("satisfaction", "满意度", _N, width=8),
    Field("handler", "经办人", _N, width=8), Field("raised_by", "提出人", _N, width=9),
    Field("raised_by_phone", "提出人电话", _N, mask="phone", width=13),
    *_household("所在户"),
    *PSEUDO,
))

ENTITIES: dict[str, Entity] = {e.key: e for e in (RESIDENT, HOUSEHOLD, ENROLMENT, VISIT, ACTION_ITEM, NEED)}
