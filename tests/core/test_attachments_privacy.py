"""Attachments and personal data: no GPS in stored photos, scans of ID documents need full
view to open, and purging unused files (admin only, audited, never a linked or recent one)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

import pytest
from PIL import Image

from neighbourhood.access import ADMIN, STAFF, Access
from neighbourhood.attachments import files
from neighbourhood.attachments.exif import GPS_IFD, ORIENTATION
from neighbourhood.errors import PermissionDenied, ValidationError

HOME = {1: "N", 2: (31.0, 14.0, 5.5), 3: "E", 4: (121.0, 28.0, 12.0)}  # a resident's doorstep


def photo_with_gps(fmt: str = "JPEG", orientation: int | None = None, seed: int = 3) -> bytes:
    rnd = __import__("random").Random(seed)
    image = Image.frombytes("RGB", (64, 40), bytes(rnd.randrange(256) for _ in range(64 * 40 * 3)))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"                 # Make: harmless, kept
    if orientation:
        exif[ORIENTATION] = orientation
    exif[GPS_IFD] = HOME
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))
    return out.getvalue()


def gps_of(data: bytes) -> dict:
    return dict(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD))


@pytest.fixture
def household(demo_ledger) -> str:
    return demo_ledger.conn.execute("SELECT id FROM households WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]


@pytest.fixture
def resident(demo_ledger, household) -> str:
    return demo_ledger.conn.execute("SELECT id FROM residents WHERE household_id = ? AND deleted_at IS NULL"
                                    " LIMIT 1", (household,)).fetchone()[0]


# --- 1. location data --------------------------------------------------------------------------

def test_jpeg_loses_gps_losslessly_and_keeps_orientation(demo_ledger, household):
    original = photo_with_gps("JPEG", orientation=6)
    assert gps_of(original)                       # the test photo really has a position
    item = demo_ledger.attachments.add("households", household, original, name="门口.jpg")
    stored = demo_ledger.attachments.data(item.id)
    assert gps_of(stored) == {}
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert exif[ORIENTATION] == 6 and exif[0x010F] == "PhoneMaker"
    assert (item.width, item.height) == (40, 64)  # shown upright
    # Lossless: the compressed image data (from the first SOS on) is byte for byte the same.
    assert stored[stored.index(b"\xff\xda"):] == original[original.index(b"\xff\xda"):]
    assert item.sha256 == hashlib.sha256(stored).hexdigest() and len(stored) < len(original)


def test_same_original_twice_is_still_stored_once(demo_ledger, household, resident):
    original = photo_with_gps("JPEG")
    first = demo_ledger.attachments.add("households", household, original, name="a.jpg")
    second = demo_ledger.attachments.add("residents", resident, original, name="b.jpg")
    assert first.sha256 == second.sha256
    assert demo_ledger.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 1


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_lose_gps_pixels_unchanged(fmt):
    original = photo_with_gps(fmt, orientation=1)
    assert gps_of(original)
    prepared = files.prepare(original, name=f"x.{fmt.lower()}")
    assert gps_of(prepared.data) == {}
    if fmt == "PNG":   # lossless re-save
        assert Image.open(io.BytesIO(prepared.data)).tobytes() == Image.open(io.BytesIO(original)).tobytes()


def test_photo_without_metadata_is_stored_as_given():
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (1, 2, 3)).save(out, "JPEG")
    assert files.prepare(out.getvalue()).data == out.getvalue()


# --- 2. scans of ID documents ------------------------------------------------------------------

def test_resident_scan_needs_full_view_to_open(demo_ledger, resident, household, tmp_path):
    att = demo_ledger.attachments
    scan = att.add("residents", resident, photo_with_gps("PNG", seed=8), name="残疾证.png")
    photo = att.add("households", household, photo_with_gps("PNG", seed=9), name="门牌.png")
    demo_ledger.access = Access(role=STAFF, username="zhang", can_view_full=False)
    assert not att.may_open(scan.id) and att.may_open(photo.id)
    with pytest.raises(PermissionDenied, match="残疾证.png.*查看完整信息"):
        att.export_to(scan.id, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert att.thumbnail(scan.id)                 # the thumbnail stays visible
    assert att.export_to(photo.id, tmp_path).exists()
    demo_ledger.access = Access(role=STAFF, username="li", can_view_full=True)
    assert att.export_to(scan.id, tmp_path).read_bytes() == att.data(scan.id)
    opened = demo_ledger.conn.execute("SELECT username FROM audit_log WHERE action = 'view_full'"
                                      " AND record_id = ?", (scan.id,)).fetchall()
    assert opened == [("li",)]


def test_hardship_scan_needs_full_view_but_visit_photo_does_not(demo_ledger, tmp_path):
    att = demo_ledger.attachments
    enrolment = demo_ledger.conn.execute(
        "SELECT id FROM hardship_enrolments WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    visit = demo_ledger.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    scan = att.add("hardship_enrolments", enrolment, photo_with_gps("PNG", seed=4), name="低保审批.png")
    shot = att.add("visits", visit, photo_with_gps("PNG", seed=5), name="走访.png")
    demo_ledger.access = Access(role=ADMIN, username="boss", can_view_full=False)
    with pytest.raises(PermissionDenied):
        att.export_to(scan.id, tmp_path / "out")
    assert att.export_to(shot.id, tmp_path).exists()


# --- 3. purging unused files -------------------------------------------------------------------

def _later(days: int) -> str:
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_purge_frees_only_unused_old_files_and_is_audited(demo_ledger, household, resident):
    att = demo_ledger.attachments
    kept = att.add("households", household, photo_with_gps("PNG", seed=1), name="kept.png")
    gone = att.add("households", household, photo_with_gps("PNG", seed=2), name="gone.png")
    shared = att.add("households", household, photo_with_gps("PNG", seed=3), name="shared.png")
    att.add("residents", resident, photo_with_gps("PNG", seed=3), name="shared-too.png")
    att.remove(gone.id)
    att.remove(shared.id)                         # still used by the resident's link
    gone_size = gone.size

    # Removed just now: Undo must still work, so nothing is purgeable yet.
    assert att.unused(older_than_days=30) == {"files": 0, "bytes": 0}
    assert att.purge_unused(older_than_days=30) == {"files": 0, "bytes": 0}
    assert att.unused(older_than_days=30, now=_later(31)) == {"files": 1, "bytes": gone_size}

    freed = att.purge_unused(older_than_days=30, now=_later(31))
    assert freed == {"files": 1, "bytes": gone_size}
    stored = {r[0] for r in demo_ledger.conn.execute("SELECT sha256 FROM attachment_blobs")}
    assert stored == {kept.sha256, shared.sha256}
    assert att.data(kept.id) and [a.file_name for a in att.list("residents", resident)] == ["shared-too.png"]
    entry = demo_ledger.conn.execute("SELECT changes FROM audit_log WHERE action = 'purge_attachments'"
                                     " ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    assert json.loads(entry) == {"files": 1, "bytes": gone_size, "older_than_days": 30}
    assert demo_ledger.verify_audit() == []


def test_purge_is_admin_only_and_needs_a_minimum_age(demo_ledger):
    demo_ledger.access = Access(role=STAFF, username="zhang", can_view_full=True)
    with pytest.raises(PermissionDenied):
        demo_ledger.attachments.purge_unused(older_than_days=30)
    with pytest.raises(PermissionDenied):
        demo_ledger.attachments.unused()
    demo_ledger.access = Access(role=ADMIN, username="boss")
    with pytest.raises(ValidationError):
        demo_ledger.attachments.purge_unused(older_than_days=0)


def test_blobs_cannot_be_deleted_outside_the_purge(demo_ledger, household):
    att = demo_ledger.attachments
    live = att.add("households", household, photo_with_gps("PNG", seed=6), name="live.png")
    dead = att.add("households", household, photo_with_gps("PNG", seed=7), name="dead.png")
    att.remove(dead.id)
    demo_ledger.conn.execute("DELETE FROM attachments WHERE id = ?", (dead.id,))
    with pytest.raises(Exception, match="purging unused"):
        demo_ledger.conn.execute("DELETE FROM attachment_blobs WHERE sha256 = ?", (dead.sha256,))
    # Even with the gate open, a file a live attachment uses is refused.
    from db.queries import attachments as q
    with pytest.raises(Exception, match="purging unused"):
        q.purge_blobs(demo_ledger.conn, [live.sha256])
    assert demo_ledger.conn.execute("SELECT count(*) FROM attachment_purge_gate").fetchone()[0] == 0


def test_xmp_position_in_a_jpeg_is_dropped():
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>31,14.09N</exif:GPSLatitude></x:xmpmeta>'
    Image.new("RGB", (30, 20), (5, 6, 7)).save(out, "JPEG", xmp=xmp)
    assert b"GPSLatitude" in out.getvalue()
    stored = files.prepare(out.getvalue(), name="x.jpg").data
    assert b"GPSLatitude" not in stored
    assert stored[stored.index(b"\xff\xda"):] == out.getvalue()[out.getvalue().index(b"\xff\xda"):]


def test_a_removed_link_arriving_after_its_file_was_purged_is_skipped(demo_ledger, household):
    att = demo_ledger.attachments
    gone = att.add("households", household, photo_with_gps("PNG", seed=11), name="gone.png")
    att.remove(gone.id)
    sent = att.new_since(None)            # what a laptop holding the same removed link would send
    link = next(dict(l) for l in sent.links if l["id"] == gone.id)
    assert att.purge_unused(older_than_days=30, now=_later(31))["files"] == 1
    result = att.import_blobs([], [link])
    assert result.links_skipped == 1 and result.links_added == 0
    assert demo_ledger.conn.execute("SELECT count(*) FROM attachments WHERE id = ?", (gone.id,)).fetchone()[0] == 0


def test_purged_file_leaves_no_readable_bytes_in_the_database_file(demo_ledger, demo_path, household):
    rnd = __import__("random").Random(77)
    noise = Image.frombytes("RGB", (96, 96), bytes(rnd.randrange(256) for _ in range(96 * 96 * 3)))
    out = io.BytesIO()
    noise.save(out, "PNG")
    item = demo_ledger.attachments.add("households", household, out.getvalue(), name="noise.png")
    needle = out.getvalue()[200:264]
    demo_ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert needle in demo_path.read_bytes()
    demo_ledger.attachments.remove(item.id)
    assert demo_ledger.attachments.purge_unused(older_than_days=30, now=_later(31))["files"] == 1
    demo_ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert needle not in demo_path.read_bytes()
    assert demo_ledger.conn.execute("PRAGMA secure_delete").fetchone()[0] == 0   # restored
