"""Read queries, one module per area."""
from __future__ import annotations

from typing import Any


def dicts(cur) -> list[dict[str, Any]]:
    """All rows of a cursor as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]
