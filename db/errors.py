"""Errors raised by the database layer; messages are Chinese, for the user."""
from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be opened or used; ``str()`` is shown to the user."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the app."""
