"""The office's sync code reads what it needs in chunked queries, not once per item: conflict
names for a whole queue, and the replay on a refresh shares the merge's rules."""
from __future__ import annotations

import json

import pytest

from neighbourhood.ledger import Ledger
from neighbourhood.sync import merge
from tests.core.test_sync import PASS, a_resident, make_laptop, refresh


@pytest.fixture
def pair(demo_ledger, tmp_path):
    laptop = make_laptop(demo_ledger, tmp_path)
    yield demo_ledger, laptop
    laptop.close()


def _queue(office: Ledger, table: str, record_id: str, *, laptop=None) -> None:
    office.writer.insert("sync_conflicts", {
        "bundle_id": "b", "device_id": "d", "kind": "missing" if laptop else "both", "table_name": table,
        "record_id": record_id, "field": None if laptop else "notes", "base_value": "null",
        "laptop_value": json.dumps(laptop or "笔记本", ensure_ascii=False), "office_value": "null",
        "detail": "", "status": "open"})


def test_conflict_names_for_a_whole_queue_come_from_a_few_queries(demo_ledger):
    office = demo_ledger
    conn = office.conn
    residents = [r[0] for r in conn.execute("SELECT id FROM residents ORDER BY id LIMIT 12")]
    households = [r[0] for r in conn.execute("SELECT id FROM households ORDER BY id LIMIT 12")]
    visits = [r[0] for r in conn.execute("SELECT id FROM visits ORDER BY id LIMIT 12")]
    with office.operation("冲突"):
        for table, ids in (("residents", residents), ("households", households), ("visits", visits)):
            for record_id in ids:
                _queue(office, table, record_id)
        _queue(office, "visits", "visit-not-here", laptop={"what": "笔记本上的走访"})
        _queue(office, "needs", "need-not-here-at-all", laptop={"note": "无名"})
    service = office.sync.conflicts
    queue = service.rows(service.ids())
    assert len(queue) == 38

    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        names = service.record_names(queue.values())
    finally:
        conn.set_trace_callback(None)
    assert len(seen) <= 6, seen                  # a read per table + the addresses (was 50)

    by_record = {(c.table_name, c.record_id): names[c.id] for c in queue.values()}
    for rid in residents:
        assert by_record[("residents", rid)] == office.residents.get(rid).name
    for hid in households:
        assert by_record[("households", hid)] == office.households.address(hid)
    for vid in visits:
        assert by_record[("visits", vid)] == office.visits.get(vid).visit_date
    assert by_record[("visits", "visit-not-here")] == "笔记本上的走访"
    assert by_record[("needs", "need-not-here-at-all")] == "need-not"


def test_a_household_without_its_building_is_named_by_its_unit(demo_ledger):
    office = demo_ledger
    hid = office.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
    unit = office.households.get(hid).unit
    with office.operation("冲突"):
        _queue(office, "households", hid)
    office.conn.execute("PRAGMA foreign_keys = OFF")
    office.conn.execute("UPDATE households SET building_id = 'gone' WHERE id = ?", (hid,))
    [conflict] = office.sync.conflicts.rows(office.sync.conflicts.ids()).values()
    assert office.sync.conflicts.record_names([conflict]) == {conflict.id: unit}


def test_replay_on_a_refresh_keeps_the_merges_own_never_merged_fields(pair, tmp_path, monkeypatch):
    """``checkout.replay`` reads ``merge.NEVER_MERGED`` (one definition): a field added there is
    left alone by the replay as well."""
    office, laptop = pair
    rid = a_resident(laptop)
    laptop.residents.update(rid, notes="未交回的备注", employment="未交回（测试）")
    monkeypatch.setattr(merge, "NEVER_MERGED", merge.NEVER_MERGED | {"notes"})
    with Ledger.open(refresh(office, laptop, tmp_path)) as fresh:
        got = fresh.residents.get(rid)
        assert got.employment == "未交回（测试）"
        assert got.notes == office.residents.get(rid).notes != "未交回的备注"


def test_what_the_office_holds_is_read_in_chunks_for_large_sets(demo_ledger):
    """1,200 incoming links (past the 500-value chunk): every lookup is right, 3 queries per kind."""
    from neighbourhood.attachments.transfer import holdings

    office = demo_ledger
    visits = [r[0] for r in office.conn.execute("SELECT id FROM visits ORDER BY id")]
    assert 10 < len(visits) < 500
    links = [{"id": f"link-{n}", "owner_table": "visits", "owner_id": visits[n] if n < len(visits) else f"gone-{n}",
              "blob_sha256": f"{n:064x}"} for n in range(1200)]
    seen: list[str] = []
    office.conn.set_trace_callback(seen.append)
    try:
        known = holdings(office.conn, links)
    finally:
        office.conn.set_trace_callback(None)
    assert len(seen) == 5 * 3           # links, owners, live links, blobs, merge bases: 3 chunks each
    assert known.owners == {"visits": set(visits)} and known.links == {} and known.blobs == set()
    assert known.bases == {}
    assert known.has_owner("visits", visits[-1]) and not known.has_owner("visits", "gone-1150")


def test_the_conflicts_command_names_each_record_and_masks_phones(demo_ledger, capsys):
    import contextlib
    import types

    from neighbourhood.access import Access
    from neighbourhood.sync.cli import cmd_conflicts

    office = demo_ledger
    resident = office.conn.execute("SELECT id, name FROM residents ORDER BY id LIMIT 1").fetchone()
    with office.operation("冲突"):
        _queue(office, "residents", resident[0])
        office.writer.insert("sync_conflicts", {
            "bundle_id": "b", "device_id": "d", "kind": "both", "table_name": "residents",
            "record_id": resident[0], "field": "phone", "base_value": json.dumps("13800001111"),
            "laptop_value": json.dumps("13900002222"), "office_value": json.dumps("13700003333"),
            "detail": "", "status": "open"})
    office.access = Access(role="staff", username="zhangmin", can_view_full=False)
    assert cmd_conflicts(types.SimpleNamespace(), lambda _args: contextlib.nullcontext(office)) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == 2 and all(f"{resident[1]}：" in line for line in lines)
    assert "139****2222" in out.out and "13900002222" not in out.out
    assert "共 2 处待核对" in out.err
