"""File → Settings: the interface language (QSettings ``ui/language``) and whether this PC is the
office PC or a field laptop (``device/role``, first set by the first-run wizard); both per PC.

The language is applied when the app starts (``ui.app.run`` reads
:func:`saved_language` unless ``--lang`` is given); the dialog says that a
restart applies it.  GUI thread only.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget)

from ui.common import settings

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "zh_CN"
# Each language named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def saved_language() -> str:
    value = str(settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(code)
    store = settings()
    store.setValue(LANGUAGE_KEY, code)
    store.sync()


class SettingsDialog(QDialog):
    """Language choice; OK stores it (Enter), Cancel/Esc leaves it unchanged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(saved_language()))
        self.initial = saved_language()
        from ui.this_pc import FIELD, OFFICE, device_role

        self.device = QComboBox()
        self.device.addItem(self.tr("Office PC"), OFFICE)
        self.device.addItem(self.tr("Field laptop"), FIELD)
        self.device.setCurrentIndex(max(0, self.device.findData(device_role())))
        note = QLabel(self.tr("A new language is used after the program is restarted."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("This &computer is"), self.device)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)  # the note on two lines, not four

    @property
    def changed(self) -> bool:
        return self.language.currentData() != self.initial

    def accept(self) -> None:
        from ui.this_pc import remember

        save_language(self.language.currentData())
        remember(role=self.device.currentData())
        super().accept()
