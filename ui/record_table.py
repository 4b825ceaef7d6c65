"""RecordTableModel: the read-only table of frozen records that every area's lists share.

Subclasses give ``COLUMNS`` — (key, English header marked with
QT_TRANSLATE_NOOP under the subclass's name, value of a record) — and
``load()``; optional hooks colour rows.  GUI thread only.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

Column = tuple[str, str, Callable[[Any], Any]]  # (key, English header, value of a record)


class RecordTableModel(QAbstractTableModel):
    """A read-only table of frozen records (each with an ``id``)."""

    COLUMNS: Sequence[Column] = ()
    CENTRED: frozenset[str] = frozenset()

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._records: list[Any] = []

    def load(self) -> list[Any]:
        """The records to show (subclasses)."""
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        try:  # a refused read (PermissionDenied) keeps the old rows and a consistent model
            self._records = list(self.load())
        finally:
            self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def text(self, record: Any, column: int, *, full: bool = False) -> Any:
        """What ``record`` shows in ``column``; ``full`` for the tooltip (subclasses may say more)."""
        return self.COLUMNS[column][2](record)

    def foreground(self, record: Any) -> QBrush | None:
        return None

    def background(self, record: Any) -> QBrush | None:
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records) or index.column() >= len(self.COLUMNS):
            return None
        record = self._records[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = self.text(record, index.column(), full=role == Qt.ItemDataRole.ToolTipRole)
            return "" if shown is None else str(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record)
        if role == RECORD_ID_ROLE:
            return record.id
        if role == RECORD_ROLE:
            return record
        return None


def record_view(model: QAbstractTableModel) -> "QTableView":
    """A read-only, single-row-selection table view for a record model."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    fit_columns_once(view)
    return view


# Columns sized from the first rows: a masked ID (18 characters) or an address is cut at the
# default 100 px, a Chinese header like "月保障金额（元）" too; a long text column stays capped.
FIT_ROWS = 50
FIT_MAX_WIDTH = 280
FIT_PADDING = 12  # a little air; a longer name further down still fits


def fit_columns(view: "QTableView", *, max_width: int = FIT_MAX_WIDTH) -> None:
    """Each visible column as wide as its header and its first ``FIT_ROWS`` rows' text, capped at
    ``max_width`` (but never narrower than the header).  GUI thread."""
    header = view.horizontalHeader()
    view.verticalHeader().setResizeContentsPrecision(FIT_ROWS)
    last = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
    rows = view.model().rowCount() > 0
    for column in range(header.count()):
        if header.isSectionHidden(column) or column == last:
            continue
        title = header.sectionSizeFromContents(column).width()
        content = view.sizeHintForColumn(column) + FIT_PADDING if rows else header.defaultSectionSize()
        header.resizeSection(column, max(title, min(content, max_width)))


def fit_columns_once(view: "QTableView") -> None:
    """Fit the headers now and the columns once when rows first arrive, unless the user's own
    widths were restored (``ui.table_columns.install_column_chooser``): a later reload (a filter)
    keeps whatever widths the user has by then."""
    model = view.model()

    def fit(*_args: Any) -> None:
        if view.property("columnsRestored") or view.property("columnsFitted"):
            return
        fit_columns(view)
        if model.rowCount() > 0:
            view.setProperty("columnsFitted", True)

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
    fit()
