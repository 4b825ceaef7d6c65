"""The printed record of one household visit (走访记录表), with the photos chosen as proof.

Household, date and visitors in a ruled grid; the four field sections (家庭基本情况 /
实际困难 / 诉求与建议 / 后续工作计划); needs raised (问题 → 处理措施 → 反馈结果); photos; signature
lines for the visitor and the household.  Two steps as the other PDFs: :func:`visit_record_data`
reads (ledger thread), :func:`write_visit_record_pdf` lays out and writes (any thread).
"""
from __future__ import annotations

import dataclasses
import os
import pathlib
from typing import Any, Iterable

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.pdf.minutes import chinese_date
from neighbourhood.pdf.photos import photo_flowables
from neighbourhood.pdf.template import (CONTENT_WIDTH, build, data_table, field_table, make_styles, para,
                                        signature_block, spacer)


@dataclasses.dataclass(frozen=True)
class VisitRecordData:
    community: str
    address: str
    head: str
    visit: Any                      # neighbourhood.visits.Visit
    photos: tuple = ()              # neighbourhood.attachments.ReportPhoto


def visit_record_data(ledger: Any, visit_id: str, *, photo_ids: Iterable[str] | None = None) -> VisitRecordData:
    """Read one visit for printing (ledger thread).  Photos: ``photo_ids``, or else the visit's
    photos ticked "include in report".  Raises NotFound."""
    visit = ledger.visits.get(visit_id)
    summary = ledger.households.summary(visit.household_id)
    if photo_ids is None:
        photo_ids = [a.id for a in ledger.attachments.list("visits", visit_id) if a.in_report]
    photos = ledger.attachments.report_photos(ids=list(photo_ids))
    return VisitRecordData(ledger.community.name or "", summary["address"], summary.get("head_name") or "",
                           visit, tuple(photos))


def story_for(data: VisitRecordData, styles) -> list[Any]:
    v, s = data.visit, styles
    story: list[Any] = [para("入户走访记录", s.title), para(f"{data.community}　{data.address}", s.subtitle)]
    when = chinese_date(v.visit_date) + (f" {v.start_time}" if v.start_time else "")
    story.append(field_table([
        ("走访日期", when), ("走访类型", v.visit_type), ("住户地址", data.address), ("户　　主", data.head),
        ("走 访 人", v.visitor_names or ""), ("走访方式", v.channel + ("（未遇）" if v.nobody_home else "")),
        ("见到居民", "、".join(v.resident_names) or "—"), ("下次走访", chinese_date(v.next_visit_date) or "—"),
    ], styles=s))
    for title, text in (("家庭基本情况", v.situation), ("实际困难", v.difficulties),
                        ("诉求与建议", v.requests), ("后续工作计划", v.plan)):
        story += [para(title, s.heading), para(text or "无", s.body)]
    story.append(para("问题与处理", s.heading))
    if v.needs:
        story.append(data_table(["序号", "问题", "负责人", "期限", "状态", "反馈结果"],
                                [[i, n.what, n.owner or "", n.due_date or "", n.status, n.result or ""]
                                 for i, n in enumerate(v.needs, 1)],
                                [12 * mm, 60 * mm, 20 * mm, 24 * mm, 16 * mm, CONTENT_WIDTH - 132 * mm],
                                styles=s, align_center=(0, 2, 3, 4)))
    else:
        story.append(para("无", s.body))
    photos = photo_flowables(data.photos, s)
    if photos:
        story += [para("走访照片", s.heading), *photos]
    story.append(spacer(10))
    story.append(KeepTogether([signature_block(["走访人（签字）", "住户（签字）", "日期"], styles=s)]))
    return story


def write_visit_record_pdf(data: VisitRecordData, path: str | os.PathLike[str], *,
                           progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """Lay out and write to ``path`` (temp file, then rename).  Any thread.  Raises Cancelled or OSError."""
    progress(0, 1, "正在准备走访记录")
    checkpoint(abort)
    styles = make_styles()
    return build(path, story_for(data, styles), title="入户走访记录", community=data.community or "社区台账",
                 styles=styles, progress=progress, abort=abort)


def render_visit_record(ledger: Any, visit_id: str, path: str | os.PathLike[str], *,
                        photo_ids: Iterable[str] | None = None, progress: Progress = no_progress,
                        abort: Abort = never) -> pathlib.Path:
    """The record PDF of one visit (reads on the calling thread, then writes)."""
    return write_visit_record_pdf(visit_record_data(ledger, visit_id, photo_ids=photo_ids), path,
                                  progress=progress, abort=abort)
