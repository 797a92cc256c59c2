"""Forms of the 线索 page's handed-down tasks (上级交办): record one, and report it done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ...core.errors import ValidationError
from ...services.assigned_tasks import TaskInput, TaskRow
from ..context import AppContext
from ..qt import QCoreApplication, QDate, QLineEdit, QWidget
from ..widgets import DateEdit
from .common import text_or_none
from .hazard_dialog import SitePicker
from .public_report import LeadForm, multi_line


def date_edit(value: date, earliest: date | None = None, latest: date | None = None) -> DateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if earliest:
        edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    if latest:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


class TaskDialog(LeadForm):
    """上级交办: who handed it down (and their document number), what, by when, where."""

    def __init__(self, ctx: AppContext, save: Callable[[TaskInput], Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("TaskDialog", "Record a handed-down task"), save, parent)
        self.setMinimumWidth(520)
        today = ctx.session.clock.today()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. county emergency management bureau"))
        self.add_row(self.tr("Handed down by *"), self.source_edit, "source")
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(self.tr("Their document number, if any"))
        self.add_row(self.tr("Document no."), self.reference_edit, "reference")
        self.received_edit = date_edit(today, latest=today)
        self.add_row(self.tr("Received on"), self.received_edit, "received_on")
        self.due_edit = date_edit(today + timedelta(days=7), earliest=today - timedelta(days=365))
        self.add_row(self.tr("Due on *"), self.due_edit, "due_on")
        self.content_edit = multi_line(100)
        self.add_row(self.tr("Content *"), self.content_edit, "content")
        self.site_picker = SitePicker(ctx)
        self.add_row(self.tr("Site"), self.site_picker, "site_id")
        self.source_edit.setFocus()

    def collect(self) -> TaskInput:
        site_id = self.site_picker.site_id()
        if self.site_picker.currentText().strip() and site_id is None:
            raise ValidationError("site_id: no such site", "没有这个场所，请从列表中选择", code="bad_site")
        return TaskInput(
            source=self.source_edit.text(), content=self.content_edit.toPlainText(),
            due_on=self.due_edit.date().toPython().isoformat(),
            received_on=self.received_edit.date().toPython().isoformat(),
            reference=text_or_none(self.reference_edit), site_id=site_id,
        )


class CompleteTaskDialog(LeadForm):
    """The task is done: the result reported back up, and the day."""

    def __init__(self, ctx: AppContext, task: TaskRow, save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("CompleteTaskDialog", "Complete the task"), save, parent)
        today = ctx.session.clock.today()
        self.done_edit = date_edit(today, earliest=date.fromisoformat(task.received_on), latest=today)
        self.add_row(self.tr("Done on"), self.done_edit, "on")
        self.result_edit = multi_line(100)
        self.result_edit.setPlaceholderText(self.tr("What was found and done, as reported back"))
        self.add_row(self.tr("Result *"), self.result_edit, "result")
        self.result_edit.setFocus()

    def collect(self) -> dict[str, Any]:
        return {"result": text_or_none(self.result_edit), "on": self.done_edit.date().toPython()}
