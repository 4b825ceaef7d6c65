"""Attachments in the field-laptop sync, and the office's check that a return file stays
inside its check-out's grids.  All through the real check-out → laptop → return → apply path."""
from __future__ import annotations

import json

import pytest

from neighbourhood.ledger import Ledger
from neighbourhood.sync import attachments as sync_files
from neighbourhood.sync import bundle as fmt
from neighbourhood.sync.bundle import SyncFileError
from neighbourhood.sync.checkout import open_checkout
from tests.core.test_attachments import noise_png
from tests.core.test_sync import KDF, PASS, export, make_laptop, refresh, snapshot


def _household(ledger: Ledger, grid_id: str) -> str:
    return ledger.conn.execute(
        "SELECT h.id FROM households h JOIN buildings b ON b.id = h.building_id "
        "WHERE b.grid_id = ? AND h.deleted_at IS NULL ORDER BY h.id LIMIT 1", (grid_id,)).fetchone()[0]


def _new_visit(laptop: Ledger, household_id: str) -> str:
    user = laptop.conn.execute("SELECT id FROM users LIMIT 1").fetchone()[0]
    op = laptop.visits.record(household_id=household_id, visitors=[{"user_id": user, "role": "网格员"}],
                              visit_date="2026-11-20", visit_type="日常走访", situation="入户拍照")
    return next(w.record_id for w in op.writes if w.table == "visits")


def _state(office: Ledger) -> dict:
    out = snapshot(office)
    for table in ("attachments", "attachment_blobs"):
        out[table] = office.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    return out


@pytest.fixture
def field(demo_ledger, tmp_path):
    """Office with a photo on a grid-1 household, then a laptop checked out for grid 1."""
    office = demo_ledger
    grid = office.grids.list()[0].id
    household = _household(office, grid)
    known = office.attachments.add("households", household, noise_png(seed=7), name="门牌.png")
    laptop = make_laptop(office, tmp_path)
    yield office, laptop, household, known
    laptop.close()


def test_checkout_carries_no_attachment_content(field):
    office, laptop, household, known = field
    assert laptop.attachments.stats() == {"blobs": 0, "bytes": 0, "links": 0}
    held = json.loads(laptop.sync.state[sync_files.STATE_KEY])
    assert held == {"ids": [known.id], "hashes": [known.sha256]}


def test_new_photo_on_a_new_visit_travels_and_the_office_keeps_it(field, tmp_path):
    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    photo = noise_png(seed=21)
    new = laptop.attachments.add("visits", visit, photo, name="走访.png", caption="入户照片")
    again = laptop.attachments.add("visits", visit, noise_png(seed=7), name="门牌副本.png")  # office has it
    assert laptop.sync.pending_attachments() == 2
    path = export(laptop, tmp_path)

    links, blobs = sync_files.decode(fmt.read(path, PASS).sections["attachments"])
    assert sorted(l["id"] for l in links) == sorted([new.id, again.id])
    assert [b["sha256"] for b in blobs] == [new.sha256]          # the office's own photo is not sent

    result = office.sync.apply_file(path, PASS)
    assert result.attachments == 2 and "附件 2 个" in result.summary
    got = {a.id: a for a in office.attachments.list("visits", visit)}
    assert set(got) == {new.id, again.id}
    assert got[new.id].caption == "入户照片"
    assert office.attachments.data(new.id) == photo
    assert office.attachments.data(again.id) == office.attachments.data(known.id)
    assert office.verify_audit() == []

    # The same file again, and a later file repeating the links: nothing changes.
    before = _state(office)
    assert office.sync.apply_file(path, PASS).already_applied
    assert _state(office) == before
    later = office.sync.apply_file(export(laptop, tmp_path, "2.nlsync"), PASS)
    assert later.attachments == 0
    after = _state(office)
    assert after["attachments"] == before["attachments"] and after["attachment_blobs"] == before["attachment_blobs"]


def test_damaged_attachment_section_refuses_the_whole_file(field, tmp_path):
    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    laptop.attachments.add("visits", visit, noise_png(seed=22), name="走访.png")
    path = export(laptop, tmp_path)
    bundle = fmt.read(path, PASS)
    links, blobs = sync_files.decode(bundle.sections["attachments"])
    data = bytearray(blobs[0]["data"])
    data[len(data) // 2] ^= 0xFF
    blobs[0]["data"] = bytes(data)
    bundle.sections["attachments"] = sync_files.encode(links, blobs)
    bad = fmt.write(tmp_path / "bad.nlsync", bundle, PASS, kdf_n=KDF)
    before = _state(office)
    with pytest.raises(SyncFileError, match="附件“走访.png”的内容与校验值不符.*已拒绝导入整个文件，未做任何改动"):
        office.sync.apply_file(bad, PASS)
    assert _state(office) == before
    assert office.conn.execute("SELECT 1 FROM visits WHERE id = ?", (visit,)).fetchone() is None

    bundle.sections["attachments"] = bundle.sections["attachments"][:-5]   # cut short
    cut = fmt.write(tmp_path / "cut.nlsync", bundle, PASS, kdf_n=KDF)
    with pytest.raises(SyncFileError, match="附件部分已损坏"):
        office.sync.apply_file(cut, PASS)
    assert _state(office) == before


def test_refresh_keeps_unreturned_attachments(field, tmp_path):
    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    photo = noise_png(seed=23)
    new = laptop.attachments.add("visits", visit, photo, name="未交回.png")
    dest = refresh(office, laptop, tmp_path)
    with Ledger.open(dest) as fresh:
        assert fresh.attachments.data(new.id) == photo
        office.sync.apply_file(export(fresh, tmp_path, "after.nlsync"), PASS)
    assert office.attachments.data(new.id) == photo


def test_change_outside_the_checkout_grids_is_refused(field, tmp_path):
    office, laptop, household, known = field
    # a real change whatever the demo gave this household (an unchanged value logs nothing)
    current = laptop.households.get(household).housing_type
    laptop.households.update(household, housing_type="公租房" if current == "租赁" else "租赁")
    bundle = fmt.read(export(laptop, tmp_path), PASS)
    other = _household(office, office.grids.list()[1].id)
    rows = bundle.json_section("changes")
    rows.append([rows[-1][0] + 1, "households", other, "update", {"notes": [None, "越界修改"]},
                 rows[-1][5], rows[-1][6]])
    bundle.sections["changes"] = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    bundle.extra["last_change"] = rows[-1][0]
    forged = fmt.write(tmp_path / "forged.nlsync", bundle, PASS, kdf_n=KDF)
    before = _state(office)
    with pytest.raises(SyncFileError, match="不在“网格一笔记本”检出网格内的住户") as caught:
        office.sync.apply_file(forged, PASS)
    assert f"“{office.households.address(other)}”" in str(caught.value)
    assert office.grids.list()[1].name in str(caught.value)
    assert _state(office) == before                      # the in-grid change is not applied either


def test_new_resident_in_another_grids_household_is_refused(field, tmp_path):
    office, laptop, household, known = field
    bundle = fmt.read(export(laptop, tmp_path), PASS)
    other = _household(office, office.grids.list()[1].id)
    rows = [[1, "residents", "r-forged", "insert", {"household_id": [None, other], "name": [None, "越界居民"]},
             "2026-11-20T00:00:00Z", "grid1"]]
    bundle.sections["changes"] = json.dumps(rows, ensure_ascii=False).encode("utf-8")
    bundle.extra.update(first_change=1, last_change=1, count=1)
    forged = fmt.write(tmp_path / "forged.nlsync", bundle, PASS, kdf_n=KDF)
    with pytest.raises(SyncFileError, match="居民“越界居民"):
        office.sync.apply_file(forged, PASS)
    assert office.conn.execute("SELECT 1 FROM residents WHERE id = 'r-forged'").fetchone() is None


def test_removal_on_the_laptop_travels_and_a_never_sent_one_is_dropped(field, tmp_path):
    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    sent = laptop.attachments.add("visits", visit, noise_png(seed=31), name="已交回.png")
    office.sync.apply_file(export(laptop, tmp_path, "1.nlsync"), PASS)
    assert [a.id for a in office.attachments.list("visits", visit)] == [sent.id]
    laptop.attachments.remove(sent.id)
    never = laptop.attachments.add("visits", visit, noise_png(seed=32), name="拍错了.png")
    laptop.attachments.remove(never.id)
    path = export(laptop, tmp_path, "2.nlsync")
    links, blobs = sync_files.decode(fmt.read(path, PASS).sections["attachments"])
    assert blobs == [] and {l["id"] for l in links} == {sent.id, never.id}
    office.sync.apply_file(path, PASS)
    assert office.attachments.list("visits", visit) == []
    assert office.conn.execute("SELECT 1 FROM attachments WHERE id = ?", (never.id,)).fetchone() is None
    assert office.verify_audit() == []


def test_a_household_the_office_moved_to_another_grid_does_not_block_the_file(field, tmp_path):
    office, laptop, household, known = field
    elsewhere = office.conn.execute("SELECT id FROM buildings WHERE grid_id = ? LIMIT 1",
                                    (office.grids.list()[1].id,)).fetchone()[0]
    with office.operation("调整楼栋"):
        office.writer.update("households", household, {"building_id": elsewhere})
    laptop.households.update(household, notes="笔记本上的备注")
    office.sync.apply_file(export(laptop, tmp_path), PASS)
    assert office.households.get(household).notes == "笔记本上的备注"


def test_cancelled_open_leaves_nothing(demo_ledger, tmp_path):
    from neighbourhood.jobs import Cancelled

    folder = tmp_path / "stick"
    folder.mkdir()
    out = folder / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="网格一笔记本", username="grid1", kdf_n=KDF)
    calls = []

    def abort_late() -> bool:  # let the decrypt and the copy run, cancel at the last checkpoint
        calls.append(1)
        return len(calls) > 1
    dest = folder / "laptop.db"
    with pytest.raises(Cancelled):
        open_checkout(out, PASS, dest, username="grid1", password="demo1234", abort=abort_late)
    assert len(calls) == 2 and sorted(p.name for p in folder.iterdir()) == ["co.nlsync"]


# --- the return file is the one wire format; query counts stay flat ---------------------------

def _traced(ledger: Ledger, fn):
    """(fn's result, every SQL statement it ran on the ledger's connection)."""
    seen: list[str] = []
    ledger.conn.set_trace_callback(seen.append)
    try:
        return fn(), seen
    finally:
        ledger.conn.set_trace_callback(None)


def _lookups(statements: list[str]) -> dict[str, int]:
    """Reads of the blobs, of link rows and of owner records (the per-link lookups that were)."""
    flat = [" ".join(s.split()) for s in statements if s.lstrip().upper().startswith("SELECT")]
    return {"blobs": sum("FROM attachment_blobs" in s for s in flat),
            "links": sum("FROM attachments " in s for s in flat),
            # the Writer reads back each record it inserts ("SELECT * … WHERE id = ?"): not a lookup
            "owners": sum(("FROM [visits]" in s or "FROM visits " in s)
                          and not s.startswith("SELECT * FROM [visits] WHERE id = ") for s in flat)}


def test_many_links_are_checked_and_stored_with_a_constant_number_of_lookups(field, tmp_path):
    """15 new visits, each with the photo the office already holds (so no file travels and the office
    must look each hash up): check + apply read blobs, link rows and owners in a few chunked queries."""
    office, laptop, household, known = field
    photo = office.attachments.data(known.id)
    visits = [_new_visit(laptop, household) for _ in range(15)]
    made = [laptop.attachments.add("visits", v, photo, name=f"门牌{n}.png") for n, v in enumerate(visits)]
    path = export(laptop, tmp_path)
    links, blobs = sync_files.decode(fmt.read(path, PASS).sections["attachments"])
    assert len(links) == 15 and blobs == []

    result, statements = _traced(office, lambda: office.sync.apply_file(path, PASS))
    assert result.attachments == 15 and result.conflicts == 0
    counts = _lookups(statements)
    assert counts["blobs"] <= 2, counts      # check() once, the import once (was 30)
    assert counts["links"] <= 4, counts      # link rows and live links on the owners (was 45)
    assert counts["owners"] <= 4, counts     # presence queries (the grid check's reads: the next test)
    for item, visit in zip(made, visits):
        assert [a.id for a in office.attachments.list("visits", visit)] == [item.id]
    assert office.attachments.stats()["blobs"] == 1 and office.verify_audit() == []


def test_links_on_checked_out_records_are_grid_checked_in_one_batch(field, tmp_path, monkeypatch):
    """Photos added on the laptop to visits it got with the check-out (the file carries no change
    of those visits): the grid check reads the owners in one batch, not one query per link."""
    from neighbourhood.sync.scope import Scope

    office, laptop, household, known = field
    visits = [r[0] for r in laptop.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL LIMIT 15")]
    assert len(visits) == 15
    photo = office.attachments.data(known.id)
    for n, visit in enumerate(visits):
        laptop.attachments.add("visits", visit, photo, name=f"补拍{n}.png")
    path = export(laptop, tmp_path)
    single, real_row = [], Scope._row

    def counting_row(self, table, record_id):
        if (table, record_id) not in self._rows:
            single.append(table)
        return real_row(self, table, record_id)
    monkeypatch.setattr(Scope, "_row", counting_row)
    result = office.sync.apply_file(path, PASS)
    assert result.attachments == 15 and result.conflicts == 0
    assert single.count("visits") == 0, single


def test_edits_of_a_photo_on_both_sides_merge_field_by_field(field, tmp_path):
    """A photo made on the laptop and taken by the office, then edited on both sides: a field
    changed on one side only takes that side's value whatever the clocks say; a field changed
    on both sides to different values keeps the office's and waits for review; repeating the
    file changes nothing."""
    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    item = laptop.attachments.add("visits", visit, noise_png(seed=33), name="走访.png", caption="原说明")
    office.sync.apply_file(export(laptop, tmp_path, "r1.nlsync"), PASS)
    assert office.attachments.get(item.id).caption == "原说明"

    office.attachments.update(item.id, in_report=False)           # the office: the report flag …
    laptop.attachments.update(item.id, caption="笔记本改的说明")      # … the laptop: the caption
    laptop.attachments.update(item.id, file_name="门前.png")
    office.attachments.update(item.id, file_name="楼道.png")         # both: the name, differently
    # The laptop's clock runs behind: its edits carry older stamps than the office's.
    laptop.conn.execute("UPDATE attachments SET updated_at = '2000-01-01T00:00:00.000000Z' WHERE id = ?",
                        (item.id,))
    path = export(laptop, tmp_path, "r2.nlsync")
    result = office.sync.apply_file(path, PASS)
    got = office.attachments.get(item.id)
    assert (got.caption, got.in_report, got.file_name) == ("笔记本改的说明", False, "楼道.png")
    assert result.conflicts == 1
    (cid,) = office.sync.conflicts.ids()
    c = office.sync.conflicts.get(cid)
    assert (c.table_name, c.field, c.base_value, c.laptop_value, c.office_value) == \
        ("attachments", "file_name", "走访.png", "门前.png", "楼道.png")
    assert office.sync.conflicts.record_names([c])[cid] == "楼道.png"

    # The same edits again in a later file: nothing changes, nothing is queued twice.
    before = office.conn.execute("SELECT * FROM attachments WHERE id = ?", (item.id,)).fetchone()
    office.sync.apply_file(export(laptop, tmp_path, "r3.nlsync"), PASS)
    assert office.conn.execute("SELECT * FROM attachments WHERE id = ?", (item.id,)).fetchone() == before
    assert len(office.sync.conflicts.ids()) == 1
    office.sync.conflicts.resolve(cid, "laptop")
    assert office.attachments.get(item.id).file_name == "门前.png" and office.verify_audit() == []


def test_links_whose_records_are_held_queue_with_one_merger(field, tmp_path, monkeypatch):
    """Links to records the office does not have wait as ``missing`` conflicts (their file is kept);
    one Merger serves the whole apply, however many links wait."""
    from neighbourhood.sync import merge

    office, laptop, household, known = field
    visit = _new_visit(laptop, household)
    items = [laptop.attachments.add("visits", visit, noise_png(seed=40 + n), name=f"待核对{n}.png") for n in range(3)]
    bundle = fmt.read(export(laptop, tmp_path), PASS)
    links, blobs = sync_files.decode(bundle.sections["attachments"])
    for n, link in enumerate(links):
        link["owner_id"] = f"visit-not-at-office-{n}"
    bundle.sections["attachments"] = sync_files.encode(links, blobs)
    bundle.sections["changes"] = b"[]"
    bundle.extra.update(first_change=None, last_change=None, count=0)
    forged = fmt.write(tmp_path / "held.nlsync", bundle, PASS, kdf_n=KDF)

    made = []
    real_init = merge.Merger.__init__
    monkeypatch.setattr(merge.Merger, "__init__", lambda self, *a, **k: made.append(1) or real_init(self, *a, **k))
    result = office.sync.apply_file(forged, PASS)
    assert len(made) == 1
    assert (result.attachments, result.conflicts) == (0, 3) and "attachments" in result.tables
    queued = office.sync.conflicts.rows(office.sync.conflicts.ids())
    held = sorted((c for c in queued.values() if c.table_name == "attachments"), key=lambda c: c.record_id)
    assert [c.record_id for c in held] == sorted(i.id for i in items)
    assert all(c.kind == "missing" and "尚未导入" in c.detail and "updated_at" not in c.laptop_value for c in held)
    assert office.attachments.stats()["links"] == 1          # only the office's own photo is linked
    assert office.attachments.stats()["blobs"] == 4          # the three files are kept for review


def test_return_file_carries_each_attachment_once_and_no_section_without_any(field, tmp_path):
    """The return file's attachments section is the only wire format: without attachments there is
    none; with one, each export repeats the link (until a check-out acknowledges it) with its file's
    bytes and thumbnail intact, and the office stores it once whichever files arrive."""
    office, laptop, household, known = field
    laptop.households.update(household, notes="只有文字")
    plain = export(laptop, tmp_path, "plain.nlsync")
    assert "attachments" not in fmt.read(plain, PASS).sections
    assert office.sync.apply_file(plain, PASS).attachments == 0

    visit = _new_visit(laptop, household)
    photo = noise_png(seed=51)
    item = laptop.attachments.add("visits", visit, photo, name="回传.png", caption="门口")
    stored = laptop.conn.execute("SELECT thumbnail FROM attachment_blobs WHERE sha256 = ?", (item.sha256,)).fetchone()[0]
    files = [export(laptop, tmp_path, f"{n}.nlsync") for n in (1, 2)]
    for path in files:
        links, blobs = sync_files.decode(fmt.read(path, PASS).sections["attachments"])
        assert [l["id"] for l in links] == [item.id] and links[0]["caption"] == "门口"
        assert [(b["sha256"], b["data"], b["thumbnail"]) for b in blobs] == [(item.sha256, photo, stored)]
    for path in files:
        office.sync.apply_file(path, PASS)
    assert [a.id for a in office.attachments.list("visits", visit)] == [item.id]
    assert office.attachments.data(item.id) == photo and office.attachments.thumbnail(item.id) == stored
    assert office.conn.execute("SELECT count(*) FROM attachments WHERE id = ?", (item.id,)).fetchone()[0] == 1
