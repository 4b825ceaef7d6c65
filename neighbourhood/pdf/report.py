"""The monthly report (月报) PDF: figures for one period and scope, on A4.

Title "<社区>月报（2026年10月）", period and scope; sections for population and
changes, visits (done vs due per grid and per 网格员, with a chart), hardship
lists (per category, with a chart, and the 民政 indicators), meetings and action
items, needs and suggestions; the signature block (填报人, 审核人, 日期, 盖章处).
A section without data says so.  The page template (header, "第 x 页 共 y 页",
embedded CJK font) is :mod:`neighbourhood.pdf.template`.

Two steps so the UI keeps the ledger on its own thread:
:func:`neighbourhood.reports.monthly_figures` reads (ledger thread),
:func:`write_monthly_pdf` lays out and writes (any thread, no ledger).
:func:`render_monthly_report` does both.
"""
from __future__ import annotations

import os
import pathlib
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress
from neighbourhood.pdf.charts import bar_chart
from neighbourhood.pdf.photos import photo_flowables
from neighbourhood.pdf.template import (CONTENT_WIDTH, build, data_table, make_styles, para,
                                        signature_block, spacer)
from neighbourhood.reports import EVENT_KINDS, MonthlyFigures, cn_date, monthly_figures

SECTION_NUMBERS = "一二三四五六七八九十"


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def percent(done: int, due: int) -> str:
    return f"{done * 100 / due:.0f}%" if due else "—"


def report_title(f: MonthlyFigures) -> str:
    return f"{f.community or '社区'}月报（{f.period_label}）"


class _Sections:
    def __init__(self, styles) -> None:
        self.n = 0
        self.s = styles

    def heading(self, text: str):
        self.n += 1
        return para(f"{SECTION_NUMBERS[self.n - 1]}、{text}", self.s.heading)


def _kv_table(pairs: list[tuple[str, Any]], styles, columns: int = 4):
    """Figures as a ruled grid of label/value cells, ``columns`` pairs a row (fewer when there
    are fewer pairs; the unused cells of a last, short row stay blank, not shaded)."""
    columns = max(1, min(columns, len(pairs)))
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), columns):
        chunk = pairs[start:start + columns]
        row: list[Any] = []
        for label, value in chunk:
            row += [label, value]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    label_w = 26 * mm
    value_w = CONTENT_WIDTH / columns - label_w
    from reportlab.platypus import Table, TableStyle
    from neighbourhood.pdf.template import GRID, HEADER_FILL
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    centred = ParagraphStyle("KV", parent=styles.cell, alignment=TA_CENTER)
    data = [[para(v, styles.cell if i % 2 == 0 else centred) for i, v in enumerate(r)] for r in rows]
    table = Table(data, colWidths=[label_w, value_w] * columns)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        *[("BACKGROUND", (2 * c, r), (2 * c, r), HEADER_FILL)
          for r in range(len(rows)) for c in range(columns) if rows[r][2 * c] != ""],
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _population(f: MonthlyFigures, s, sec: _Sections) -> list[Any]:
    p = f.population
    out: list[Any] = [sec.heading("人口与变动情况")]
    if not f.has_population:
        return out + [para("本期无人口登记数据。", s.body)]
    pairs = [("在册户数", p.households), ("在册人数", p.residents)]
    pairs += [(f"{k}人口", v) for k, v in p.by_status.items()]
    out.append(_kv_table(pairs, s))
    out.append(spacer(2))
    kinds = list(EVENT_KINDS) + sorted(k for k in p.events if k not in EVENT_KINDS)
    out.append(para("本期人口变动（人次）", s.label))
    out.append(data_table(kinds, [[p.events.get(k, 0) for k in kinds]],
                          [CONTENT_WIDTH / len(kinds)] * len(kinds), styles=s,
                          align_center=range(len(kinds))))
    out.append(para(f"注：在册人数为期末（{cn_date(f.last_day)}）数；户数为生成报表时的在册户数；"
                    "登记为首次录入的原有居民。人口类别按居民登记：户籍人口户口在本社区，"
                    "常住人口户口在外、在本社区长期居住，流动人口为外来暂住人员；三者合计为在册人数。", s.small))
    return out


def _visits(f: MonthlyFigures, s, sec: _Sections) -> list[Any]:
    v = f.visits
    out: list[Any] = [sec.heading("走访情况")]
    if not f.has_visits:
        return out + [para("本期无走访数据（未设置走访规则，也无走访记录）。", s.body)]
    grids = list(v.by_grid)
    total = [sum(getattr(g, k) for g in grids) for k in ("due", "due_done", "visits", "attempts",
                                                          "households_visited")]
    rows = [[g.grid_name, g.due, g.due_done, percent(g.due_done, g.due), g.visits, g.attempts,
             g.households_visited] for g in grids]
    rows.append(["合计", total[0], total[1], percent(total[1], total[0]), total[2], total[3], total[4]])
    w = (CONTENT_WIDTH - 34 * mm) / 6
    out.append(data_table(["网格", "应访户数", "已访（应访）", "完成率", "走访次数", "未遇次数", "走访户数"],
                          rows, [34 * mm] + [w] * 6, styles=s, align_center=range(1, 7)))
    out.append(spacer(2))
    out.append(bar_chart([g.grid_name for g in grids], [[g.due for g in grids], [g.due_done for g in grids]],
                         ["应访户数", "已访户数"], font=s.font, width=CONTENT_WIDTH,
                         title="各网格应访与已访户数"))
    if v.by_visitor:
        # "所管网格应访" needs a wider column than w, or it wraps after 应
        visitor_widths = [34 * mm, 20 * mm, 20 * mm, 20 * mm, 28 * mm, 25 * mm]
        visitor_widths.append(CONTENT_WIDTH - sum(visitor_widths))
        out.append(para("按走访人统计", s.label))
        out.append(data_table(["走访人", "走访次数", "未遇次数", "走访户数", "所管网格应访", "已访（应访）", "完成率"],
                              [[p.visitor, p.visits, p.attempts, p.households_visited, p.due or "—",
                                p.due_done if p.due else "—", percent(p.due_done, p.due)]
                               for p in v.by_visitor],
                              visitor_widths, styles=s, align_center=range(1, 7)))
    out.append(spacer(1.5))
    out.append(para(f"走访中反映需求 {v.needs_raised} 件，已解决 {v.needs_resolved} 件，"
                    f"未解决 {v.needs_open} 件；截至{cn_date(f.generated)}逾期未访 {f.visits_overdue} 户。",
                    s.body))
    return out


def _hardship(f: MonthlyFigures, s, sec: _Sections) -> list[Any]:
    h = f.hardship
    out: list[Any] = [sec.heading("困难群体与救助情况")]
    if not f.has_hardship:
        return out + [para("本期无困难群体数据。", s.body)]
    cats = list(h.categories.values())
    rows = [[c.name, c.enrolled_persons, c.enrolled_households if c.applies_to == "household" else "—",
             c.new, c.exited, "—" if c.derived else c.reviews_due, "—" if c.derived else c.reviews_done,
             c.assistance_count, yuan(c.assistance_fen)] for c in cats]
    # widths so that no header wraps (a CJK glyph 9.5 pt, cell padding 12 pt)
    widths = [32 * mm, 18 * mm, 12 * mm, 12 * mm, 12 * mm, 18 * mm, 15 * mm, 18 * mm]
    out.append(data_table(["类别", "在册人数", "户数", "新增", "退出", "到期复核", "已复核", "救助人次",
                           "救助金额（元）"], rows, widths + [CONTENT_WIDTH - sum(widths)], styles=s,
                          align_center=range(1, 9)))
    out.append(spacer(2))
    shown = [c for c in cats if c.enrolled_persons or c.new or c.exited] or cats
    out.append(bar_chart([c.code for c in shown],
                         [[c.enrolled_persons for c in shown], [c.new for c in shown], [c.exited for c in shown]],
                         ["在册人数", "本期新增", "本期退出"], font=s.font, width=CONTENT_WIDTH,
                         title="各类困难群体人数"))
    indicators: list[tuple[str, Any]] = []
    if "低保" in h.categories:
        d = h.dibao
        indicators += [("低保人数", d.enrolled_persons), ("低保户数", d.enrolled_households),
                       ("当月新增", f"{d.new_households}户 {d.new_persons}人"),
                       ("当月退出", f"{d.exited_households}户 {d.exited_persons}人")]
    if "特困供养" in h.categories:
        indicators.append(("特困供养人数", h.tekun_persons))
    for code in ("高龄补贴", "护理补贴", "困难残疾人生活补贴"):
        if code in h.categories:
            indicators.append((f"{code}人数", h.categories[code].enrolled_persons))
    for kind, fen in sorted(h.assistance_by_kind.items()):
        indicators.append((f"{kind}（元）", yuan(fen)))
    indicators.append(("救助合计（元）", f"{yuan(h.assistance_fen)}（{h.assistance_count}笔，"
                                        f"{h.assistance_households}户）"))
    out.append(para("民政主要指标", s.label))
    out.append(_kv_table(indicators, s, columns=2))
    return out


def _meetings(f: MonthlyFigures, s, sec: _Sections) -> list[Any]:
    m = f.meetings
    out: list[Any] = [sec.heading("会议与待办事项" + ("（全社区）" if f.community_wide else ""))]
    if not f.has_meetings:
        return out + [para("本期未召开会议，也无待办事项。", s.body)]
    types = list(m.by_type)
    type_w = (CONTENT_WIDTH - 14 * mm) / max(len(types), 1)
    out.append(data_table(types + ["合计"], [[m.by_type[t] for t in types] + [sum(m.by_type.values())]],
                          [type_w] * len(types) + [14 * mm], styles=s, align_center=range(len(types) + 1)))
    out.append(spacer(2))
    out.append(_kv_table([("形成决议", m.decisions), ("新增待办", m.actions_created),
                          ("本期办结", m.actions_completed), ("未办结", m.actions_open),
                          ("其中逾期", m.actions_overdue)], s, columns=3))
    out.append(para(f"注：未办结、逾期数截至{cn_date(f.generated)}。", s.small))
    return out


def _needs(f: MonthlyFigures, s, sec: _Sections) -> list[Any]:
    n = f.needs
    out: list[Any] = [sec.heading("群众需求与建言献策" + ("（全社区）" if f.community_wide else ""))]
    if not f.has_needs:
        return out + [para("本期未收到群众需求和建议。", s.body)]
    out.append(data_table(["类型", "本期受理", "本期办结", "采纳"],
                          [["困难需求", n.needs_received, n.needs_resolved, "—"],
                           ["建言献策", n.suggestions_received, n.suggestions_resolved, n.suggestions_adopted]],
                          [CONTENT_WIDTH / 4] * 4, styles=s, align_center=(1, 2, 3)))
    if n.by_category:
        out.append(spacer(2))
        out.append(para("需求分类（本期受理）", s.label))
        out.append(_kv_table([(k or "未分类", v) for k, v in
                                   sorted(n.by_category.items(), key=lambda kv: -kv[1])], s, columns=3))
    out.append(spacer(1.5))
    opened = "，".join(f"{k} {v} 件" for k, v in n.open_by_status.items())
    out.append(para(f"截至{cn_date(f.generated)}尚在处理：{opened or '无'}。", s.body))
    return out


def story_for(f: MonthlyFigures, styles) -> list[Any]:
    s = styles
    sec = _Sections(s)
    story: list[Any] = [
        para(report_title(f), s.title),
        para(f"统计期间：{cn_date(f.date_from)}至{cn_date(f.last_day)}　统计范围：{f.scope_label}", s.subtitle),
    ]
    for part in (_population, _visits, _hardship, _meetings, _needs):
        story.extend(part(f, s, sec))
    photos = photo_flowables(f.photos, s)
    if photos:
        story += [sec.heading("工作照片"), *photos]
    story.append(spacer(8))
    story.append(KeepTogether([signature_block(["填报人", "审核人", "日期", "盖章处"], styles=s)]))
    return story


def write_monthly_pdf(figures: MonthlyFigures, path: str | os.PathLike[str], *,
                      progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """Lay out and write the report to ``path`` (temp file, then rename).  Any thread.

    Raises :class:`neighbourhood.jobs.Cancelled` (nothing written) or OSError.
    """
    progress(0, 1, "正在准备月报")
    checkpoint(abort)
    styles = make_styles()
    story = story_for(figures, styles)
    return build(path, story, title=report_title(figures), community=figures.community or "社区台账",
                 styles=styles, progress=progress, abort=abort)


def render_monthly_report(ledger: Any, path: str | os.PathLike[str], *, month: str | None = None,
                          date_from: Any = None, date_to: Any = None, grid_id: str | None = None,
                          progress: Progress = no_progress, abort: Abort = never) -> pathlib.Path:
    """The 月报 PDF for ``month`` ('2026-10') or ``[date_from, date_to)`` (reads, then writes)."""
    figures = monthly_figures(ledger, month=month, date_from=date_from, date_to=date_to, grid_id=grid_id)
    return write_monthly_pdf(figures, path, progress=progress, abort=abort)


__all__ = ["render_monthly_report", "write_monthly_pdf", "story_for", "report_title"]
