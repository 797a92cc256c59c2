"""Move a hazard through its lifecycle: notice, report, re-check, extension, escalation …

``available_actions`` says which actions the current user sees (their role) and may use now
(the hazard's status); ``HazardActionDialog`` is the compact form of one action. It calls the
``services.rectification`` function directly (they are quick), shows a refusal inline and
keeps what was typed, and on success publishes the returned ``Changes``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ...core import escalation, permissions
from ...core import hazard_status as hs
from ...core.errors import DomainError
from ...core.permissions import Action
from ...photos.results import ERROR, BatchResult
from ...services import hazards, rectification
from ...services import photos as photo_service
from ...services.hazard_actions import (  # noqa: F401 - the action codes and rules, re-exported
    ACTIONS,
    CONFIRM_LEVEL,
    DELIST,
    ESCALATE,
    EXTEND,
    FIVE,
    FIVE_MISSING,
    FIX_ON_SPOT,
    LIST,
    NOTIFY,
    PLAN,
    RECHECK,
    REOPEN,
    REPORT_DONE,
    SUPERVISOR_ONLY,
    Availability,
    available_actions,
)
from ...services.hazard_input import FIELD_ZH
from ...services.rectification_fields import PLAN_FIELDS, shared_plan
from .. import labels
from ..context import AppContext
from ..file_dialogs import file_dialog
from ..ops import Op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDate,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ..widgets import DateEdit
from .common import RecordDialog, fit_height, text_or_none

E = hs.EventKind
CTX = "HazardActions"


TITLE = {
    NOTIFY: QT_TRANSLATE_NOOP("HazardActions", "Serve rectification notice"),
    REPORT_DONE: QT_TRANSLATE_NOOP("HazardActions", "Report rectification done"),
    RECHECK: QT_TRANSLATE_NOOP("HazardActions", "Re-check"),
    FIX_ON_SPOT: QT_TRANSLATE_NOOP("HazardActions", "Fixed on the spot"),
    EXTEND: QT_TRANSLATE_NOOP("HazardActions", "Extend deadline"),
    ESCALATE: QT_TRANSLATE_NOOP("HazardActions", "Escalate"),
    LIST: QT_TRANSLATE_NOOP("HazardActions", "List for supervision"),
    DELIST: QT_TRANSLATE_NOOP("HazardActions", "De-list"),
    REOPEN: QT_TRANSLATE_NOOP("HazardActions", "Reopen"),
    CONFIRM_LEVEL: QT_TRANSLATE_NOOP("HazardActions", "Confirm level"),
    FIVE: QT_TRANSLATE_NOOP("HazardActions", "Five implementations"),
    PLAN: QT_TRANSLATE_NOOP("HazardActions", "Governance plan"),
}
DONE = {
    NOTIFY: QT_TRANSLATE_NOOP("HazardActions", "Notice served"),
    REPORT_DONE: QT_TRANSLATE_NOOP("HazardActions", "Completion reported"),
    RECHECK: QT_TRANSLATE_NOOP("HazardActions", "Re-check recorded"),
    FIX_ON_SPOT: QT_TRANSLATE_NOOP("HazardActions", "Recorded as fixed on the spot"),
    EXTEND: QT_TRANSLATE_NOOP("HazardActions", "Deadline extended"),
    ESCALATE: QT_TRANSLATE_NOOP("HazardActions", "Escalated"),
    LIST: QT_TRANSLATE_NOOP("HazardActions", "Listed for supervision"),
    DELIST: QT_TRANSLATE_NOOP("HazardActions", "De-listed"),
    REOPEN: QT_TRANSLATE_NOOP("HazardActions", "Reopened"),
    CONFIRM_LEVEL: QT_TRANSLATE_NOOP("HazardActions", "Level confirmed"),
    FIVE: QT_TRANSLATE_NOOP("HazardActions", "Five implementations saved"),
    PLAN: QT_TRANSLATE_NOOP("HazardActions", "Governance plan saved"),
}


def title(action: str) -> str:
    return translate(CTX, TITLE[action])


def missing_text(missing: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(FIELD_ZH.get(m, m) for m in missing)
    return ", ".join(m.replace("_", " ") for m in missing)


def _date_edit(today: date, earliest: str | None = None) -> DateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    if earliest:
        first = date.fromisoformat(earliest[:10])
        edit.setMinimumDate(QDate(first.year, first.month, first.day))
    edit.setDate(QDate(today.year, today.month, today.day))
    return edit


def _text_edit(height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


class HazardActionDialog(RecordDialog):
    """One lifecycle action on one hazard; OK runs it, a refusal stays in the form."""

    photos_imported = Signal(object)  # BatchResult of the fix-on-the-spot form's after photos

    def __init__(self, ctx: AppContext, action: str, details: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx, self.action, self.details = ctx, action, details
        self.hazard_id: str = details["id"]
        self.today = ctx.session.clock.today()
        self.setWindowTitle(title(action))
        self.setMinimumWidth(440)
        self.button_box.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #5f6368;")
        self.hint_label = QLabel()  # what 五落实 still lacks before a major hazard's notice
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(
            "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #f9e29c;"
            " border-radius: 4px; padding: 6px 8px; }")
        self.hint_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.info_label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.button_box)
        self._collect: Callable[[], dict[str, Any]] = dict
        getattr(self, f"_build_{action}")()
        self.info_label.setText(self._info())
        self.save_with(self._run)
        self.adjustSize()

    # ------------------------------------------------------------------ common
    def _info(self) -> str:
        d = self.details
        parts = [d["description"].splitlines()[0][:60], labels.status(d["status"]), labels.level(d["level"])]
        if d["due_date"]:
            parts.append(self.tr("due {}").format(d["due_date"]))
        return " · ".join(p for p in parts if p)

    def _add(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        self.form.addRow(label, widget)
        if field:
            self.field_widgets[field] = widget
        return widget

    def _days_row(self, label: str, days: int | None, working: bool, minimum: int = 0) -> None:
        self.days_spin = QSpinBox()
        self.days_spin.setRange(minimum, 365)
        self.days_spin.setSuffix(self.tr(" days"))
        if minimum < 0:
            self.days_spin.setSpecialValueText(self.tr("As recorded"))
            self.days_spin.setMinimumWidth(140)
        self.days_spin.setValue(minimum if days is None else days)
        self.working_check = QCheckBox(self.tr("Working days"))
        self.working_check.setChecked(working)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.days_spin)
        box.addWidget(self.working_check)
        box.addStretch(1)
        self._add(label, row, "deadline_days")

    def _days(self) -> int | None:
        return None if self.days_spin.value() < 0 else self.days_spin.value()

    def _run(self, kwargs: dict[str, Any]) -> Op:
        call = {
            NOTIFY: rectification.notify, REPORT_DONE: rectification.report_done,
            RECHECK: rectification.recheck, FIX_ON_SPOT: rectification.fix_on_spot,
            EXTEND: rectification.extend, ESCALATE: rectification.escalate,
            LIST: rectification.list_hazard, DELIST: rectification.delist,
            REOPEN: rectification.reopen, CONFIRM_LEVEL: rectification.confirm_level,
            FIVE: rectification.set_five_implementations,
            PLAN: lambda session, hazard_id, **plan: rectification.set_governance_plan(
                session, hazard_id, rectification.GovernancePlan(**plan)),
        }[self.action]
        session, hazard_id = self.ctx.session, self.hazard_id
        return self.ctx.ops.write(lambda: call(session, hazard_id, **kwargs), title=self.windowTitle(),
                                  parent=self, notice=translate(CTX, DONE[self.action]))

    def collect(self) -> dict[str, Any]:
        return self._collect()

    # ------------------------------------------------------------------ one form per action
    def _build_notify(self) -> None:
        d = self.details
        self.date_edit = self._add(self.tr("Served on"), _date_edit(self.today, d["found_on"]), "served_on")
        self._days_row(self.tr("Deadline"), None, bool(d["working_days"]), minimum=-1)
        # what a major hazard lacks, with buttons that open the forms filling it in
        self.sub_dialog: HazardActionDialog | None = None
        self.fill_five_button = QPushButton(self.tr("Fill in five implementations…"))
        self.fill_plan_button = QPushButton(self.tr("Fill in governance plan…"))
        self.fill_five_button.clicked.connect(lambda _c=False: self.open_fill_form(FIVE))
        self.fill_plan_button.clicked.connect(lambda _c=False: self.open_fill_form(PLAN))
        self.fill_row = QWidget()
        box = QHBoxLayout(self.fill_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.fill_five_button)
        box.addWidget(self.fill_plan_button)
        box.addStretch(1)
        self.layout().insertWidget(2, self.fill_row)
        self._update_notify_hint()

        def collect() -> dict[str, Any]:
            return {"served_on": self.date_edit.date().toPython(), "deadline_days": self._days(),
                    "working_days": self.working_check.isChecked() if self._days() is not None else None}

        self._collect = collect

    def _update_notify_hint(self) -> None:
        d = self.details
        missing = rectification.missing_for_notice(d) if d["level"] == "major" else []
        lines = []
        if d["level"] == "major" and not d["level_confirmed"]:
            lines.append(self.tr("A supervisor must confirm the major level first."))
        if missing:
            lines.append(self.tr("Before the notice, still missing: {}").format(missing_text(missing, self.lang)))
        self.hint_label.setText("\n".join(lines))
        self.hint_label.setVisible(bool(lines))
        may_edit = permissions.can(self.ctx.session.user, Action.EDIT_HAZARD)
        five = may_edit and any(m in FIVE_MISSING for m in missing)
        plan = may_edit and any(m in PLAN_FIELDS for m in missing)
        self.fill_five_button.setVisible(five)
        self.fill_plan_button.setVisible(plan)
        self.fill_row.setVisible(five or plan)
        fit_height(self)

    def open_fill_form(self, action: str) -> HazardActionDialog:
        """The 五落实 or 治理方案 form over this notice; the hint is re-checked when it is saved."""
        dialog = HazardActionDialog(self.ctx, action, self._fresh_details(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_filled)
        self.sub_dialog = dialog
        dialog.open()
        return dialog

    def _fresh_details(self) -> dict[str, Any]:
        try:
            return hazards.hazard_details(self.ctx.session, self.hazard_id)
        except DomainError:
            return self.details

    def _on_filled(self) -> None:
        self.sub_dialog = None
        self.details = self._fresh_details()
        self.error_banner.clear_message()  # the refusal named what was missing then: stale now
        self._update_notify_hint()
        self.info_label.setText(self._info())

    def _build_report_done(self) -> None:
        self.date_edit = self._add(self.tr("Reported on"),
                                   _date_edit(self.today, self.details["served_on"]), "on")
        self.note_edit = self._add(self.tr("Note"), _text_edit(), "note")
        self._collect = lambda: {"on": self.date_edit.date().toPython(),
                                 "note": text_or_none(self.note_edit)}

    def _build_fix_on_spot(self) -> None:
        self.date_edit = self._add(self.tr("Fixed on"), _date_edit(self.today, self.details["found_on"]), "on")
        self.note_edit = self._add(self.tr("What was done"), _text_edit(), "note")
        # the evidence: 'after' photos, imported at once (an Op) and linked to the hazard
        self.import_workers: int | None = None
        self.file_dialog: QFileDialog | None = None
        self.photo_label = QLabel()
        self.photo_label.setWordWrap(True)
        self.add_photo_button = QPushButton(self.tr("Add after photos…"))
        self.add_photo_button.setToolTip(self.tr("Photos of the fixed hazard (after rectification)"))
        self.add_photo_button.clicked.connect(lambda _c=False: self.choose_after_photos())
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.add_photo_button)
        box.addWidget(self.photo_label, 1)
        self._add(self.tr("After photos"), row, "after_photo")
        self._update_after_photos()
        self._collect = lambda: {"on": self.date_edit.date().toPython(),
                                 "note": text_or_none(self.note_edit)}

    def after_photo_count(self) -> int:
        try:
            found = photo_service.photos_of_hazard(self.ctx.session, self.hazard_id)
        except DomainError:
            return 0
        return sum(1 for p in found if p["phase"] == "after")

    def _update_after_photos(self) -> None:
        n = self.after_photo_count()
        if n:
            self.photo_label.setText(self.tr("{} after photo(s) linked").format(n))
            self.photo_label.setStyleSheet("color: #137333;")
        else:
            self.photo_label.setText(self.tr("An after photo is required as evidence"))
            self.photo_label.setStyleSheet("color: #5f6368;")

    def choose_after_photos(self) -> QFileDialog:
        self.file_dialog = file_dialog(
            self, self.ctx.settings, self.tr("Add after photos"), self.import_after_photos, many=True,
            filters=[self.tr("Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif)"),
                     self.tr("All files (*)")])
        return self.file_dialog

    def import_after_photos(self, paths: list[str]):  # noqa: ANN201 - returns the Op (or None)
        """Import files as 'after' photos of this hazard, off the GUI thread (progress, cancel)."""
        if not paths:
            return None
        session, hazard_id, workers = self.ctx.session, self.hazard_id, self.import_workers

        def job(progress, cancel) -> BatchResult:
            return photo_service.import_photos(session, hazard_id, paths, "after", progress, cancel,
                                               workers=workers)

        self.add_photo_button.setEnabled(False)
        op = self.ctx.ops.run(job, title=self.tr("Adding photos"), parent=self,
                              on_success=self._on_photos_imported)
        op.finished.connect(lambda: self.add_photo_button.setEnabled(True))
        return op

    def _on_photos_imported(self, result: BatchResult) -> None:
        self._update_after_photos()
        failed = [r.message(self.lang) or Path(r.path).name for r in result.results if r.status == ERROR]
        failed += [self.tr("{} is not a photo").format(Path(p).name) for p in result.skipped]
        if failed:
            self.error_banner.show_message("\n".join(failed[:5]))
        else:
            self.error_banner.clear_message()
        self.photos_imported.emit(result)

    def _build_recheck(self) -> None:
        d = self.details
        self.date_edit = self._add(self.tr("Re-checked on"), _date_edit(self.today, d["served_on"]), "on")
        self.passed_radio = QRadioButton(self.tr("Passed"))
        self.failed_radio = QRadioButton(self.tr("Not passed"))
        self.result_group = QButtonGroup(self)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        for radio in (self.passed_radio, self.failed_radio):
            self.result_group.addButton(radio)
            box.addWidget(radio)
        box.addStretch(1)
        self._add(self.tr("Result"), row)
        close_action = Action.CLOSE_MAJOR if d["level"] == "major" else Action.CLOSE_GENERAL
        may_close = permissions.can(self.ctx.session.user, close_action)
        self.passed_radio.setEnabled(may_close)
        if not may_close:
            self.passed_radio.setToolTip(self.tr("Only a supervisor may accept a major hazard"))
        (self.passed_radio if may_close else self.failed_radio).setChecked(True)
        self.opinion_edit = self._add(self.tr("Re-check opinion"), _text_edit(), "opinion")
        # not rectified: the next step is a new deadline, an escalation rung, or both
        self.next_label = QLabel(self.tr("Next step (not rectified)"))
        self.next_label.setStyleSheet("font-weight: 600; margin-top: 6px;")
        self.form.addRow(self.next_label)
        self.deadline_check = QCheckBox(self.tr("Set a new deadline"))
        self.deadline_check.setChecked(True)
        self.form.addRow(self.deadline_check)
        self._days_row(self.tr("New deadline"), d["deadline_days"] or 7, bool(d["working_days"]))
        self.escalate_check = QCheckBox(self.tr("Escalate"))
        self.form.addRow(self.escalate_check)
        self.step_combo = self._step_combo()
        self._add(self.tr("Step"), self.step_combo, "escalate_step")
        self.escalate_reason_edit = QLineEdit()
        self.escalate_reason_edit.setPlaceholderText(self.tr("Empty: the re-check opinion"))
        self._add(self.tr("Reason"), self.escalate_reason_edit, "escalate_reason")
        self.may_escalate = permissions.can(self.ctx.session.user, Action.ESCALATE)
        self.escalate_note = QLabel(self.tr(
            "Only a supervisor may escalate: set a new deadline and tell your supervisor."))
        self.escalate_note.setWordWrap(True)
        self.escalate_note.setStyleSheet("color: #7a4f01;")
        self.form.addRow(self.escalate_note)
        if not self.may_escalate:
            self.escalate_check.setToolTip(self.escalate_note.text())
        for widget in (self.passed_radio, self.deadline_check, self.escalate_check):
            widget.toggled.connect(self._update_recheck)
        self._update_recheck()

        def collect() -> dict[str, Any]:
            passed = self.passed_radio.isChecked()
            new_deadline = not passed and self.deadline_check.isChecked()
            escalate = not passed and self.may_escalate and self.escalate_check.isChecked()
            return {"passed": passed, "opinion": text_or_none(self.opinion_edit),
                    "on": self.date_edit.date().toPython(),
                    "new_deadline_days": self.days_spin.value() if new_deadline else None,
                    "working_days": self.working_check.isChecked() if new_deadline else None,
                    "escalate_step": self.step_combo.currentData() if escalate else None,
                    "escalate_reason": text_or_none(self.escalate_reason_edit) if escalate else None}

        self._collect = collect

    def _step_combo(self) -> QComboBox:
        """The escalation ladder (resources/escalation.json), the next rung up selected."""
        combo = QComboBox()
        current = escalation.rank(self.details["escalation"])
        for step in escalation.ladder():
            combo.addItem(step.label(self.lang), step.code)
        above = [i for i, s in enumerate(escalation.ladder()) if s.rank > current]
        combo.setCurrentIndex(above[0] if above else combo.count() - 1)
        return combo

    def _update_recheck(self) -> None:
        failed = not self.passed_radio.isChecked()
        self.deadline_check.setEnabled(failed)
        with_deadline = failed and self.deadline_check.isChecked()
        self.days_spin.setEnabled(with_deadline)
        self.working_check.setEnabled(with_deadline)
        self.escalate_check.setEnabled(failed and self.may_escalate)
        escalating = failed and self.may_escalate and self.escalate_check.isChecked()
        self.step_combo.setEnabled(escalating)
        self.escalate_reason_edit.setEnabled(escalating)
        self.escalate_note.setVisible(failed and not self.may_escalate)
        for widget in (self.next_label, self.deadline_check, self.escalate_check):
            widget.setVisible(failed)
        for field, shown in (("deadline_days", failed), ("escalate_step", failed and self.may_escalate),
                             ("escalate_reason", failed and self.may_escalate)):
            widget = self.field_widgets[field]
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)
        if self.isVisible():
            self.adjustSize()

    def _build_extend(self) -> None:
        self._days_row(self.tr("Extra days"), 7, bool(self.details["working_days"]), minimum=1)
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self._collect = lambda: {"days": self.days_spin.value(), "reason": text_or_none(self.reason_edit),
                                 "working_days": self.working_check.isChecked()}

    def _build_escalate(self) -> None:
        self.step_combo = QComboBox()
        current = escalation.rank(self.details["escalation"])
        for step in escalation.ladder():
            self.step_combo.addItem(step.label(self.lang), step.code)
        above = [i for i, s in enumerate(escalation.ladder()) if s.rank > current]
        self.step_combo.setCurrentIndex(above[0] if above else 0)
        self._add(self.tr("Step"), self.step_combo, "step")
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self._collect = lambda: {"step": self.step_combo.currentData(),
                                 "reason": text_or_none(self.reason_edit)}

    def _build_list(self) -> None:
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self.authority_edit = self._add(self.tr("Listed by (authority)"), QLineEdit(), "authority")
        self._collect = lambda: {"reason": text_or_none(self.reason_edit),
                                 "authority": text_or_none(self.authority_edit)}

    def _build_delist(self) -> None:
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self._collect = lambda: {"reason": text_or_none(self.reason_edit)}

    def _build_reopen(self) -> None:
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self._days_row(self.tr("New deadline"), self.details["deadline_days"] or 7,
                       bool(self.details["working_days"]))
        self._collect = lambda: {"reason": text_or_none(self.reason_edit),
                                 "deadline_days": self.days_spin.value(),
                                 "working_days": self.working_check.isChecked()}

    def _build_confirm_level(self) -> None:
        self.level_combo = QComboBox()
        for code in hs.LEVELS:
            self.level_combo.addItem(labels.level(code), code)
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(self.details["level"]), 0))
        self._add(self.tr("Level"), self.level_combo, "level")
        self.reason_edit = self._add(self.tr("Reason"), _text_edit(), "reason")
        self._collect = lambda: {"level": self.level_combo.currentData(),
                                 "reason": text_or_none(self.reason_edit)}

    def _build_five(self) -> None:
        d = self.details
        self.setMinimumWidth(520)
        self.five_edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        amount = d["funds_amount"]
        rows = (
            ("responsible_person", self.tr("Responsible person"), QLineEdit()),
            ("responsible_phone", self.tr("Phone"), QLineEdit()),
            ("measures", self.tr("Measures"), _text_edit()),
            ("funds_amount", self.tr("Funds (yuan)"), QLineEdit()),
            ("funds_source", self.tr("Funds source"), QLineEdit()),
            ("contingency_plan", self.tr("Contingency plan"), _text_edit()),
            ("interim_measures", self.tr("Interim measures"), _text_edit()),
        )
        for field, label, edit in rows:
            value = d.get(field)
            if field == "funds_amount" and amount is not None:
                value = f"{amount:g}"
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value or "")
            else:
                edit.setText("" if value is None else str(value))
            self.five_edits[field] = edit
            self._add(label, edit, field)
        self.five_edits["funds_amount"].setPlaceholderText(self.tr("e.g. 5000"))
        if d["level"] == "major" and d["status"] in (hs.DRAFT, hs.OPEN):
            missing = rectification.missing_for_notice(d)
            if missing:
                self.hint_label.setText(self.tr("Before the notice, still missing: {}").format(
                    missing_text(missing, self.lang)))
                self.hint_label.show()

        def collect() -> dict[str, Any]:
            return {f: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()).strip()
                    for f, e in self.five_edits.items()}

        self._collect = collect

    def _build_plan(self) -> None:
        """治理方案 of a major hazard (domain.md §2): six texts, pre-filled from the hazard."""
        d = self.details
        self.setMinimumWidth(560)
        rows = (
            ("target", self.tr("Targets and tasks")),
            ("methods", self.tr("Methods and measures")),
            ("materials", self.tr("Funds and materials")),
            ("bodies", self.tr("Responsible bodies and staff")),
            ("schedule", self.tr("Time limit and requirements")),
            ("safety", self.tr("Safety measures and emergency plan")),
        )
        self.plan_edits: dict[str, QPlainTextEdit] = {}
        shared = shared_plan(d)  # what 五落实 already answers: left empty, the plan uses it
        for name, label in rows:
            edit = _text_edit(54)
            edit.setPlainText(d.get(f"plan_{name}") or "")
            if f"plan_{name}" in shared:
                edit.setPlaceholderText(self.tr("From 五落实 unless you write otherwise: {}").format(
                    shared[f"plan_{name}"]))
            self.plan_edits[name] = edit
            self._add(label, edit, f"plan_{name}")
        missing = [m for m in rectification.missing_for_notice(d) if m in PLAN_FIELDS]
        if d["status"] in (hs.DRAFT, hs.OPEN) and missing:
            self.hint_label.setText(self.tr("Before the notice, still missing: {}").format(
                missing_text(missing, self.lang)))
            self.hint_label.show()
        self._collect = lambda: {name: e.toPlainText().strip() for name, e in self.plan_edits.items()}
