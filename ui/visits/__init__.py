"""Household visits screens: the due/overdue list, visit history and fast entry."""
from __future__ import annotations

from ui.visits.entry_dialog import VisitEntryDialog
from ui.visits.page import VisitsPage

__all__ = ["VisitsPage", "VisitEntryDialog"]
