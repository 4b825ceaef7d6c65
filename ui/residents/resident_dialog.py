"""Add or edit a resident, with inline validation under each field.

Every change re-runs ``neighbourhood.residents.check_fields`` over the whole
form; a field's message is shown once the user has left that field (or typed
a complete ID number), so a fresh form is not covered in red.  A valid ID
number fills sex and birth date.  Save stays disabled while any problem is
left; a service ``ValidationError`` is shown at its field.  The dialog does
the write itself (one service call, one undoable operation).  GUI thread only.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from neighbourhood import vocab
from neighbourhood.errors import LedgerError, ValidationError
from ui.common import FieldMessage, show_error

# Fields shown as combo boxes (a blank first entry means "not given").
_COMBOS = {"sex": vocab.SEXES, "relation": vocab.RELATIONS, "residence_status": vocab.RESIDENCE_STATUSES,
           "ethnicity": vocab.ETHNICITIES, "political_status": vocab.POLITICAL_STATUSES,
           "employment": vocab.EMPLOYMENTS}
_REQUIRED_COMBOS = {"residence_status"}  # always has a value (户籍 by default)
_ID_LENGTHS = (15, 18)


class ResidentDialog(QDialog):
    """``ResidentDialog(ledger, household_id=…)`` adds; ``resident_id=…`` edits.

    After ``exec()`` returns Accepted, ``saved`` is the stored ``Resident``.
    """

    def __init__(self, ledger: Any, *, household_id: str | None = None, resident_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not household_id and not resident_id:
            raise ValueError("ResidentDialog needs a household_id (add) or a resident_id (edit)")
        self._ledger = ledger
        self._resident = ledger.residents.get(resident_id) if resident_id else None
        self._household_id = self._resident.household_id if self._resident else household_id
        self.saved = None
        self._touched: set[str] = set()
        self._problems: dict[str, str] = {}
        self._service_problems: dict[str, str] = {}
        self._last_id_autofilled: str | None = None
        # field → its mask, for a user whose role may not see full ID numbers and phones (PIPL)
        self._masked: dict[str, str] = {}

        self.setWindowTitle(self.tr("Edit resident") if self._resident else self.tr("New resident"))
        self.setMinimumWidth(640)
        address = ledger.households.address(self._household_id)
        header = QLabel(self.tr("Household: %1").replace("%1", address))
        header.setStyleSheet("font-weight: bold;")

        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.messages: dict[str, FieldMessage] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        left = [("name", self.tr("Name")), ("id_number", self.tr("ID number")), ("sex", self.tr("Sex")),
                ("birth_date", self.tr("Date of birth")), ("phone", self.tr("Phone")),
                ("relation", self.tr("Relation to head")), ("ethnicity", self.tr("Ethnic group"))]
        right = [("residence_status", self.tr("Residence type")),
                 ("permit_start", self.tr("Residence permit from")),
                 ("permit_end", self.tr("Residence permit until")),
                 ("hukou_address", self.tr("Place of household registration")),
                 ("political_status", self.tr("Political status")), ("employment", self.tr("Employment")),
                 ("notes", self.tr("Notes"))]
        for column, fields in ((0, left), (2, right)):
            for i, (field, label) in enumerate(fields):
                self._add_field(grid, i * 2, column, field, label)
        self._set_placeholders()

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #666;")

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(grid)
        # Scans (残疾证, 身份证复印件…): stored at once when editing, with Save for a new resident.
        from ui.attachments.panel import AttachmentPanel
        self.attachments = AttachmentPanel(ledger, "residents", self._resident.id if self._resident else None)
        self.attachments.view.setMaximumHeight(150)
        layout.addWidget(self.attachments)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        # Tab order follows the two columns, top to bottom, then Save.
        order = [f for f, _ in left] + [f for f, _ in right]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(self.edits[first], self.edits[second])
        self.setTabOrder(self.edits[order[-1]], self.save_button)

        self._load()
        self._revalidate()

    # --- building -------------------------------------------------------------------

    def _add_field(self, grid: QGridLayout, row: int, column: int, field: str, label: str) -> None:
        if field in _COMBOS:
            edit: QLineEdit | QComboBox = QComboBox()
            if field not in _REQUIRED_COMBOS:
                edit.addItem("")
            edit.addItems(list(_COMBOS[field]))
            edit.currentIndexChanged.connect(lambda _i, f=field: self._changed(f, touch=True))
        else:
            edit = QLineEdit()
            edit.textChanged.connect(lambda _t, f=field: self._changed(f))
            edit.editingFinished.connect(lambda f=field: self._left(f))
        edit.setObjectName(field)
        caption = QLabel(label)
        caption.setBuddy(edit)
        message = FieldMessage()
        self.edits[field], self.messages[field] = edit, message
        grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(edit, row, column + 1)
        grid.addWidget(message, row + 1, column + 1)

    def _set_placeholders(self) -> None:
        self.edits["birth_date"].setPlaceholderText(self.tr("e.g. 1985-03-01"))  # type: ignore[union-attr]
        self.edits["id_number"].setPlaceholderText(self.tr("18 characters; fills sex and date of birth"))  # type: ignore[union-attr]
        self.edits["phone"].setPlaceholderText(self.tr("mobile or landline, e.g. 0531-88888888"))  # type: ignore[union-attr]
        for field in ("permit_start", "permit_end"):
            self.edits[field].setPlaceholderText(self.tr("migrants only"))  # type: ignore[union-attr]

    def _load(self) -> None:
        # Full values are loaded for editing: the user edits the real number, not the mask —
        # unless the role may not see them (a grid worker): then the field shows the mask, and
        # typing a whole new number replaces it; left as the mask, the stored number is kept.
        r = self._resident
        values: dict[str, Any] = {"residence_status": "户籍"}
        if r is not None:
            values = {f: getattr(r, f) for f in self.edits}
            if not self._ledger.access.can_view_full:
                from neighbourhood.idnumbers import mask_id
                from neighbourhood.phones import mask_phone

                for field, mask in (("id_number", mask_id), ("phone", mask_phone)):
                    if values.get(field):
                        values[field] = self._masked[field] = mask(values[field])
                        self.edits[field].setToolTip(self.tr(
                            "Masked for your role. Type the whole new number to replace it."))
        elif not self._ledger.households.members(self._household_id):
            values["relation"] = "户主"  # the first person of a new household is usually its head
        for field, edit in self.edits.items():
            self._set_value(field, values.get(field))
        self._touched.clear()

    # --- values ---------------------------------------------------------------------

    def _set_value(self, field: str, value: Any) -> None:
        edit = self.edits[field]
        if isinstance(edit, QComboBox):
            i = edit.findText(value or "")
            edit.setCurrentIndex(max(i, 0))
        else:
            edit.setText("" if value is None else str(value))

    def value(self, field: str) -> str:
        """The field's text; a masked number left as shown stands for the stored one."""
        edit = self.edits[field]
        text = edit.currentText() if isinstance(edit, QComboBox) else edit.text()
        if field in self._masked and text == self._masked[field] and self._resident is not None:
            return getattr(self._resident, field) or ""
        return text

    def values(self) -> dict[str, str]:
        return {field: self.value(field) for field in self.edits}

    def changes(self) -> dict[str, str | None]:
        """Fields that differ from the stored resident (all fields when adding)."""
        values = self.values()
        if self._resident is None:
            return {k: v for k, v in values.items() if v.strip()}
        out: dict[str, str | None] = {}
        for field, text in values.items():
            old = getattr(self._resident, field)
            if (text.strip() or None) != (old or None):
                out[field] = text
        return out

    # --- validation -----------------------------------------------------------------

    def _changed(self, field: str, *, touch: bool = False) -> None:
        self._service_problems.pop(field, None)
        if touch:
            self._touched.add(field)
        if field == "id_number":
            text = self.value("id_number").strip()
            if len(text) >= max(_ID_LENGTHS):
                self._touched.add(field)  # a complete number is judged at once
            self._autofill(text)
        if field == "residence_status":
            self._update_permit_fields()
        self._revalidate()

    def _left(self, field: str) -> None:
        if self.value(field).strip() or field == "name":
            self._touched.add(field)
        self._revalidate()

    def _autofill(self, id_text: str) -> None:
        from neighbourhood.residents import check_fields

        if not id_text or id_text == self._last_id_autofilled:
            return
        clean, problems = check_fields({"id_number": id_text})
        if "id_number" in problems:
            return
        self._last_id_autofilled = id_text
        # Derived from a valid number: overwrite, so a wrong earlier entry is corrected.
        for field in ("sex", "birth_date"):
            if clean.get(field):
                edit = self.edits[field]
                edit.blockSignals(True)
                self._set_value(field, clean[field])
                edit.blockSignals(False)
                self._touched.add(field)

    def _update_permit_fields(self) -> None:
        migrant = self.value("residence_status") == "流动"
        for field in ("permit_start", "permit_end"):
            self.edits[field].setEnabled(migrant or bool(self.value(field)))

    def _revalidate(self) -> None:
        from neighbourhood.residents import check_fields

        values = self.values()
        if self._resident is None:
            values = {k: v for k, v in values.items() if v.strip() or k == "name"}
        _clean, problems = check_fields(values)
        problems.update(self._service_problems)
        self._problems = problems
        for field, message in self.messages.items():
            message.show_message(problems.get(field) if field in self._touched else None)
        self.save_button.setEnabled(not problems)
        hidden = [p for f, p in problems.items() if f not in self._touched]
        self.summary.setText("\n".join(hidden[:2]) if hidden and len(self._touched) > 1 else "")
        self.save_button.setToolTip("\n".join(problems.values()))
        self._update_permit_fields()

    @property
    def problems(self) -> dict[str, str]:
        """Current problems, field → Chinese message (shown or not yet)."""
        return dict(self._problems)

    # --- saving ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter with problems left: show them all rather than doing nothing silently.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._problems:
            self._touched.update(self.edits)
            self._revalidate()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        self._touched.update(self.edits)
        self._revalidate()
        if self._problems:
            return
        try:
            if self._resident is None and self.attachments.model.pending:
                with self._ledger.operation("新增居民"):  # the resident and the scans together
                    self.saved = self._ledger.residents.add(household_id=self._household_id, **self.changes())
                    self.attachments.save_pending(self.saved.id)
            elif self._resident is None:
                self.saved = self._ledger.residents.add(household_id=self._household_id, **self.changes())
            else:
                changes = self.changes()
                self.saved = (self._ledger.residents.update(self._resident.id, **changes)
                              if changes else self._resident)
        except ValidationError as exc:
            problems = getattr(exc, "problems", None) or ({exc.field: exc.message} if exc.field else {})
            shown = {f: m for f, m in problems.items() if f in self.edits}
            if not shown:
                show_error(self, exc)
                return
            self._service_problems.update(shown)
            self._revalidate()
            self.edits[next(iter(shown))].setFocus()
            return
        except LedgerError as exc:
            show_error(self, exc)
            return
        super().accept()
