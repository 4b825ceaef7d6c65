"""Figures for the monthly report (月报) of one period and scope.

:func:`monthly_figures` reads everything the report prints — population and its
changes, visits done vs due, hardship lists, meetings and action items, needs
and suggestions — into one frozen :class:`MonthlyFigures`.  It runs on the
ledger's thread (a handful of queries); the PDF is laid out from the figures on
any thread (:mod:`neighbourhood.pdf.report`), so the UI never hands the ledger
to a worker.

Periods are half-open, ``[date_from, date_to)``; a month ``'2026-10'`` is
``[2026-10-01, 2026-11-01)``.  Meetings and needs have no grid, so with a grid
scope they are the whole community's (``MonthlyFigures.community_wide``).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import Any

from db.queries import reports as q
from neighbourhood.errors import ValidationError

RESIDENCE_STATUSES = ("户籍", "常住", "流动")
EVENT_KINDS = ("登记", "迁入", "出生", "迁出", "死亡", "户间迁移", "分户")


@dataclasses.dataclass(frozen=True)
class Population:
    households: int                 # 在册 households in scope (now)
    residents: int                  # residents at the end of the period
    by_status: dict[str, int]       # 户籍/常住/流动
    events: dict[str, int]          # resident events per kind in the period

    @property
    def moved_in(self) -> int:
        return self.events.get("迁入", 0)

    @property
    def moved_out(self) -> int:
        return self.events.get("迁出", 0)

    @property
    def births(self) -> int:
        return self.events.get("出生", 0)

    @property
    def deaths(self) -> int:
        return self.events.get("死亡", 0)


@dataclasses.dataclass(frozen=True)
class MonthlyFigures:
    community: str
    date_from: str                  # ISO, inclusive
    date_to: str                    # ISO, exclusive
    grid_id: str | None
    grid_name: str | None           # None: whole community
    generated: str                  # ISO date the figures were read
    population: Population
    visits: Any                     # neighbourhood.visit_schedule.VisitCounts
    hardship: Any                   # neighbourhood.enrolments.PeriodCounts
    meetings: Any                   # neighbourhood.meetings.MeetingCounts
    needs: Any                      # neighbourhood.needs.NeedCounts
    visits_overdue: int = 0         # households overdue for a visit as of ``generated``
    photos: tuple = ()              # neighbourhood.attachments.ReportPhoto marked "include in report"

    # --- labels ---------------------------------------------------------------------
    @property
    def last_day(self) -> str:
        return (_dt.date.fromisoformat(self.date_to) - _dt.timedelta(days=1)).isoformat()

    @property
    def is_month(self) -> bool:
        start = _dt.date.fromisoformat(self.date_from)
        return start.day == 1 and _month_end(start).isoformat() == self.date_to

    @property
    def period_label(self) -> str:
        """'2026年10月' for a whole month, else '2026年10月3日至2026年10月20日'."""
        start = _dt.date.fromisoformat(self.date_from)
        if self.is_month:
            return f"{start.year}年{start.month}月"
        return f"{cn_date(self.date_from)}至{cn_date(self.last_day)}"

    @property
    def scope_label(self) -> str:
        return self.grid_name or "全社区"

    @property
    def community_wide(self) -> bool:
        """True when meetings/needs are the community's although the scope is one grid."""
        return self.grid_id is not None

    # --- "no data" tests for the sections -------------------------------------------------
    @property
    def has_population(self) -> bool:
        return bool(self.population.households or self.population.residents or self.population.events)

    @property
    def has_visits(self) -> bool:
        v = self.visits
        return bool(v.by_grid and any(g.due or g.visits or g.attempts for g in v.by_grid)) \
            or bool(v.by_visitor) or bool(v.needs_raised)

    @property
    def has_hardship(self) -> bool:
        h = self.hardship
        return bool(h.assistance_count) or any(
            c.enrolled or c.new or c.exited or c.reviews_due or c.reviews_done or c.assistance_count
            for c in h.categories.values())

    @property
    def has_meetings(self) -> bool:
        m = self.meetings
        return bool(sum(m.by_type.values()) or m.decisions or m.actions_open or m.actions_created
                    or m.actions_completed)

    @property
    def has_needs(self) -> bool:
        n = self.needs
        return bool(n.needs_received or n.needs_resolved or n.suggestions_received
                    or n.suggestions_resolved or sum(n.open_by_status.values()))


def cn_date(iso: str) -> str:
    day = _dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def _month_end(start: _dt.date) -> _dt.date:
    return _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def month_period(month: str) -> tuple[str, str]:
    """'2026-10' → ('2026-10-01', '2026-11-01').  Raises ValidationError."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(month))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError(f"月份“{month}”无效，应为“2026-10”的形式", field="month")
    start = _dt.date(int(m.group(1)), int(m.group(2)), 1)
    return start.isoformat(), _month_end(start).isoformat()


def _iso(value: Any, field: str) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(f"日期“{value}”无效，应为“2026-10-01”的形式", field=field) from None


def resolve_period(month: str | None = None, date_from: Any = None, date_to: Any = None) -> tuple[str, str]:
    if month:
        if date_from or date_to:
            raise ValidationError("请只给月份，或只给开始、结束日期", field="month")
        return month_period(month)
    if not date_from or not date_to:
        raise ValidationError("请给出统计月份，或开始和结束日期", field="month")
    d0, d1 = _iso(date_from, "date_from"), _iso(date_to, "date_to")
    if d1 <= d0:
        raise ValidationError("统计期间无效：结束日期应晚于开始日期", field="date_to")
    return d0, d1


def monthly_figures(ledger: Any, *, month: str | None = None, date_from: Any = None, date_to: Any = None,
                    grid_id: str | None = None, today: _dt.date | None = None) -> MonthlyFigures:
    """Everything the 月报 prints for ``month`` ('2026-10') or ``[date_from, date_to)``.

    ``grid_id`` limits population, visits and hardship to one grid.  Raises
    ValidationError (bad period) or NotFound (unknown grid).
    """
    d0, d1 = resolve_period(month, date_from, date_to)
    grid_name = ledger.grids.get(grid_id).name if grid_id else None
    pop = q.population(ledger.conn, date_to=d1, grid_id=grid_id)
    by_status = {s: pop["by_status"].get(s, 0) for s in RESIDENCE_STATUSES}
    for s, n in pop["by_status"].items():
        by_status.setdefault(s, n)
    population = Population(households=pop["households"], residents=sum(by_status.values()),
                            by_status=by_status,
                            events=q.event_counts(ledger.conn, date_from=d0, date_to=d1, grid_id=grid_id))
    visits = ledger.visits.counts(date_from=d0, date_to=d1, grid_id=grid_id)  # grids in the ledger's order
    day = today or ledger.visits.today()
    overdue = ledger.visits.status_counts(today=day, grid_id=grid_id)["overdue"]
    hardship = ledger.hardship.counts(date_from=d0, date_to=d1, grid_id=grid_id)
    meetings = ledger.meetings.counts(date_from=d0, date_to=d1)
    needs = ledger.needs.counts(date_from=d0, date_to=d1)
    return MonthlyFigures(community=ledger.community.name or "", date_from=d0, date_to=d1, grid_id=grid_id,
                          grid_name=grid_name, generated=day.isoformat(), population=population,
                          visits=visits, hardship=hardship, meetings=meetings, needs=needs,
                          visits_overdue=overdue,
                          photos=tuple(ledger.attachments.report_photos(date_from=d0, date_to=d1, grid_id=grid_id)))


def visits_by_month(ledger: Any, *, months: int = 6, today: _dt.date | None = None) -> list[tuple[str, int]]:
    """Real visits in each of the last ``months`` months up to and including this one,
    oldest first: ``[('2026-06', 41), …]`` (months without visits give 0)."""
    day = today or ledger.visits.today()
    starts = [day.replace(day=1)]
    for _ in range(months - 1):
        starts.insert(0, (starts[0] - _dt.timedelta(days=1)).replace(day=1))
    counts = q.visits_per_month(ledger.conn, date_from=starts[0].isoformat(),
                                date_to=_month_end(starts[-1]).isoformat())
    return [(f"{s:%Y-%m}", counts.get(f"{s:%Y-%m}", 0)) for s in starts]


__all__ = ["MonthlyFigures", "visits_by_month", "Population", "monthly_figures", "month_period", "resolve_period",
           "cn_date", "EVENT_KINDS", "RESIDENCE_STATUSES"]
