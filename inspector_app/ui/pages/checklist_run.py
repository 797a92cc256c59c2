"""The checklist run of one inspection: items in a table, the current item large, 1/2/3 keys.

Every answer goes to ``record_result`` at once (a crash loses nothing) and the ``Changes``
it returns are published, so the hazard list and the workbench refresh. Keys in the item
table: 1 = OK, 2 = hazard, 3 = not applicable, Enter = next item, N = the note field,
E (or Ctrl+E anywhere in the run) = edit the item's draft hazard (level with a reason …).
OK and not applicable move on to the next item by themselves; a hazard stays on its item
so the inspector can add a note (N) that becomes the draft hazard's description.

Below the item detail, a foldable strip holds photos: "Add photos…", dropped files and
Ctrl+V while the strip has focus; Esc in the strip gives the keys back to the item table.
The strip never sees the answer keys of the table. It follows the current item: on an item
answered 隐患 it shows and takes that hazard's photos (整改前 — the evidence of the hazard, as on
the 隐患 page); on any other item, the inspection's scene photos (现场照片). Its title says
which, so a photo always lands where the inspector meant it.
"""

from __future__ import annotations

from typing import Any

from ...core.errors import DomainError
from ...services import hazards, inspections
from ...services import photos as photo_service
from ...services.campaigns import list_campaigns
from ...services.changes import HAZARDS, Changes
from ...services.inspection_views import get_inspection
from ...services.photos import PhotoTarget
from .. import labels, undo
from ..context import AppContext
from ..dialogs.hazard_dialog import HazardDialog
from ..ops import Op
from ..photo_strip import PhotoStrip
from ..qt import (
    QAbstractItemView,
    QEvent,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import colour_icon, esc, heading, open_box
from .checklist_table import (
    CODE,
    NOTE,
    PHOTO_PANE,
    RESULT,
    RESULT_COLOUR,
    TEXT,
    ChecklistModel,
    ChecklistView,
)


class ChecklistRun(QWidget):
    """Runs one in-progress inspection; emits ``finished`` with the summary when done."""

    finished = Signal(dict)
    discarded = Signal(str)  # the id of the inspection thrown away

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection: dict[str, Any] | None = None
        self.confirm_box: QMessageBox | None = None
        self.site_label = heading("", 4)
        self.templates_label = QLabel()
        self.templates_label.setStyleSheet("color: #5f6368;")
        self.templates_label.setWordWrap(True)
        self.progress_label = heading("", 2)
        self.progress_label.setStyleSheet("color: #174ea6;")
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.site_label)
        titles.addWidget(self.templates_label)
        head.addLayout(titles, 1)
        self.free_label = QLabel()
        self.free_label.setStyleSheet("color: #d93025;")
        progress = QVBoxLayout()
        progress.setSpacing(2)
        progress.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignRight)
        progress.addWidget(self.free_label, 0, Qt.AlignmentFlag.AlignRight)
        head.addLayout(progress)

        self.model = ChecklistModel(self)
        self.table = ChecklistView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(CODE, metrics.horizontalAdvance("NS-000") + 24)
        widths = [metrics.horizontalAdvance(self.model.result_text(r)) for r in ("ok", "hazard", "na")]
        widths += [metrics.horizontalAdvance(labels.level(code)) for code in ("general", "major")]
        self.table.setColumnWidth(RESULT, max(widths) + 48)
        self.table.setColumnWidth(NOTE, 180)
        self.table.setStyleSheet("QTableView::item:selected { background: #d2e3fc; color: #202124; }")
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_item(cur.row()))
        self.table.answered.connect(self.answer)
        self.table.advance.connect(self.next_item)
        self.table.note_requested.connect(self.focus_note)
        self.table.edit_requested.connect(self.edit_hazard)

        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.item_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.item_label.font()
        font.setPointSize(font.pointSize() + 5)
        self.item_label.setFont(font)
        self.basis_label = QLabel()
        self.basis_label.setWordWrap(True)
        self.basis_label.setTextFormat(Qt.TextFormat.RichText)
        self.hazard_label = QLabel()
        self.hazard_label.setWordWrap(True)
        self.hazard_label.setTextFormat(Qt.TextFormat.RichText)
        self.hazard_label.hide()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for this item (N); with a hazard it becomes "
                                                  "the hazard's description"))
        self.note_edit.returnPressed.connect(self._note_entered)
        self.note_edit.editingFinished.connect(self.save_note)
        self.ok_button = self._answer_button(self.tr("OK (1)"), "ok")
        self.hazard_button = self._answer_button(self.tr("Hazard (2)"), "hazard")
        self.na_button = self._answer_button(self.tr("N/A (3)"), "na")
        self.edit_hazard_button = QPushButton(self.tr("Edit hazard… (E)"))
        self.edit_hazard_button.setToolTip(self.tr("Edit this item's draft hazard: level (with a reason "
                                                   "if it differs from the suggestion), deadline … (E, Ctrl+E)"))
        self.edit_hazard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_hazard_button.clicked.connect(lambda _c=False: self.edit_hazard())
        self.next_button = QPushButton(self.tr("Next (Enter)"))
        self.next_button.clicked.connect(lambda _c=False: self.next_item())
        self.finish_button = QPushButton(self.tr("Finish inspection"))
        self.finish_button.setToolTip(self.tr("Finish the inspection and publish its hazards (Ctrl+Enter)"))
        self.finish_button.setStyleSheet("QPushButton { font-weight: bold; padding: 4px 14px; }")
        self.finish_button.clicked.connect(lambda _c=False: self.finish())
        self.free_hazard_button = QPushButton(self.tr("New hazard…"))
        self.free_hazard_button.setToolTip(self.tr("Record a hazard that is not on the checklist (Ctrl+H)"))
        self.free_hazard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.free_hazard_button.clicked.connect(lambda _c=False: self.add_free_hazard())
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setToolTip(self.tr("Throw this inspection away with its answers and draft hazards"))
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.discard_button.clicked.connect(lambda _c=False: self.discard())
        self.hazard_dialog: HazardDialog | None = None
        free = QShortcut(QKeySequence("Ctrl+H"), self)
        free.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        free.activated.connect(self.add_free_hazard)
        edit = QShortcut(QKeySequence("Ctrl+E"), self)
        edit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        edit.activated.connect(self.edit_hazard)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.finish)
        buttons = QHBoxLayout()
        for button in (self.ok_button, self.hazard_button, self.na_button, self.next_button):
            buttons.addWidget(button)
        buttons.addSpacing(8)
        buttons.addWidget(self.edit_hazard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.free_hazard_button)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.finish_button)

        detail = QFrame()
        detail.setObjectName("itemDetail")
        detail.setStyleSheet("QFrame#itemDetail { background: #f8f9fa; border: 1px solid #dadce0;"
                             " border-radius: 6px; }")
        box = QVBoxLayout(detail)
        box.setContentsMargins(12, 10, 12, 10)
        box.addWidget(self.item_label)
        box.addWidget(self.basis_label)
        box.addWidget(self.hazard_label)
        box.addStretch(1)
        box.addWidget(self.note_edit)
        box.addLayout(buttons)
        self.photo_strip = PhotoStrip(ctx, self)
        self.photo_strip.set_title(self.tr("On-site photos ({})"))
        self.photo_strip.set_collapsible(True)
        self.photo_strip.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the table
        self.photo_strip.add_button.setToolTip(self.tr("Add on-site photos of this inspection; you can also "
                                                       "drop files here or paste them (Ctrl+V in the strip)"))
        self.photo_strip.view.installEventFilter(self)
        self.photo_strip.collapsed_changed.connect(self._photos_folded)
        self._photo_height = 0  # the strip's height before it was folded
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.addWidget(self.photo_strip)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(PHOTO_PANE, 0)
        self.splitter.setSizes([1000, 150, 1])  # the list first; the strip at its least height
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        ctx.events.changed.connect(self._on_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Esc in the photo strip: back to the item table and its answer keys."""
        if (watched is self.photo_strip.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        self.photo_strip.shutdown()

    def _photos_folded(self, collapsed: bool) -> None:
        """Folded, the strip keeps only its heading row; the table gets the room."""
        sizes = self.splitter.sizes()
        if collapsed:
            self._photo_height = sizes[PHOTO_PANE]
            return  # the strip's maximum height now caps it; the splitter gives the rest away
        want = max(self._photo_height, self.photo_strip.minimumSizeHint().height())
        grow = want - sizes[PHOTO_PANE]
        if grow > 0:
            sizes[0] = max(sizes[0] - grow, self.table.minimumSizeHint().height())
            sizes[PHOTO_PANE] = want
            self.splitter.setSizes(sizes)

    def _on_changed(self, changes: Changes) -> None:
        """Keep the hazard levels shown in sync (an edit elsewhere, undo/redo)."""
        if self.inspection is None or not changes.touches(HAZARDS):
            return
        ids = [i["hazard_id"] for i in self.model.items if i.get("hazard_id")]
        levels = {h.id: h.level for h in hazards.hazard_rows(self.ctx.session, ids)}
        for row, item in enumerate(self.model.items):
            if item.get("hazard_id") and levels.get(item["hazard_id"]) != item.get("hazard_level"):
                self.model.set_answer(row, hazard_level=levels.get(item["hazard_id"]))
        row = self.current_row()
        if 0 <= row < len(self.model.items):
            self._show_hazard(self.model.items[row])

    def _answer_button(self, text: str, result: str) -> QPushButton:
        button = QPushButton(colour_icon(RESULT_COLOUR[result]), text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the table
        button.clicked.connect(lambda _c=False: self.answer(result))
        return button

    # ------------------------------------------------------------------ loading
    @property
    def inspection_id(self) -> str | None:
        return self.inspection["id"] if self.inspection else None

    def load(self, inspection_id: str) -> None:
        data = get_inspection(self.ctx.session, inspection_id)
        self.inspection = data
        levels = {h["id"]: h["level"] for h in data.get("hazards", [])}
        items = [{**item, "template": t["title"], "hazard_level": levels.get(item["hazard_id"])}
                 for t in data["templates"] for item in t["items"]]
        self.model.set_items(items)
        self.photo_strip.set_target(PhotoTarget(inspection_id=inspection_id))
        self.site_label.setText(data["site_name"])
        titles = " · ".join(t["title"] for t in data["templates"]) or self.tr("No checklist")
        where = f" · {data['location']}" if data.get("location") else ""
        self.templates_label.setText(titles + where + "\n" + self.people_text(data))
        self._show_free(len(data.get("free_hazards", [])))
        first_open = next((n for n, i in enumerate(items) if not i.get("result")), 0)
        self.select_row(first_open)
        self._update_progress()
        if not items:
            self._show_item(-1)

    def inspector_names(self, data: dict[str, Any]) -> str:
        return "、".join(p["name"] for p in data.get("inspectors", []))

    def campaign_name(self, data: dict[str, Any]) -> str | None:
        campaign_id = data.get("campaign_id")
        if not campaign_id:
            return None
        found = next((c for c in list_campaigns(self.ctx.session) if c["id"] == campaign_id), None)
        return found["name"] if found else campaign_id

    def people_text(self, data: dict[str, Any]) -> str:
        """Who inspects, and the campaign the inspection belongs to (if any)."""
        text = self.tr("Inspectors: {}").format(self.inspector_names(data))
        campaign = self.campaign_name(data)
        if campaign:
            text += " · " + self.tr("Campaign: {}").format(campaign)
        return text

    def _show_free(self, count: int) -> None:
        self.free_label.setText(self.tr("{} hazards not on the checklist").format(count) if count else "")

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, CODE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _show_item(self, row: int) -> None:
        has = 0 <= row < len(self.model.items)
        for button in (self.ok_button, self.hazard_button, self.na_button, self.next_button):
            button.setEnabled(has)
        self.note_edit.setEnabled(has)
        self.edit_hazard_button.setEnabled(has and bool(self.model.items[row].get("hazard_id")))
        if not has:
            self.item_label.setText(self.tr("This inspection has no checklist items."))
            self.basis_label.clear()
            self.note_edit.clear()
            self.hazard_label.hide()
            return
        item = self.model.items[row]
        self.item_label.setText(f"{item['code']}  {item['text']}")
        parts = []
        if item["major"]:
            parts.append("<span style='color:#d93025; font-weight:bold'>★ "
                         + esc(self.tr("Major-hazard criterion")) + "</span>")
        if item.get("basis"):
            parts.append("<b>" + esc(self.tr("Basis:")) + "</b> " + esc(item["basis"]))
        if item.get("hint"):
            parts.append("<b>" + esc(self.tr("How to check:")) + "</b> " + esc(item["hint"]))
        parts.append("<span style='color:#5f6368'>" + esc(item["template"]) + "</span>")
        self.basis_label.setText("<br>".join(parts))
        self.note_edit.setText(item.get("note") or "")
        self._show_hazard(item)
        self._photos_follow(item)

    def _photos_follow(self, item: dict[str, Any] | None) -> None:
        """The strip takes the item's hazard photos, or the inspection's scene photos."""
        if self.inspection is None:
            return
        hazard_id = item.get("hazard_id") if item and item.get("result") == "hazard" else None
        if hazard_id:
            target = PhotoTarget(hazard_id=hazard_id)
            title = self.tr("Photos of this item's hazard, before rectification ({})")
            tip = self.tr("Evidence of the hazard recorded at this item (phase: before rectification); "
                          "they show on the hazard page too. Select an item without a hazard for "
                          "on-site photos of the inspection.")
        else:
            target = PhotoTarget(inspection_id=self.inspection["id"])
            title = self.tr("On-site photos ({})")
            tip = self.tr("Add on-site photos of this inspection; you can also "
                          "drop files here or paste them (Ctrl+V in the strip)")
        if self.photo_strip.model.target != target:
            self.photo_strip.set_target(target)
            if hazard_id:  # a hazard's photos taken while recording it show it before rectification
                self.photo_strip.phase_combo.setCurrentIndex(self.photo_strip.phase_combo.findData("before"))
        self.photo_strip.set_title(title)
        self.photo_strip.add_button.setToolTip(tip)

    def _show_hazard(self, item: dict[str, Any]) -> None:
        """One line about the item's draft hazard: its level and deadline (E edits it)."""
        hazard_id = item.get("hazard_id") if item.get("result") == "hazard" else None
        if not hazard_id:
            self.hazard_label.hide()
            return
        try:
            h = hazards.get_hazard(self.ctx.session, hazard_id)
        except DomainError:
            self.hazard_label.hide()
            return
        colour = "#d93025" if h.level == "major" else "#202124"
        parts = [f"<b style='color:{colour}'>{esc(labels.level(h.level))}</b>"]
        if h.level == "major" and not h.level_confirmed:
            parts.append(esc(self.tr("to be confirmed by a supervisor")))
        if h.due_date:
            parts.append(esc(self.tr("due {}").format(h.due_date)))
        parts.append("<span style='color:#5f6368'>" + esc(self.tr("E: edit the hazard")) + "</span>")
        self.hazard_label.setText(esc(self.tr("Draft hazard:")) + " " + " · ".join(parts))
        self.hazard_label.show()

    def _update_progress(self) -> None:
        done, total = self.model.counts()
        self.progress_label.setText(self.tr("Checked {} / {}").format(done, total))

    # ------------------------------------------------------------------ answering
    def answer(self, result: str) -> bool:
        """Record ``result`` for the current item; True if it was saved."""
        row = self.current_row()
        if self.inspection is None or not 0 <= row < len(self.model.items):
            return False
        item = self.model.items[row]
        note = self.note_edit.text().strip() or None
        session, inspection_id = self.ctx.session, self.inspection["id"]
        had_hazard = item.get("hazard_id")
        before = {k: item.get(k) for k in ("result", "note", "hazard_id", "hazard_level")}
        items = self.model.items

        def recorded_ok(recorded: Any) -> None:
            if self.model.items is not items:  # another inspection is shown meanwhile
                return
            level = self._hazard_level(recorded.hazard_id)
            self.model.set_answer(row, hazard_id=recorded.hazard_id, hazard_level=level)
            if row == self.current_row():
                self._show_item(row)
            messages = [w.message(self.ctx.lang) for w in recorded.warnings]
            if result == "hazard" and recorded.hazard_id and recorded.hazard_id != had_hazard:
                shown = labels.level(level or ("major" if item["major"] else "general"))
                messages.insert(0, self.tr("Draft hazard recorded ({}): {}").format(shown, item["code"]))
            if messages:
                self.ctx.events.notice.emit(" ".join(messages))

        def refused(exc: DomainError) -> None:
            if self.model.items is items:  # the answer shown at once was not kept: undo it
                self.model.set_answer(row, **before)
                self._update_progress()
                if row == self.current_row():
                    self._show_item(row)
            self.ctx.events.error.emit(exc.message(self.ctx.lang))

        # shown at once (the keys keep their pace); written off the GUI thread, in order
        self.model.set_answer(row, result=result, note=note)
        if row == self.current_row():
            self._show_item(row)
        self._update_progress()
        self.ctx.ops.write(lambda: inspections.record_result(session, inspection_id, item["id"], result, note),
                           title=self.tr("Record result"), parent=self.window(), on_done=recorded_ok,
                           on_error=refused)
        if result != "hazard":
            self.next_item()
        return True

    def next_item(self) -> None:
        self.save_note()
        self.select_row(self.current_row() + 1)

    def focus_note(self) -> None:
        self.note_edit.setFocus()
        self.note_edit.selectAll()

    def _note_entered(self) -> None:
        self.save_note()
        self.table.setFocus()

    def save_note(self) -> None:
        """Keep the note of the current item: saved at once if the item has an answer."""
        row = self.current_row()
        if self.inspection is None or not 0 <= row < len(self.model.items):
            return
        item = self.model.items[row]
        note = self.note_edit.text().strip() or None
        if note == (item.get("note") or None):
            return
        if item.get("result"):
            session, inspection_id, result = self.ctx.session, self.inspection["id"], item["result"]
            self.ctx.ops.write(
                lambda: inspections.record_result(session, inspection_id, item["id"], result, note),
                title=self.tr("Record result"), parent=self.window(),
                on_error=lambda exc: self.ctx.events.error.emit(exc.message(self.ctx.lang)))
        self.model.set_answer(row, note=note)

    def _hazard_level(self, hazard_id: str | None) -> str | None:
        if not hazard_id:
            return None
        try:
            return hazards.get_hazard(self.ctx.session, hazard_id).level
        except DomainError:
            return None

    # ------------------------------------------------------------------ editing the item's hazard
    def edit_hazard(self) -> HazardDialog | None:
        """The hazard form for the current item's draft hazard (E / Ctrl+E).

        The level shows the item's suggestion; choosing another level asks for the reason,
        which the service keeps with the level change. Saved through ``undo`` (Ctrl+Z).
        """
        row = self.current_row()
        if self.inspection is None or not 0 <= row < len(self.model.items):
            return None
        self.save_note()  # the note may change the draft's description: save it first
        item = self.model.items[row]
        hazard_id = item.get("hazard_id")
        if not hazard_id or item.get("result") != "hazard":
            self.ctx.events.notice.emit(self.tr("This item has no hazard to edit: mark it as a hazard (2) first."))
            return None
        try:
            existing = hazards.get_hazard(self.ctx.session, hazard_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return None
        dialog = HazardDialog(self.ctx, lambda data: undo.edit_hazard(self.ctx, hazard_id, data),
                              existing=existing, parent=self)
        dialog.setWindowTitle(self.tr("Edit hazard: {}").format(item["code"]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._hazard_edited)
        dialog.rejected.connect(lambda: self._dialog_closed())
        self.hazard_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.hazard_dialog = None
        self.table.setFocus()

    def _hazard_edited(self) -> None:
        """The saved hazard's row already shows it (``_on_changed`` got the edit's changes)."""
        self.hazard_dialog = None
        self.table.setFocus()

    # ------------------------------------------------------------------ off-list hazards, discard
    def add_free_hazard(self) -> HazardDialog | None:
        """The hazard form for something not on the checklist; a draft until the inspection ends."""
        if self.inspection is None:
            return None
        self.save_note()
        inspection_id = self.inspection["id"]
        session = self.ctx.session
        dialog = HazardDialog(self.ctx, lambda data: self.ctx.ops.write(
            lambda: inspections.add_free_hazard(session, inspection_id, data),
            title=self.tr("Hazard not on the checklist"), parent=self,
            notice=self.tr("Draft hazard recorded (not on the checklist).")),
            site_id=self.inspection["site_id"], parent=self)
        dialog.setWindowTitle(self.tr("Hazard not on the checklist"))
        dialog.site_picker.setEnabled(False)  # the inspection's site
        dialog.source_combo.setEnabled(False)  # follows the inspection's kind
        if self.inspection.get("location"):
            dialog.location_edit.setText(self.inspection["location"])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._free_hazard_saved(dialog.saved))
        self.hazard_dialog = dialog
        dialog.open()
        return dialog

    def _free_hazard_saved(self, saved: Any) -> None:
        self.hazard_dialog = None
        if self.inspection is not None:
            data = get_inspection(self.ctx.session, self.inspection["id"])
            self._show_free(len(data.get("free_hazards", [])))
        self.table.setFocus()

    def discard(self) -> None:
        if self.inspection is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard inspection"),
                          self.tr("Discard the inspection at {}? Its answers and draft hazards are "
                                  "thrown away.").format(self.inspection["site_name"]),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        open_box(self, "confirm_box", box, default=QMessageBox.StandardButton.Cancel,
                 on_answer=self._discard_answer)

    def _discard_answer(self, answer: Any) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Discard:
            self.do_discard()

    def do_discard(self) -> Op | None:
        if self.inspection is None:
            return None
        session, inspection_id, site = self.ctx.session, self.inspection["id"], self.inspection["site_name"]

        def discarded(_changes: Any) -> None:
            if self.inspection is not None and self.inspection["id"] == inspection_id:
                self.inspection = None
                self.model.set_items([])
                self.photo_strip.set_target(None)
            self.discarded.emit(inspection_id)

        return self.ctx.ops.write(
            lambda: inspections.discard_inspection(session, inspection_id),
            title=self.tr("Discard inspection"), parent=self.window(), on_done=discarded,
            notice=self.tr("Inspection at {} discarded.").format(site),
            on_error=lambda exc: self.ctx.events.error.emit(exc.message(self.ctx.lang)))

    # ------------------------------------------------------------------ finishing
    def finish(self) -> None:
        if self.inspection is None:
            return
        self.save_note()
        done, total = self.model.counts()
        if done >= total:
            self.do_finish()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Finish inspection"),
                          self.tr("{} of {} items are not checked yet. Finish anyway?").format(total - done, total),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(self.do_finish)
        open_box(self, "confirm_box", box, default=QMessageBox.StandardButton.No)

    def do_finish(self) -> Op | None:
        if self.inspection is None:
            return None
        session, inspection = self.ctx.session, self.inspection

        def finished(summary: Any) -> None:
            summary = {**summary, "site_name": inspection["site_name"],
                       "inspectors": self.inspector_names(inspection),
                       "campaign": self.campaign_name(inspection),
                       "photos": len(photo_service.photos_of_inspection(session, inspection["id"])),
                       "hazard_rows": hazards.hazard_rows(session, summary.get("hazard_ids", []))}
            if self.inspection is inspection:
                self.inspection = None
                self.photo_strip.set_target(None)
            self.ctx.events.notice.emit(
                self.tr("Inspection finished: {} hazards recorded.").format(summary["hazards"]))
            self.finished.emit(summary)

        return self.ctx.ops.write(
            lambda: inspections.finish_inspection(session, inspection["id"]),
            title=self.tr("Finish inspection"), parent=self.window(), on_done=finished,
            on_error=lambda exc: self.ctx.events.error.emit(exc.message(self.ctx.lang)))
