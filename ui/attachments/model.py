"""AttachmentListModel: the files of one record (stored) or of a record being created (pending).

Stored rows are :class:`neighbourhood.attachments.Attachment`; pending rows are
:class:`PreparedFile` kept in memory until the record is saved.  Thumbnails are
read on first paint and cached.  Reads go through ``ledger.attachments``.
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from neighbourhood.attachments import Attachment, PreparedFile
from neighbourhood.attachments.files import megabytes
from neighbourhood.errors import LedgerError
from ui.signals import emit

ID_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = QSize(96, 96)


def _reportable(item: Any) -> bool:
    """Photos of visits and meetings may be chosen for the monthly report."""
    return isinstance(item, Attachment) and item.is_image and item.owner_table in ("visits", "meetings")


def _placeholder(text: str) -> QPixmap:
    pixmap = QPixmap(ICON_SIZE)
    pixmap.fill(QColor("#eceff1"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#455a64"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class AttachmentListModel(QAbstractListModel):
    """One row per attachment; ``ID_ROLE`` is the attachment id (None for a pending file)."""

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.owner_table: str | None = None
        self.owner_id: str | None = None
        self._rows: list[Attachment | PreparedFile] = []
        self._icons: dict[str, QIcon] = {}
        self.editable = False  # set by the panel from the user's rights on the owner record
        self.error: str | None = None

    # --- contents -------------------------------------------------------------------------------

    def set_owner(self, owner_table: str | None, owner_id: str | None) -> None:
        """Show ``owner_id``'s attachments; with no id the model holds pending files."""
        self.owner_table, self.owner_id = owner_table, owner_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self.owner_table and self.owner_id:
            self._rows = list(self._ledger.attachments.list(self.owner_table, self.owner_id))
        else:
            self._rows = [r for r in self._rows if isinstance(r, PreparedFile)]
        self.endResetModel()

    @property
    def pending(self) -> list[PreparedFile]:
        return [r for r in self._rows if isinstance(r, PreparedFile)]

    def add_pending(self, prepared: PreparedFile) -> bool:
        """Keep a checked file until the record is saved; False if the same file is already listed."""
        if any(isinstance(r, PreparedFile) and r.sha256 == prepared.sha256 for r in self._rows):
            return False
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(prepared)
        self.endInsertRows()
        return True

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def clear_pending(self) -> None:
        self.beginResetModel()
        self._rows = [r for r in self._rows if not isinstance(r, PreparedFile)]
        self.endResetModel()

    def item(self, row: int) -> Attachment | PreparedFile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def _icon(self, item: Attachment | PreparedFile) -> QIcon:
        key = item.sha256
        icon = self._icons.get(key)
        if icon is None:
            data = item.thumbnail if isinstance(item, PreparedFile) else self._ledger.attachments.thumbnail(item.id)
            pixmap = QPixmap()
            if not data or not pixmap.loadFromData(data):
                pixmap = _placeholder("PDF" if item.mime.endswith("pdf") else "?")
            icon = QIcon(pixmap)
            self._icons[key] = icon
        return icon

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        stored = isinstance(item, Attachment)
        if role == Qt.ItemDataRole.DisplayRole:
            name = item.file_name if stored else item.name
            return f"{item.caption}\n{name}" if stored and item.caption else name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            size = megabytes(item.size)
            if _reportable(item):
                size += self.tr(" · tick to print it in the monthly report and the record PDF")
            if not stored:
                return self.tr("%1 · %2 · not saved yet").replace("%1", item.name).replace("%2", size)
            dims = f" · {item.width}×{item.height}" if item.width else ""
            return (self.tr("%1 · %2%3\nAdded by %4 on %5").replace("%1", item.file_name)
                    .replace("%2", size).replace("%3", dims).replace("%4", item.added_by or "")
                    .replace("%5", item.added_at[:10]))
        if role == Qt.ItemDataRole.CheckStateRole and _reportable(item):
            return Qt.CheckState.Checked if item.in_report else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return item.id if stored else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        item = self.item(index.row()) if index.isValid() else None
        # The check box of a stored photo is "include in the monthly report".
        if _reportable(item) and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.CheckStateRole or not _reportable(item) or not self.editable:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        try:
            self._rows[index.row()] = self._ledger.attachments.update(item.id, in_report=checked)
        except LedgerError as exc:
            self.error = str(exc)
            return False
        emit(self.dataChanged, index, index, [role])
        return True
