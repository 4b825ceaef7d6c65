"""The builder's preview: headers and the first rows as the export would show them."""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from neighbourhood.rosters.query import compile_template, display_text, events, number_text
from neighbourhood.rosters.render_xlsx import summary_label
from neighbourhood.rosters.template import Template

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger



def preview_rows(ledger: "Ledger", template: Template, *, limit: int = 50) -> tuple[list[str], list[list[str]]]:
    """(headers, rows of text) for the first ``limit`` table rows, 小计 rows included.

    ID numbers and phones are masked unless the user may and chose to see
    them in full (``ledger.listing.show_full``), as on every screen.
    """
    plan = compile_template(template)
    full = bool(ledger.access.can_view_full and getattr(ledger.listing, "show_full", False))
    out: list[list[str]] = []
    rows = itertools.islice(plan.rows(ledger), limit)
    for event in events(plan, rows):
        if len(out) >= limit:
            break
        if event[0] != "row":
            if event[0] == "total" and not plan.sum_columns:
                continue
            line = [""] * len(plan.columns)
            line[0] = summary_label(plan, event)
            for c, v in event[-1].items():
                line[c] = str(number_text(v))
            out.append(line)
            continue
        _, n, values = event
        line = []
        for col in plan.columns:
            if col.kind == "seq":
                line.append(str(n))
            elif col.kind == "blank":
                line.append("")
            else:
                line.append(display_text(col, values[col.index], full=full))
        out.append(line)
    return [c.header for c in plan.columns], out
