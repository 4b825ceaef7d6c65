"""The conflict review queue: list conflicts and let staff choose a side.

Choosing is one Writer operation (audited): the conflict row is marked resolved with the
choice, who and when, and — when the laptop's value wins — the value is written (a record
the office deleted is restored first; a held-back record is inserted).  Both values stay
in the conflict row, so nothing is lost whichever side is chosen.
"""
from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any, Iterable

from db.queries import sync as q
from db.writes import utc_now
from neighbourhood import field_labels
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.records import address_of
from neighbourhood.sync.merge import derive

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

LAPTOP, OFFICE = "laptop", "office"
KIND_LABELS = {"both": "双方都修改", "deleted": "办公室已删除", "duplicate_id": "身份证号重复",
               "duplicate": "记录重复", "missing": "记录不存在"}


@dataclasses.dataclass(frozen=True)
class Conflict:
    id: str
    kind: str
    table_name: str
    record_id: str
    field: str | None
    base_value: Any
    laptop_value: Any
    office_value: Any
    detail: str
    status: str
    choice: str | None
    device_id: str
    bundle_id: str
    resolved_by: str | None
    resolved_at: str | None
    created_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Conflict":
        values = {f.name: row.get(f.name) for f in dataclasses.fields(cls)}
        for key in ("base_value", "laptop_value", "office_value"):
            values[key] = json.loads(row[key]) if row.get(key) is not None else None
        return cls(**values)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def where(self) -> str:
        table = field_labels.table_label(self.table_name)  # one catalogue (field_labels)
        field = field_labels.label(self.table_name, self.field) if self.field else "整条记录"
        return f"{table} · {field}"


class Conflicts:
    """The office's conflict queue (service; reached as ``ledger.sync.conflicts``)."""

    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def ids(self, *, status: str | None = "open") -> list[str]:
        return q.conflict_ids(self._l.conn, status=status)

    def rows(self, ids: list[str]) -> dict[str, Conflict]:
        return {k: Conflict.from_row(v) for k, v in q.conflicts(self._l.conn, ids).items()}

    def get(self, conflict_id: str) -> Conflict:
        row = q.conflicts(self._l.conn, [conflict_id]).get(conflict_id)
        if row is None:
            raise NotFound("该冲突记录不存在")
        return Conflict.from_row(row)

    def open_count(self) -> int:
        return q.count_open_conflicts(self._l.conn)

    def record_names(self, conflicts: Iterable[Conflict]) -> dict[str, str]:
        """{conflict id: a human name for its record (resident name, household address…)}: the
        records are read per table in chunks (a few queries for a whole queue, not one each)."""
        conflicts = list(conflicts)
        conn = self._l.conn
        wanted: dict[str, list[str]] = {}
        for c in conflicts:
            wanted.setdefault(c.table_name, []).append(c.record_id)
        rows = {table: q.rows(conn, table, list(dict.fromkeys(ids))) for table, ids in wanted.items()}
        addresses = q.household_addresses(conn, list(rows.get("households", {})))
        return {c.id: _record_name(c, rows[c.table_name].get(c.record_id), addresses) for c in conflicts}

    def resolve(self, conflict_id: str, choice: str) -> Conflict:
        """Settle one conflict with the laptop's or the office's value.

        Raises ValidationError (Chinese) when the laptop value cannot be written (an ID
        number still registered to someone else), PermissionDenied for read-only roles.
        """
        self._l.access.require_staff()
        if choice not in (LAPTOP, OFFICE):
            raise ValueError(choice)
        conflict = self.get(conflict_id)
        if conflict.status != "open":
            raise ValidationError("这个冲突已经处理过了。")
        label = f"处理同步冲突：{conflict.where}（采用{'笔记本' if choice == LAPTOP else '办公室'}的值）"
        with self._l.operation(label):
            done = {"status": "resolved", "choice": choice, "resolved_at": utc_now(),
                    "resolved_by": self._l.access.username}
            # The office value may have changed since the merge (another laptop's file, an
            # earlier choice): the row keeps the value actually replaced or kept, so it stays on record.
            row = q.row(self._l.conn, conflict.table_name, conflict.record_id) if conflict.field else None
            if row is not None and conflict.field in row and row[conflict.field] != conflict.office_value:
                done["office_value"] = json.dumps(row[conflict.field], ensure_ascii=False, default=str)
            if choice == LAPTOP:
                self._take_laptop(conflict)
            self._l.writer.update("sync_conflicts", conflict.id, done)
        # Undo would revert the value but leave the conflict marked resolved: not offered.
        self._l.writer.last_operation = None
        return self.get(conflict_id)

    def _take_laptop(self, c: Conflict) -> None:
        conn = self._l.conn
        row = q.row(conn, c.table_name, c.record_id)
        if c.field is None:  # a whole record held back
            values = dict(c.laptop_value or {})
            if row is None:
                try:
                    with self._l.db.atomic():
                        self._l.writer.insert(c.table_name, {**values, "id": c.record_id})
                except Exception as exc:
                    raise ValidationError(f"笔记本的记录仍与已有记录重复，无法加入（{exc}）。请先修改已有记录。") from exc
            else:
                values.pop("id", None)
                self._l.writer.update(c.table_name, c.record_id,
                                      derive(c.table_name, {k: v for k, v in values.items() if k in row}))
            return
        if row is None:
            raise ValidationError("这条记录在办公室数据库中已不存在，无法采用笔记本的值。")
        if c.table_name == "residents" and c.field == "id_number" and c.laptop_value:
            other = q.live_resident_by_id_number(conn, c.laptop_value, c.record_id)
            if other:
                raise ValidationError(f"身份证号仍登记为“{other['name']}”，请先核对并修改那位居民，再采用笔记本的值。",
                                      field="id_number")
        if c.kind == "deleted" and row.get("deleted_at") is not None:
            # Staff chose the laptop's edit over the office's deletion: the record comes back.
            self._l.writer.restore(c.table_name, c.record_id)
        self._l.writer.update(c.table_name, c.record_id, derive(c.table_name, {c.field: c.laptop_value}))


def _record_name(conflict: Conflict, row: dict[str, Any] | None,
                 addresses: dict[str, tuple[Any, Any, Any]]) -> str:
    if row is None:
        value = conflict.laptop_value if isinstance(conflict.laptop_value, dict) else {}
        return str(value.get("name") or value.get("what") or value.get("content") or value.get("file_name")
                   or conflict.record_id[:8])
    if conflict.table_name == "residents":
        return row["name"]
    if conflict.table_name == "households":
        parts = addresses.get(row["id"])
        if parts is not None:
            try:
                return address_of(*parts)
            except (TypeError, AttributeError):  # a part of the address is missing
                pass
        return row.get("unit") or row["id"][:8]
    for key in ("name", "what", "content", "visit_date", "file_name"):
        if row.get(key):
            return str(row[key])
    return row["id"][:8]
