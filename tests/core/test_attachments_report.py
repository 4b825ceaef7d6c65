"""Photos marked "include in report" appear in the monthly report PDF; others do not."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from neighbourhood.pdf.report import render_monthly_report
from tests.core.test_attachments import jpeg, noise_png

needs_poppler = pytest.mark.skipif(not shutil.which("pdfimages"), reason="poppler-utils not installed")


def _images(path) -> int:
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return len(out.splitlines()) - 2


@needs_poppler
def test_chosen_visit_photos_are_printed(demo_ledger, tmp_path):
    visit_id, visit_date = demo_ledger.conn.execute(
        "SELECT id, visit_date FROM visits WHERE deleted_at IS NULL ORDER BY visit_date DESC LIMIT 1").fetchone()
    month = visit_date[:7]
    att = demo_ledger.attachments
    chosen = att.add("visits", visit_id, jpeg(2400, 1800), name="入户照片.jpg", caption="为独居老人送米面油",
                     in_report=True)
    att.add("visits", visit_id, noise_png(), name="not-chosen.png")
    photos = att.report_photos(date_from=f"{month}-01", date_to="9999-12-31")
    assert [p.caption for p in photos] == ["为独居老人送米面油"] and photos[0].on_date == visit_date
    with_photo = render_monthly_report(demo_ledger, tmp_path / "with.pdf", month=month)
    text = subprocess.run(["pdftotext", str(with_photo), "-"], capture_output=True, text=True).stdout
    assert "工作照片" in text and "为独居老人送米面油" in text
    assert _images(with_photo) == 1
    att.update(chosen.id, in_report=False)
    without = render_monthly_report(demo_ledger, tmp_path / "without.pdf", month=month)
    assert _images(without) == 0
    assert "工作照片" not in subprocess.run(["pdftotext", str(without), "-"], capture_output=True,
                                          text=True).stdout


@needs_poppler
def test_visit_record_pdf_with_its_chosen_photo(demo_ledger, tmp_path):
    from neighbourhood.pdf.visit_record import render_visit_record

    visit_id = demo_ledger.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    att = demo_ledger.attachments
    att.add("visits", visit_id, jpeg(800, 600), name="门口.jpg", caption="老人家门口", in_report=True)
    att.add("visits", visit_id, noise_png(), name="other.png")
    out = render_visit_record(demo_ledger, visit_id, tmp_path / "visit.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "入户走访记录" in text and "家庭基本情况" in text and "老人家门口" in text
    assert _images(out) == 1
    every = [a.id for a in att.list("visits", visit_id)]
    assert _images(render_visit_record(demo_ledger, visit_id, tmp_path / "all.pdf", photo_ids=every)) == 2


@needs_poppler
def test_minutes_print_the_ticked_meeting_photo(demo_ledger, tmp_path):
    from neighbourhood.pdf.minutes import render_minutes

    meeting = demo_ledger.conn.execute("SELECT id FROM meetings WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    plain = render_minutes(demo_ledger, meeting, tmp_path / "plain.pdf")
    assert _images(plain) == 0
    demo_ledger.attachments.add("meetings", meeting, jpeg(600, 400), name="合影.jpg", in_report=True)
    out = render_minutes(demo_ledger, meeting, tmp_path / "minutes.pdf")
    assert _images(out) == 1
    assert "会议照片" in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
