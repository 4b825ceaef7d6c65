"""Dialogs of the hardship screens: enrol, change status, annual review, assistance.

Each calls one ``ledger.hardship`` service on OK; a core ValidationError is shown
under the form (its Chinese message names the field) and the dialog stays open.
The written record is kept in ``self.record``.  GUI thread only.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from neighbourhood.assistance import KINDS, SOURCES
from neighbourhood.errors import LedgerError
from neighbourhood.hardship import REVIEW_RESULTS, SUPPORT_MODES, TRANSITIONS, yuan_to_fen
from ui.common import FieldMessage

DIALOG_MIN_WIDTH = 380


def _date_edit(day: _dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> _dt.date:
    d = edit.date()
    return _dt.date(d.year(), d.month(), d.day())


class _FormDialog(QDialog):
    """A form with OK/Cancel and a message line; subclasses implement ``save``."""

    def __init__(self, ledger: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.record: Any = None
        self.form = QFormLayout()
        self.message = FieldMessage()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # room for Chinese labels and hints like "批准在册时填写：…" (the fields were ~120 px)
        self.setMinimumWidth(DIALOG_MIN_WIDTH)

    def save(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.record = self.save()
        except LedgerError as exc:
            self.message.show_message(str(exc))
            return
        super().accept()


class EnrolDialog(_FormDialog):
    """New enrolment: an application, or an existing case entered from a paper roster.

    With ``household_id`` the subject is that household or one of its members;
    otherwise the user searches the registry.
    """

    def __init__(self, ledger: Any, *, household_id: str | None = None, category: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("New hardship enrolment"))
        self._household_id = household_id
        hardship = ledger.hardship
        self.category_combo = QComboBox()
        for cat in hardship.categories():
            if not cat.derived:
                self.category_combo.addItem(f"{cat.code}（{cat.name}）", cat.code)
        if category:
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        self.form.addRow(self.tr("Category"), self.category_combo)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, ID number tail, phone or address"))
        self.search_button = QPushButton(self.tr("Find"))
        self.search_button.clicked.connect(self.find)
        self.search_edit.returnPressed.connect(self.find)
        self.subject_combo = QComboBox()
        if household_id:
            self._fill_members(household_id)
        else:
            row = QHBoxLayout()
            row.addWidget(self.search_edit, 1)
            row.addWidget(self.search_button)
            self.form.addRow(self.tr("Search"), row)
        self.form.addRow(self.tr("Household or person"), self.subject_combo)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Application"), "申请")
        self.status_combo.addItem(self.tr("Already enrolled (from a paper roster)"), "在册")
        self.form.addRow(self.tr("Status"), self.status_combo)
        self.date_edit = _date_edit(hardship.today())
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.covered_spin = QSpinBox()
        self.covered_spin.setRange(0, 99)
        self.covered_spin.setSpecialValueText(self.tr("(not set)"))
        self.form.addRow(self.tr("Persons covered"), self.covered_spin)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0.00")
        self.form.addRow(self.tr("Monthly amount (yuan)"), self.amount_edit)
        self.start_month_edit = QLineEdit()
        self.start_month_edit.setPlaceholderText("2024-03")
        self.form.addRow(self.tr("Start month"), self.start_month_edit)
        self.certificate_edit = QLineEdit()
        self.form.addRow(self.tr("Certificate no."), self.certificate_edit)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("", None)
        for mode in SUPPORT_MODES:
            self.mode_combo.addItem(mode, mode)
        self.form.addRow(self.tr("Support mode"), self.mode_combo)
        self.family_type_edit = QLineEdit()
        self.form.addRow(self.tr("Family type"), self.family_type_edit)
        self.housing_edit = QLineEdit()
        self.form.addRow(self.tr("Housing"), self.housing_edit)
        self.documents_edit = QLineEdit()
        self.documents_edit.setPlaceholderText(self.tr("Documents received"))
        self.form.addRow(self.tr("Documents"), self.documents_edit)
        self.notes_edit = QLineEdit()
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self.extra_widgets: dict[str, QWidget] = {}
        self._extra_rows: list[QWidget] = []
        self.category_combo.currentIndexChanged.connect(lambda _i: self._build_extra())
        self._build_extra()
        # Scanned certificates and approvals wait here until OK stores them with the enrolment.
        from ui.attachments.panel import AttachmentPanel
        self.attachments = AttachmentPanel(ledger, "hardship_enrolments", None)
        self.attachments.view.setMaximumHeight(150)
        self.layout().insertWidget(1, self.attachments)

    def _fill_members(self, household_id: str) -> None:
        self.subject_combo.clear()
        summary = self._ledger.households.summary(household_id)
        self.subject_combo.addItem(self.tr("Household: %1").replace("%1", summary["address"]),
                                   ("household", household_id))
        for member in self._ledger.households.members(household_id):
            self.subject_combo.addItem(f"{member.name}（{member.relation or ''}）", ("resident", member.id))

    def find(self) -> None:
        self.subject_combo.clear()
        for hit in self._ledger.search.find(self.search_edit.text(), limit=30):
            if hit.kind == "resident":
                self.subject_combo.addItem(f"{hit.title}  {hit.detail}", ("resident", hit.id))
            else:
                self.subject_combo.addItem(f"{hit.title}  {hit.detail}", ("household", hit.id))
        if not self.subject_combo.count():
            self.message.show_message(self.tr("Nobody found."))
        else:
            self.message.show_message(None)

    def _build_extra(self) -> None:
        for widget in self._extra_rows:
            self.form.removeRow(widget)
        self._extra_rows.clear()
        self.extra_widgets.clear()
        code = self.category_combo.currentData()
        if not code:
            return
        for spec in self._ledger.hardship.category(code).fields:
            if spec.type == "choice" or (spec.type == "int" and spec.min is not None and spec.max is not None):
                widget: QWidget = QComboBox()
                widget.addItem("", None)
                values = spec.choices if spec.type == "choice" else [str(v) for v in range(spec.min, spec.max + 1)]
                for value in values:
                    widget.addItem(value, value)
            else:
                widget = QLineEdit()
            self.extra_widgets[spec.key] = widget
            self._extra_rows.append(widget)
            self.form.addRow(spec.label, widget)

    def set_subject(self, kind: str, record_id: str) -> None:
        """Select (or add) the subject programmatically (tests, or a caller that already knows it)."""
        index = self.subject_combo.findData((kind, record_id))
        if index < 0:
            self.subject_combo.addItem(record_id, (kind, record_id))
            index = self.subject_combo.count() - 1
        self.subject_combo.setCurrentIndex(index)

    def _extra(self) -> dict[str, Any]:
        out = {}
        for key, widget in self.extra_widgets.items():
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
            if value not in (None, ""):
                out[key] = value
        return out

    def save(self) -> Any:
        code = self.category_combo.currentData()
        subject = self.subject_combo.currentData()
        if not subject:
            from neighbourhood.errors import ValidationError
            raise ValidationError("请选择住户或居民", field="household_id")
        kind, record_id = subject
        household_id = record_id if kind == "household" else None
        resident_id = record_id if kind == "resident" else None
        category = self._ledger.hardship.category(code)
        if category.applies_to == "household" and resident_id:
            # the applicant of a household list: the household is the person's
            household_id = self._ledger.residents.get(resident_id).household_id
        if self.attachments.model.pending:
            # The enrolment and its scanned documents are stored together or not at all.
            with self._ledger.operation("登记困难群众"):
                record = self._enrol(code, household_id, resident_id)
                self.attachments.save_pending(record.id)
            return record
        return self._enrol(code, household_id, resident_id)

    def _enrol(self, code: str, household_id: str | None, resident_id: str | None) -> Any:
        return self._ledger.hardship.enrol(
            category=code, household_id=household_id, resident_id=resident_id,
            status=self.status_combo.currentData(), on=_day(self.date_edit),
            covered_count=self.covered_spin.value() or None,
            monthly_amount_fen=yuan_to_fen(self.amount_edit.text()),
            start_month=self.start_month_edit.text(), certificate_no=self.certificate_edit.text(),
            support_mode=self.mode_combo.currentData(), family_type=self.family_type_edit.text(),
            housing=self.housing_edit.text(), documents=self.documents_edit.text(),
            notes=self.notes_edit.text(), extra=self._extra())


class TransitionDialog(_FormDialog):
    """Move an enrolment to the next status (退出 and 不予通过 need a reason)."""

    def __init__(self, ledger: Any, enrolment: Any, *, to_status: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Change status"))
        self._enrolment = enrolment
        self.form.addRow(self.tr("Current status"), QLineEdit(enrolment.status, readOnly=True))
        self.status_combo = QComboBox()
        for status in TRANSITIONS.get(enrolment.status, ()):
            self.status_combo.addItem(status, status)
        if to_status:
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(to_status)))
        self.form.addRow(self.tr("New status"), self.status_combo)
        self.date_edit = _date_edit(ledger.hardship.today())
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.reason_edit = QLineEdit()
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("When enrolling: monthly amount (yuan)"))
        self.form.addRow(self.tr("Monthly amount (yuan)"), self.amount_edit)

    def save(self) -> Any:
        details = {}
        fen = yuan_to_fen(self.amount_edit.text())
        if fen is not None:
            details["monthly_amount_fen"] = fen
        return self._ledger.hardship.transition(self._enrolment.id, self.status_combo.currentData(),
                                                on=_day(self.date_edit), reason=self.reason_edit.text(),
                                                **details)


class ReviewDialog(_FormDialog):
    """年审/复核 of an enrolled case; the next review date follows the cycle unless set."""

    def __init__(self, ledger: Any, enrolment: Any, parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Annual review"))
        self._enrolment = enrolment
        self.date_edit = _date_edit(ledger.hardship.today())
        self.form.addRow(self.tr("Review date"), self.date_edit)
        self.result_combo = QComboBox()
        for result in REVIEW_RESULTS:
            self.result_combo.addItem(result, result)
        self.form.addRow(self.tr("Result"), self.result_combo)
        self.notes_edit = QLineEdit()
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("Leave empty to keep"))
        self.form.addRow(self.tr("Monthly amount (yuan)"), self.amount_edit)
        self.next_check = QCheckBox(self.tr("Set next review date"))
        self.next_edit = _date_edit(ledger.hardship.today() + _dt.timedelta(days=365))
        self.next_edit.setEnabled(False)
        self.next_check.toggled.connect(self.next_edit.setEnabled)
        self.form.addRow(self.next_check, self.next_edit)

    def save(self) -> Any:
        details = {}
        fen = yuan_to_fen(self.amount_edit.text())
        if fen is not None:
            details["monthly_amount_fen"] = fen
        return self._ledger.hardship.review(
            self._enrolment.id, on=_day(self.date_edit), result=self.result_combo.currentData(),
            notes=self.notes_edit.text(), next_review_date=_day(self.next_edit) if self.next_check.isChecked() else None,
            **details)


class AssistanceDialog(_FormDialog):
    """Record 救助/慰问 under an enrolment or for a household."""

    def __init__(self, ledger: Any, *, enrolment: Any = None, household_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self.setWindowTitle(self.tr("Record assistance"))
        self._enrolment = enrolment
        self._household_id = household_id
        self.date_edit = _date_edit(ledger.hardship.today())
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind, kind)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0.00")
        self.form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        self.items_edit = QLineEdit()
        self.form.addRow(self.tr("Items / service"), self.items_edit)
        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.source_combo.addItems(list(SOURCES))
        self.form.addRow(self.tr("Source"), self.source_combo)
        self.occasion_edit = QLineEdit()
        self.form.addRow(self.tr("Occasion"), self.occasion_edit)
        self.handled_edit = QLineEdit(ledger.access.display_name)
        self.form.addRow(self.tr("Handled by"), self.handled_edit)

    def save(self) -> Any:
        derived = self._enrolment is not None and self._enrolment.derived
        enrolment_id = None if self._enrolment is None or derived else self._enrolment.id
        household_id = self._household_id
        resident_id = None
        if derived:
            household_id, resident_id = self._enrolment.subject_household_id, self._enrolment.resident_id
        return self._ledger.hardship.assistance.record(
            given_on=_day(self.date_edit), kind=self.kind_combo.currentData(),
            source=self.source_combo.currentText(), amount_fen=yuan_to_fen(self.amount_edit.text(),
                                                                           field="amount_fen"),
            items=self.items_edit.text(), occasion=self.occasion_edit.text(),
            handled_by=self.handled_edit.text(), enrolment_id=enrolment_id,
            household_id=household_id, resident_id=resident_id)
