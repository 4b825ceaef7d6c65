"""VisitEntryDialog: keyboard-driven fast entry of a visit, then on to the next due household.

Visitor and date are prefilled (the signed-in user, today); the household is
chosen by typing into the search field (``ledger.search.find``; Enter takes the
first hit, Down moves into the hits); Tab walks the form; Ctrl+Enter saves
through ``ledger.visits.record`` and loads the next household of ``queue`` (the
due list as shown when the dialog opened), or closes when there is none.
Errors are shown in the dialog (Chinese core messages) and nothing is saved.
GUI thread only.  No SQL here.
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError
from neighbourhood.visits import CHANNELS, VISITOR_ROLES
from ui.attachments.panel import AttachmentPanel
from ui.common import FieldMessage, scrolled
from ui.signals import emit

_NEED_COLUMNS = 3  # what, owner, due date


class VisitEntryDialog(QDialog):
    """Fast entry of visits.  ``saved(operation)`` after each save; ``household_changed(id)``."""

    saved = Signal(object)
    household_changed = Signal(str)

    def __init__(self, ledger: Any, *, household_id: str | None = None, queue: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.queue = [h for h in queue if h]
        self.household_id: str | None = None
        self.saved_count = 0
        self.setWindowTitle(self.tr("Record visit"))
        self._build()
        if household_id:
            self.set_household(household_id)
        else:
            self.search_edit.setFocus()

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        access = self._ledger.access
        self.visitor_edit = QLineEdit(access.display_name)
        self.role_combo = QComboBox()
        self.role_combo.addItems(list(VISITOR_ROLES))
        self.role_combo.setCurrentText("网格员" if access.role == "grid_worker" else "社工")
        self.others_edit = QLineEdit()
        self.others_edit.setPlaceholderText(self.tr("Volunteers or colleagues, separated by commas"))
        today = self._ledger.visits.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.dateChanged.connect(lambda _d: self._suggest_next())
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("HH:MM (optional)"))
        self.time_edit.setMaximumWidth(110)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type a name, pinyin, phone or address, then Enter"))
        self.search_edit.textEdited.connect(self._search)
        self.search_edit.returnPressed.connect(self._take_first_hit)
        self.search_edit.installEventFilter(self)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(110)
        self.hits.setVisible(False)
        self.hits.itemActivated.connect(lambda item: self.set_household(item.data(Qt.ItemDataRole.UserRole)))
        self.household_label = QLabel(self.tr("No household chosen"))
        self.household_label.setStyleSheet("font-weight: bold;")

        self.type_combo = QComboBox()
        self.type_combo.addItems([t.name for t in self._ledger.visits.types()])
        self.channel_combo = QComboBox()
        self.channel_combo.addItems(list(CHANNELS))
        self.nobody_check = QCheckBox(self.tr("Nobody home (attempt only)"))
        self.residents_list = QListWidget()
        self.residents_list.setMaximumHeight(80)

        self.situation_edit = self._text(self.tr("Family situation"))
        self.difficulties_edit = self._text(self.tr("Difficulties"))
        self.requests_edit = self._text(self.tr("Requests and suggestions"))
        self.plan_edit = self._text(self.tr("Follow-up plan"))

        self.needs_table = QTableWidget(0, _NEED_COLUMNS)
        self.needs_table.setHorizontalHeaderLabels([self.tr("Need"), self.tr("Owner"),
                                                    self.tr("Due (YYYY-MM-DD)")])
        header = self.needs_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the due date as wide as its header ("办理期限（年-月-日）" uncut); the owner room for a name
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, max(header.sectionSizeFromContents(1).width(),
                                    self.fontMetrics().horizontalAdvance("欧阳建国华") + 16))
        self.needs_table.setMaximumHeight(110)
        self.needs_table.setTabKeyNavigation(False)
        self.needs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add_need = QPushButton(self.tr("Add need"))
        add_need.clicked.connect(self.add_need_row)
        remove_need = QPushButton(self.tr("Remove need"))
        remove_need.clicked.connect(self._remove_need_row)

        # Photos of the visit wait here until Save stores them with the visit.
        self.photos = AttachmentPanel(self._ledger, "visits", None)
        self.photos.view.setMaximumHeight(150)
        self.next_edit = QLineEdit()
        self.next_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.next_edit.setMaximumWidth(140)
        self.message = FieldMessage()
        self.queue_label = QLabel()
        self.queue_label.setStyleSheet("color: #555;")

        form = QFormLayout()
        visitor_row = QHBoxLayout()
        visitor_row.addWidget(self.visitor_edit, 1)
        visitor_row.addWidget(self.role_combo)
        form.addRow(self.tr("Visitor"), visitor_row)
        form.addRow(self.tr("Also present"), self.others_edit)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addStretch()
        form.addRow(self.tr("Date, time"), when)
        form.addRow(self.tr("Household"), self.search_edit)
        form.addRow("", self.hits)
        form.addRow("", self.household_label)
        kind = QHBoxLayout()
        kind.addWidget(self.type_combo, 1)
        kind.addWidget(self.channel_combo)
        kind.addWidget(self.nobody_check)
        form.addRow(self.tr("Type, channel"), kind)
        form.addRow(self.tr("Residents met"), self.residents_list)
        form.addRow(self.tr("Family situation"), self.situation_edit)
        form.addRow(self.tr("Difficulties"), self.difficulties_edit)
        form.addRow(self.tr("Requests and suggestions"), self.requests_edit)
        form.addRow(self.tr("Follow-up plan"), self.plan_edit)
        needs_buttons = QHBoxLayout()
        needs_buttons.addWidget(add_need)
        needs_buttons.addWidget(remove_need)
        needs_buttons.addStretch()
        needs_box = QVBoxLayout()
        needs_box.addWidget(self.needs_table)
        needs_box.addLayout(needs_buttons)
        form.addRow(self.tr("Needs raised"), needs_box)
        form.addRow(self.tr("Next visit"), self.next_edit)
        form.addRow(self.tr("Photos and files"), self.photos)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save and next (Ctrl+Enter)"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)

        # The form (~900 px) scrolls, the message and Save stay in view: on a 1366×768 laptop the
        # dialog fits the screen instead of hiding Save below its edge.  Tab scrolls to the field.
        body = QWidget()
        body.setLayout(form)
        scroll = scrolled(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.queue_label, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        screen = self.screen()
        height = 940 if screen is None else min(940, screen.availableGeometry().height() - 40)
        self.resize(720, max(height, 480))

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab moves on: the form is walked with the keyboard
        edit.setMaximumHeight(64)
        return edit

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Ctrl+Enter saves; a plain Enter never presses a button or closes the form."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.hits.count()):
            self.hits.setFocus()
            self.hits.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    # --- household -----------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.hits.clear()
        found = self._ledger.search.find(text, limit=20) if text.strip() else []
        seen = set()
        for hit in found:
            if hit.household_id in seen:
                continue
            seen.add(hit.household_id)
            item = QListWidgetItem(f"{hit.title}  {hit.detail}  {hit.grid_name}")
            item.setData(Qt.ItemDataRole.UserRole, hit.household_id)
            self.hits.addItem(item)
        self.hits.setVisible(self.hits.count() > 0)

    def _take_first_hit(self) -> None:
        if not self.hits.count():
            self._search(self.search_edit.text())
        if self.hits.count():
            item = self.hits.currentItem() or self.hits.item(0)
            self.set_household(item.data(Qt.ItemDataRole.UserRole))

    def set_household(self, household_id: str) -> None:
        """Show ``household_id`` and clear what belongs to the previous visit."""
        try:
            summary = self._ledger.households.summary(household_id)
            members = self._ledger.households.members(household_id)
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return
        self.household_id = household_id
        head = summary.get("head_name") or self.tr("(no head)")
        self.household_label.setText(f"{summary['address']} — {head} — {summary.get('grid_name') or ''}")
        self.hits.clear()
        self.hits.setVisible(False)
        self.search_edit.clear()
        self.residents_list.clear()
        for member in members:
            item = QListWidgetItem(member.name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.residents_list.addItem(item)
        for edit in (self.situation_edit, self.difficulties_edit, self.requests_edit, self.plan_edit):
            edit.clear()
        self.time_edit.clear()
        self.nobody_check.setChecked(False)
        self.needs_table.setRowCount(0)
        self.photos.model.clear_pending()
        self.message.show_message(None)
        self._suggest_next()
        self._show_queue()
        emit(self.household_changed, household_id)
        self.type_combo.setFocus()

    def _suggest_next(self) -> None:
        if not self.household_id:
            return
        day = self.date_edit.date().toString("yyyy-MM-dd")
        try:
            self.next_edit.setText(self._ledger.visits.suggested_next_date(self.household_id, day) or "")
        except LedgerError:
            self.next_edit.clear()

    def _remaining(self) -> list[str]:
        if self.household_id in self.queue:
            return self.queue[self.queue.index(self.household_id) + 1:]
        return list(self.queue)

    def _show_queue(self) -> None:
        left = len(self._remaining())
        self.queue_label.setText(self.tr("Saved %1; %2 more due in the list").replace(
            "%1", str(self.saved_count)).replace("%2", str(left)) if self.queue else "")

    # --- needs ---------------------------------------------------------------------------

    def add_need_row(self, what: str = "", owner: str = "", due: str = "") -> int:
        row = self.needs_table.rowCount()
        self.needs_table.insertRow(row)
        for column, text in enumerate((what, owner, due)):
            self.needs_table.setItem(row, column, QTableWidgetItem(text))
        self.needs_table.setCurrentCell(row, 0)
        return row

    def _remove_need_row(self) -> None:
        row = self.needs_table.currentRow()
        if row >= 0:
            self.needs_table.removeRow(row)

    def _needs(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.needs_table.rowCount()):
            cells = [(self.needs_table.item(row, c).text().strip() if self.needs_table.item(row, c) else "")
                     for c in range(_NEED_COLUMNS)]
            if any(cells):
                out.append(dict(what=cells[0], owner=cells[1], due_date=cells[2]))
        return out

    # --- saving --------------------------------------------------------------------------

    def _visitors(self) -> list[dict[str, Any]]:
        access = self._ledger.access
        name = self.visitor_edit.text().strip()
        first: dict[str, Any] = dict(name=name, role=self.role_combo.currentText())
        if access.user_id and name == access.display_name:
            first["user_id"] = access.user_id
        people = [first]
        for other in self.others_edit.text().replace("，", ",").replace("、", ",").split(","):
            if other.strip():
                people.append(dict(name=other.strip(), role="志愿者"))
        return people

    def values(self) -> dict[str, Any]:
        """What :meth:`save` passes to ``ledger.visits.record``."""
        met = [self.residents_list.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(self.residents_list.count())
               if self.residents_list.item(i).checkState() == Qt.CheckState.Checked]
        return dict(
            household_id=self.household_id, visitors=self._visitors(),
            visit_date=self.date_edit.date().toString("yyyy-MM-dd"), start_time=self.time_edit.text(),
            visit_type=self.type_combo.currentText(), channel=self.channel_combo.currentText(),
            nobody_home=self.nobody_check.isChecked(), situation=self.situation_edit.toPlainText(),
            difficulties=self.difficulties_edit.toPlainText(), requests=self.requests_edit.toPlainText(),
            plan=self.plan_edit.toPlainText(), next_visit_date=self.next_edit.text(),
            residents_met=met, needs=self._needs())

    def save(self) -> bool:
        """Record the visit; then load the next due household (or close).  False on error."""
        if not self.household_id:
            self.message.show_message(self.tr("Choose a household first: type in the search field."))
            self.search_edit.setFocus()
            return False
        try:
            if self.photos.model.pending:
                # The visit and its photos are stored together or not at all.
                with self._ledger.operation("登记走访") as op:
                    self._ledger.visits.record(**self.values())
                    self.photos.save_pending(next(w.record_id for w in op.writes if w.table == "visits"))
            else:
                op = self._ledger.visits.record(**self.values())
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return False
        self.saved_count += 1
        self.photos.model.clear_pending()
        done = self.household_id
        emit(self.saved, op)
        remaining = [h for h in self._remaining() if h != done]
        if remaining:
            self.set_household(remaining[0])
        else:
            self.accept()
        return True
