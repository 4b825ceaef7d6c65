"""Benchmark: applying a field laptop's return file of 10,000 changes at the office.

Goal: ≤ 2 s.  Builds (or reuses) the 2,000-household demo, checks out every grid to a
laptop, makes N changes there through the audited Writer (resident notes, household
housing type, new visits) while the office edits a few of the same fields (conflicts),
exports the return file, then times reading it (scrypt + AES-GCM + checksum) and
merging it in one transaction.  ``--property N`` instead runs the no-silent-loss
property test with N cases.

Run: .venv/bin/python -m benchmarks.sync_bench [--changes 10000] [--photos 40] [--property 10000]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_S = 2.0


def run(changes: int = 10_000, households: int = 2000, photos: int = 0) -> dict[str, float]:
    from neighbourhood.demo import cached_demo
    from neighbourhood.ledger import Ledger
    from neighbourhood.sync.checkout import open_checkout

    passphrase = "bench-passphrase"
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        office = Ledger.open(cached_demo(folder / "office.db", households=households))
        t0 = time.perf_counter()
        office.sync.checkout(grid_ids=[g.id for g in office.grids.list()], out=folder / "co.nlsync",
                             passphrase=passphrase, device_name="bench")
        checkout_s = time.perf_counter() - t0
        open_checkout(folder / "co.nlsync", passphrase, folder / "laptop.db")
        laptop = Ledger.open(folder / "laptop.db")
        residents = [r[0] for r in laptop.conn.execute("SELECT id FROM residents")]
        homes = [r[0] for r in laptop.conn.execute("SELECT id FROM households")]
        made = 0
        with laptop.operation("bench edits"):
            while made < changes:
                n = made
                if n % 5 < 3:
                    laptop.writer.update("residents", residents[n % len(residents)], {"notes": f"笔记本{n}"})
                elif n % 5 == 3:
                    laptop.writer.update("households", homes[n % len(homes)],
                                         {"housing_type": "租赁" if n % 2 else "自有", "notes": f"户{n}"})
                else:
                    laptop.writer.insert("visits", {"household_id": homes[n % len(homes)], "visit_date": "2026-11-20",
                                                    "visit_type": "日常走访", "situation": f"走访{n}"})
                made += 1
        if photos:  # photos on the laptop's new visits travel in the return file's attachments section
            from benchmarks.attachments_bench import _photo
            visits = [r[0] for r in laptop.conn.execute(
                "SELECT id FROM visits WHERE situation LIKE '走访%' ORDER BY rowid LIMIT ?", (photos,))]
            for n, visit in enumerate(visits):
                laptop.attachments.add("visits", visit, _photo(1600, 1200, n), name=f"走访{n}.jpg")
        with office.operation("office edits"):  # the office keeps working meanwhile
            for rid in residents[:200]:
                office.writer.update("residents", rid, {"notes": "办公室"})
        t1 = time.perf_counter()
        laptop.sync.export(out=folder / "ret.nlsync", passphrase=passphrase)
        export_s = time.perf_counter() - t1
        size = (folder / "ret.nlsync").stat().st_size
        t2, c2 = time.perf_counter(), time.process_time()
        bundle = office.sync.read(folder / "ret.nlsync", passphrase)
        t3 = time.perf_counter()
        result = office.sync.apply(bundle)
        t4, c4 = time.perf_counter(), time.process_time()
        laptop.close()
        office.close()
    figures = {"changes": float(changes), "read_s": t3 - t2, "merge_s": t4 - t3, "apply_s": t4 - t2,
               "apply_cpu_s": c4 - c2, "export_s": export_s, "checkout_s": checkout_s, "file_kb": size / 1024,
               "conflicts": float(result.conflicts), "inserted": float(result.inserted)}
    print(f"sync apply: {changes:,} changes ({result.inserted:,} new records, {result.fields_applied:,} fields, "
          f"{result.conflicts:,} conflicts, {result.attachments:,} photos)")
    print(f"  read+verify+decrypt {figures['read_s']:.2f} s, merge {figures['merge_s']:.2f} s, "
          f"total {figures['apply_s']:.2f} s (goal {GOAL_S:.1f} s, ratio {figures['apply_s'] / GOAL_S:.2f}); "
          f"CPU time {figures['apply_cpu_s']:.2f} s (wall > CPU means a loaded machine)")
    print(f"  return file {figures['file_kb']:.0f} KB, export {export_s:.2f} s; check-out of all grids "
          f"{checkout_s:.2f} s")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--property", type=int, metavar="N", help="run the property test with N cases instead")
    parser.add_argument("--photos", type=int, default=0, help="also attach N photos (1600x1200) on the laptop")
    args = parser.parse_args(argv)
    if args.property:
        env = dict(os.environ, NL_SYNC_EXAMPLES=str(args.property))
        started = time.perf_counter()
        code = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--timeout=0",
                                "tests/core/test_sync_property.py"], cwd=ROOT, env=env)
        print(f"property test, {args.property:,} cases: {'passed' if code == 0 else 'FAILED'} in "
              f"{time.perf_counter() - started:.0f} s")
        return code
    run(args.changes, args.households, args.photos)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
