"""Field-laptop sync hardening: grid scope of every synced table, size caps, decompression bombs."""
from __future__ import annotations

import json
import time
import zlib

import pytest

from neighbourhood.sync import bundle as fmt
from neighbourhood.sync.bundle import SyncFileError
from neighbourhood.sync.changelog import SYNC_TABLES
from neighbourhood.sync.scope import LINKS
from tests.core.test_sync import KDF, PASS, export, make_laptop, snapshot


def _need_in_grid(ledger, grid_id: str) -> tuple[str, str]:
    """(need id, household id) of a need of a household in ``grid_id`` (made if the demo has none)."""
    row = ledger.conn.execute(
        "SELECT n.id, n.household_id FROM needs n JOIN households h ON h.id = n.household_id "
        "JOIN buildings b ON b.id = h.building_id WHERE b.grid_id = ? AND n.deleted_at IS NULL "
        "ORDER BY n.id LIMIT 1", (grid_id,)).fetchone()
    if row:
        return row[0], row[1]
    household = ledger.conn.execute(
        "SELECT h.id FROM households h JOIN buildings b ON b.id = h.building_id WHERE b.grid_id = ? "
        "AND h.deleted_at IS NULL ORDER BY h.id LIMIT 1", (grid_id,)).fetchone()[0]
    with ledger.writer.operation("test need") as _op:
        need = ledger.writer.insert("needs", {"kind": "诉求", "household_id": household, "content": "楼道灯坏了",
                                              "status": "受理", "received_date": "2026-11-01"})
    return need, household


def _forge(laptop, tmp_path, extra_rows):
    """A genuine return file of ``laptop`` with ``extra_rows`` appended (re-encrypted)."""
    bundle = fmt.read(export(laptop, tmp_path), PASS)
    rows = bundle.json_section("changes")
    for row in extra_rows:
        row[0] = rows[-1][0] + 1 if rows else 1
        rows.append(row)
    bundle.sections["changes"] = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    bundle.extra.update(first_change=rows[0][0], last_change=rows[-1][0], count=len(rows))
    return fmt.write(tmp_path / "forged.nlsync", bundle, PASS, kdf_n=KDF)


def test_every_synced_table_has_a_scope_rule():
    assert set(LINKS) == set(SYNC_TABLES)


def test_change_to_a_need_of_another_grid_is_refused_and_nothing_applied(demo_ledger, tmp_path):
    office = demo_ledger
    other_grid = office.grids.list()[1]
    need, household = _need_in_grid(office, other_grid.id)
    laptop = make_laptop(office, tmp_path)
    try:
        in_grid = laptop.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
        laptop.households.update(in_grid, notes="网格内修改")
        forged = _forge(laptop, tmp_path, [[0, "needs", need, "update", {"status": ["受理", "已办结"]},
                                            "2026-11-20T00:00:00Z", "grid1"]])
    finally:
        laptop.close()
    before = snapshot(office)
    needs_before = office.conn.execute("SELECT * FROM needs ORDER BY id").fetchall()
    with pytest.raises(SyncFileError, match="不在“网格一笔记本”检出网格内的居民诉求") as caught:
        office.sync.apply_file(forged, PASS)
    assert office.households.address(household) in str(caught.value)
    assert other_grid.name in str(caught.value)
    assert snapshot(office) == before                     # the in-grid change is not applied either
    assert office.conn.execute("SELECT * FROM needs ORDER BY id").fetchall() == needs_before


def test_a_step_on_a_need_of_another_grid_is_refused_through_its_need(demo_ledger, tmp_path):
    office = demo_ledger
    need, _household = _need_in_grid(office, office.grids.list()[1].id)
    laptop = make_laptop(office, tmp_path)
    try:
        forged = _forge(laptop, tmp_path, [[0, "need_steps", "s-forged", "insert",
                                            {"need_id": [None, need], "step": [None, "办理"],
                                             "content": [None, "越界办理"]}, "2026-11-20T00:00:00Z", "grid1"]])
    finally:
        laptop.close()
    with pytest.raises(SyncFileError, match="诉求办理记录“越界办理"):
        office.sync.apply_file(forged, PASS)
    assert office.conn.execute("SELECT 1 FROM need_steps WHERE id = 's-forged'").fetchone() is None


def test_a_flag_and_a_visit_resident_in_the_grid_still_travel(demo_ledger, tmp_path):
    office = demo_ledger
    laptop = make_laptop(office, tmp_path)
    try:
        household = laptop.conn.execute("SELECT id FROM households ORDER BY id LIMIT 1").fetchone()[0]
        with laptop.writer.operation("flag"):
            flag = laptop.writer.insert("household_flags", {"household_id": household, "flag": "独居"})
        path = export(laptop, tmp_path)
    finally:
        laptop.close()
    office.sync.apply_file(path, PASS)
    assert office.conn.execute("SELECT flag FROM household_flags WHERE id = ?", (flag,)).fetchone() == ("独居",)


def test_an_oversized_file_is_refused_before_it_is_read(demo_ledger, tmp_path, monkeypatch):
    path = tmp_path / "huge.nlsync"
    with open(path, "wb") as fh:  # sparse: large on disk in name only
        fh.truncate(3 << 20)
    monkeypatch.setattr(fmt, "MAX_FILE_BYTES", 1 << 20)
    read = []
    monkeypatch.setattr(type(path), "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(SyncFileError, match="同步文件过大.*分几次、勤交回"):
        demo_ledger.sync.read(path, PASS)
    assert read == []


def test_a_decompression_bomb_is_refused_quickly_without_unpacking_it(tmp_path, monkeypatch):
    bomb = fmt.Bundle(kind="return", bundle_id="b", community_id="c", device_id="d",
                      sections={"changes": b"[]"})
    # 256 MiB of zeros compress to ~250 KiB: pack the compressed stream by hand.
    packer = zlib.compressobj(9)
    zeros = bytes(64 << 20)
    stream = b"".join(packer.compress(zeros) for _ in range(4)) + packer.flush()
    monkeypatch.setattr(fmt.zlib, "compress", lambda data, level=6: stream)
    data = fmt.encode(bomb, PASS, kdf_n=KDF)
    monkeypatch.undo()
    monkeypatch.setattr(fmt, "MAX_CONTENT_BYTES", 16 << 20)
    started = time.perf_counter()
    with pytest.raises(SyncFileError, match="解压后的内容过大"):
        fmt.decode(data, PASS)
    assert time.perf_counter() - started < 5          # stopped at the cap, not after 256 MiB


def test_content_just_under_the_cap_still_opens(tmp_path, monkeypatch):
    original = fmt.Bundle(kind="return", bundle_id="b", community_id="c", device_id="d",
                          sections={"changes": b"[]", "blob": bytes(5 << 20)})
    data = fmt.encode(original, PASS, kdf_n=KDF)
    monkeypatch.setattr(fmt, "MAX_CONTENT_BYTES", 6 << 20)
    assert fmt.decode(data, PASS).sections == original.sections


def test_the_laptop_refuses_to_write_a_file_the_office_would_refuse(tmp_path, monkeypatch):
    monkeypatch.setattr(fmt, "MAX_CONTENT_BYTES", 1 << 20)
    big = fmt.Bundle(kind="return", bundle_id="b", community_id="c", device_id="d",
                     sections={"changes": b"[]", "attachments": bytes(2 << 20)})
    with pytest.raises(SyncFileError, match="要导出的同步文件过大.*删去不需要的照片"):
        fmt.write(tmp_path / "big.nlsync", big, PASS, kdf_n=KDF)
    assert list(tmp_path.iterdir()) == []


def test_a_flag_on_a_household_of_another_grid_is_refused(demo_ledger, tmp_path):
    office = demo_ledger
    _need, household = _need_in_grid(office, office.grids.list()[1].id)
    laptop = make_laptop(office, tmp_path)
    try:
        forged = _forge(laptop, tmp_path, [[0, "household_flags", "f-forged", "insert",
                                            {"household_id": [None, household], "flag": [None, "独居"]},
                                            "2026-11-20T00:00:00Z", "grid1"]])
    finally:
        laptop.close()
    with pytest.raises(SyncFileError, match=f"住户标记“独居（{office.households.address(household)}）”"):
        office.sync.apply_file(forged, PASS)
    assert office.conn.execute("SELECT 1 FROM household_flags WHERE id = 'f-forged'").fetchone() is None
