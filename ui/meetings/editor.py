"""MeetingEditor: one dialog for a meeting, its attendees, agenda items, decisions and action items.

The dialog keeps the agenda as plain dicts while editing and hands the whole
meeting to ``ledger.meetings.save`` on OK (one operation, one undo step).
Core errors are shown as they come (Chinese), the field at fault is focused.
GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from neighbourhood.errors import LedgerError, ValidationError
from neighbourhood.meetings import (ACTION_STATUSES, ATTENDANCE, ATTENDEE_KINDS, MEETING_TYPES,
                                    MeetingDetail)
from ui.common import FieldMessage, show_error


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _RowTable(QTableWidget):
    """A small editable table whose some columns are combo boxes."""

    def __init__(self, headers: list[str], combos: dict[int, tuple[list[str], list[str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self._combos = combos  # column -> (stored values, shown labels)
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)

    def add_row(self, values: list[Any]) -> int:
        row = self.rowCount()
        self.insertRow(row)
        for col, value in enumerate(values):
            if col in self._combos:
                stored, shown = self._combos[col]
                combo = QComboBox()
                for s, label in zip(stored, shown):
                    combo.addItem(label, s)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                self.setCellWidget(row, col, combo)
            else:
                self.setItem(row, col, QTableWidgetItem(_text(value)))
        return row

    def value(self, row: int, col: int) -> Any:
        if col in self._combos:
            return self.cellWidget(row, col).currentData()
        item = self.item(row, col)
        return item.text().strip() if item else ""

    def set_value(self, row: int, col: int, value: Any) -> None:
        if col in self._combos:
            combo = self.cellWidget(row, col)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        else:
            self.setItem(row, col, QTableWidgetItem(_text(value)))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)


class MeetingEditor(QDialog):
    """New meeting (``meeting_id`` None) or edit one.  After OK, ``meeting_id`` holds the id."""

    def __init__(self, ledger: Any, meeting_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.meeting_id = meeting_id
        self._agenda: list[dict[str, Any]] = []
        self._attendee_ids: list[str | None] = []
        self._current = -1
        self.setWindowTitle(self.tr("New meeting") if meeting_id is None else self.tr("Edit meeting"))
        self.resize(980, 700)
        self._build()
        if meeting_id is not None:
            self._fill(ledger.meetings.detail(meeting_id))
        self._select_agenda(0 if self._agenda else -1)

    # --- layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.type_combo = QComboBox()
        self.type_combo.addItems(list(MEETING_TYPES))
        self.title_edit = QLineEdit()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit = QLineEdit()
        self.start_edit.setPlaceholderText("14:30")
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText("16:00")
        self.place_edit = QLineEdit()
        self.host_edit = QLineEdit()
        self.recorder_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("Host"))
        self.recorder_edit.setPlaceholderText(self.tr("Recorder"))
        self.expected_edit = QLineEdit()
        self.present_edit = QLineEdit()
        for edit in (self.expected_edit, self.present_edit):
            edit.setPlaceholderText(self.tr("counted from attendees"))
        self.open_questions_edit = QPlainTextEdit()
        self.open_questions_edit.setMaximumHeight(60)

        form = QFormLayout()
        times = QHBoxLayout()
        times.addWidget(self.date_edit)
        times.addWidget(self.start_edit)
        times.addWidget(self.end_edit)
        counts = QHBoxLayout()
        counts.addWidget(self.expected_edit)
        counts.addWidget(self.present_edit)
        people = QHBoxLayout()
        people.addWidget(self.host_edit)
        people.addWidget(self.recorder_edit)
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date, from, to"), times)
        form.addRow(self.tr("Place"), self.place_edit)
        form.addRow(self.tr("Host, recorder"), people)
        form.addRow(self.tr("Expected, present"), counts)
        form.addRow(self.tr("Open questions"), self.open_questions_edit)

        kinds = list(ATTENDEE_KINDS)
        kind_labels = [self.tr("Staff"), self.tr("Resident"), self.tr("Outside unit")]
        self.attendees = _RowTable(
            [self.tr("Name"), self.tr("Kind"), self.tr("Unit / post"), self.tr("Attendance"),
             self.tr("Reason for absence")],
            {1: (kinds, kind_labels), 3: (list(ATTENDANCE), list(ATTENDANCE))})
        add_person = QPushButton(self.tr("Add attendee"))
        add_person.clicked.connect(lambda: self.add_attendee(""))
        remove_person = QPushButton(self.tr("Remove attendee"))
        remove_person.clicked.connect(self._remove_attendees)
        people_box = QWidget()
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.attendees)
        row = QHBoxLayout()
        row.addWidget(add_person)
        row.addWidget(remove_person)
        row.addStretch()
        people_layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(people_box, self.tr("Attendees"))
        self.tabs.addTab(self._build_agenda(), self.tr("Agenda and decisions"))
        # Signed minutes, sign-in sheets, photos: stored at once when editing, with Save for a new meeting.
        from ui.attachments.panel import AttachmentPanel
        self.attachments = AttachmentPanel(self._ledger, "meetings", self.meeting_id)
        self.tabs.addTab(self.attachments, self.tr("Signed minutes and photos"))

        self.message = FieldMessage()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _build_agenda(self) -> QWidget:
        self.agenda_list = QListWidget()
        self.agenda_list.currentRowChanged.connect(self._select_agenda)
        add_item = QPushButton(self.tr("Add agenda item"))
        add_item.clicked.connect(lambda: self.add_agenda_item(self.tr("New agenda item")))
        remove_item = QPushButton(self.tr("Remove agenda item"))
        remove_item.clicked.connect(self._remove_agenda_item)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.agenda_list)
        left_layout.addWidget(add_item)
        left_layout.addWidget(remove_item)

        self.item_title = QLineEdit()
        self.item_title.textEdited.connect(self._title_edited)
        self.discussion_edit = QPlainTextEdit()
        self.decision_edit = QPlainTextEdit()
        self.decision_edit.setMaximumHeight(70)
        self.votes = [QLineEdit(), QLineEdit(), QLineEdit()]
        for edit, hint in zip(self.votes, (self.tr("for"), self.tr("against"), self.tr("abstain"))):
            edit.setPlaceholderText(hint)
        votes = QHBoxLayout()
        for edit in self.votes:
            votes.addWidget(edit)
        self.actions = _RowTable(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due (YYYY-MM-DD)"), self.tr("Status")],
            {3: (list(ACTION_STATUSES), list(ACTION_STATUSES))})
        add_action = QPushButton(self.tr("Add action item"))
        add_action.clicked.connect(lambda: self.add_action("", "", ""))
        remove_action = QPushButton(self.tr("Remove action item"))
        remove_action.clicked.connect(self.actions.remove_selected)
        self.detail = QGroupBox(self.tr("Agenda item"))
        form = QFormLayout(self.detail)
        form.addRow(self.tr("Title"), self.item_title)
        form.addRow(self.tr("Discussion"), self.discussion_edit)
        form.addRow(self.tr("Votes"), votes)
        form.addRow(self.tr("Decision"), self.decision_edit)
        form.addRow(self.tr("Action items"), self.actions)
        buttons = QHBoxLayout()
        buttons.addWidget(add_action)
        buttons.addWidget(remove_action)
        buttons.addStretch()
        form.addRow("", buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        return splitter

    # --- filling and editing ----------------------------------------------------

    def _fill(self, detail: MeetingDetail) -> None:
        m = detail.meeting
        self.type_combo.setCurrentText(m.type)
        self.title_edit.setText(m.title)
        self.date_edit.setDate(QDate.fromString(m.meeting_date, "yyyy-MM-dd"))
        self.start_edit.setText(_text(m.start_time))
        self.end_edit.setText(_text(m.end_time))
        self.place_edit.setText(_text(m.place))
        self.host_edit.setText(_text(m.host))
        self.recorder_edit.setText(_text(m.recorder))
        self.expected_edit.setText(_text(m.expected_count))
        self.present_edit.setText(_text(m.present_count))
        self.open_questions_edit.setPlainText(_text(m.open_questions))
        for a in detail.attendees:
            self.add_attendee(a.name, kind=a.kind, unit=a.unit, status=a.status,
                              reason=a.absence_reason, record_id=a.id)
        for item in detail.agenda:
            self._agenda.append(dict(
                id=item.id, title=item.title, discussion=item.discussion, decision=item.decision,
                votes_for=item.votes_for, votes_against=item.votes_against,
                votes_abstain=item.votes_abstain,
                action_items=[dict(id=a.id, what=a.what, owner=a.owner, due_date=a.due_date,
                                   status=a.status, done_date=a.done_date) for a in item.action_items]))
            self.agenda_list.addItem(item.title)

    def add_attendee(self, name: str, *, kind: str = "staff", unit: str | None = None,
                     status: str = "出席", reason: str | None = None, record_id: str | None = None) -> int:
        self._attendee_ids.append(record_id)
        return self.attendees.add_row([name, kind, unit, status, reason])

    def _remove_attendees(self) -> None:
        for row in sorted({i.row() for i in self.attendees.selectedIndexes()}, reverse=True):
            self.attendees.removeRow(row)
            del self._attendee_ids[row]

    def add_agenda_item(self, title: str) -> int:
        """Append an agenda item and select it; returns its row."""
        self._store_current()
        self._agenda.append(dict(title=title, action_items=[]))
        self.agenda_list.addItem(title)
        row = len(self._agenda) - 1
        self.agenda_list.setCurrentRow(row)
        return row

    def _remove_agenda_item(self) -> None:
        row = self.agenda_list.currentRow()
        if row < 0:
            return
        self._current = -1  # the removed item must not be stored back
        del self._agenda[row]
        self.agenda_list.takeItem(row)
        self._select_agenda(self.agenda_list.currentRow())

    def add_action(self, what: str, owner: str, due: str, status: str = "待办") -> int:
        return self.actions.add_row([what, owner, due, status])

    def _title_edited(self, text: str) -> None:
        if 0 <= self._current < self.agenda_list.count():
            self.agenda_list.item(self._current).setText(text)

    def _store_current(self) -> None:
        """Copy the detail widgets back into the current agenda dict."""
        row = self._current
        if not 0 <= row < len(self._agenda):
            return
        item = self._agenda[row]
        old_actions = item.get("action_items", [])
        item.update(title=self.item_title.text(), discussion=self.discussion_edit.toPlainText(),
                    decision=self.decision_edit.toPlainText(),
                    votes_for=self.votes[0].text(), votes_against=self.votes[1].text(),
                    votes_abstain=self.votes[2].text())
        actions = []
        for r in range(self.actions.rowCount()):
            values = dict(what=self.actions.value(r, 0), owner=self.actions.value(r, 1),
                          due_date=self.actions.value(r, 2), status=self.actions.value(r, 3))
            if not any(values[k] for k in ("what", "owner", "due_date")):
                continue  # an empty row left over
            old = self.actions.item(r, 0).data(Qt.ItemDataRole.UserRole) if self.actions.item(r, 0) else None
            if old:
                values["id"] = old
                done = next((a.get("done_date") for a in old_actions if a.get("id") == old), None)
                values["done_date"] = done
            actions.append(values)
        item["action_items"] = actions

    def _select_agenda(self, row: int) -> None:
        self._store_current()
        self._current = row
        self.detail.setEnabled(0 <= row < len(self._agenda))
        item = self._agenda[row] if 0 <= row < len(self._agenda) else {}
        self.item_title.setText(_text(item.get("title")))
        self.discussion_edit.setPlainText(_text(item.get("discussion")))
        self.decision_edit.setPlainText(_text(item.get("decision")))
        for edit, key in zip(self.votes, ("votes_for", "votes_against", "votes_abstain")):
            edit.setText(_text(item.get(key)))
        self.actions.setRowCount(0)
        for a in item.get("action_items", []):
            r = self.add_action(_text(a.get("what")), _text(a.get("owner")), _text(a.get("due_date")),
                                a.get("status") or "待办")
            self.actions.item(r, 0).setData(Qt.ItemDataRole.UserRole, a.get("id"))

    # --- saving -------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form holds, in the shape ``ledger.meetings.save`` takes."""
        self._store_current()
        attendees = []
        for r in range(self.attendees.rowCount()):
            name = self.attendees.value(r, 0)
            if not name and not self.attendees.value(r, 2):
                continue
            attendees.append(dict(id=self._attendee_ids[r], name=name, kind=self.attendees.value(r, 1),
                                  unit=self.attendees.value(r, 2), status=self.attendees.value(r, 3),
                                  absence_reason=self.attendees.value(r, 4)))
        return dict(type=self.type_combo.currentText(), title=self.title_edit.text(),
                    meeting_date=self.date_edit.date().toString("yyyy-MM-dd"),
                    start_time=self.start_edit.text(), end_time=self.end_edit.text(),
                    place=self.place_edit.text(), host=self.host_edit.text(),
                    recorder=self.recorder_edit.text(), expected_count=self.expected_edit.text(),
                    present_count=self.present_edit.text(),
                    open_questions=self.open_questions_edit.toPlainText(),
                    attendees=attendees, agenda=[dict(a) for a in self._agenda])

    def save(self) -> bool:
        """Save through the core; on success accept the dialog.  Returns True when saved."""
        fields = {"title": self.title_edit, "start_time": self.start_edit, "end_time": self.end_edit,
                  "expected_count": self.expected_edit, "present_count": self.present_edit}
        try:
            if self.meeting_id is None and self.attachments.model.pending:
                with self._ledger.operation("新建会议"):  # the meeting and its files together
                    detail = self._ledger.meetings.save(None, **self.values())
                    self.attachments.save_pending(detail.meeting.id)
            else:
                detail = self._ledger.meetings.save(self.meeting_id, **self.values())
        except ValidationError as exc:
            self.message.show_message(exc.message)
            widget = fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return False
        except LedgerError as exc:
            show_error(self, exc)
            return False
        self.meeting_id = detail.meeting.id
        self.message.show_message(None)
        self.accept()
        return True
