"""Roster kinds of the later areas: hardship lists (低保花名册 …), overdue visits,
action items and the needs list.  Rows come from the areas' services, so the
same rules (grid scope, masking, overdue) apply as on screen.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping

from db.queries import rosters as q
from neighbourhood.excel.kinds import DATE, NUMBER, Column, RosterKind, period_of, register
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def _enrolments(ledger: "Ledger", filters: Mapping[str, Any], code: str) -> list[Any]:
    # Raw values: the roster writer masks them itself (unless the export is full *and*
    # allowed), so masking twice would garble '138****0001'.
    return ledger.hardship.list(category=code, grid_id=filters.get("grid_id") or None, status="在册",
                                raw=True)


def _dibao_rows(ledger: "Ledger", filters: Mapping[str, Any], code: str = "低保") -> Iterator[tuple]:
    # The columns of a typical 低保花名册 (see DOMAIN.md).
    for n, e in enumerate(_enrolments(ledger, filters, code), 1):
        yield (n, e.subject_name, e.id_number, e.member_count, e.covered_count, e.address, e.phone,
               e.support_mode, _yuan(e.monthly_amount_fen), e.start_month, e.certificate_no,
               e.next_review_date, e.notes if hasattr(e, "notes") else None)


_DIBAO_COLUMNS = (
    Column("no", "序号", 6, NUMBER), Column("head", "户主姓名", 9), Column("id_number", "身份证号", 20, mask="id"),
    Column("members", "家庭人口", 7, NUMBER), Column("covered", "保障人数", 7, NUMBER),
    Column("address", "家庭住址", 16), Column("phone", "联系电话", 13, mask="phone"),
    Column("mode", "保障类别", 8), Column("amount", "月保障金额（元）", 10, NUMBER),
    Column("start", "起始年月", 9), Column("cert", "低保证编号", 12), Column("review", "下次复核", 11, DATE),
    Column("notes", "备注", 12))

for _code, _title in (("低保", "低保花名册"), ("低保边缘", "低保边缘家庭花名册")):
    register(RosterKind(
        key=f"hardship:{_code}", title=_title, columns=_DIBAO_COLUMNS,
        rows=lambda ledger, f, code=_code: _dibao_rows(ledger, f, code),
        count=lambda ledger, f, code=_code: len(_enrolments(ledger, f, code)),
        filters=("grid_id",), unit="户"))


def _person_rows(ledger: "Ledger", filters: Mapping[str, Any], code: str) -> Iterator[tuple]:
    for n, e in enumerate(_enrolments(ledger, filters, code), 1):
        extra = e.extra or {}
        detail = "、".join(str(v) for v in extra.values() if v not in (None, ""))
        yield (n, e.subject_name, e.sex, e.birth_date, e.id_number, e.address, e.grid_name, e.phone,
               detail, e.enrolled_on, e.next_review_date)


_PERSON_COLUMNS = (
    Column("no", "序号", 6, NUMBER), Column("name", "姓名", 8), Column("sex", "性别", 5),
    Column("birth_date", "出生日期", 11, DATE), Column("id_number", "身份证号", 20, mask="id"),
    Column("address", "住址", 16), Column("grid", "网格", 9), Column("phone", "联系电话", 13, mask="phone"),
    Column("detail", "类别详情", 14), Column("enrolled", "纳入日期", 11, DATE),
    Column("review", "下次复核", 11, DATE))

for _code, _title in (("特困供养", "特困人员花名册"), ("残疾", "残疾人名册"), ("重病/大病", "重病大病人员名册")):
    register(RosterKind(
        key=f"hardship:{_code}", title=_title, columns=_PERSON_COLUMNS,
        rows=lambda ledger, f, code=_code: _person_rows(ledger, f, code),
        count=lambda ledger, f, code=_code: len(_enrolments(ledger, f, code)),
        filters=("grid_id",)))


def _visit_args(filters: Mapping[str, Any]) -> dict[str, Any]:
    date_from, date_to = period_of(filters)
    return dict(date_from=date_from, date_to=date_to, grid_id=filters.get("grid_id") or None,
                building_id=filters.get("building_id") or None)


def _visit_log_rows(ledger: "Ledger", filters: Mapping[str, Any]) -> Iterator[tuple]:
    for n, (day, building, entrance, unit, grid, visitors, vtype, channel, met, situation,
            difficulties, requests, needs, nobody_home, next_date, _hid) in enumerate(
            q.visit_log_rows(ledger.conn, **_visit_args(filters)), 1):
        troubles = "；".join(t for t in (difficulties, requests) if t)
        yield (n, day, address_of(building, entrance or "", unit), grid, visitors, vtype, channel,
               None if nobody_home else met, situation, troubles or None, needs,
               "未遇" if nobody_home else "", next_date)


# 走访记录台账: one row per visit (未遇 attempts included and marked) in a period.
register(RosterKind(
    key="visits", title="走访记录台账",
    columns=(Column("no", "序号", 6, NUMBER), Column("date", "走访日期", 11, DATE),
             Column("address", "住址", 15), Column("grid", "网格", 9), Column("visitors", "走访人", 10),
             Column("type", "走访类型", 9), Column("channel", "方式", 6), Column("met", "见到的居民", 10),
             Column("situation", "家庭基本情况", 20), Column("troubles", "困难和诉求", 20),
             Column("needs", "需求事项", 18), Column("nobody_home", "未遇", 5),
             Column("next", "下次走访", 11, DATE)),
    rows=_visit_log_rows,
    count=lambda ledger, f: q.visit_log_count(ledger.conn, **_visit_args(f)),
    filters=("grid_id", "building_id", "date_from", "date_to"), unit="次"))


def _overdue(ledger: "Ledger", filters: Mapping[str, Any]) -> list[Any]:
    rows = ledger.visits.schedule(grid_id=filters.get("grid_id") or None)
    return [r for r in rows if r.status in ("overdue", "never_visited")]


_STATUS = {"overdue": "逾期", "never_visited": "从未走访", "due_this_week": "本周应访", "ok": "正常"}
register(RosterKind(
    key="overdue_visits", title="逾期未走访名单",
    columns=(Column("no", "序号", 6, NUMBER), Column("address", "住址", 16), Column("head", "户主", 8),
             Column("groups", "所属人群", 16), Column("interval", "走访周期（天）", 9, NUMBER),
             Column("last", "上次走访", 11, DATE), Column("due", "应访日期", 11, DATE),
             Column("status", "状态", 8), Column("days", "逾期天数", 8, NUMBER),
             Column("grid", "网格", 9), Column("worker", "网格员", 8)),
    rows=lambda ledger, f: ((n, r.address, r.head_name, r.groups, r.interval_days, r.last_visit_date,
                             r.due_date, _STATUS.get(r.status, r.status), r.days_overdue or None,
                             r.grid_name, r.grid_worker) for n, r in enumerate(_overdue(ledger, f), 1)),
    count=lambda ledger, f: len(_overdue(ledger, f)), filters=("grid_id",), unit="户"))

register(RosterKind(
    key="action_items", title="会议待办事项清单",
    columns=(Column("no", "序号", 6, NUMBER), Column("what", "事项", 24), Column("owner", "负责人", 8),
             Column("due", "截止日期", 11, DATE), Column("status", "状态", 8), Column("overdue", "是否逾期", 8),
             Column("meeting", "来源会议", 20)),
    rows=lambda ledger, f: ((n, a.what, a.owner, a.due_date, a.status, "逾期" if a.overdue else "",
                             a.meeting_title) for n, a in enumerate(ledger.meetings.actions(), 1)),
    count=lambda ledger, f: len(ledger.meetings.actions()), filters=(), unit="项"))

register(RosterKind(
    key="needs", title="困难需求和建言献策清单",
    columns=(Column("no", "序号", 6, NUMBER), Column("kind", "类别", 9), Column("content", "内容", 28),
             Column("raised_by", "提出人", 9), Column("channel", "渠道", 7), Column("received", "受理日期", 11, DATE),
             Column("status", "办理状态", 8), Column("resolved", "办结日期", 11, DATE),
             Column("satisfaction", "满意度", 8)),
    rows=lambda ledger, f: ((n, x.kind, x.content, "匿名" if x.anonymous else (x.resident_name or x.raised_by),
                             x.channel, x.received_date, x.status, x.resolved_date, x.satisfaction)
                            for n, x in enumerate(ledger.needs.list(), 1)),
    count=lambda ledger, f: len(ledger.needs.list()), filters=(), unit="件"))
