"""Forms of the 线索 page's public reports (群众举报): record one, close it as unfounded, reward it,
and pick the hazard it led to (also used for handed-down tasks).

The reporter's identity (name, phone, how to reach them) is protected: its fields are built
only for a user who may see it (supervisors); for anyone else they do not exist at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ...core.entities import HazardRow
from ...core.errors import DomainError, ValidationError
from ...core.permissions import Action, can
from ...services import hazards, public_reports
from ...services.hazards import HazardFilter
from ...services.public_reports import ReportInput
from .. import labels
from ..context import AppContext
from ..qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDateTime,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets import DateTimeEdit, DebouncedLineEdit
from .common import RecordDialog, text_or_none
from .hazard_dialog import SitePicker

CTX = "PublicReports"
CHANNEL_LABELS = {
    "12350": QT_TRANSLATE_NOOP("PublicReports", "12350 work-safety hotline"),
    "12345": QT_TRANSLATE_NOOP("PublicReports", "12345 citizen hotline"),
    "in_person": QT_TRANSLATE_NOOP("PublicReports", "In person / by letter"),
    "internal": QT_TRANSLATE_NOOP("PublicReports", "Internal report (company staff)"),
}
STATUS_LABELS = {
    "received": QT_TRANSLATE_NOOP("PublicReports", "Received"),
    "verified": QT_TRANSLATE_NOOP("PublicReports", "Verified"),
    "unfounded": QT_TRANSLATE_NOOP("PublicReports", "Closed: unfounded"),
}


def channel_label(code: str) -> str:
    return translate(CTX, CHANNEL_LABELS[code]) if code in CHANNEL_LABELS else code


def status_label(code: str) -> str:
    return translate(CTX, STATUS_LABELS[code]) if code in STATUS_LABELS else code


def multi_line(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


class LeadForm(RecordDialog):
    """A small form: error banner, rows, Save/Cancel; OK runs ``save`` and stays open on a refusal."""

    def __init__(self, ctx: AppContext, title: str, save: Callable[[Any], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(QCoreApplication.translate("LeadForm", "Save"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("LeadForm", "Cancel"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_box = QVBoxLayout(self)
        self.layout_box.addWidget(self.error_banner)
        self.layout_box.addLayout(self.form)
        self.layout_box.addStretch(1)
        self.layout_box.addWidget(self.button_box)
        self.save_with(save)

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        if isinstance(widget, SitePicker):  # as wide as the other fields: names are long
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.form.addRow(label, widget)
        if field:
            self.field_widgets[field] = widget
        return widget


class ReportDialog(LeadForm):
    """群众举报 as received: channel, time, site or place, content; the reporter for supervisors."""

    def __init__(self, ctx: AppContext, save: Callable[[ReportInput], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("ReportDialog", "Record a public report"), save, parent)
        self.setMinimumWidth(520)
        self.channel_combo = QComboBox()
        for code in public_reports.CHANNELS:
            self.channel_combo.addItem(channel_label(code), code)
        self.add_row(self.tr("Channel"), self.channel_combo, "channel")
        self.time_edit = DateTimeEdit()
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        now = ctx.session.clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0)
        self.time_edit.setDateTime(QDateTime(now))
        self.time_edit.setMaximumDateTime(QDateTime(now))
        self.add_row(self.tr("Received at"), self.time_edit, "received_at")
        self.site_picker = SitePicker(ctx)
        self.add_row(self.tr("Site"), self.site_picker, "site_id")
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Where, if no registered site (street, building …)"))
        self.add_row(self.tr("Place"), self.location_edit, "location")
        self.content_edit = multi_line(100)
        self.content_edit.setPlaceholderText(self.tr("What the reporter says, as told"))
        self.add_row(self.tr("Content *"), self.content_edit, "content")
        self.may_see_reporter = can(ctx.session.user, Action.SEE_REPORTER)
        self.reporter_box: QGroupBox | None = None
        self.anonymous_check = QCheckBox(self.tr("Anonymous report"))
        if self.may_see_reporter:
            self.reporter_box = QGroupBox(self.tr("Reporter (protected: only supervisors see this)"))
            box = QFormLayout(self.reporter_box)
            self.name_edit = QLineEdit()
            self.phone_edit = QLineEdit()
            self.contact_edit = QLineEdit()
            self.contact_edit.setPlaceholderText(self.tr("e.g. call back after 6 pm"))
            box.addRow(self.tr("Name"), self.name_edit)
            box.addRow(self.tr("Phone"), self.phone_edit)
            box.addRow(self.tr("Contact note"), self.contact_edit)
            box.addRow(self.anonymous_check)
            self.anonymous_check.toggled.connect(self._update_anonymous)
            self.layout_box.insertWidget(2, self.reporter_box)
        else:
            note = QLabel(self.tr("The reporter's identity is recorded by a supervisor."))
            note.setStyleSheet("color: #5f6368;")
            note.setWordWrap(True)
            self.form.addRow(note)
        self.channel_combo.setFocus()

    def _update_anonymous(self, anonymous: bool) -> None:
        for edit in (self.name_edit, self.phone_edit, self.contact_edit):
            edit.setEnabled(not anonymous)

    def collect(self) -> ReportInput:
        moment: datetime = self.time_edit.dateTime().toPython()
        data = ReportInput(
            channel=self.channel_combo.currentData(), content=self.content_edit.toPlainText(),
            received_at=moment.isoformat(timespec="minutes"), site_id=self.site_picker.site_id(),
            location=text_or_none(self.location_edit), anonymous=True,
        )
        if self.site_picker.currentText().strip() and data.site_id is None:
            raise ValidationError("site_id: no such site", "没有这个场所，请从列表中选择", code="bad_site")
        if self.may_see_reporter and not self.anonymous_check.isChecked():
            data.reporter_name = text_or_none(self.name_edit)
            data.reporter_phone = text_or_none(self.phone_edit)
            data.contact_note = text_or_none(self.contact_edit)
            data.anonymous = not any((data.reporter_name, data.reporter_phone, data.contact_note))
        return data


class ReasonDialog(LeadForm):
    """One required text (a reason, a result): closing a report as unfounded, and the like."""

    def __init__(self, ctx: AppContext, title: str, label: str, save: Callable[[str | None], Any],
                 info: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, save, parent)
        if info:
            info_label = QLabel(info)
            info_label.setWordWrap(True)
            info_label.setStyleSheet("color: #5f6368;")
            self.form.addRow(info_label)
        self.text_edit = multi_line(90)
        self.add_row(label, self.text_edit, "reason")

    def collect(self) -> str | None:
        return text_or_none(self.text_edit)


class RewardDialog(LeadForm):
    """举报奖励 of a verified report: the amount and a note."""

    def __init__(self, ctx: AppContext, report: public_reports.ReportRow, save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("RewardDialog", "Reward for the report"), save, parent)
        self.amount_edit = QLineEdit("" if report.reward_amount is None else f"{report.reward_amount:g}")
        self.amount_edit.setPlaceholderText(self.tr("Yuan, e.g. 500"))
        self.add_row(self.tr("Amount (yuan)"), self.amount_edit, "amount")
        self.note_edit = QLineEdit(report.reward_note or "")
        self.add_row(self.tr("Note"), self.note_edit, "note")

    def collect(self) -> dict[str, Any]:
        return {"amount": self.amount_edit.text().strip(), "note": text_or_none(self.note_edit)}


class HazardPickDialog(LeadForm):
    """Find an existing hazard (by text, the site's hazards first) and pick it."""

    def __init__(self, ctx: AppContext, title: str, save: Callable[[str], Any],
                 site_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, save, parent)
        self.setMinimumSize(560, 420)
        self.site_id = site_id
        self.search_edit = DebouncedLineEdit(250)
        self.search_edit.setPlaceholderText(self.tr("Search hazards: description, site, location …"))
        self.search_edit.settled.connect(lambda _t: self.reload())
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.form.addRow(self.search_edit)
        self.form.addRow(self.list)
        self.add_row("", QWidget(), "hazard_id")
        self.reload()

    def reload(self) -> None:
        text = self.search_edit.text().strip() or None
        found: list[HazardRow] = []
        try:
            if self.site_id and not text:
                found = hazards.list_hazards(self.ctx.session, HazardFilter(site_id=self.site_id), limit=100)
            seen = {h.id for h in found}
            found += [h for h in hazards.list_hazards(self.ctx.session, HazardFilter(text=text), limit=200)
                      if h.id not in seen]
        except DomainError as exc:
            self.error_banner.show_message(exc.message(self.lang))
        self.list.clear()
        for h in found:
            item = QListWidgetItem(f"{h.site_name or ''} · {h.description.splitlines()[0][:50]}"
                                   f" · {labels.status(h.status)} · {h.found_on}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def select_hazard(self, hazard_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == hazard_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def collect(self) -> str:
        item = self.list.currentItem()
        if item is None:
            raise ValidationError("hazard_id: pick a hazard", "请选择一条隐患", code="empty")
        return item.data(Qt.ItemDataRole.UserRole)
