"""Benchmark: the monthly report (月报) PDF for a ~20k-resident community, and a 100-page roster PDF.

Goals: the report ≤ 2 s and ≤ 1 MB; the roster (~3,500 residents, ~100 landscape
pages, header row on each) ≤ 2 s.  Also prints how long the home dashboard takes to build.  Prints the time to read the figures, to lay
out and write each PDF, page counts and file sizes.  The demo database
(8,000 households ≈ 20k residents) is built through the services the first time
each day (a minute or more) into ``benchmarks/out``.

Run: .venv/bin/python -m benchmarks.report_bench [--households 8000] [--roster-rows 3500]
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ROSTER_HEADERS = ["序号", "姓名", "性别", "出生日期", "身份证号", "联系电话", "与户主关系", "户籍类型",
                  "住址", "网格"]
ROSTER_WIDTHS = [10, 18, 9, 22, 42, 28, 20, 18, 45, 24]


def _roster_rows(ledger, limit: int):
    """The first ``limit`` residents in display order, masked as on screen."""
    ids = ledger.listing.rowids()[:limit]
    rows = ledger.listing.rows(ids)
    for n, rowid in enumerate(ids, 1):
        r = rows[rowid]
        yield [n, r["name"], r["sex"], r["birth_date"], r["id_number"], r["phone"], r["relation"],
               r["residence_status"], r["address"], r["grid_name"]]


def _demo_copy(path: pathlib.Path, households: int) -> pathlib.Path:
    """A copy of today's demo of ``households`` households, built once into benchmarks/out
    (not the app's demo cache, which keeps one size and would be thrown away)."""
    import datetime as _dt
    import shutil

    from db.migrations import HEAD
    from neighbourhood.demo import build_demo

    out = ROOT / "benchmarks" / "out"
    cache = out / f"report-demo-v{HEAD}-{households}-{_dt.date.today():%Y%m%d}.db"
    if not cache.exists():
        out.mkdir(parents=True, exist_ok=True)
        building = cache.with_suffix(".building")
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{building}{suffix}").unlink(missing_ok=True)
        build_demo(building, households=households)
        building.replace(cache)
    shutil.copyfile(cache, path)
    return path


def _time_dashboard(ledger) -> float | None:
    """Seconds to build the home dashboard (its reads and widgets), offscreen; None without Qt."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from ui.dashboard.page import DashboardPage
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    t = time.perf_counter()
    page = DashboardPage(ledger)
    elapsed = time.perf_counter() - t
    page.deleteLater()
    del app
    return elapsed


def main(households: int = 8000, month: str | None = None, roster_rows: int = 3500) -> dict[str, float]:
    import datetime as _dt

    from neighbourhood.ledger import Ledger
    from neighbourhood.pdf import raster
    from neighbourhood.pdf.fonts import register_cjk_font
    from neighbourhood.pdf.report import write_monthly_pdf
    from neighbourhood.pdf.roster import write_roster_pdf
    from neighbourhood.reports import monthly_figures

    if month is None:
        last = _dt.date.today().replace(day=1) - _dt.timedelta(days=1)
        month = f"{last.year}-{last.month:02d}"
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        db = _demo_copy(pathlib.Path(tmp) / "demo.db", households)
        print(f"demo database ready in {time.perf_counter() - t:.1f} s (kept in benchmarks/out for the day)")
        register_cjk_font()  # once per process; not part of each PDF
        with Ledger.open(db) as ledger:
            t0 = time.perf_counter()
            figures = monthly_figures(ledger, month=month)
            t1 = time.perf_counter()
            out = write_monthly_pdf(figures, pathlib.Path(tmp) / "report.pdf")
            t2 = time.perf_counter()
            size, pages = out.stat().st_size, raster.page_count(out)

            rows = list(_roster_rows(ledger, roster_rows))
            t3 = time.perf_counter()
            roster = write_roster_pdf(pathlib.Path(tmp) / "roster.pdf", title="居民花名册",
                                      headers=ROSTER_HEADERS, rows=rows, widths=ROSTER_WIDTHS,
                                      community=figures.community, align_center=(0, 2, 3, 6, 7))
            t4 = time.perf_counter()
            roster_size, roster_pages = roster.stat().st_size, raster.page_count(roster)
            dashboard_s = _time_dashboard(ledger)
    result = {"figures_s": t1 - t0, "pdf_s": t2 - t1, "total_s": t2 - t0, "bytes": size,
              "roster_s": t4 - t3, "roster_pages": roster_pages, "roster_bytes": roster_size}
    print(f"monthly report {month}, {households} households, {figures.population.residents} residents: "
          f"figures {t1 - t0:.2f} s, PDF {t2 - t1:.2f} s, total {t2 - t0:.2f} s (goal ≤ 2 s); "
          f"{size / 1024:.0f} KB (goal ≤ 1024 KB); {pages} pages")
    print(f"roster PDF: {len(rows)} residents, {roster_pages} landscape pages, {t4 - t3:.2f} s "
          f"(goal ≤ 2 s, {(t4 - t3) / 2:.2f} of the budget); {roster_size / 1024:.0f} KB")
    if dashboard_s is not None:
        result["dashboard_s"] = dashboard_s
        print(f"home dashboard (tiles + charts, offscreen): {dashboard_s:.2f} s to build")
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=8000)
    parser.add_argument("--month")
    parser.add_argument("--roster-rows", type=int, default=3500)
    args = parser.parse_args()
    r = main(args.households, args.month, args.roster_rows)
    ok = r["total_s"] <= 2 and r["bytes"] <= 1024 * 1024 and r["roster_s"] <= 2
    sys.exit(0 if ok else 1)
