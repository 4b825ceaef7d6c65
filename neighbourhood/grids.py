"""Grids (网格) and buildings (楼栋): the structure staff set up once."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from db.queries import registry as q
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.phones import check_phone
from neighbourhood.records import Building, Grid

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


def _clean(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def _phone(value: Any, field: str) -> str | None:
    check = check_phone(value)
    if not check.ok:
        raise ValidationError(check.problem or "电话号码格式不正确", field=field)
    return check.normalized


class Grids:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def list(self) -> list[Grid]:
        return [Grid.from_row(r) for r in q.grids(self._l.conn)]

    def get(self, grid_id: str) -> Grid:
        row = q.one(self._l.conn, "grids", grid_id)
        if row is None:
            raise NotFound("网格不存在或已删除")
        return Grid.from_row(row)

    def add(self, *, name: str, code: str | None = None, worker_name: str | None = None,
            worker_phone: str | None = None, notes: str | None = None, sort_no: int = 0) -> Grid:
        self._l.access.require_staff()
        name = _clean(name)
        if not name:
            raise ValidationError("请填写网格名称", field="name")
        if any(g.name == name for g in self.list()):
            raise ValidationError(f"已有名为“{name}”的网格，请换一个名称", field="name")
        values = dict(name=name, code=_clean(code), worker_name=_clean(worker_name),
                      worker_phone=_phone(worker_phone, "worker_phone"), notes=_clean(notes),
                      sort_no=sort_no)
        with self._l.operation(f"新增网格 {name}"):
            grid_id = self._l.writer.insert("grids", values)
        return self.get(grid_id)

    def update(self, grid_id: str, **changes: Any) -> Grid:
        self._l.access.require_staff()
        self.get(grid_id)
        if "name" in changes and not _clean(changes["name"]):
            raise ValidationError("请填写网格名称", field="name")
        if "worker_phone" in changes:
            changes["worker_phone"] = _phone(changes["worker_phone"], "worker_phone")
        with self._l.operation("修改网格"):
            self._l.writer.update("grids", grid_id, {k: _clean(v) for k, v in changes.items()})
        return self.get(grid_id)

    def delete(self, grid_id: str) -> None:
        self._l.access.require_staff()
        if q.buildings(self._l.conn, grid_id):
            raise ValidationError("该网格下还有楼栋，请先把楼栋移到其他网格或删除后再删除网格")
        with self._l.operation("删除网格"):
            self._l.writer.soft_delete("grids", grid_id)


class Buildings:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def list(self, grid_id: str | None = None) -> list[Building]:
        return [Building.from_row(r) for r in q.buildings(self._l.conn, grid_id)]

    def get(self, building_id: str) -> Building:
        row = q.one(self._l.conn, "buildings", building_id)
        if row is None:
            raise NotFound("楼栋不存在或已删除")
        return Building.from_row(row)

    def add(self, *, grid_id: str, name: str, address: str | None = None,
            leader_name: str | None = None, leader_phone: str | None = None,
            floors: int | None = None, notes: str | None = None, sort_no: int = 0) -> Building:
        self._l.access.require_staff()
        self._l.grids.get(grid_id)
        name = _clean(name)
        if not name:
            raise ValidationError("请填写楼栋名称（如“12栋”）", field="name")
        if any(b.name == name for b in self.list(grid_id)):
            raise ValidationError(f"本网格已有“{name}”，请核对", field="name")
        values = dict(grid_id=grid_id, name=name, address=_clean(address),
                      leader_name=_clean(leader_name),
                      leader_phone=_phone(leader_phone, "leader_phone"), floors=floors,
                      notes=_clean(notes), sort_no=sort_no)
        with self._l.operation(f"新增楼栋 {name}"):
            building_id = self._l.writer.insert("buildings", values)
        return self.get(building_id)

    def update(self, building_id: str, **changes: Any) -> Building:
        self._l.access.require_staff()
        self.get(building_id)
        if "grid_id" in changes:
            self._l.grids.get(changes["grid_id"])
        if "name" in changes and not _clean(changes["name"]):
            raise ValidationError("请填写楼栋名称", field="name")
        if "leader_phone" in changes:
            changes["leader_phone"] = _phone(changes["leader_phone"], "leader_phone")
        with self._l.operation("修改楼栋"):
            self._l.writer.update("buildings", building_id, {k: _clean(v) for k, v in changes.items()})
        return self.get(building_id)

    def delete(self, building_id: str) -> None:
        self._l.access.require_staff()
        if q.households(self._l.conn, building_id):
            raise ValidationError("该楼栋下还有住户，不能删除")
        with self._l.operation("删除楼栋"):
            self._l.writer.soft_delete("buildings", building_id)
