"""Ready-made templates for the common rosters (see /work/shared/DOMAIN.md for the columns).

They are offered even before anything is saved; saving one under the same
name keeps the committee's own version (the saved one wins).
"""
from __future__ import annotations

from neighbourhood.rosters.fields import BLANK, SEQ
from neighbourhood.rosters.template import ColumnSpec, FilterSpec, HeaderBlock, SortSpec, Template


def _cols(*specs: str | tuple[str, str]) -> list[ColumnSpec]:
    return [ColumnSpec(s) if isinstance(s, str) else ColumnSpec(s[0], s[1]) for s in specs]


_LIVE = FilterSpec("status", "eq", "在册")
_BLOCK = HeaderBlock(authority="民政部门", preparer="", reviewer="")


def _enrolled(code: str) -> list[FilterSpec]:
    return [FilterSpec("category", "eq", code), FilterSpec("status", "eq", "在册")]


def builtin_templates() -> list[Template]:
    return [
        Template(
            name="低保花名册", entity="enrolment", title="城乡居民最低生活保障对象花名册",
            columns=_cols(SEQ, ("subject_name", "户主姓名"), ("subject_id_number", "身份证号"),
                          "hh_members", "covered_count", ("hh_address", "家庭住址"), "subject_phone",
                          ("support_mode", "保障类别"), "monthly_amount", "start_month",
                          ("certificate_no", "低保证编号"), BLANK),
            filters=_enrolled("低保"), group_by="hh_grid", subtotal_sums=["covered_count", "monthly_amount"], unit="户",
            header=HeaderBlock(form_no="民低保01表", authority="民政部门")),
        Template(
            name="特困人员花名册", entity="enrolment", title="特困人员救助供养对象花名册",
            columns=_cols(SEQ, "subject_name", "subject_sex", "subject_age", "subject_id_number", "hh_address",
                          "subject_phone", "extra_self_care", "extra_support_setting", "monthly_amount",
                          "enrolled_on", "next_review_date", BLANK),
            filters=_enrolled("特困供养"), subtotal_sums=["monthly_amount"], header=_BLOCK),
        Template(
            name="高龄老人名册", entity="resident", title="高龄老人（80周岁以上）名册",
            columns=_cols(SEQ, "name", "sex", "birth_date", "age", "id_number", "phone", "hh_address",
                          "hh_grid", ("categories", "困难类别"), ("hh_last_visit", "上次走访"), ("_blank", "签字")),
            filters=[_LIVE, FilterSpec("age", "gte", 80)], sort=[SortSpec("age", True)],
            group_by="hh_grid", header=_BLOCK),
        Template(
            name="残疾人名册", entity="enrolment", title="残疾人名册",
            columns=_cols(SEQ, "subject_name", "subject_sex", "subject_age", "subject_id_number",
                          "extra_cert_no", "extra_disability_type", "extra_grade", "hh_address", "subject_phone",
                          "hh_grid", BLANK),
            filters=_enrolled("残疾"), group_by="extra_disability_type", header=HeaderBlock(authority="残联")),
        Template(
            name="独居老人探访台账", entity="visit", title="独居老人探访台账",
            columns=_cols(SEQ, "visit_date", ("hh_head", "老人姓名"), "hh_address", ("hh_head_phone", "联系电话"),
                          "channel", "visitors", "situation", "difficulties", "requests", "next_visit_date",
                          ("_blank", "老人（家属）签字")),
            filters=[FilterSpec("visit_type", "eq", "独居老人探访")], group_by="hh_grid",
            notes="探访方式含入户、电话、志愿者代访；未遇不计入探访次数。"),
        Template(
            name="党员名册", entity="resident", title="社区党员名册",
            columns=_cols(SEQ, "name", "sex", "birth_date", "age", "ethnicity", "political_status", "id_number",
                          "phone", "hh_address", "hh_grid", "employment", ("_blank", "备注")),
            filters=[_LIVE, FilterSpec("political_status", "in", ["中共党员", "中共预备党员"])],
            group_by="hh_grid"),
        Template(
            name="流动人口登记表", entity="resident", title="流动人口登记表",
            columns=_cols(SEQ, "name", "sex", "birth_date", "id_number", "phone", "hukou_address",
                          ("hh_address", "现居住地址"), "permit_start", "permit_end", "employment", "hh_grid",
                          ("_blank", "备注")),
            filters=[_LIVE, FilterSpec("residence_status", "eq", "流动")], header=HeaderBlock(authority="公安机关")),
    ]


BUILTIN_NAMES = tuple(t.name for t in builtin_templates())
