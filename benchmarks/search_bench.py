"""Search latency at street-office scale, and pinyin throughput.

    .venv/bin/python benchmarks/search_bench.py --db benchmarks/out/street.db

Prints per-query latency (median and worst over realistic keystroke
sequences) against a goal of 50 ms per keystroke, the time to rebuild the
search index, and pinyin for 500k names (goal ≤ 1 s).
"""
from __future__ import annotations

import argparse
import pathlib
import random
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pinyin_throughput(count: int = 500_000) -> float:
    from neighbourhood.demo import _name
    from neighbourhood.pinyin import name_pinyin

    rng = random.Random(1)
    names = [_name(rng, rng.random() < 0.5) for _ in range(count)]
    name_pinyin("张")  # import pypinyin outside the timing
    started = time.perf_counter()
    for name in names:
        name_pinyin(name)
    return time.perf_counter() - started


def keystrokes(ledger, rng: random.Random) -> list[str]:
    """Prefixes of real names, pinyin, ID tails, phones and addresses, as typed."""
    rows = ledger.conn.execute(
        "SELECT name, name_pinyin, name_initials, id_number, phone FROM residents "
        "WHERE rowid IN (SELECT rowid FROM residents ORDER BY random() LIMIT 40)").fetchall()
    typed = []
    for name, pinyin, initials, id_number, phone in rows:
        choice = rng.randrange(5)
        if choice == 0:
            typed += [name[:i] for i in range(1, len(name) + 1)]
        elif choice == 1:
            typed += [pinyin[:i] for i in range(1, min(len(pinyin), 7) + 1)]
        elif choice == 2:
            typed += [initials[:i] for i in range(1, len(initials) + 1)]
        elif choice == 3 and id_number:
            typed += [id_number[-i:] for i in range(4, 7)]
        elif phone:
            typed += [phone[3:3 + i] for i in range(3, 6)]
    typed += ["1", "12", "12栋", "12栋2", "12栋2单元", "12栋2单元3"]
    return typed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=pathlib.Path, required=True)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the search index first")
    args = parser.parse_args()
    from db import search_index
    from neighbourhood.ledger import Ledger

    ledger = Ledger.open(args.db)
    residents = ledger.conn.execute("SELECT count(*) FROM residents").fetchone()[0]
    empty = ledger.conn.execute("SELECT count(*) FROM search_uni").fetchone()[0] == 0
    if args.rebuild or empty:
        started = time.perf_counter()
        with ledger.db.atomic():
            search_index.rebuild(ledger.conn)
        print(f"search index rebuild: {time.perf_counter() - started:.1f} s for {residents} residents")
    rng = random.Random(5)
    times = []
    slowest = ("", 0.0)
    for text in keystrokes(ledger, rng):
        started = time.perf_counter()
        ledger.search.find(text, limit=100)
        elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        if elapsed > slowest[1]:
            slowest = (text, elapsed)
    median, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95)]
    pinyin = pinyin_throughput()
    print(f"{'figure':34} {'value':>10} {'goal':>8} {'ratio':>6}")
    for label, value, goal in (("search median per keystroke (ms)", median, 50),
                               ("search p95 per keystroke (ms)", p95, 50),
                               (f"search worst '{slowest[0]}' (ms)", slowest[1], 50),
                               ("pinyin 500k names (s)", pinyin, 1.0)):
        print(f"{label:34} {value:10.2f} {goal:8} {value / goal:6.2f} {'PASS' if value <= goal else 'MISS'}")
    print(f"({len(times)} keystrokes over {residents} residents)")
    ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
