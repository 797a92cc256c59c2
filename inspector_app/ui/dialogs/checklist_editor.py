"""Edit a checklist template: title, sector and a table of items; saving makes a new version.

The service never changes a template in place (``save_new_version``): an inspection keeps
the exact items it was run with, so the editor says which version a save creates. The
service's validation problems come back with their field path (``items[3].text``); the
editor marks that cell (or field) red with the message as its tooltip and lists them all
in the banner, and keeps everything typed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...core import permissions
from ...core.errors import DomainError
from ...core.permissions import Action
from ...services import checklists
from ...services.checklist_io import TemplateError, validate_draft
from ...services.checklists import ItemDraft, TemplateDraft
from .. import labels
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QAbstractItemView,
    QBrush,
    QCloseEvent,
    QColor,
    QComboBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPushButton,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QStyle,
    Qt,
    QTableView,
    QUndoCommand,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import open_box
from .common import BAD_FIELD_STYLE, ErrorBanner

CODE, TEXT, BASIS, MAJOR, DAYS, HINT = range(6)
FIELD_COLUMN = {"code": CODE, "text": TEXT, "basis": BASIS, "major": MAJOR, "default_days": DAYS,
                "hint": HINT}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
BAD_CELL = QColor("#fce8e6")
_ITEM_PATH = re.compile(r"^items\[(\d+)\](?:\.(\w+))?$")


def _text(item: QStandardItem | None) -> str | None:
    text = (item.text() if item is not None else "").strip()
    return text or None


class ChecklistEditor(QWidget):
    """The editor as a top-level window (not modal: an admin may look at other pages)."""

    saved = Signal(str)  # the id of the version just saved

    def __init__(self, ctx: AppContext, template_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.template_id = template_id
        self.version: int | None = None
        self.dirty = False
        self.confirm_box: QMessageBox | None = None
        self.can_edit = permissions.can(ctx.session.user, Action.MANAGE_TEMPLATES)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 640)
        self._build()
        if template_id:
            self._load(checklists.draft_of(ctx.session, template_id),
                       checklists.get_template(ctx.session, template_id).version)
        else:
            self._load(TemplateDraft(code="", sector="", title="", items=[]), None)
            self.add_item()
            self.undo_stack.clear()  # the first empty row is where a new template starts
            self._rows = self.rows_snapshot()
        self.dirty = False
        self._update_title()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.banner = ErrorBanner(self)
        self.readonly_note = QLabel(self.tr("Only an administrator may edit checklist templates. "
                                            "You can read this one; changes cannot be saved."))
        self.readonly_note.setWordWrap(True)
        self.readonly_note.setStyleSheet("QLabel { background: #fef7e0; color: #594300; border: 1px solid"
                                         " #f9d675; border-radius: 4px; padding: 6px 8px; }")
        self.readonly_note.setVisible(not self.can_edit)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Fire safety checklist for small venues"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Short code without spaces, e.g. nine_small"))
        self.code_edit.setMaximumWidth(260)
        self.sector_combo = QComboBox()
        self.sector_combo.addItem(self.tr("Choose a sector"), "")
        for code, name in labels.sector_choices(self.ctx.lang):
            self.sector_combo.addItem(name, code)
        self.version_label = QLabel()
        self.version_label.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        form.addRow(self.tr("Title *"), self.title_edit)
        form.addRow(self.tr("Code *"), self.code_edit)
        form.addRow(self.tr("Sector *"), self.sector_combo)
        form.addRow(self.tr("Version"), self.version_label)
        self.field_widgets: dict[str, QWidget] = {"title": self.title_edit, "code": self.code_edit,
                                                  "sector": self.sector_combo}

        self.undo_stack = QUndoStack(self)
        self._rows: tuple[tuple[Any, ...], ...] = ()
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Item to check *"), self.tr("Legal basis"), self.tr("Major hazard"),
            self.tr("Deadline (days)"), self.tr("How to check")])
        self.model.itemChanged.connect(self._on_item_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(CODE, metrics.horizontalAdvance("NS-000") + 28)
        self.table.setColumnWidth(BASIS, 230)
        self.table.setColumnWidth(MAJOR, max(metrics.horizontalAdvance(self.tr("Major hazard")) + 36, 80))
        self.table.setColumnWidth(DAYS, max(metrics.horizontalAdvance(self.tr("Deadline (days)")) + 24, 70))
        self.table.setColumnWidth(HINT, 220)
        if not self.can_edit:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setToolTip(self.tr("Add an item below the current one (Ctrl+Ins)"))
        self.add_button.clicked.connect(lambda _c=False: self.add_item())
        self.delete_button = QPushButton(self.tr("Delete item"))
        self.delete_button.setToolTip(self.tr("Delete the current item (Ctrl+Del)"))
        self.delete_button.clicked.connect(lambda _c=False: self.delete_item())
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Move the current item up (Ctrl+Up)"))
        self.up_button.clicked.connect(lambda _c=False: self.move_item(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Move the current item down (Ctrl+Down)"))
        self.down_button.clicked.connect(lambda _c=False: self.move_item(1))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change to the items (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(lambda _c=False: self.undo_stack.undo())
        self.undo_stack.canUndoChanged.connect(lambda can: self.undo_button.setEnabled(can and self.can_edit))
        self.save_button = QPushButton()
        self.save_button.setToolTip(self.tr("Save (Ctrl+S); inspections already made keep their version"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(lambda _c=False: self.close())
        self.table.installEventFilter(self)  # Ctrl+Up/Down (the table would move the cursor), Ctrl+Z/Y
        for keys, slot in (("Ctrl+Ins", self.add_item), ("Ctrl+Del", self.delete_item), ("Ctrl+S", self.save),
                           ("Ctrl+Z", self.undo_stack.undo), ("Ctrl+Shift+Z", self.undo_stack.redo),
                           ("Ctrl+Y", self.undo_stack.redo)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for widget in (self.add_button, self.delete_button, self.up_button, self.down_button, self.save_button,
                       self.title_edit, self.code_edit, self.sector_combo):
            widget.setEnabled(self.can_edit)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #188038;")
        self.title_edit.textEdited.connect(lambda _t: self._touch())
        self.code_edit.textEdited.connect(lambda _t: self._touch())
        self.sector_combo.activated.connect(lambda _i: self._touch())
        layout = QVBoxLayout(self)
        layout.addWidget(self.readonly_note)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_item(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self.table.state() \
                != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.undo_stack.redo()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ loading
    def _load(self, draft: TemplateDraft, version: int | None) -> None:
        self.version = version
        self.title_edit.setText(draft.title)
        self.code_edit.setText(draft.code)
        self.code_edit.setReadOnly(bool(self.template_id))  # a template's code never changes
        self.sector_combo.setCurrentIndex(max(self.sector_combo.findData(draft.sector), 0))
        self._draft = draft
        self.model.removeRows(0, self.model.rowCount())  # (neither emits itemChanged)
        for item in draft.items:
            self.model.appendRow(self._row_items(item))
        if draft.items:
            self.select_row(0)
        self.undo_stack.clear()
        self._rows = self.rows_snapshot()
        following = 1 if version is None else self._next_version()
        if version is None:
            self.version_label.setText(self.tr("New template: saving creates version 1"))
        else:
            self.version_label.setText(self.tr("Version {}; saving creates version {}").format(version, following))
        self.save_button.setText(self.tr("Save as version {}").format(following))

    def _next_version(self) -> int:
        code = self.code_edit.text().strip()
        versions = [t.version for t in checklists.template_versions(self.ctx.session, code)] if code else []
        return max(versions, default=0) + 1

    def _row_items(self, item: ItemDraft) -> list[QStandardItem]:
        cells = [QStandardItem(item.code or ""), QStandardItem(item.text), QStandardItem(item.basis or ""),
                 QStandardItem(), QStandardItem("" if item.default_days is None else str(item.default_days)),
                 QStandardItem(item.hint or "")]
        cells[TEXT].setToolTip(item.text)
        cells[MAJOR].setCheckable(True)
        cells[MAJOR].setEditable(False)
        cells[MAJOR].setCheckState(Qt.CheckState.Checked if item.major else Qt.CheckState.Unchecked)
        cells[MAJOR].setToolTip(self.tr("A hazard found on this item is a major hazard (重大隐患判定标准)"))
        cells[DAYS].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells[CODE].setData(item.id, ID_ROLE)
        if not self.can_edit:
            cells[MAJOR].setEnabled(False)
        return cells

    def _update_title(self) -> None:
        title = self.title_edit.text().strip() or self.tr("New checklist template")
        star = "*" if self.dirty else ""
        self.setWindowTitle(self.tr("Checklist template: {}").format(title) + star)

    # ------------------------------------------------------------------ undo
    def rows_snapshot(self) -> tuple[tuple[Any, ...], ...]:
        """The items as typed (code, text, basis, days, hint, major, id): what undo restores."""
        return tuple(
            (*(self.model.item(r, c).text() for c in (CODE, TEXT, BASIS, DAYS, HINT)),
             self.model.item(r, MAJOR).checkState() == Qt.CheckState.Checked, self.model.item(r, CODE).data(ID_ROLE))
            for r in range(self.model.rowCount()))

    def _record(self, text: str) -> None:
        """Push the change since the last snapshot onto the editor's undo stack."""
        after = self.rows_snapshot()
        if after != self._rows:
            self.undo_stack.push(_RowsChange(self, text, self._rows, after, self.current_row()))
            self._rows = after
        self._touch()

    def restore_rows(self, rows: tuple[tuple[Any, ...], ...], current: int) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for code, text, basis, days, hint, major, item_id in rows:
            cells = self._row_items(ItemDraft(text=text, code=code, basis=basis, major=major, hint=hint, id=item_id))
            cells[DAYS].setText(days)
            self.model.appendRow(cells)
        self._rows = rows
        self.select_row(min(max(current, 0), self.model.rowCount() - 1))
        self._touch()

    # ------------------------------------------------------------------ editing
    def _touch(self) -> None:
        self.dirty = True
        self.status_label.clear()
        self._update_title()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if item.background() == QBrush(BAD_CELL):
            self.model.blockSignals(True)
            item.setBackground(QBrush())
            item.setIcon(QIcon())
            item.setToolTip(item.text() if item.column() == TEXT else "")
            self.model.blockSignals(False)
        self._record(self.tr("Edit item"))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        column = self.table.currentIndex().column()
        index = self.model.index(row, column if column >= 0 else TEXT)
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)

    def add_item(self, text: str = "") -> int:
        """A new empty item below the current one (its code is numbered on save if left empty)."""
        if not self.can_edit:
            return -1
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.model.insertRow(row, self._row_items(ItemDraft(text=text)))
        self.select_row(row)
        if not text:
            self.table.edit(self.model.index(row, TEXT))
        self._record(self.tr("Add item"))
        return row

    def delete_item(self) -> None:
        row = self.current_row()
        if not self.can_edit or row < 0:
            return
        self.model.removeRow(row)
        self.select_row(min(row, self.model.rowCount() - 1))
        self._record(self.tr("Delete item"))

    def move_item(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if not self.can_edit or row < 0 or not 0 <= target < self.model.rowCount():
            return
        cells = self.model.takeRow(row)
        self.model.insertRow(target, cells)
        self.select_row(target)
        self._record(self.tr("Move item"))

    def set_major(self, row: int, major: bool) -> None:
        self.model.item(row, MAJOR).setCheckState(Qt.CheckState.Checked if major else Qt.CheckState.Unchecked)

    # ------------------------------------------------------------------ saving
    def draft(self) -> TemplateDraft:
        """The template as typed; a deadline that is not a number raises ``TemplateError``."""
        items, problems = [], []
        for row in range(self.model.rowCount()):
            days_text = _text(self.model.item(row, DAYS))
            days: int | None = None
            if days_text is not None:
                try:
                    days = int(days_text)
                except ValueError:
                    problems.append((f"items[{row}].default_days", "must be a number of days from 0 to 365",
                                     "应为 0 到 365 之间的天数"))
            items.append(ItemDraft(
                text=_text(self.model.item(row, TEXT)) or "", code=_text(self.model.item(row, CODE)),
                basis=_text(self.model.item(row, BASIS)),
                major=self.model.item(row, MAJOR).checkState() == Qt.CheckState.Checked,
                default_days=days, hint=_text(self.model.item(row, HINT)),
                id=self.model.item(row, CODE).data(ID_ROLE)))
        base = self._draft
        draft = TemplateDraft(code=self.code_edit.text().strip(), sector=self.sector_combo.currentData() or "",
                             title=self.title_edit.text().strip(), items=items,
                             also_sectors=list(base.also_sectors), title_en=base.title_en,
                             basis_note=base.basis_note)
        if problems:  # report the service's problems too, so every bad cell shows at once
            try:
                validate_draft(replace(draft, items=[replace(item, code=item.code or f"_{n}")
                                                     for n, item in enumerate(draft.items)]))
            except TemplateError as exc:
                problems += [p for p in exc.problems if p[0] not in {q[0] for q in problems}]
            raise TemplateError(problems)
        return draft

    def save(self) -> Op | None:
        """Save as the next version (or version 1 of a new template) off the GUI thread.

        Returns the running write, or None if the draft was refused at once (marked cells).
        """
        if not self.can_edit:
            self.banner.show_message(self.tr("Only an administrator may edit checklist templates."))
            return None
        self._commit_editor()
        self._clear_marks()
        try:
            draft = self.draft()
        except TemplateError as exc:
            self._show_problems(exc)
            return None
        session, template_id = self.ctx.session, self.template_id

        def job() -> Any:
            if template_id:
                return checklists.save_new_version(session, template_id, draft)
            return checklists.create_template(session, draft)

        def refused(exc: DomainError) -> None:
            if isinstance(exc, TemplateError):
                self._show_problems(exc)
            else:
                self.banner.show_message(exc.message(self.ctx.lang))

        self.save_button.setEnabled(False)
        op = self.ctx.ops.write(job, title=self.windowTitle(), parent=self, on_done=self._saved,
                                on_error=refused)
        op.finished.connect(lambda: self.save_button.setEnabled(self.can_edit))
        return op

    def _saved(self, result: Any) -> None:
        self.banner.clear_message()
        if not result.changes:
            message = " ".join(w.message(self.ctx.lang) for w in result.warnings)
        else:
            self.template_id = result.id
            row = checklists.get_template(self.ctx.session, result.id)
            message = self.tr("Saved as version {}.").format(row.version)
            self._load(checklists.draft_of(self.ctx.session, result.id), row.version)
            self.saved.emit(result.id)
            self.ctx.events.notice.emit(self.tr("Checklist “{}” saved as version {}.").format(
                row.title, row.version))
        self.dirty = False
        self.status_label.setText(message)
        self._update_title()

    def _commit_editor(self) -> None:
        """Keep what is typed in an open cell editor (Ctrl+S while editing a cell)."""
        index = self.table.currentIndex()
        if index.isValid():  # moving the current cell commits and closes its editor
            self.table.setCurrentIndex(self.model.index(index.row(), (index.column() + 1) % 6))
            self.table.setCurrentIndex(index)

    def _clear_marks(self) -> None:
        for widget in self.field_widgets.values():
            widget.setStyleSheet("")
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                item = self.model.item(row, column)
                if item is not None and item.background() == QBrush(BAD_CELL):
                    self.model.blockSignals(True)
                    item.setBackground(QBrush())
                    item.setIcon(QIcon())
                    item.setToolTip(item.text() if column == TEXT else "")
                    self.model.blockSignals(False)
        self.table.viewport().update()

    def problem_cells(self) -> dict[tuple[int, int], str]:
        """The cells marked bad by the last save: (row, column) → message."""
        marked = {}
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                item = self.model.item(row, column)
                if item is not None and item.background() == QBrush(BAD_CELL):
                    marked[(row, column)] = item.toolTip()
        return marked

    def _show_problems(self, exc: TemplateError) -> None:
        lines = []
        zh = self.ctx.lang == "zh"
        first: QWidget | None = None
        first_cell = None
        self.model.blockSignals(True)
        for path, en, cn in exc.problems:
            message = cn if zh else en
            match = _ITEM_PATH.match(path)
            if match:
                row, field = int(match.group(1)), match.group(2) or "text"
                column = FIELD_COLUMN.get(field, TEXT)
                item = self.model.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(BAD_CELL))
                    item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                    item.setToolTip(message)
                    first_cell = first_cell or (row, column)
                lines.append(self.tr("Item {} ({}): {}").format(row + 1, self.model.headerData(
                    column, Qt.Orientation.Horizontal), message))
            else:
                widget = self.field_widgets.get(path.split(".")[0])
                name = {"title": self.tr("Title"), "code": self.tr("Code"), "sector": self.tr("Sector"),
                        "items": self.tr("Items")}.get(path, path)
                if widget is not None:
                    widget.setStyleSheet(BAD_FIELD_STYLE)
                    first = first or widget
                lines.append(f"{name}: {message}")
        self.model.blockSignals(False)
        self.table.viewport().update()
        self.banner.show_message(self.tr("Not saved. Please correct:") + "\n" + "\n".join(lines))
        if first is not None:
            first.setFocus()
        elif first_cell is not None:
            self.select_row(first_cell[0])
            self.table.setCurrentIndex(self.model.index(*first_cell))

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.dirty or not self.can_edit:
            event.accept()
            return
        event.ignore()
        if self.confirm_box is not None and self.confirm_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This checklist has changes that are not saved. Save them as a new version?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        open_box(self, "confirm_box", box, default=QMessageBox.StandardButton.Save,
                 on_answer=self._close_answer)

    def _close_answer(self, answer: Any) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Save:
            op = self.save()
            if op is not None:  # closes once saved; a refusal keeps the editor open
                op.succeeded.connect(lambda _r: self.close())
            return
        if answer != QMessageBox.StandardButton.Discard:
            return
        self.dirty = False
        self.close()


class _RowsChange(QUndoCommand):
    """One change to the item table, as the rows before and after (cheap: a few dozen rows)."""

    def __init__(self, editor: ChecklistEditor, text: str, before: tuple, after: tuple, row: int) -> None:
        super().__init__(text)
        self.editor, self.before, self.after, self.row = editor, before, after, row
        self.first = True

    def redo(self) -> None:
        if self.first:  # the change is already on screen when it is pushed
            self.first = False
            return
        self.editor.restore_rows(self.after, self.row)

    def undo(self) -> None:
        self.editor.restore_rows(self.before, self.row)
