"""Property: random edits on the office and on two laptops, merged, lose nothing silently.

For every field any side changed, the field ends either equal to every changed side (an
automatic merge), or equal to one side with each other side's value recorded in a
resolved conflict.  Records added on a laptop arrive whole; derived pinyin always matches
the name.  500 cases in the normal suite; ``NL_SYNC_EXAMPLES=10000`` (see
``benchmarks/sync_bench.py --property``) runs more.
"""
from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.connection import wrap
from neighbourhood.ledger import Ledger
from neighbourhood.pinyin import name_pinyin
from neighbourhood.sync import merge
from neighbourhood.sync.checkout import open_checkout
from neighbourhood.sync.returns import build_return

EXAMPLES = int(os.environ.get("NL_SYNC_EXAMPLES", "500"))
PASS = "prop-pass"
FIELDS = {"residents": ("name", "notes", "employment"), "households": ("notes", "housing_type")}
VALUES = {"name": ("张一", "张二", "李三"), "notes": (None, "甲", "乙", "丙"),
          "employment": (None, "在职", "退休"), "housing_type": (None, "自有", "租赁")}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """An office with 3 households / 6 residents and two laptops checked out from it."""
    folder = tmp_path_factory.mktemp("sync-prop")
    with Ledger.open(folder / "office.db") as office:
        grid = office.grids.add(name="第一网格")
        building = office.buildings.add(grid_id=grid.id, name="1栋")
        for h in range(3):
            household = office.households.add(building_id=building.id, unit=f"10{h}")
            for r in range(2):
                office.residents.add(household_id=household.id, name=f"王{h}{r}",
                                     relation="户主" if r == 0 else "子女")
        paths = {"office": folder / "office.db"}
        for name in ("A", "B"):
            out = folder / f"{name}.nlsync"
            office.sync.checkout(grid_ids=[grid.id], out=out, passphrase=PASS, device_name=f"笔记本{name}",
                                 kdf_n=2 ** 10)
            open_checkout(out, PASS, folder / f"{name}.db")
            paths[name] = folder / f"{name}.db"
    return paths


def _memory(path: pathlib.Path) -> Ledger:
    import sqlcipher3

    source = sqlcipher3.connect(str(path))
    conn = sqlcipher3.connect(":memory:", check_same_thread=False)
    source.backup(conn)
    source.close()
    conn.execute("PRAGMA foreign_keys = ON")
    return Ledger(conn, path=None)


def _records(ledger: Ledger) -> dict[str, list[str]]:
    return {t: [r[0] for r in ledger.conn.execute(f"SELECT id FROM {t} ORDER BY rowid")] for t in FIELDS}


edit = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(sorted(FIELDS)), st.integers(0, 5), st.integers(0, 2),
              st.integers(0, 3)),
    st.tuples(st.just("delete"), st.sampled_from(sorted(FIELDS)), st.integers(0, 5), st.just(0), st.just(0)),
    st.tuples(st.just("visit"), st.just("households"), st.integers(0, 2), st.just(0), st.integers(0, 3)),
)
edits = st.lists(edit, max_size=8)


def _apply_edits(ledger: Ledger, ops, ids) -> list[str]:
    """Apply edits through the Writer; returns ids of visits added."""
    added = []
    for kind, table, index, field_no, value_no in ops:
        record_id = ids[table][index % len(ids[table])]
        if kind == "set":
            field = FIELDS[table][field_no % len(FIELDS[table])]
            value = VALUES[field][value_no % len(VALUES[field])]
            if field == "name":
                value = value or "无名"
            changes = {field: value}
            if field == "name":
                changes["name_pinyin"], changes["name_initials"] = name_pinyin(value)
            ledger.writer.update(table, record_id, changes)
        elif kind == "delete":
            ledger.writer.soft_delete(table, record_id)
        else:
            added.append(ledger.writer.insert("visits", {
                "household_id": record_id, "visit_date": f"2026-11-1{value_no}", "visit_type": "日常走访",
                "situation": f"走访{value_no}"}))
    return added


def _value(ledger: Ledger, table: str, record_id: str, field: str):
    value = ledger.conn.execute(f"SELECT [{field}] FROM [{table}] WHERE id = ?", (record_id,)).fetchone()[0]
    return (value is not None) if field == "deleted_at" else value


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(office_ops=edits, a_ops=edits, b_ops=edits, b_first=st.booleans(), data=st.data())
def test_no_silent_loss(templates, office_ops, a_ops, b_ops, b_first, data):
    office, a, b = (_memory(templates[k]) for k in ("office", "A", "B"))
    try:
        ids = _records(office)
        base = {(t, r, f): _value(office, t, r, f) for t in FIELDS for r in ids[t]
                for f in (*FIELDS[t], "deleted_at")}
        _apply_edits(office, office_ops, ids)
        added = _apply_edits(a, a_ops, ids) + _apply_edits(b, b_ops, ids)
        sides = {"office": office, "A": a, "B": b}
        before = {side: {k: _value(ledger, *k) for k in base} for side, ledger in sides.items()}
        bundles = [build_return(a), build_return(b)]
        for bundle in (reversed(bundles) if b_first else bundles):
            merge.apply(office, bundle)
        queue = office.sync.conflicts
        for cid in queue.ids():
            choice = data.draw(st.sampled_from(["laptop", "office"]))
            try:
                queue.resolve(cid, choice)
            except Exception:
                queue.resolve(cid, "office")  # e.g. nothing to restore: keep the office value
        assert queue.ids() == []
        resolved = queue.rows(queue.ids(status=None))

        for key, start in base.items():
            table, record_id, field = key
            final = _value(office, *key)
            changed = {side: before[side][key] for side in sides if before[side][key] != start}
            if not changed:
                assert final == start, key
                continue
            for side, value in changed.items():
                if value == final:
                    continue
                # Not the final value: it must be held in a resolved conflict of this field…
                recorded = [c for c in resolved.values() if c.table_name == table and c.record_id == record_id
                            and (c.field == field or field == "deleted_at" and c.kind == "deleted")]
                if field == "deleted_at":
                    ok = any(c.kind == "deleted" and c.choice == "laptop" for c in recorded) or \
                        any(c.field == "deleted_at" for c in recorded)
                else:  # (a laptop value merged first is the office value of a later conflict)
                    ok = any(value in (c.laptop_value, c.office_value) for c in recorded)
                assert ok, (key, side, value, final, changed)
            assert final in {start, *changed.values()}, (key, final, changed)
        for record_id in added:  # laptop records arrive whole
            assert office.conn.execute("SELECT situation FROM visits WHERE id = ?", (record_id,)).fetchone()
        for name, pinyin in office.conn.execute("SELECT name, name_pinyin FROM residents"):
            assert pinyin == name_pinyin(name)[0]
        assert office.verify_audit() == []
    finally:
        for ledger in (office, a, b):
            ledger.conn.close()
