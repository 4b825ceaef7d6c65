"""The office checks that a return file stays inside its device's check-out grids.

A laptop only ever holds its grids' households, so a change to a household, resident or
visit elsewhere means a file that was altered or mixed up: the whole file is refused
(SyncFileError naming the record) before anything is written.  Allowed grids are those
of every check-out recorded for the device (a refresh onto other grids still returns the
changes made under the earlier one).  Checked: where the record is at the office now (fine
when its household was checked out to the device, so a household the office moved to
another grid meanwhile does not block the laptop's file for ever) and where the file puts
it (a new record, or a move to another building/household: must be in the grids).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from db.queries import sync as q
from neighbourhood.records import address_of
from neighbourhood.sync.bundle import Bundle, SyncFileError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

CHECKED = ("households", "residents", "visits")
_KIND = {"households": "住户", "residents": "居民", "visits": "走访记录", "hardship_enrolments": "困难群众登记"}


class Scope:
    def __init__(self, ledger: "Ledger", bundle: Bundle, rows: list[list[Any]]) -> None:
        self.conn = ledger.conn
        self.grids = q.checkout_grids(self.conn, bundle.device_id)
        self.name = bundle.device_name or bundle.device_id[:8]
        if not self.grids:
            raise SyncFileError(f"办公室没有“{self.name}”的检出记录，无法核对其修改范围，已拒绝导入，"
                                "未做任何改动。请确认文件来自本机检出的笔记本。")
        # Final values the file gives each record (new records and moves).
        self.file: dict[tuple[str, str], dict[str, Any]] = {}
        for _c, table, record_id, _a, changes, _at, _u in rows:
            values = self.file.setdefault((table, record_id), {})
            values.update({f: v[1] for f, v in changes.items()})
        self.checked_out = q.checked_out_households(self.conn, bundle.device_id)
        self._owners: dict[tuple[str, str], str] = {}
        self._places: dict[str, tuple[str | None, str, str, str] | None] = {}
        self._buildings: dict[str, tuple[str | None, str]] = {}

    def prefetch(self, records: list[tuple[str, str]]) -> None:
        """Read the office rows of ``records`` in batches (10k changes: a few queries, not 20k)."""
        households = {r for t, r in records if t == "households"}
        for table in ("residents", "visits"):
            ids = [r for t, r in records if t == table]
            for record_id, household in q.household_ids_of(self.conn, table, ids).items():
                self._owners[(table, record_id)] = household
                households.add(household)
            households.update(self.file[(table, r)]["household_id"] for r in ids
                              if self.file.get((table, r), {}).get("household_id"))
        wanted = [h for h in households if h not in self._places]
        found = q.household_places(self.conn, wanted)
        for h in wanted:
            self._places[h] = found.get(h)

    # --- places ---------------------------------------------------------------------------

    def _household(self, household_id: str) -> list[tuple[str | None, str, bool]]:
        """[(grid, address, allowed)] for where the household is at the office (allowed when it was
        checked out to this device, even if the office moved it since) and where the file puts it."""
        out = []
        if household_id not in self._places:
            self._places[household_id] = q.household_place(self.conn, household_id)
        office = self._places[household_id]
        if office is not None:
            out.append((office[0], address_of(office[1], office[2], office[3]),
                        household_id in self.checked_out or office[0] in self.grids))
        moved = self.file.get(("households", household_id), {})
        if "building_id" in moved:
            if moved["building_id"] not in self._buildings:
                self._buildings[moved["building_id"]] = q.building_place(self.conn, moved["building_id"])
            grid, building = self._buildings[moved["building_id"]]
            entrance = moved.get("entrance", office[2] if office else "")
            unit = moved.get("unit", office[3] if office else "")
            out.append((grid, address_of(building, entrance or "", unit or ""), grid in self.grids))
        return out

    def _owner_household(self, table: str, record_id: str) -> list[str]:
        ids = []
        if (table, record_id) not in self._owners:
            row = q.row(self.conn, table, record_id) or {}
            self._owners[(table, record_id)] = row.get("household_id")
        if self._owners[(table, record_id)]:
            ids.append(self._owners[(table, record_id)])
        new = self.file.get((table, record_id), {}).get("household_id")
        if new:
            ids.append(new)
        return ids

    def _label(self, table: str, record_id: str, address: str) -> str:
        values = {**(q.row(self.conn, table, record_id) or {}), **self.file.get((table, record_id), {})}
        if table == "residents":
            return f"{values.get('name') or record_id[:8]}（{address}）"
        if table == "visits":
            return f"{address} {values.get('visit_date') or ''} 的走访".strip()
        return address

    # --- checks ---------------------------------------------------------------------------

    def _refuse(self, table: str, record_id: str, grid: str | None, address: str) -> None:
        raise SyncFileError(
            f"同步文件修改了不在“{self.name}”检出网格内的{_KIND.get(table, '记录')}"
            f"“{self._label(table, record_id, address)}”（属于{q.grid_name(self.conn, grid)}），"
            "已拒绝导入，未做任何改动。请核对该笔记本检出的网格；确需修改请在办公室电脑上进行。")

    def check_record(self, table: str, record_id: str) -> None:
        if table == "households":
            places = self._household(record_id)
        else:
            places = [p for h in self._owner_household(table, record_id) for p in self._household(h)]
        for grid, address, allowed in places:
            if not allowed:
                self._refuse(table, record_id, grid, address)
        if table == "visits":
            grid = self.file.get((table, record_id), {}).get("grid_id")
            if grid and grid not in self.grids:
                self._refuse(table, record_id, grid, places[-1][1] if places else "")

    def check_owner(self, table: str, owner_id: str) -> None:
        """For attachment links: the owner record lies in the grids (hardship via its household)."""
        if table == "hardship_enrolments":
            row = q.row(self.conn, table, owner_id) or {}
            values = {**row, **self.file.get((table, owner_id), {})}
            household = values.get("household_id")
            if not household and values.get("resident_id"):
                resident = {**(q.row(self.conn, "residents", values["resident_id"]) or {}),
                            **self.file.get(("residents", values["resident_id"]), {})}
                household = resident.get("household_id")
            for grid, address, allowed in self._household(household) if household else []:
                if not allowed:
                    self._refuse(table, owner_id, grid, address)
            return
        self.check_record(table, owner_id)


def check(ledger: "Ledger", bundle: Bundle, rows: list[list[Any]]) -> Scope:
    """Refuse the file when a fresh change lies outside the check-out grids; returns the scope."""
    scope = Scope(ledger, bundle, rows)
    device = q.device(ledger.conn, bundle.device_id) or {"applied_through": 0}
    through = int(device["applied_through"])
    records = list(dict.fromkeys((t, r) for c, t, r, *_ in rows if c > through and t in CHECKED))
    scope.prefetch(records)
    for table, record_id in records:
        scope.check_record(table, record_id)
    return scope
