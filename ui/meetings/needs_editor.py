"""Dialogs for the needs & suggestions list and the service items list.

NeedEditor registers or edits a need/suggestion; NeedStepDialog records the
next handling step (办理/办结/回访); ServiceItemEditor edits a service item.
All writes go through ``ledger.meetings.needs`` / ``.services``.  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QLineEdit, QPlainTextEdit, QWidget)

from neighbourhood.errors import LedgerError, ValidationError
from neighbourhood.needs import CATEGORIES, CHANNELS, NEED_KINDS, NEED_STEPS, SATISFACTION
from ui.common import FieldMessage, show_error


def _date_edit(iso: str | None = None) -> QDateEdit:
    edit = QDateEdit(QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class _Dialog(QDialog):
    """A form with a red message line and Save/Cancel; subclasses implement ``_write``."""

    def _finish(self, form: QFormLayout) -> None:
        self.message = FieldMessage()
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)  # fields wide enough to read (were ~110 px)

    def _write(self) -> Any:
        raise NotImplementedError

    def save(self) -> bool:
        try:
            self.result_record = self._write()
        except ValidationError as exc:
            self.message.show_message(exc.message)
            return False
        except LedgerError as exc:
            show_error(self, exc)
            return False
        self.accept()
        return True


class NeedEditor(_Dialog):
    """New need/suggestion (``need_id`` None) or edit one; ``kind`` preselects the list."""

    def __init__(self, ledger: Any, need_id: str | None = None, *, kind: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.need_id = need_id
        need = ledger.meetings.needs.get(need_id) if need_id else None
        self.setWindowTitle(self.tr("New need or suggestion") if need is None else self.tr("Edit need or suggestion"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(NEED_KINDS))
        self.kind_combo.setCurrentText(need.kind if need else (kind or NEED_KINDS[0]))
        self.anonymous_check = QCheckBox(self.tr("Anonymous"))
        self.raised_by_edit = QLineEdit()
        self.channel_combo = QComboBox()
        self.channel_combo.addItems(["", *CHANNELS])
        self.category_combo = QComboBox()
        self.category_combo.setEditable(True)
        self.category_combo.addItems(["", *CATEGORIES])
        self.content_edit = QPlainTextEdit()
        self.received_edit = _date_edit(need.received_date if need else None)
        self.handler_edit = QLineEdit()
        self.adopted_check = QCheckBox(self.tr("Adopted"))
        if need is not None:
            self.anonymous_check.setChecked(need.anonymous)
            self.raised_by_edit.setText(need.raised_by or need.resident_name or "")
            self.raised_by_edit.setEnabled(not need.resident_id)
            self.channel_combo.setCurrentText(need.channel or "")
            self.category_combo.setCurrentText(need.category or "")
            self.content_edit.setPlainText(need.content)
            self.handler_edit.setText(need.handler or "")
            self.adopted_check.setChecked(bool(need.adopted))
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Raised by"), self.raised_by_edit)
        form.addRow("", self.anonymous_check)
        form.addRow(self.tr("Channel"), self.channel_combo)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Content"), self.content_edit)
        form.addRow(self.tr("Received on"), self.received_edit)
        form.addRow(self.tr("Handled by"), self.handler_edit)
        form.addRow("", self.adopted_check)
        self._finish(form)

    def _write(self) -> Any:
        needs = self._ledger.meetings.needs
        values = dict(kind=self.kind_combo.currentText(), content=self.content_edit.toPlainText(),
                      channel=self.channel_combo.currentText() or None,
                      category=self.category_combo.currentText() or None,
                      anonymous=self.anonymous_check.isChecked(),
                      received_date=self.received_edit.date().toString("yyyy-MM-dd"),
                      handler=self.handler_edit.text())
        if self.raised_by_edit.isEnabled():
            values["raised_by"] = self.raised_by_edit.text()
        if self.need_id is None:
            need = needs.add(**values)
        else:
            need = needs.update(self.need_id, **values)
        if need.kind == "建言献策" and self.adopted_check.isChecked() != bool(need.adopted):
            need = needs.set_adopted(need.id, self.adopted_check.isChecked())
        self.need_id = need.id
        return need


class NeedStepDialog(_Dialog):
    """Record 办理, 办结 or 回访 (with satisfaction) for one need."""

    def __init__(self, ledger: Any, need_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.need_id = need_id
        need = ledger.meetings.needs.get(need_id)
        self.setWindowTitle(self.tr("Record handling step"))
        self.step_combo = QComboBox()
        self.step_combo.addItems(list(NEED_STEPS[1:]))
        following = NEED_STEPS.index(need.status) + 1
        self.step_combo.setCurrentText(NEED_STEPS[min(following, len(NEED_STEPS) - 1)])
        self.date_edit = _date_edit()
        self.content_edit = QPlainTextEdit()
        self.handler_edit = QLineEdit(need.handler or "")
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.addItems(["", *SATISFACTION])
        form = QFormLayout(self)
        form.addRow(self.tr("Need"), QLineEdit(need.content, readOnly=True))
        form.addRow(self.tr("Step"), self.step_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("What was done"), self.content_edit)
        form.addRow(self.tr("Handled by"), self.handler_edit)
        form.addRow(self.tr("Satisfaction (follow-up)"), self.satisfaction_combo)
        self._finish(form)

    def _write(self) -> Any:
        return self._ledger.meetings.needs.advance(
            self.need_id, step=self.step_combo.currentText(),
            on=self.date_edit.date().toString("yyyy-MM-dd"), content=self.content_edit.toPlainText(),
            handler=self.handler_edit.text(), satisfaction=self.satisfaction_combo.currentText() or None)


class ServiceItemEditor(_Dialog):
    def __init__(self, ledger: Any, item_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.item_id = item_id
        item = ledger.meetings.services.get(item_id) if item_id else None
        self.setWindowTitle(self.tr("Service item"))
        self.edits = {key: QLineEdit(getattr(item, key) or "" if item else "")
                      for key in ("name", "provider", "contact", "schedule", "notes")}
        form = QFormLayout(self)
        for key, label in (("name", self.tr("Service")), ("provider", self.tr("Provider")),
                           ("contact", self.tr("Contact")), ("schedule", self.tr("Schedule")),
                           ("notes", self.tr("Notes"))):
            form.addRow(label, self.edits[key])
        self._finish(form)

    def _write(self) -> Any:
        values = {k: e.text() for k, e in self.edits.items()}
        services = self._ledger.meetings.services
        item = services.add(**values) if self.item_id is None else services.update(self.item_id, **values)
        self.item_id = item.id
        return item
