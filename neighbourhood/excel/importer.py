"""Importing a residents roster: validate every row, then write all accepted rows at once.

Two long jobs (see :mod:`neighbourhood.jobs`):

* :func:`validate_import` reads nothing but the ledger and returns an
  :class:`ImportPlan` — every row with its action (new / update / skip /
  error) and its problems, by Excel row number.  Nothing is written.
* :func:`apply_import` writes the plan's accepted rows in one operation (one
  transaction): buildings and households are created as needed, residents
  inserted or updated.  Cancel or any error rolls everything back.

Both run on a worker thread; the GUI waits (one thread uses a ledger at a time).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import time
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Mapping

from db.gc_pause import no_cyclic_gc
from db.queries import rosters as q
from neighbourhood import vocab
from neighbourhood.errors import LedgerError
from neighbourhood.excel import values as v
from neighbourhood.excel.fastcheck import quick_columns
from neighbourhood.excel.mapping import FIELDS_BY_KEY, mapping_problems
from neighbourhood.excel.reader import Table
from neighbourhood.excel.safety import ExcelFileError
from neighbourhood.idnumbers import mask_id, upgrade_15_to_18
from neighbourhood.jobs import Abort, Cancelled, Progress, checkpoint, never, no_progress
from neighbourhood.residents import check_fields

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

NEW, UPDATE, SKIP, ERROR = "new", "update", "skip", "error"
ACTION_LABELS = {NEW: "新增", UPDATE: "更新", SKIP: "跳过", ERROR: "错误"}
MAX_SECONDS = 300

_RESIDENT_FIELDS = ("name", "sex", "birth_date", "id_number", "phone", "relation", "residence_status",
                    "permit_start", "permit_end", "hukou_address", "ethnicity", "political_status",
                    "employment", "notes")
_DATE_FIELDS = {"birth_date", "permit_start", "permit_end"}
_RAW_FIELDS = {"id_number", "phone"}          # passed as read: floats must reach the checkers
_HOUSEHOLD_FIELDS = ("separated", "housing_type")
_HOUSEHOLD_CHOICES = {"separated": vocab.SEPARATIONS, "housing_type": vocab.HOUSING_TYPES}
_LABELS = {f.key: f.label for f in FIELDS_BY_KEY.values()} | {"address": "住址", "grid": "网格"}


@dataclasses.dataclass(frozen=True)
class ImportOptions:
    """``grid_id``: grid of buildings the file names that do not exist yet (and of rows
    without a 网格 column).  ``on_duplicate``: 'skip' or 'update' for an ID number already
    in the ledger."""
    grid_id: str | None = None
    on_duplicate: str = SKIP
    max_seconds: float = MAX_SECONDS
    today: _dt.date | None = None


@dataclasses.dataclass
class RowResult:
    index: int                       # into table.rows
    row_number: int                  # as Excel shows it
    action: str = NEW
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    problems: dict[str, str] = dataclasses.field(default_factory=dict)
    existing_id: str | None = None
    grid_id: str | None = None
    address: tuple[str, str, str] | None = None     # (building key, entrance, unit)
    note: str = ""

    @property
    def message(self) -> str:
        """All problems in one Chinese line ('身份证号：…；出生日期：…')."""
        if self.problems:
            return "；".join(f"{_LABELS.get(f, f)}：{m}" if f not in ("row", "_") else m
                            for f, m in self.problems.items())
        return self.note


@dataclasses.dataclass
class ImportPlan:
    table: Table
    mapping: dict[int, str]
    options: ImportOptions
    rows: list[RowResult]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == ERROR]

    @property
    def accepted(self) -> list[RowResult]:
        return [r for r in self.rows if r.action in (NEW, UPDATE)]

    def summary(self) -> str:
        return (f"共 {len(self.rows)} 行：新增 {self.count(NEW)} 人，更新 {self.count(UPDATE)} 人，"
                f"跳过 {self.count(SKIP)} 人，有错误 {self.count(ERROR)} 行")

    def report(self, limit: int = 200) -> list[str]:
        """The validation report, one Chinese line per row with an error or a note."""
        lines = [self.summary()]
        shown = 0
        for r in self.rows:
            if r.action in (ERROR, SKIP) or r.note:
                lines.append(f"第 {r.row_number} 行（{ACTION_LABELS[r.action]}）：{r.message}")
                shown += 1
                if shown >= limit:
                    lines.append(f"……其余 {sum(1 for x in self.rows if x.action == ERROR) - shown} 行错误见错误文件")
                    break
        return lines


@dataclasses.dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    households_added: int
    buildings_added: int
    skipped: int
    errors: int


class _Places:
    """Grids, buildings and households of the ledger, plus those the file will create."""

    def __init__(self, ledger: "Ledger") -> None:
        self.grids = q.grids_by_name(ledger.conn)
        self.by_grid: dict[tuple[str, str], str] = {}
        self.by_key: dict[str, list[tuple[str, str]]] = {}
        for bid, gid, name in q.buildings_all(ledger.conn):
            key = v.building_key(name)
            self.by_grid.setdefault((gid, key), bid)
            self.by_key.setdefault(key, []).append((bid, gid))
        self.households = q.household_addresses(ledger.conn)

    def building(self, grid_id: str | None, key: str) -> tuple[str | None, str | None]:
        """(building id or None when new, grid id) for a building key."""
        if grid_id:
            return self.by_grid.get((grid_id, key)), grid_id
        found = self.by_key.get(key, [])
        if len(found) == 1:
            return found[0]
        return None, None


def _canonical_id(id_number: str | None) -> str | None:
    if id_number and len(id_number) == 15:
        try:
            return upgrade_15_to_18(id_number)
        except ValueError:
            return id_number
    return id_number


def validate_import(ledger: "Ledger", table: Table, mapping: Mapping[int, str], *,
                    options: ImportOptions = ImportOptions(), progress: Progress = no_progress,
                    abort: Abort = never) -> ImportPlan:
    """Check every row of ``table`` under ``mapping``; returns the plan.  Writes nothing.

    Raises :class:`ValidationError`-like :class:`ExcelFileError` for a mapping that cannot
    work, :class:`Cancelled` on abort, and :class:`ExcelFileError` past the time cap.

    Works column by column: each column's cells are cleaned once per distinct value, the
    plainly valid rows are recognised from their columns (:func:`quick_columns`), and only
    the others go through the general :func:`check_fields` row by row.
    """
    mapping = {int(c): f for c, f in mapping.items() if f}
    problems = mapping_problems(mapping)
    if problems:
        raise ExcelFileError("；".join(problems))
    # The cyclic GC off while ~100k rows of results are built: its full passes over the
    # table and the growing results were a sixth of the check.
    with no_cyclic_gc():
        return _validate(ledger, table, mapping, options, progress, abort)


def _validate(ledger: "Ledger", table: Table, mapping: dict[int, str], options: ImportOptions,
              progress: Progress, abort: Abort) -> ImportPlan:
    today = options.today or _dt.date.today()
    today_iso = today.isoformat()
    started = time.monotonic()
    access = ledger.access
    places = _Places(ledger)
    if options.grid_id and options.grid_id not in places.grids.values():
        raise ExcelFileError("所选网格不存在，请重新选择")
    existing = {}
    for number, rec in q.id_numbers(ledger.conn).items():
        existing[number] = rec
        existing.setdefault(_canonical_id(number), rec)
    total = len(table.rows)
    progress(0, total, "正在检查…")
    columns: dict[str, list] = {}
    for c, field in sorted(mapping.items()):
        checkpoint(abort)
        columns[field] = _clean_column(field, _column(table.rows, c))
    if "name" in columns:
        columns["name"] = [x or "" for x in columns["name"]]
    checkpoint(abort)
    resident_keys = [k for k in _RESIDENT_FIELDS if k in columns]
    quick = quick_columns({k: columns[k] for k in resident_keys}, today_iso)
    resident_cols = [columns[k] for k in resident_keys]
    household_cols = [(k, columns[k], _HOUSEHOLD_CHOICES[k]) for k in _HOUSEHOLD_FIELDS if k in columns]
    masked_cols = [(k, columns[k], label) for k, label in (("id_number", "身份证号"), ("phone", "电话"))
                   if k in columns]
    locate = _Locator(columns, places, options, access)
    seen: dict[str, int] = {}
    rows: list[RowResult] = []
    append = rows.append
    numbers = table.row_numbers
    last_address: tuple | None = None
    for i, clean in enumerate(quick):
        if i % 1000 == 0:
            checkpoint(abort)
            if time.monotonic() - started > options.max_seconds:
                raise ExcelFileError(f"检查用时超过 {int(options.max_seconds)} 秒的上限，已停止；请分成几个文件导入")
            progress(i, total, "正在检查…")
        if clean is not None:
            result = RowResult(i, numbers[i], NEW, clean)
        else:
            fields = {k: col[i] for k, col in zip(resident_keys, resident_cols)}
            clean, found = check_fields(fields, today=today)
            result = RowResult(i, numbers[i], NEW, clean, found)
            for key, col, label in masked_cols:
                value = col[i]
                if isinstance(value, str) and "*" in value:
                    # A masked roster (110105********0021) cannot bring numbers back.
                    found[key] = f"{label}已脱敏（含 *），无法导入；请用有权限的账号导出完整号码后再导入"
        for key, col, choices in household_cols:
            value = col[i]
            if value and value not in choices:
                result.problems[key] = f"“{value}”不在可选范围内（{'、'.join(choices)}）"
            result.values[key] = value or None
        place = locate(i, last_address)
        if len(place) == 2:
            result.grid_id, result.address = place
            last_address = place
        else:                           # ('!', field, problem)
            result.problems[place[1]] = place[2]
        _duplicates(result, seen, existing, options)
        if result.problems:
            result.action = ERROR
        append(result)
    _check_heads(rows)
    progress(total, total, "检查完成")
    return ImportPlan(table, dict(mapping), options, rows)


def _column(rows: list[list[Any]], c: int) -> list[Any]:
    """Column ``c`` of the rows (None where a row is short)."""
    try:
        return list(map(itemgetter(c), rows))
    except IndexError:
        return [row[c] if c < len(row) else None for row in rows]


def _cleaner(field: str):
    if field in _RAW_FIELDS:        # passed as read: floats must reach the checkers
        return lambda cell: v.text(cell) if isinstance(cell, str) else (None if cell == "" else cell)
    if field in _DATE_FIELDS:
        return v.date
    return lambda cell: v.variant(field, v.text(cell))


def _clean_column(field: str, cells: list[Any]) -> list[Any]:
    """The cells cleaned as the field needs, each distinct value once.  Numbers of different
    types that compare equal (1, 1.0, True) are kept apart."""
    clean = _cleaner(field)
    try:
        distinct = set(cells)
        if _NUMBERS.isdisjoint(map(type, distinct)):
            # No numbers: equal values are the same value (str, None, dates).
            memo = {cell: clean(cell) for cell in distinct}
            return list(map(memo.__getitem__, cells))
        keys = list(zip(map(type, cells), cells))
        memo = {key: clean(key[1]) for key in set(keys)}
        return list(map(memo.__getitem__, keys))
    except TypeError:               # an unhashable cell value
        return [clean(cell) for cell in cells]


_NUMBERS = frozenset({bool, int, float})


class _Locator:
    """Each row's (grid id, (building key, entrance, unit)), or (field, problem).

    Grid and address cells repeat (members of a household share them), so each distinct
    combination is resolved once; only a blank address (the row above's household) depends
    on the previous row."""

    def __init__(self, columns: Mapping[str, list], places: _Places, options: ImportOptions, access) -> None:
        self.places, self.options, self.access = places, options, access
        n = len(next(iter(columns.values()))) if columns else 0
        self.grid = columns.get("grid") or [None] * n
        if "address" in columns:
            self.address = columns["address"]
        else:
            self.address = list(zip(*(columns.get(k) or [None] * n for k in ("building", "entrance", "unit"))))
        self.by_address = "address" in columns
        self.first: dict[tuple, tuple] = {}
        self.second: dict[tuple, tuple] = {}

    def __call__(self, i: int, last_address: tuple | None) -> tuple:
        """(grid id, address) or ('!', field, problem) for row ``i``."""
        grid_name, cells = self.grid[i], self.address[i]
        try:
            found = self.first[grid_name, cells]
        except KeyError:
            found = self.first[grid_name, cells] = self._address(grid_name, cells)
        if len(found) == 3:
            return found
        grid_id, address = found
        if address is None:
            if last_address is not None and not grid_name:
                # A blank address under a household's first row: the same household (merged cells).
                grid_id, address = last_address
            else:
                return "!", "address", "缺少住址，请填写楼栋、单元和室号（如“12栋2单元301室”）"
        try:
            return self.second[grid_id, address]
        except KeyError:
            placed = self.second[grid_id, address] = self._building(grid_id, address)
            return placed

    def _address(self, grid_name: str | None, cells) -> tuple:
        """(grid id, address or None), or ('!', field, problem)."""
        grid_id = self.options.grid_id
        if grid_name:
            grid_id = self.places.grids.get(grid_name)
            if grid_id is None:
                return "!", "grid", f"网格“{grid_name}”不存在，请先在系统中建立，或改为已有网格的名称"
        if self.by_address:
            address = v.parse_address(cells)
            if address is None and cells:
                return "!", "address", f"无法识别住址“{cells}”，请写成“12栋2单元301室”或“12-2-301”的形式"
        else:
            building, entrance, unit = cells
            key = v.building_key(building)
            address = (key, v.cn_number(entrance or ""), (unit or "").upper()) if key and unit else None
        return grid_id, address

    def _building(self, grid_id: str | None, address: tuple[str, str, str]) -> tuple:
        building_id, grid_id = self.places.building(grid_id, address[0])
        if grid_id is None:
            return "!", "address", (f"楼栋“{v.building_name(address[0])}”在系统中不存在或有重名，"
                                    "请选择新楼栋所属的网格，或在文件中加上“网格”列")
        if not self.access.may_edit_grid(grid_id):
            return "!", "grid", "您无权修改该网格的住户（网格员只能导入自己负责的网格）"
        if building_id is None and self.access.role not in ("admin", "staff"):
            return "!", "address", f"楼栋“{v.building_name(address[0])}”尚未建立；新楼栋需由工作人员建立"
        return grid_id, address


def _duplicates(result: RowResult, seen: dict[str, int], existing: dict, options: ImportOptions) -> None:
    """A valid ID number already on an earlier row (an error) or in the ledger (update or skip);
    otherwise remembered in ``seen`` (by its 18-character form) for the rows after."""
    number = result.values.get("id_number")
    if not number or "id_number" in result.problems:
        return
    key = number if len(number) != 15 else _canonical_id(number)
    if key in seen:
        result.problems["id_number"] = f"与第 {seen[key]} 行的身份证号重复（{mask_id(number)}），同一人只能出现一次"
        return
    seen[key] = result.row_number
    rec = existing.get(number) or existing.get(key)
    if rec:
        result.existing_id = rec[0]
        if options.on_duplicate == UPDATE:
            result.action = UPDATE
            result.note = f"系统中已有此人（{rec[1]}），将按表格更新其信息（住址不变）"
        else:
            result.action = SKIP
            result.note = f"系统中已有此人（{rec[1]}），已跳过"


def _check_heads(rows: list[RowResult]) -> None:
    heads: dict[tuple, int] = {}
    for r in rows:
        if r.action == NEW and r.values.get("relation") == "户主" and r.address:
            key = (r.grid_id, r.address)
            if key in heads:
                r.problems["relation"] = f"同一户（{v.building_name(r.address[0])}…）已有户主（第 {heads[key]} 行）"
                r.action = ERROR
            else:
                heads[key] = r.row_number


def apply_import(ledger: "Ledger", plan: ImportPlan, *, progress: Progress = no_progress,
                 abort: Abort = never) -> ImportResult:
    """Write the plan's accepted rows in one operation; all or nothing.

    Raises :class:`Cancelled` (after rollback) on abort, :class:`PermissionDenied` for a
    read-only user, :class:`LedgerError` when the ledger changed since validation.
    """
    from neighbourhood.pinyin import name_pinyin

    access = ledger.access
    access.require_write()
    accepted = plan.accepted
    total = len(accepted)
    places = _Places(ledger)
    writer = ledger.writer
    today = (plan.options.today or _dt.date.today()).isoformat()
    try:
        if ledger.path is not None and plan.rows:
            # A consistent copy before a bulk change, as before migrations and syncs.
            from neighbourhood.backups import backup
            backup(ledger.conn, ledger.path, kind="before")
        with ledger.operation(f"导入花名册 {plan.table.path.name}（{total} 行）"), writer.bulk():
            counts = _write_plan(ledger, accepted, places, today, name_pinyin, progress, abort)
            checkpoint(abort)
            progress(total, total, "正在记录审计和更新搜索索引…")
        added, updated, households_added, buildings_added = counts
    except (Cancelled, LedgerError):
        raise
    except Exception as exc:
        import sqlite3

        import sqlcipher3
        if isinstance(exc, (sqlite3.IntegrityError, sqlcipher3.IntegrityError)):
            raise LedgerError("导入时发现数据已被改动（如身份证号刚被他人登记），全部未导入；请重新检查后再导入") from exc
        raise
    # The schedule cache follows now, on this worker, not at the next screen's read.
    ledger.visits.update_plan(progress=progress, after_save=True)
    progress(total, total, "导入完成")
    return ImportResult(added, updated, households_added, buildings_added, plan.count(SKIP),
                        plan.count(ERROR))


_CHUNK = 5000       # rows per executemany between Cancel checks


def _write_plan(ledger: "Ledger", accepted: list[RowResult], places: _Places, today: str,
                name_pinyin, progress: Progress, abort: Abort) -> tuple[int, int, int, int]:
    """Write the accepted rows (inside the caller's operation and bulk block); returns
    (added, updated, households added, buildings added).

    New buildings, households, residents and their 登记 events are prepared in Python,
    then inserted table by table with ``insert_many``; a new household gets its 户主
    directly (head_resident_id has no FK, so the resident's id can be chosen first).
    """
    from db.writes import new_id

    access, writer = ledger.access, ledger.writer
    total = len(accepted)
    new_buildings: dict[tuple[str, str], str] = {}
    building_rows: list[dict[str, Any]] = []
    household_rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    resident_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    head_updates: dict[str, str] = {}             # existing household without a head → new 户主
    updates: list[RowResult] = []
    for row in accepted:
        if row.action == UPDATE:
            updates.append(row)
            continue
        values = {k: row.values[k] for k in _RESIDENT_FIELDS if k in row.values}
        if "id_number" in row.values:
            values["id_flag"] = row.values.get("id_flag")
        grid_id, (bkey, entrance, unit) = row.grid_id, row.address
        building_id = places.by_grid.get((grid_id, bkey)) or new_buildings.get((grid_id, bkey))
        if building_id is None:
            access.require_staff()
            building_id = new_id()
            building_rows.append(dict(id=building_id, grid_id=grid_id, name=v.building_name(bkey),
                                      sort_no=_sort_no(bkey)))
            new_buildings[(grid_id, bkey)] = building_id
        resident_id = new_id()
        is_head = values.get("relation") == "户主"
        found = places.households.get((building_id, entrance, unit))
        if found is None:
            hh = household_rows.get((building_id, entrance, unit))
            if hh is None:
                hh = {"id": new_id(), "building_id": building_id, "entrance": entrance, "unit": unit,
                      "head_resident_id": None}
                hh.update({k: row.values.get(k) for k in _HOUSEHOLD_FIELDS if row.values.get(k)})
                household_rows[(building_id, entrance, unit)] = hh
            household_id = hh["id"]
            if is_head and not hh["head_resident_id"]:
                hh["head_resident_id"] = resident_id
        else:
            household_id = found[0]
            if is_head and not found[1] and household_id not in head_updates:
                head_updates[household_id] = resident_id
        values["id"] = resident_id
        values["name_pinyin"], values["name_initials"] = name_pinyin(values["name"])
        values["household_id"] = household_id
        values["residence_status"] = values.get("residence_status") or "户籍"
        resident_rows.append(values)
        event_rows.append(dict(resident_id=resident_id, kind="登记", event_date=today,
                               to_household_id=household_id, reason="表格导入"))
    checkpoint(abort)
    writer.insert_many("buildings", building_rows)
    writer.insert_many("households", list(household_rows.values()))
    done = 0
    for start in range(0, len(resident_rows), _CHUNK):
        checkpoint(abort)
        progress(done, total, "正在写入…")
        writer.insert_many("residents", resident_rows[start:start + _CHUNK])
        writer.insert_many("resident_events", event_rows[start:start + _CHUNK])
        done += len(resident_rows[start:start + _CHUNK])
    for household_id, resident_id in head_updates.items():
        writer.update("households", household_id, {"head_resident_id": resident_id})
    for n, row in enumerate(updates):
        if n % 200 == 0:
            checkpoint(abort)
            progress(done + n, total, "正在写入…")
        values = {k: row.values[k] for k in _RESIDENT_FIELDS if k in row.values}
        if "id_number" in row.values:
            values["id_flag"] = row.values.get("id_flag")
        changes = {k: val for k, val in values.items() if val is not None}
        if "name" in changes:
            changes["name_pinyin"], changes["name_initials"] = name_pinyin(changes["name"])
        writer.update("residents", row.existing_id, changes)
    return len(resident_rows), len(updates), len(household_rows), len(building_rows)


def _sort_no(key: str) -> int:
    return int(key) if key.isdigit() else 0
