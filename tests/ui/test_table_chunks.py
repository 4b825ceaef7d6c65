"""The residents table paints from the first chunk of ids and appends the rest."""
from __future__ import annotations

from ui.residents import table_model
from ui.residents.table_model import ResidentTableModel


def test_ids_arrive_in_chunks_and_end_complete(qtbot, demo_ledger, monkeypatch, qtmodeltester):
    everyone = len(demo_ledger.listing.rowids())
    monkeypatch.setattr(table_model, "FIRST_CHUNK", 50)
    monkeypatch.setattr(table_model, "FILL_CHUNK", 70)
    model = ResidentTableModel(demo_ledger)
    model.reload()
    assert model.rowCount() == 50 and not model.complete   # painted before all ids are read
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert model.rowCount() == everyone
    assert list(model._ids) == list(demo_ledger.listing.rowids())  # same order as one query
    qtmodeltester.check(model)


def test_finding_a_row_loads_the_rest(qtbot, demo_ledger, monkeypatch):
    monkeypatch.setattr(table_model, "FIRST_CHUNK", 10)
    model = ResidentTableModel(demo_ledger)
    model.reload()
    last = demo_ledger.listing.rowids()[-1]
    assert model.row_of_rowid(last) == len(demo_ledger.listing.rowids()) - 1
