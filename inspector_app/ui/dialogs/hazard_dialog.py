"""Record or edit a hazard by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ...core import hazard_status as hs
from ...core.deadlines import deadline
from ...core.entities import FACTORS, MEASURE_TYPES, SOURCES, HazardInput, HazardRow
from ...core.errors import DomainError, ValidationError
from ...services import hazards, sites
from ...services.changes import Saved
from ...services.sites import SiteFilter
from .. import labels
from ..context import AppContext
from ..qt import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDate,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from ..widgets import DateEdit, reveal
from .common import RecordDialog, text_or_none

DEADLINE_CHOICES = (0, 3, 7, 15, 30)


class SitePicker(QComboBox):
    """An editable combo of sites; typing filters by any part of the name.

    It starts with the first ``INITIAL`` sites by name (plus the preselected one); in a
    larger store, what the user types is also looked up in the database and matching sites
    are appended, so a 100,000-site store never loads every name.
    """

    INITIAL = 2000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        ids = sites.list_site_ids(ctx.session, sort="name")
        self._more = len(ids) > self.INITIAL
        self._known: set[str] = set()
        self.addItem("", None)
        self._add(ids[: self.INITIAL])
        self.setCurrentIndex(0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._look_up)
        self.lineEdit().textEdited.connect(lambda _t: self._timer.start() if self._more else None)
        self.lineEdit().setPlaceholderText(self.tr("Type part of the site name"))

    def _add(self, ids: list[str]) -> None:
        rows = sites.site_rows(self.ctx.session, [i for i in ids if i not in self._known])
        names = [r.name for r in rows]
        for row in rows:
            text = row.name
            if names.count(row.name) > 1 or self.findText(row.name) >= 0:
                text = f"{row.name}（{row.address or row.grid or row.id[-6:]}）"
            self.addItem(text, row.id)
            self.setItemData(self.count() - 1, row.address or "", Qt.ItemDataRole.ToolTipRole)
            self._known.add(row.id)

    def _look_up(self) -> None:
        text = self.currentText().strip()
        if len(text) >= 1:
            self._add(sites.list_site_ids(self.ctx.session, SiteFilter(text=text), sort="name")[:100])

    def select(self, site_id: str | None) -> None:
        if site_id and site_id not in self._known:
            self._add([site_id])
        self.setCurrentIndex(max(self.findData(site_id), 0) if site_id else 0)

    def site_id(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index > 0 and self.itemText(index) == text:
            return self.itemData(index)
        found = self.findText(text, Qt.MatchFlag.MatchExactly)
        return self.itemData(found) if found > 0 else None


class HazardDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, save: Callable[[HazardInput], Saved],
        existing: HazardRow | None = None, site_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx, self.existing = ctx, existing
        # the level the hazard's checklist item suggested (None: not from a checklist item)
        self.suggested_level = hazards.suggested_level(ctx.session, existing.id) if existing else None
        self.save_with(save)
        self.setWindowTitle(self.tr("Edit hazard") if existing else self.tr("Record a hazard"))
        self.setMinimumWidth(620)
        self._build()
        self.site_picker.select(existing.site_id if existing else site_id)
        if existing is not None:
            self._load(existing)
        self._update_due()
        (self.description_edit if existing or site_id else self.site_picker).setFocus()

    def _build(self) -> None:
        today = self.ctx.session.clock.today()
        self.site_picker = SitePicker(self.ctx)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("What is wrong, e.g. fire exit blocked by goods")
        )
        self.description_edit.setFixedHeight(80)
        self.description_edit.setTabChangesFocus(True)
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("e.g. kitchen, stairwell 2F"))
        self.level_combo = QComboBox()
        for code in hs.LEVELS:
            self.level_combo.addItem(labels.level(code), code)
        self.suggested_label = QLabel()
        self.suggested_label.setStyleSheet("color: #5f6368;")
        self.suggested_label.setVisible(self.suggested_level is not None)
        if self.suggested_level is not None:
            self.suggested_label.setText(self.tr("Suggested: {}").format(
                labels.level(self.suggested_level)))
        level_row = QHBoxLayout()
        level_row.setContentsMargins(0, 0, 0, 0)
        level_row.addWidget(self.level_combo)
        level_row.addSpacing(8)
        level_row.addWidget(self.suggested_label, 1)
        self.level_reason_edit = QLineEdit()
        self.level_reason_edit.setMaxLength(hazards.LEVEL_REASON_LIMIT)
        self.level_reason_edit.setPlaceholderText(
            self.tr("Required: why the level differs from the checklist item's suggestion"))
        self.basis_edit = QLineEdit()
        self.basis_edit.setPlaceholderText(self.tr("Rule or clause the hazard breaks"))

        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 365)
        self.days_spin.setValue(7)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setSpecialValueText(self.tr("Immediately"))
        self.working_days_check = QCheckBox(self.tr("Working days"))
        self.found_date = DateEdit()
        self.found_date.setCalendarPopup(True)
        self.found_date.setDisplayFormat("yyyy-MM-dd")
        self.found_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.found_date.setDate(QDate(today.year, today.month, today.day))
        self.found_date.setMinimumWidth(140)
        self.due_label = QLabel()
        self.due_label.setStyleSheet("color: #5f6368;")
        for signal in (self.days_spin.valueChanged, self.working_days_check.toggled,
                       self.found_date.dateChanged):
            signal.connect(self._update_due)
        deadline = QHBoxLayout()
        deadline.setContentsMargins(0, 0, 0, 0)
        deadline.addWidget(self.days_spin)
        self.quick_buttons: list[tuple[QToolButton, int]] = []
        for days in DEADLINE_CHOICES[1:]:
            quick = QToolButton()
            self.quick_buttons.append((quick, days))
            quick.setAutoRaise(True)
            quick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the spin box is the keyboard way
            quick.clicked.connect(lambda _c=False, d=days: self.days_spin.setValue(d))
            deadline.addWidget(quick)
        deadline.addSpacing(8)
        deadline.addWidget(self.working_days_check)
        self.working_days_check.toggled.connect(self._update_units)
        self._update_units()
        deadline.addStretch(1)

        self.source_combo = QComboBox()
        for code in SOURCES:
            self.source_combo.addItem(labels.source(code), code)
        self.factor_combo = QComboBox()
        self.factor_combo.addItem(self.tr("Not specified"), None)
        for code in FACTORS:
            self.factor_combo.addItem(labels.factor(code), code)
        self.measure_combo = QComboBox()
        self.measure_combo.addItem(self.tr("Not specified"), None)
        for code in MEASURE_TYPES:
            self.measure_combo.addItem(labels.measure(code), code)
        self.deadline_note = QLabel()
        self.deadline_note.setWordWrap(True)
        self.deadline_note.setStyleSheet("color: #5f6368;")
        self.deadline_note.hide()

        found = QHBoxLayout()
        found.setContentsMargins(0, 0, 0, 0)
        found.addWidget(self.found_date)
        found.addStretch(1)
        form = self.form = QFormLayout()
        form.addRow(self.tr("Site *"), self.site_picker)
        form.addRow(self.tr("Description *"), self.description_edit)
        form.addRow(self.tr("Location"), self.location_edit)
        form.addRow(self.tr("Level"), level_row)
        form.addRow(self.tr("Reason for changing the suggested level *"), self.level_reason_edit)
        form.addRow(self.tr("Basis"), self.basis_edit)
        form.addRow(self.tr("Found on"), found)
        form.addRow(self.tr("Deadline"), deadline)
        form.addRow("", self.due_label)
        form.addRow("", self.deadline_note)
        form.addRow(self.tr("Source"), self.source_combo)
        form.addRow(self.tr("Factor"), self.factor_combo)
        form.addRow(self.tr("Measure type"), self.measure_combo)
        self.major_box = self._build_major()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.major_box)
        layout.addWidget(self.button_box)
        self.field_widgets = {
            "description": self.description_edit, "location": self.location_edit,
            "basis": self.basis_edit, "site": self.site_picker, "no": self.site_picker,
            "the": self.found_date, "a": self.days_spin, "level_reason": self.level_reason_edit,
        }
        self.field_widgets.update(self.five_edits)
        self.level_combo.currentIndexChanged.connect(lambda _i: self._update_reason())
        self.level_combo.currentIndexChanged.connect(lambda _i: self._update_major())
        self._update_reason()

    def _build_major(self) -> QGroupBox:
        """五落实 where a major hazard is recorded, so its notice is not refused later for them."""
        box = QGroupBox(self.tr("Major hazard: 五落实 (needed before its notice; may be completed later)"))
        grid = QGridLayout(box)  # two fields a row: the form must fit a 1366×768 screen at 150 %
        self.five_edits: dict[str, QLineEdit] = {}
        cells = ((0, 0, 1, "responsible_person", self.tr("Responsible person")),
                 (0, 2, 1, "responsible_phone", self.tr("Phone")),
                 (1, 0, 1, "funds_amount", self.tr("Funds (yuan)")),
                 (1, 2, 1, "funds_source", self.tr("Funds source")),
                 (2, 0, 3, "measures", self.tr("Measures")),
                 (3, 0, 3, "contingency_plan", self.tr("Contingency plan")))
        for row, column, span, field, label in cells:
            self.five_edits[field] = QLineEdit()
            grid.addWidget(QLabel(label), row, column)
            grid.addWidget(self.five_edits[field], row, column + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.five_edits["funds_amount"].setPlaceholderText(self.tr("e.g. 5000"))
        hint = QLabel(self.tr("The governance plan takes its funds, responsible people, time limit and "
                              "emergency plan from these; only its targets and methods are left to write."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        grid.addWidget(hint, 4, 0, 1, 4)
        box.setVisible(False)
        return box

    def _update_major(self) -> None:
        major = self.level_combo.currentData() == "major"
        self.major_box.setVisible(major)
        if major:
            self._prefill_from_site()
            reveal(self.major_box)  # below the form: scrolled into sight on a small screen

    def _prefill_from_site(self) -> None:
        """责任人 and phone from the site's principal, where nothing was typed yet."""
        site_id = self.existing.site_id if self.existing else self.site_picker.site_id()
        person, phone = self.five_edits["responsible_person"], self.five_edits["responsible_phone"]
        if not site_id or (person.text() and phone.text()):
            return
        try:
            site = sites.get_site(self.ctx.session, site_id)
        except DomainError:
            return
        if not person.text():
            person.setText(site.legal_rep or site.contact or "")
        if not phone.text():
            phone.setText(site.phone or "")

    def _five_values(self) -> dict[str, object]:
        """The 五落实 fields for ``HazardInput`` (a major hazard only; empty: left as stored)."""
        if self.level_combo.currentData() != "major":
            return {}
        values: dict[str, object] = {f: text_or_none(e) for f, e in self.five_edits.items()}
        amount = values.pop("funds_amount")
        if amount is not None:
            try:
                values["funds_amount"] = float(str(amount).replace(",", ""))
            except ValueError:
                message = self.tr("Funds must be an amount in yuan, e.g. 5000.")
                exc = ValidationError(message, message)
                exc.field = "funds_amount"  # type: ignore[attr-defined]
                raise exc from None
        return values

    def _load(self, row: HazardRow) -> None:
        self.site_picker.setEnabled(False)  # a hazard stays with its site
        self.description_edit.setPlainText(row.description)
        self.location_edit.setText(row.location or "")
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(row.level), 0))
        if self.suggested_level is not None and row.level != self.suggested_level:
            self.level_reason_edit.setText(self._earlier_reason(row))
        self.basis_edit.setText(row.basis or "")
        if row.found_on:
            found = date.fromisoformat(row.found_on)
            self.found_date.setDate(QDate(found.year, found.month, found.day))
        if row.deadline_days is not None:
            self.days_spin.setValue(row.deadline_days)
        self.working_days_check.setChecked(row.working_days)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(row.source), 0))
        self.factor_combo.setCurrentIndex(max(self.factor_combo.findData(row.factor), 0))
        self.measure_combo.setCurrentIndex(max(self.measure_combo.findData(row.measure_type), 0))
        details = hazards.hazard_details(self.ctx.session, row.id)
        for field, edit_ in self.five_edits.items():
            value = details.get(field)
            edit_.setText("" if value is None else f"{value:g}" if field == "funds_amount" else str(value))
        self._update_major()
        if row.status not in (hs.DRAFT, hs.OPEN):
            # once a notice is served the deadline only moves by an extension (services)
            for widget in (self.days_spin, self.working_days_check, self.found_date):
                widget.setEnabled(False)
            self.deadline_note.setText(
                self.tr("The notice has been served: the deadline can only be extended.")
            )
            self.deadline_note.show()

    def _earlier_reason(self, row: HazardRow) -> str:
        """The reason recorded when the hazard was last moved to its present level."""
        for event in reversed(hazards.hazard_events(self.ctx.session, row.id)):
            data = event.get("data") or {}
            if event["kind"] == hs.EventKind.LEVEL_CHANGED and data.get("level") == row.level:
                return str(data.get("reason") or "")
        return ""

    def reason_needed(self) -> bool:
        """Whether the chosen level differs from the checklist item's suggestion."""
        return self.suggested_level is not None and self.level_combo.currentData() != self.suggested_level

    def _update_reason(self) -> None:
        self.form.setRowVisible(self.level_reason_edit, self.reason_needed())

    def _found_on(self) -> date:
        q = self.found_date.date()
        return date(q.year(), q.month(), q.day())

    def _update_units(self) -> None:
        """The spin box and the quick buttons name the unit the deadline is counted in."""
        working = self.working_days_check.isChecked()
        self.days_spin.setSuffix(self.tr(" working days") if working else self.tr(" days"))
        for button, days in self.quick_buttons:
            button.setText((self.tr("{} working days") if working else self.tr("{} days")).format(days))

    def _update_due(self) -> None:
        served = self.existing.served_on if self.existing is not None else None
        start = date.fromisoformat(served) if served else self._found_on()
        try:
            counted = deadline(start, self.days_spin.value(), working_days=self.working_days_check.isChecked())
        except DomainError:
            self.due_label.clear()
            return
        if served:  # the notice was served: the deadline binds, it is no longer provisional
            text = self.tr("Due {} (counted from the notice served on {})").format(counted.due.isoformat(), served)
        else:
            text = self.tr("Due {} (provisional: counted from the day found until a notice is served)")
            text = text.format(counted.due.isoformat())
        if counted.provisional_calendar:
            years = "、".join(str(y) for y in counted.unknown_years)
            text += "\n" + self.tr("The official holiday schedule for {} is not published yet; "
                                    "statutory holidays were assumed.").format(years)
        self.due_label.setText(text)

    def collect(self) -> HazardInput:
        site_id = self.existing.site_id if self.existing else self.site_picker.site_id()
        if not site_id:
            message = self.tr("Choose the site from the list (type part of its name).")
            exc = ValidationError(message, message)
            exc.field = "site"  # type: ignore[attr-defined]
            raise exc
        # required when the level differs from the suggestion: the service says so (en/zh)
        reason = self.level_reason_edit.text().strip() if self.reason_needed() else ""
        return HazardInput(
            site_id=site_id,
            description=self.description_edit.toPlainText(),
            level=self.level_combo.currentData(),
            location=text_or_none(self.location_edit),
            basis=text_or_none(self.basis_edit),
            deadline_days=self.days_spin.value(),
            working_days=self.working_days_check.isChecked(),
            found_on=self._found_on().isoformat(),
            source=self.source_combo.currentData(),
            factor=self.factor_combo.currentData(),
            measure_type=self.measure_combo.currentData(),
            level_reason=reason or None,
            **self._five_values(),
        )
