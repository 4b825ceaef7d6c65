"""Opening the list behind a dashboard tile or bar: filters applied to an area page.

:func:`show_list` takes an area, its page and the filters the dashboard sent
with ``open_list(area, filters)``; it uses only the pages' public filters (the
visits page's grid/status combos, the hardship page's ``set_filters``,
``select_category`` and ``show_reviews``, the meetings page's ``show_actions``) and skips what a page does not offer.
GUI thread.
"""
from __future__ import annotations

from typing import Any


def _choose(combo: Any, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _visits(page: Any, filters: dict[str, Any]) -> None:
    if not (hasattr(page, "grid_filter") and hasattr(page, "status_filter")):
        return
    # every grid for a status tile (the tile counts them all); the to-do list for a grid's bar
    _choose(page.grid_filter, filters.get("grid_id"))
    if "status" in filters:
        _choose(page.status_filter, filters["status"])
    else:
        page.status_filter.setCurrentIndex(0)


def _hardship(page: Any, filters: dict[str, Any]) -> None:
    if "review" in filters and hasattr(page, "show_reviews"):
        page.show_reviews(filters["review"])
    elif "category" in filters and hasattr(page, "select_category"):
        if hasattr(page, "set_filters"):
            page.set_filters(status="在册")   # the dashboard counts persons 在册
        page.select_category(filters["category"])


def _meetings(page: Any, filters: dict[str, Any]) -> None:
    """The action items tab, showing the open or the overdue ones (the tiles' counts)."""
    if "actions" in filters and hasattr(page, "show_actions"):
        page.show_actions(filters["actions"])


def show_list(area: str, page: Any, filters: dict[str, Any]) -> None:
    """Narrow ``page`` (the page of ``area``) to ``filters``: visits {'status': …} or
    {'grid_id': …}; hardship {'category': code} or {'review': 'due'}; meetings
    {'actions': 'open' | 'overdue'}.  Others are ignored."""
    if page is None or not filters:
        return
    if area == "visits":
        _visits(page, filters)
    elif area == "hardship":
        _hardship(page, filters)
    elif area == "meetings":
        _meetings(page, filters)
