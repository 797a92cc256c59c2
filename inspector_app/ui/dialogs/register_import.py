"""Import wizard for the site register, and the dialog that puts sites into a grid.

Steps: a file (chosen by the sites page) → the column mapping, with a preview of the first
rows exactly as they would be imported (``preview_register``: nothing is written) → the
import as an Op (worker thread, progress, cancel; the service writes one transaction, so a
cancel or an error keeps nothing) → a per-row report that can be copied or saved, with a
button to assign a grid to the sites that came in without one.

The mapping sent to the service names every column by its letter (``{"B": "name", "C":
"-"}``), so what the combo boxes show is exactly what gets imported.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...core.column_mapping import FIELDS, column_letter
from ...core.errors import DomainError
from ...services import register_import
from ...services.register_import import ImportReport
from ..context import AppContext
from ..file_dialogs import file_dialog
from ..ops import Op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QCheckBox,
    QColor,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ..widgets import esc, free_area, heading, list_table
from .assign_grid import AssignGridDialog  # noqa: F401 - re-exported: the register page opens it
from .common import ErrorBanner

IGNORE = "-"
PREVIEW_ROWS = 20
ID_ROLE = Qt.ItemDataRole.UserRole

FIELD_LABELS: dict[str, str] = {
    "site_id": QT_TRANSLATE_NOOP("RegisterFields", "ID (from our export)"),
    "name": QT_TRANSLATE_NOOP("RegisterFields", "Site name"),
    "unit_name": QT_TRANSLATE_NOOP("RegisterFields", "Unit name"),
    "uscc": QT_TRANSLATE_NOOP("RegisterFields", "USCC"),
    "legal_rep": QT_TRANSLATE_NOOP("RegisterFields", "Legal rep. / principal"),
    "sector": QT_TRANSLATE_NOOP("RegisterFields", "Sector"),
    "address": QT_TRANSLATE_NOOP("RegisterFields", "Address"),
    "grid": QT_TRANSLATE_NOOP("RegisterFields", "Grid"),
    "building": QT_TRANSLATE_NOOP("RegisterFields", "Building"),
    "landlord": QT_TRANSLATE_NOOP("RegisterFields", "Landlord"),
    "contact": QT_TRANSLATE_NOOP("RegisterFields", "Contact"),
    "phone": QT_TRANSLATE_NOOP("RegisterFields", "Phone"),
    "risk_colour": QT_TRANSLATE_NOOP("RegisterFields", "Risk level"),
    "lat": QT_TRANSLATE_NOOP("RegisterFields", "Latitude"),
    "lon": QT_TRANSLATE_NOOP("RegisterFields", "Longitude"),
    "notes": QT_TRANSLATE_NOOP("RegisterFields", "Notes"),
}
OUTCOME_LABELS: dict[str, str] = {
    "imported": QT_TRANSLATE_NOOP("RegisterFields", "Imported"),
    "updated": QT_TRANSLATE_NOOP("RegisterFields", "Updated"),
    "skipped": QT_TRANSLATE_NOOP("RegisterFields", "Skipped"),
    "rejected": QT_TRANSLATE_NOOP("RegisterFields", "Rejected"),
}
OUTCOME_COLOURS = {"imported": "#188038", "updated": "#1a73e8", "skipped": "#5f6368", "rejected": "#c5221f"}
WARNING_COLOUR = "#b06000"


def field_label(code: str) -> str:
    return translate("RegisterFields", FIELD_LABELS[code]) if code in FIELD_LABELS else code


def outcome_label(code: str) -> str:
    return translate("RegisterFields", OUTCOME_LABELS[code]) if code in OUTCOME_LABELS else code


def _item(text: object, colour: str | None = None) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(False)
    if len(item.text()) > 12:
        item.setToolTip(item.text())
    if colour:
        item.setForeground(QColor(colour))
    return item


def _table(model: QStandardItemModel) -> QTableView:
    """Rows can be selected together (the report is copied as CSV)."""
    view = list_table(model, single_selection=False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RegisterImportDialog(QDialog):
    """The wizard. ``load(path)`` shows the mapping step; ``start_import()`` runs the Op."""

    previewed = Signal()
    imported = Signal(object)  # the ImportReport
    assign_requested = Signal(list)  # site ids without a grid

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.header_row: int | None = None  # None: found in the file; 0: no header (columns A, B …)
        self.preview: ImportReport | None = None
        self.report: ImportReport | None = None
        self.import_op: Op | None = None
        self.combos: dict[int, QComboBox] = {}  # column index -> target field
        self._headers: dict[int, str] = {}  # column index -> header text
        self.setWindowTitle(self.tr("Import the site register"))
        self.resize(1000, 680)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._report_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # ------------------------------------------------------------------ mapping step
    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.RichText)
        self.file_label.setWordWrap(True)
        self.other_file_button = QPushButton(self.tr("Choose another file…"))
        self.other_file_button.clicked.connect(lambda _c=False: self.choose_file())
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.other_file_button)
        self.error_banner = ErrorBanner()
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.notice_label.hide()

        columns_box = QGroupBox(self.tr("Columns of the file → fields of the register"))
        self.columns_box = columns_box
        self.columns_grid = QGridLayout()
        self.columns_grid.setHorizontalSpacing(10)
        self.columns_grid.setVerticalSpacing(4)
        inner = QWidget()
        inner.setLayout(self.columns_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.columns_scroll = scroll
        self.unused_label = QLabel()
        self.unused_label.setWordWrap(True)
        self.unused_label.setStyleSheet("color: #5f6368;")
        box_layout = QVBoxLayout(columns_box)
        box_layout.addWidget(scroll, 1)
        box_layout.addWidget(self.unused_label)

        self.preview_title = QLabel()
        self.preview_model = QStandardItemModel(self)
        self.preview_table = _table(self.preview_model)
        self.update_check = QCheckBox(self.tr("Update sites already in the register with the values of the file"))
        self.update_check.setToolTip(self.tr(
            "Off: rows that match an existing site (same ID, USCC, or name and address) are "
            "skipped and the report says what differs."))
        self.update_check.toggled.connect(lambda _on: self.refresh_preview())
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda _c=False: self.start_import())
        close = QPushButton(self.tr("Cancel"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_check)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.notice_label)
        layout.addWidget(columns_box)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_table, 1)
        self.nothing_label = QLabel(self.tr("Nothing was imported. Choose another file, or save the "
                                            "list as an Excel workbook (.xlsx) and try again."))
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setStyleSheet("color: #5f6368;")
        self.nothing_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nothing_label.hide()
        layout.addWidget(self.nothing_label, 1)
        layout.addLayout(buttons)
        return page

    def choose_file(self) -> QFileDialog:
        self.file_dialog = file_dialog(
            self, self.ctx.settings, self.tr("Import the site register"), lambda files: self.load(files[0]),
            filters=[self.tr("Spreadsheets (*.xlsx *.xls *.csv)"), self.tr("All files (*)")],
            folder=self.path.parent if self.path is not None else None)
        return self.file_dialog

    def load(self, path: str | Path) -> bool:
        """Read the file's header and first rows with the detected mapping; False if unusable."""
        self.path = Path(path)
        self.report = None
        self.header_row = None
        self.stack.setCurrentIndex(0)
        return self.refresh_preview(auto=True)

    def gui_message(self, exc: DomainError) -> str:
        """A refusal in the words of this wizard: the services' messages for the file name the
        command line's options (--map, --header-row), which the wizard does not have."""
        if exc.code == "no_header":
            return self.tr("No header row was found: none of the first rows names a known column "
                           "(名称, 地址, 统一社会信用代码 …). Put the column names in the first row of "
                           "the file, or choose each column's field in the column mapping step.")
        if exc.code in ("no_name_column", "bad_map"):
            return self.tr("Choose the column that holds the site name.")
        return exc.message(self.ctx.lang)

    def explicit_mapping(self) -> dict[str, str]:
        """Every column by its letter: the field chosen in its combo box, or ``-``."""
        return {column_letter(i): combo.currentData() or IGNORE for i, combo in self.combos.items()}

    def refresh_preview(self, auto: bool = False) -> bool:
        if self.path is None:
            return False
        mapping = None if auto else self.explicit_mapping()
        self.error_banner.clear_message()
        guessed_name = no_header = False
        header_row = self.header_row
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                preview = register_import.preview_register(
                    self.ctx.session, self.path, mapping=mapping, update=self.update_check.isChecked(),
                    header_row=header_row, limit=PREVIEW_ROWS)
            except DomainError as exc:
                if not (auto and exc.code in ("no_name_column", "no_header")):
                    raise
                # no name column (or no header at all) recognised: show the columns anyway
                # (by letter when there is no header), the user picks the fields below
                no_header = exc.code == "no_header"
                if no_header:
                    self.header_row = header_row = 0
                preview = register_import.preview_register(
                    self.ctx.session, self.path, mapping={"A": "name"}, header_row=header_row,
                    limit=PREVIEW_ROWS)
                if no_header and len(preview.headers) < 2:  # one column of text: not a register
                    self.header_row = None
                    raise exc from None
                guessed_name = True
        except DomainError as exc:
            self.preview = None
            self.preview_model.clear()
            self.preview_title.clear()
            self.import_button.setEnabled(False)
            if not auto and exc.code == "no_name_column":  # a mapping change: let the user fix it
                self._update_unused()
                self.error_banner.show_message(self.tr("Choose the column that holds the site name."))
                return False
            self._show_file(None)
            self._fill_columns(None)
            self.error_banner.show_message(self.gui_message(exc))
            self.notice_label.hide()
            self._show_steps(False)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.preview = preview
        self._show_steps(True)
        self._show_file(preview)
        if auto:
            self._fill_columns(preview)
        self._update_unused()
        self._fill_preview(preview)
        notes = [n.message(self.ctx.lang) for n in preview.notices]
        if no_header:
            notes.insert(0, self.tr("No header row was recognised, so the columns are listed by letter "
                                    "(A, B, C …) and every row is read as a site. Choose each column's "
                                    "field in the column mapping below; if the first row holds headings, "
                                    "rename them to 名称, 地址 … in the file and choose it again."))
        elif guessed_name:
            notes.insert(0, self.tr("No column for the site name was recognised; column A is used. "
                                    "Choose the right column below."))
        self.notice_label.setText("\n".join(f"⚠ {n}" for n in notes))
        self.notice_label.setVisible(bool(notes))
        self.import_button.setEnabled(True)
        self.previewed.emit()
        return True

    def _show_steps(self, usable: bool) -> None:
        for widget in (self.columns_box, self.preview_title, self.preview_table, self.update_check):
            widget.setVisible(usable)
        self.nothing_label.setVisible(not usable)

    def _show_file(self, preview: ImportReport | None) -> None:
        name = self.path.name if self.path else ""
        text = f"<b>{esc(name)}</b>"
        if preview is not None:
            details = self.tr("{} · header in row {}").format(preview.format.upper(), preview.header_row)
            if preview.sheet:
                details = self.tr("{} · sheet “{}” · header in row {}").format(
                    preview.format.upper(), preview.sheet, preview.header_row)
            text += f"<br><span style='color:#5f6368'>{esc(details)}</span>"
        self.file_label.setText(text)

    def _fill_columns(self, preview: ImportReport | None) -> None:
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        self._headers = {}
        if preview is None:
            return
        by_label = preview.mapping
        shown = [i for i, h in enumerate(preview.headers)  # no header row: every column
                 if h.strip() or f"{column_letter(i)}" in by_label or self.header_row == 0]
        per_column = max(1, (len(shown) + 1) // 2)  # two columns of pairs
        for n, i in enumerate(shown):
            label_text = f"{column_letter(i)}  {preview.headers[i]}".strip()
            label = QLabel(label_text)
            label.setToolTip(label_text)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for code in FIELDS:
                combo.addItem(field_label(code), code)
            target = by_label.get(f"{column_letter(i)} {preview.headers[i]}".strip())
            combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)
            combo.currentIndexChanged.connect(lambda _i, column=i: self._on_combo(column))
            self.combos[i] = combo
            self._headers[i] = preview.headers[i]
            row, col = n % per_column, (n // per_column) * 3
            self.columns_grid.addWidget(label, row, col)
            self.columns_grid.addWidget(combo, row, col + 1)
        self.columns_grid.setColumnMinimumWidth(2, 40)
        self.columns_grid.setColumnStretch(5, 1)
        rows = min(per_column, 8)  # a third of a small screen at most: the preview needs room too
        self.columns_scroll.setMinimumHeight(min(rows * (self.fontMetrics().height() + 18),
                                                 free_area(self).height() // 3))

    def _on_combo(self, column: int) -> None:
        """One field per column: choosing a field another column had frees that column."""
        target = self.combos[column].currentData()
        if target:
            for other, combo in self.combos.items():
                if other != column and combo.currentData() == target:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.refresh_preview()

    def _update_unused(self) -> None:
        unused = [f"{column_letter(i)} {self._headers.get(i, '')}".strip()
                  for i, combo in self.combos.items() if not combo.currentData()]
        if unused:
            self.unused_label.setText(self.tr("Not imported: {}").format("、".join(unused)))
        else:
            self.unused_label.setText(self.tr("Every column is imported."))

    def _fill_preview(self, preview: ImportReport) -> None:
        fields = [code for code in FIELDS if code in preview.mapping.values()]
        model = self.preview_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Result"), *(field_label(f) for f in fields), self.tr("Remarks")])
        for r in preview.rows:
            colour = WARNING_COLOUR if r.messages and r.outcome != "rejected" else None
            model.appendRow([
                _item(r.row), _item(outcome_label(r.outcome), OUTCOME_COLOURS.get(r.outcome)),
                *(_item(r.values.get(f)) for f in fields),
                _item(self._row_remarks(r), colour or OUTCOME_COLOURS.get(r.outcome) if r.messages else None),
            ])
        self.preview_table.resizeColumnsToContents()
        for column in range(model.columnCount() - 1):
            self.preview_table.setColumnWidth(column, min(self.preview_table.columnWidth(column), 220))
        self.preview_title.setText(self.tr("Preview of the first {} rows as they will be imported:")
                                   .format(len(preview.rows)))

    def _row_remarks(self, r: register_import.RowResult, saved: bool = False) -> str:
        """Messages and changes of a row; ``saved``: also say when a saved site has no grid."""
        parts = [m.message(self.ctx.lang) for m in r.messages]
        for name, (old, new) in r.changes.items():
            parts.append(self.tr("{}: “{}” → “{}”").format(field_label(name), old or "", new or ""))
        if saved and r.unassigned and r.outcome in ("imported", "updated") \
                and not any(m.code == "grid_unknown" for m in r.messages):
            parts.append(self.tr("no grid yet"))
        return "；".join(parts) if self.ctx.lang == "zh" else "; ".join(parts)

    # ------------------------------------------------------------------ import
    def start_import(self) -> Op | None:
        if self.path is None or self.preview is None or (self.import_op and self.import_op.running):
            return None
        path, mapping, update = self.path, self.explicit_mapping(), self.update_check.isChecked()
        session, header_row = self.ctx.session, self.header_row

        def job(progress, cancel) -> ImportReport:  # noqa: ANN001 - Op job signature
            return register_import.import_register(session, path, mapping=mapping, update=update,
                                                   header_row=header_row, progress=progress, cancel=cancel)

        self.import_button.setEnabled(False)
        self.error_banner.clear_message()
        op = self.ctx.ops.run(job, title=self.tr("Importing the site register"), parent=self,
                              on_success=self._on_imported)
        op.cancelled.connect(lambda: self._import_stopped(self.tr("Import cancelled; nothing was saved.")))
        op.failed.connect(lambda message: self._import_stopped(message + "\n" + self.tr("Nothing was saved.")))
        self.import_op = op
        return op

    def reject(self) -> None:
        """Esc or Cancel while the import runs stops the import (nothing is kept), not the window."""
        if self.import_op is not None and self.import_op.running:
            self.import_op.cancel()
            return
        super().reject()

    def _import_stopped(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.error_banner.show_message(message)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        c = report.counts
        self.ctx.events.notice.emit(self.tr("Register imported: {} new, {} updated, {} skipped, {} rejected.")
                                    .format(c["imported"], c["updated"], c["skipped"], c["rejected"]))
        self._fill_report(report)
        self.stack.setCurrentIndex(1)
        self.imported.emit(report)

    # ------------------------------------------------------------------ report step
    def _report_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = heading("", 3)
        self.summary_label.setWordWrap(True)
        self.report_notes = QLabel()
        self.report_notes.setWordWrap(True)
        self.report_notes.setStyleSheet("color: #5f6368;")
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("All rows"), None)
        self.show_combo.addItem(self.tr("Rows with problems"), "problems")
        for code in OUTCOME_LABELS:
            self.show_combo.addItem(outcome_label(code), code)
        self.show_combo.currentIndexChanged.connect(lambda _i: self._fill_report_rows())
        self.report_model = QStandardItemModel(self)
        self.report_table = _table(self.report_model)
        self.report_table.setWordWrap(True)
        self.assign_label = QLabel()
        self.assign_label.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("Assign a grid…"))
        self.assign_button.clicked.connect(lambda _c=False: self._request_assign())
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.assign_label, 1)
        assign_row.addWidget(self.assign_button)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.clicked.connect(lambda _c=False: self.copy_report())
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.clicked.connect(lambda _c=False: self.choose_report_file())
        self.another_button = QPushButton(self.tr("Import another file…"))
        self.another_button.clicked.connect(lambda _c=False: self.choose_file())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.another_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        show_row = QHBoxLayout()
        show_row.addWidget(QLabel(self.tr("Show:")))
        show_row.addWidget(self.show_combo)
        show_row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.report_notes)
        layout.addLayout(assign_row)
        layout.addLayout(show_row)
        layout.addWidget(self.report_table, 1)
        layout.addLayout(buttons)
        return page

    def _fill_report(self, report: ImportReport) -> None:
        c = report.counts
        self.summary_label.setText(self.tr("{}: {} new, {} updated, {} skipped, {} rejected")
                                   .format(report.file, c["imported"], c["updated"], c["skipped"], c["rejected"]))
        notes = [n.message(self.ctx.lang) for n in report.notices]
        if report.unused_columns:
            notes.append(self.tr("Columns not imported: {}").format("、".join(report.unused_columns)))
        if report.blank_rows:
            notes.append(self.tr("{} blank rows were passed over.").format(report.blank_rows))
        self.report_notes.setText("\n".join(notes))
        self.report_notes.setVisible(bool(notes))
        self._update_assign()
        self._fill_report_rows()

    def unassigned_ids(self) -> list[str]:
        if self.report is None:
            return []
        return [r.site_id for r in self.report.unassigned if r.site_id]

    def _update_assign(self) -> None:
        ids = self.unassigned_ids()
        if ids:
            live = set(register_import.unassigned_site_ids(self.ctx.session))
            ids = [i for i in ids if i in live]
        self.assign_label.setText(self.tr("{} of the imported sites have no grid yet.").format(len(ids)))
        self.assign_label.setVisible(bool(ids))
        self.assign_button.setVisible(bool(ids))

    def _request_assign(self) -> None:
        live = set(register_import.unassigned_site_ids(self.ctx.session))
        ids = [i for i in self.unassigned_ids() if i in live]
        if ids:
            dialog = AssignGridDialog(self.ctx, ids, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r: self._update_assign())
            self.assign_dialog = dialog
            dialog.open()
            self.assign_requested.emit(ids)

    def _fill_report_rows(self) -> None:
        model = self.report_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Details")])
        if self.report is None:
            return
        show = self.show_combo.currentData()
        for r in self.report.rows:
            if show == "problems" and not (r.messages or r.outcome == "rejected"):
                continue
            if show in OUTCOME_LABELS and r.outcome != show:
                continue
            remarks = self._row_remarks(r, saved=True)
            colour = WARNING_COLOUR if r.messages and r.outcome != "rejected" else OUTCOME_COLOURS.get(r.outcome)
            model.appendRow([_item(r.row), _item(outcome_label(r.outcome), OUTCOME_COLOURS.get(r.outcome)),
                             _item(r.name), _item(remarks, colour)])
        self.report_table.setColumnWidth(0, 60)
        self.report_table.setColumnWidth(1, 80)
        self.report_table.setColumnWidth(2, 240)

    def report_rows(self) -> list[list[str]]:
        """The whole report as text rows (header first), for copying and saving."""
        rows = [[self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Details")]]
        for r in self.report.rows if self.report else []:
            remarks = self._row_remarks(r, saved=True)
            rows.append([str(r.row), outcome_label(r.outcome), r.name or "", remarks])
        return rows

    def copy_report(self) -> str:
        text = "\n".join("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row)
                         for row in self.report_rows())
        QApplication.clipboard().setText(text)
        self.ctx.events.notice.emit(self.tr("Report copied; paste it into Excel or a message."))
        return text

    def choose_report_file(self) -> QFileDialog:
        stem = Path(self.report.file).stem if self.report else "register"
        self.file_dialog = file_dialog(
            self, self.ctx.settings, self.tr("Save report"), lambda files: self.save_report(files[0]),
            filters=[self.tr("CSV for Excel (*.csv)")], suffix="csv",
            save_name=self.tr("{} import report.csv").format(stem),
            folder=self.path.parent if self.path else None)
        return self.file_dialog

    def save_report(self, path: str | Path) -> bool:
        """CSV with a BOM, so Excel opens the Chinese text correctly."""
        buffer = io.StringIO()
        csv.writer(buffer).writerows(self.report_rows())
        try:
            Path(path).write_text(buffer.getvalue(), encoding="utf-8-sig")
        except OSError as exc:
            self.ctx.events.error.emit(self.tr("Cannot save the report: {}").format(exc.strerror or exc))
            return False
        self.ctx.events.notice.emit(self.tr("Report saved: {}").format(path))
        return True
