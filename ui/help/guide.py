"""Help → User guide: the Chinese guide (``docs/guide/index.md``) rendered in a QTextBrowser.

The guide is Markdown in the repository (readable on any Git host) and ships
in the bundle next to ``resources/``; images and links resolve relative to the
guide's folder because the browser loads it by file URL.  GUI thread only.
"""
from __future__ import annotations

import pathlib

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QTextCursor, QTextDocument
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
        # Links are followed here: Qt's Markdown import gives headings no anchors, so the guide's
        # table of contents (#标题 links, GitHub style) is resolved by heading text.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
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
        self.browser.viewport().installEventFilter(self)   # its width is known on its own resize
        self.fit_images()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_images()
        return super().eventFilter(watched, event)

    def fit_images(self) -> None:
        """Scale the guide's screenshots (1280 px wide) down to the page width, so a picture is
        seen whole instead of behind a horizontal scroll bar; never scaled up."""
        document = self.browser.document()
        room = self.browser.viewport().width() - 2 * document.documentMargin() - 16
        if room <= 0:
            return
        base = pathlib.Path(self.browser.source().toLocalFile() or guide_path()).parent
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                image = fragment.charFormat().toImageFormat() if fragment.charFormat().isImageFormat() else None
                if image is None:
                    continue
                natural = QImageReader(str(base / image.name())).size()
                if not natural.isValid() or natural.width() <= 0:
                    continue
                width = min(natural.width(), room)
                if abs(image.width() - width) < 1:
                    continue
                image.setWidth(width)
                image.setHeight(natural.height() * width / natural.width())
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            block = block.next()

    def follow(self, url: QUrl) -> bool:
        """Open a link: web links in the system browser, ``#heading`` in place, other guide pages here."""
        if url.scheme() in ("http", "https", "mailto"):
            return QDesktopServices.openUrl(url)
        if url.hasFragment() and (not url.path() or url.path() == self.browser.source().path()):
            return self.scroll_to_heading(url.fragment())
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and pathlib.Path(target.toLocalFile()).is_file():
            self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
            self.fit_images()
            return True
        return False

    def scroll_to_heading(self, slug: str) -> bool:
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_slug(block.text()) == slug.lower():
                cursor = self.browser.textCursor()
                cursor.setPosition(block.position())
                self.browser.setTextCursor(cursor)
                # Put the heading at the top, not just somewhere on screen.
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False


def heading_slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces → '-'."""
    kept = "".join(ch for ch in text.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")
