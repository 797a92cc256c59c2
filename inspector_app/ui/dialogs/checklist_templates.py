"""检查表模板: the list of checklist templates, with open/new/import/export.

Opening a template shows it in ``ChecklistEditor``; the list refreshes itself on every
``CHECKLISTS`` change (a save in the editor, an import). Import and export go through the
same services as ``inspector-app checklist import/export``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core import permissions
from ...core.errors import DomainError
from ...core.permissions import Action
from ...services import checklist_io
from ...services.changes import CHECKLISTS, Changes
from ...services.checklists import get_template, list_templates
from .. import labels
from ..context import AppContext
from ..file_dialogs import file_dialog
from ..ops import Op
from ..qt import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPushButton,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets import list_table, open_box
from .checklist_editor import ChecklistEditor

SECTOR, TITLE, VERSION, ITEMS, CODE = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistTemplatesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editors: list[ChecklistEditor] = []
        self.result_box: QMessageBox | None = None
        self.can_edit = permissions.can(ctx.session.user, Action.MANAGE_TEMPLATES)
        self.setWindowTitle(self.tr("Checklist templates"))
        self.resize(860, 520)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Sector"), self.tr("Title"), self.tr("Version"),
                                              self.tr("Items"), self.tr("Code")])
        self.table = list_table(self.model)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(SECTOR, 170)
        self.table.setColumnWidth(VERSION, 70)
        self.table.setColumnWidth(ITEMS, 70)
        self.table.setColumnWidth(CODE, 150)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_current)

        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Open the selected template in the editor (Enter)"))
        self.open_button.clicked.connect(lambda _c=False: self.open_current())
        self.new_button = QPushButton(self.tr("New template…"))
        self.new_button.clicked.connect(lambda _c=False: self.open_editor(None))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import templates from a .json or .xlsx file"))
        self.import_button.clicked.connect(lambda _c=False: self.choose_import())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the selected template as .json or .xlsx"))
        self.export_button.clicked.connect(lambda _c=False: self.choose_export())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(lambda _c=False: self.accept())
        for button in (self.new_button, self.import_button):
            button.setEnabled(self.can_edit)
            if not self.can_edit:
                button.setToolTip(self.tr("Only an administrator may add or import checklist templates"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        if not self.can_edit:
            self.note.setText(self.tr("You can read and export the templates; only an administrator "
                                      "may change them."))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.new_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        ctx.events.changed.connect(self.on_changed)
        self.finished.connect(lambda _r: self.ctx.events.unsubscribe(self.on_changed))
        self.reload()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(CHECKLISTS):
            self.reload()

    def reload(self) -> None:
        keep = self.current_id()
        self.model.removeRows(0, self.model.rowCount())
        for t in list_templates(self.ctx.session):
            cells = [QStandardItem(labels.sectors([t.sector, *t.also_sectors], self.ctx.lang)),
                     QStandardItem(t.title), QStandardItem(str(t.version)), QStandardItem(str(t.item_count)),
                     QStandardItem(t.code)]
            cells[TITLE].setToolTip(t.title)
            cells[SECTOR].setToolTip(cells[SECTOR].text())
            for cell in (cells[VERSION], cells[ITEMS]):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[0].setData(t.id, ID_ROLE)
            self.model.appendRow(cells)
            if t.id == keep or (keep and t.code == self._code_of(keep)):
                self.table.selectRow(self.model.rowCount() - 1)
        self.table.resizeColumnToContents(SECTOR)  # a few dozen rows: cheap
        self.table.setColumnWidth(SECTOR, min(max(self.table.columnWidth(SECTOR) + 8, 120), 320))
        if self.current_id() is None and self.model.rowCount():
            self.table.selectRow(0)
        has = self.current_id() is not None
        self.open_button.setEnabled(has)
        self.export_button.setEnabled(has)

    def _code_of(self, template_id: str) -> str | None:
        try:
            return get_template(self.ctx.session, template_id).code
        except DomainError:
            return None

    def template_ids(self) -> list[str]:
        return [self.model.item(r, 0).data(ID_ROLE) for r in range(self.model.rowCount())]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    def select(self, template_id: str) -> None:
        ids = self.template_ids()
        if template_id in ids:
            self.table.selectRow(ids.index(template_id))

    # ------------------------------------------------------------------ actions
    def open_current(self) -> ChecklistEditor | None:
        template_id = self.current_id()
        return self.open_editor(template_id) if template_id else None

    def open_editor(self, template_id: str | None) -> ChecklistEditor:
        # parented to the main window: closing this list never drops an editor's unsaved work
        editor = ChecklistEditor(self.ctx, template_id, parent=self.parentWidget() or self)
        editor.saved.connect(self.select)
        editor.destroyed.connect(lambda _o=None, e=editor: self.editors.remove(e) if e in self.editors else None)
        self.editors.append(editor)
        editor.show()
        return editor

    def choose_import(self) -> None:
        self.file_dialog = file_dialog(
            self, self.ctx.settings, self.tr("Import checklist templates"),
            lambda files: self.import_file(files[0]), filters=[self.tr("Checklist files (*.json *.xlsx)")])

    def import_file(self, path: str | Path) -> Op:
        """Import every template in the file (all or nothing), off the GUI thread; say what happened.

        ``self.imported`` is the list of outcomes once done (empty if refused)."""
        session, path = self.ctx.session, Path(path)
        self.imported: list[checklist_io.ImportedTemplate] = []

        def job() -> Any:
            try:
                return checklist_io.import_templates(session, path)
            except ImportError:  # openpyxl missing from a broken installation
                return None

        def done(result: Any) -> None:
            if result is None:
                self._tell(QMessageBox.Icon.Warning, self.tr("Import failed"), self._no_xlsx())
                return
            outcomes = self.imported = result[0]
            lines = [f"{d.code}：{d.message.message(self.ctx.lang)}" for d in outcomes]
            count = sum(1 for d in outcomes if d.outcome == "imported")
            self._tell(QMessageBox.Icon.Information, self.tr("Import finished"),
                       self.tr("{} of {} templates imported from {}.").format(count, len(outcomes), path.name)
                       + "\n\n" + "\n".join(lines))
            if outcomes:
                self.select(outcomes[-1].id)

        return self.ctx.ops.write(
            job, title=self.tr("Import checklist templates"), parent=self, on_done=done,
            on_error=lambda exc: self._tell(QMessageBox.Icon.Warning, self.tr("Import failed"),
                                            exc.message(self.ctx.lang)))

    def choose_export(self) -> None:
        template_id = self.current_id()
        if template_id is None:
            return
        code = self.model.item(self.table.currentIndex().row(), CODE).text()
        self.file_dialog = file_dialog(
            self, self.ctx.settings, self.tr("Export checklist template"),
            lambda files: self.export_to(template_id, files[0]), save_name=f"{code}.xlsx",
            filters=[self.tr("Excel workbook (*.xlsx)"), self.tr("JSON (*.json)")])

    def export_to(self, template_id: str, path: str | Path) -> Path | None:
        path = Path(path)
        if path.suffix.lower() not in (".json", ".xlsx"):
            path = path.with_suffix(".xlsx")
        try:
            written = checklist_io.export_template(self.ctx.session, template_id, path)
        except DomainError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Export failed"), exc.message(self.ctx.lang))
            return None
        except ImportError:
            self._tell(QMessageBox.Icon.Warning, self.tr("Export failed"), self._no_xlsx())
            return None
        self._tell(QMessageBox.Icon.Information, self.tr("Export finished"),
                   self.tr("The template was saved to {}.").format(written))
        return written

    def _no_xlsx(self) -> str:
        return self.tr("Excel support (openpyxl) is missing from this installation; use .json or "
                       "reinstall the program.")

    def _tell(self, kind: QMessageBox.Icon, title: str, text: str) -> None:
        open_box(self, "result_box", QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, self),
                 forget=True)
