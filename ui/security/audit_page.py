"""The audit trail screen: ``AuditTableModel`` (paged) and ``AuditPage`` (filters + chain check).

Reads only through ``ledger.audit_entries(**filters)`` (admins and auditors;
others get PermissionDenied, shown as a message) and ``ledger.verify_audit()``.
The model fetches ``page_size`` entries at a time, newest first, and more as
the view scrolls (``canFetchMore``/``fetchMore``), so a trail of 100k
entries never loads at once.  GUI thread only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from neighbourhood import audit_text
from neighbourhood.field_labels import TABLES as _CORE_TABLE_LABELS
from ui.record_table import RecordTableModel, fit_columns_once
from ui.security.users_page import local_time

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 500
_SHOWN_CHANGES = 200  # characters in the cell; the tooltip has all
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("AuditTableModel", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("AuditTableModel", "Restored"),
    "view_full": QT_TRANSLATE_NOOP("AuditTableModel", "Viewed full data"),
    "login": QT_TRANSLATE_NOOP("AuditTableModel", "Signed in"),
    "logout": QT_TRANSLATE_NOOP("AuditTableModel", "Signed out"),
    "login_failed": QT_TRANSLATE_NOOP("AuditTableModel", "Sign-in failed"),
    "login_locked": QT_TRANSLATE_NOOP("AuditTableModel", "Sign-in refused (locked)"),
    "encrypt": QT_TRANSLATE_NOOP("AuditTableModel", "Encrypted the database"),
    "export": QT_TRANSLATE_NOOP("AuditTableModel", "Exported a roster"),
    "sync_apply": QT_TRANSLATE_NOOP("AuditTableModel", "Applied a field-laptop return file"),
    "purge_attachments": QT_TRANSLATE_NOOP("AuditTableModel", "Purged unused attachments"),
}
# Tables by name (the audit log's table_name), in the order the filter offers them; any other
# name can still be typed into the filter and shows as stored.
TABLE_LABELS = {
    "residents": QT_TRANSLATE_NOOP("AuditTableModel", "Residents"),
    "households": QT_TRANSLATE_NOOP("AuditTableModel", "Households"),
    "resident_events": QT_TRANSLATE_NOOP("AuditTableModel", "Resident changes"),
    "buildings": QT_TRANSLATE_NOOP("AuditTableModel", "Buildings"),
    "grids": QT_TRANSLATE_NOOP("AuditTableModel", "Grids"),
    "users": QT_TRANSLATE_NOOP("AuditTableModel", "Users"),
    "user_grids": QT_TRANSLATE_NOOP("AuditTableModel", "Users' grids"),
    "settings": QT_TRANSLATE_NOOP("AuditTableModel", "Settings"),
    "visits": QT_TRANSLATE_NOOP("AuditTableModel", "Visits"),
    "visit_visitors": QT_TRANSLATE_NOOP("AuditTableModel", "Visitors"),
    "visit_residents": QT_TRANSLATE_NOOP("AuditTableModel", "Residents met"),
    "visit_needs": QT_TRANSLATE_NOOP("AuditTableModel", "Needs raised in visits"),
    "visit_types": QT_TRANSLATE_NOOP("AuditTableModel", "Visit types"),
    "visit_rules": QT_TRANSLATE_NOOP("AuditTableModel", "Visit rules"),
    "household_flags": QT_TRANSLATE_NOOP("AuditTableModel", "Household flags"),
    "hardship_categories": QT_TRANSLATE_NOOP("AuditTableModel", "Hardship categories"),
    "hardship_enrolments": QT_TRANSLATE_NOOP("AuditTableModel", "Hardship enrolments"),
    "hardship_events": QT_TRANSLATE_NOOP("AuditTableModel", "Hardship changes"),
    "hardship_assistance": QT_TRANSLATE_NOOP("AuditTableModel", "Assistance"),
    "meetings": QT_TRANSLATE_NOOP("AuditTableModel", "Meetings"),
    "meeting_attendees": QT_TRANSLATE_NOOP("AuditTableModel", "Meeting attendees"),
    "agenda_items": QT_TRANSLATE_NOOP("AuditTableModel", "Agenda items"),
    "action_items": QT_TRANSLATE_NOOP("AuditTableModel", "Action items"),
    "action_item_notes": QT_TRANSLATE_NOOP("AuditTableModel", "Action item notes"),
    "needs": QT_TRANSLATE_NOOP("AuditTableModel", "Needs and suggestions"),
    "need_steps": QT_TRANSLATE_NOOP("AuditTableModel", "Need steps"),
    "service_items": QT_TRANSLATE_NOOP("AuditTableModel", "Service items"),
    "attachments": QT_TRANSLATE_NOOP("AuditTableModel", "Attachments"),
    "attachment_blobs": QT_TRANSLATE_NOOP("AuditTableModel", "Attachment files"),
}
TABLES = tuple(TABLE_LABELS)


def utc_stamp(day: _dt.date) -> str:
    """Local midnight of ``day`` as the core's UTC stamp (audit ``at`` is stored in UTC)."""
    moment = _dt.datetime(day.year, day.month, day.day).astimezone()
    return moment.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def table_label(table: str, *, full: bool = False) -> str:
    """'residents' → '居民' (in Chinese); ``full`` adds the stored name: '居民 (residents)'.
    Tables the filter does not offer take their name from the core catalogue."""
    if table in TABLE_LABELS:
        label = QCoreApplication.translate("AuditTableModel", TABLE_LABELS[table])
    elif table in _CORE_TABLE_LABELS:
        label = _CORE_TABLE_LABELS[table]
    else:
        return table
    return f"{label} ({table})" if full else label


def describe_changes(changes: str | None, table: str = "", names: dict[tuple[str, str], str] | None = None,
                     *, action: str | None = None, full: bool = False) -> str:
    """``{"field": [old, new]}`` JSON as ``字段中文名：旧值 → 新值；…`` (labels from the core
    catalogue, ids as names where ``names`` has them); other JSON compactly."""
    return audit_text.describe(table, changes, names, action=action, full=full)


class AuditTableModel(RecordTableModel):
    """Audit entries matching ``filters``, newest first, fetched ``page_size`` at a time.

    ``set_filters(username=, table_name=, record_id=, date_from=, date_to=)``
    (ISO UTC strings for dates, ``date_to`` exclusive) re-reads from the top
    and lets PermissionDenied from the core propagate.  Entries written while
    the model is open do not shift the pages (each page continues below the
    last sequence number shown).
    """

    COLUMNS = (
        ("seq", QT_TRANSLATE_NOOP("AuditTableModel", "No."), lambda e: e["seq"]),
        ("at", QT_TRANSLATE_NOOP("AuditTableModel", "Time"), lambda e: e["at"]),
        ("username", QT_TRANSLATE_NOOP("AuditTableModel", "User"), lambda e: e["username"]),
        ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action"), lambda e: e["action"]),
        ("table_name", QT_TRANSLATE_NOOP("AuditTableModel", "Table"), lambda e: e["table_name"]),
        ("record_id", QT_TRANSLATE_NOOP("AuditTableModel", "Record"), lambda e: e["record_id"]),
        ("changes", QT_TRANSLATE_NOOP("AuditTableModel", "Changes"), lambda e: e["changes"]),
    )

    def __init__(self, ledger: Any, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(ledger, parent)
        self.page_size = max(1, page_size)
        self.filters: dict[str, str] = {}
        self._more = False
        self._fetching = False
        self._names: dict[tuple[str, str], str] = {}  # (table, id) → readable name, per loaded page

    # --- loading ---------------------------------------------------------------------

    def _fetch(self) -> list[dict[str, Any]]:
        """The next page below the last loaded entry.

        The core query has only ``limit``, so a page asks for the entries
        already shown plus one page (plus any written since, which sit on
        top) and keeps those below the last shown ``seq``.  A ``before_seq``
        filter in the core would avoid re-reading the shown entries.
        """
        extra = 0
        for _attempt in range(3):
            wanted = len(self._records) + self.page_size + extra
            rows = self._ledger.audit_entries(limit=wanted, **self.filters)
            self._more = len(rows) >= wanted
            if not self._records:
                return rows
            newer = sum(1 for row in rows if row["seq"] > self._records[0]["seq"])
            if newer <= extra:
                break
            extra = newer
        last = self._records[-1]["seq"]
        return [row for row in rows if row["seq"] < last][:self.page_size]

    def set_filters(self, **filters: str | None) -> None:
        self.filters = {k: v for k, v in filters.items() if v}
        self.reload()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self._more or self._fetching:
            return
        # Views and testers may ask again from inside beginInsertRows: one page at a time.
        self._fetching = True
        try:
            new = self._fetch()
            if not new:
                self._more = False
                return
            self._names.update(audit_text.record_names(self._ledger, new))
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._records.extend(new)
            self.endInsertRows()
        finally:
            self._fetching = False

    def entry(self, row: int) -> dict[str, Any]:
        return self._records[row]

    # --- Qt model ---------------------------------------------------------------------

    def load(self) -> list[dict[str, Any]]:
        """The first page under the current filters."""
        self._records, self._more = [], False
        rows = self._fetch()
        self._names = audit_text.record_names(self._ledger, rows)
        return rows

    def text(self, entry: dict[str, Any], column: int, *, full: bool = False) -> str:
        if column == 0:
            return str(entry["seq"])
        if column == 1:
            return local_time(entry["at"]) if not full else f"{local_time(entry['at'])} ({entry['at']})"
        if column == 2:
            return entry["username"] or ""
        if column == 3:
            action = entry["action"]
            return QCoreApplication.translate("AuditTableModel", ACTIONS[action]) if action in ACTIONS else action
        if column == 4:
            return table_label(entry["table_name"] or "", full=full)
        if column == 5:
            return entry["record_id"] or ""
        text = describe_changes(entry["changes"], entry["table_name"] or "", self._names,
                                action=entry["action"], full=full)
        return text if full or len(text) <= _SHOWN_CHANGES else text[:_SHOWN_CHANGES] + "…"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records) or index.column() >= len(self.COLUMNS):
            return None
        entry = self._records[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEQ_ROLE:
            return entry["seq"]
        if role == ENTRY_ROLE:
            return dict(entry)
        return super().data(index, role)


def _dated(label: str) -> tuple[QCheckBox, QDateEdit]:
    box = QCheckBox(label)
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    box.toggled.connect(edit.setEnabled)
    return box, edit


class AuditPage(QWidget):
    """The "Audit trail" screen: filters, the entries, and "Verify chain".

    Users other than admins and auditors see a message only
    (``self.allowed`` is False).  ``verify()`` returns the problems found and
    shows them in ``self.result`` (green when intact).
    """

    def __init__(self, ledger: Any, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        from neighbourhood.access import ADMIN, AUDITOR

        self.ledger = ledger
        self.allowed = ledger.access.role in (ADMIN, AUDITOR)
        self.model = AuditTableModel(ledger, self, page_size=page_size)

        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.addItem("")
        self.table = QComboBox()
        self.table.setEditable(True)
        self.table.addItem("")
        for name in TABLES:
            self.table.addItem(table_label(name), name)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("Record id"))
        self.from_box, self.date_from = _dated(self.tr("From"))
        self.to_box, self.date_to = _dated(self.tr("To"))
        self.apply_button = QPushButton(self.tr("Filter"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.apply_button.clicked.connect(lambda: self.apply_filters())
        self.clear_button.clicked.connect(lambda: self.clear_filters())
        self.verify_button.clicked.connect(lambda: self.verify())
        self.record.returnPressed.connect(lambda: self.apply_filters())

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("User")), 0, 0)
        filters.addWidget(self.user, 0, 1)
        filters.addWidget(QLabel(self.tr("Table")), 0, 2)
        filters.addWidget(self.table, 0, 3)
        filters.addWidget(self.record, 0, 4)
        filters.addWidget(self.from_box, 1, 0)
        filters.addWidget(self.date_from, 1, 1)
        filters.addWidget(self.to_box, 1, 2)
        filters.addWidget(self.date_to, 1, 3)
        buttons = QHBoxLayout()
        for button in (self.apply_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.verify_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setVisible(False)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        fit_columns_once(self.view)   # the whole time and table name, not "2026-11-23 1…"

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.view)
        self.message.setVisible(False)
        if not self.allowed:
            self.message.setText(self.tr("Only administrators and auditors can read the audit trail."))
            self.message.setVisible(True)
            for widget in (self.user, self.table, self.record, self.from_box, self.date_from, self.to_box,
                           self.date_to, self.apply_button, self.clear_button, self.verify_button, self.view):
                widget.setEnabled(False)
            self.view.setVisible(False)
            return
        for user in ledger.users.list():
            self.user.addItem(user.username)
        self.apply_filters()

    def filters(self) -> dict[str, str | None]:
        """The filter fields as ``ledger.audit_entries`` keywords (dates as UTC stamps)."""
        date_from = utc_stamp(self.date_from.date().toPython()) if self.from_box.isChecked() else None
        date_to = (utc_stamp(self.date_to.date().toPython() + _dt.timedelta(days=1))
                   if self.to_box.isChecked() else None)
        return {"username": self.user.currentText().strip() or None,
                "table_name": self._table_name(),
                "record_id": self.record.text().strip() or None,
                "date_from": date_from, "date_to": date_to}

    def _table_name(self) -> str | None:
        """The table chosen (its stored name) or typed (a label or a stored name)."""
        text = self.table.currentText().strip()
        index = self.table.findText(text) if text else -1
        return (self.table.itemData(index) if index > 0 else text) or None

    def apply_filters(self) -> bool:
        """Re-read the entries with the current filters; shows core errors.  Returns success."""
        from neighbourhood.errors import LedgerError

        if not self.allowed:
            return False
        try:
            self.model.set_filters(**self.filters())
        except LedgerError as exc:
            self.message.setText(str(exc))
            self.message.setVisible(True)
            return False
        self.message.setVisible(False)
        return True

    def clear_filters(self) -> None:
        self.user.setCurrentIndex(0)
        self.user.setEditText("")
        self.table.setCurrentIndex(0)
        self.table.setEditText("")
        self.record.clear()
        self.from_box.setChecked(False)
        self.to_box.setChecked(False)
        self.apply_filters()

    def refresh(self) -> None:
        if self.allowed:
            self.model.reload()

    def verify(self) -> list[str]:
        """Check the hash chain (whole trail, GUI thread, ~1 s per 100k entries); show and return problems."""
        from ui.security.login_dialog import wait_cursor

        if not self.allowed:
            return []
        with wait_cursor():
            problems = list(self.ledger.verify_audit())
        if problems:
            lines = "\n".join(f"• {p}" for p in problems[:50])
            more = (self.tr("… and %1 more").replace("%1", str(len(problems) - 50))
                    if len(problems) > 50 else "")
            self.result.setText(self.tr("The audit trail has been tampered with:") + "\n" + lines
                                + ("\n" + more if more else ""))
            self.result.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.result.setText(self.tr("Audit chain intact"))
            self.result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.result.setVisible(True)
        return problems
