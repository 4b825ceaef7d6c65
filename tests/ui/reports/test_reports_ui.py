"""Monthly report page (worker writes the PDF) and the home dashboard tiles."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt


def test_dashboard_model_passes_modeltester(qtmodeltester, demo_ledger):
    from ui.dashboard.page import DashboardPage

    page = DashboardPage(demo_ledger)
    qtmodeltester.check(page.model)


def test_dashboard_tiles_show_counts_and_navigate(qtbot, demo_ledger):
    from ui.dashboard.page import DashboardPage

    page = DashboardPage(demo_ledger, today=_dt.date.today())
    qtbot.addWidget(page)
    counts = demo_ledger.counts()
    assert page.value("households") == counts["households"]
    assert page.value("residents") == counts["residents"]
    assert page.buttons["households"].text().startswith(str(counts["households"]))
    overdue = len(demo_ledger.visits.schedule(status="overdue"))
    assert page.value("visits_overdue") == overdue
    assert any(k.startswith("hardship:") for k in page.buttons)
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        qtbot.mouseClick(page.buttons["visits_overdue"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["visits"]
    with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
        page.buttons["residents"].click()
    assert blocker.args == ["registry"]


def test_reports_page_generates_on_worker(qtbot, demo_ledger, tmp_path):
    from ui.reports.page import ReportsPage

    page = ReportsPage(demo_ledger)
    qtbot.addWidget(page)
    assert page.grid_combo.count() == len(demo_ledger.grids.list()) + 1
    page.set_month("2026-10")
    assert page.month() == "2026-10"
    target = tmp_path / "r.pdf"
    with qtbot.waitSignal(page.generated, timeout=30000) as blocker:
        assert page.generate(str(target)) is not None
    assert blocker.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert page.save_button.isEnabled() and not page.busy
    copy = page.save_as(str(tmp_path / "copy.pdf"))
    assert copy and (tmp_path / "copy.pdf").stat().st_size == target.stat().st_size


def test_reports_page_for_one_grid(qtbot, demo_ledger):
    from ui.reports.page import ReportsPage

    page = ReportsPage(demo_ledger)
    qtbot.addWidget(page)
    page.grid_combo.setCurrentIndex(1)
    with qtbot.waitSignal(page.generated, timeout=30000) as blocker:
        page.generate()
    assert blocker.args[0].endswith(".pdf")


def test_dashboard_charts_show_service_figures_and_open_their_lists(qtbot, demo_ledger):
    from neighbourhood.reports import visits_by_month
    from ui.dashboard.page import DashboardPage

    today = _dt.date.today()
    page = DashboardPage(demo_ledger, today=today)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    hardship = page.charts["hardship"]
    counts = demo_ledger.hardship.counts(date_from=today.replace(day=1).isoformat(),
                                         date_to=(today.replace(day=28) + _dt.timedelta(days=4)).replace(day=1).isoformat())
    expected = {c.name: c.enrolled_persons for c in counts.categories.values() if c.enrolled_persons}
    assert dict(zip(hardship.labels, hardship.totals())) == expected
    assert page.charts["visits_by_month"].values == [n for _m, n in visits_by_month(demo_ledger, today=today)]
    assert len(page.charts["visits_by_month"].values) == 6
    by_grid = page.charts["visits_by_grid"]
    overdue = len(demo_ledger.visits.schedule(today=today, status="overdue"))
    never = len(demo_ledger.visits.schedule(today=today, status="never_visited"))
    assert sum(by_grid.series[0]) == overdue and sum(by_grid.series[2]) == never
    assert by_grid.labels == [g.name for g in demo_ledger.grids.list() if g.name in by_grid.labels]
    page.grab()   # paints every chart without error
    for key, area in (("hardship", "hardship"), ("visits_by_month", "visits"), ("visits_by_grid", "visits")):
        with qtbot.waitSignal(page.navigate, timeout=1000) as blocker:
            qtbot.mouseClick(page.charts[key], Qt.MouseButton.LeftButton)
        assert blocker.args == [area]


def test_dashboard_charts_on_an_empty_ledger(qtbot, ledger):
    from ui.dashboard.page import DashboardPage

    page = DashboardPage(ledger)
    qtbot.addWidget(page)
    assert page.charts["hardship"].labels == [] and page.charts["visits_by_grid"].labels == []
    assert page.charts["visits_by_month"].values == [0] * 6
    page.grab()


def test_tiles_and_bars_open_the_list_behind_them(qtbot, demo_ledger):
    from PySide6.QtCore import QPoint

    from ui.dashboard.page import DashboardPage

    page = DashboardPage(demo_ledger, today=_dt.date.today())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    with qtbot.waitSignal(page.open_list, timeout=1000) as blocker:
        page.buttons["visits_overdue"].click()
    assert blocker.args == ["visits", {"status": "overdue"}]
    with qtbot.waitSignal(page.open_list, timeout=1000) as blocker:
        page.buttons["reviews_due"].click()
    assert blocker.args == ["hardship", {"review": "due"}]
    code = next(k.split(":", 1)[1] for k in page.buttons if k.startswith("hardship:"))
    with qtbot.waitSignal(page.open_list, timeout=1000) as blocker:
        page.buttons[f"hardship:{code}"].click()
    assert blocker.args == ["hardship", {"category": code}]
    # a bar: the second grid's row of the due-per-grid chart
    chart = page.charts["visits_by_grid"]
    chart.grab()                                  # lays out the rows
    top, height = chart._rows_at
    assert height > 0 and chart.row_at(top + 1.5 * height) == 1 and chart.row_at(top - 1) is None
    grid_ids = [g.id for g in demo_ledger.grids.list()]
    with qtbot.waitSignal(page.open_list, timeout=1000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, int(top + 1.5 * height)))
    assert blocker.args == ["visits", {"grid_id": grid_ids[1]}]
    with qtbot.assertNotEmitted(page.open_list):          # the title: the whole area, no filter
        with qtbot.waitSignal(page.navigate, timeout=1000):
            qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, 5))


def test_main_window_narrows_the_area_page(qtbot, demo_ledger):
    from ui.main_window import MainWindow
    from ui.signals import emit

    win = MainWindow(demo_ledger)
    qtbot.addWidget(win)
    emit(win.dashboard.open_list, "visits", {"status": "overdue"})
    assert win.nav.currentRow() == win.area_rows["visits"]
    overdue = len(demo_ledger.visits.schedule(status="overdue"))
    assert win.visits.status_filter.currentData() == "overdue"
    assert win.visits.schedule_model.rowCount() == overdue
    grid = demo_ledger.grids.list()[0]
    emit(win.dashboard.open_list, "visits", {"grid_id": grid.id})
    assert win.visits.grid_filter.currentData() == grid.id
    assert win.visits.schedule_model.rowCount() == len(demo_ledger.visits.schedule(
        grid_id=grid.id, status=("overdue", "never_visited", "due_this_week")))
    code = next(c for c, cat in demo_ledger.hardship.counts(date_from="2000-01-01", date_to="2100-01-01")
                .categories.items() if cat.enrolled_persons and not cat.derived)
    emit(win.dashboard.open_list, "hardship", {"category": code})
    assert win.nav.currentRow() == win.area_rows["hardship"]
    assert win.hardship.current_category == code and win.hardship.status_filter.currentData() == "在册"
    emit(win.dashboard.open_list, "hardship", {"review": "due"})
    assert win.hardship.review_filter.currentData() == "due"


def test_reports_page_cancel_leaves_no_file(qtbot, demo_ledger, tmp_path, hold_until_cancel):
    from PySide6.QtWidgets import QPushButton

    import ui.reports.page as page_module
    from ui.reports.page import ReportsPage

    held = hold_until_cancel(page_module, "write_monthly_pdf")
    page = ReportsPage(demo_ledger)
    qtbot.addWidget(page)
    failed = []
    page.failed.connect(failed.append)
    out = tmp_path / "out"
    out.mkdir()
    job = page.generate(str(out / "r.pdf"))
    assert job.dialog.labelText() == "Generating the monthly report…"
    assert page.busy and not page.generate_button.isEnabled() and page.generate() is None
    assert held.waiting.wait(10) and held.temp.exists()      # mid-write: the temporary file is there
    job.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    assert page.status.text() == "Cancelled." and failed == []
    assert list(out.iterdir()) == [] and not held.temp.exists() and page.path is None
    assert page.generate_button.isEnabled() and not page.save_button.isEnabled()
