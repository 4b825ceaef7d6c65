"""Community settings: name, street office, and small app-wide preferences."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


class Community:
    """Key/value settings stored in the ``settings`` table."""

    def __init__(self, ledger: "Ledger") -> None:
        self._ledger = ledger

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._ledger.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] is not None else default

    def set(self, key: str, value: str | None) -> None:
        self._ledger.access.require_staff()
        with self._ledger.operation(f"设置 {key}"):
            old = self.get(key)
            self._ledger.conn.execute(
                "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value))
            from db import audit
            from db.writes import utc_now
            audit.append(self._ledger.conn, at=utc_now(), actor=self._ledger._actor(), action="update",
                         table_name="settings", record_id=key, changes={"value": [old, value]})

    @property
    def name(self) -> str:
        return self.get("community_name", "") or ""

    @property
    def street_office(self) -> str:
        return self.get("street_office", "") or ""
