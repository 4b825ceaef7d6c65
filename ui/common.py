"""Small helpers shared by the screens: settings, error display, masking, counts.

GUI thread only.  Nothing here writes data.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QScrollArea, QWidget

ORGANIZATION = "NeighbourhoodLedger"
APPLICATION = "NeighbourhoodLedger"


def settings() -> QSettings:
    """The app's QSettings (explicit names, so tests and the app agree without setup)."""
    return QSettings(ORGANIZATION, APPLICATION)


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    """Show a core error (its Chinese message as-is) in a warning box."""
    QMessageBox.warning(parent, title or QCoreApplication.translate("Common", "Cannot save"), str(exc))


def age_of(birth_date: str | None, today: _dt.date | None = None) -> int | None:
    """Whole years from an ISO birth date; None when missing or unreadable."""
    if not birth_date:
        return None
    try:
        born = _dt.date.fromisoformat(birth_date)
    except ValueError:
        return None
    today = today or _dt.date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def full_view(ledger: Any) -> bool:
    """True when the user may and chose to see full ID numbers and phones."""
    return bool(ledger.listing.show_full and ledger.access.can_view_full)


def masked(ledger: Any, row: dict[str, Any]) -> dict[str, Any]:
    """A copy of a record dict with ID number and phones masked unless full view is on."""
    from neighbourhood.masking import mask_row

    return mask_row(dict(row), full=full_view(ledger))


def registry_counts(ledger: Any) -> dict[str, int]:
    """Live counts (households, residents…) for the status bar.

    Prefers a core ``Ledger.counts()`` when the core offers one; otherwise the
    read-only query that ``Ledger.check()`` uses (no SQL written here).
    """
    counts = getattr(ledger, "counts", None)
    if callable(counts):
        return dict(counts())
    from db.queries import registry

    return registry.counts(ledger.conn)


class FieldMessage(QLabel):
    """A red line under a form field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828;")
        self.setVisible(False)

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


def scrolled(widget: QWidget | None = None) -> QScrollArea:
    """A frameless scroll area that resizes ``widget`` (set later when None): content that can be
    taller than a laptop screen scrolls instead of pushing the window past it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if widget is not None:
        area.setWidget(widget)
    return area
