"""检查 page: the inspector's daily path — pick a site, run its checklist, record hazards.

Left: the inspections in progress (double-click or Enter resumes one) and "Start
inspection" (Ctrl+Shift+I). Right: the checklist run (``checklist_run.ChecklistRun``), or
the summary of the inspection just finished. Every write goes through the services at
once and its ``Changes`` are published, so other pages refresh themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...core.errors import DomainError
from ...services import inspections
from ...services.campaigns import list_campaigns
from ...services.changes import INSPECTIONS, SITES, Changes, Saved
from ...services.checklists import list_templates, suggest_templates
from ...services.inspection_views import list_inspections
from ...services.inspections import StartInput
from ...services.sites import get_site, list_sites
from ...services.users import list_users
from .. import labels
from ..context import AppContext
from ..dialogs.campaigns import CampaignsDialog
from ..dialogs.checklist_templates import ChecklistTemplatesDialog
from ..dialogs.common import ErrorBanner, GuardedDialog
from ..dialogs.inspection_plan import InspectionPlanDialog
from ..icons import icon
from ..ops import Op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShowEvent,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ..widgets import heading
from .checklist_run import ChecklistRun
from .inspection_summary import SummaryPanel

KIND = {
    "patrol": QT_TRANSLATE_NOOP("InspectionKinds", "Routine patrol"),
    "recheck": QT_TRANSLATE_NOOP("InspectionKinds", "Re-check"),
    "campaign": QT_TRANSLATE_NOOP("InspectionKinds", "Special campaign"),
    "report": QT_TRANSLATE_NOOP("InspectionKinds", "Report verification"),
    "random": QT_TRANSLATE_NOOP("InspectionKinds", "Random check"),
}
START_KINDS = ("patrol", "recheck", "campaign", "report")
ID_ROLE = Qt.ItemDataRole.UserRole


def kind_label(code: str) -> str:
    return translate("InspectionKinds", KIND[code]) if code in KIND else code


def campaign_active(campaign: dict[str, Any], today: date) -> bool:
    return str(campaign["starts_on"]) <= today.isoformat() <= str(campaign["ends_on"])


def campaign_order(campaigns: list[dict[str, Any]], sectors: tuple[str, ...],
                   today: date) -> list[dict[str, Any]]:
    """Active campaigns of the site's sectors first, then other active ones, upcoming, ended."""
    def rank(c: dict[str, Any]) -> tuple[int, int]:
        active = campaign_active(c, today)
        upcoming = str(c["starts_on"]) > today.isoformat()
        return (0 if active else 1 if upcoming else 2, 0 if c["sector"] in sectors else 1)

    return sorted(campaigns, key=rank)  # stable: newest first within a rank (list order)


class StartInspectionDialog(GuardedDialog):
    """Site (type to find it), checklists (the site's suggested ones ticked), kind, campaign
    (for 专项整治), inspectors (the current user and any co-inspectors), place.

    With ``start`` given, OK starts the inspection through it and closes only if that
    succeeds; a ``DomainError`` shows in the red banner and everything chosen stays.
    """

    def __init__(self, ctx: AppContext, site_id: str | None = None, parent: QWidget | None = None,
                 start: Callable[[StartInput], Saved] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._start = start
        self.saved: Saved | None = None
        self._campaign_chosen = False  # the user picked a campaign: keep it when the site changes
        self.setWindowTitle(self.tr("Start inspection"))
        self.setMinimumWidth(520)
        self.error_banner = ErrorBanner(self)
        self.site_combo = QComboBox()
        self.site_combo.setEditable(True)
        self.site_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for site in list_sites(ctx.session):
            self.site_combo.addItem(site.name, site.id)
        completer = QCompleter(self.site_combo.model(), self.site_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.site_combo.setCompleter(completer)
        self.site_combo.lineEdit().setPlaceholderText(self.tr("Type part of the site name"))
        self.template_list = QListWidget()
        self.template_list.setMinimumHeight(150)
        self.kind_combo = QComboBox()
        for code in START_KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setToolTip(self.tr("The special campaign (专项整治) this inspection belongs to"))
        self.inspector_list = QListWidget()
        self.inspector_list.setToolTip(self.tr("Tick the colleagues inspecting with you"))
        self._fill_inspectors()
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Optional, e.g. back kitchen, 2nd floor"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Site"), self.site_combo)
        self.form.addRow(self.tr("Checklists"), self.template_list)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("Campaign"), self.campaign_combo)
        self.form.addRow(self.tr("Inspectors"), self.inspector_list)
        self.form.addRow(self.tr("Location"), self.location_edit)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                           | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(self.form)
        layout.addWidget(self.button_box)
        self.site_combo.currentIndexChanged.connect(lambda _i: self._site_changed())
        self.site_combo.editTextChanged.connect(lambda _t: self._update_ok())
        self.template_list.itemChanged.connect(lambda _i: self._update_ok())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.campaign_combo.activated.connect(lambda _i: setattr(self, "_campaign_chosen", True))
        found = self.site_combo.findData(site_id) if site_id else -1
        self.site_combo.setCurrentIndex(found)
        if found < 0:
            self.site_combo.setEditText("")
        self._site_changed()
        self._kind_changed()

    def site_id(self) -> str | None:
        index = self.site_combo.currentIndex()
        if index < 0 or self.site_combo.currentText() != self.site_combo.itemText(index):
            return None
        return self.site_combo.itemData(index)

    def set_site(self, site_id: str) -> None:
        self.site_combo.setCurrentIndex(self.site_combo.findData(site_id))

    def template_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self._template_items()
                if item.checkState() == Qt.CheckState.Checked]

    def _template_items(self) -> list[QListWidgetItem]:
        return [self.template_list.item(i) for i in range(self.template_list.count())]

    # ------------------------------------------------------------------ inspectors
    def _fill_inspectors(self) -> None:
        """Active users, the current one first, ticked and fixed (they always take part)."""
        me = self.ctx.session.user.id
        users = sorted(list_users(self.ctx.session, include_inactive=False), key=lambda u: u.id != me)
        for user in users:
            grids = "、".join(user.grids)
            text = user.name + (f"（{grids}）" if grids else "")
            if user.id == me:
                text = self.tr("{} (you)").format(text)
            item = QListWidgetItem(text, self.inspector_list)
            item.setData(ID_ROLE, user.id)
            if user.id == me:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(max(self.inspector_list.count(), 2), 5)
        self.inspector_list.setFixedHeight(rows * (self.inspector_list.fontMetrics().height() + 8) + 6)

    def inspector_ids(self) -> list[str]:
        """The ticked users, the current user first."""
        return [item.data(ID_ROLE) for item in (self.inspector_list.item(i)
                                                 for i in range(self.inspector_list.count()))
                if item.checkState() == Qt.CheckState.Checked]

    def set_inspector_checked(self, user_id: str, checked: bool = True) -> None:
        for i in range(self.inspector_list.count()):
            item = self.inspector_list.item(i)
            if item.data(ID_ROLE) == user_id and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ------------------------------------------------------------------ kind and campaign
    def _kind_changed(self) -> None:
        self.form.setRowVisible(self.campaign_combo, self.kind_combo.currentData() == "campaign")

    def _fill_campaigns(self) -> None:
        """The campaigns, best first for the site; the first active one of its sectors is
        chosen unless the user already picked one."""
        site_id = self.site_id()
        sectors: tuple[str, ...] = ()
        if site_id:
            try:
                sectors = tuple(get_site(self.ctx.session, site_id).sectors)
            except DomainError:
                sectors = ()
        today = self.ctx.session.clock.today()
        keep = self.campaign_combo.currentData() if self._campaign_chosen else None
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        self.campaign_combo.addItem(self.tr("No campaign"), None)
        best = None
        for c in campaign_order(list_campaigns(self.ctx.session), sectors, today):
            if campaign_active(c, today):
                when = self.tr("until {}").format(c["ends_on"])
            elif str(c["starts_on"]) > today.isoformat():
                when = self.tr("from {}").format(c["starts_on"])
            else:
                when = self.tr("ended {}").format(c["ends_on"])
            self.campaign_combo.addItem(f"{c['name']}（{c['sector_name']} · {when}）", c["id"])
            if best is None and campaign_active(c, today) and c["sector"] in sectors:
                best = c["id"]
        wanted = keep if keep is not None else best
        self.campaign_combo.setCurrentIndex(max(self.campaign_combo.findData(wanted), 0) if wanted else 0)
        self.campaign_combo.blockSignals(False)

    def campaign_id(self) -> str | None:
        if self.kind_combo.currentData() != "campaign":
            return None
        return self.campaign_combo.currentData()

    def set_kind(self, code: str) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(code), 0))

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_combo.setCurrentIndex(max(self.campaign_combo.findData(campaign_id), 0)
                                            if campaign_id else 0)
        self._campaign_chosen = True

    # ------------------------------------------------------------------ site and checklists
    def _site_changed(self) -> None:
        self._fill_templates()
        self._fill_campaigns()

    def _fill_templates(self) -> None:
        site_id = self.site_id()
        suggested = []
        if site_id:
            try:
                suggested = suggest_templates(self.ctx.session, site_id)
            except DomainError:
                suggested = []
        ids = {t.id for t in suggested}
        others = [t for t in list_templates(self.ctx.session) if t.id not in ids]
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for t in [*suggested, *others]:
            item = QListWidgetItem(self.tr("{} ({} items)").format(t.title, t.item_count), self.template_list)
            item.setData(ID_ROLE, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in ids else Qt.CheckState.Unchecked)
        self.template_list.blockSignals(False)
        self._update_ok()

    def _update_ok(self) -> None:
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.site_id() is not None)

    def start_input(self) -> StartInput:
        return StartInput(site_id=self.site_id() or "", template_ids=self.template_ids(),
                          kind=self.kind_combo.currentData(), campaign_id=self.campaign_id(),
                          location=self.location_edit.text().strip() or None,
                          inspector_ids=self.inspector_ids())

    def accept(self) -> None:
        if self._start is None:
            super().accept()
            return
        op = self._start(self.start_input())  # a write off the GUI thread: wait, input kept
        self.pending = op
        self.button_box.setEnabled(False)
        self.error_banner.clear_message()
        op.handle_errors(lambda exc: self.error_banner.show_message(exc.message(self.ctx.lang)))
        op.succeeded.connect(self._write_done)
        op.finished.connect(self._write_ended)

    def _write_ended(self) -> None:
        self.pending = None
        self.button_box.setEnabled(True)

    def _write_done(self, saved: Saved) -> None:
        self.saved, self.pending = saved, None
        QDialog.accept(self)

    def reject(self) -> None:
        if getattr(self, "pending", None) is None:  # while the write runs the form stays
            super().reject()


class InspectionsPage(QWidget):
    open_record = Signal(str, str)  # ("hazard", id): the main window shows it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: StartInspectionDialog | None = None
        self._stale = False
        self.start_button = QPushButton(icon("add"), self.tr("Start inspection"))
        self.start_button.setToolTip(self.tr("Pick a site and run its checklist (Ctrl+Shift+I)"))
        self.start_button.setShortcut("Ctrl+Shift+I")
        self.start_button.clicked.connect(lambda _c=False: self.start_dialog())
        self.plan_button = QPushButton(self.tr("Inspection plan…"))
        self.plan_button.setToolTip(self.tr("Sites due or overdue for an inspection (Ctrl+Shift+P)"))
        self.plan_button.setShortcut("Ctrl+Shift+P")
        self.plan_button.clicked.connect(lambda _c=False: self.open_plan())
        self.campaigns_button = QPushButton(self.tr("Campaigns…"))
        self.campaigns_button.setToolTip(self.tr("Special campaigns and their random draws (双随机)"))
        self.campaigns_button.clicked.connect(lambda _c=False: self.open_campaigns())
        self.templates_button = QPushButton(self.tr("Checklist templates…"))
        self.templates_button.setToolTip(self.tr("View, edit, import and export checklist templates"))
        self.templates_button.clicked.connect(lambda _c=False: self.open_templates())
        self.plan_dialog: InspectionPlanDialog | None = None
        self.campaigns_window: CampaignsDialog | None = None
        self.templates_dialog: ChecklistTemplatesDialog | None = None
        self.resume_list = QListWidget()
        self.resume_list.setSpacing(2)
        self.resume_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.resume_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resume_list.setToolTip(self.tr("Double-click or press Enter to continue an inspection"))
        self.resume_list.itemActivated.connect(lambda item: self.resume(item.data(ID_ROLE)))
        self.resume_list.itemDoubleClicked.connect(lambda item: self.resume(item.data(ID_ROLE)))
        self.resume_empty = QLabel(self.tr("No inspection in progress."))
        self.resume_empty.setStyleSheet("color: #5f6368;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.start_button)
        left_layout.addSpacing(6)
        left_layout.addWidget(heading(self.tr("Inspections in progress"), 1))
        left_layout.addWidget(self.resume_empty)
        left_layout.addWidget(self.resume_list, 1)
        left_layout.addSpacing(6)
        for button in (self.plan_button, self.campaigns_button, self.templates_button):
            left_layout.addWidget(button)

        self.run = ChecklistRun(ctx)
        self.run.finished.connect(self._on_finished)
        self.run.discarded.connect(self._on_discarded)
        self.summary = SummaryPanel()
        self.summary.start_requested.connect(self.start_dialog)
        self.summary.open_hazard.connect(lambda hazard_id: self.open_record.emit("hazard", hazard_id))
        self.empty = QLabel(self.tr("Start an inspection (Ctrl+Shift+I) or continue one from the list.\n\n"
                                    "In the checklist: 1 = OK, 2 = hazard, 3 = not applicable, "
                                    "Enter = next item, N = note, Ctrl+Enter = finish."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.right = QStackedWidget()
        for widget in (self.empty, self.run, self.summary):
            self.right.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.splitter, 1)
        ctx.events.changed.connect(self.on_changed)
        self.reload()

    def shutdown(self) -> None:
        self.run.shutdown()  # its photo strip listens to the app's changes too
        self.ctx.events.unsubscribe(self.on_changed)

    # ------------------------------------------------------------------ resume list
    def reload(self) -> None:
        self._stale = False
        rows = list_inspections(self.ctx.session, status="in_progress", mine=True)
        keep = self.run.inspection_id
        self.resume_list.clear()
        for r in rows:
            started = labels.local_time(r["started_at"])
            text = f"{r['site_name']}\n{kind_label(r['kind'])} · {started}"
            if r["hazards"]:
                text += " · " + self.tr("{} hazards").format(r["hazards"])
            item = QListWidgetItem(icon("inspections"), text, self.resume_list)
            item.setData(ID_ROLE, r["id"])
            if r["id"] == keep:
                self.resume_list.setCurrentItem(item)
        self.resume_empty.setVisible(not rows)

    def in_progress_ids(self) -> list[str]:
        return [self.resume_list.item(i).data(ID_ROLE) for i in range(self.resume_list.count())]

    def on_changed(self, changes: Changes) -> None:
        if not changes.touches(INSPECTIONS, SITES):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    # ------------------------------------------------------------------ actions
    def start_dialog(self, site_id: str | None = None) -> StartInspectionDialog:
        dialog = StartInspectionDialog(self.ctx, site_id, parent=self.window(),
                                       start=self._write_start)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._started(dialog.saved))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _write_start(self, data: StartInput, on_done: Callable[[Any], None] | None = None) -> Op:
        session = self.ctx.session
        return self.ctx.ops.write(lambda: inspections.start_inspection(session, data),
                                  title=self.tr("Start inspection"), parent=self.window(), on_done=on_done)

    def start(self, data: StartInput) -> Op:
        """Start an inspection (a write off the GUI thread) and open it once started."""
        return self._write_start(data, on_done=self._started)

    def _started(self, saved: Saved | None) -> str | None:
        if saved is None:
            return None
        self.resume(saved.id)
        return saved.id

    def resume(self, inspection_id: str) -> bool:
        try:
            self.run.load(inspection_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return False
        self.right.setCurrentWidget(self.run)
        self.reload()
        self.run.table.setFocus()
        return True

    def _on_discarded(self, _inspection_id: str) -> None:
        self.right.setCurrentWidget(self.empty)
        self.reload()

    def open_plan(self) -> InspectionPlanDialog:
        dialog = InspectionPlanDialog(self.ctx, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.start_requested.connect(lambda site_id: self.start_dialog(site_id))
        dialog.destroyed.connect(lambda _o=None: setattr(self, "plan_dialog", None))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def open_campaigns(self) -> CampaignsDialog:
        if self.campaigns_window is None:
            window = CampaignsDialog(self.ctx, parent=self.window())
            window.destroyed.connect(lambda _o=None: setattr(self, "campaigns_window", None))
            self.campaigns_window = window
        self.campaigns_window.show()
        self.campaigns_window.raise_()
        self.campaigns_window.activateWindow()
        return self.campaigns_window

    def open_templates(self) -> ChecklistTemplatesDialog:
        dialog = ChecklistTemplatesDialog(self.ctx, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: setattr(self, "templates_dialog", None))
        self.templates_dialog = dialog
        dialog.show()
        return dialog

    def _on_finished(self, summary: dict[str, Any]) -> None:
        self.summary.show_summary(summary)
        self.right.setCurrentWidget(self.summary)
        self.reload()
