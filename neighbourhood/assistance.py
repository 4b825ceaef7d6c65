"""Assistance records (救助/慰问) of the hardship lists: ``ledger.hardship.assistance``.

A record is given to a household or a person, optionally under an enrolment
(then it counts for that enrolment's category).  Amounts are integer fen.
Thread: the ledger's thread.  Raises ValidationError / PermissionDenied / NotFound
with Chinese messages.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Mapping

from db.queries import hardship as q
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.hardship import Hardship
    from neighbourhood.ledger import Ledger

KINDS = ("现金", "实物", "服务")
SOURCES = ("民政", "街道", "社区", "残联", "工会", "慈善总会", "社会捐赠", "其他")
TOTALS_BY = ("category", "source", "kind", "month", "all")


@dataclasses.dataclass(frozen=True)
class Assistance:
    id: str
    given_on: str
    kind: str
    source: str
    household_id: str
    amount_fen: int | None = None
    items: str | None = None
    occasion: str | None = None
    handled_by: str | None = None
    enrolment_id: str | None = None
    resident_id: str | None = None
    notes: str | None = None
    category_code: str | None = None
    recipient_name: str | None = None
    address: str = ""
    grid_name: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Assistance":
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in row.items() if k in names}
        values["address"] = address_of(row["building_name"], row["entrance"] or "", row["unit"])
        return cls(**values)


class AssistanceBook:
    """Records and totals of assistance given."""

    def __init__(self, ledger: "Ledger", hardship: "Hardship") -> None:
        self._l = ledger
        self._h = hardship

    def get(self, assistance_id: str) -> Assistance:
        row = q.assistance_one(self._l.conn, assistance_id)
        if row is None:
            raise NotFound("该救助记录不存在或已删除")
        return Assistance.from_row(row)

    def record(self, *, given_on: Any = None, kind: str, source: str, amount_fen: int | None = None,
               items: str | None = None, occasion: str | None = None, handled_by: str | None = None,
               enrolment_id: str | None = None, household_id: str | None = None,
               resident_id: str | None = None, notes: str | None = None) -> Assistance:
        """Record assistance given; one audited operation.

        Give ``enrolment_id`` (household/resident taken from it), or ``household_id`` and/or
        ``resident_id``.  Cash needs an amount; goods and services need the amount or the items.
        """
        from neighbourhood.hardship import _text, parse_date

        if kind not in KINDS:
            raise ValidationError(f"救助形式应为：{'、'.join(KINDS)}", field="kind")
        source = _text(source)
        if not source:
            raise ValidationError("请填写资金/物资来源（如民政、街道、社会捐赠）", field="source")
        if amount_fen is not None:
            if isinstance(amount_fen, float) or int(amount_fen) < 0:
                raise ValidationError("金额应为以“分”为单位的非负整数", field="amount_fen")
            amount_fen = int(amount_fen)
        if kind == "现金" and not amount_fen:
            raise ValidationError("现金救助请填写金额", field="amount_fen")
        if kind != "现金" and not amount_fen and not _text(items):
            raise ValidationError("请填写物品/服务内容或折合金额", field="items")
        day = parse_date(given_on, "given_on") or self._h.today()
        if day > self._h.today():
            raise ValidationError("救助日期不能晚于今天", field="given_on")
        if enrolment_id:
            enrolment = self._h.get(enrolment_id)
            household_id = enrolment.subject_household_id
            resident_id = resident_id or enrolment.resident_id
        elif resident_id and not household_id:
            household_id = self._l.residents.get(resident_id).household_id
        if not household_id:
            raise ValidationError("请选择救助对象（住户或居民）", field="household_id")
        self._l.households.get(household_id)
        self._l.access.require_grid(self._l.households.grid_of(household_id))
        with self._l.operation(f"救助记录 {kind}"):
            assistance_id = self._l.writer.insert("hardship_assistance", dict(
                given_on=day.isoformat(), kind=kind, source=source, amount_fen=amount_fen,
                items=_text(items), occasion=_text(occasion),
                handled_by=_text(handled_by) or self._l.access.display_name, enrolment_id=enrolment_id,
                household_id=household_id, resident_id=resident_id, notes=_text(notes)))
        return self.get(assistance_id)

    def delete(self, assistance_id: str) -> None:
        """Soft delete (a record entered by mistake); audited and undoable."""
        record = self.get(assistance_id)
        self._l.access.require_grid(self._l.households.grid_of(record.household_id))
        with self._l.operation("删除救助记录"):
            self._l.writer.soft_delete("hardship_assistance", assistance_id)

    def list(self, *, date_from: str | None = None, date_to: str | None = None, category: str | None = None,
             source: str | None = None, kind: str | None = None, grid_id: str | None = None,
             household_id: str | None = None, enrolment_id: str | None = None) -> list[Assistance]:
        """Records newest first; ``enrolment_id`` includes the subject's earlier periods."""
        category_id = self._h.category(category).id if category else None
        ids = [e.id for e in self._h.periods(enrolment_id)] if enrolment_id else None
        return [Assistance.from_row(r) for r in q.assistance(
            self._l.conn, date_from=date_from, date_to=date_to, category_id=category_id, source=source,
            kind=kind, grid_id=grid_id, household_id=household_id, enrolment_ids=ids)]

    def totals(self, *, by: str = "all", date_from: str | None = None, date_to: str | None = None,
               category: str | None = None, source: str | None = None,
               grid_id: str | None = None) -> list[dict[str, Any]]:
        """``[{key, count, households, amount_fen}]`` for ``[date_from, date_to)``, grouped ``by``
        category (code; '' = not under an enrolment), source, kind, month ('YYYY-MM') or all."""
        if by not in TOTALS_BY:
            raise ValueError(f"by must be one of {TOTALS_BY}")
        category_id = self._h.category(category).id if category else None
        return q.assistance_totals(self._l.conn, by=by, date_from=date_from, date_to=date_to,
                                   category_id=category_id, source=source, grid_id=grid_id)
