"""线索 page: public reports (群众举报) and handed-down tasks (上级交办), in two tabs.

Both lists are small (a township gets tens to hundreds a year), so each tab reads its rows
straight from the service into a plain item model. The page listens to ``AppEvents.changed``;
hidden, it only marks itself stale and reloads when shown. The reporter's identity appears only
for users who may see it (the service leaves it out for everyone else).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.entities import HazardInput
from ...core.errors import DomainError
from ...core.permissions import Action, can
from ...services import assigned_tasks, hazards, public_reports
from ...services.assigned_tasks import TASKS, TaskRow
from ...services.changes import HAZARDS, Changes
from ...services.public_reports import REPORTS, ReportRow
from .. import labels
from ..context import AppContext
from ..dialogs import public_report as pr
from ..dialogs.assigned_task import CompleteTaskDialog, TaskDialog
from ..dialogs.hazard_dialog import HazardDialog
from ..icons import icon
from ..ops import Op
from ..qt import (
    QBrush,
    QColor,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QShowEvent,
    QSplitter,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import DetailView, esc, field_rows, first_line, list_table

OVERDUE_BG, OVERDUE_FG = QColor("#fce8e6"), QColor("#a50e0e")
IdRole = Qt.ItemDataRole.UserRole + 1


class LeadTab(QWidget):
    """Frame of one tab: action buttons, a status filter, the list and a detail pane."""

    open_record = Signal(str, str)  # kind, id (a linked hazard or site)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self.actions_row = QHBoxLayout()
        self.filter_combo = QComboBox()
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #5f6368;")
        self.model = QStandardItemModel(self)
        self.table = list_table(self.model)
        self.table.horizontalHeader().setHighlightSections(False)
        self.detail = DetailView()
        self.detail.setMinimumWidth(280)
        self.detail.link_activated.connect(self.open_record)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 360])
        splitter.setChildrenCollapsible(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.filter_label()))
        bar.addWidget(self.filter_combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 4)
        layout.addLayout(self.actions_row)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())

    def filter_label(self) -> str:
        raise NotImplementedError

    def button(self, text: str, icon_name: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions_row.addWidget(button)
        return button

    # ------------------------------------------------------------------ rows
    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def cells(self, row: Any) -> list[str]:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def highlighted(self, row: Any) -> bool:
        return False

    def reload(self) -> None:
        keep = self.current_id()
        try:
            self.rows = self.fetch()
        except DomainError as exc:
            self.rows = []
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers())
        for row in self.rows:
            items = []
            for text in self.cells(row):
                item = QStandardItem(text)
                item.setData(row.id, IdRole)
                item.setToolTip(text)
                if self.highlighted(row):
                    item.setBackground(QBrush(OVERDUE_BG))
                    item.setForeground(QBrush(OVERDUE_FG))
                items.append(item)
            self.model.appendRow(items)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.stretch_column(), QHeaderView.ResizeMode.Stretch)
        self.count_label.setText(self.count_text(len(self.rows)))
        if not (keep and self.select_id(keep)):
            self._on_selection()

    def stretch_column(self) -> int:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def select_id(self, record_id: str) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == record_id:
                self.table.selectRow(r)
                return True
        return False

    def current_id(self) -> str | None:
        row = self.current_row()
        return row.id if row is not None else None

    def current_row(self) -> Any | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not selected or not (0 <= selected[0].row() < len(self.rows)):
            return None
        return self.rows[selected[0].row()]

    def _on_selection(self) -> None:
        row = self.current_row()
        self.detail.setHtml(self.render_detail(row) if row is not None else (
            "<p style='color:#5f6368'>" + esc(self.empty_text()) + "</p>"))
        self.update_buttons(row)

    def render_detail(self, row: Any) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def update_buttons(self, row: Any | None) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ helpers
    def hazard_links(self, ids: tuple[str, ...]) -> str:
        links = []
        for row in hazards.hazard_rows(self.ctx.session, list(ids)):
            links.append(f"<a href='hazard:{esc(row.id)}'>{esc(first_line(row.description, 30))}</a>"
                         f" <span style='color:#5f6368'>{esc(labels.status(row.status))}</span>")
        return "<br>".join(links)

    def write(self, call: Callable[[], Any], message: str) -> Op:
        """A service write off the GUI thread (a form's save): the runner publishes what the
        service changed, says ``message``; a refusal shows in the form that asked."""
        return self.ctx.ops.write(call, title=message, parent=self.window(), notice=message)

    def open_form(self, dialog: QDialog, select: bool = True) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if select:
            dialog.accepted.connect(lambda: self._select_saved(dialog))
        dialog.open()
        return dialog

    def _select_saved(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        record_id = getattr(saved, "id", None)
        if isinstance(record_id, str):
            self.reload()
            self.select_id(record_id)


class ReportsTab(LeadTab):
    """群众举报: record, verify (a new or an existing hazard), close as unfounded, reward."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        user = ctx.session.user
        self.new_button = self.button(self.tr("New report"), "add", self.new_report,
                                      self.tr("Record a public report (Ins)"))
        self.hazard_button = self.button(self.tr("Create hazard…"), "", self.create_hazard,
                                         self.tr("Record the hazard the report led to, linked to it"))
        self.link_button = self.button(self.tr("Link hazard…"), "", self.link_hazard,
                                       self.tr("The report is verified by a hazard already recorded"))
        self.close_button = self.button(self.tr("Close as unfounded…"), "", self.close_unfounded,
                                        self.tr("The check found nothing: close the report with the reason"))
        self.reward_button = self.button(self.tr("Reward…"), "", self.set_reward,
                                         self.tr("Reward for a verified report"))
        self.close_button.setVisible(can(user, Action.CLOSE_REPORT))
        self.reward_button.setVisible(can(user, Action.SET_REWARD))
        self.new_button.setEnabled(can(user, Action.ADD_REPORT))
        self.actions_row.addStretch(1)
        self.filter_combo.addItem(self.tr("All"), None)
        for code in (public_reports.RECEIVED, public_reports.VERIFIED, public_reports.UNFOUNDED):
            self.filter_combo.addItem(pr.status_label(code), code)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_report)
        self.table.doubleClicked.connect(lambda _i: self.create_hazard())

    def filter_label(self) -> str:
        return self.tr("Status")

    def fetch(self) -> list[ReportRow]:
        return public_reports.list_reports(self.ctx.session, self.filter_combo.currentData())

    def headers(self) -> list[str]:
        return [self.tr("Received"), self.tr("Channel"), self.tr("Site / place"), self.tr("Content"),
                self.tr("Status"), self.tr("Hazards"), self.tr("Reward")]

    def cells(self, r: ReportRow) -> list[str]:
        return [labels.local_time(r.received_at) or r.received_at, pr.channel_label(r.channel),
                r.site_name or r.location or "", first_line(r.content, 60), pr.status_label(r.status),
                str(len(r.hazard_ids)) if r.hazard_ids else "",
                "" if r.reward_amount is None else f"{r.reward_amount:g}"]

    def stretch_column(self) -> int:
        return 3

    def count_text(self, n: int) -> str:
        return self.tr("{} reports").format(n)

    def empty_text(self) -> str:
        return self.tr("Select a report to see it in full.")

    def update_buttons(self, r: ReportRow | None) -> None:
        user = self.ctx.session.user
        open_ = r is not None and r.status != public_reports.UNFOUNDED
        self.hazard_button.setEnabled(open_ and can(user, Action.LINK_REPORT) and can(user, Action.EDIT_HAZARD))
        self.link_button.setEnabled(open_ and can(user, Action.LINK_REPORT))
        self.close_button.setEnabled(r is not None and r.status == public_reports.RECEIVED
                                     and can(user, Action.CLOSE_REPORT))
        self.reward_button.setEnabled(r is not None and r.status == public_reports.VERIFIED
                                      and can(user, Action.SET_REWARD))

    def render_detail(self, r: ReportRow) -> str:
        site = (f"<a href='site:{esc(r.site_id)}'>{esc(r.site_name)}</a>" if r.site_id else "")
        fields = [
            (self.tr("Channel"), esc(pr.channel_label(r.channel))),
            (self.tr("Received"), esc(labels.local_time(r.received_at) or r.received_at)),
            (self.tr("Site"), site),
            (self.tr("Place"), esc(r.location)),
            (self.tr("Status"), esc(pr.status_label(r.status))),
            (self.tr("Hazards"), self.hazard_links(r.hazard_ids)),
        ]
        if r.closed_reason:
            fields.append((self.tr("Closed because"), esc(r.closed_reason)))
        if r.reward_amount is not None:
            reward = f"{r.reward_amount:g}" + (f" · {r.reward_note}" if r.reward_note else "")
            fields.append((self.tr("Reward (yuan)"), esc(reward)))
        html = field_rows(fields)
        html += f"<h4>{esc(self.tr('Content'))}</h4><p>{esc(r.content).replace(chr(10), '<br>')}</p>"
        if can(self.ctx.session.user, Action.SEE_REPORTER):
            who = r.reporter
            if who is None:
                text = esc(self.tr("Anonymous"))
            else:
                text = field_rows([(self.tr("Name"), esc(who.name)), (self.tr("Phone"), esc(who.phone)),
                                   (self.tr("Contact note"), esc(who.contact_note))])
            html += (f"<h4>{esc(self.tr('Reporter (protected)'))}</h4>" + text)
        return html

    # ------------------------------------------------------------------ actions
    def new_report(self) -> pr.ReportDialog | None:
        if not can(self.ctx.session.user, Action.ADD_REPORT):
            return None

        def save(data: public_reports.ReportInput) -> Op:
            session = self.ctx.session
            return self.write(lambda: public_reports.add_report(session, data),
                              self.tr("Public report recorded"))

        return self.open_form(pr.ReportDialog(self.ctx, save, parent=self.window()))

    def create_hazard(self) -> HazardDialog | None:
        r = self.current_row()
        if r is None or not self.hazard_button.isEnabled():
            return None

        def save(data: HazardInput) -> Op:
            session = self.ctx.session
            return self.write(lambda: public_reports.add_hazard_from_report(session, r.id, data),
                              self.tr("Hazard recorded and linked to the report"))

        dialog = HazardDialog(self.ctx, save, site_id=r.site_id, parent=self.window())
        dialog.description_edit.setPlainText(r.content)
        if r.location:
            dialog.location_edit.setText(r.location)
        report_id = r.id
        dialog.accepted.connect(lambda: self.select_id(report_id))
        return self.open_form(dialog, select=False)

    def link_hazard(self) -> pr.HazardPickDialog | None:
        r = self.current_row()
        if r is None or not self.link_button.isEnabled():
            return None
        report_id = r.id

        def save(hazard_id: str) -> Op:
            session = self.ctx.session
            return self.write(lambda: public_reports.link_hazard(session, report_id, hazard_id),
                              self.tr("Hazard linked: the report is verified"))

        dialog = pr.HazardPickDialog(self.ctx, self.tr("Link a hazard to the report"), save,
                                     site_id=r.site_id, parent=self.window())
        return self.open_form(dialog, select=False)

    def close_unfounded(self) -> pr.ReasonDialog | None:
        r = self.current_row()
        if r is None or not self.close_button.isEnabled():
            return None
        report_id = r.id

        def save(reason: str | None) -> Op:
            session = self.ctx.session
            return self.write(lambda: public_reports.close_unfounded(session, report_id, reason=reason),
                              self.tr("Report closed as unfounded"))

        dialog = pr.ReasonDialog(self.ctx, self.tr("Close as unfounded"), self.tr("Reason *"), save,
                                 info=first_line(r.content, 80), parent=self.window())
        return self.open_form(dialog, select=False)

    def set_reward(self) -> pr.RewardDialog | None:
        r = self.current_row()
        if r is None or not self.reward_button.isEnabled():
            return None
        report_id = r.id

        def save(kw: dict[str, Any]) -> Op:
            session = self.ctx.session
            return self.write(lambda: public_reports.set_reward(session, report_id, **kw),
                              self.tr("Reward saved"))

        return self.open_form(pr.RewardDialog(self.ctx, r, save, parent=self.window()), select=False)


class TasksTab(LeadTab):
    """上级交办: record (supervisors), complete with the result, link the hazards it produced."""

    ALL, OPEN, OVERDUE, DONE = "all", "open", "overdue", "done"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        user = ctx.session.user
        self.new_button = self.button(self.tr("New task"), "add", self.new_task,
                                      self.tr("Record a task handed down by a higher authority (Ins)"))
        self.complete_button = self.button(self.tr("Complete…"), "", self.complete_task,
                                           self.tr("Report the task done, with its result"))
        self.link_button = self.button(self.tr("Link hazard…"), "", self.link_hazard,
                                       self.tr("A hazard this task produced"))
        if not can(user, Action.ADD_TASK):
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(self.tr("Handed-down tasks are recorded by a supervisor"))
        self.actions_row.addStretch(1)
        for code, text in ((self.ALL, self.tr("All")), (self.OPEN, self.tr("Open")),
                           (self.OVERDUE, self.tr("Overdue")), (self.DONE, self.tr("Done"))):
            self.filter_combo.addItem(text, code)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_task)
        self.table.doubleClicked.connect(lambda _i: self.complete_task())

    def filter_label(self) -> str:
        return self.tr("Status")

    def fetch(self) -> list[TaskRow]:
        code = self.filter_combo.currentData()
        status = {self.OPEN: assigned_tasks.OPEN, self.DONE: assigned_tasks.DONE}.get(code)
        return assigned_tasks.list_tasks(self.ctx.session, status, overdue=code == self.OVERDUE)

    def headers(self) -> list[str]:
        return [self.tr("Due on"), self.tr("Handed down by"), self.tr("Document no."), self.tr("Content"),
                self.tr("Status"), self.tr("Hazards")]

    def status_text(self, t: TaskRow) -> str:
        if t.overdue:
            return self.tr("Overdue")
        return {assigned_tasks.OPEN: self.tr("Open"), assigned_tasks.DONE: self.tr("Done"),
                assigned_tasks.CANCELLED: self.tr("Cancelled")}.get(t.status, t.status)

    def cells(self, t: TaskRow) -> list[str]:
        return [t.due_on, t.source, t.reference or "", first_line(t.content, 60), self.status_text(t),
                str(len(t.hazard_ids)) if t.hazard_ids else ""]

    def highlighted(self, t: TaskRow) -> bool:
        return t.overdue

    def stretch_column(self) -> int:
        return 3

    def count_text(self, n: int) -> str:
        return self.tr("{} tasks").format(n)

    def empty_text(self) -> str:
        return self.tr("Select a task to see it in full.")

    def update_buttons(self, t: TaskRow | None) -> None:
        user = self.ctx.session.user
        is_open = t is not None and t.status == assigned_tasks.OPEN
        self.complete_button.setEnabled(is_open and can(user, Action.COMPLETE_TASK))
        self.link_button.setEnabled(t is not None and can(user, Action.EDIT_HAZARD))

    def render_detail(self, t: TaskRow) -> str:
        status = esc(self.status_text(t))
        if t.overdue:
            status = f"<b style='color:#c5221f'>{status}</b>"
        fields = [
            (self.tr("Handed down by"), esc(t.source)),
            (self.tr("Document no."), esc(t.reference)),
            (self.tr("Received on"), esc(t.received_on)),
            (self.tr("Due on"), esc(t.due_on)),
            (self.tr("Status"), status),
            (self.tr("Done on"), esc(t.done_on)),
            (self.tr("Hazards"), self.hazard_links(t.hazard_ids)),
        ]
        html = field_rows(fields)
        html += f"<h4>{esc(self.tr('Content'))}</h4><p>{esc(t.content).replace(chr(10), '<br>')}</p>"
        if t.result:
            html += f"<h4>{esc(self.tr('Result'))}</h4><p>{esc(t.result).replace(chr(10), '<br>')}</p>"
        return html

    # ------------------------------------------------------------------ actions
    def new_task(self) -> TaskDialog | None:
        if not can(self.ctx.session.user, Action.ADD_TASK):
            return None

        def save(data: assigned_tasks.TaskInput) -> Op:
            session = self.ctx.session
            return self.write(lambda: assigned_tasks.add_task(session, data),
                              self.tr("Handed-down task recorded"))

        return self.open_form(TaskDialog(self.ctx, save, parent=self.window()))

    def complete_task(self) -> CompleteTaskDialog | None:
        t = self.current_row()
        if t is None or not self.complete_button.isEnabled():
            return None
        task_id = t.id

        def save(kw: dict[str, Any]) -> Op:
            session = self.ctx.session
            return self.write(lambda: assigned_tasks.complete_task(session, task_id, **kw),
                              self.tr("Task completed"))

        return self.open_form(CompleteTaskDialog(self.ctx, t, save, parent=self.window()), select=False)

    def link_hazard(self) -> pr.HazardPickDialog | None:
        t = self.current_row()
        if t is None or not self.link_button.isEnabled():
            return None
        task_id = t.id

        def save(hazard_id: str) -> Op:
            session = self.ctx.session
            return self.write(lambda: assigned_tasks.link_hazard_to_task(session, task_id, hazard_id),
                              self.tr("Hazard linked to the task"))

        dialog = pr.HazardPickDialog(self.ctx, self.tr("Link a hazard to the task"), save,
                                     site_id=t.site_id, parent=self.window())
        return self.open_form(dialog, select=False)


class LeadsPage(QWidget):
    """线索: 群众举报 and 上级交办 tabs."""

    open_record = Signal(str, str)  # kind, id
    watched = (REPORTS, TASKS, HAZARDS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reports = ReportsTab(ctx)
        self.tasks = TasksTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reports, "")
        self.tabs.addTab(self.tasks, "")
        for tab in (self.reports, self.tasks):
            tab.open_record.connect(self.open_record)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.tabs)
        self._stale = True  # nothing read until the page is first shown
        self.tabs.setTabText(0, self.tr("Public reports"))
        self.tabs.setTabText(1, self.tr("Handed-down tasks"))
        ctx.events.changed.connect(self.on_changed)

    def shutdown(self) -> None:
        """Stop listening before the page is thrown away (language or store switch)."""
        self.ctx.events.unsubscribe(self.on_changed)

    def on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.watched):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.reports.reload()
        self.tasks.reload()
        self._update_titles()

    def _update_titles(self) -> None:
        try:  # whatever the tabs' filters show
            received = len(public_reports.list_reports(self.ctx.session, public_reports.RECEIVED))
            overdue = len(assigned_tasks.list_tasks(self.ctx.session, overdue=True))
        except DomainError:
            received = overdue = 0
        # the tab names what its number counts, so it never reads as the list's total
        self.tabs.setTabText(0, self.tr("Public reports ({} to check)").format(received) if received
                             else self.tr("Public reports"))
        self.tabs.setTabText(1, self.tr("Handed-down tasks ({} overdue)").format(overdue) if overdue
                             else self.tr("Handed-down tasks"))
        self.tabs.setTabToolTip(0, self.tr("{} reports awaiting a check").format(received))
        self.tabs.setTabToolTip(1, self.tr("{} tasks overdue").format(overdue))
