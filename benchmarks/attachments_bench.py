"""Benchmark: attachments — checking a phone photo, storing it, listing, dedupe, sync bundle.

Prints: time to prepare a 12 MP JPEG as it is and downscaled (1600 px), the stored sizes,
time to add N photos to N households (one transaction each, as the panel does), time to
list one record's attachments and read its thumbnails, the database growth per photo with
and without dedupe, and the time to build and import a sync bundle of the new photos.
Run: .venv/bin/python -m benchmarks.attachments_bench [N]
"""
from __future__ import annotations

import io
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _photo(width: int, height: int, seed: int) -> bytes:
    """A photo-like JPEG (smooth gradients + noise, so it compresses like a real one)."""
    import random

    from PIL import Image, ImageFilter
    rnd = random.Random(seed)
    small = Image.frombytes("RGB", (64, 48), bytes(rnd.randrange(256) for _ in range(64 * 48 * 3)))
    image = small.resize((width, height), Image.BICUBIC).filter(ImageFilter.DETAIL)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def main(n: int = 40) -> dict[str, float]:
    import shutil

    from neighbourhood.attachments import prepare
    from neighbourhood.ledger import Ledger

    figures: dict[str, float] = {}
    big = _photo(4000, 3000, 1)
    t0 = time.perf_counter()
    as_is = prepare(big, name="p.jpg")
    t1 = time.perf_counter()
    shrunk = prepare(big, name="p.jpg", downscale=True)
    t2 = time.perf_counter()
    figures.update(prepare_12mp_s=t1 - t0, prepare_12mp_downscaled_s=t2 - t1,
                   original_kb=len(big) / 1024, downscaled_kb=shrunk.size / 1024)

    photos = [prepare(_photo(1600, 1200, 10 + i), name=f"{i}.jpg") for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "a.db"
        with Ledger.open(path) as ledger:
            grid = ledger.grids.add(name="一网格")
            building = ledger.buildings.add(grid_id=grid.id, name="1栋")
            homes = [ledger.households.add(building_id=building.id, unit=str(100 + i)).id for i in range(n)]
            ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size0 = path.stat().st_size
            marker = ledger.attachments.new_since(None).marker
            t0 = time.perf_counter()
            for home, photo in zip(homes, photos):
                ledger.attachments.add("households", home, photo)
            t1 = time.perf_counter()
            ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size1 = path.stat().st_size
            # The same photos on a second record each: links only.
            for home, photo in zip(reversed(homes), photos):
                ledger.attachments.add("households", home, photo)
            ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size2 = path.stat().st_size
            t2 = time.perf_counter()
            for _ in range(20):
                for item in ledger.attachments.list("households", homes[0]):
                    ledger.attachments.thumbnail(item.id)
            t3 = time.perf_counter()
            bundle = ledger.attachments.new_since(marker)
            t4 = time.perf_counter()
            figures.update(add_per_photo_ms=(t1 - t0) * 1000 / n, list_and_thumbs_ms=(t3 - t2) * 1000 / 20,
                           db_growth_per_photo_kb=(size1 - size0) / 1024 / n,
                           db_growth_per_reused_photo_kb=(size2 - size1) / 1024 / n,
                           avg_photo_kb=sum(p.size for p in photos) / 1024 / n,
                           bundle_ms=(t4 - t3) * 1000, bundle_mb=bundle.bytes / 2**20)
        # The office side: a copy from before the photos, then import the bundle.
        office = pathlib.Path(tmp) / "office.db"
        with Ledger.open(path) as ledger:
            ledger.conn.execute("VACUUM INTO ?", (str(office),))
        with Ledger.open(office) as target:
            target.conn.execute("DELETE FROM attachments")  # as if the office had none yet
            target.conn.execute("DELETE FROM attachment_blobs")
            t5 = time.perf_counter()
            with target.operation("导入"):
                target.attachments.import_blobs(bundle.blobs, bundle.links)
            t6 = time.perf_counter()
            figures.update(import_ms=(t6 - t5) * 1000)
        shutil.rmtree(tmp, ignore_errors=True)
    for key, value in figures.items():
        print(f"{key:34s} {value:10.2f}")
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
