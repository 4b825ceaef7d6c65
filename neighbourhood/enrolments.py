"""Records and value rules of the hardship lists (困难群众清单).

Frozen records passed between the core and the screens (Category, Enrolment,
Event, counts) and the small parsers/validators the service uses (money in fen,
dates, months, category-specific fields).  No database access; any thread.
Raises :class:`ValidationError` with a Chinese message naming the field.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from neighbourhood import field_labels
from neighbourhood.errors import ValidationError
from neighbourhood.records import address_of

APPLIED, REVIEWING, ENROLLED, EXITED, REFUSED = "申请", "审核公示", "在册", "退出", "不予通过"
STATUSES = (APPLIED, REVIEWING, ENROLLED, EXITED, REFUSED)
OPEN_STATUSES = (APPLIED, REVIEWING, ENROLLED)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    APPLIED: (REVIEWING, REFUSED),
    REVIEWING: (ENROLLED, REFUSED),
    ENROLLED: (EXITED,),
    EXITED: (APPLIED,),      # re-entry: a new enrolment
    REFUSED: (APPLIED,),     # a new application
}
NEEDS_REASON = (EXITED, REFUSED)
SUPPORT_MODES = ("差额", "定额")
REVIEW_RESULTS = ("继续保障", "调整待遇", "待核实")
APPLIES_TO = {"household": "户", "person": "人"}
EVENT_TRANSITION, EVENT_REVIEW = "状态变更", "年审"

# Enrolment fields a form may set (status moves only through transition()).
DETAIL_FIELDS = ("covered_count", "monthly_amount_fen", "start_month", "certificate_no", "support_mode",
                 "family_type", "housing", "extra", "review_months", "next_review_date", "documents",
                 "notes")
# Labels of the columns come from the catalogue (one source); the rest are form-only fields.
LABELS = {
    **field_labels.labels("hardship_enrolments", (
        "household_id", "resident_id", "status", "covered_count", "monthly_amount_fen", "start_month",
        "certificate_no", "support_mode", "family_type", "housing", "review_months", "next_review_date",
        "documents", "notes")),
    **field_labels.labels("hardship_categories", ("code", "name", "applies_to", "fields")),
    **field_labels.labels("hardship_assistance", ("amount_fen", "given_on")),
    "result": field_labels.label("hardship_events", "result"),
    "category": field_labels.label("hardship_enrolments", "category_id"),
    "on": "日期", "reason": "原因", "date_from": "开始日期", "date_to": "结束日期"}


# --- records ------------------------------------------------------------------------------

def _pick(cls, row: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in row.items() if k in names}


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """A category-specific field kept in ``Enrolment.extra``."""
    key: str
    label: str
    type: str = "text"              # text / choice / int
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    required: bool = False

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FieldSpec":
        return cls(key=d["key"], label=d.get("label") or d["key"], type=d.get("type", "text"),
                   choices=tuple(d.get("choices") or ()), min=d.get("min"), max=d.get("max"),
                   required=bool(d.get("required")))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "label": self.label, "type": self.type}
        if self.choices:
            out["choices"] = list(self.choices)
        for name in ("min", "max"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.required:
            out["required"] = True
        return out


@dataclasses.dataclass(frozen=True)
class Category:
    id: str
    code: str
    name: str
    applies_to: str                  # household / person
    derived: bool = False
    min_age: int | None = None
    fields: tuple[FieldSpec, ...] = ()
    review_months: int = 12
    builtin: bool = False
    active: bool = True
    sort_no: int = 0
    notes: str | None = None
    enrolled: int = 0                # 在册 now (persons for derived lists)

    @property
    def group_key(self) -> str:
        return f"hardship:{self.code}"

    @classmethod
    def from_row(cls, row: Mapping[str, Any], enrolled: int = 0) -> "Category":
        values = _pick(cls, row)
        values["fields"] = tuple(FieldSpec.from_dict(d) for d in json.loads(row.get("fields") or "[]"))
        values["derived"] = bool(row.get("derived"))
        values["builtin"] = bool(row.get("builtin"))
        values["active"] = bool(row.get("active", 1))
        return cls(**values, enrolled=enrolled)


@dataclasses.dataclass(frozen=True)
class Enrolment:
    """An enrolment with its subject, address and grid (ID number and phone masked unless allowed).

    For a derived list (高龄老人) rows are computed: ``derived`` is True and ``id`` is
    ``'derived:<resident id>'``.
    """
    id: str
    category_id: str
    category_code: str
    category_name: str
    applies_to: str
    status: str
    status_date: str | None
    subject_household_id: str
    subject_name: str | None = None
    household_id: str | None = None
    resident_id: str | None = None
    id_number: str | None = None
    phone: str | None = None
    sex: str | None = None
    birth_date: str | None = None
    resident_status: str | None = None
    address: str = ""
    grid_id: str | None = None
    grid_name: str | None = None
    member_count: int | None = None
    applied_on: str | None = None
    enrolled_on: str | None = None
    exited_on: str | None = None
    exit_reason: str | None = None
    covered_count: int | None = None
    monthly_amount_fen: int | None = None
    start_month: str | None = None
    certificate_no: str | None = None
    support_mode: str | None = None
    family_type: str | None = None
    housing: str | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    review_months: int | None = None
    last_review_date: str | None = None
    next_review_date: str | None = None
    documents: str | None = None
    notes: str | None = None
    previous_id: str | None = None
    derived: bool = False

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def review_state(self, today: _dt.date, within_days: int = 30) -> str | None:
        """'overdue', 'due' (within ``within_days``) or None."""
        if self.status != ENROLLED or not self.next_review_date or self.derived:
            return None
        if self.next_review_date < today.isoformat():
            return "overdue"
        if self.next_review_date <= (today + _dt.timedelta(days=within_days)).isoformat():
            return "due"
        return None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Enrolment":
        values = _pick(cls, row)
        values["extra"] = json.loads(row.get("extra") or "{}")
        values["address"] = address_of(row["building_name"], row["entrance"] or "", row["unit"])
        return cls(**values)


@dataclasses.dataclass(frozen=True)
class Event:
    id: str
    enrolment_id: str
    kind: str
    event_date: str
    from_status: str | None = None
    to_status: str | None = None
    reason: str | None = None
    result: str | None = None
    next_review_date: str | None = None
    handled_by: str | None = None
    updated_by: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Event":
        return cls(**_pick(cls, row))


@dataclasses.dataclass(frozen=True)
class CategoryCounts:
    code: str
    name: str
    applies_to: str
    enrolled: int = 0              # 在册 at period end (enrolments; persons for person lists)
    enrolled_persons: int = 0      # 人数 (保障人数 of household lists)
    enrolled_households: int = 0   # 户数
    new: int = 0
    new_persons: int = 0
    new_households: int = 0
    exited: int = 0
    exited_persons: int = 0
    exited_households: int = 0
    applied: int = 0
    refused: int = 0
    reviews_done: int = 0
    reviews_due: int = 0
    assistance_count: int = 0
    assistance_fen: int = 0
    derived: bool = False


@dataclasses.dataclass(frozen=True)
class PeriodCounts:
    """What the monthly report needs of the hardship lists for ``[date_from, date_to)``."""
    date_from: str
    date_to: str
    categories: dict[str, CategoryCounts]
    assistance_by_source: dict[str, int]       # fen
    assistance_by_kind: dict[str, int]
    assistance_count: int
    assistance_fen: int
    assistance_households: int

    def __getitem__(self, code: str) -> CategoryCounts:
        return self.categories[code]

    @property
    def dibao(self) -> CategoryCounts:
        """低保: 人数/户数 with 当月新增/退出."""
        return self.categories["低保"]

    @property
    def tekun_persons(self) -> int:
        """特困供养人数 at period end."""
        return self.categories["特困供养"].enrolled_persons


# --- values -------------------------------------------------------------------------------

def yuan_to_fen(value: Any, *, field: str = "monthly_amount_fen") -> int | None:
    """'680.5' / 680.5 / '￥680.50元' → 68050; '' → None.  Refuses negatives and sub-fen digits."""
    if value is None or value == "":
        return None
    text = str(value).strip().replace("￥", "").replace("¥", "").replace("元", "").replace(",", "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"{LABELS.get(field, '金额')}“{value}”不是有效金额，请填写数字（单位：元）",
                              field=field) from None
    if amount < 0:
        raise ValidationError(f"{LABELS.get(field, '金额')}不能为负数", field=field)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValidationError(f"{LABELS.get(field, '金额')}最多精确到分（两位小数）", field=field)
    return int(fen)


def fen_to_yuan(fen: int | None) -> str:
    """68050 → '680.50'; None → ''."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def parse_date(value: Any, field: str = "on") -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"{LABELS.get(field, field)}“{value}”不是有效日期，请按 2024-03-01 的格式填写",
                          field=field)


def parse_month(value: Any, field: str = "start_month") -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value).strip().replace("/", "-").replace(".", "-").replace("年", "-").rstrip("月")
    m = re.fullmatch(r"(\d{4})-?(\d{1,2})(?:-\d{1,2})?", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError(f"{LABELS.get(field, field)}“{value}”无效，请按 2024-03 的格式填写", field=field)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def add_months(day: _dt.date, months: int) -> _dt.date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def years_before(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _int(value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"{LABELS.get(field, field)}“{value}”应为整数", field=field) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        if maximum is None:
            raise ValidationError(f"{LABELS.get(field, field)}应不小于 {minimum}", field=field)
        raise ValidationError(f"{LABELS.get(field, field)}应在 {minimum}–{maximum} 之间", field=field)
    return number


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def check_extra(category: Category, extra: Mapping[str, Any] | None, *, partial: bool = False) -> dict[str, Any]:
    """Validate category-specific fields; message names the field (``field='extra.<key>'``)."""
    extra = dict(extra or {})
    specs = {s.key: s for s in category.fields}
    unknown = set(extra) - set(specs)
    if unknown:
        raise ValidationError(f"“{category.code}”没有这些附加项目：{'、'.join(sorted(unknown))}", field="extra")
    out: dict[str, Any] = {}
    for key, spec in specs.items():
        value = extra.get(key)
        value = value.strip() if isinstance(value, str) else value
        if value in (None, ""):
            if spec.required and not partial:
                raise ValidationError(f"请填写{spec.label}", field=f"extra.{key}")
            continue
        if spec.type == "choice" and value not in spec.choices:
            raise ValidationError(f"{spec.label}应为：{'、'.join(spec.choices)}", field=f"extra.{key}")
        if spec.type == "int":
            try:
                value = int(str(value).strip())
            except ValueError:
                raise ValidationError(f"{spec.label}“{value}”应为整数", field=f"extra.{key}") from None
            if (spec.min is not None and value < spec.min) or (spec.max is not None and value > spec.max):
                raise ValidationError(f"{spec.label}应在 {spec.min}–{spec.max} 之间", field=f"extra.{key}")
        out[key] = value
    return out
