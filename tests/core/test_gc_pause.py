"""One "no cyclic GC during a bulk pass" wrapper (``db.gc_pause.no_cyclic_gc``), used by the
Excel reader, the import check and ``Writer.bulk``."""
from __future__ import annotations

import gc
import pathlib

import pytest

from db import gc_pause, writes
from neighbourhood.excel import importer, reader


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_off_inside_and_back_on_after_even_on_an_error():
    with gc_pause.no_cyclic_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with gc_pause.no_cyclic_gc():
            assert not gc.isenabled()
            raise ValueError
    assert gc.isenabled()


def test_left_off_when_it_was_off_and_nested_blocks_keep_it_off():
    with gc_pause.no_cyclic_gc():
        with gc_pause.no_cyclic_gc():
            pass
        assert not gc.isenabled()            # the inner block does not turn it back on
    assert gc.isenabled()
    gc.disable()
    with pytest.raises(KeyError):
        with gc_pause.no_cyclic_gc():
            raise KeyError
    assert not gc.isenabled()                # someone else's choice is kept


def test_the_three_bulk_passes_use_the_one_wrapper():
    assert reader.no_cyclic_gc is importer.no_cyclic_gc is writes.no_cyclic_gc is gc_pause.no_cyclic_gc
    root = pathlib.Path(__file__).resolve().parents[2]
    own = [str(f.relative_to(root)) for package in ("db", "neighbourhood") for f in (root / package).rglob("*.py")
           if "gc.disable()" in f.read_text(encoding="utf-8")]
    assert own == ["db/gc_pause.py"]


def test_reading_and_checking_a_sheet_run_without_it_and_restore_it(monkeypatch, tmp_path, ledger):
    seen = []

    def failing(*_args, **_kw):
        seen.append(gc.isenabled())
        raise RuntimeError("boom")

    path = tmp_path / "t.csv"
    path.write_text("姓名,身份证号,住址\n张伟,1,1栋101\n", encoding="utf-8")
    monkeypatch.setattr(reader, "_read_table", failing)
    with pytest.raises(RuntimeError):
        reader.read_table(path)
    monkeypatch.undo()
    table = reader.read_table(path)
    monkeypatch.setattr(importer, "_validate", failing)
    with pytest.raises(RuntimeError):
        importer.validate_import(ledger, table, {0: "name", 1: "id_number", 2: "address"})
    assert seen == [False, False]
    assert gc.isenabled()
