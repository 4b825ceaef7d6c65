"""Every roster kind exports on the demo; the hardship rosters hold the enrolled, masked once."""
from __future__ import annotations

import re

import openpyxl
import pytest

from neighbourhood.excel import ROSTER_KINDS, export_roster


@pytest.mark.parametrize("kind", sorted(ROSTER_KINDS))
def test_every_kind_exports_on_the_demo(demo_ledger, tmp_path, kind):
    out = tmp_path / "roster.xlsx"
    export_roster(demo_ledger, kind, out=out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value.endswith(ROSTER_KINDS[kind].title)
    headers = [c.value for c in sheet[3]]
    assert headers[: len(ROSTER_KINDS[kind].columns)] == [c.header for c in ROSTER_KINDS[kind].columns]


def test_dibao_roster_rows_and_masking(demo_ledger, tmp_path):
    out = tmp_path / "dibao.xlsx"
    export_roster(demo_ledger, "hardship:低保", out=out)
    enrolled = demo_ledger.hardship.list(category="低保", status="在册")
    assert enrolled  # the demo has 低保 households
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    rows = [r for r in rows if isinstance(r[0], int)]
    assert len(rows) == len(enrolled)
    for row in rows:
        assert re.fullmatch(r"\d{6}\*{8}[\dX]{4}", row[2])
        assert row[6] is None or re.fullmatch(r"1\d\d\*{4}\d{4}", row[6])
