"""The search box: debounced search, filters, masking, Enter opens the household."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ui.search.results_model import SearchResultsModel
from ui.search.search_bar import SearchBar


def _first_resident(ledger):
    return ledger.conn.execute(
        "SELECT name, id_number, household_id FROM residents WHERE status = '在册' LIMIT 1").fetchone()


def test_results_model_passes_modeltester(qtmodeltester, demo_ledger):
    model = SearchResultsModel()
    model.set_hits(demo_ledger.search.find("张"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_typing_searches_latest_text_and_enter_opens_household(qtbot, demo_ledger):
    bar = SearchBar(demo_ledger)
    qtbot.addWidget(bar)
    name, id_number, household_id = _first_resident(demo_ledger)
    bar.edit.setText("zzzzz")       # an earlier keystroke …
    bar.edit.setText(name)          # … replaced before the debounce fires
    qtbot.waitUntil(lambda: bar.model.rowCount() > 0, timeout=2000)
    first = bar.model.hit(0)
    assert first.title == name and first.kind == "resident"
    assert "*" in first.id_number and first.id_number != id_number   # masked by default
    with qtbot.waitSignal(bar.householdChosen, timeout=1000) as blocker:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert blocker.args == [household_id]


def test_id_tail_and_grid_filter(qtbot, demo_ledger):
    bar = SearchBar(demo_ledger)
    qtbot.addWidget(bar)
    name, id_number, household_id = _first_resident(demo_ledger)
    bar.edit.setText(id_number[-6:])
    bar.run_search()
    assert name in [bar.model.hit(r).title for r in range(bar.model.rowCount())]
    grid_of = demo_ledger.households.grid_of(household_id)
    other = next(i for i in range(1, bar.grid.count()) if bar.grid.itemData(i) != grid_of)
    bar.grid.setCurrentIndex(other)
    bar.run_search()
    assert name not in [bar.model.hit(r).title for r in range(bar.model.rowCount())]


def test_enter_before_debounce_uses_latest_text(qtbot, demo_ledger):
    bar = SearchBar(demo_ledger)
    qtbot.addWidget(bar)
    name, _id, household_id = _first_resident(demo_ledger)
    bar.edit.setText(name)
    with qtbot.waitSignal(bar.householdChosen, timeout=1000) as blocker:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)   # no wait for the timer
    assert blocker.args == [household_id]
