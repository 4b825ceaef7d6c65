"""Households (户): an address in a building, a head, members."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Sequence

from db.queries import registry as q
from neighbourhood import vocab
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.phones import check_phone
from neighbourhood.records import Household, Resident, address_of

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class Households:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def get(self, household_id: str) -> Household:
        row = q.one(self._l.conn, "households", household_id)
        if row is None:
            raise NotFound("该户不存在或已删除")
        return Household.from_row(row)

    def list(self, building_id: str) -> list[dict[str, Any]]:
        """Households of a building with head name and member count (for the tree)."""
        return q.households(self._l.conn, building_id)

    def address(self, household_id: str) -> str:
        row = q.household_with_address(self._l.conn, household_id)
        if row is None:
            raise NotFound("该户不存在")
        return address_of(row["building_name"], row["entrance"], row["unit"])

    def summary(self, household_id: str) -> dict[str, Any]:
        """Household row with address, grid and head name (for the detail view)."""
        row = q.household_with_address(self._l.conn, household_id)
        if row is None:
            raise NotFound("该户不存在")
        row["address"] = address_of(row["building_name"], row["entrance"], row["unit"])
        return row

    def members(self, household_id: str, *, include_left: bool = False) -> list[Resident]:
        return [Resident.from_row(r) for r in q.members(self._l.conn, household_id, include_left=include_left)]

    def grid_of(self, household_id: str) -> str | None:
        return q.grid_of_household(self._l.conn, household_id)

    def _validate(self, values: dict[str, Any]) -> dict[str, Any]:
        if "unit" in values and not (values.get("unit") or "").strip():
            raise ValidationError("请填写室号（如“301”）", field="unit")
        if values.get("housing_type") and values["housing_type"] not in vocab.HOUSING_TYPES:
            raise ValidationError(f"住房类型应为：{'、'.join(vocab.HOUSING_TYPES)}", field="housing_type")
        if values.get("separated") and values["separated"] not in vocab.SEPARATIONS:
            raise ValidationError("人户分离应为“人在户不在”或“户在人不在”", field="separated")
        if "phone" in values:
            check = check_phone(values["phone"])
            if not check.ok:
                raise ValidationError(check.problem or "电话格式不正确", field="phone")
            values["phone"] = check.normalized
        return {k: (_clean(v) or None) if k not in ("entrance", "unit") else (_clean(v) or "")
                for k, v in values.items()}

    def add(self, *, building_id: str, unit: str, entrance: str = "", housing_type: str | None = None,
            separated: str | None = None, phone: str | None = None, notes: str | None = None) -> Household:
        building = self._l.buildings.get(building_id)
        self._l.access.require_grid(building.grid_id)
        values = self._validate(dict(building_id=building_id, unit=unit, entrance=entrance,
                                     housing_type=housing_type, separated=separated, phone=phone,
                                     notes=notes))
        if q.household_by_address(self._l.conn, building_id, values["entrance"], values["unit"]):
            raise ValidationError(
                f"{address_of(building.name, values['entrance'], values['unit'])} 已有在册住户；"
                "同一地址的家庭成员请加入该户，分户请用“分户”", field="unit")
        with self._l.operation("新增住户"):
            household_id = self._l.writer.insert("households", values)
        return self.get(household_id)

    def update(self, household_id: str, **changes: Any) -> Household:
        self._l.access.require_grid(self.grid_of(household_id))
        self.get(household_id)
        changes = self._validate(dict(changes))
        if "head_resident_id" in changes and changes["head_resident_id"]:
            member_ids = {m.id for m in self.members(household_id)}
            if changes["head_resident_id"] not in member_ids:
                raise ValidationError("户主必须是本户在册成员", field="head_resident_id")
        if "building_id" in changes:
            self._l.access.require_grid(self._l.buildings.get(changes["building_id"]).grid_id)
        with self._l.operation("修改住户"):
            self._l.writer.update("households", household_id, changes)
        return self.get(household_id)

    def set_head(self, household_id: str, resident_id: str) -> None:
        """Make ``resident_id`` the head; the old head becomes '其他' unless set otherwise."""
        self._l.access.require_grid(self.grid_of(household_id))
        household = self.get(household_id)
        members = {m.id: m for m in self.members(household_id)}
        if resident_id not in members:
            raise ValidationError("户主必须是本户在册成员", field="head_resident_id")
        with self._l.operation("变更户主"):
            old = household.head_resident_id
            if old and old != resident_id and old in members:
                self._l.writer.update("residents", old, {"relation": "其他"})
            self._l.writer.update("residents", resident_id, {"relation": "户主"})
            self._l.writer.update("households", household_id, {"head_resident_id": resident_id})

    def split(self, household_id: str, *, resident_ids: Sequence[str], head_id: str,
              building_id: str | None = None, entrance: str | None = None, unit: str,
              on: _dt.date | None = None, reason: str | None = None) -> Household:
        """分户: move ``resident_ids`` into a new household with ``head_id`` as head.

        One transaction: the new household, the moves and their history.
        """
        old = self.get(household_id)
        self._l.access.require_grid(self.grid_of(household_id))
        if head_id not in resident_ids:
            raise ValidationError("新户的户主必须在分出的成员之中", field="head_resident_id")
        members = {m.id for m in self.members(household_id)}
        if not set(resident_ids) <= members:
            raise ValidationError("只能分出本户在册成员")
        if set(resident_ids) == members:
            raise ValidationError("不能把全部成员分出；整户搬迁请修改住址")
        with self._l.operation("分户"):
            new = self.add(building_id=building_id or old.building_id,
                           entrance=old.entrance if entrance is None else entrance, unit=unit)
            for rid in resident_ids:
                self._l.residents.move(rid, to_household_id=new.id, on=on, reason=reason or "分户",
                                       kind="分户")
            self.set_head(new.id, head_id)
        return self.get(new.id)

    def delete(self, household_id: str) -> None:
        self._l.access.require_grid(self.grid_of(household_id))
        if self.members(household_id):
            raise ValidationError("该户还有在册成员，请先迁出或移到其他户后再删除")
        with self._l.operation("删除住户"):
            self._l.writer.soft_delete("households", household_id)
