"""Meetings, action items, needs & suggestions and service items screens."""
from __future__ import annotations

from ui.meetings.page import MeetingsPage

__all__ = ["MeetingsPage"]
