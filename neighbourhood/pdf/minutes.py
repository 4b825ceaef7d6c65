"""The printed minutes of one meeting (会议纪要), in the usual layout.

Title and meeting type; a grid with time, place, host, recorder, 应到/实到;
attendees, absentees with reasons and 列席; the agenda; for each item the
discussion, the vote and the decision (决议); open questions (遗留问题); earlier
action items followed up at this meeting; the action items table; signature
lines for 主持人 and 记录人.

Two steps so the UI can keep the ledger on its own thread:
:func:`minutes_data` reads (ledger thread, fast), :func:`write_minutes_pdf`
lays out and writes (any thread, no ledger).  :func:`render_minutes` does both.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import pathlib
from typing import Any

from reportlab.lib.units import mm

from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.meetings import ATTENDEE_KIND_NAMES, OVERDUE, MeetingDetail
from neighbourhood.pdf.template import (CONTENT_WIDTH, build, data_table, esc, field_table,
                                        make_styles, para, signature_block, spacer)
from reportlab.platypus import KeepTogether, Paragraph

_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for agenda numbering)."""
    if n <= 10:
        return _NUMERALS[n - 1]
    if n < 20:
        return "十" + _NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return _NUMERALS[tens - 1] + "十" + (_NUMERALS[ones - 1] if ones else "")


def chinese_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = _dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


@dataclasses.dataclass(frozen=True)
class MinutesData:
    """Everything the minutes print, read from the ledger beforehand."""
    community: str
    detail: MeetingDetail
    photos: tuple = ()  # neighbourhood.attachments.ReportPhoto: the meeting's ticked photos


def minutes_data(ledger: Any, meeting_id: str) -> MinutesData:
    """Read one meeting for printing (ledger thread).  Raises NotFound."""
    chosen = [a.id for a in ledger.attachments.list("meetings", meeting_id) if a.in_report]
    return MinutesData(ledger.community.name, ledger.meetings.detail(meeting_id),
                       tuple(ledger.attachments.report_photos(ids=chosen)))


def _people(attendees, status: str) -> str:
    parts = []
    for a in attendees:
        if a.status != status:
            continue
        text = a.name
        extra = a.unit or (ATTENDEE_KIND_NAMES["outside"] if a.kind == "outside" else None)
        if status == "缺席":
            text += f"（{a.absence_reason or '未说明原因'}）"
        elif extra:
            text += f"（{extra}）"
        parts.append(text)
    return "、".join(parts) or "无"


def _time(m) -> str:
    text = chinese_date(m.meeting_date)
    if m.start_time:
        text += f" {m.start_time}"
        if m.end_time:
            text += f"—{m.end_time}"
    return text


def _votes(item) -> str | None:
    if item.votes_for is None and item.votes_against is None and item.votes_abstain is None:
        return None
    return (f"赞成 {item.votes_for or 0} 票，反对 {item.votes_against or 0} 票，"
            f"弃权 {item.votes_abstain or 0} 票")


def _overdue_cell(_row: int, _column: int, value: Any) -> bool:
    return value == OVERDUE


def story_for(data: MinutesData, styles) -> list[Any]:
    """The flowables of the minutes (exposed for the monthly report's appendix)."""
    d, m = data.detail, data.detail.meeting
    s = styles
    story: list[Any] = [para(m.title, s.title), para(f"{m.type}　会议纪要", s.subtitle)]
    counts = f"应到 {m.expected_count if m.expected_count is not None else '—'} 人，" \
             f"实到 {m.present_count if m.present_count is not None else '—'} 人"
    story.append(field_table([
        ("会议时间", _time(m)), ("会议地点", m.place or ""),
        ("主 持 人", m.host or ""), ("记 录 人", m.recorder or ""),
        ("参会情况", counts),
    ], styles=s))
    story.append(spacer(3))
    story.append(field_table([
        ("出席人员", _people(d.attendees, "出席")),
        ("缺席人员", _people(d.attendees, "缺席")),
        ("列席人员", _people(d.attendees, "列席")),
    ], styles=s, columns=1))

    items = [i for i in d.agenda if i.id is not None]
    if items:
        story.append(para("一、会议议题", s.heading))
        for n, item in enumerate(items, 1):
            story.append(para(f"{n}. {item.title}", s.body))
        story.append(para("二、议题讨论及决议", s.heading))
        for n, item in enumerate(items, 1):
            block: list[Any] = [Paragraph(f"（{chinese_number(n)}）{esc(item.title)}", s.body)]
            if item.discussion:
                block.append(Paragraph(f"<u>讨论情况</u>：{esc(item.discussion)}", s.body))
            votes = _votes(item)
            if votes:
                block.append(Paragraph(f"<u>表决结果</u>：{esc(votes)}", s.body))
            if item.decision:
                block.append(Paragraph(f"决议：{esc(item.decision)}", s.decision))
            else:
                block.append(para("决议：本议题未形成决议。", s.small))
            story.append(KeepTogether(block[:2]))
            story.extend(block[2:])
    section = 3
    if m.open_questions:
        story.append(para(f"{chinese_number(section)}、遗留问题", s.heading))
        story.append(para(m.open_questions, s.body))
        section += 1
    if d.reviewed_actions:
        story.append(para(f"{chinese_number(section)}、督办事项（以往会议待办事项落实情况）", s.heading))
        story.append(data_table(
            ["序号", "事项", "提出会议", "负责人", "截止时间", "状态"],
            [[i, a.what, f"{a.meeting_title}（{a.meeting_date}）", a.owner or "", a.due_date or "",
              a.display_status] for i, a in enumerate(d.reviewed_actions, 1)],
            [12 * mm, 54 * mm, 42 * mm, 20 * mm, 22 * mm, CONTENT_WIDTH - 150 * mm],
            styles=s, align_center=(0, 3, 4, 5), alert=_overdue_cell))
        section += 1
    actions = d.action_items
    story.append(para(f"{chinese_number(section)}、待办事项", s.heading))
    if actions:
        story.append(data_table(
            ["序号", "事项", "对应决议", "负责人", "截止时间", "状态"],
            [[i, a.what, a.decision or "", a.owner or "", a.due_date or "", a.display_status]
             for i, a in enumerate(actions, 1)],
            [12 * mm, 52 * mm, 44 * mm, 20 * mm, 22 * mm, CONTENT_WIDTH - 150 * mm],
            styles=s, align_center=(0, 3, 4, 5), alert=_overdue_cell))
    else:
        story.append(para("无", s.body))
    if m.notes:
        story.append(para("备注", s.heading))
        story.append(para(m.notes, s.body))
    if data.photos:
        from neighbourhood.pdf.photos import photo_flowables
        story += [para("会议照片", s.heading), *photo_flowables(data.photos, s)]
    story.append(spacer(10))
    story.append(KeepTogether([signature_block(["主持人（签字）", "记录人（签字）"], styles=s),
                               signature_block(["日期"], styles=s)]))
    return story


def write_minutes_pdf(data: MinutesData, path: str | os.PathLike[str], *,
                      progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """Lay out and write the minutes to ``path`` (temp file, then rename).  Any thread.

    Raises Cancelled (nothing written) or OSError.
    """
    progress(0, 1, "正在准备会议纪要")
    checkpoint(abort)
    styles = make_styles()
    story = story_for(data, styles)
    title = f"{data.detail.meeting.title} 会议纪要"
    return build(path, story, title=title, community=data.community or "社区台账", styles=styles,
                 progress=progress, abort=abort)


def render_minutes(ledger: Any, meeting_id: str, path: str | os.PathLike[str], *,
                   progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """The minutes PDF of one meeting (reads on the calling thread, then writes)."""
    return write_minutes_pdf(minutes_data(ledger, meeting_id), path, progress=progress, abort=abort)
