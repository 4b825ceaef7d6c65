"""Errors the core raises; every message is Chinese and tells the user what to do."""
from __future__ import annotations


class LedgerError(Exception):
    """Base for errors shown to the user as they are."""


class ValidationError(LedgerError):
    """A value is not acceptable.  ``field`` names the form field (column) at fault."""

    def __init__(self, message: str, *, field: str | None = None, row: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.row = row

    @property
    def message(self) -> str:
        return str(self.args[0])


class NotFound(LedgerError):
    """The record does not exist (or was deleted)."""


class PermissionDenied(LedgerError):
    """The signed-in user's role does not allow this."""
