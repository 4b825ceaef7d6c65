"""Keeping the search indexes in step with the registry.

A :class:`db.writes.Writer` hook re-indexes the documents a write touches, in
the same transaction: a resident (name, pinyin, phone, ID number, address), a
household (address, head), and, when a building or household address changes,
every document under it.
"""
from __future__ import annotations

from typing import Iterable

from db.queries import in_chunks
from db.writes import Write

_RESIDENT_FIELDS = {"name", "phone", "id_number", "household_id", "deleted_at", "name_pinyin"}
_HOUSEHOLD_FIELDS = {"entrance", "unit", "building_id", "deleted_at", "head_resident_id", "phone"}
_BUILDING_FIELDS = {"name", "address", "deleted_at"}


def spaced(text: str | None) -> str:
    """'12栋2单元' → '1 2 栋 2 单 元': one token per character for phrase queries."""
    return " ".join(ch for ch in (text or "") if not ch.isspace())


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isalnum())


def _address(building: str | None, street: str | None, entrance: str | None, unit: str | None) -> str:
    parts = [building or ""]
    if entrance:
        parts.append(entrance if entrance.endswith("单元") else f"{entrance}单元")
    if unit:
        parts.append(unit if unit.endswith("室") else f"{unit}室")
    return "".join(parts) + (f" {street}" if street else "")


_RESIDENT_SQL = """
SELECT r.rowid, r.name, r.name_pinyin, r.name_initials, r.phone, r.id_number, r.deleted_at,
       b.name, b.address, h.entrance, h.unit
FROM residents r JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = h.building_id
"""
_HOUSEHOLD_SQL = """
SELECT h.rowid, hr.name, hr.name_pinyin, hr.name_initials, h.phone, NULL, h.deleted_at,
       b.name, b.address, h.entrance, h.unit
FROM households h JOIN buildings b ON b.id = h.building_id
LEFT JOIN residents hr ON hr.id = h.head_resident_id
"""


def _delete(conn, docids: Iterable[int]) -> None:
    ids = [(d,) for d in docids]
    conn.executemany("DELETE FROM search_tri WHERE rowid = ?", ids)
    conn.executemany("DELETE FROM search_uni WHERE rowid = ?", ids)


def _put(conn, rows: list[tuple], offset: int) -> None:
    """Index rows of _RESIDENT_SQL/_HOUSEHOLD_SQL shape; offset 0 = resident, 1 = household."""
    _delete(conn, (row[0] * 2 + offset for row in rows))
    tri: list[tuple] = []
    uni: list[tuple] = []
    _put_fresh(rows, offset, tri, uni)
    conn.executemany("INSERT INTO search_tri(rowid, name, address, phone, id_number) VALUES (?,?,?,?,?)", tri)
    conn.executemany("INSERT INTO search_uni(rowid, chars, pinyin, tails) VALUES (?,?,?,?)", uni)


def index_residents(conn, where: str, params: tuple = ()) -> None:
    _put(conn, conn.execute(_RESIDENT_SQL + " WHERE " + where, params).fetchall(), 0)


def index_households(conn, where: str, params: tuple = ()) -> None:
    _put(conn, conn.execute(_HOUSEHOLD_SQL + " WHERE " + where, params).fetchall(), 1)


def rebuild(conn, *, progress=None) -> None:
    """Re-create both indexes from the registry (after a bulk load or a migration)."""
    conn.execute("DELETE FROM search_tri")
    conn.execute("DELETE FROM search_uni")
    for offset, sql in ((0, _RESIDENT_SQL), (1, _HOUSEHOLD_SQL)):
        cur = conn.execute(sql + " WHERE 1")
        while True:
            rows = cur.fetchmany(20000)
            if not rows:
                break
            tri, uni = [], []
            _put_fresh(rows, offset, tri, uni)
            conn.executemany("INSERT INTO search_tri(rowid, name, address, phone, id_number) VALUES (?,?,?,?,?)", tri)
            conn.executemany("INSERT INTO search_uni(rowid, chars, pinyin, tails) VALUES (?,?,?,?)", uni)
            if progress:
                progress(len(rows))


def _put_fresh(rows, offset, tri, uni) -> None:
    for (rowid, name, pinyin, initials, phone, id_number, deleted_at,
         building, street, entrance, unit) in rows:
        if deleted_at:
            continue
        docid = rowid * 2 + offset
        address = _address(building, street, entrance, unit)
        tri.append((docid, name or "", address, phone or "", id_number or ""))
        uni.append((docid, f"{spaced(name)} | {spaced(address)}",
                    " ".join(p for p in (pinyin, initials) if p),
                    " ".join(t[::-1] for t in (_digits(id_number), _digits(phone)) if t)))


def _index_in(conn, indexer, column: str, ids) -> None:
    for chunk, marks in in_chunks(ids):
        indexer(conn, f"{column} IN ({marks})", tuple(chunk))


def index_writes(conn, writes: list[Write]) -> None:
    """Re-index what a list of writes touched, each document once (the bulk form of the hook)."""
    residents: set[str] = set()          # resident documents
    households: set[str] = set()         # household documents
    heads_of: set[str] = set()           # residents whose household document shows them
    members_of: set[str] = set()         # households whose residents' documents change
    buildings: set[str] = set()
    for write in writes:
        changed = set(write.changed) if write.action != "insert" else None
        if write.table == "residents":
            if changed is None or changed & _RESIDENT_FIELDS:
                residents.add(write.record_id)
                heads_of.add(write.record_id)
        elif write.table == "households":
            if changed is None or changed & _HOUSEHOLD_FIELDS:
                households.add(write.record_id)
                if changed is not None and changed & {"entrance", "unit", "building_id", "deleted_at"}:
                    members_of.add(write.record_id)
        elif write.table == "buildings":
            if changed is not None and changed & _BUILDING_FIELDS:
                buildings.add(write.record_id)
    for chunk, marks in in_chunks(heads_of):
        households.update(r[0] for r in conn.execute(
            f"SELECT id FROM households WHERE head_resident_id IN ({marks})", chunk))
    _index_in(conn, index_residents, "r.id", residents)
    _index_in(conn, index_residents, "r.household_id", members_of)
    _index_in(conn, index_residents, "h.building_id", buildings)
    _index_in(conn, index_households, "h.id", households)
    _index_in(conn, index_households, "h.building_id", buildings)


def make_hook(conn):
    """Writer hook: re-index what a write touched (same transaction)."""
    def hook(write: Write, _actor, _now) -> None:
        changed = set(write.changed) if write.action != "insert" else None
        if write.table == "residents":
            if changed is None or changed & _RESIDENT_FIELDS:
                index_residents(conn, "r.id = ?", (write.record_id,))
                # The household document shows the head's name.
                index_households(conn, "h.head_resident_id = ?", (write.record_id,))
        elif write.table == "households":
            if changed is None or changed & _HOUSEHOLD_FIELDS:
                index_households(conn, "h.id = ?", (write.record_id,))
                if changed is not None and changed & {"entrance", "unit", "building_id", "deleted_at"}:
                    index_residents(conn, "r.household_id = ?", (write.record_id,))
        elif write.table == "buildings":
            if changed is not None and changed & _BUILDING_FIELDS:
                index_households(conn, "h.building_id = ?", (write.record_id,))
                index_residents(conn, "h.building_id = ?", (write.record_id,))
    hook.many = lambda writes, _actor, _now: index_writes(conn, writes)
    return hook
