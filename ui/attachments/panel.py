"""AttachmentPanel: thumbnails of a record's files with Add (file picker, drag and drop, paste),
Open (in the system viewer) and Remove.  Reused by the visit, household, resident, hardship
enrolment and meeting screens.

With an owner id the panel writes at once (``ledger.attachments.add/remove``, each one audited,
undoable operation).  Without one (a record being created) it keeps the checked files pending;
the dialog calls :meth:`save_pending` with the new id inside its own save operation, so the
record and its files are stored together or not at all.  Core messages (Chinese) are shown under
the list.  GUI thread only; large files are checked (decoded, shrunk) on a worker with
progress and Cancel, then stored on the GUI thread.
"""
from __future__ import annotations

import atexit
import datetime as _dt
import functools
import pathlib
import shutil
import tempfile
from typing import Any, Callable, Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFileDialog, QHBoxLayout,
                               QListView, QPushButton, QVBoxLayout, QWidget)

from neighbourhood.attachments import PreparedFile
from neighbourhood.attachments.files import DOWNSCALE_LONGEST, input_size, prepare_many
from neighbourhood.errors import LedgerError
from ui.attachments.model import ICON_SIZE, ID_ROLE, AttachmentListModel
from ui.common import FieldMessage
from ui.signals import emit

# Above this many bytes in one Add the files are checked on a worker (a 12 MP photo takes ~0.5 s).
ASYNC_BYTES = 3 * 1024 * 1024
_open_folder: pathlib.Path | None = None


def open_folder() -> pathlib.Path:
    """A private temporary folder for copies opened in the system viewer, removed at exit
    (the copies are plaintext even when the ledger is encrypted)."""
    global _open_folder
    if _open_folder is None:
        _open_folder = pathlib.Path(tempfile.mkdtemp(prefix="ledger-attachments-"))
        atexit.register(shutil.rmtree, _open_folder, True)
    return _open_folder


def open_in_viewer(path: pathlib.Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentPanel(QWidget):
    """Attachments of one record.  ``changed(operation_or_None)`` after each stored change."""

    changed = Signal(object)
    added = Signal(int)  # files added by the last Add/paste/drop (after the worker, when one ran)

    def __init__(self, ledger: Any, owner_table: str, owner_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._job: Any = None
        self.opener: Callable[[pathlib.Path], Any] = open_in_viewer
        self.model = AttachmentListModel(ledger, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(ICON_SIZE)
        self.view.setGridSize(ICON_SIZE.grownBy(QMargins(24, 8, 24, 40)))  # room for the name
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setMinimumHeight(ICON_SIZE.height() + 60)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.setAcceptDrops(False)  # the panel takes the drop

        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(self.tr("Paste image"))
        self.paste_button.clicked.connect(self.paste)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.downscale_check = QCheckBox(self.tr("Shrink photos (longest side %1 px)")
                                         .replace("%1", str(DOWNSCALE_LONGEST)))
        self.downscale_check.setChecked(True)
        self.downscale_check.setToolTip(self.tr("Phone photos are several MB; shrunk they stay sharp "
                                                "on screen and in print."))
        self.message = FieldMessage()
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.paste_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.downscale_check)  # own line: the panel must fit narrow record views
        layout.addWidget(self.message)
        self.setAcceptDrops(True)
        self.setToolTip(self.tr("Drop files or photos here, or paste an image (Ctrl+V)."))
        self.set_owner(owner_table, owner_id)

    # --- owner ------------------------------------------------------------------------------------

    @property
    def owner_table(self) -> str:
        return self.model.owner_table or ""

    @property
    def owner_id(self) -> str | None:
        return self.model.owner_id

    def set_owner(self, owner_table: str, owner_id: str | None) -> None:
        self.message.show_message(None)
        self.model.set_owner(owner_table, owner_id)
        editable = self._ledger.attachments.can_edit(owner_table, owner_id)
        self.model.editable = editable
        for widget in (self.add_button, self.paste_button, self.remove_button, self.downscale_check):
            widget.setEnabled(editable)
        # Scans on residents / hardship enrolments show full ID numbers: thumbnail only without full view.
        may_open = self._ledger.attachments.may_open_files_of(owner_table)
        self.open_button.setEnabled(may_open)
        self.open_button.setToolTip("" if may_open else self.open_refused_text())

    def open_refused_text(self) -> str:
        return self.tr("These files may be scans of ID documents showing full ID numbers. Your account "
                       "may not view full personal data, so only the thumbnails are shown. Ask an "
                       "administrator if you need the original.")
        self.setAcceptDrops(editable)

    def save_pending(self, owner_id: str) -> int:
        """Attach the pending files to the just-saved record ``owner_id`` (joins the caller's
        operation; raises the core error so the caller's save rolls back); returns how many."""
        pending = self.model.pending
        for prepared in pending:
            self._ledger.attachments.add(self.owner_table, owner_id, prepared)
        return len(pending)

    def after_saved(self, owner_id: str) -> None:
        """Call once the caller's save committed: show the stored files of ``owner_id``."""
        self.model.clear_pending()
        self.set_owner(self.owner_table, owner_id)

    # --- adding -----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Photos and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Iterable[str | pathlib.Path]) -> int:
        """Add files by path; returns how many were added.  Problems are listed under the list."""
        return self._add([(pathlib.Path(p), None) for p in paths])

    def add_image(self, image: QImage, name: str | None = None) -> int:
        """Add an image (from the clipboard or a drop) as a PNG."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        data = bytes(QByteArray(buffer.data()).data())
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return self._add([(data, name or self.tr("Pasted image %1.png").replace("%1", stamp))])

    def paste(self) -> int:
        """Add what the clipboard holds: an image, or copied files."""
        mime = QGuiApplication.clipboard().mimeData()
        return self._add_mime(mime) if mime is not None else 0

    def _add_mime(self, mime) -> int:
        if mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            return self.add_files([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return self.add_image(image)
        self.message.show_message(self.tr("The clipboard holds no image or file to attach."))
        return 0

    def _add(self, sources: list[tuple[Any, str | None]]) -> int:
        """Check the files (on a worker with progress and Cancel when they are large), then store
        them or keep them pending.  Returns how many were added now (0 while a worker runs;
        ``added`` is emitted in both cases)."""
        if not self.add_button.isEnabled() or not sources:
            return 0
        self.message.show_message(None)
        downscale = self.downscale_check.isChecked()
        if sum(input_size(source) for source, _name in sources) > ASYNC_BYTES:
            self._start_job(sources, downscale)
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            results = prepare_many(sources, downscale=downscale)
        finally:
            QApplication.restoreOverrideCursor()
        return self._store(results)

    def _start_job(self, sources: list[tuple[Any, str | None]], downscale: bool) -> None:
        from ui.job_runner import ProgressJob
        self._set_busy(True)
        owner = (self.owner_table, self.owner_id)

        def finish(results: Any = None, error: str | None = None) -> None:
            self._job = None
            self._set_busy(False)
            if error:
                self.message.show_message(error)
            if results is not None and (self.owner_table, self.owner_id) != owner:
                # Another record was opened meanwhile: never attach to the wrong one.
                self.message.show_message(self.tr("Another record was opened; add the files again."))
            elif results is not None:
                self._store(results)

        self._job = ProgressJob(self, functools.partial(prepare_many, sources, downscale=downscale),
                                self.tr("Checking files…"), maximum=len(sources), show_text=True,
                                on_done=finish, on_failed=lambda error: finish(error=error),
                                on_cancelled=finish)

    def _set_busy(self, busy: bool) -> None:
        editable = not busy and self._ledger.attachments.can_edit(self.owner_table, self.owner_id)
        for widget in (self.add_button, self.paste_button, self.remove_button):
            widget.setEnabled(editable)
        self.setAcceptDrops(editable)

    def _store(self, results: list[PreparedFile | LedgerError]) -> int:
        """GUI thread: store checked files (or keep them pending); list the problems."""
        problems: list[str] = []
        added = 0
        for prepared in results:
            if not isinstance(prepared, PreparedFile):
                problems.append(str(prepared))
                continue
            try:
                if self.owner_id:
                    self._ledger.attachments.add(self.owner_table, self.owner_id, prepared)
                    added += 1
                elif self.model.add_pending(prepared):
                    added += 1
                else:
                    problems.append(self.tr("“%1” is already in the list.").replace("%1", prepared.name))
            except LedgerError as exc:
                problems.append(str(exc))
        if self.owner_id and added:
            self.model.reload()
            emit(self.changed, self._ledger.undoable)
        self.message.show_message("\n".join(problems) or None)
        emit(self.added, added)
        return added

    # --- drag and drop ----------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        if self._add_mime(event.mimeData()):
            event.acceptProposedAction()

    # --- open and remove --------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return rows

    def open_selected(self) -> list[pathlib.Path]:
        """Write copies of the selected files to a private temporary folder and open them."""
        opened: list[pathlib.Path] = []
        if not self.open_button.isEnabled():   # a double-click on a thumbnail
            self.message.show_message(self.open_refused_text())
            return opened
        for row in self.selected_rows():
            item = self.model.item(row)
            try:
                if isinstance(item, PreparedFile):
                    path = open_folder() / pathlib.Path(item.name).name
                    path.write_bytes(item.data)
                else:
                    path = self._ledger.attachments.export_to(item.id, open_folder())
            except (LedgerError, OSError) as exc:
                self.message.show_message(str(exc))
                continue
            self.opener(path)
            opened.append(path)
        return opened

    def remove_selected(self) -> int:
        """Remove the selected attachments (undoable); returns how many."""
        if not self.remove_button.isEnabled():
            return 0
        rows = self.selected_rows()
        removed = 0
        for row in reversed(rows):
            attachment_id = self.model.data(self.model.index(row), ID_ROLE)
            try:
                if attachment_id is None:
                    self.model.remove_row(row)
                else:
                    self._ledger.attachments.remove(attachment_id)
                removed += 1
            except LedgerError as exc:
                self.message.show_message(str(exc))
        if self.owner_id and removed:
            self.model.reload()
            emit(self.changed, self._ledger.undoable)
        return removed
