"""Hardship lists (困难群众清单): categories, enrolments, their lifecycle and reviews.

``ledger.hardship`` is a :class:`Hardship`; assistance (救助/慰问) is
``ledger.hardship.assistance`` (:mod:`neighbourhood.assistance`).

Lifecycle of an enrolment (one period of one household or person on one list)::

    申请 → 审核公示 → 在册 → 退出 (reason required)
    申请 / 审核公示 → 不予通过 (reason required)
    退出 / 不予通过 → 申请: re-entry, a *new* enrolment linked to the old one (previous_id),
                            so both periods keep their dates, amounts and history.

Every change is one audited, undoable operation; nothing is hard-deleted.
Derived categories (高龄老人: 80+ from birth dates) are computed, never enrolled.
Each category gives a household group ``hardship:<code>`` for the visit rules.

Thread: the ledger's thread.  Raises :class:`ValidationError` (Chinese message,
``field`` set), :class:`PermissionDenied`, :class:`NotFound`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from db.queries import hardship as q
from neighbourhood import groups
from neighbourhood.enrolments import (  # noqa: F401  (re-exported: the public API lives here)
    APPLIED,
    REVIEWING,
    ENROLLED,
    EXITED,
    REFUSED,
    STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    NEEDS_REASON,
    SUPPORT_MODES,
    REVIEW_RESULTS,
    APPLIES_TO,
    EVENT_TRANSITION,
    EVENT_REVIEW,
    DETAIL_FIELDS,
    LABELS,
    FieldSpec,
    Category,
    Enrolment,
    Event,
    CategoryCounts,
    PeriodCounts,
    yuan_to_fen,
    fen_to_yuan,
    parse_date,
    parse_month,
    add_months,
    years_before,
    check_extra,
    _int,
    _text,
)
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.masking import mask_row
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.assistance import AssistanceBook
    from neighbourhood.ledger import Ledger


# --- the service ------------------------------------------------------------------------------

class Hardship:
    """Categories, enrolments and reviews; ``assistance`` for 救助/慰问 records."""

    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger
        self.today = _dt.date.today  # tests pin the day

    @property
    def assistance(self) -> "AssistanceBook":
        book = self.__dict__.get("_assistance")
        if book is None:
            from neighbourhood.assistance import AssistanceBook
            book = self.__dict__["_assistance"] = AssistanceBook(self._l, self)
        return book

    @property
    def conn(self):
        return self._l.conn

    def _full(self) -> bool:
        return bool(self._l.listing.show_full and self._l.access.can_view_full)

    # --- categories ---------------------------------------------------------------------

    def categories(self, *, include_inactive: bool = False, today: _dt.date | None = None,
                   counted: bool = True) -> list[Category]:
        """Categories in display order with how many are 在册 now (``counted=False``: zero
        counts, for a filter list; a derived count scans every resident)."""
        counts = q.enrolled_counts(self.conn) if counted else {}
        out = []
        for row in q.categories(self.conn, include_inactive=include_inactive):
            if not counted:
                enrolled = 0
            elif row["derived"]:
                born = years_before(today or self.today(), row["min_age"] or 80).isoformat()
                enrolled = q.derived_count(self.conn, born)
            else:
                enrolled = counts.get(row["id"], 0)
            out.append(Category.from_row(row, enrolled))
        return out

    def category(self, key: str) -> Category:
        """A category by code (低保) or id."""
        row = q.category(self.conn, key)
        if row is None:
            raise NotFound(f"困难类别“{key}”不存在", )
        return Category.from_row(row)

    def _fields_json(self, fields: Iterable[FieldSpec | Mapping[str, Any]]) -> str:
        specs = [f if isinstance(f, FieldSpec) else FieldSpec.from_dict(f) for f in fields]
        keys = [s.key for s in specs]
        if len(set(keys)) != len(keys):
            raise ValidationError("附加项目的代码不能重复", field="fields")
        for s in specs:
            if s.type not in ("text", "choice", "int"):
                raise ValidationError(f"附加项目“{s.label}”的类型应为 text、choice 或 int", field="fields")
            if s.type == "choice" and not s.choices:
                raise ValidationError(f"附加项目“{s.label}”需要可选值", field="fields")
        return json.dumps([s.to_dict() for s in specs], ensure_ascii=False)

    def add_category(self, *, code: str, applies_to: str, name: str | None = None,
                     fields: Iterable[FieldSpec | Mapping[str, Any]] = (), review_months: int = 12,
                     notes: str | None = None) -> Category:
        """A committee's own list (e.g. 困境儿童).  Staff only."""
        self._l.access.require_staff()
        code = (code or "").strip()
        if not code:
            raise ValidationError("请填写类别代码（如“困境儿童”）", field="code")
        if len(code) > 20 or ":" in code:
            raise ValidationError("类别代码最多 20 个字，且不能含冒号", field="code")
        if q.category(self.conn, code):
            raise ValidationError(f"已有困难类别“{code}”", field="code")
        if applies_to not in APPLIES_TO:
            raise ValidationError("适用对象应为“户”（household）或“人”（person）", field="applies_to")
        months = _int(review_months, "review_months", minimum=1, maximum=60)
        with self._l.operation(f"新增困难类别 {code}"):
            category_id = self._l.writer.insert("hardship_categories", dict(
                code=code, name=_text(name) or code, applies_to=applies_to, derived=0,
                fields=self._fields_json(fields), review_months=months or 12, builtin=0, active=1,
                sort_no=q.max_sort_no(self.conn) + 10, notes=_text(notes)))
        return self.category(category_id)

    def update_category(self, key: str, **changes: Any) -> Category:
        """Change ``name``, ``review_months``, ``fields``, ``active``, ``sort_no``, ``notes``.

        The code (used by visit rules) and derived status never change.
        """
        self._l.access.require_staff()
        category = self.category(key)
        allowed = {"name", "review_months", "fields", "active", "sort_no", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"不能修改困难类别的这些项目：{'、'.join(sorted(unknown))}",
                                  field=sorted(unknown)[0])
        values: dict[str, Any] = {}
        if "name" in changes:
            values["name"] = _text(changes["name"])
            if not values["name"]:
                raise ValidationError("请填写类别名称", field="name")
        if "review_months" in changes:
            values["review_months"] = _int(changes["review_months"], "review_months", minimum=1, maximum=60) or 12
        if "fields" in changes:
            values["fields"] = self._fields_json(changes["fields"])
        if "active" in changes:
            values["active"] = 1 if changes["active"] else 0
        if "sort_no" in changes:
            values["sort_no"] = int(changes["sort_no"])
        if "notes" in changes:
            values["notes"] = _text(changes["notes"])
        with self._l.operation(f"修改困难类别 {category.code}"):
            self._l.writer.update("hardship_categories", category.id, values)
        return self.category(category.id)

    # --- reading enrolments --------------------------------------------------------------

    def _rows(self, rows: list[dict[str, Any]], raw: bool = False) -> list[Enrolment]:
        full = raw or self._full()
        return [Enrolment.from_row(mask_row(row, full=full)) for row in rows]

    def get(self, enrolment_id: str) -> Enrolment:
        row = q.enrolment(self.conn, enrolment_id)
        if row is None:
            raise NotFound("该困难群众登记不存在或已删除")
        return self._rows([row])[0]

    def _derived(self, category: Category, *, today: _dt.date, grid_id: str | None = None,
                 household_id: str | None = None, raw: bool = False) -> list[Enrolment]:
        born = years_before(today, category.min_age or 80).isoformat()
        full = raw or self._full()
        out = []
        for row in q.derived_rows(self.conn, born_on_or_before=born, grid_id=grid_id,
                                  household_id=household_id):
            mask_row(row, full=full)
            birthday = years_before(_dt.date.fromisoformat(row["birth_date"]), -(category.min_age or 80))
            out.append(Enrolment(
                id=f"derived:{row['resident_id']}", category_id=category.id, category_code=category.code,
                category_name=category.name, applies_to="person", status=ENROLLED,
                status_date=birthday.isoformat(), enrolled_on=birthday.isoformat(),
                subject_household_id=row["subject_household_id"], subject_name=row["subject_name"],
                resident_id=row["resident_id"], id_number=row["id_number"], phone=row["phone"],
                sex=row["sex"], birth_date=row["birth_date"], resident_status=row["resident_status"],
                address=address_of(row["building_name"], row["entrance"] or "", row["unit"]),
                grid_id=row["grid_id"], grid_name=row["grid_name"], derived=True))
        return out

    def list(self, *, category: str | None = None, grid_id: str | None = None,
             status: str | Iterable[str] | None = None, review: str | None = None,
             within_days: int = 30, household_id: str | None = None, resident_id: str | None = None,
             today: _dt.date | None = None, raw: bool = False) -> list[Enrolment]:
        """Enrolments filtered; one query.

        ``raw``: ID numbers and phones unmasked whatever the user may see — only for
        callers that mask on their own (the roster writer), never for display.

        ``category``: code or id (a derived category lists the qualifying residents).
        ``status``: one or several of :data:`STATUSES`.  ``review``: 'due' (在册, next review
        within ``within_days``, overdue included), 'overdue', or None.
        """
        today = today or self.today()
        cat = self.category(category) if category else None
        if status is not None and not isinstance(status, str):
            status = tuple(status)
        if cat is not None and cat.derived:
            if review or (status and ENROLLED not in ((status,) if isinstance(status, str) else status)):
                return []
            return self._derived(cat, today=today, grid_id=grid_id, household_id=household_id, raw=raw)
        review_before = None
        if review == "due":
            review_before = (today + _dt.timedelta(days=within_days + 1)).isoformat()
        elif review == "overdue":
            review_before = today.isoformat()
        elif review is not None:
            raise ValueError(f"review must be 'due', 'overdue' or None, not {review!r}")
        return self._rows(q.enrolments(self.conn, category_id=cat.id if cat else None, grid_id=grid_id,
                                       status=status, review_before=review_before,
                                       household_id=household_id, resident_id=resident_id), raw=raw)

    def household_enrolments(self, household_id: str, *, include_closed: bool = True,
                             include_derived: bool = True, today: _dt.date | None = None) -> list[Enrolment]:
        """A household's enrolments: its household lists and its members' person lists."""
        rows = self.list(household_id=household_id,
                         status=None if include_closed else OPEN_STATUSES, today=today)
        if include_derived:
            for cat in self.categories(today=today):
                if cat.derived:
                    rows += self._derived(cat, today=today or self.today(), household_id=household_id)
        order = {c.code: c.sort_no for c in self.categories(include_inactive=True)}
        return sorted(rows, key=lambda e: (order.get(e.category_code, 0), e.status not in OPEN_STATUSES,
                                           e.applied_on or e.status_date or ""))

    def reviews_due(self, *, within_days: int = 30, today: _dt.date | None = None,
                    grid_id: str | None = None, category: str | None = None) -> list[Enrolment]:
        """在册 enrolments whose 年审 falls within the next ``within_days`` days (today included)."""
        today = today or self.today()
        cat = self.category(category) if category else None
        return self._rows(q.enrolments(
            self.conn, category_id=cat.id if cat else None, grid_id=grid_id,
            review_from=today.isoformat(),
            review_before=(today + _dt.timedelta(days=within_days + 1)).isoformat()))

    def overdue_reviews(self, *, today: _dt.date | None = None, grid_id: str | None = None,
                        category: str | None = None) -> list[Enrolment]:
        """在册 enrolments whose 年审 date has passed without a review."""
        today = today or self.today()
        cat = self.category(category) if category else None
        return self._rows(q.enrolments(self.conn, category_id=cat.id if cat else None, grid_id=grid_id,
                                       review_before=today.isoformat()))

    def periods(self, enrolment_id: str) -> list[Enrolment]:
        """Every enrolment of the same subject on the same list (re-entries), oldest first."""
        current = self.get(enrolment_id)
        household = current.household_id if current.applies_to == "household" else None
        ids = q.subject_enrolment_ids(self.conn, current.category_id, household_id=household,
                                      resident_id=current.resident_id)
        by_id = {e.id: e for e in self._rows(q.enrolments(self.conn, ids=ids))}
        return [by_id[i] for i in ids if i in by_id]

    def timeline(self, enrolment_id: str) -> list[Event]:
        """Dated events (transitions, reviews) of all periods of this subject on this list."""
        ids = [e.id for e in self.periods(enrolment_id)]
        return [Event.from_row(r) for r in q.events(self.conn, ids)]

    # --- writing enrolments --------------------------------------------------------------

    def _check_day(self, value: Any, field: str = "on", *, not_before: str | None = None) -> _dt.date:
        day = parse_date(value, field) or self.today()
        if day > self.today():
            raise ValidationError(f"{LABELS.get(field, field)}不能晚于今天", field=field)
        if not_before and day.isoformat() < not_before:
            raise ValidationError(f"{LABELS.get(field, field)}不能早于上一次状态变更（{not_before}）", field=field)
        return day

    def _details(self, category: Category, values: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
        unknown = set(values) - set(DETAIL_FIELDS)
        if unknown:
            raise TypeError(f"unknown enrolment fields: {sorted(unknown)}")
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key == "covered_count":
                out[key] = _int(value, key, minimum=1, maximum=99)
            elif key == "monthly_amount_fen":
                if isinstance(value, float):
                    raise ValidationError("月保障金额请以“分”为单位的整数传入（元请先用 yuan_to_fen 换算）",
                                          field=key)
                out[key] = _int(value, key, minimum=0)
            elif key == "start_month":
                out[key] = parse_month(value)
            elif key == "support_mode":
                out[key] = _text(value)
                if out[key] and out[key] not in SUPPORT_MODES:
                    raise ValidationError("保障方式应为“差额”或“定额”", field=key)
            elif key == "review_months":
                out[key] = _int(value, key, minimum=1, maximum=60)
            elif key == "next_review_date":
                day = parse_date(value, key)
                out[key] = day.isoformat() if day else None
            elif key == "extra":
                out[key] = json.dumps(check_extra(category, value, partial=partial), ensure_ascii=False)
            else:
                out[key] = _text(value)
        return out

    def _subject(self, category: Category, household_id: str | None,
                 resident_id: str | None) -> tuple[str | None, str | None, str]:
        """(household_id, resident_id, grid of the subject) as stored for this category."""
        if category.applies_to == "person":
            if not resident_id:
                raise ValidationError(f"“{category.code}”按人登记，请选择居民", field="resident_id")
            resident = self._l.residents.get(resident_id)
            if resident.status != "在册":
                raise ValidationError(f"{resident.name}已{resident.status}，不能登记", field="resident_id")
            if household_id and household_id != resident.household_id:
                raise ValidationError(f"{resident.name}不是该户在册成员", field="resident_id")
            return None, resident_id, self._l.households.grid_of(resident.household_id)
        if not household_id and resident_id:
            household_id = self._l.residents.get(resident_id).household_id
        if not household_id:
            raise ValidationError(f"“{category.code}”按户登记，请选择住户", field="household_id")
        household = self._l.households.get(household_id)
        if household.status != "在册":
            raise ValidationError("该户已注销，不能登记", field="household_id")
        if resident_id and resident_id not in {m.id for m in self._l.households.members(household_id)}:
            raise ValidationError("申请人必须是该户在册成员", field="resident_id")
        return household_id, resident_id, self._l.households.grid_of(household_id)

    def _event(self, enrolment_id: str, kind: str, day: _dt.date, *, from_status: str | None = None,
               to_status: str | None = None, reason: str | None = None, result: str | None = None,
               next_review_date: str | None = None) -> None:
        self._l.writer.insert("hardship_events", dict(
            enrolment_id=enrolment_id, kind=kind, event_date=day.isoformat(), from_status=from_status,
            to_status=to_status, reason=_text(reason), result=result, next_review_date=next_review_date,
            handled_by=self._l.access.display_name))

    def _months(self, category: Category, review_months: int | None) -> int:
        return review_months or category.review_months or 12

    def enrol(self, *, category: str, household_id: str | None = None, resident_id: str | None = None,
              status: str = APPLIED, on: Any = None, reason: str | None = None,
              previous_id: str | None = None, **details: Any) -> Enrolment:
        """Open an enrolment: an application (申请), or with ``status='在册'`` an existing case
        entered from a paper roster (``on`` = its enrolment date).  One operation.

        Refuses a derived category, a subject already open on the list, a grid the user
        does not look after, and invalid details (the message names the field).
        """
        cat = self.category(category)
        if cat.derived:
            raise ValidationError(f"“{cat.code}”按出生日期自动认定（{cat.min_age or 80}岁以上），无需登记",
                                  field="category")
        if not cat.active:
            raise ValidationError(f"困难类别“{cat.code}”已停用", field="category")
        if status not in (APPLIED, ENROLLED):
            raise ValidationError("新登记的状态应为“申请”或“在册”（录入已在册对象）", field="status")
        household_id, resident_id, grid_id = self._subject(cat, household_id, resident_id)
        self._l.access.require_grid(grid_id)
        day = self._check_day(on)
        existing = q.open_enrolment(self.conn, cat.id, household_id=household_id, resident_id=resident_id)
        if existing:
            raise ValidationError(
                f"已在“{cat.code}”清单中（状态：{existing['status']}），不能重复登记", field="category")
        values = self._details(cat, {"extra": {}, **details}, partial=False)
        row = dict(category_id=cat.id, household_id=household_id, resident_id=resident_id, status=status,
                   status_date=day.isoformat(), applied_on=day.isoformat(), previous_id=previous_id, **values)
        if status == ENROLLED:
            row["enrolled_on"] = day.isoformat()
            row.setdefault("start_month", None)
            row["start_month"] = row["start_month"] or parse_month(day)
            if not row.get("next_review_date"):
                row["next_review_date"] = add_months(day, self._months(cat, row.get("review_months"))).isoformat()
        with self._l.operation(f"困难群众登记 {cat.code}"):
            enrolment_id = self._l.writer.insert("hardship_enrolments", row)
            self._event(enrolment_id, EVENT_TRANSITION, day, to_status=status,
                        reason=reason or ("录入已在册对象" if status == ENROLLED else None))
        return self.get(enrolment_id)

    def apply(self, **kwargs: Any) -> Enrolment:
        """申请: :meth:`enrol` with status 申请."""
        return self.enrol(status=APPLIED, **kwargs)

    def _require(self, enrolment: Enrolment) -> None:
        self._l.access.require_grid(self._l.households.grid_of(enrolment.subject_household_id))

    def transition(self, enrolment_id: str, to_status: str, *, on: Any = None, reason: str | None = None,
                   **details: Any) -> Enrolment:
        """Move an enrolment along the lifecycle (see the module docstring); returns it.

        From 退出/不予通过 to 申请 opens a new enrolment (re-entry) and returns that one.
        ``details`` (e.g. ``monthly_amount_fen`` when approving) are saved in the same operation.
        """
        current = self.get(enrolment_id)
        if current.derived:
            raise ValidationError("高龄老人按出生日期自动认定，没有状态变更", field="status")
        if to_status not in STATUSES:
            raise ValidationError(f"状态应为：{'、'.join(STATUSES)}", field="status")
        allowed = TRANSITIONS[current.status]
        if to_status not in allowed:
            raise ValidationError(
                f"“{current.status}”不能直接变为“{to_status}”，只能变为：{'、'.join(allowed)}", field="status")
        self._require(current)
        if to_status in NEEDS_REASON and not _text(reason):
            label = "退出原因" if to_status == EXITED else "不予通过的原因"
            raise ValidationError(f"请填写{label}", field="reason")
        if to_status == APPLIED:  # re-entry keeps the old period untouched
            day = self._check_day(on, not_before=current.status_date)
            keep = ("covered_count", "monthly_amount_fen", "certificate_no", "support_mode", "family_type",
                    "housing", "documents", "review_months")
            carried = {k: getattr(current, k) for k in keep if getattr(current, k) is not None}
            carried["extra"] = current.extra
            carried.update(details)
            cat = self.category(current.category_id)
            household = current.household_id if current.applies_to == "household" else None
            with self._l.operation(f"重新申请 {current.category_code}"):
                return self.enrol(category=cat.id, household_id=household, resident_id=current.resident_id,
                                  status=APPLIED, on=day, reason=reason or "重新申请", previous_id=current.id,
                                  **carried)
        day = self._check_day(on, not_before=current.status_date)
        cat = self.category(current.category_id)
        changes = self._details(cat, details, partial=True)
        changes.update(status=to_status, status_date=day.isoformat())
        if to_status == ENROLLED:
            changes["enrolled_on"] = day.isoformat()
            if not (changes.get("start_month") or current.start_month):
                changes["start_month"] = parse_month(day)
            if not changes.get("next_review_date"):
                months = self._months(cat, changes.get("review_months") or current.review_months)
                changes["next_review_date"] = add_months(day, months).isoformat()
        if to_status in NEEDS_REASON:
            changes.update(exited_on=day.isoformat(), exit_reason=_text(reason))
        with self._l.operation(f"{current.category_code} {current.status}→{to_status}"):
            self._l.writer.update("hardship_enrolments", current.id, changes)
            self._event(current.id, EVENT_TRANSITION, day, from_status=current.status, to_status=to_status,
                        reason=reason)
        return self.get(current.id)

    def close_for_person(self, resident_id: str, *, on: _dt.date, why: str) -> list[Enrolment]:
        """End the open person-list enrolments of someone who died or moved away.

        在册 becomes 退出 and 申请/审核公示 becomes 不予通过, dated ``on`` (or the last status
        change when that is later), reason "本人<why>".  Household lists stay: the household
        may still qualify.  Runs in the caller's operation; returns the closed enrolments.
        """
        closed = []
        for enrolment in self.list(resident_id=resident_id, status=OPEN_STATUSES):
            if enrolment.applies_to != "person" or enrolment.derived:
                continue
            day = max(on.isoformat(), enrolment.status_date or "")
            to_status = EXITED if enrolment.status == ENROLLED else REFUSED
            closed.append(self.transition(enrolment.id, to_status, on=day, reason=f"本人{why}"))
        return closed

    def update(self, enrolment_id: str, **details: Any) -> Enrolment:
        """Edit details (保障人数, 月保障金额, 证号, 附加项目…); status moves via :meth:`transition`."""
        current = self.get(enrolment_id)
        if current.derived:
            raise ValidationError("高龄老人按出生日期自动认定，无需编辑", field="category")
        self._require(current)
        cat = self.category(current.category_id)
        if "extra" in details:
            details = dict(details, extra={**current.extra, **(details["extra"] or {})})
        changes = self._details(cat, details, partial=current.status != ENROLLED)
        with self._l.operation(f"修改困难群众登记 {current.category_code}"):
            self._l.writer.update("hardship_enrolments", current.id, changes)
        return self.get(current.id)

    def review(self, enrolment_id: str, *, on: Any = None, result: str = "继续保障", notes: str | None = None,
               next_review_date: Any = None, **details: Any) -> Enrolment:
        """年审/复核 of an 在册 enrolment: records the review and sets the next review date
        (``on`` + the review cycle unless given).  To end support use :meth:`transition` to 退出.
        """
        current = self.get(enrolment_id)
        if current.derived or current.status != ENROLLED:
            raise ValidationError(f"只有“在册”的对象需要年审（当前状态：{current.status}）", field="status")
        self._require(current)
        if result not in REVIEW_RESULTS:
            raise ValidationError(f"复核结果应为：{'、'.join(REVIEW_RESULTS)}", field="result")
        day = self._check_day(on, not_before=current.enrolled_on)
        cat = self.category(current.category_id)
        changes = self._details(cat, details, partial=False) if details else {}
        nxt = parse_date(next_review_date, "next_review_date")
        if nxt is None:
            nxt = add_months(day, self._months(cat, changes.get("review_months") or current.review_months))
        if nxt <= day:
            raise ValidationError("下次复核日期应晚于本次复核日期", field="next_review_date")
        changes.update(last_review_date=day.isoformat(), next_review_date=nxt.isoformat())
        with self._l.operation(f"年审 {current.category_code}"):
            self._l.writer.update("hardship_enrolments", current.id, changes)
            self._event(current.id, EVENT_REVIEW, day, reason=notes, result=result,
                        next_review_date=nxt.isoformat())
        return self.get(current.id)

    # --- the monthly report -------------------------------------------------------------

    def counts(self, *, date_from: Any, date_to: Any, grid_id: str | None = None) -> PeriodCounts:
        """Counts for ``[date_from, date_to)`` (dates or ISO strings); a handful of queries."""
        start = parse_date(date_from, "date_from")
        end = parse_date(date_to, "date_to")
        if start is None or end is None or end <= start:
            raise ValidationError("统计期间无效：结束日期应晚于开始日期", field="date_to")
        d0, d1 = start.isoformat(), end.isoformat()
        aid_by_cat = {r["key"]: r for r in self.assistance.totals(by="category", date_from=d0, date_to=d1,
                                                                  grid_id=grid_id)}
        out: dict[str, CategoryCounts] = {}
        for row in q.period_counts(self.conn, date_from=d0, date_to=d1, grid_id=grid_id):
            aid = aid_by_cat.get(row["code"], {})
            values = {k: v for k, v in row.items() if k in {f.name for f in dataclasses.fields(CategoryCounts)}}
            out[row["code"]] = CategoryCounts(**values, assistance_count=aid.get("count", 0),
                                              assistance_fen=aid.get("amount_fen", 0))
        for cat in self.categories():
            if cat.derived:
                age = cat.min_age or 80
                row = q.derived_period_counts(
                    self.conn, born_before_end=years_before(end, age).isoformat(),
                    born_from_start=years_before(start, age).isoformat(), date_from=d0, date_to=d1,
                    grid_id=grid_id)
                out[cat.code] = CategoryCounts(code=cat.code, name=cat.name, applies_to="person",
                                               derived=True, **row)
        by_source = {r["key"]: r["amount_fen"] for r in self.assistance.totals(
            by="source", date_from=d0, date_to=d1, grid_id=grid_id)}
        by_kind = {r["key"]: r["amount_fen"] for r in self.assistance.totals(
            by="kind", date_from=d0, date_to=d1, grid_id=grid_id)}
        total = self.assistance.totals(by="all", date_from=d0, date_to=d1, grid_id=grid_id)
        t = total[0] if total else {"count": 0, "amount_fen": 0, "households": 0}
        return PeriodCounts(d0, d1, out, by_source, by_kind, t["count"], t["amount_fen"], t["households"])


# --- groups for the visit rules ----------------------------------------------------------------

def _category_groups(conn) -> list[groups.Group]:
    """One group per live category: households with someone 在册 on it (derived: by age)."""
    out = []
    for category_id, code, name, derived, min_age in q.group_categories(conn):
        if derived:
            age = min_age or 80

            def select(today: str, age: int = age) -> tuple[str, tuple]:
                born = years_before(_dt.date.fromisoformat(today), age).isoformat()
                return q.GROUP_DERIVED_SQL, (born,)
        else:
            def select(today: str, category_id: str = category_id) -> tuple[str, tuple]:
                return q.GROUP_ENROLLED_SQL, (category_id, today)
        out.append(groups.Group(f"hardship:{code}", f"困难群众：{name}", select))
    return out


groups.register_dynamic(_category_groups)
