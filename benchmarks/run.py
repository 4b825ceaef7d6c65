"""Street-office scale benchmark: build a ~500k-resident ledger fast, then time the
residents table's first paint, the main window's start and the demo build.

    .venv/bin/python benchmarks/run.py [--residents 500000] [--out benchmarks/out] [--rebuild]

(a) builds ``<out>/street.db`` (~500k residents, ~200k households, ~6,000 buildings,
    60 grids) with the demo's generators, ``executemany`` in one transaction, non-unique
    indexes dropped first and re-created after; reused when it exists (``--rebuild``).
(b) first paint of the residents table (ResidentTableModel + QTableView, offscreen Qt) in a
    fresh process: time and peak RSS.  Falls back to the core part (rowids + 50 rows) when the
    UI model is not importable.
(c) window start: process start → MainWindow shown; lists heavy modules imported.
(d) demo build time (2,000 households through the audited services).

Prints a table of figure, goal, ratio (figure/goal) and PASS/MISS.  ``--profile`` adds a
cProfile of (b) and (c) in the child processes (top functions by cumulative time).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REGISTRY_TABLES = ("grids", "buildings", "households", "residents", "resident_events")
HEAVY_MODULES = ("openpyxl", "reportlab", "pypinyin", "xlsxwriter", "python_calamine", "argon2",
                 "cryptography", "sqlite_utils")
# Modules the brief says must not be loaded at start: the first three.
FORBIDDEN_AT_START = ("openpyxl", "reportlab", "pypinyin")


# --- (a) building the street-office database ------------------------------------------------

def _uuid(rng: random.Random) -> str:
    # Deterministic for a seed (uuid4 would read os.urandom): same file every build.
    # Formatted by hand: 3x faster than uuid.UUID at 700k ids.
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def _units(count: int) -> list[tuple[str, str]]:
    """(entrance, unit) for ``count`` households of one building, as the demo lays them out."""
    entrances = 2 if count <= 24 else 3
    out = []
    for k in range(count):
        floor = k // (entrances * 2) + 1
        out.append((str(k % entrances + 1), f"{floor}0{k // entrances % 2 + 1}"))
    return out


def build_street(path: pathlib.Path, *, residents: int, grids: int = 60, seed: int = 2024) -> dict:
    """Create ``path`` with about ``residents`` residents; returns counts and timings."""
    from db import migrations
    from db.connection import connect
    from db.writes import utc_now
    from neighbourhood.demo import STREETS, _family, _id_number, _name, _phone
    from neighbourhood.pinyin import name_pinyin

    started = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    conn = connect(tmp)
    migrations.migrate(conn)
    # A fresh file that is renamed into place only when complete: no journal needed while
    # building (a crash leaves a '.building' file that the next run deletes).
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB for the index builds

    rng = random.Random(seed)
    today = _dt.date.today()
    now = utc_now()
    households_wanted = round(residents / 2.47)        # the demo's mean family size
    n_buildings = max(grids, round(households_wanted / 33))
    grid_rows, building_rows, household_rows, resident_rows, event_rows = [], [], [], [], []
    grid_ids = [_uuid(rng) for _ in range(grids)]
    for i, gid in enumerate(grid_ids):
        grid_rows.append((gid, f"第{i + 1}网格", f"G{i + 1:02d}", _name(rng, i % 2 == 0), _phone(rng),
                          i, now, now, "bench"))
    used_ids: set[str] = set()
    made = 0
    households_done = 0
    for b in range(n_buildings):
        if made >= residents:
            break
        bid = _uuid(rng)
        building_rows.append((bid, grid_ids[b * grids // n_buildings], f"{b + 1}栋",
                              f"{rng.choice(STREETS)}{100 + b * 2}号", _name(rng, rng.random() < 0.5),
                              _phone(rng), rng.choice((6, 6, 7, 11, 18)), b, now, now, "bench"))
        target = round(households_wanted / n_buildings * (b + 1)) - households_done
        for entrance, unit in _units(target):
            if made >= residents:
                break
            hid = _uuid(rng)
            family = _family(rng, today)[: residents - made]
            head_id = None
            for member in family:
                rid = _uuid(rng)
                born = _dt.date.fromisoformat(member["birth_date"])
                male = member["sex"] == "男"
                while True:
                    id_number = _id_number(rng, born, male)
                    if id_number not in used_ids:
                        break
                used_ids.add(id_number)
                pinyin, initials = name_pinyin(member["name"])
                if member["relation"] == "户主":
                    head_id = rid
                resident_rows.append((
                    rid, hid, member["name"], member["sex"], member["birth_date"], id_number,
                    member.get("phone"), member["relation"], member.get("residence_status", "户籍"),
                    member.get("permit_start"), member.get("permit_end"), member.get("hukou_address"),
                    member.get("ethnicity"), member.get("political_status"), member.get("employment"),
                    pinyin, initials, now, now, "bench"))
                event_rows.append((_uuid(rng), rid, "登记", today.isoformat(), hid, now, now, "bench"))
                made += 1
            separated = rng.choices((None, "人在户不在", "户在人不在"), (94, 3, 3))[0]
            housing = rng.choices(("自有住房", "租赁", "公租房"), (80, 15, 5))[0]
            household_rows.append((hid, bid, entrance, unit, head_id, housing, separated, now, now, "bench"))
            households_done += 1
    generated = time.perf_counter() - started

    insert_started = time.perf_counter()
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({','.join('?' * len(REGISTRY_TABLES))})"
        " AND sql NOT LIKE 'CREATE UNIQUE%'", REGISTRY_TABLES).fetchall()
    conn.execute("BEGIN")
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX [{name}]")
    conn.execute("INSERT INTO settings(key, value) VALUES ('community_name', '城关街道（基准测试）'),"
                 " ('street_office', '城关街道')")
    conn.executemany("INSERT INTO grids (id, name, code, worker_name, worker_phone, sort_no, created_at,"
                     " updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)", grid_rows)
    conn.executemany("INSERT INTO buildings (id, grid_id, name, address, leader_name, leader_phone, floors,"
                     " sort_no, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     building_rows)
    conn.executemany("INSERT INTO households (id, building_id, entrance, unit, head_resident_id, housing_type,"
                     " separated, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     household_rows)
    conn.executemany("INSERT INTO residents (id, household_id, name, sex, birth_date, id_number, phone,"
                     " relation, residence_status, permit_start, permit_end, hukou_address, ethnicity,"
                     " political_status, employment, name_pinyin, name_initials, created_at, updated_at,"
                     " updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", resident_rows)
    conn.executemany("INSERT INTO resident_events (id, resident_id, kind, event_date, to_household_id,"
                     " created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)", event_rows)
    inserted = time.perf_counter() - insert_started
    index_started = time.perf_counter()
    for _name_, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    indexed = time.perf_counter() - index_started
    conn.execute("PRAGMA journal_mode = WAL")  # as the app leaves its files
    conn.close()
    tmp.replace(path)
    total = time.perf_counter() - started
    rows = sum(map(len, (grid_rows, building_rows, household_rows, resident_rows, event_rows)))
    return dict(grids=len(grid_rows), buildings=len(building_rows), households=len(household_rows),
                residents=len(resident_rows), events=len(event_rows), rows=rows, seconds=total,
                generate_s=generated, insert_s=inserted, index_s=indexed,
                indexes=[n for n, _s in indexes], size_mb=path.stat().st_size / 1e6)


# --- child processes -------------------------------------------------------------------------

_PEAK_RSS = """
def peak_rss_mb():
    # VmHWM is per process image; getrusage's maxrss survives exec on Linux and would report
    # the parent's peak (the builder holds ~1 GB of rows) for a child forked from it.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
_PROFILE = """
import cProfile, pstats, io
_profiler = cProfile.Profile()
_profiler.enable()
"""
_PROFILE_END = """
_profiler.disable()
_buf = io.StringIO()
pstats.Stats(_profiler, stream=_buf).sort_stats("cumulative").print_stats(35)
result["profile"] = _buf.getvalue()
"""

FIRST_PAINT = """
import json, resource, sys, time
PEAK_RSS
sys.path.insert(0, ROOT)
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(["bench"])
from neighbourhood.ledger import Ledger
ledger = Ledger.open(DB)
result = {}
PROFILE_START
started = time.perf_counter()
cpu_started = time.process_time()
try:
    from ui.residents.table_model import ResidentTableModel
except ImportError as exc:
    ResidentTableModel = None
    result["note"] = f"ui.residents.table_model not importable ({exc}); measured the core part only"
if ResidentTableModel is not None:
    model = ResidentTableModel(ledger)
    model.reload()
    result["ids_seconds"] = time.perf_counter() - started
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    result["rows"] = model.rowCount()
    result["pages_fetched"] = model.pages_fetched
    result["mode"] = "ResidentTableModel + QTableView"
else:
    ids = ledger.listing.rowids()
    result["ids_seconds"] = time.perf_counter() - started
    rows = ledger.listing.rows(ids[:50])
    result["rows"] = len(ids)
    result["mode"] = "core: listing.rowids() + listing.rows(50)"
result["seconds"] = time.perf_counter() - started
result["cpu_seconds"] = time.process_time() - cpu_started
PROFILE_END
result["maxrss_mb"] = peak_rss_mb()
print("RESULT " + json.dumps(result))
"""

WINDOW_START = """
import os, sys, time
PEAK_RSS
sys.path.insert(0, ROOT)
result = {}
PROFILE_START
from PySide6.QtWidgets import QApplication
from ui.app import choose_font, install_translators
app = QApplication(["bench"])
translators = install_translators(app, None)
choose_font(app)
from neighbourhood.ledger import Ledger
ledger = Ledger.open(DB)
try:
    from ui.main_window import MainWindow
except ImportError as exc:
    print("RESULT " + __import__("json").dumps({"skipped": f"ui.main_window not importable: {exc}"}))
    raise SystemExit(0)
window = MainWindow(ledger)
window.show()
app.processEvents()
result["shown_at"] = time.time()
result["cpu_seconds"] = sum(os.times()[:2])  # user + system of this process since it started
PROFILE_END
import json, resource
result["heavy"] = sorted(m for m in HEAVY if m in sys.modules)
result["maxrss_mb"] = peak_rss_mb()
print("RESULT " + json.dumps(result))
window.close()
ledger.close()
"""


def _child(template: str, db: pathlib.Path, *, profile: bool, home: pathlib.Path) -> tuple[dict, float]:
    code = (textwrap.dedent(template)
            .replace("PROFILE_START", _PROFILE if profile else "")
            .replace("PROFILE_END", _PROFILE_END if profile else "")
            .replace("ROOT", repr(str(ROOT))).replace("DB", repr(str(db)))
            .replace("HEAVY", repr(HEAVY_MODULES)).replace("PEAK_RSS", _PEAK_RSS))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONIOENCODING="utf-8")
    started = time.time()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          encoding="utf-8", timeout=600)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return json.loads(lines[-1][len("RESULT "):]), started


def first_paint(db: pathlib.Path, *, runs: int, profile: bool, home: pathlib.Path) -> dict:
    results = [_child(FIRST_PAINT, db, profile=False, home=home)[0] for _ in range(runs)]
    out = dict(results[0])
    out["seconds_all"] = [r["seconds"] for r in results]
    out["seconds"] = statistics.median(out["seconds_all"])
    out["ids_seconds"] = statistics.median(r["ids_seconds"] for r in results)
    out["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in results)
    out["maxrss_mb"] = max(r["maxrss_mb"] for r in results)
    if profile:
        out["profile"] = _child(FIRST_PAINT, db, profile=True, home=home)[0].get("profile", "")
    return out


def window_start(db: pathlib.Path, *, runs: int, profile: bool, home: pathlib.Path) -> dict:
    times, cpu, last = [], [], {}
    for _ in range(runs):
        result, started = _child(WINDOW_START, db, profile=False, home=home)
        if "skipped" in result:
            return result
        times.append(result["shown_at"] - started)
        cpu.append(result["cpu_seconds"])
        last = result
    last["seconds_all"] = times
    last["seconds"] = statistics.median(times)
    last["cpu_seconds"] = statistics.median(cpu)
    if profile:
        last["profile"] = _child(WINDOW_START, db, profile=True, home=home)[0].get("profile", "")
    return last


def demo_build(households: int) -> float:
    from neighbourhood.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        started = time.perf_counter()
        build_demo(pathlib.Path(folder) / "demo.db", households=households)
        return time.perf_counter() - started


# --- report ----------------------------------------------------------------------------------

def _table(rows: list[tuple[str, float | None, float | None, str]]) -> str:
    lines = [f"{'figure':44} {'value':>10} {'goal':>8} {'ratio':>6}  result", "-" * 80]
    for label, value, goal, unit in rows:
        if value is None:
            lines.append(f"{label:44} {'—':>10} {goal if goal is not None else '—':>8} {'—':>6}  SKIP")
            continue
        if goal is None:
            lines.append(f"{label:44} {value:10.3f} {'—':>8} {'—':>6}  (info) {unit}")
            continue
        ratio = f"{value / goal:6.2f}" if goal else f"{'—':>6}"
        lines.append(f"{label:44} {value:10.3f} {goal:8.3g} {ratio}  {'PASS' if value <= goal else 'MISS'} {unit}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=500_000)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--rebuild", action="store_true", help="build the database even if it exists")
    parser.add_argument("--runs", type=int, default=3, help="child processes per timing (median)")
    parser.add_argument("--demo-households", type=int, default=2000)
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print cProfile of first paint and window start")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    name = "street.db" if args.residents == 500_000 else f"street-{args.residents}.db"
    db = args.out / name
    rows: list[tuple[str, float | None, float | None, str]] = []
    if db.exists() and not args.rebuild:
        print(f"(a) reusing {db} ({db.stat().st_size / 1e6:.0f} MB); --rebuild to build again")
        build = None
    else:
        print(f"(a) building {db} with {args.residents:,} residents …", flush=True)
        build = build_street(db, residents=args.residents)
        print(f"    {build['grids']} grids, {build['buildings']:,} buildings, {build['households']:,} households,"
              f" {build['residents']:,} residents, {build['events']:,} events; {build['size_mb']:.0f} MB")
        print(f"    {build['seconds']:.1f} s = generate {build['generate_s']:.1f} s + insert {build['insert_s']:.1f} s"
              f" + indexes {build['index_s']:.1f} s ({len(build['indexes'])} re-created);"
              f" {build['rows'] / build['seconds']:,.0f} rows/s overall,"
              f" {build['rows'] / (build['insert_s'] + build['index_s']):,.0f} rows/s into SQLite")
        rows.append(("(a) build street DB (s)", build["seconds"], None, f"{build['rows']:,} rows"))

    home = args.out / "home"
    home.mkdir(exist_ok=True)
    print("(b) residents table first paint …", flush=True)
    paint = first_paint(db, runs=args.runs, profile=args.profile, home=home)
    print(f"    {paint['mode']}: {paint['rows']:,} rows, runs {[round(s * 1000, 1) for s in paint['seconds_all']]} ms,"
          f" of which loading the ids {paint['ids_seconds'] * 1000:.0f} ms (median);"
          f" pages fetched {paint.get('pages_fetched', '—')}, peak RSS {paint['maxrss_mb']:.0f} MB")
    if paint.get("note"):
        print(f"    note: {paint['note']}")
    rows.append(("(b) first paint, median (ms)", paint["seconds"] * 1000, 50, ""))
    # CPU time as well: on a shared, loaded machine the wall time mostly measures the wait for a core.
    rows.append(("(b) first paint, CPU time (ms)", paint["cpu_seconds"] * 1000, 50, ""))
    rows.append(("(b) peak RSS of that process (MB)", paint["maxrss_mb"], 150, ""))

    print("(c) window start …", flush=True)
    window = window_start(db, runs=args.runs, profile=args.profile, home=home)
    if "skipped" in window:
        print(f"    skipped: {window['skipped']}")
        rows.append(("(c) process start → MainWindow shown (s)", None, 0.5, ""))
    else:
        forbidden = [m for m in window["heavy"] if m in FORBIDDEN_AT_START]
        print(f"    runs {[round(s, 2) for s in window['seconds_all']]} s, peak RSS {window['maxrss_mb']:.0f} MB;"
              f" heavy modules imported: {window['heavy'] or 'none'}"
              f" ({'none forbidden' if not forbidden else 'FORBIDDEN: ' + ', '.join(forbidden)})")
        rows.append(("(c) process start → MainWindow shown (s)", window["seconds"], 0.5, ""))
        rows.append(("(c) that process's CPU time (s)", window["cpu_seconds"], 0.5, ""))
        rows.append(("(c) openpyxl/reportlab/pypinyin imported", float(len(forbidden)), 0.0,
                     ", ".join(forbidden)))

    if not args.skip_demo:
        print(f"(d) demo build, {args.demo_households} households …", flush=True)
        seconds = demo_build(args.demo_households)
        rows.append((f"(d) demo build {args.demo_households} households (s)", seconds, None, ""))

    print()
    print(_table(rows))
    if args.profile:
        for label, result in (("first paint", paint), ("window start", window)):
            if result.get("profile"):
                print(f"\n=== cProfile: {label} ===\n{result['profile']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
