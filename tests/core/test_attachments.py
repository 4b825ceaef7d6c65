"""Attachments: dedupe by hash, limits, bad files, permissions, undo, encryption at rest, backups."""
from __future__ import annotations

import hashlib
import io
import os
import pathlib

import pytest
from PIL import Image

from neighbourhood.access import AUDITOR, GRID_WORKER, Access
from neighbourhood.attachments import files
from neighbourhood.errors import NotFound, PermissionDenied, ValidationError
from neighbourhood.ledger import Ledger


def noise_png(size: int = 48, seed: int = 1) -> bytes:
    """A PNG of random pixels: incompressible, so its bytes are easy to find in a file scan."""
    rnd = __import__("random").Random(seed)
    image = Image.frombytes("RGB", (size, size), bytes(rnd.randrange(256) for _ in range(size * size * 3)))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def jpeg(width: int, height: int, color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=90)
    return out.getvalue()


def tiny_pdf() -> bytes:
    """A valid one-page PDF written by reportlab."""
    from reportlab.pdfgen import canvas
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(100, 700, "signed minutes")
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.fixture
def household(demo_ledger) -> str:
    return demo_ledger.conn.execute("SELECT id FROM households WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]


def test_same_file_on_two_records_is_stored_once(demo_ledger, household):
    att = demo_ledger.attachments
    resident = demo_ledger.conn.execute("SELECT id FROM residents WHERE household_id = ? LIMIT 1",
                                        (household,)).fetchone()[0]
    png = noise_png()
    first = att.add("households", household, png, name="门牌.png")
    second = att.add("residents", resident, png, name="copy.png")
    assert first.sha256 == second.sha256 == hashlib.sha256(png).hexdigest()
    assert first.id != second.id
    assert att.stats()["blobs"] == 1 and att.stats()["links"] == 2
    assert att.data(second.id) == png
    assert [a.file_name for a in att.list("households", household)] == ["门牌.png"]
    assert first.width == 48 and first.mime == "image/png" and first.added_by
    # The thumbnail is a small JPEG.
    thumb = Image.open(io.BytesIO(att.thumbnail(first.id)))
    assert thumb.format == "JPEG" and max(thumb.size) <= files.THUMB_LONGEST


def test_attaching_the_same_file_twice_is_refused(demo_ledger, household):
    att = demo_ledger.attachments
    png = noise_png()
    att.add("households", household, png, name="a.png")
    audit_before = demo_ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValidationError, match="已经附在这条住户上"):
        att.add("households", household, png, name="b.png")
    assert att.stats()["links"] == 1
    assert demo_ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before


def test_link_is_audited_and_undoable(demo_ledger, household):
    att = demo_ledger.attachments
    item = att.add("households", household, noise_png(), name="x.png")
    row = demo_ledger.conn.execute(
        "SELECT action, changes FROM audit_log WHERE table_name = 'attachments' AND record_id = ?",
        (item.id,)).fetchone()
    assert row[0] == "insert" and item.sha256 in row[1]
    demo_ledger.undo_last()
    assert att.list("households", household) == []
    # After undo the same file may be attached again (re-uses the stored blob).
    again = att.add("households", household, noise_png(), name="x.png")
    assert again.sha256 == item.sha256 and att.stats()["blobs"] == 1


def test_remove_is_a_soft_delete(demo_ledger, household):
    att = demo_ledger.attachments
    item = att.add("households", household, noise_png(), name="x.png")
    att.remove(item.id)
    assert att.list("households", household) == []
    with pytest.raises(NotFound):
        att.get(item.id)
    assert demo_ledger.conn.execute("SELECT deleted_at FROM attachments WHERE id = ?",
                                    (item.id,)).fetchone()[0]


def test_size_limit(demo_ledger, household, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10_000)
    png = noise_png(96)  # ~28 kB of noise
    with pytest.raises(ValidationError, match="太大.*不能超过 0.0 MB.*缩小图片"):
        demo_ledger.attachments.add("households", household, png, name="big.png")
    assert demo_ledger.attachments.stats() == {"blobs": 0, "bytes": 0, "links": 0}


def test_downscale_makes_a_large_photo_fit(demo_ledger, household):
    big = jpeg(4000, 3000)
    item = demo_ledger.attachments.add("households", household, big, name="门口.jpeg", downscale=True)
    assert (item.width, item.height) == (1600, 1200)
    assert item.file_name == "门口.jpg" and item.mime == "image/jpeg"
    stored = Image.open(io.BytesIO(demo_ledger.attachments.data(item.id)))
    assert stored.size == (1600, 1200)
    # A small photo is kept as it is, even when downscaling is asked for.
    small = jpeg(800, 600, color=(1, 2, 3))
    kept = demo_ledger.attachments.add("households", household, small, name="s.jpg", downscale=True)
    assert demo_ledger.attachments.data(kept.id) == small


@pytest.mark.parametrize("data, message", [
    (b"", "是空的"),
    (b"hello, this is a text file", "不支持文件"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
    (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "已损坏或不完整"),
])
def test_unsupported_or_damaged_files_are_refused(demo_ledger, household, data, message):
    with pytest.raises(ValidationError, match=message):
        demo_ledger.attachments.add("households", household, data, name="bad.bin")
    assert demo_ledger.attachments.stats()["blobs"] == 0


def test_truncated_image_is_refused(demo_ledger, household):
    png = noise_png(64)
    with pytest.raises(ValidationError, match="已损坏或不完整"):
        demo_ledger.attachments.add("households", household, png[: len(png) // 2], name="cut.png")
    assert demo_ledger.attachments.stats()["links"] == 0


def test_decompression_bomb_is_refused(demo_ledger, household, monkeypatch):
    monkeypatch.setattr(files, "MAX_PIXELS", 100 * 100)
    with pytest.raises(ValidationError, match="像素过多"):
        demo_ledger.attachments.add("households", household, jpeg(200, 200), name="bomb.jpg")


def test_pdf_and_unreadable_path(demo_ledger, household, tmp_path):
    pdf = tmp_path / "签字纪要.pdf"
    pdf.write_bytes(tiny_pdf())
    item = demo_ledger.attachments.add("households", household, pdf)
    assert item.mime == "application/pdf" and item.file_name == "签字纪要.pdf"
    assert Image.open(io.BytesIO(demo_ledger.attachments.thumbnail(item.id))).format == "JPEG"
    with pytest.raises(ValidationError, match="无法读取文件“missing.jpg”"):
        demo_ledger.attachments.add("households", household, tmp_path / "missing.jpg")


def test_export_to_folder(demo_ledger, household, tmp_path):
    png = noise_png()
    item = demo_ledger.attachments.add("households", household, png, name='a/b:c?.png')
    first = demo_ledger.attachments.export_to(item.id, tmp_path / "out")
    second = demo_ledger.attachments.export_to(item.id, tmp_path / "out")
    assert first.name == "b_c_.png" and second.name == "b_c_ (2).png"
    assert first.read_bytes() == png == second.read_bytes()
    opened = demo_ledger.conn.execute("SELECT action, changes FROM audit_log WHERE table_name = 'attachments'"
                                      " AND record_id = ? AND action = 'view_full'", (item.id,)).fetchall()
    assert len(opened) == 2 and "打开附件" in opened[0][1]


def test_grid_worker_only_in_own_grid_and_auditor_never(demo_ledger, household):
    grid = demo_ledger.households.grid_of(household)
    other = demo_ledger.conn.execute("SELECT id FROM grids WHERE id != ? LIMIT 1", (grid,)).fetchone()[0]
    demo_ledger.access = Access(role=GRID_WORKER, grid_ids=frozenset({other}), username="g")
    with pytest.raises(PermissionDenied):
        demo_ledger.attachments.add("households", household, noise_png(), name="x.png")
    demo_ledger.access = Access(role=GRID_WORKER, grid_ids=frozenset({grid}), username="g")
    item = demo_ledger.attachments.add("households", household, noise_png(), name="x.png")
    demo_ledger.access = Access(role=AUDITOR, username="a")
    with pytest.raises(PermissionDenied):
        demo_ledger.attachments.remove(item.id)
    assert demo_ledger.attachments.list("households", household)  # reading stays open


def test_owner_must_exist(demo_ledger):
    with pytest.raises(NotFound, match="走访记录不存在"):
        demo_ledger.attachments.add("visits", "no-such-visit", noise_png(), name="x.png")
    with pytest.raises(ValueError):
        demo_ledger.attachments.add("users", "x", noise_png(), name="x.png")


def test_every_owner_kind(demo_ledger, household):
    conn = demo_ledger.conn
    visit = demo_ledger.visits.record(household_id=household, visitors=[{"name": "李", "role": "志愿者"}], visit_type="日常走访")
    visit_id = visit.ids("visits").pop()
    enrolment = conn.execute("SELECT id FROM hardship_enrolments LIMIT 1").fetchone()
    meeting = conn.execute("SELECT id FROM meetings LIMIT 1").fetchone()
    owners = [("visits", visit_id)]
    owners += [("hardship_enrolments", enrolment[0])] if enrolment else []
    owners += [("meetings", meeting[0])] if meeting else []
    assert len(owners) == 3, "the demo has enrolments and meetings"
    for n, (table, owner) in enumerate(owners):
        demo_ledger.attachments.add(table, owner, noise_png(seed=n), name=f"{n}.png")
        assert len(demo_ledger.attachments.list(table, owner)) == 1


# --- encryption at rest and backups -------------------------------------------------------------

def _found(folder: pathlib.Path, needle: bytes) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and needle in p.read_bytes())


def test_encrypted_ledger_keeps_attachments_encrypted(tmp_path):
    from neighbourhood.backups import backup

    png = noise_png(64, seed=7)
    needle = png[200:264]  # 64 bytes of noise from inside the image data
    # Control: a plaintext ledger does hold the bytes (so the scan can find them).
    plain = tmp_path / "plain"
    with Ledger.open(plain / "ledger.db") as ledger:
        grid = ledger.grids.add(name="一网格")
        building = ledger.buildings.add(grid_id=grid.id, name="1栋")
        hh = ledger.households.add(building_id=building.id, unit="101")
        ledger.attachments.add("households", hh.id, png, name="p.png")
    assert _found(plain, needle)

    secret = tmp_path / "secret"
    with Ledger.open(secret / "ledger.db", key=os.urandom(32)) as ledger:
        grid = ledger.grids.add(name="一网格")
        building = ledger.buildings.add(grid_id=grid.id, name="1栋")
        hh = ledger.households.add(building_id=building.id, unit="101")
        item = ledger.attachments.add("households", hh.id, png, name="p.png")
        backup(ledger.conn, ledger.path, kind="manual")
        assert (secret / "ledger.db-wal").exists()
        assert _found(secret, needle) == []          # database, WAL and backup while open
        assert ledger.attachments.data(item.id) == png
    assert _found(secret, needle) == []              # and after the checkpoint on close


def test_backup_and_restore_bring_attachments_back(demo_ledger, demo_path, household):
    from neighbourhood.backups import backup, restore

    png = noise_png(seed=3)
    item = demo_ledger.attachments.add("households", household, png, name="证明.png")
    saved = backup(demo_ledger.conn, demo_path, kind="manual")
    demo_ledger.close()
    for lost in demo_path.parent.glob("demo.db*"):  # the PC's disk dies
        lost.unlink()
    restore(saved, demo_path, key=None)
    with Ledger.open(demo_path) as reopened:
        [back] = reopened.attachments.list("households", household)
        assert back.file_name == "证明.png" and reopened.attachments.data(back.id) == png


def test_stored_blobs_cannot_be_changed(demo_ledger, household):
    item = demo_ledger.attachments.add("households", household, noise_png(), name="x.png")
    with pytest.raises(Exception, match="immutable"):
        demo_ledger.conn.execute("UPDATE attachment_blobs SET data = x'00' WHERE sha256 = ?", (item.sha256,))


def test_phone_photo_orientation_is_honoured(demo_ledger, household):
    image = Image.new("RGB", (300, 200), (0, 90, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view", as phones write it
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    item = demo_ledger.attachments.add("households", household, out.getvalue(), name="竖拍.jpg")
    assert (item.width, item.height) == (200, 300)
    thumb = Image.open(io.BytesIO(demo_ledger.attachments.thumbnail(item.id)))
    assert thumb.height > thumb.width
