"""隐患 page: every hazard with status, level and overdue filters, details and history."""

from __future__ import annotations

from typing import Any

from ...core import hazard_status as hs
from ...core.errors import DomainError
from ...services import hazards
from ...services.changes import HAZARDS, SITES
from ...services.hazards import HazardFilter
from .. import labels, undo
from ..context import AppContext
from ..dialogs import hazard_actions as ha
from ..dialogs.hazard_dialog import HazardDialog
from ..models import HazardTableModel
from ..ops import Op
from ..photo_strip import PhotoStrip
from ..qt import (
    QAction,
    QCheckBox,
    QComboBox,
    QMenu,
    QPushButton,
    QSplitter,
    Qt,
    QToolButton,
    QUrl,
    QWidget,
)
from ..widgets import DebouncedLineEdit, confirm_delete, esc, field_rows
from .record_page import RecordPage

CHIP_STYLE = (
    "QToolButton { background: #e8f0fe; color: #174ea6; border: 1px solid #c6dafc;"
    " border-radius: 10px; padding: 2px 8px; }"
)


class HazardsPage(RecordPage):
    watched = (HAZARDS, SITES)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, HazardTableModel(ctx), parent)
        self.add_button = self.action_button(self.tr("Record hazard"), "add", self.add_record,
                                             self.tr("Record a hazard (Ctrl+Shift+N)"))
        self.edit_button = self.action_button(self.tr("Edit"), "edit", self.edit_record,
                                              self.tr("Edit the selected hazard (F2)"))
        self.delete_button = self.action_button(self.tr("Delete"), "delete", self.delete_record,
                                                self.tr("Delete the selected hazard (Del); Ctrl+Z undoes"))
        self.process_button = QPushButton(self.tr("Actions"))
        self.process_button.setToolTip(self.tr("Move the selected hazard on: notice, re-check, extension …"))
        self.process_menu = QMenu(self.process_button)
        self.action_items: dict[str, QAction] = {}
        for code in ha.ACTIONS:
            if code in (ha.EXTEND, ha.FIVE):
                self.process_menu.addSeparator()
            item = self.process_menu.addAction(ha.title(code) + "…")
            item.triggered.connect(lambda _checked=False, c=code: self.open_action(c))
            self.action_items[code] = item
        self.process_button.setMenu(self.process_menu)
        self.actions_row.addWidget(self.process_button)
        self.detail.anchorClicked.connect(self._on_detail_link)
        # the detail pane over the selected hazard's photos, in a splitter of their own
        self.photo_strip = PhotoStrip(ctx)
        self.detail_split = QSplitter(Qt.Orientation.Vertical)
        self.splitter.replaceWidget(1, self.detail_split)
        self.detail_split.addWidget(self.detail)
        self.detail_split.addWidget(self.photo_strip)
        self.detail.setVisible(True)
        self.detail_split.setStretchFactor(0, 3)
        self.detail_split.setStretchFactor(1, 2)
        self.detail_split.setChildrenCollapsible(False)
        self.detail_split.setSizes([520, 210])
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.count_label)

        self.search_edit = DebouncedLineEdit(250)
        self.search_edit.setPlaceholderText(self.tr("Filter: description, location, basis …"))
        self.search_edit.settled.connect(lambda _t: self.apply_filter())
        self.search_edit.returnPressed.connect(self.search_edit.flush)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for code in hs.STATUSES:
            self.status_combo.addItem(labels.status(code), code)
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("All levels"), None)
        for code in hs.LEVELS:
            self.level_combo.addItem(labels.level(code), code)
        for combo in (self.status_combo, self.level_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.overdue_check.toggled.connect(lambda _c: self.apply_filter())
        # a filter that only the dashboard or a site sets (due within N days, one site)
        self._extra: dict[str, Any] = {}
        self.chip = QToolButton()
        self.chip.setStyleSheet(CHIP_STYLE)
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chip.clicked.connect(self._drop_extra)
        self.chip.hide()
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(lambda _c=False: self.clear_filters())
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_row.addWidget(self.status_combo)
        self.filter_row.addWidget(self.level_combo)
        self.filter_row.addWidget(self.overdue_check)
        self.filter_row.addWidget(self.chip)
        self.filter_row.addWidget(self.clear_button)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_count()
        self._update_buttons()
        self.refresh_detail()

    def shutdown(self) -> None:
        super().shutdown()
        self.photo_strip.shutdown()

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> HazardFilter:
        return HazardFilter(
            text=self.search_edit.text().strip() or None,
            status=self.status_combo.currentData(),
            level=self.level_combo.currentData(),
            overdue=self.overdue_check.isChecked(),
            site_id=self._extra.get("site_id"),
            due_within=self._extra.get("due_within"),
            active=self._extra.get("active", False),
        )

    def apply_filter(self) -> None:
        keep = self._selected
        try:
            self.model.set_filter(self.current_filter())
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return
        if not (keep and self.select_id(keep, clear_filters=False)):
            self._selected = None
            self.refresh_detail()

    def _set_widgets(self, flt: HazardFilter) -> None:
        widgets = (self.status_combo, self.level_combo, self.overdue_check, self.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.setText(flt.text or "")
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(flt.status), 0))
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(flt.level), 0))
        self.overdue_check.setChecked(flt.overdue)
        for widget in widgets:
            widget.blockSignals(False)
        self._extra = {k: v for k, v in (("site_id", flt.site_id), ("due_within", flt.due_within),
                                         ("active", flt.active or None)) if v is not None}
        self._update_chip()

    def show_filter(self, flt: HazardFilter) -> None:
        """Show exactly this filter (the dashboard's cards, a site's "all hazards")."""
        self._set_widgets(flt)
        self.apply_filter()

    def clear_filters(self) -> bool:
        if self.current_filter() == HazardFilter():
            return False
        self._set_widgets(HazardFilter())
        self.model.set_filter(HazardFilter())
        return True

    def _drop_extra(self) -> None:
        self._extra = {}
        self._update_chip()
        self.apply_filter()

    def _update_chip(self) -> None:
        parts = []
        if self._extra.get("due_within") is not None:
            parts.append(self.tr("Due within {} days").format(self._extra["due_within"]))
        if self._extra.get("site_id"):
            parts.append(self.tr("One site"))
        if self._extra.get("active"):
            parts.append(self.tr("Not closed"))
        self.chip.setText(" · ".join(parts) + "  ✕")
        self.chip.setToolTip(self.tr("Remove this filter"))
        self.chip.setVisible(bool(parts))

    def count_text(self, n: int) -> str:
        return self.tr("{} hazards").format(n)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self._update_actions()

    def availability(self) -> dict[str, ha.Availability]:
        """What the current user may do to the selected hazard now (empty: nothing selected)."""
        hazard_id = self.current_id()
        if hazard_id is None:
            return {}
        try:
            d = hazards.hazard_details(self.ctx.session, hazard_id)
        except DomainError:
            return {}
        return ha.available_actions(self.ctx.session.user, d)

    def _update_actions(self) -> None:
        avail = self.availability()
        for code, item in self.action_items.items():
            a = avail.get(code)
            item.setVisible(a is None or a.visible)
            item.setEnabled(bool(a and a.enabled))
        self.process_button.setEnabled(any(a.enabled for a in avail.values()))

    def refresh_detail(self) -> None:
        super().refresh_detail()
        if hasattr(self, "photo_strip") and self.photo_strip.hazard_id != self._selected:
            self.photo_strip.set_hazard(self._selected)
        if hasattr(self, "action_items"):
            self._update_actions()

    def _on_detail_link(self, url: QUrl) -> None:
        kind, _, code = url.toString().partition(":")
        if kind == "action" and code in ha.ACTIONS:
            self.open_action(code)

    def open_action(self, code: str) -> ha.HazardActionDialog | None:
        """Open the form of one lifecycle action on the selected hazard (None if not allowed)."""
        hazard_id = self.current_id()
        if hazard_id is None:
            return None
        try:
            d = hazards.hazard_details(self.ctx.session, hazard_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return None
        a = ha.available_actions(self.ctx.session.user, d).get(code)
        if a is None or not a.enabled:
            return None
        dialog = ha.HazardActionDialog(self.ctx, code, d, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ actions
    def add_record(self, site_id: str | None = None) -> HazardDialog:
        dialog = HazardDialog(self.ctx, lambda data: undo.add_hazard(self.ctx, data),
                              site_id=site_id, parent=self.window())
        return self._open(dialog)

    def edit_record(self) -> HazardDialog | None:
        hazard_id = self.current_id()
        if hazard_id is None:
            return None
        try:
            row = hazards.get_hazard(self.ctx.session, hazard_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return None
        dialog = HazardDialog(self.ctx, lambda data: undo.edit_hazard(self.ctx, hazard_id, data),
                              existing=row, parent=self.window())
        return self._open(dialog)

    def _open(self, dialog: HazardDialog) -> HazardDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.select_id(dialog.saved.id))
        dialog.open()
        return dialog

    def delete_record(self) -> None:
        """Ask first, naming the hazard; 删除 deletes it (Ctrl+Z undoes)."""
        hazard_id = self.current_id()
        if hazard_id is None:
            return
        try:
            row = hazards.get_hazard(self.ctx.session, hazard_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return
        text = self.tr("Delete the hazard “{}” at {}?").format(
            _short(row.description), row.site_name or self.tr("(no site)"))
        confirm_delete(self, text, lambda: self._delete(hazard_id))

    def _delete(self, hazard_id: str) -> Op:
        row = self.model.row_of(hazard_id)

        def deleted(_result: object) -> None:
            if self.model.rowCount():
                self.select_id(self.model.id_at(min(row, self.model.rowCount() - 1)) or "", False)

        return undo.delete_hazard(self.ctx, hazard_id, on_done=deleted,
                                 on_error=lambda exc: self.ctx.events.error.emit(exc.message(self.ctx.lang)))

    # ------------------------------------------------------------------ detail
    def render_detail(self, hazard_id: str | None) -> str:
        if hazard_id is None:
            return ("<p style='color:#5f6368'>"
                    + esc(self.tr("Select a hazard to see its details and history.")) + "</p>")
        try:
            d = hazards.hazard_details(self.ctx.session, hazard_id)
        except DomainError:
            return ""
        return (self._fields_html(d) + self._plan_html(d) + self._actions_html(d)
                + self._events_html(d["events"]))

    def _plan_html(self, d: dict[str, Any]) -> str:
        """五落实 and (major hazards) 治理方案, when anything of them is filled in."""
        amount = d["funds_amount"]
        five = [
            (self.tr("Responsible person"), " ".join(x for x in (d["responsible_person"] or "",
                                                                d["responsible_phone"] or "") if x)),
            (self.tr("Measures"), d["measures"]),
            (self.tr("Funds"), " · ".join(x for x in (self.tr("{} yuan").format(f"{amount:g}") if amount is not None else "",
                                                     d["funds_source"] or "") if x)),
            (self.tr("Contingency plan"), d["contingency_plan"] or d["interim_measures"]),
        ]
        plan = [
            (self.tr("Targets and tasks"), d["plan_target"]),
            (self.tr("Methods and measures"), d["plan_methods"]),
            (self.tr("Funds and materials"), d["plan_materials"]),
            (self.tr("Responsible bodies and staff"), d["plan_bodies"]),
            (self.tr("Time limit and requirements"), d["plan_schedule"]),
            (self.tr("Safety measures and emergency plan"), d["plan_safety"]),
        ]
        html = ""
        for heading, rows in ((self.tr("Five implementations"), five), (self.tr("Governance plan"), plan)):
            if any(v for _l, v in rows):
                html += (f"<h4 style='margin-bottom:2px'>{esc(heading)}</h4>"
                         + field_rows((label, esc(value)) for label, value in rows))
        return html

    def _actions_html(self, d: dict[str, Any]) -> str:
        avail = ha.available_actions(self.ctx.session.user, d)
        links = [f"<a href='action:{code}'>{esc(ha.title(code))}</a>"
                 for code in ha.ACTIONS if avail[code].enabled]
        if not links:
            return ""
        return (f"<h4 style='margin-bottom:2px'>{esc(self.tr('Actions'))}</h4>"
                "<p style='margin-top:0; line-height:160%'>" + " · ".join(links) + "</p>")

    def _fields_html(self, d: dict[str, Any]) -> str:
        level = esc(labels.level(d["level"]))
        if d["level"] == "major":
            level = f"<b style='color:#a50e0e'>{level}</b>"
            if not d["level_confirmed"]:
                level += " " + esc(self.tr("(awaiting a supervisor's confirmation)"))
        due = esc(d["due_date"] or "")
        if d["overdue"]:
            due = f"<b style='color:#c5221f'>{due} · {esc(labels.text(labels.OVERDUE))}</b>"
        if d["due_date"] and d["status"] in (hs.DRAFT, hs.OPEN):
            due += " " + esc(self.tr("(provisional until a notice is served)"))
        deadline = ""
        if d["deadline_days"] == 0:
            deadline = esc(labels.text(labels.IMMEDIATELY))  # 立即整改, never "0 天"
        elif d["deadline_days"] is not None:
            unit = self.tr("working days") if d["working_days"] else self.tr("days")
            deadline = f"{d['deadline_days']} {esc(unit)}"
        flags = [labels.text(labels.LISTED)] if d["listed"] else []
        flags += [labels.text(labels.EXTENDED)] if d["extended"] else []
        if d["escalation"]:
            flags.append(labels.escalation(d["escalation"]))
        site = (f"<a href='site:{esc(d['site_id'])}'>{esc(d['site_name'])}</a>"
                if d["site_id"] else "")
        fields = [
            (self.tr("Site"), site),
            (self.tr("Status"), esc(labels.status(d["status"]))),
            (self.tr("Level"), level),
            (self.tr("Location"), esc(d["location"])),
            (self.tr("Found on"), esc(d["found_on"])),
            (self.tr("Deadline"), deadline),
            (self.tr("Due date"), due),
            (self.tr("Served on"), esc(d["served_on"])),
            (self.tr("Closed on"), esc(d["closed_on"])),
            (self.tr("Flags"), esc("、".join(flags) if self.ctx.lang == "zh" else ", ".join(flags))),
            (self.tr("Grid"), esc(d["grid"])),
            (self.tr("Source"), esc(labels.source(d["source"]))),
            (self.tr("Basis"), esc(d["basis"])),
            (self.tr("Factor"), esc(labels.factor(d["factor"]))),
            (self.tr("Measure type"), esc(labels.measure(d["measure_type"]))),
        ]
        title = esc(d["description"]).replace("\n", "<br>")
        return f"<h3 style='margin-bottom:6px'>{title}</h3>" + field_rows(fields)

    def _events_html(self, events: list[dict[str, Any]]) -> str:
        items = []
        for e in events:
            data = e.get("data") or {}
            note = []
            if data.get("due_date"):
                note.append(self.tr("due {}").format(data["due_date"]))
            if e["kind"] in (hs.EventKind.LEVEL_CHANGED, hs.EventKind.LEVEL_CONFIRMED) and data.get("level"):
                note.append(labels.level(data["level"]))
            if e["kind"] == hs.EventKind.ESCALATED and data.get("step"):
                note.append(labels.escalation(data["step"]))
            for key in ("opinion", "reason", "note"):
                if data.get(key):
                    note.append(str(data[key])[:80])
            detail = f" <span style='color:#5f6368'>· {esc(' · '.join(note))}</span>" if note else ""
            when = " · ".join(x for x in (labels.local_time(e["at"]), e.get("by") or "") if x)
            items.append(
                f"<p style='margin:0 0 6px 0'><b>{esc(labels.event(e['kind']))}</b>{detail}<br>"
                f"<span style='color:#5f6368'>{esc(when)}</span></p>"
            )
        no_events = esc(self.tr("No events yet."))
        history = esc(self.tr("History"))
        return f"<h4>{history}</h4>" + ("".join(items) or f"<p>{no_events}</p>")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
