"""Needs and suggestions (困难需求清单/建言献策清单) and service items (服务项目清单).

A need moves 受理 → 办理 → 办结 → 回访; each step is a dated row in
``need_steps`` written in the same operation as the status change, so the
list and the history never disagree.  回访 records the resident's
satisfaction.  A need may come from a visit (``visit_id``, no foreign key: the
visits table belongs to another migration) or from a meeting.

Reached as ``ledger.meetings.needs`` and ``ledger.meetings.services``.
Thread: the ledger's thread.  Raises ValidationError / NotFound /
PermissionDenied with Chinese messages.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import TYPE_CHECKING, Any, Callable, Mapping

from db.queries import meetings as q
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.dates import as_date
from neighbourhood.text import as_choice, clean

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

NEED = "困难需求"
SUGGESTION = "建言献策"
NEED_KINDS = (NEED, SUGGESTION)
CHANNELS = ("走访", "来访", "电话", "议事会", "其他")
NEED_STEPS = ("受理", "办理", "办结", "回访")
SATISFACTION = ("满意", "基本满意", "不满意")
CATEGORIES = ("生活救助", "医疗健康", "养老服务", "住房", "就业", "环境卫生", "物业管理",
              "治安安全", "邻里纠纷", "设施维修", "政策咨询", "其他")


def _fields(cls, row: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in row.items() if k in names}


@dataclasses.dataclass(frozen=True)
class NeedStep:
    id: str
    step: str
    step_date: str
    content: str | None = None
    handler: str | None = None


@dataclasses.dataclass(frozen=True)
class Need:
    id: str
    kind: str
    content: str
    received_date: str
    status: str = "受理"
    channel: str | None = None
    category: str | None = None
    resident_id: str | None = None
    household_id: str | None = None
    anonymous: bool = False
    raised_by: str | None = None
    resolved_date: str | None = None
    satisfaction: str | None = None
    adopted: bool | None = None
    handler: str | None = None
    visit_id: str | None = None
    meeting_id: str | None = None
    resident_name: str | None = None
    meeting_title: str | None = None
    steps: tuple[NeedStep, ...] = ()

    @property
    def who(self) -> str:
        """The person shown in lists: 匿名, the resident, or the name given."""
        if self.anonymous:
            return "匿名"
        return self.resident_name or self.raised_by or ""

    @classmethod
    def from_row(cls, row: Mapping[str, Any], steps: tuple[NeedStep, ...] = ()) -> "Need":
        values = _fields(cls, row)
        values["anonymous"] = bool(values.get("anonymous"))
        if values.get("adopted") is not None:
            values["adopted"] = bool(values["adopted"])
        return cls(**values, steps=steps)


@dataclasses.dataclass(frozen=True)
class NeedCounts:
    """Figures for the monthly report: received/resolved in ``[date_from, date_to)``."""
    needs_received: int
    needs_resolved: int
    suggestions_received: int
    suggestions_resolved: int
    suggestions_adopted: int
    by_category: dict[str, int]
    satisfaction: dict[str, int]
    open_by_status: dict[str, int]  # now, both kinds: 受理/办理 (办结/回访 are closed)


class Needs:
    """The needs and suggestions lists."""

    def __init__(self, ledger: "Ledger", *, today: Callable[[], _dt.date] = _dt.date.today) -> None:
        self._l = ledger
        self.today = today

    def get(self, need_id: str) -> Need:
        row = q.need(self._l.conn, need_id)
        if row is None:
            raise NotFound("诉求/建议不存在或已删除")
        steps = tuple(NeedStep(**_fields(NeedStep, s)) for s in q.need_steps(self._l.conn, need_id))
        return Need.from_row(row, steps)

    def list(self, *, kind: str | None = None, status: str | None = None, date_from: Any = None,
             date_to: Any = None, visit_id: str | None = None,
             meeting_id: str | None = None) -> list[Need]:
        """Newest first; ``date_to`` exclusive (received date)."""
        rows = q.needs(self._l.conn, kind=kind or None, status=status or None,
                       date_from=as_date(date_from, "date_from", "开始日期"),
                       date_to=as_date(date_to, "date_to", "结束日期"),
                       visit_id=visit_id, meeting_id=meeting_id)
        return [Need.from_row(r) for r in rows]

    def _check(self, values: dict[str, Any], *, new: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if new or "kind" in values:
            out["kind"] = as_choice(values.get("kind"), NEED_KINDS, "kind", "类别（困难需求/建言献策）")
        if new or "content" in values:
            out["content"] = clean(values.get("content"))
            if not out["content"]:
                raise ValidationError("请填写诉求或建议的内容", field="content")
        if new or "received_date" in values:
            out["received_date"] = (as_date(values.get("received_date"), "received_date", "受理日期")
                                    or self.today().isoformat())
            if out["received_date"] > self.today().isoformat():
                raise ValidationError("“受理日期”不能晚于今天", field="received_date")
        if values.get("channel") not in (None, ""):
            out["channel"] = as_choice(values["channel"], CHANNELS, "channel", "来源渠道")
        elif "channel" in values:
            out["channel"] = None
        for key in ("category", "raised_by", "handler", "visit_id"):
            if key in values:
                out[key] = clean(values[key])
        for key in ("resident_id", "household_id", "meeting_id"):
            if key in values:
                out[key] = values[key] or None
        if out.get("resident_id"):
            self._l.residents.get(out["resident_id"])
        if out.get("household_id"):
            self._l.households.get(out["household_id"])
        if out.get("meeting_id"):
            self._l.meetings.get(out["meeting_id"])
        if "anonymous" in values:
            out["anonymous"] = 1 if values["anonymous"] else 0
            if out["anonymous"]:  # anonymous means nobody is recorded
                out.update(resident_id=None, household_id=None, raised_by=None)
        if "adopted" in values:
            out["adopted"] = None if values["adopted"] is None else int(bool(values["adopted"]))
        return out

    def add(self, *, kind: str, content: str, channel: str | None = None,
            category: str | None = None, resident_id: str | None = None,
            household_id: str | None = None, anonymous: bool = False, raised_by: str | None = None,
            received_date: Any = None, handler: str | None = None, visit_id: str | None = None,
            meeting_id: str | None = None) -> Need:
        """Register a need or suggestion (status 受理, with its 受理 step; one operation)."""
        self._l.access.require_write()
        values = self._check(dict(kind=kind, content=content, channel=channel, category=category,
                                  resident_id=resident_id, household_id=household_id,
                                  anonymous=anonymous, raised_by=raised_by,
                                  received_date=received_date, handler=handler, visit_id=visit_id,
                                  meeting_id=meeting_id), new=True)
        if (not values["anonymous"] and not values.get("resident_id") and not values.get("household_id")
                and not values.get("raised_by")):
            raise ValidationError("请填写提出人（居民、住户或姓名），或勾选“匿名”", field="raised_by")
        values["status"] = "受理"
        with self._l.operation(f"登记{values['kind']}"):
            need_id = self._l.writer.insert("needs", values)
            self._l.writer.insert("need_steps", dict(
                need_id=need_id, step="受理", step_date=values["received_date"],
                content=None, handler=values.get("handler")))
        return self.get(need_id)

    def update(self, need_id: str, **changes: Any) -> Need:
        """Change the need's own fields (not its status: see :meth:`advance`)."""
        self._l.access.require_write()
        self.get(need_id)
        if "status" in changes or "satisfaction" in changes or "resolved_date" in changes:
            raise ValidationError("办理进度请用“办理/办结/回访”登记", field="status")
        values = self._check(changes, new=False)
        with self._l.operation("修改诉求/建议"):
            self._l.writer.update("needs", need_id, values)
        return self.get(need_id)

    def advance(self, need_id: str, *, step: str, on: Any = None, content: str | None = None,
                handler: str | None = None, satisfaction: str | None = None) -> Need:
        """Record the next handling step (办理, 办结 or 回访) with its date; one operation.

        Steps go forward only (a step may repeat: several 办理 notes).  办结 sets
        the resolved date; 回访 needs a 办结 first and a satisfaction.
        """
        self._l.access.require_write()
        need = self.get(need_id)
        step = as_choice(step, NEED_STEPS[1:], "step", "办理环节")
        day = as_date(on, "step_date", f"{step}日期") or self.today().isoformat()
        if day < need.received_date:
            raise ValidationError(f"“{step}日期”早于受理日期 {need.received_date}", field="step_date")
        if day > self.today().isoformat():
            raise ValidationError(f"“{step}日期”不能晚于今天", field="step_date")
        if NEED_STEPS.index(step) < NEED_STEPS.index(need.status):
            raise ValidationError(f"此事项已{need.status}，不能再登记“{step}”", field="step")
        if step == "回访" and need.status not in ("办结", "回访"):
            raise ValidationError("请先登记“办结”，再登记回访", field="step")
        content, handler = clean(content), clean(handler)
        if step in ("办理", "办结") and not content:
            raise ValidationError(f"请填写{step}情况", field="content")
        values: dict[str, Any] = {"status": step}
        if step == "办结":
            values["resolved_date"] = day
        if step == "回访":
            values["satisfaction"] = as_choice(satisfaction, SATISFACTION, "satisfaction", "满意度")
        if handler:
            values["handler"] = handler
        with self._l.operation(f"{need.kind}{step}"):
            self._l.writer.update("needs", need_id, values)
            self._l.writer.insert("need_steps", dict(need_id=need_id, step=step, step_date=day,
                                                     content=content, handler=handler))
        return self.get(need_id)

    def set_adopted(self, need_id: str, adopted: bool | None) -> Need:
        """Whether a suggestion was adopted (采纳)."""
        need = self.get(need_id)
        if need.kind != SUGGESTION:
            raise ValidationError("只有建言献策才有“是否采纳”", field="adopted")
        return self.update(need_id, adopted=adopted)

    def delete(self, need_id: str) -> None:
        self._l.access.require_write()
        need = self.get(need_id)
        with self._l.operation(f"删除{need.kind}"):
            for s in need.steps:
                self._l.writer.soft_delete("need_steps", s.id)
            self._l.writer.soft_delete("needs", need_id)

    def counts(self, *, date_from: Any, date_to: Any) -> NeedCounts:
        raw = q.need_counts(self._l.conn, as_date(date_from, "date_from", "开始日期"),
                            as_date(date_to, "date_to", "结束日期"))
        open_by_status = {s: sum(c for (_k, st), c in raw["by_status"].items() if st == s)
                          for s in ("受理", "办理")}
        return NeedCounts(
            needs_received=raw["received"].get(NEED, 0), needs_resolved=raw["resolved"].get(NEED, 0),
            suggestions_received=raw["received"].get(SUGGESTION, 0),
            suggestions_resolved=raw["resolved"].get(SUGGESTION, 0),
            suggestions_adopted=raw["adopted"], by_category=raw["by_category"],
            satisfaction=raw["satisfaction"], open_by_status=open_by_status)


@dataclasses.dataclass(frozen=True)
class ServiceItem:
    id: str
    name: str
    provider: str | None = None
    contact: str | None = None
    schedule: str | None = None
    notes: str | None = None
    sort_no: int = 0


class ServiceItems:
    """The service items list (服务项目清单)."""

    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def list(self) -> list[ServiceItem]:
        return [ServiceItem(**_fields(ServiceItem, r)) for r in q.service_items(self._l.conn)]

    def get(self, item_id: str) -> ServiceItem:
        row = q.service_item(self._l.conn, item_id)
        if row is None:
            raise NotFound("服务项目不存在或已删除")
        return ServiceItem(**_fields(ServiceItem, row))

    def _check(self, values: dict[str, Any], *, new: bool) -> dict[str, Any]:
        out = {k: clean(v) for k, v in values.items()
               if k in ("name", "provider", "contact", "schedule", "notes")}
        if (new or "name" in values) and not out.get("name"):
            raise ValidationError("请填写服务项目名称", field="name")
        if "sort_no" in values:
            out["sort_no"] = int(values["sort_no"] or 0)
        return out

    def add(self, *, name: str, provider: str | None = None, contact: str | None = None,
            schedule: str | None = None, notes: str | None = None, sort_no: int = 0) -> ServiceItem:
        self._l.access.require_staff()
        values = self._check(dict(name=name, provider=provider, contact=contact, schedule=schedule,
                                  notes=notes, sort_no=sort_no), new=True)
        if any(s.name == values["name"] for s in self.list()):
            raise ValidationError(f"已有名为“{values['name']}”的服务项目", field="name")
        with self._l.operation(f"新增服务项目 {values['name']}"):
            item_id = self._l.writer.insert("service_items", values)
        return self.get(item_id)

    def update(self, item_id: str, **changes: Any) -> ServiceItem:
        self._l.access.require_staff()
        self.get(item_id)
        values = self._check(changes, new=False)
        with self._l.operation("修改服务项目"):
            self._l.writer.update("service_items", item_id, values)
        return self.get(item_id)

    def delete(self, item_id: str) -> None:
        self._l.access.require_staff()
        self.get(item_id)
        with self._l.operation("删除服务项目"):
            self._l.writer.soft_delete("service_items", item_id)
