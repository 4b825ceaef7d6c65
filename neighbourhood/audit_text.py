"""The audit trail's change column in Chinese: “字段中文名：旧值 → 新值”.

:func:`record_names` reads readable names for the ids a page of entries mentions (a
household's address, a resident's or grid's name …) with one query per referenced table
per page, never one per row; :func:`describe` then writes one entry's changes with the
labels of :mod:`neighbourhood.field_labels`.  Values arrive already masked for users
without full view (``Ledger.audit_entries``) and are shown as they come.  Pure core.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable

from db.queries.record_names import NAMED_TABLES, name_rows
from neighbourhood.field_labels import COLUMNS, label
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

# Reference columns (any table) → the table their ids point to.
REFERENCES = {
    "household_id": "households", "from_household_id": "households", "to_household_id": "households",
    "resident_id": "residents", "head_resident_id": "residents", "grid_id": "grids",
    "building_id": "buildings", "user_id": "users", "category_id": "hardship_categories",
    "meeting_id": "meetings", "reviewed_in_meeting_id": "meetings", "visit_id": "visits", "need_id": "needs",
}
# Stamps the entry's own time and user columns already show (kept in the full text).
_STAMPS = frozenset({"created_at", "updated_at", "updated_by"})
_EMPTY = "（空）"


def field_changes(changes: str | None) -> dict[str, list[Any]] | None:
    """``{field: [old, new]}`` of an entry, or None when its JSON is something else."""
    if not changes:
        return None
    try:
        value = json.loads(changes)
    except ValueError:
        return None
    if isinstance(value, dict) and value and all(isinstance(v, list) and len(v) == 2 for v in value.values()):
        return value
    return None


def references(entries: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """{table: ids} named by reference fields in ``entries``' changes."""
    out: dict[str, set[str]] = {}
    for entry in entries:
        for field, pair in (field_changes(entry.get("changes")) or {}).items():
            table = REFERENCES.get(field)
            if table:
                out.setdefault(table, set()).update(v for v in pair if isinstance(v, str) and v)
    return out


def record_names(ledger: "Ledger", entries: Iterable[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """{(table, id): readable name} for the ids ``entries`` refer to (one query per table)."""
    out: dict[tuple[str, str], str] = {}
    for table, ids in references(entries).items():
        if table not in NAMED_TABLES:
            continue
        for record_id, parts in name_rows(ledger.conn, table, sorted(ids)).items():
            if table == "households":
                name = address_of(parts[0] or "", parts[1] or "", parts[2] or "")
            else:
                name = " ".join(str(p) for p in parts if p)
            if name:
                out[(table, record_id)] = name
    return out


def _value(field: str, value: Any, names: dict[tuple[str, str], str]) -> str:
    if value is None or value == "":
        return _EMPTY
    table = REFERENCES.get(field)
    if table and isinstance(value, str):
        return names.get((table, value)) or value[:8]
    if field == "id" and isinstance(value, str):
        return value[:8]
    return str(value)


def describe(table: str, changes: str | None, names: dict[tuple[str, str], str] | None = None, *,
             action: str | None = None, full: bool = False) -> str:
    """One entry's changes as “标签：旧值 → 新值；…” (an ``insert`` shows only the fields it
    filled, as “标签：值”).

    ``full`` also lists the stamps (创建/修改时间, 修改人) the screen leaves out.  JSON that
    is not a field diff (sign-in details, sync summaries) comes back compact, as stored.
    """
    names = names or {}
    fields = field_changes(changes)
    if fields is None:
        if not changes:
            return ""
        try:
            return json.dumps(json.loads(changes), ensure_ascii=False, separators=(",", ":"))
        except ValueError:
            return changes
    order = list(COLUMNS.get(table, {}))
    parts = []
    for field in sorted(fields, key=lambda f: (f != "id", order.index(f) if f in order else len(order), f)):
        if field in _STAMPS and not full:
            continue
        old, new = fields[field]
        if action == "insert":
            if new is not None and new != "":
                parts.append(f"{label(table, field)}：{_value(field, new, names)}")
        else:
            parts.append(f"{label(table, field)}：{_value(field, old, names)} → {_value(field, new, names)}")
    return "；".join(parts)
