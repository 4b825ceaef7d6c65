"""Compile a :class:`Template` into one SQL query and walk its rows with subtotals.

:func:`compile_template` gives a :class:`Plan` (the output columns, the SQL
and its count query); :func:`runs` streams ``("rows", first n, [values…])``,
``("subtotal", group, count, sums)`` and ``("total", count, sums)`` (and
:func:`events` the same a row at a time) so the xlsx and PDF writers and the
preview share grouping and numbering.  Reads only; safe on a
worker thread.  Nothing is masked here — the writers mask per column.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from itertools import count, groupby, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from db.queries import roster_builder as q
from neighbourhood.excel.sheet import FAST_MASKERS
from neighbourhood.rosters.fields import BLANK, NUMBER, SEQ, TEXT
from neighbourhood.rosters.template import Template, validate

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


@dataclasses.dataclass(frozen=True)
class OutColumn:
    header: str
    type: str                      # text / date / number
    width: float
    kind: str                      # field / seq / blank
    index: int | None = None       # position in the SQL row (field columns)
    mask: str | None = None


@dataclasses.dataclass(frozen=True)
class Plan:
    template: Template
    columns: tuple[OutColumn, ...]
    sql: str
    params: list[Any]
    count_sql: str
    count_params: list[Any]
    group_index: int | None        # position of the group value in the SQL row
    group_label: str
    sum_columns: tuple[int, ...]   # output columns summed in subtotals
    unit: str

    def count(self, ledger: "Ledger") -> int:
        return q.count(ledger.conn, self.count_sql, self.count_params)

    def rows(self, ledger: "Ledger") -> Iterator[tuple]:
        return q.stream(ledger.conn, self.sql, self.params)


def compile_template(t: Template, *, today: _dt.date | None = None,
                     grid_ids: Sequence[str] | None = None) -> Plan:
    """Validate ``t`` and build its query (``grid_ids`` limits rows to those grids)."""
    validate(t)
    today = today or _dt.date.today()
    keys: list[str] = []
    index: dict[str, int] = {}

    def select(key: str) -> int:
        if key not in index:
            index[key] = len(keys)
            keys.append(key)
        return index[key]

    columns = []
    for c in t.columns:
        header = t.header_of(c)
        if c.field == SEQ:
            columns.append(OutColumn(header, NUMBER, c.width or 6, "seq"))
        elif c.field == BLANK:
            columns.append(OutColumn(header, TEXT, c.width or 12, "blank"))
        else:
            f = t.field(c.field)
            columns.append(OutColumn(header, f.type, c.width or f.width, "field", select(c.field), f.mask))
    group_index = select(t.group_by) if t.group_by else None
    sums = tuple(i for i, (spec, col) in enumerate(zip(t.columns, columns))
                 if col.kind == "field" and spec.field in t.subtotal_sums)
    filters = [(f.field, f.op, f.value) for f in t.filters]
    sort = [(s.field, s.descending) for s in t.sort]
    if t.group_by:
        sort = [(t.group_by, False), *[s for s in sort if s[0] != t.group_by]]
    sql, params = q.compile_select(t.entity, keys, filters=filters, sort=sort, today=today, grid_ids=grid_ids)
    count_sql, count_params = q.compile_select(t.entity, [], filters=filters, today=today, grid_ids=grid_ids,
                                               count=True)
    return Plan(t, tuple(columns), sql, params, count_sql, count_params, group_index,
                t.field(t.group_by).label if t.group_by else "", sums, t.unit or t.entity_def.unit)


def events(plan: Plan, rows: Iterator[tuple]) -> Iterator[tuple]:
    """Rows numbered 1.. with ``("subtotal", …)`` after each group and one ``("total", …)``.

    One ``("row", n, values)`` per row; :func:`runs` gives the same in runs of rows.
    """
    for event in runs(plan, rows):
        if event[0] == "rows":
            yield from zip(repeat("row"), count(event[1]), event[2])
        else:
            yield event


def runs(plan: Plan, rows: Iterator[tuple], size: int = 2000) -> Iterator[tuple]:
    """``("rows", first n, [values, …])`` (at most ``size`` rows, never across a group), with
    ``("subtotal", group, count, sums)`` after each group and one ``("total", count, sums)``.

    Sums skip empty and non-numeric cells.  Without grouping (or with
    ``subtotals`` off) only the rows and the final total are produced.
    """
    rows = iter(rows)
    gi = plan.group_index if plan.template.subtotals else None
    sum_src = [(c, plan.columns[c].index) for c in plan.sum_columns]
    totals = dict.fromkeys(plan.sum_columns, 0)
    n = 0
    if gi is None and not sum_src:
        while block := list(islice(rows, size)):
            yield ("rows", n + 1, block)
            n += len(block)
        yield ("total", n, totals)
        return
    # Rows come sorted by the group: each group is one run of groupby (cut in blocks of
    # ``size``); sums are added row by row in order, as a running total would be.
    for group, members in groupby(rows, itemgetter(gi) if gi is not None else _one_group):
        g_count, g_sums = 0, dict.fromkeys(plan.sum_columns, 0)
        while block := list(islice(members, size)):
            for c, i in sum_src:
                g, t = g_sums[c], totals[c]
                for v in map(itemgetter(i), block):
                    if v.__class__ in _NUMBERS:
                        g += v
                        t += v
                g_sums[c], totals[c] = g, t
            yield ("rows", n + 1, block)
            n += len(block)
            g_count += len(block)
        if gi is not None:
            yield ("subtotal", group, g_count, g_sums)
    yield ("total", n, totals)


def _one_group(row: tuple) -> None:
    return None


_NUMBERS = (int, float)      # what sums count (not bool, text or empty cells)


def display_text(column: OutColumn, value: Any, *, full: bool) -> str:
    """A field cell as the PDF and the preview print it: empty for none, a NUMBER column's
    decimals as :func:`number_text`, ID numbers and phones masked unless ``full``."""
    if value is None or value == "":
        return ""
    if column.type == NUMBER and isinstance(value, float):
        value = number_text(value)
    text = str(value)
    masker = None if full else FAST_MASKERS.get(column.mask or "")
    return masker(text) if masker else text


def number_text(value: float) -> float | int:
    """A sum as shown: whole numbers without '.0', money to the fen."""
    return int(value) if float(value).is_integer() else round(value, 2)
