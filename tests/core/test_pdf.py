"""PDF building blocks and the minutes PDF (checked with poppler's pdffonts/pdftotext)."""
from __future__ import annotations

import datetime as _dt
import logging
import re
import shutil
import subprocess

import pytest

from neighbourhood.jobs import Cancelled
from neighbourhood.pdf import fonts
from neighbourhood.pdf.minutes import chinese_number, render_minutes

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
FOOTER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _fonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture
def meeting_id(ledger):
    ledger.community.set("community_name", "幸福里社区居民委员会")
    meetings = ledger.meetings
    meetings.today = lambda: _dt.date(2026, 10, 20)
    detail = meetings.add(
        type="党建联席会议", title="第三季度党建联席会议", meeting_date="2026-10-12",
        start_time="09:00", end_time="11:30", place="社区党群服务中心二楼会议室",
        host="王建国", recorder="刘晓红", open_questions="停车位划线方案待物业测算后再议。",
        attendees=[dict(name="王建国"), dict(name="刘晓红"), dict(name="陈静"),
                   dict(name="李娜", status="缺席", absence_reason="参加街道培训"),
                   dict(name="张经理", kind="outside", unit="绿城物业", status="列席")],
        agenda=[dict(title="老旧小区加装电梯意见征集", discussion="3号楼居民意愿较强，需先做好低层住户沟通。",
                     decision="同意在3号楼先行试点", votes_for=3, votes_against=0, votes_abstain=0,
                     action_items=[dict(what="入户征求3号楼居民意见", owner="陈静", due_date="2026-10-30"),
                                   dict(what="联系街道了解补贴政策", owner="刘晓红", due_date="2026-10-18")]),
                dict(title="冬季防火安全检查", discussion="讨论检查分工。", decision="11月上旬开展楼道杂物清理")])
    return detail.meeting.id


def test_find_cjk_font_prefers_an_embeddable_truetype():
    font = fonts.find_cjk_font()
    if not font.embedded:
        pytest.skip("no TrueType CJK font on this machine")
    assert font.path.suffix.lower() in (".ttf", ".ttc")


def test_fallback_is_the_cid_font_with_a_warning(monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(fonts, "RESOURCES", tmp_path)
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", ())
    monkeypatch.setattr(fonts, "_windows_fonts_dir", lambda: None)
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        font = fonts.find_cjk_font()
    assert not font.embedded
    assert "STSong-Light" in caplog.text


def test_cff_font_is_skipped(monkeypatch, tmp_path):
    bogus = tmp_path / "NotoSansCJK.ttf"
    bogus.write_bytes(b"OTTO" + b"\0" * 200)  # CFF-flavoured OpenType header: unusable
    monkeypatch.setattr(fonts, "RESOURCES", tmp_path)
    font = fonts.find_cjk_font()
    assert font.path != bogus


def test_minutes_pdf_embeds_the_font_and_gives_back_the_chinese(ledger, meeting_id, tmp_path):
    path = render_minutes(ledger, meeting_id, tmp_path / "纪要.pdf")
    assert path.exists() and not list(tmp_path.glob(".*.tmp"))
    rows = _fonts(path)
    assert rows, "no fonts listed"
    if fonts.registered_font() and fonts.registered_font().embedded:
        # every font embedded (no stray Helvetica), as a TrueType subset
        assert all(r[-5] == "yes" for r in rows), rows
    text = _text(path)
    squeezed = re.sub(r"\s+", "", text)
    for expected in ("第三季度党建联席会议", "幸福里社区居民委员会", "同意在3号楼先行试点",
                     "11月上旬开展楼道杂物清理", "王建国", "陈静", "李娜（参加街道培训）",
                     "张经理（绿城物业）", "应到4人，实到3人", "入户征求3号楼居民意见",
                     "主持人（签字）", "记录人（签字）", "停车位划线方案", "逾期"):
        assert expected in squeezed, expected
    pages = FOOTER.findall(text)
    assert pages and pages[0][0] == "1"
    total = int(pages[0][1])
    assert [int(p) for p, _t in pages] == list(range(1, total + 1))
    assert all(int(t) == total for _p, t in pages)


def test_long_minutes_repeat_header_and_number_pages(ledger, tmp_path):
    ledger.meetings.today = lambda: _dt.date(2026, 10, 20)
    agenda = [dict(title=f"议题{n}", discussion="讨论内容。" * 60, decision=f"决议{n}",
                   action_items=[dict(what=f"事项{n}-{k}", owner="陈静", due_date="2026-12-01")
                                 for k in range(4)]) for n in range(1, 13)]
    detail = ledger.meetings.add(type="居委会例会", title="长会议", meeting_date="2026-10-12", agenda=agenda)
    path = render_minutes(ledger, detail.meeting.id, tmp_path / "long.pdf")
    text = _text(path)
    pages = FOOTER.findall(text)
    assert len(pages) >= 3
    assert pages[-1] == (str(len(pages)), str(len(pages)))
    # the action items table spans pages: its header row is printed again
    assert len(re.findall(r"对应决议", text)) >= 2
    assert "十二" in chinese_number(12) and chinese_number(20) == "二十"


def test_cancelled_build_writes_nothing(ledger, meeting_id, tmp_path):
    out = tmp_path / "out"
    calls = []

    def abort_during_layout() -> bool:  # let preparation pass, stop while laying out
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        render_minutes(ledger, meeting_id, out / "cancelled.pdf", abort=abort_during_layout)
    assert len(calls) > 3
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


def test_progress_is_reported(ledger, meeting_id, tmp_path):
    seen = []
    render_minutes(ledger, meeting_id, tmp_path / "p.pdf", progress=lambda d, t, text="": seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
