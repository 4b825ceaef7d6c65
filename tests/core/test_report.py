"""The monthly report (月报): figures against a hand-counted ledger, and the PDF's text and font."""
from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess

import pytest

from neighbourhood.access import GRID_WORKER
from neighbourhood.errors import ValidationError
from neighbourhood.reports import month_period, monthly_figures

D = _dt.date


@pytest.fixture
def world(ledger):
    """3 households in 2 grids; residents arriving/leaving in and around 2026-10.

    At the end of October: 张一 (户籍, 登记 in Sept), 李二 (流动, 迁入 10-05), 婴儿 (户籍, 出生 10-20),
    陈五 (常住, 登记 in Sept) = 4.  Not counted: 赵四 (迁出 10-10), 周六 (迁入 11-05), 吴七 (死亡 09-15).
    """
    l = ledger
    g1 = l.grids.add(name="第一网格", worker_name="李娜").id
    g2 = l.grids.add(name="第二网格", worker_name="王建国").id
    b1 = l.buildings.add(grid_id=g1, name="1栋").id
    b2 = l.buildings.add(grid_id=g2, name="2栋").id
    h1 = l.households.add(building_id=b1, unit="101").id
    h2 = l.households.add(building_id=b1, unit="102").id
    h3 = l.households.add(building_id=b2, unit="201").id
    sept = D(2026, 9, 1)
    l.residents.add(household_id=h1, name="张一", sex="男", birth_date="1950-01-01", relation="户主", on=sept)
    l.residents.add(household_id=h1, name="李二", sex="女", birth_date="1990-02-02", relation="其他",
                    residence_status="流动", event="迁入", on=D(2026, 10, 5))
    l.residents.add(household_id=h2, name="婴儿", sex="女", birth_date="2026-10-20", relation="子女",
                    event="出生", on=D(2026, 10, 20))
    zhao = l.residents.add(household_id=h2, name="赵四", sex="男", birth_date="1980-03-03", relation="户主", on=sept)
    l.residents.mark_left(zhao.id, on=D(2026, 10, 10))
    l.residents.add(household_id=h3, name="陈五", sex="男", birth_date="1970-04-04", relation="户主",
                    residence_status="常住", on=sept)
    l.residents.add(household_id=h3, name="周六", sex="女", birth_date="1985-05-05", relation="配偶",
                    event="迁入", on=D(2026, 11, 5))
    wu = l.residents.add(household_id=h3, name="吴七", sex="男", birth_date="1930-06-06", relation="父母", on=sept)
    l.residents.mark_deceased(wu.id, on=D(2026, 9, 15))
    l.users.add(username="grid1", display_name="李娜", password="demo1234", role=GRID_WORKER, grid_ids=[g1])
    l.visits.record(household_id=h1, visit_date="2026-10-12", visitors=[dict(name="李娜", role="网格员")],
                    situation="身体尚可")
    l.hardship.enrol(category="低保", household_id=h1, status="在册", on="2026-10-08")
    l.meetings.add(type="居委会例会", title="十月例会", meeting_date="2026-10-15",
                   agenda=[dict(title="楼道杂物清理", decision="本月底前清理完毕",
                                action_items=[dict(what="通知各楼栋", owner="李娜", due_date="2026-10-30")])])
    l.meetings.today = lambda: D(2026, 11, 23)
    return dict(ledger=l, g1=g1, g2=g2)


def test_month_period():
    assert month_period("2026-10") == ("2026-10-01", "2026-11-01")
    assert month_period("2026-12") == ("2026-12-01", "2027-01-01")
    with pytest.raises(ValidationError):
        month_period("2026-13")


def test_figures_match_hand_counts(world):
    f = monthly_figures(world["ledger"], month="2026-10", today=D(2026, 11, 23))
    p = f.population
    assert (f.date_from, f.date_to, f.period_label, f.scope_label) == \
        ("2026-10-01", "2026-11-01", "2026年10月", "全社区")
    assert p.households == 3
    assert p.residents == 4
    assert p.by_status == {"户籍": 2, "常住": 1, "流动": 1}
    assert (p.moved_in, p.moved_out, p.births, p.deaths) == (1, 1, 1, 0)
    assert p.events.get("登记", 0) == 0
    assert sum(g.visits for g in f.visits.by_grid) == 1
    assert {v.visitor: v.visits for v in f.visits.by_visitor if v.visits} == {"李娜": 1}
    dibao = f.hardship.dibao
    assert (dibao.enrolled_households, dibao.new, dibao.exited) == (1, 1, 0)
    assert f.meetings.by_type["居委会例会"] == 1
    assert f.meetings.decisions == 1
    assert (f.meetings.actions_open, f.meetings.actions_overdue) == (1, 1)
    assert f.has_population and f.has_visits and f.has_hardship and f.has_meetings
    assert not f.has_needs


def test_figures_for_one_grid_and_other_periods(world):
    l = world["ledger"]
    g1 = monthly_figures(l, month="2026-10", grid_id=world["g1"])
    assert (g1.population.households, g1.population.residents) == (2, 3)
    assert (g1.population.moved_in, g1.population.moved_out, g1.population.births) == (1, 1, 1)
    assert g1.scope_label == "第一网格" and g1.community_wide
    g2 = monthly_figures(l, month="2026-10", grid_id=world["g2"])
    assert (g2.population.residents, g2.population.events) == (1, {})
    assert sum(g.visits for g in g2.visits.by_grid) == 0
    sept = monthly_figures(l, month="2026-09")
    assert sept.population.residents == 3   # 张一, 赵四, 陈五 (吴七 died in Sept)
    assert sept.population.deaths == 1 and sept.population.events["登记"] == 4
    span = monthly_figures(l, date_from="2026-10-01", date_to="2026-11-06")
    assert span.period_label == "2026年10月1日至2026年11月5日"
    assert span.population.residents == 5 and span.population.moved_in == 2
    with pytest.raises(ValidationError):
        monthly_figures(l, date_from="2026-10-05", date_to="2026-10-01")


def test_empty_ledger_sections_say_no_data(ledger):
    f = monthly_figures(ledger, month="2026-10")
    assert not (f.has_population or f.has_visits or f.has_meetings or f.has_needs)


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@needs_poppler
def test_pdf_text_and_embedded_font(world, tmp_path):
    from neighbourhood.pdf.report import render_monthly_report

    steps = []
    out = render_monthly_report(world["ledger"], tmp_path / "report.pdf", month="2026-10",
                                progress=lambda d, t, text="": steps.append((d, t)))
    assert steps and steps[-1][0] == steps[-1][1]
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "月报（2026年10月）" in text
    assert "统计期间：2026年10月1日至2026年10月31日" in text
    assert "统计范围：全社区" in text
    assert re.search(r"在册人数\s+4\b", text)
    assert re.search(r"第一网格", text) and "最低生活保障" in text
    assert "填报人" in text and "盖章处" in text
    assert re.search(r"第\s*1\s*页\s*共\s*\d+\s*页", text)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts   # every font embedded (no Helvetica)


@needs_poppler
def test_pdf_of_empty_ledger_says_no_data(ledger, tmp_path):
    from neighbourhood.pdf.report import render_monthly_report

    out = render_monthly_report(ledger, tmp_path / "empty.pdf", month="2026-10")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "本期无走访数据" in text and "本期未召开会议" in text


def test_cancel_leaves_no_file(world, tmp_path):
    from neighbourhood.jobs import Cancelled
    from neighbourhood.pdf.report import render_monthly_report

    with pytest.raises(Cancelled):
        render_monthly_report(world["ledger"], tmp_path / "x.pdf", month="2026-10", abort=lambda: True)
    assert list(tmp_path.glob("*.pdf")) == []


def test_visits_by_month_counts_real_visits_only(world):
    from neighbourhood.reports import visits_by_month

    l = world["ledger"]
    household = l.visits.schedule(today=D(2026, 11, 23))[0].household_id
    l.visits.record(household_id=household, visit_date="2026-11-02", visitors=[dict(name="李娜", role="网格员")],
                    nobody_home=True)                   # 未遇: not a visit
    l.visits.record(household_id=household, visit_date="2026-11-03", visitors=[dict(name="李娜", role="网格员")],
                    situation="复访")
    assert visits_by_month(l, months=3, today=D(2026, 11, 23)) == [("2026-09", 0), ("2026-10", 1), ("2026-11", 1)]
    assert visits_by_month(l, months=1, today=D(2027, 1, 5)) == [("2027-01", 0)]


@pytest.fixture
def three_grids(ledger):
    """第一/第二/第三网格 (sort order 0, 1, 2; by code point 三 sorts before 二), one household each.

    Hand count at the end of October: 户籍 2 (孙甲, 钱乙), 常住 2 (郑丙, 郑丁: a 人在户不在 household,
    户口 elsewhere in the city), 流动 1 (冯戊) = 5 residents, 3 households.
    """
    l = ledger
    grids = [l.grids.add(name=name, worker_name=worker, sort_no=i).id
             for i, (name, worker) in enumerate((("第一网格", "赵敏"), ("第二网格", "李娜"), ("第三网格", "王建国")))]
    homes = [l.households.add(building_id=l.buildings.add(grid_id=g, name=f"{i + 1}栋").id, unit="101",
                              separated="人在户不在" if i == 1 else None).id
             for i, g in enumerate(grids)]
    for i, (g, worker) in enumerate(zip(grids, ("赵敏", "李娜", "王建国"))):
        l.users.add(username=f"grid{i + 1}", display_name=worker, password="demo1234", role=GRID_WORKER,
                    grid_ids=[g])
    sept = D(2026, 9, 1)
    l.residents.add(household_id=homes[0], name="孙甲", sex="男", birth_date="1960-01-01", relation="户主", on=sept)
    l.residents.add(household_id=homes[0], name="钱乙", sex="女", birth_date="1962-01-01", relation="配偶", on=sept)
    for name, relation in (("郑丙", "户主"), ("郑丁", "配偶")):
        l.residents.add(household_id=homes[1], name=name, sex="男", birth_date="1975-01-01", relation=relation,
                        residence_status="常住", hukou_address="济南市历下区", on=sept)
    l.residents.add(household_id=homes[2], name="冯戊", sex="女", birth_date="1995-01-01", relation="户主",
                    residence_status="流动", on=sept)
    for home, worker in zip(homes, ("赵敏", "李娜", "王建国")):
        l.visits.record(household_id=home, visit_date="2026-10-12", visitors=[dict(name=worker, role="网格员")],
                        situation="正常")
    # a volunteer who is no grid's worker comes after the grid workers
    l.visits.record(household_id=homes[2], visit_date="2026-10-20", visitors=[dict(name="艾志愿", role="志愿者")],
                    situation="复访")
    return l


def test_population_by_category_hand_counted(three_grids):
    p = monthly_figures(three_grids, month="2026-10", today=D(2026, 11, 23)).population
    assert (p.households, p.residents) == (3, 5)
    assert p.by_status == {"户籍": 2, "常住": 2, "流动": 1}


def test_grids_and_grid_workers_in_the_ledgers_order(three_grids):
    f = monthly_figures(three_grids, month="2026-10", today=D(2026, 11, 23))
    assert [g.grid_name for g in f.visits.by_grid] == ["第一网格", "第二网格", "第三网格"]
    assert [g.visits for g in f.visits.by_grid] == [1, 1, 2]
    assert [v.visitor for v in f.visits.by_visitor] == ["赵敏", "李娜", "王建国", "艾志愿"]


@needs_poppler
def test_pdf_lists_grids_in_the_ledgers_order(three_grids, tmp_path):
    from neighbourhood.pdf.report import render_monthly_report

    out = render_monthly_report(three_grids, tmp_path / "report.pdf", month="2026-10")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    rows = [line.split()[0] for line in text.splitlines() if re.match(r"\s*第[一二三]网格\s+\d", line)]
    assert rows == ["第一网格", "第二网格", "第三网格"], text
    assert re.search(r"常住人口\s+2\b", text) and re.search(r"户籍人口\s+2\b", text)
    assert "所管网格应访" in text      # the visitors table's header on one line, not "所管网格应" / "访"


def test_demo_has_changzhu_residents(demo_path):
    """The demo's 人在户不在 households live here with 户口 elsewhere: their members are 常住 (not 0)."""
    from neighbourhood.demo import DEMO_PASSWORD
    from neighbourhood.ledger import Ledger

    with Ledger.unlock(demo_path, username="admin", password=DEMO_PASSWORD) as l:
        expected = l.conn.execute("""
            SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
            WHERE h.separated = '人在户不在' AND r.residence_status = '常住' AND r.deleted_at IS NULL
              AND r.status = '在册'""").fetchone()[0]
        others = l.conn.execute("""
            SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
            WHERE coalesce(h.separated, '') <> '人在户不在' AND r.residence_status = '常住'""").fetchone()[0]
        f = monthly_figures(l, month=l.visits.today().strftime("%Y-%m"))
    assert expected > 0 and others == 0
    assert f.population.by_status["常住"] == expected
