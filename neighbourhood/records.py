"""Plain records (one database row each) passed between core and UI."""
from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, Mapping


def _fields(cls, row: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in row.items() if k in names}


@dataclasses.dataclass(frozen=True)
class Grid:
    id: str
    name: str
    code: str | None = None
    worker_name: str | None = None
    worker_phone: str | None = None
    notes: str | None = None
    sort_no: int = 0

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Grid":
        return cls(**_fields(cls, row))


@dataclasses.dataclass(frozen=True)
class Building:
    id: str
    grid_id: str
    name: str
    address: str | None = None
    leader_name: str | None = None
    leader_phone: str | None = None
    floors: int | None = None
    notes: str | None = None
    sort_no: int = 0

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Building":
        return cls(**_fields(cls, row))


@dataclasses.dataclass(frozen=True)
class Household:
    id: str
    building_id: str
    unit: str
    entrance: str = ""
    head_resident_id: str | None = None
    housing_type: str | None = None
    separated: str | None = None
    phone: str | None = None
    status: str = "在册"
    notes: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Household":
        return cls(**_fields(cls, row))


@dataclasses.dataclass(frozen=True)
class Resident:
    id: str
    household_id: str
    name: str
    sex: str | None = None
    birth_date: str | None = None
    id_number: str | None = None
    id_flag: str | None = None
    phone: str | None = None
    relation: str | None = None
    residence_status: str = "户籍"
    permit_start: str | None = None
    permit_end: str | None = None
    hukou_address: str | None = None
    ethnicity: str | None = None
    political_status: str | None = None
    employment: str | None = None
    status: str = "在册"
    status_date: str | None = None
    notes: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Resident":
        return cls(**_fields(cls, row))

    def age(self, on: _dt.date | None = None) -> int | None:
        if not self.birth_date:
            return None
        born = _dt.date.fromisoformat(self.birth_date)
        on = on or _dt.date.today()
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def is_party_member(self) -> bool:
        return (self.political_status or "").startswith("中共")


def address_of(building_name: str, entrance: str, unit: str) -> str:
    """'12栋2单元301室' from its parts (parts already carrying a suffix keep it)."""
    parts = [building_name]
    if entrance:
        parts.append(entrance if entrance.endswith("单元") else f"{entrance}单元")
    parts.append(unit if unit.endswith("室") else f"{unit}室")
    return "".join(parts)
