"""Read queries, one module per area."""
from __future__ import annotations

from typing import Any, Iterable, Iterator


def dicts(cur) -> list[dict[str, Any]]:
    """All rows of a cursor as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def in_chunks(values: Iterable[Any], size: int = 500) -> Iterator[tuple[list[Any], str]]:
    """``values`` in slices of ``size`` with their ``?,?,…`` placeholders, for ``IN (…)``
    queries that must stay under SQLite's bound-parameter limit."""
    values = list(values)
    for start in range(0, len(values), size):
        chunk = values[start:start + size]
        yield chunk, ",".join("?" * len(chunk))
