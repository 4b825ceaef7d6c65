"""Residents: validation (ID number, phone, dates), registration, moves, history."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping

from db.queries import registry as q
from neighbourhood import field_labels, vocab
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.idnumbers import check_id_number, mask_id, upgrade_15_to_18
from neighbourhood.phones import check_phone
from neighbourhood.pinyin import name_pinyin
from neighbourhood.records import Resident

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

EDITABLE = ("name", "sex", "birth_date", "id_number", "phone", "relation", "residence_status",
            "permit_start", "permit_end", "hukou_address", "ethnicity", "political_status",
            "employment", "notes")
_CHOICES = {"sex": vocab.SEXES, "relation": vocab.RELATIONS,
            "residence_status": vocab.RESIDENCE_STATUSES, "political_status": vocab.POLITICAL_STATUSES,
            "ethnicity": vocab.ETHNICITIES}
_LABELS = field_labels.labels("residents", (
    "name", "sex", "birth_date", "id_number", "phone", "relation", "residence_status", "permit_start",
    "permit_end", "political_status", "ethnicity"))


def _date(value: Any, field: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip().replace("/", "-").replace(".", "-")
    if len(text) == 10:
        try:  # the common case, ~20x faster than strptime
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%Y-%m"):
        try:
            parsed = _dt.datetime.strptime(text, fmt).date()
            return parsed.isoformat()
        except ValueError:
            continue
    raise ValidationError(f"{_LABELS.get(field, field)}“{value}”不是有效日期，请按 2024-03-01 的格式填写",
                          field=field)


def check_fields(values: Mapping[str, Any], *, today: _dt.date | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate and normalise resident fields.

    Returns ``(clean_values, problems)`` where ``problems`` maps field → Chinese
    message; all problems are reported at once so a form can show each inline.
    Sex and birth date are derived from a valid ID number and checked against
    entered values.
    """
    today = today or _dt.date.today()
    clean: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in values.items():
        clean[key] = value.strip() if isinstance(value, str) else value
        if clean[key] == "":
            clean[key] = None

    if "name" in values:
        name = clean.get("name")
        if not name:
            problems["name"] = "请填写姓名"
        elif len(name) > 30:
            problems["name"] = "姓名过长（最多 30 个字），请核对"
    for field, choices in _CHOICES.items():
        if clean.get(field) and clean[field] not in choices:
            problems[field] = f"{_LABELS[field]}“{clean[field]}”不在可选范围内"
    for field in ("birth_date", "permit_start", "permit_end"):
        if field in clean:
            try:
                clean[field] = _date(clean[field], field)
            except ValidationError as exc:
                problems[field] = exc.message
    if clean.get("birth_date") and "birth_date" not in problems and clean["birth_date"] > today.isoformat():
        problems["birth_date"] = "出生日期不能晚于今天"
    if clean.get("permit_start") and clean.get("permit_end") and "permit_end" not in problems \
            and "permit_start" not in problems and clean["permit_end"] < clean["permit_start"]:
        problems["permit_end"] = "居住证到期日期早于起始日期，请核对"

    if "id_number" in values:
        clean["id_flag"] = None
        if clean.get("id_number") is not None:
            check = check_id_number(values["id_number"], today=today)
            if check.ok:
                clean["id_number"] = check.normalized
                clean["id_flag"] = "legacy15" if check.legacy else None
                if check.birth_date and "birth_date" not in problems:
                    entered = clean.get("birth_date")
                    derived = check.birth_date.isoformat()
                    if entered and entered != derived:
                        problems["birth_date"] = f"出生日期与身份证号不符（身份证上为 {derived}），请核对"
                    clean["birth_date"] = derived
                if check.sex:
                    if clean.get("sex") and clean["sex"] != check.sex:
                        problems["sex"] = f"性别与身份证号不符（身份证号显示为{check.sex}），请核对"
                    clean["sex"] = check.sex
            else:
                problems["id_number"] = check.problem or "身份证号无效，请核对"
    if "phone" in values:
        check = check_phone(values["phone"])
        if check.ok:
            clean["phone"] = check.normalized
        else:
            problems["phone"] = check.problem or "电话号码格式不正确"
    return clean, problems


class Residents:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def get(self, resident_id: str) -> Resident:
        row = q.one(self._l.conn, "residents", resident_id)
        if row is None:
            raise NotFound("该居民不存在或已删除")
        return Resident.from_row(row)

    def events(self, resident_id: str) -> list[dict[str, Any]]:
        return q.events(self._l.conn, resident_id)

    def _raise(self, problems: dict[str, str]) -> None:
        if problems:
            field, message = next(iter(problems.items()))
            error = ValidationError(message, field=field)
            error.problems = problems  # type: ignore[attr-defined]
            raise error

    def _refuse_duplicate(self, id_number: str | None, own_id: str | None = None) -> None:
        if not id_number:
            return
        # The same person may be on paper with the old 15-digit number and the new 18-digit one.
        forms = {id_number}
        if len(id_number) == 15:
            forms.add(upgrade_15_to_18(id_number))
        elif len(id_number) == 18 and id_number[6:8] == "19":
            forms.add(id_number[:6] + id_number[8:17])
        others = [o for o in (q.resident_by_id_number(self._l.conn, f) for f in forms) if o]
        other = next((o for o in others if o["id"] != own_id), None)
        if other:
            where = self._l.households.address(other["household_id"])
            raise ValidationError(
                f"身份证号 {mask_id(id_number)} 已登记为“{other['name']}”（{where}），不能重复登记；"
                "如是同一人搬家，请使用“迁移”", field="id_number")

    def add(self, *, household_id: str, event: str = "登记", on: _dt.date | None = None,
            **fields: Any) -> Resident:
        """Register a resident in a household (one transaction with its history event).

        ``event`` is 登记 (first entry of existing residents), 迁入 or 出生.
        Raises :class:`ValidationError` (field set) or :class:`PermissionDenied`.
        """
        self._l.households.get(household_id)
        self._l.access.require_grid(self._l.households.grid_of(household_id))
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown resident fields: {sorted(unknown)}")
        fields.setdefault("name", "")
        clean, problems = check_fields(fields)
        self._raise(problems)
        self._refuse_duplicate(clean.get("id_number"))
        clean["name_pinyin"], clean["name_initials"] = name_pinyin(clean["name"])
        clean["household_id"] = household_id
        clean.setdefault("residence_status", "户籍")
        if clean["residence_status"] is None:
            clean["residence_status"] = "户籍"
        with self._l.operation(f"登记居民 {clean['name']}"):
            resident_id = self._l.writer.insert("residents", clean)
            self._event(resident_id, event, on, to_household_id=household_id)
            household = self._l.households.get(household_id)
            if clean.get("relation") == "户主" and not household.head_resident_id:
                self._l.writer.update("households", household_id, {"head_resident_id": resident_id})
        return self.get(resident_id)

    def update(self, resident_id: str, **changes: Any) -> Resident:
        current = self.get(resident_id)
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise TypeError(f"unknown resident fields: {sorted(unknown)}")
        # Sex/birth date are checked against the ID number even when only one changes.
        check = dict(changes)
        if ("sex" in changes or "birth_date" in changes) and "id_number" not in changes and current.id_number:
            check["id_number"] = current.id_number
            check.setdefault("sex", changes.get("sex", current.sex))
            check.setdefault("birth_date", changes.get("birth_date", current.birth_date))
        clean, problems = check_fields(check)
        self._raise(problems)
        if "id_number" in changes:
            self._refuse_duplicate(clean.get("id_number"), own_id=resident_id)
        if "name" in clean:
            clean["name_pinyin"], clean["name_initials"] = name_pinyin(clean["name"])
        with self._l.operation(f"修改居民 {current.name}"):
            self._l.writer.update("residents", resident_id, clean)
        return self.get(resident_id)

    def _event(self, resident_id: str, kind: str, on: _dt.date | None, *,
               from_household_id: str | None = None, to_household_id: str | None = None,
               reason: str | None = None) -> None:
        self._l.writer.insert("resident_events", dict(
            resident_id=resident_id, kind=kind, event_date=(on or _dt.date.today()).isoformat(),
            from_household_id=from_household_id, to_household_id=to_household_id, reason=reason))

    def move(self, resident_id: str, *, to_household_id: str, on: _dt.date | None = None,
             reason: str | None = None, relation: str | None = None, kind: str = "户间迁移") -> Resident:
        """Move a resident to another household, keeping the history."""
        current = self.get(resident_id)
        if current.status != "在册":
            raise ValidationError(f"{current.name}已{current.status}，不能迁移")
        if to_household_id == current.household_id:
            raise ValidationError("目标住户与当前住户相同")
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        self._l.access.require_grid(self._l.households.grid_of(to_household_id))
        self._l.households.get(to_household_id)
        with self._l.operation(f"迁移 {current.name}"):
            self._drop_head(current)
            self._l.writer.update("residents", resident_id, {
                "household_id": to_household_id, "relation": relation or ("其他" if current.relation == "户主" else current.relation)})
            self._event(resident_id, kind, on, from_household_id=current.household_id,
                        to_household_id=to_household_id, reason=reason)
        return self.get(resident_id)

    def _drop_head(self, resident: Resident) -> None:
        household = self._l.households.get(resident.household_id)
        if household.head_resident_id == resident.id:
            self._l.writer.update("households", household.id, {"head_resident_id": None})

    def mark_left(self, resident_id: str, *, on: _dt.date | None = None, reason: str | None = None) -> Resident:
        """迁出: kept on record with status and date, no longer counted."""
        return self._end(resident_id, "迁出", on, reason)

    def mark_deceased(self, resident_id: str, *, on: _dt.date | None = None, reason: str | None = None) -> Resident:
        return self._end(resident_id, "死亡", on, reason)

    def _end(self, resident_id: str, status: str, on: _dt.date | None, reason: str | None) -> Resident:
        current = self.get(resident_id)
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        if current.status != "在册":
            raise ValidationError(f"{current.name}已是“{current.status}”状态")
        day = (on or _dt.date.today())
        with self._l.operation(f"{status} {current.name}"):
            self._drop_head(current)
            self._l.writer.update("residents", resident_id, {"status": status, "status_date": day.isoformat()})
            self._event(resident_id, status, day, from_household_id=current.household_id, reason=reason)
            # Their person lists (低保 member, 残疾, 特困 …) end with them, in the same undo step.
            self._l.hardship.close_for_person(resident_id, on=day, why=status)
        return self.get(resident_id)

    def reinstate(self, resident_id: str, *, on: _dt.date | None = None, reason: str | None = None) -> Resident:
        """恢复在册 (a mistaken 迁出, or a return)."""
        current = self.get(resident_id)
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        with self._l.operation(f"恢复在册 {current.name}"):
            self._l.writer.update("residents", resident_id, {"status": "在册", "status_date": None})
            self._event(resident_id, "恢复在册", on, to_household_id=current.household_id, reason=reason)
        return self.get(resident_id)

    def delete(self, resident_id: str) -> None:
        """Soft delete a record entered by mistake (moves and deaths use their own actions)."""
        current = self.get(resident_id)
        self._l.access.require_grid(self._l.households.grid_of(current.household_id))
        with self._l.operation(f"删除居民 {current.name}"):
            self._drop_head(current)
            self._l.writer.soft_delete("residents", resident_id)


class ResidentListing:
    """Ids and display rows for the residents table (lazy: ids first, rows on demand).

    Rows are masked unless the user may and chose to see full values
    (``show_full``); turning full view on is audited.
    """

    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger
        self.show_full = False

    def set_show_full(self, on: bool) -> None:
        if on:
            if not self._l.access.can_view_full:
                from neighbourhood.errors import PermissionDenied
                raise PermissionDenied("您的角色不能查看完整的身份证号和电话号码。")
            self._l.log_view_full("residents", None, "显示完整身份证号/电话")
        self.show_full = on

    def rowids(self, *, grid_id: str | None = None, building_id: str | None = None,
               household_id: str | None = None, include_left: bool = False) -> "array":
        """All row ids of the filter in display order."""
        from array import array
        return array("q", (rowid for _key, rowid in q.resident_rowids(
            self._l.conn, grid_id=grid_id, building_id=building_id, household_id=household_id,
            include_left=include_left)))

    def at_least(self, n: int) -> bool:
        """True when the whole list (everyone 在册) has ``n`` residents or more; cheap."""
        return q.residents_at_least(self._l.conn, n)

    def rowids_page(self, *, after: tuple[str, int] | None = None, limit: int = 20000,
                    **filters: Any) -> tuple["array", tuple[str, int] | None]:
        """The next ``limit`` row ids after the key ``after`` and the key to continue from
        (None when the list is complete).  Lets a table paint its first rows at once."""
        from array import array
        ids = array("q")
        last = None
        for key, rowid in q.resident_rowids(self._l.conn, after=after, limit=limit, **filters):
            ids.append(rowid)
            last = (key, rowid)
        return ids, (last if len(ids) == limit else None)

    def rows(self, rowids) -> dict[int, dict[str, Any]]:
        from neighbourhood.masking import mask_row
        from neighbourhood.records import address_of
        out = q.resident_rows(self._l.conn, list(rowids))
        full = self.show_full and self._l.access.can_view_full
        for row in out.values():
            row["address"] = address_of(row["building_name"], row["entrance"], row["unit"])
            mask_row(row, full=full)
        return out
