"""Hardship lists screens (困难群众): the page, the household widget, dialogs and models."""
from __future__ import annotations

from ui.hardship.page import HardshipPage, HouseholdEnrolmentsWidget

__all__ = ["HardshipPage", "HouseholdEnrolmentsWidget"]
