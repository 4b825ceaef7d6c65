"""ResidentTableModel: the lazy residents table (stays fast at 500k rows).

The model holds only an ``array('q')`` of row ids from ``ledger.listing.rowids``;
display rows are fetched a page at a time through ``ledger.listing.rows`` and
kept in a small LRU cache.  ``rowCount`` is the length of the id array, so the
view never asks for more than the visible rows.  GUI thread only.
"""
from __future__ import annotations

import collections
import datetime as _dt
from array import array
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, QTimer)
from PySide6.QtGui import QBrush, QColor

from ui.common import age_of
from ui.signals import emit

PAGE_SIZE = 50     # rows per query: about one screen, so the first paint reads few rows
CACHE_PAGES = 64  # 3,200 rows: a few screens either side of the visible one
FIRST_CHUNK = 200  # ids loaded before the first paint (a few screens; the rest follow)
FILL_CHUNK = 10_000    # ids per timer tick afterwards (~4 ms at street-office scale)
FILL_START_MS = 50     # the first tick waits for the first paint, so that is not delayed
FILL_EVERY_MS = 5      # between ticks: the GUI stays responsive while ids arrive

# (key in the display row, English header; translated when shown, as no translator
# is installed yet when this module is imported)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("ResidentTableModel", "Name")),
    ("sex", QT_TRANSLATE_NOOP("ResidentTableModel", "Sex")),
    ("birth_date", QT_TRANSLATE_NOOP("ResidentTableModel", "Date of birth")),
    ("age", QT_TRANSLATE_NOOP("ResidentTableModel", "Age")),
    ("id_number", QT_TRANSLATE_NOOP("ResidentTableModel", "ID number")),
    ("phone", QT_TRANSLATE_NOOP("ResidentTableModel", "Phone")),
    ("relation", QT_TRANSLATE_NOOP("ResidentTableModel", "Relation to head")),
    ("residence_status", QT_TRANSLATE_NOOP("ResidentTableModel", "Residence type")),
    ("political_status", QT_TRANSLATE_NOOP("ResidentTableModel", "Political status")),
    ("address", QT_TRANSLATE_NOOP("ResidentTableModel", "Address")),
    ("grid_name", QT_TRANSLATE_NOOP("ResidentTableModel", "Grid")),
    ("status", QT_TRANSLATE_NOOP("ResidentTableModel", "Status")),
)
_CENTRED = {"sex", "age", "birth_date", "relation", "residence_status", "status"}

RESIDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROWID_ROLE = Qt.ItemDataRole.UserRole + 2
HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 3

# Plain ints for data(): a view asks ~10 roles of every painted cell, and Python enum
# look-ups and comparisons made data() most of the first paint's time.
_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole))
_RESIDENT_ID, _ROWID, _HOUSEHOLD_ID = int(RESIDENT_ID_ROLE), int(ROWID_ROLE), int(HOUSEHOLD_ID_ROLE)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, _RESIDENT_ID, _ROWID, _HOUSEHOLD_ID))
_KEYS = tuple(key for key, _label in COLUMNS)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class ResidentTableModel(QAbstractTableModel):
    """Residents of the current filter (all, a grid, a building or a household)."""

    def __init__(self, ledger: Any, parent=None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._ids: array = array("q")
        self._filter: dict[str, str | None] = {}
        self._pages: collections.OrderedDict[int, dict[int, dict[str, Any]]] = collections.OrderedDict()
        self._today = _dt.date.today()
        self.pages_fetched = 0  # for tests and the benchmark: how often the core was asked
        self._next: tuple[str, int] | None = None
        self._filler = QTimer(self)
        self._filler.timeout.connect(self._fill_chunk)

    # --- filter ---------------------------------------------------------------------

    def set_filter(self, *, grid_id: str | None = None, building_id: str | None = None,
                   household_id: str | None = None) -> None:
        """Show the residents of one grid, building or household (none: everyone)."""
        self._filter = dict(grid_id=grid_id, building_id=building_id, household_id=household_id)
        self.reload()

    @property
    def filter(self) -> dict[str, str | None]:
        return dict(self._filter)

    def reload(self) -> None:
        """Re-read the ids (after a change); cached rows are dropped.

        The first ``FIRST_CHUNK`` ids come at once so the table paints without
        waiting; a street office's 500k ids then follow in chunks from a timer
        (rows are appended, so the view and the selection stay put).
        """
        self._filler.stop()
        self.beginResetModel()
        paged = getattr(self._ledger.listing, "rowids_page", None)
        if paged is None:
            self._ids, self._next = self._ledger.listing.rowids(**self._filter), None
        else:
            self._ids, self._next = paged(limit=FIRST_CHUNK, **self._filter)
        self._pages.clear()
        self._today = _dt.date.today()
        self.endResetModel()
        if self._next is not None:
            self._filler.start(FILL_START_MS)

    @property
    def complete(self) -> bool:
        """True once every id of the filter is loaded."""
        return self._next is None

    def load_all(self) -> None:
        """Load the remaining ids now (tests, and before searching the whole list)."""
        while self._next is not None:
            self._fill_chunk()

    def stop_filling(self) -> None:
        """Stop appending ids (the window closes; the ledger may close next)."""
        self._filler.stop()

    def _fill_chunk(self) -> None:
        if self._next is None or getattr(self._ledger, "closed", False):
            self._filler.stop()
            return
        self._filler.setInterval(FILL_EVERY_MS)
        ids, self._next = self._ledger.listing.rowids_page(after=self._next, limit=FILL_CHUNK,
                                                           **self._filter)
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        if self._next is None:
            self._filler.stop()

    def refresh_rows(self) -> None:
        """Same ids, fresh display rows (e.g. after masking was switched)."""
        self._pages.clear()
        if self._ids:
            emit(self.dataChanged, self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # --- lookups --------------------------------------------------------------------

    def rowid_at(self, row: int) -> int:
        return self._ids[row]

    def row_of_rowid(self, rowid: int) -> int:
        """Row of a row id, or -1 (linear scan: only for restoring a selection)."""
        self.load_all()
        try:
            return self._ids.index(rowid)
        except ValueError:
            return -1

    def record(self, row: int) -> dict[str, Any]:
        """The (masked) display row of ``row``; fetches its page when needed."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            page = self._ledger.listing.rows(self._ids[start:start + PAGE_SIZE])
            self.pages_fetched += 1
            self._pages[page_no] = page
            while len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row], {})

    # --- Qt model -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ResidentTableModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row_no = index.row()
        if not 0 <= row_no < len(self._ids):
            return None
        key = _KEYS[index.column()]
        if role == _ALIGNMENT:
            # Alignment must not fetch rows: views ask for it for every painted cell anyway.
            return _CENTRE if key in _CENTRED else _LEFT
        if role == _ROWID:
            return self._ids[row_no]
        row = self.record(row_no)
        if role == _RESIDENT_ID:
            return row.get("id")
        if role == _HOUSEHOLD_ID:
            return row.get("household_id")
        if role == _FOREGROUND:
            if row.get("status") and row.get("status") != "在册":
                return QBrush(QColor("#888888"))
            if key == "id_number" and row.get("id_flag"):
                return QBrush(QColor("#b26a00"))
            return None
        if role == _TOOLTIP:
            if key == "id_number" and row.get("id_flag") == "legacy15":
                return QCoreApplication.translate("ResidentTableModel", "Old 15-digit ID number")
            if key == "address" and row.get("separated"):
                return row["separated"]
            return None
        if key == "age":
            age = age_of(row.get("birth_date"), self._today)
            return "" if age is None else age
        value = row.get(key)
        return "" if value is None else value
