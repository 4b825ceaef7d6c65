"""Attachments between two ledgers (field laptop → office): only the new ones travel, idempotently."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from db.writes import utc_now
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.ledger import Ledger
from tests.core.test_attachments import noise_png


@pytest.fixture
def pair(demo_path, tmp_path):
    """(office, laptop): the laptop starts as a copy of the office database (a checkout)."""
    laptop_path = tmp_path / "laptop" / "ledger.db"
    laptop_path.parent.mkdir()
    shutil.copy(demo_path, laptop_path)
    with Ledger.open(demo_path) as office, Ledger.open(laptop_path) as laptop:
        yield office, laptop


def _visit(ledger) -> str:
    return ledger.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]


def _audit_count(ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_sync_round_trip_carries_a_new_photo(pair):
    office, laptop = pair
    visit = _visit(laptop)
    old = laptop.attachments.add("visits", visit, noise_png(seed=1), name="旧.png")
    # Office got the old one at checkout time (same database copy afterwards).
    checkout = laptop.attachments.new_since(None)
    office.attachments.import_blobs(checkout.blobs, checkout.links)
    marker = checkout.marker

    photo = noise_png(seed=2)
    new = laptop.attachments.add("visits", visit, photo, name="走访照片.png", caption="入户照片")
    bundle = laptop.attachments.new_since(marker)
    assert [l["id"] for l in bundle.links] == [new.id]          # only the new one travels
    assert [b["sha256"] for b in bundle.blobs] == [new.sha256]

    with office.operation("导入外勤数据"):
        result = office.attachments.import_blobs(bundle.blobs, bundle.links)
    assert (result.blobs_added, result.links_added) == (1, 1)
    [first, second] = office.attachments.list("visits", visit)
    assert first.id == old.id and second.id == new.id
    assert second.caption == "入户照片" and second.added_at == new.added_at
    assert office.attachments.data(new.id) == photo
    assert office.verify_audit() == []
    audited = office.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'attachments'"
                                  " AND record_id = ?", (new.id,)).fetchone()[0]
    assert audited == 1

    # Importing the same return file again changes nothing.
    before = _audit_count(office)
    again = office.attachments.import_blobs(bundle.blobs, bundle.links)
    assert (again.blobs_added, again.links_added, again.links_updated) == (0, 0, 0)
    assert _audit_count(office) == before and office.attachments.stats()["links"] == 2


def test_removal_and_caption_travel_and_known_blobs_are_not_resent(pair):
    office, laptop = pair
    visit = _visit(laptop)
    png = noise_png(seed=5)
    item = laptop.attachments.add("visits", visit, png, name="a.png")
    first = laptop.attachments.new_since(None)
    office.attachments.import_blobs(first.blobs, first.links)
    laptop.attachments.update(item.id, caption="门口")
    laptop.attachments.remove(item.id)
    later = laptop.attachments.new_since(first.marker, have=[item.sha256])
    assert later.blobs == [] and [l["id"] for l in later.links] == [item.id]
    result = office.attachments.import_blobs(later.blobs, later.links)
    assert result.links_updated == 1
    assert office.attachments.list("visits", visit) == []


def test_a_damaged_or_incomplete_return_file_stores_nothing(pair):
    office, laptop = pair
    visit = _visit(laptop)
    laptop.attachments.add("visits", visit, noise_png(seed=8), name="a.png")
    bundle = laptop.attachments.new_since(None)
    bad = [dict(bundle.blobs[0], data=bundle.blobs[0]["data"][:-1] + b"\x00")]
    with pytest.raises(ValidationError, match="校验值不符"):
        office.attachments.import_blobs(bad, bundle.links)
    with pytest.raises(ValidationError, match="缺少附件"):
        office.attachments.import_blobs([], bundle.links)
    orphan = [dict(bundle.links[0], owner_id="visit-only-on-laptop")]
    with pytest.raises(NotFound, match="请先导入该记录"):
        office.attachments.import_blobs(bundle.blobs, orphan)
    assert office.attachments.stats() == {"blobs": 0, "bytes": 0, "links": 0}


def test_same_photo_attached_on_both_sides_is_kept_once(pair):
    office, laptop = pair
    visit = _visit(laptop)
    png = noise_png(seed=9)
    office.attachments.add("visits", visit, png, name="office.png")
    laptop.attachments.add("visits", visit, png, name="laptop.png")
    bundle = laptop.attachments.new_since(utc_now()[:4])
    result = office.attachments.import_blobs(bundle.blobs, bundle.links)
    assert result.links_skipped == 1 and len(office.attachments.list("visits", visit)) == 1
    assert dataclasses.asdict(result)["blobs_added"] == 0


def _lookups(ledger, fn):
    """fn's result and how many reads of blobs, link rows and visits it ran (not the Writer's own)."""
    seen: list[str] = []
    ledger.conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        ledger.conn.set_trace_callback(None)
    flat = [" ".join(s.split()) for s in seen if s.lstrip().upper().startswith("SELECT")]
    return result, {"blobs": sum("FROM attachment_blobs" in s for s in flat),
                    "links": sum("FROM attachments " in s for s in flat),
                    "owners": sum("FROM [visits]" in s and not s.startswith("SELECT * FROM [visits] WHERE id = ")
                                  for s in flat)}


def test_import_reads_what_the_office_holds_once_for_any_number_of_links(pair):
    office, laptop = pair
    visits = [r[0] for r in laptop.conn.execute(
        "SELECT id FROM visits WHERE deleted_at IS NULL ORDER BY id LIMIT 12")]
    png = noise_png(seed=60)
    for n, visit in enumerate(visits):
        laptop.attachments.add("visits", visit, png, name=f"{n}.png")
    bundle = laptop.attachments.new_since(None)
    with office.operation("导入外勤数据"):
        # as the sync imports (its own grid checks done); the edit-permission check stays per record
        result, counts = _lookups(office, lambda: office.attachments.import_blobs(bundle.blobs, bundle.links,
                                                                                  check_access=False))
    assert (result.blobs_added, result.links_added) == (1, 12)
    assert counts == {"blobs": 1, "links": 2, "owners": 1}    # was 12 + 24 + 12 (one of each per link)
    assert office.verify_audit() == []


def test_links_within_one_import_see_each_other(pair):
    """What the import read up front is kept current as it writes: the same file attached twice to
    one record is kept once, a link sent twice is added then updated, and a removal earlier in the
    batch frees the record for the same file again."""
    office, laptop = pair
    visit = _visit(laptop)
    png = noise_png(seed=61)
    first = laptop.attachments.add("visits", visit, png, name="a.png")
    bundle = laptop.attachments.new_since(None)
    [link] = bundle.links
    twin = dict(link, id="twin-of-a", file_name="b.png")
    later = dict(link, caption="后来加的说明", updated_at="9999-01-01T00:00:00Z")
    result = office.attachments.import_blobs(bundle.blobs, [link, twin, later])
    assert (result.links_added, result.links_skipped, result.links_updated) == (1, 1, 1)
    [kept] = office.attachments.list("visits", visit)
    assert kept.id == first.id and kept.caption == "后来加的说明"

    removed = dict(link, deleted_at="9999-01-02T00:00:00Z", updated_at="9999-01-02T00:00:00Z")
    again = dict(link, id="same-file-again", file_name="c.png")
    result = office.attachments.import_blobs([], [removed, again])
    assert (result.links_updated, result.links_added, result.links_skipped) == (1, 1, 0)
    assert [a.id for a in office.attachments.list("visits", visit)] == ["same-file-again"]
    assert office.verify_audit() == []
