"""Household visits (走访): records, needs raised, rules, the due/overdue schedule, counts.

A visit is saved whole: :meth:`Visits.record` writes the visit, its visitors,
the residents met and the needs raised in one operation (one transaction, one
undo step, audited).  A 未遇 (nobody home) record is an attempt: it is kept
and shown, but never resets the schedule.  A phone call (电话) or a visit by a
volunteer (志愿者代访) counts, recorded as such.

Rules, types and manual flags live in :mod:`neighbourhood.visit_rules` (the
``flag:<name>`` group provider is registered when this module is imported);
the schedule and the period counts in :mod:`neighbourhood.visit_schedule`.

Thread: the ledger's thread.  Raises :class:`ValidationError` (Chinese message,
``field`` names the column, ``row`` the child row), :class:`NotFound`,
:class:`PermissionDenied` (a grid worker outside their grids; rules need staff).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from db.queries import visits as q
from db.writes import Operation
from neighbourhood import visit_schedule
from neighbourhood.dates import as_date, as_time
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.text import clean
from neighbourhood.visit_rules import VisitRule, VisitType, RulesMixin  # registers flag groups
from neighbourhood.visit_schedule import (DUE_THIS_WEEK, NEVER_VISITED, OK, OVERDUE, STATUSES, TIERS,
                                          ScheduleRow, VisitCounts)

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

__all__ = ["Visits", "Visit", "Visitor", "VisitNeed", "VisitRule", "VisitType", "ScheduleRow",
           "VisitCounts", "CHANNELS", "VISITOR_ROLES", "NEED_STATUSES", "STATUSES", "TIERS",
           "OVERDUE", "DUE_THIS_WEEK", "NEVER_VISITED", "OK"]

CHANNELS = ("入户", "电话", "志愿者代访")
VISITOR_ROLES = ("网格员", "社工", "志愿者")
STAFF_ROLES = ("网格员", "社工")     # must be a user account of the committee
NEED_STATUSES = ("待办", "处理中", "已办结")
RESOLVED = "已办结"
_TEXT_FIELDS = ("situation", "difficulties", "requests", "plan", "notes")


def _fields(cls, row: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in row.items() if k in names}


@dataclasses.dataclass(frozen=True)
class Visitor:
    name: str
    role: str
    user_id: str | None = None
    id: str | None = None


@dataclasses.dataclass(frozen=True)
class VisitNeed:
    id: str
    visit_id: str
    household_id: str
    what: str
    owner: str | None = None
    due_date: str | None = None
    status: str = "待办"
    result: str | None = None
    resolved_at: str | None = None
    need_id: str | None = None
    visit_date: str | None = None


@dataclasses.dataclass(frozen=True)
class Visit:
    id: str
    household_id: str
    visit_date: str
    visit_type: str
    channel: str = "入户"
    nobody_home: bool = False
    start_time: str | None = None
    grid_id: str | None = None
    situation: str | None = None
    difficulties: str | None = None
    requests: str | None = None
    plan: str | None = None
    next_visit_date: str | None = None
    notes: str | None = None
    visitor_names: str | None = None
    need_count: int = 0
    updated_by: str | None = None
    visitors: tuple[Visitor, ...] = ()
    residents_met: tuple[str, ...] = ()          # resident ids
    resident_names: tuple[str, ...] = ()
    needs: tuple[VisitNeed, ...] = ()

    @property
    def counts_as_visit(self) -> bool:
        return not self.nobody_home

    @classmethod
    def from_row(cls, row: Mapping[str, Any], **children: Any) -> "Visit":
        values = _fields(cls, row)
        values["nobody_home"] = bool(values.get("nobody_home"))
        values.update(children)
        return cls(**values)


class Visits(RulesMixin):
    """The visits service, reached as ``ledger.visits``."""

    def __init__(self, ledger: "Ledger", *, today: Callable[[], _dt.date] = _dt.date.today) -> None:
        self._l = ledger
        self.today = today

    # --- reading -----------------------------------------------------------------------

    def get(self, visit_id: str) -> Visit:
        row = q.visit(self._l.conn, visit_id)
        if row is None:
            raise NotFound("走访记录不存在或已删除")
        visitors = tuple(Visitor(v["name"], v["role"], v["user_id"], v["id"])
                         for v in q.visitors(self._l.conn, visit_id))
        met = q.residents_met(self._l.conn, visit_id)
        needs = tuple(VisitNeed(**_fields(VisitNeed, n), visit_date=row["visit_date"])
                      for n in q.visit_needs(self._l.conn, visit_id))
        return Visit.from_row(row, visitors=visitors, residents_met=tuple(m["resident_id"] for m in met),
                              resident_names=tuple(m["resident_name"] for m in met), needs=needs)

    def history(self, household_id: str) -> list[Visit]:
        """Visits and 未遇 attempts of one household, newest first (without children)."""
        return [Visit.from_row(r) for r in q.visits_of_household(self._l.conn, household_id)]

    # --- validation --------------------------------------------------------------------

    def _household_grid(self, household_id: str | None) -> str | None:
        if not household_id:
            raise ValidationError("请选择走访的住户", field="household_id")
        try:
            household = self._l.households.get(household_id)
        except NotFound:
            raise ValidationError("该户不存在或已删除，不能登记走访", field="household_id") from None
        if household.status != "在册":
            raise ValidationError(f"该户已{household.status}（不在册），不能登记走访", field="household_id")
        grid_id = self._l.households.grid_of(household_id)
        self._l.access.require_grid(grid_id)
        return grid_id

    def _visit_values(self, values: dict[str, Any], *, new: bool, current: Visit | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        today = self.today().isoformat()
        if new or "visit_date" in values:
            out["visit_date"] = as_date(values.get("visit_date"), "visit_date", "走访日期") or today
            if out["visit_date"] > today:
                raise ValidationError(f"走访日期 {out['visit_date']} 晚于今天，不能登记将来的走访",
                                      field="visit_date")
        if "start_time" in values:
            out["start_time"] = as_time(values.get("start_time"), "start_time", "走访时间")
        if new or "visit_type" in values:
            kind = clean(values.get("visit_type")) or "日常走访"
            if kind not in {t.name for t in self.types()}:
                raise ValidationError(f"未知的走访类型：{kind}", field="visit_type")
            out["visit_type"] = kind
        if new or "channel" in values:
            channel = clean(values.get("channel")) or "入户"
            if channel not in CHANNELS:
                raise ValidationError(f"走访方式应为：{'、'.join(CHANNELS)}", field="channel")
            out["channel"] = channel
        if new or "nobody_home" in values:
            out["nobody_home"] = 1 if values.get("nobody_home") else 0
        for key in _TEXT_FIELDS:
            if key in values:
                out[key] = clean(values[key])
        if "next_visit_date" in values:
            out["next_visit_date"] = as_date(values.get("next_visit_date"), "next_visit_date", "下次走访日期")
        day = out.get("visit_date") or (current.visit_date if current else today)
        if out.get("next_visit_date") and out["next_visit_date"] < day:
            raise ValidationError("下次走访日期不能早于本次走访日期", field="next_visit_date")
        return out

    def _visitors(self, visitors: Sequence[Any]) -> list[dict[str, Any]]:
        out = []
        for i, raw in enumerate(visitors):
            v = raw if isinstance(raw, Mapping) else dataclasses.asdict(raw)
            name, role, user_id = clean(v.get("name")), clean(v.get("role")) or "网格员", v.get("user_id")
            if role not in VISITOR_ROLES:
                raise ValidationError(f"走访人角色应为：{'、'.join(VISITOR_ROLES)}", field="visitors", row=i)
            if user_id:
                from db.queries.users import user as user_row
                user = user_row(self._l.conn, user_id)
                if user is None or not user["active"] or user["role"] == "auditor":
                    raise ValidationError(f"走访人“{name or user_id}”不是本社区在职工作人员",
                                          field="visitors", row=i)
                name = name or user["display_name"]
            elif role in STAFF_ROLES:
                found = q.staff_by_display_name(self._l.conn, name or "")
                if not found:
                    raise ValidationError(
                        f"走访人“{name or ''}”不是本社区工作人员账号；{role}须是已登记的用户，"
                        "社区外人员请选择“志愿者”", field="visitors", row=i)
                user_id = found[0]["id"]
            if not name:
                raise ValidationError("请填写走访人姓名", field="visitors", row=i)
            out.append(dict(name=name, role=role, user_id=user_id or None, sort_no=i))
        if not out:
            raise ValidationError("请至少填写一名走访人", field="visitors")
        return out

    def _residents(self, household_id: str, resident_ids: Sequence[str]) -> list[str]:
        members = q.live_members(self._l.conn, household_id)
        ids = list(dict.fromkeys(r for r in resident_ids if r))
        for i, rid in enumerate(ids):
            if rid not in members:
                raise ValidationError("见到的居民须是本户在册成员", field="residents_met", row=i)
        return ids

    def _need_values(self, raw: Mapping[str, Any], i: int, visit_date: str) -> dict[str, Any]:
        what = clean(raw.get("what"))
        if not what:
            raise ValidationError(f"第 {i + 1} 项诉求没有填写内容", field="needs", row=i)
        status = clean(raw.get("status")) or "待办"
        if status not in NEED_STATUSES:
            raise ValidationError(f"诉求状态应为：{'、'.join(NEED_STATUSES)}", field="needs", row=i)
        values = dict(what=what, owner=clean(raw.get("owner")), status=status, result=clean(raw.get("result")),
                      due_date=as_date(raw.get("due_date"), "needs", "办理期限"), sort_no=i)
        if values["due_date"] and values["due_date"] < visit_date:
            raise ValidationError(f"第 {i + 1} 项诉求的办理期限早于走访日期", field="needs", row=i)
        values["resolved_at"] = ((as_date(raw.get("resolved_at"), "needs", "办结日期")
                                  or self.today().isoformat()) if status == RESOLVED else None)
        return values

    # --- writing -----------------------------------------------------------------------

    def record(self, *, household_id: str, visitors: Sequence[Any], visit_date: Any = None,
               start_time: Any = None, visit_type: str = "日常走访", channel: str = "入户",
               nobody_home: bool = False, situation: str | None = None, difficulties: str | None = None,
               requests: str | None = None, plan: str | None = None, next_visit_date: Any = None,
               notes: str | None = None, residents_met: Sequence[str] = (),
               needs: Sequence[Mapping[str, Any]] = ()) -> Operation:
        """Record a visit (or a 未遇 attempt) with its visitors, residents met and needs.

        Everything is checked before anything is written, then written in one
        operation: on any error nothing is saved.  ``visitors``: dicts (or
        :class:`Visitor`) with ``name``, ``role`` (网格员/社工/志愿者) and
        optional ``user_id``; 网格员/社工 must be user accounts.  Returns the
        operation (its first ``visits`` write is the new visit).
        """
        grid_id = self._household_grid(household_id)
        values = self._visit_values(dict(
            visit_date=visit_date, start_time=start_time, visit_type=visit_type, channel=channel,
            nobody_home=nobody_home, situation=situation, difficulties=difficulties, requests=requests,
            plan=plan, next_visit_date=next_visit_date, notes=notes), new=True)
        people = self._visitors(visitors)
        met = self._residents(household_id, residents_met)
        if values["nobody_home"] and met:
            raise ValidationError("未遇（无人在家）时不能勾选见到的居民", field="residents_met")
        items = [self._need_values(n, i, values["visit_date"]) for i, n in enumerate(needs)]
        label = "登记未遇" if values["nobody_home"] else "登记走访"
        with self._l.operation(label) as op:
            visit_id = self._l.writer.insert("visits", dict(values, household_id=household_id, grid_id=grid_id))
            self._write_children(visit_id, household_id, people, met, items)
        return op

    def _write_children(self, visit_id: str, household_id: str, people: list[dict[str, Any]],
                        met: list[str], items: list[dict[str, Any]]) -> None:
        w = self._l.writer
        for person in people:
            w.insert("visit_visitors", dict(person, visit_id=visit_id))
        for rid in met:
            w.insert("visit_residents", dict(visit_id=visit_id, resident_id=rid))
        for item in items:
            w.insert("visit_needs", dict(item, visit_id=visit_id, household_id=household_id))

    def update(self, visit_id: str, *, visitors: Sequence[Any] | None = None,
               residents_met: Sequence[str] | None = None,
               needs: Sequence[Mapping[str, Any]] | None = None, **changes: Any) -> Operation:
        """Change a visit's fields; lists given replace the old ones (needs keep their ``id``).

        One operation; the household cannot change (delete and record again).
        """
        current = self.get(visit_id)
        if "household_id" in changes and changes.pop("household_id") != current.household_id:
            raise ValidationError("不能把走访记录改到另一户；请删除后重新登记", field="household_id")
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        unknown = set(changes) - {"visit_date", "start_time", "visit_type", "channel", "nobody_home",
                                  "next_visit_date", *_TEXT_FIELDS}
        if unknown:
            raise ValidationError(f"不能修改：{'、'.join(sorted(unknown))}")
        values = self._visit_values(changes, new=False, current=current)
        day = values.get("visit_date", current.visit_date)
        people = self._visitors(visitors) if visitors is not None else None
        met = self._residents(current.household_id, residents_met) if residents_met is not None else None
        nobody = values.get("nobody_home", int(current.nobody_home))
        if nobody and (met if met is not None else current.residents_met):
            raise ValidationError("未遇（无人在家）时不能勾选见到的居民", field="residents_met")
        items = None
        if needs is not None:
            old_ids = {n.id for n in current.needs}
            items = []
            for i, raw in enumerate(needs):
                item = self._need_values(raw, i, day)
                if raw.get("id"):
                    if raw["id"] not in old_ids:
                        raise ValidationError("诉求不属于这次走访", field="needs", row=i)
                    item["id"] = raw["id"]
                    old = next(n for n in current.needs if n.id == raw["id"])
                    if item["status"] == RESOLVED and old.resolved_at and not raw.get("resolved_at"):
                        item["resolved_at"] = old.resolved_at
                items.append(item)
        w = self._l.writer
        with self._l.operation("修改走访记录") as op:
            if values:
                w.update("visits", visit_id, values)
            if people is not None:
                for v in current.visitors:
                    w.soft_delete("visit_visitors", v.id)
                self._write_children(visit_id, current.household_id, people, [], [])
            if met is not None:
                for row in q.residents_met(self._l.conn, visit_id):
                    if row["resident_id"] not in met:
                        w.soft_delete("visit_residents", row["id"])
                kept = set(current.residents_met)
                self._write_children(visit_id, current.household_id, [], [r for r in met if r not in kept], [])
            if items is not None:
                keep = {i["id"] for i in items if "id" in i}
                for n in current.needs:
                    if n.id not in keep:
                        w.soft_delete("visit_needs", n.id)
                for item in items:
                    if "id" in item:
                        w.update("visit_needs", item.pop("id"), item)
                    else:
                        self._write_children(visit_id, current.household_id, [], [], [item])
        return op

    def delete(self, visit_id: str) -> Operation:
        """Soft-delete a visit and its children (one operation; undoable)."""
        current = self.get(visit_id)
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        w = self._l.writer
        with self._l.operation("删除走访记录") as op:
            for v in current.visitors:
                w.soft_delete("visit_visitors", v.id)
            for row in q.residents_met(self._l.conn, visit_id):
                w.soft_delete("visit_residents", row["id"])
            for n in current.needs:
                w.soft_delete("visit_needs", n.id)
            w.soft_delete("visits", visit_id)
        return op

    # --- needs raised at visits --------------------------------------------------------

    def needs(self, *, status: str | None = None, household_id: str | None = None,
              grid_id: str | None = None, open_only: bool = False) -> list[VisitNeed]:
        return [VisitNeed(**_fields(VisitNeed, r)) for r in q.needs(
            self._l.conn, status=status, household_id=household_id, grid_id=grid_id, open_only=open_only)]

    def set_need_status(self, need_id: str, status: str, *, result: str | None = None,
                        on: Any = None) -> Operation:
        """Move a need to 待办/处理中/已办结; 已办结 stamps ``resolved_at`` (``on`` or today)."""
        row = q.visit_need(self._l.conn, need_id)
        if row is None:
            raise NotFound("诉求不存在或已删除")
        self._l.access.require_grid(self._l.households.grid_of(row["household_id"]))
        if status not in NEED_STATUSES:
            raise ValidationError(f"诉求状态应为：{'、'.join(NEED_STATUSES)}", field="status")
        values: dict[str, Any] = {"status": status}
        if result is not None:
            values["result"] = clean(result)
        if status == RESOLVED:
            day = as_date(on, "resolved_at", "办结日期") or self.today().isoformat()
            if day > self.today().isoformat():
                raise ValidationError("办结日期不能晚于今天", field="resolved_at")
            if day < row["visit_date"]:
                raise ValidationError("办结日期早于提出诉求的走访日期", field="resolved_at")
            if not (values.get("result") or row["result"]):
                raise ValidationError("请填写办理结果（反馈结果）", field="result")
            values["resolved_at"] = day
        else:
            values["resolved_at"] = None
        with self._l.operation(f"诉求{status}") as op:
            self._l.writer.update("visit_needs", need_id, values)
        return op

    # --- schedule and counts -----------------------------------------------------------

    def _statuses(self, status: str | Sequence[str] | None) -> list[str]:
        statuses = [status] if isinstance(status, str) else list(status or ())
        unknown = set(statuses) - set(STATUSES)
        if unknown:
            raise ValidationError(f"未知的走访状态：{'、'.join(sorted(unknown))}", field="status")
        return statuses

    def _plan(self, today: _dt.date) -> str | None:
        return visit_schedule.ensure_plan(self._l.conn, q.visit_rules(self._l.conn, active_only=True), today,
                                          atomic=self._l.db.atomic)

    def update_plan(self, *, progress: Callable[..., None] | None = None, after_save: bool = False,
                    **_job: Any) -> str | None:
        """Long job: bring the schedule cache up to date for today ('rebuilt', 'refreshed' or
        None when it was current).  Run on a worker after work that may leave it stale (new
        rules, an import, a sync), so the screens' next read does not rebuild it on the GUI
        thread (seconds at a street office's 500k residents).  One SQL pass: not cancellable.

        ``after_save``: called once the caller's own work is committed; a failure here (a full
        disk) must not report that work as failed, and the next read rebuilds the cache anyway.
        """
        if progress is not None:
            progress(0, 0, "正在更新走访计划…")
        if not after_save:
            return self._plan(self.today())
        try:
            return self._plan(self.today())
        except Exception:  # a derived cache: nothing saved depends on it
            return None

    def schedule(self, *, today: _dt.date | None = None, grid_id: str | None = None,
                 visitor: str | None = None,
                 status: str | Sequence[str] | None = None) -> list[ScheduleRow]:
        """Households under at least one active rule, most urgent first (every row).

        ``visitor``: a user id or a 网格员 name (households of that worker's
        grids).  ``status``: keep only these of 'overdue' / 'due_this_week' /
        'never_visited' / 'ok'.  Reads the schedule cache (rebuilt first when
        stale: the only write, a derived table, never audited).
        """
        statuses = self._statuses(status)
        today = today or self.today()
        self._plan(today)
        return visit_schedule.build(self._l.conn, [], today=today, grid_id=grid_id, visitor=visitor,
                                    statuses=statuses or None)

    def schedule_page(self, *, today: _dt.date | None = None, grid_id: str | None = None,
                      visitor: str | None = None, status: str | Sequence[str] | None = None,
                      offset: int = 0, limit: int | None = 200) -> visit_schedule.SchedulePage:
        """One page of :meth:`schedule` with the total and the per-status counts (for screens)."""
        statuses = self._statuses(status)
        today = today or self.today()
        self._plan(today)
        return visit_schedule.page(self._l.conn, today=today, grid_id=grid_id, visitor=visitor,
                                   statuses=statuses or None, offset=max(0, int(offset)), limit=limit)

    def status_counts(self, *, today: _dt.date | None = None, grid_id: str | None = None,
                      visitor: str | None = None) -> dict[str, int]:
        """Households per schedule status (and ``all``) without fetching rows (dashboards)."""
        return dict(self.schedule_page(today=today, grid_id=grid_id, visitor=visitor, limit=0).counts)

    def status_counts_by_grid(self, *, today: _dt.date | None = None) -> dict[str, dict[str, int]]:
        """{grid id: households per schedule status} for the grids with any household under a rule."""
        today = today or self.today()
        self._plan(today)
        return q.plan_counts_by_grid(self._l.conn, today=today.isoformat(),
                                     week_end=visit_schedule.week_end(today).isoformat())

    def counts(self, *, date_from: Any, date_to: Any, grid_id: str | None = None) -> VisitCounts:
        """Done vs due per grid and visitor, needs raised/resolved in ``[date_from, date_to)``."""
        start = as_date(date_from, "date_from", "开始日期", required=True)
        stop = as_date(date_to, "date_to", "结束日期", required=True)
        if stop <= start:
            raise ValidationError("结束日期应晚于开始日期", field="date_to")
        return visit_schedule.counts(self._l.conn, q.visit_rules(self._l.conn, active_only=True),
                                     date_from=_dt.date.fromisoformat(start),
                                     date_to=_dt.date.fromisoformat(stop), grid_id=grid_id)

    def suggested_next_date(self, household_id: str, visit_date: Any = None) -> str | None:
        """Visit date + the strictest applicable interval (for the entry form).

        Read from the schedule cache (one row), not by running every group's query.
        """
        day = as_date(visit_date, "visit_date", "走访日期") or self.today().isoformat()
        self._plan(self.today())
        interval = q.plan_interval(self._l.conn, household_id)
        if interval is None:
            return None
        return (_dt.date.fromisoformat(day) + _dt.timedelta(days=interval)).isoformat()
