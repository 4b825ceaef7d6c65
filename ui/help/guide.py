"""Help → User guide: the Chinese guide (``docs/guide/index.md``) rendered in a QTextBrowser.

The guide is Markdown in the repository (readable on any Git host) and ships
in the bundle next to ``resources/``; images and links resolve relative to the
guide's folder because the browser loads it by file URL.  GUI thread only.
"""
from __future__ import annotations

import pathlib

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

ROOT = pathlib.Path(__file__).resolve().parents[2]
GUIDE_DIR = ROOT / "docs" / "guide"


def guide_path() -> pathlib.Path:
    return GUIDE_DIR / "index.md"


class GuideDialog(QDialog):
    """A non-modal window showing the guide; links to other guide pages open in place,
    web links in the system browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._external)
        self.browser.setSearchPaths([str(GUIDE_DIR)])
        path = guide_path()
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        else:
            self.browser.setPlainText(self.tr("The user guide was not found: %1").replace("%1", str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 720)

    def _external(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            self.browser.setSource(self.browser.source())  # stay on the guide
            QDesktopServices.openUrl(url)
