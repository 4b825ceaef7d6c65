"""Admin → "Clean up unused attachments": how many stored files no record uses any more (and idle
for N days, so a recent removal can still be undone), then purge them for good.

The core (``ledger.attachments.unused`` / ``purge_unused``) checks the admin role and audits the
purge; this dialog only shows the figures and asks.  A purge is one DELETE in one transaction, quick
even for thousands of files, so it runs on the ledger thread.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from neighbourhood.attachments.files import megabytes
from neighbourhood.attachments.service import PURGE_MIN_DAYS
from neighbourhood.errors import LedgerError
from ui.signals import emit

DEFAULT_DAYS = 30


class PurgeDialog(QDialog):
    """Signal ``purged(dict)``: files were purged (``{"files", "bytes"}``)."""

    purged = Signal(object)

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(self.tr("Clean up unused attachments"))
        self.intro = QLabel(self.tr(
            "Removed attachments stay stored so that Undo works. This deletes for good the files no record "
            "has used for the chosen number of days; their space is reused for new files and later backups "
            "are smaller. Backups made before keep these files; make a backup first if unsure."))
        self.intro.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setRange(PURGE_MIN_DAYS, 3650)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Purge"))
        self.purge_button.clicked.connect(lambda: self.purge())
        age = QHBoxLayout()
        age.addWidget(QLabel(self.tr("Unused for at least")))
        age.addWidget(self.days)
        age.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(age)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> dict[str, int] | None:
        """Show what a purge would free now; None (and the reason) when it cannot be done."""
        try:
            found = self.ledger.attachments.unused(older_than_days=self.days.value())
        except LedgerError as exc:
            self.summary.setText("")
            self._error(str(exc))
            self.purge_button.setEnabled(False)
            self.days.setEnabled(False)
            return None
        self.summary.setText(self.tr("%1 files (%2) would be freed.")
                             .replace("%1", str(found["files"])).replace("%2", megabytes(found["bytes"])))
        self.purge_button.setEnabled(found["files"] > 0)
        return found

    def purge(self) -> dict[str, int] | None:
        try:
            freed = self.ledger.attachments.purge_unused(older_than_days=self.days.value())
        except LedgerError as exc:
            self._error(str(exc))
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%1 files (%2) were purged.")
                            .replace("%1", str(freed["files"])).replace("%2", megabytes(freed["bytes"])))
        self.refresh()
        emit(self.purged, freed)
        return freed

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)
