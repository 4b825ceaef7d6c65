"""A long table laid out one page at a time, with its header row at the top of every page.

reportlab splits one long ``Table`` page by page, and each split measures all
the rows still to come (quadratic in the rows); cutting the rows into fixed
pieces instead makes each piece start with its header row wherever it lands,
often mid-page.  :class:`PagedTable` makes a reportlab ``Table`` only of the
rows that can fit where it is drawn (about one page), lets reportlab split that,
and keeps the rest for the next page: linear time, one header per page.
"""
from __future__ import annotations

from typing import Any, Sequence

from reportlab.platypus import Flowable, Table, TableStyle

_FIRST_GUESS = 60            # rows tried on the first page; later pages try what fitted before


class PagedTable(Flowable):
    """``header`` then ``rows`` (lists of cells) with ``base_style`` for the whole table and
    ``row_styles[i]`` = [(command, first col, last col, *args), …] for row ``i`` of ``rows``.
    Rows are never cut across pages; the header repeats on every page."""

    def __init__(self, header: list[Any], rows: Sequence[list[Any]], row_styles: dict[int, list[tuple]],
                 col_widths: Sequence[float], base_style: Sequence[tuple], *, start: int = 0,
                 guess: int = _FIRST_GUESS):
        super().__init__()
        self.hAlign = "CENTER"        # as a reportlab Table: the page pieces and the last one line up
        self.header, self.rows, self.row_styles = header, rows, row_styles
        self.col_widths, self.base_style = list(col_widths), list(base_style)
        self.start, self.guess = start, max(guess, 8)
        self._table: Table | None = None

    def _piece(self, count: int) -> Table:
        end = min(self.start + count, len(self.rows))
        style = list(self.base_style)
        for r in range(self.start, end):
            for command, c0, c1, *args in self.row_styles.get(r, ()):
                row = r - self.start + 1
                style.append((command, (c0, row), (c1, row), *args))
        table = Table([self.header, *self.rows[self.start:end]], colWidths=self.col_widths, repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    def _left(self) -> int:
        return len(self.rows) - self.start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._left() <= self.guess:
            self._table = self._piece(self._left())
            return self._table.wrap(avail_width, avail_height)
        # More rows than fit on a page: too tall, so the frame asks for a split.
        self._table = None
        return avail_width, avail_height + 1

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count = self.guess
        while True:
            piece = self._piece(count)
            parts = piece.split(avail_width, avail_height)
            if not parts:
                return []                              # not even one row fits here: next page
            if len(parts) == 1 and count < self._left():
                count *= 2                             # the whole guess fitted: try more rows
                continue
            if len(parts) == 1:
                return parts                           # the rest fits here
            fitted = len(parts[0]._cellvalues) - 1     # data rows on this page (header excluded)
            rest = PagedTable(self.header, self.rows, self.row_styles, self.col_widths, self.base_style,
                              start=self.start + fitted, guess=fitted + fitted // 4 + 2)
            return [parts[0], rest]

    def draw(self) -> None:
        if self._table is not None:
            self._table.drawOn(self.canv, 0, 0)
