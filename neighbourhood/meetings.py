"""Meetings (会议纪要): attendees, agenda items with decisions (决议), and action items.

A meeting is saved whole (the editor's shape): :meth:`Meetings.save` writes the
meeting, its attendees, agenda items and their action items in one operation
(one transaction, one undo step).  Action items are then followed on their own:
status, dated progress notes, review at a later meeting.  "Overdue" is derived
(not 已完成 and due before today), never stored.

Needs, suggestions and service items live in :mod:`neighbourhood.needs` and are
reached as ``ledger.meetings.needs`` / ``ledger.meetings.services``.

Thread: the ledger's thread.  Raises :class:`ValidationError` (Chinese message,
``field`` names the column, ``row`` the child row), :class:`NotFound`,
:class:`PermissionDenied`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from db.queries import meetings as q
from neighbourhood.dates import as_date, as_time
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.text import as_choice, as_count, clean

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

MEETING_TYPES = ("党建联席会议", "居民议事会", "民主协商会", "居委会例会", "党员大会", "楼组长会议")
ATTENDEE_KINDS = ("staff", "resident", "outside")
ATTENDEE_KIND_NAMES = {"staff": "工作人员", "resident": "居民", "outside": "共建单位"}
ATTENDANCE = ("出席", "缺席", "列席")
ACTION_STATUSES = ("待办", "进行中", "已完成")
OVERDUE = "逾期"  # shown instead of the status, never stored

# Validation helpers live in neighbourhood.dates / neighbourhood.text (shared with needs, visits).


def _mapping(item: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(item):
        return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
    return dict(item)


def _fields(cls, row: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in row.items() if k in names}


# --- records -------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Attendee:
    name: str
    kind: str = "staff"
    unit: str | None = None
    status: str = "出席"
    absence_reason: str | None = None
    resident_id: str | None = None
    user_id: str | None = None
    id: str | None = None


@dataclasses.dataclass(frozen=True)
class ActionItem:
    what: str
    owner: str | None = None
    due_date: str | None = None
    status: str = "待办"
    done_date: str | None = None
    id: str | None = None
    meeting_id: str | None = None
    agenda_item_id: str | None = None
    reviewed_in_meeting_id: str | None = None
    overdue: bool = False
    # context from the meeting it came from (filled when read)
    meeting_title: str | None = None
    meeting_date: str | None = None
    decision: str | None = None
    reviewed_in_title: str | None = None

    @property
    def display_status(self) -> str:
        return OVERDUE if self.overdue else self.status

    @classmethod
    def from_row(cls, row: Mapping[str, Any], today: _dt.date) -> "ActionItem":
        values = _fields(cls, row)
        values["overdue"] = is_overdue(row.get("status"), row.get("due_date"), today)
        return cls(**values)


@dataclasses.dataclass(frozen=True)
class AgendaItem:
    title: str
    discussion: str | None = None
    decision: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    action_items: tuple[ActionItem, ...] = ()
    id: str | None = None


@dataclasses.dataclass(frozen=True)
class Meeting:
    id: str
    type: str
    title: str
    meeting_date: str
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    host: str | None = None
    recorder: str | None = None
    expected_count: int | None = None
    present_count: int | None = None
    open_questions: str | None = None
    notes: str | None = None
    decision_count: int = 0
    open_action_count: int = 0

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Meeting":
        return cls(**_fields(cls, row))


@dataclasses.dataclass(frozen=True)
class MeetingDetail:
    """A meeting with everything the editor and the minutes show."""
    meeting: Meeting
    attendees: tuple[Attendee, ...]
    agenda: tuple[AgendaItem, ...]
    reviewed_actions: tuple[ActionItem, ...] = ()  # earlier items followed up here

    @property
    def action_items(self) -> tuple[ActionItem, ...]:
        return tuple(a for item in self.agenda for a in item.action_items)


@dataclasses.dataclass(frozen=True)
class ActionNote:
    id: str
    note_date: str
    content: str
    updated_by: str | None = None


@dataclasses.dataclass(frozen=True)
class MeetingCounts:
    """Figures for the monthly report (period half-open; open/overdue as of ``today``)."""
    by_type: dict[str, int]
    decisions: int
    actions_created: int        # action items from meetings held in the period
    actions_completed: int      # action items completed (done_date) in the period
    actions_open: int           # not done, as of today
    actions_overdue: int        # not done and past due, as of today

    @property
    def meetings(self) -> int:
        return sum(self.by_type.values())


def is_overdue(status: str | None, due_date: str | None, today: _dt.date) -> bool:
    return bool(due_date) and status != "已完成" and due_date < today.isoformat()


# --- the service ---------------------------------------------------------------------

class Meetings:
    """Meetings and action items of one ledger (``ledger.meetings``)."""

    def __init__(self, ledger: "Ledger", *, today: Callable[[], _dt.date] = _dt.date.today) -> None:
        self._l = ledger
        self.today = today  # tests set a fixed day

    @functools.cached_property
    def needs(self):
        """Needs and suggestions (困难需求清单/建言献策清单)."""
        from neighbourhood.needs import Needs
        return Needs(self._l, today=lambda: self.today())

    @functools.cached_property
    def services(self):
        """Service items (服务项目清单)."""
        from neighbourhood.needs import ServiceItems
        return ServiceItems(self._l)

    # --- reading -----------------------------------------------------------------

    def list(self, *, type: str | None = None, date_from: Any = None, date_to: Any = None,
             text: str | None = None) -> list[Meeting]:
        """Meetings newest first; ``date_to`` is exclusive."""
        return [Meeting.from_row(r) for r in q.meetings(
            self._l.conn, type=type or None, date_from=as_date(date_from, "date_from", "开始日期"),
            date_to=as_date(date_to, "date_to", "结束日期"), text=clean(text))]

    def get(self, meeting_id: str) -> Meeting:
        row = q.meeting(self._l.conn, meeting_id)
        if row is None:
            raise NotFound("会议不存在或已删除")
        return Meeting.from_row(row)

    def detail(self, meeting_id: str) -> MeetingDetail:
        conn, today = self._l.conn, self.today()
        meeting = self.get(meeting_id)
        actions: dict[str | None, list[ActionItem]] = {}
        for row in q.action_items(conn, meeting_id=meeting_id):
            actions.setdefault(row["agenda_item_id"], []).append(ActionItem.from_row(row, today))
        agenda = tuple(
            AgendaItem(**_fields(AgendaItem, r), action_items=tuple(actions.pop(r["id"], [])))
            for r in q.agenda_items(conn, meeting_id))
        if actions:  # action items not tied to an agenda item hang on a last pseudo item
            loose = tuple(a for items in actions.values() for a in items)
            agenda += (AgendaItem(title="其他事项", action_items=loose),)
        attendees = tuple(Attendee(**_fields(Attendee, r)) for r in q.attendees(conn, meeting_id))
        reviewed = tuple(ActionItem.from_row(r, today) for r in q.actions_reviewed_in(conn, meeting_id))
        return MeetingDetail(meeting, attendees, agenda, reviewed)

    # --- writing a whole meeting ---------------------------------------------------

    def add(self, **values: Any) -> MeetingDetail:
        """Create a meeting with its attendees and agenda (see :meth:`save`)."""
        return self.save(None, **values)

    def save(self, meeting_id: str | None, *, type: str, title: str, meeting_date: Any,
             start_time: Any = None, end_time: Any = None, place: str | None = None,
             host: str | None = None, recorder: str | None = None, expected_count: Any = None,
             present_count: Any = None, open_questions: str | None = None, notes: str | None = None,
             attendees: Iterable[Any] = (), agenda: Iterable[Any] = ()) -> MeetingDetail:
        """Create (``meeting_id`` None) or replace a meeting and all its children.

        ``attendees`` are :class:`Attendee` or mappings; ``agenda`` are
        :class:`AgendaItem` or mappings whose ``action_items`` are
        :class:`ActionItem` or mappings.  Children with an ``id`` are updated,
        without one inserted; live children not given are soft-deleted.
        ``expected_count``/``present_count`` left empty are counted from the
        attendees (列席 not counted).  All in one operation.
        """
        self._l.access.require_staff()
        if meeting_id is not None:
            self.get(meeting_id)
        fields = dict(
            type=as_choice(type, MEETING_TYPES, "type", "会议类型"),
            title=clean(title),
            meeting_date=as_date(meeting_date, "meeting_date", "会议日期", required=True),
            start_time=as_time(start_time, "start_time", "开始时间"),
            end_time=as_time(end_time, "end_time", "结束时间"),
            place=clean(place), host=clean(host), recorder=clean(recorder),
            expected_count=as_count(expected_count, "expected_count", "应到人数"),
            present_count=as_count(present_count, "present_count", "实到人数"),
            open_questions=clean(open_questions), notes=clean(notes))
        if not fields["title"]:
            raise ValidationError("请填写会议名称", field="title")
        if fields["start_time"] and fields["end_time"] and fields["end_time"] < fields["start_time"]:
            raise ValidationError("“结束时间”早于“开始时间”，请核对", field="end_time")
        people = [self._check_attendee(_mapping(a), i) for i, a in enumerate(attendees)]
        items = [self._check_agenda(_mapping(a), i, fields["meeting_date"]) for i, a in enumerate(agenda)]
        if fields["expected_count"] is None and people:
            fields["expected_count"] = sum(p["status"] != "列席" for p in people)
        if fields["present_count"] is None and people:
            fields["present_count"] = sum(p["status"] == "出席" for p in people)
        if (fields["expected_count"] is not None and fields["present_count"] is not None
                and fields["present_count"] > fields["expected_count"]):
            raise ValidationError("“实到人数”不能多于“应到人数”（列席人员不计入）", field="present_count")

        label = f"{'新增' if meeting_id is None else '修改'}会议 {fields['title']}"
        writer, conn = self._l.writer, self._l.conn
        with self._l.operation(label):
            if meeting_id is None:
                meeting_id = writer.insert("meetings", fields)
                old_people = old_items = old_actions = set()
            else:
                writer.update("meetings", meeting_id, fields)
                old_people = q.child_ids(conn, "meeting_attendees", meeting_id)
                old_items = q.child_ids(conn, "agenda_items", meeting_id)
                old_actions = q.child_ids(conn, "action_items", meeting_id)
            kept_people = self._write_children("meeting_attendees", meeting_id, people, old_people)
            kept_actions: set[str] = set()
            agenda_rows = []
            for item in items:
                actions = item.pop("action_items")
                agenda_rows.append((item, actions))
            kept_items = set()
            for sort_no, (item, actions) in enumerate(agenda_rows):
                item_id = self._put("agenda_items", meeting_id, item, sort_no, old_items)
                kept_items.add(item_id)
                for a_no, action in enumerate(actions):
                    action["agenda_item_id"] = item_id
                    kept_actions.add(self._put("action_items", meeting_id, action,
                                               sort_no * 1000 + a_no, old_actions))
            for table, old, kept in (("action_items", old_actions, kept_actions),
                                     ("agenda_items", old_items, kept_items),
                                     ("meeting_attendees", old_people, kept_people)):
                for gone in old - kept:
                    writer.soft_delete(table, gone)
        return self.detail(meeting_id)

    def _write_children(self, table: str, meeting_id: str, rows: list[dict[str, Any]],
                        old: set[str]) -> set[str]:
        return {self._put(table, meeting_id, row, n, old) for n, row in enumerate(rows)}

    def _put(self, table: str, meeting_id: str, row: dict[str, Any], sort_no: int, old: set[str]) -> str:
        row = dict(row, meeting_id=meeting_id, sort_no=sort_no)
        child_id = row.pop("id", None)
        if child_id and child_id in old:
            self._l.writer.update(table, child_id, row)
            return child_id
        return self._l.writer.insert(table, row)

    def _check_attendee(self, values: dict[str, Any], row: int) -> dict[str, Any]:
        name = clean(values.get("name"))
        if not name:
            raise ValidationError(f"第 {row + 1} 位参会人员没有填写姓名", field="name", row=row)
        kind = clean(values.get("kind")) or "staff"
        if kind not in ATTENDEE_KINDS:
            raise ValidationError(f"“{name}”的人员类别不正确：{kind}", field="kind", row=row)
        status = clean(values.get("status")) or "出席"
        if status not in ATTENDANCE:
            raise ValidationError(f"“{name}”的出席情况应为出席、缺席或列席", field="status", row=row)
        reason = clean(values.get("absence_reason"))
        return dict(id=values.get("id"), name=name, kind=kind, unit=clean(values.get("unit")),
                    status=status, absence_reason=reason if status == "缺席" else None,
                    resident_id=values.get("resident_id") or None, user_id=values.get("user_id") or None)

    def _check_agenda(self, values: dict[str, Any], row: int, meeting_date: str) -> dict[str, Any]:
        title = clean(values.get("title"))
        if not title:
            raise ValidationError(f"第 {row + 1} 项议题没有填写题目", field="title", row=row)
        out = dict(id=values.get("id"), title=title, discussion=clean(values.get("discussion")),
                   decision=clean(values.get("decision")))
        for key, label in (("votes_for", "赞成票"), ("votes_against", "反对票"), ("votes_abstain", "弃权票")):
            out[key] = as_count(values.get(key), key, f"议题“{title}”的{label}")
        actions = [self._check_action(_mapping(a), f"议题“{title}”", meeting_date)
                   for a in values.get("action_items") or ()]
        out["action_items"] = actions
        return out

    def _check_action(self, values: dict[str, Any], where: str, meeting_date: str | None) -> dict[str, Any]:
        what = clean(values.get("what"))
        if not what:
            raise ValidationError(f"{where}下的待办事项没有填写内容", field="what")
        due = as_date(values.get("due_date"), "due_date", f"“{what}”的截止时间")
        if due and meeting_date and due < meeting_date:
            raise ValidationError(f"“{what}”的截止时间早于会议日期，请核对", field="due_date")
        status = clean(values.get("status")) or "待办"
        if status == OVERDUE:  # shown, not stored: keep what it was
            status = "待办"
        status = as_choice(status, ACTION_STATUSES, "status", f"“{what}”的状态")
        done = as_date(values.get("done_date"), "done_date", f"“{what}”的完成日期")
        if status == "已完成" and not done:
            done = self.today().isoformat()
        out = dict(what=what, owner=clean(values.get("owner")), due_date=due, status=status,
                   done_date=done if status == "已完成" else None)
        if values.get("id"):
            out["id"] = values["id"]
        return out

    def delete(self, meeting_id: str) -> None:
        """Soft-delete a meeting and its children (one operation)."""
        self._l.access.require_staff()
        self.get(meeting_id)
        conn, writer = self._l.conn, self._l.writer
        with self._l.operation("删除会议"):
            for table in ("action_items", "agenda_items", "meeting_attendees"):
                for child in q.child_ids(conn, table, meeting_id):
                    writer.soft_delete(table, child)
            writer.soft_delete("meetings", meeting_id)

    # --- action items -------------------------------------------------------------

    def action(self, action_id: str) -> ActionItem:
        row = q.action_item(self._l.conn, action_id)
        if row is None:
            raise NotFound("待办事项不存在或已删除")
        return ActionItem.from_row(row, self.today())

    def actions(self, *, meeting_id: str | None = None, open_only: bool = False,
                overdue_only: bool = False, owner: str | None = None) -> list[ActionItem]:
        """Action items, soonest due first (a meeting's own in agenda order)."""
        today = self.today()
        rows = q.action_items(self._l.conn, meeting_id=meeting_id, open_only=open_only,
                              overdue_before=today.isoformat() if overdue_only else None, owner=owner)
        return [ActionItem.from_row(r, today) for r in rows]

    def open_actions(self) -> list[ActionItem]:
        """Not completed, soonest due first (for the home screen)."""
        return self.actions(open_only=True)

    def overdue_actions(self) -> list[ActionItem]:
        """Not completed and due before today (for the home screen)."""
        return self.actions(overdue_only=True)

    def add_action(self, *, meeting_id: str, what: str, owner: str | None = None,
                   due_date: Any = None, agenda_item_id: str | None = None) -> ActionItem:
        self._l.access.require_write()
        meeting = self.get(meeting_id)
        values = self._check_action(dict(what=what, owner=owner, due_date=due_date), "本次会议",
                                    meeting.meeting_date)
        values.update(meeting_id=meeting_id, agenda_item_id=agenda_item_id,
                      sort_no=100_000 + len(q.child_ids(self._l.conn, "action_items", meeting_id)))
        with self._l.operation(f"新增待办事项 {values['what']}"):
            action_id = self._l.writer.insert("action_items", values)
        return self.action(action_id)

    def set_action_status(self, action_id: str, status: str, *, on: Any = None,
                          note: str | None = None) -> ActionItem:
        """Change the status; 已完成 records the day done (``on``, default today).  A note,
        if given, is added in the same operation."""
        self._l.access.require_write()
        current = self.action(action_id)
        status = as_choice(status, ACTION_STATUSES, "status", "状态")
        day = as_date(on, "done_date", "日期") or self.today().isoformat()
        with self._l.operation(f"待办事项改为{status}"):
            self._l.writer.update("action_items", action_id, dict(
                status=status, done_date=day if status == "已完成" else None))
            if clean(note):
                self._insert_note(action_id, note, day)
        return self.action(current.id)

    def add_action_note(self, action_id: str, *, content: str, on: Any = None) -> ActionNote:
        """A dated progress note (进展情况)."""
        self._l.access.require_write()
        self.action(action_id)
        day = as_date(on, "note_date", "进展日期") or self.today().isoformat()
        with self._l.operation("记录待办事项进展"):
            note_id = self._insert_note(action_id, content, day)
        return next(n for n in self.action_notes(action_id) if n.id == note_id)

    def _insert_note(self, action_id: str, content: str | None, day: str) -> str:
        content = clean(content)
        if not content:
            raise ValidationError("请填写进展情况", field="content")
        return self._l.writer.insert("action_item_notes", dict(
            action_item_id=action_id, note_date=day, content=content))

    def action_notes(self, action_id: str) -> list[ActionNote]:
        return [ActionNote(**_fields(ActionNote, r)) for r in q.action_notes(self._l.conn, action_id)]

    def review_action(self, action_id: str, *, meeting_id: str, note: str | None = None) -> ActionItem:
        """Link an action item to the later meeting that followed it up (optionally with a note)."""
        self._l.access.require_write()
        action = self.action(action_id)
        later = self.get(meeting_id)
        if meeting_id == action.meeting_id:
            raise ValidationError("只能在之后的会议上督办此事项", field="reviewed_in_meeting_id")
        if action.meeting_date and later.meeting_date < action.meeting_date:
            raise ValidationError("督办会议早于提出该事项的会议，请核对", field="reviewed_in_meeting_id")
        with self._l.operation("会议督办待办事项"):
            self._l.writer.update("action_items", action_id, {"reviewed_in_meeting_id": meeting_id})
            if clean(note):
                self._insert_note(action_id, note, later.meeting_date)
        return self.action(action_id)

    def delete_action(self, action_id: str) -> None:
        self._l.access.require_write()
        self.action(action_id)
        with self._l.operation("删除待办事项"):
            self._l.writer.soft_delete("action_items", action_id)

    # --- report figures -----------------------------------------------------------

    def counts(self, *, date_from: Any, date_to: Any) -> MeetingCounts:
        """Meetings per type and decisions in ``[date_from, date_to)``; action items
        created/completed in the period; open and overdue as of today."""
        raw = q.meeting_counts(self._l.conn, as_date(date_from, "date_from", "开始日期"),
                               as_date(date_to, "date_to", "结束日期"), self.today().isoformat())
        return MeetingCounts(by_type={t: raw["by_type"].get(t, 0) for t in MEETING_TYPES},
                             decisions=raw["decisions"], actions_created=raw["actions_created"],
                             actions_completed=raw["actions_completed"],
                             actions_open=raw["actions_open"], actions_overdue=raw["actions_overdue"])
