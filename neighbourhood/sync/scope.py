"""The office checks that a return file stays inside its device's check-out grids.

A laptop only ever holds its grids' households, so a change to any record of the sync
allow-list (households, residents, visits and their rows, needs and their steps, household
flags, enrolments and their events … see LINKS) elsewhere means a file that was altered or
mixed up: the whole file is refused (SyncFileError naming the record) before anything is
written.  A record with no household at all (an anonymous need) has nothing to check.  Allowed grids are those
of every check-out recorded for the device (a refresh onto other grids still returns the
changes made under the earlier one).  Checked: where the record is at the office now (fine
when its household was checked out to the device, so a household the office moved to
another grid meanwhile does not block the laptop's file for ever) and where the file puts
it (a new record, or a move to another building/household: must be in the grids).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from db.queries import sync as q
from neighbourhood.field_labels import table_label
from neighbourhood.records import address_of
from neighbourhood.sync.bundle import Bundle, SyncFileError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

# How each table a laptop may send back reaches a household: (field, parent table).  Every
# table of the sync allow-list is here (a test keeps it so); a record is checked through
# every household it names, directly or via its visit, resident, need or enrolment, both
# as the office has it and as the file leaves it.
LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "households": (),
    "residents": (("household_id", "households"),),
    "resident_events": (("resident_id", "residents"), ("from_household_id", "households"),
                        ("to_household_id", "households")),
    "visits": (("household_id", "households"),),
    "visit_visitors": (("visit_id", "visits"),),
    "visit_residents": (("visit_id", "visits"), ("resident_id", "residents")),
    "visit_needs": (("visit_id", "visits"), ("household_id", "households"), ("need_id", "needs")),
    "household_flags": (("household_id", "households"),),
    "needs": (("household_id", "households"), ("resident_id", "residents"), ("visit_id", "visits")),
    "need_steps": (("need_id", "needs"),),
    "hardship_enrolments": (("household_id", "households"), ("resident_id", "residents")),
    "hardship_events": (("enrolment_id", "hardship_enrolments"),),
    "hardship_assistance": (("enrolment_id", "hardship_enrolments"), ("household_id", "households"),
                            ("resident_id", "residents")),
}
CHECKED = tuple(LINKS)


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
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._places: dict[str, tuple[str | None, str, str, str] | None] = {}
        self._buildings: dict[str, tuple[str | None, str]] = {}

    def _row(self, table: str, record_id: str) -> dict[str, Any]:
        if (table, record_id) not in self._rows:
            self._rows[(table, record_id)] = q.row(self.conn, table, record_id)
        return self._rows[(table, record_id)] or {}

    def _parents(self, table: str, record_id: str) -> list[tuple[str, str]]:
        """(table, id) of each record ``record_id`` hangs from, at the office and in the file."""
        office, new = self._row(table, record_id), self.file.get((table, record_id), {})
        out = []
        for field, parent in LINKS.get(table, ()):
            for value in (office.get(field), new.get(field)):
                if value and (parent, value) not in out:
                    out.append((parent, value))
        return out

    def prefetch(self, records: list[tuple[str, str]]) -> None:
        """Read the office rows of ``records`` and of their parents in batches, level by level
        (10k changes: a few queries per table, not 20k)."""
        households: set[str] = set()
        pending = list(records)
        while pending:
            wanted: dict[str, list[str]] = {}
            for table, record_id in pending:
                if table == "households":
                    households.add(record_id)
                elif (table, record_id) not in self._rows:
                    wanted.setdefault(table, []).append(record_id)
            for table, ids in wanted.items():
                found = q.rows(self.conn, table, ids)
                for record_id in ids:
                    self._rows[(table, record_id)] = found.get(record_id)
            following = []
            for table, ids in wanted.items():
                for record_id in ids:
                    for parent in self._parents(table, record_id):
                        if parent[0] == "households":
                            households.add(parent[1])
                        elif parent not in self._rows:
                            following.append(parent)
            pending = list(dict.fromkeys(following))
        wanted_households = [h for h in households if h not in self._places]
        found_places = q.household_places(self.conn, wanted_households)
        for h in wanted_households:
            self._places[h] = found_places.get(h)

    # --- places ---------------------------------------------------------------------------

    def _household(self, household_id: str) -> list[tuple[str | None, str, bool]]:
        """[(grid, address, allowed)] for where the household is at the office (allowed when it was
        checked out to this device, even if the office moved it since) and where the file puts it."""
        out = []
        if household_id not in self._places:
            self._places[household_id] = q.household_places(self.conn, [household_id]).get(household_id)
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

    def _households_of(self, table: str, record_id: str, seen: set | None = None) -> list[str]:
        """Every household ``record_id`` names, directly or through its parent records."""
        if table == "households":
            return [record_id]
        seen = set() if seen is None else seen
        if (table, record_id) in seen:
            return []
        seen.add((table, record_id))
        out: list[str] = []
        for parent, parent_id in self._parents(table, record_id):
            for household in self._households_of(parent, parent_id, seen):
                if household not in out:
                    out.append(household)
        return out

    def _label(self, table: str, record_id: str, address: str) -> str:
        values = {**self._row(table, record_id), **self.file.get((table, record_id), {})}
        if table == "residents":
            return f"{values.get('name') or record_id[:8]}（{address}）"
        if table == "visits":
            return f"{address} {values.get('visit_date') or ''} 的走访".strip()
        if table == "households":
            return address
        what = values.get("content") or values.get("what") or values.get("flag") or values.get("name")
        return f"{str(what)[:20]}（{address}）" if what else address

    # --- checks ---------------------------------------------------------------------------

    def _refuse(self, table: str, record_id: str, grid: str | None, address: str) -> None:
        raise SyncFileError(
            f"同步文件修改了不在“{self.name}”检出网格内的{table_label(table)}"
            f"“{self._label(table, record_id, address)}”（属于{q.grid_name(self.conn, grid)}），"
            "已拒绝导入，未做任何改动。请核对该笔记本检出的网格；确需修改请在办公室电脑上进行。")

    def check_record(self, table: str, record_id: str) -> None:
        places = [p for h in self._households_of(table, record_id) for p in self._household(h)]
        for grid, address, allowed in places:
            if not allowed:
                self._refuse(table, record_id, grid, address)
        if table == "visits":
            grid = self.file.get((table, record_id), {}).get("grid_id")
            if grid and grid not in self.grids:
                self._refuse(table, record_id, grid, places[-1][1] if places else "")

    def check_owner(self, table: str, owner_id: str) -> None:
        """For attachment links: the owner record lies in the grids (through its household)."""
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
