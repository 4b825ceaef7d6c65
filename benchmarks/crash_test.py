"""Crash test: kill -9 a process in the middle of batched writes on a WAL database.

Each trial starts a writer that commits batches of residents (one transaction
per batch, audited, through the normal services) and reports each committed
batch on stdout; the writer is killed with SIGKILL at a random moment.  Then:
``PRAGMA integrity_check`` must be ok, every reported batch must be complete,
no batch may be partial, and the audit chain must verify.

    .venv/bin/python benchmarks/crash_test.py --trials 200
"""
from __future__ import annotations

import argparse
import os
import pathlib
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BATCH = 40

WRITER = r"""
import sys
sys.path.insert(0, {root!r})
from neighbourhood.ledger import Ledger
ledger = Ledger.open({path!r})
household = ledger.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
start = int(sys.argv[1])
batch = start
while True:
    with ledger.operation("batch"):
        for i in range({batch_size}):
            ledger.residents.add(household_id=household, name="测试", notes=f"batch-{{batch}}")
    print(batch, flush=True)
    batch += 1
"""


def prepare(path: pathlib.Path) -> None:
    from neighbourhood.ledger import Ledger

    with Ledger.open(path) as ledger:
        grid = ledger.grids.add(name="第一网格")
        building = ledger.buildings.add(grid_id=grid.id, name="1栋")
        ledger.households.add(building_id=building.id, entrance="1", unit="101")


def check(path: pathlib.Path, reported: set[int]) -> list[str]:
    from neighbourhood.ledger import Ledger

    problems = []
    with Ledger.open(path) as ledger:
        integrity = ledger.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        counts = dict(ledger.conn.execute(
            "SELECT notes, count(*) FROM residents GROUP BY notes").fetchall())
        for note, count in counts.items():
            if count != BATCH:
                problems.append(f"partial batch {note}: {count} rows")
        for batch in reported:
            if counts.get(f"batch-{batch}") != BATCH:
                problems.append(f"lost committed batch {batch}")
        problems += ledger.verify_audit()
    return problems


def trial(path: pathlib.Path, start: int, rng: random.Random) -> tuple[set[int], list[str], int]:
    script = WRITER.format(root=str(ROOT), path=str(path), batch_size=BATCH)
    proc = subprocess.Popen([sys.executable, "-c", script, str(start)], stdout=subprocess.PIPE,
                            text=True)
    # Wait for the first committed batch (start-up time varies with load), then kill
    # at a random moment inside the following batches.
    first = proc.stdout.readline()
    time.sleep(rng.uniform(0.0, 0.5))
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    reported = {int(line) for line in (first + out).split()}
    return reported, check(path, reported), (max(reported) + 1 if reported else start)


def run(trials: int, seed: int = 1, folder: pathlib.Path | None = None) -> tuple[int, list[str]]:
    """Run ``trials`` kill -9 trials; returns (committed batches seen, problems)."""
    rng = random.Random(seed)
    folder = folder or pathlib.Path(tempfile.mkdtemp(prefix="nl-crash-"))
    path = folder / "crash.db"
    prepare(path)
    all_reported: set[int] = set()
    problems: list[str] = []
    start = 0
    for number in range(trials):
        reported, found, start = trial(path, start, rng)
        all_reported |= reported
        problems += [f"trial {number}: {p}" for p in found]
        start += 1  # a batch killed before its report may still have committed: never reuse its number
    # Every batch reported in any trial must still be complete at the end.
    problems += check(path, all_reported)
    return len(all_reported), problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    batches, problems = run(args.trials, args.seed)
    elapsed = time.perf_counter() - started
    print(f"trials: {args.trials}  committed batches: {batches}  rows: {batches * BATCH}  "
          f"time: {elapsed:.0f} s  problems: {len(problems)}")
    for problem in problems[:20]:
        print("  " + problem)
    print("RESULT: " + ("PASS" if not problems else "FAIL"))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
