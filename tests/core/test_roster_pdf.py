"""Roster PDFs (landscape, header on every page) and rasterising PDF pages for printing."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from neighbourhood.pdf import raster
from neighbourhood.pdf.roster import rows_per_page, write_roster_pdf

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
HEADERS = ["序号", "姓名", "住址", "备注"]


def _rows(n: int):
    for i in range(1, n + 1):
        yield [i, f"居民{i:04d}", f"{i % 9 + 1}栋{i % 30 + 101}室", ""]


def _page_text(path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_roster_pages_repeat_the_header_and_keep_every_row(tmp_path):
    first, later = rows_per_page(first=True), rows_per_page()
    n = first + 2 * later + 5          # 4 pages, the last with 5 rows
    out = write_roster_pdf(tmp_path / "r.pdf", title="居民花名册", headers=HEADERS, rows=_rows(n),
                           widths=[10, 20, 40, 30], community="幸福社区")
    assert raster.page_count(out) == 4
    sizes = raster.page_sizes(out)
    assert all(w > h for w, h in sizes)                         # landscape A4
    for page in range(1, 5):
        text = _page_text(out, page)
        assert "序号" in text and "姓名" in text and "住址" in text, page   # header row on each page
        assert f"第{page}页共4页" in text.replace(" ", "") and "幸福社区" in text
    assert "居民花名册" in _page_text(out, 1)
    assert f"居民{first:04d}" in _page_text(out, 1) and f"居民{first + 1:04d}" in _page_text(out, 2)
    last = _page_text(out, 4)
    assert f"居民{n:04d}" in last and f"居民{n - 5:04d}" not in last
    everything = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert sum(f"居民{i:04d}" in everything for i in range(1, n + 1)) == n


@needs_poppler
def test_roster_cuts_values_too_wide_for_their_column(tmp_path):
    long = "幸福路" * 30
    out = write_roster_pdf(tmp_path / "r.pdf", title="名册", headers=["姓名", "住址"],
                           rows=[["张三", long]], widths=[1, 1])
    text = _page_text(out, 1)
    assert "张三" in text and "…" in text and long not in text.replace("\n", "")


def test_roster_rejects_widths_not_matching_headers(tmp_path):
    with pytest.raises(ValueError):
        write_roster_pdf(tmp_path / "r.pdf", title="名册", headers=HEADERS, rows=[], widths=[1, 2])
    assert not (tmp_path / "r.pdf").exists()


def test_cancelled_roster_writes_nothing(tmp_path):
    from neighbourhood.jobs import Cancelled

    calls = []

    def abort() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        write_roster_pdf(tmp_path / "r.pdf", title="名册", headers=HEADERS, rows=_rows(500), abort=abort)
    assert list(tmp_path.iterdir()) == []


def test_empty_roster_is_one_page_with_the_header(tmp_path):
    out = write_roster_pdf(tmp_path / "r.pdf", title="名册", headers=HEADERS, rows=iter(()))
    assert raster.page_count(out) == 1


def test_raster_renders_pages_at_the_asked_resolution(tmp_path):
    out = write_roster_pdf(tmp_path / "r.pdf", title="名册", headers=HEADERS,
                           rows=_rows(rows_per_page(first=True) + 1))
    images = list(raster.iter_page_images(out, dpi=72))
    assert len(images) == 2
    w, h = raster.page_sizes(out)[0]
    assert abs(images[0].size[0] - w) <= 1 and abs(images[0].size[1] - h) <= 1 and images[0].mode == "RGB"
    # ink on the page: the table rules and text are not all white
    assert images[0].convert("L").getextrema()[0] < 128
    png = raster.page_png(out, 1, dpi=36)
    assert png.startswith(b"\x89PNG")
