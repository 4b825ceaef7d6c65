"""Benchmark: the monthly report (月报) PDF for the 2,000-household demo (~5k residents).

Goal: ≤ 2 s and ≤ 1 MB.  Prints the time to read the figures, to lay out and
write the PDF, the page count and the file size.  Run: .venv/bin/python -m benchmarks.report_bench
"""
from __future__ import annotations

import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(households: int = 2000, month: str | None = None) -> dict[str, float]:
    import datetime as _dt

    from neighbourhood.demo import cached_demo
    from neighbourhood.ledger import Ledger
    from neighbourhood.pdf.fonts import register_cjk_font
    from neighbourhood.pdf.report import write_monthly_pdf
    from neighbourhood.reports import monthly_figures

    if month is None:
        last = _dt.date.today().replace(day=1) - _dt.timedelta(days=1)
        month = f"{last.year}-{last.month:02d}"
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_demo(pathlib.Path(tmp) / "demo.db", households=households)
        register_cjk_font()  # once per process; not part of each report
        with Ledger.open(db) as ledger:
            t0 = time.perf_counter()
            figures = monthly_figures(ledger, month=month)
            t1 = time.perf_counter()
            out = write_monthly_pdf(figures, pathlib.Path(tmp) / "report.pdf")
            t2 = time.perf_counter()
            size = out.stat().st_size
            pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
    result = {"figures_s": t1 - t0, "pdf_s": t2 - t1, "total_s": t2 - t0, "bytes": size}
    print(f"monthly report {month}, {households} households, {figures.population.residents} residents: "
          f"figures {t1 - t0:.2f} s, PDF {t2 - t1:.2f} s, total {t2 - t0:.2f} s (goal ≤ 2 s); "
          f"{size / 1024:.0f} KB (goal ≤ 1024 KB); ~{pages} pages")
    return result


if __name__ == "__main__":
    r = main()
    sys.exit(0 if r["total_s"] <= 2 and r["bytes"] <= 1024 * 1024 else 1)
