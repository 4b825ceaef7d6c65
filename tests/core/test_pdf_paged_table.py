"""PagedTable: a long table a page at a time, the header row at the top of each page only."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _build(path, n: int, *, tall_every: int = 0):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from neighbourhood.pdf import template as pt
    from neighbourhood.pdf.paged_table import PagedTable

    styles = pt.make_styles()
    header = [pt.para(h, styles.cell) for h in ("表头序号", "表头姓名", "表头备注")]
    rows, row_styles = [], {}
    for i in range(1, n + 1):
        note = "很长的备注" * 12 if tall_every and i % tall_every == 0 else ""   # wraps to several lines
        rows.append([pt.para(f"R{i:05d}", styles.cell), pt.para(f"居民{i}", styles.cell), pt.para(note, styles.cell)])
        if i % 50 == 0:
            row_styles[len(rows)] = [("SPAN", 0, 1)]
            rows.append([pt.para(f"小计{i // 50}", styles.cell), "", ""])
    table = PagedTable(header, rows, row_styles, [60, 120, 260],
                       [("FONTNAME", (0, 0), (-1, -1), styles.font), ("GRID", (0, 0), (-1, -1), 0.5, pt.GRID)])
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([pt.para("标题在第一页", styles.title), table])


def _pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [p for p in text.split("\f") if p.strip()]


@needs_poppler
@pytest.mark.parametrize("tall_every", [0, 7])
def test_every_page_starts_with_the_header_and_every_row_is_there_once(tmp_path, tall_every):
    out = tmp_path / "t.pdf"
    _build(out, 900, tall_every=tall_every)
    pages = _pages(out)
    assert len(pages) > 10
    seen = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        body = [line for line in lines if "标题在第一页" not in line]
        assert page.count("表头序号") == 1                           # once per page …
        assert "表头序号" in body[0]                                  # … at the top of the table
        seen += [int(m) for m in re.findall(r"R(\d{5})", page)]
    assert seen == list(range(1, 901))                               # every row once, in order
    assert sum(page.count("小计") for page in pages) == 18
    # The table stands in the same place on every page, the last one included.
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    lefts = re.findall(r'<word xMin="([\d.]+)"[^>]*>表头序号</word>', bbox)
    assert len(lefts) == len(pages) and len(set(lefts)) == 1, lefts


def test_short_and_empty_tables_fit_on_one_page(tmp_path):
    from neighbourhood.pdf import raster

    for n in (0, 3):
        out = tmp_path / f"s{n}.pdf"
        _build(out, n)
        assert raster.page_count(out) == 1
