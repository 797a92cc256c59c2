"""场所 page: the site register with filters, a detail pane and add/edit/delete.

The register as a whole: import from Excel/CSV (the wizard in ``dialogs/register_import``,
Ctrl+I), export to .xlsx (the sites shown or all, an Op), the sites still without a grid
(assign them, Ctrl+Z undoes), and each site's history (Ctrl+H, or the link in the detail pane).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...core.entities import RISK_COLOURS, SiteRow
from ...core.errors import DomainError
from ...core.uscc import check_uscc
from ...services import hazards, register_export, register_import, sites
from ...services.changes import HAZARDS, REGIONS, SITES, UNITS
from ...services.hazards import HazardFilter
from ...services.regions import list_regions
from ...services.sites import SiteFilter
from .. import labels, undo
from ..context import AppContext
from ..dialogs.register_import import AssignGridDialog, RegisterImportDialog
from ..dialogs.site_dialog import SiteDialog
from ..dialogs.site_history import SiteHistoryDialog
from ..file_dialogs import file_dialog
from ..models import SiteTableModel
from ..ops import Op
from ..qt import (
    QComboBox,
    QDesktopServices,
    QFileDialog,
    QKeySequence,
    QMenu,
    QMessageBox,
    QPushButton,
    QShortcut,
    QStyle,
    Qt,
    QUrl,
    QWidget,
    Signal,
)
from ..widgets import (
    DebouncedLineEdit,
    colour_icon,
    confirm_delete,
    esc,
    field_rows,
    fill_combo,
    open_box,
)
from .record_page import RecordPage

OPEN_HAZARDS_SHOWN = 30


class SitesPage(RecordPage):
    new_hazard_requested = Signal(str)  # site id
    watched = (SITES, UNITS, HAZARDS, REGIONS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, SiteTableModel(ctx), parent)
        self.add_button = self.action_button(self.tr("New site"), "add", self.add_record,
                                             self.tr("Add a site (Ctrl+N)"))
        self.edit_button = self.action_button(self.tr("Edit"), "edit", self.edit_record,
                                              self.tr("Edit the selected site (F2)"))
        self.delete_button = self.action_button(self.tr("Delete"), "delete", self.delete_record,
                                                self.tr("Delete the selected site (Del); Ctrl+Z undoes"))
        self.hazard_button = self.action_button(
            self.tr("Record hazard here"), "hazards", self._new_hazard,
            self.tr("Record a hazard at the selected site"),
        )
        self.history_button = self.action_button(
            self.tr("History"), "inspections", self.show_history,
            self.tr("Inspections, hazards and documents of the selected site (Ctrl+H)"),
        )
        self.actions_row.addSpacing(12)
        self.import_button = self.action_button(
            self.tr("Import…"), "import", self.choose_import_file,
            self.tr("Import sites from an Excel or CSV list (Ctrl+I)"),
        )
        self.import_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.export_button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                         self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the register as an Excel file"))
        self.export_menu = QMenu(self.export_button)
        self.export_shown_action = self.export_menu.addAction(
            self.tr("Export the sites shown…"), lambda: self.choose_export_file(True))
        self.export_all_action = self.export_menu.addAction(
            self.tr("Export all sites…"), lambda: self.choose_export_file(False))
        self.export_button.setMenu(self.export_menu)
        self.actions_row.addWidget(self.export_button)
        self.unassigned_button = self.action_button(
            self.tr("No grid"), "sites", self.assign_unassigned,
            self.tr("Sites without a grid (after an import): put them into a grid"),
        )
        self.unassigned_button.setStyleSheet("QPushButton { color: #b06000; }")
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.count_label)
        for keys, slot in (("Ctrl+I", self.choose_import_file), ("Ctrl+H", self.show_history)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.detail.anchorClicked.connect(self._on_detail_link)
        self.import_dialog: RegisterImportDialog | None = None
        self.export_op: Op | None = None
        self.export_box: QMessageBox | None = None

        self.search_edit = DebouncedLineEdit(250)
        self.search_edit.setPlaceholderText(self.tr("Filter: name, address, contact, USCC …"))
        self.search_edit.settled.connect(lambda _t: self.apply_filter())
        self.search_edit.returnPressed.connect(self.search_edit.flush)
        self.grid_combo = QComboBox()
        self.sector_combo = QComboBox()
        self.risk_combo = QComboBox()
        self._fill_grids()
        fill_combo(self.sector_combo, [(None, self.tr("All sectors")),
                                       *labels.sector_choices(ctx.lang)])
        self.risk_combo.addItem(self.tr("All risk levels"), None)
        for colour in RISK_COLOURS:
            self.risk_combo.addItem(colour_icon(labels.RISK_COLOUR[colour]), labels.risk(colour), colour)
        for combo in (self.grid_combo, self.sector_combo, self.risk_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(lambda _c=False: self.clear_filters())
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_row.addWidget(self.grid_combo)
        self.filter_row.addWidget(self.sector_combo)
        self.filter_row.addWidget(self.risk_combo)
        self.filter_row.addWidget(self.clear_button)
        self._update_count()
        self._update_buttons()
        self._update_unassigned()
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh_detail()

    # ------------------------------------------------------------------ filters
    def _fill_grids(self) -> None:
        grids = list_regions(self.ctx.session.store.read(), level="grid")
        fill_combo(self.grid_combo, [(None, self.tr("All grids")), *((g.id, g.name) for g in grids)])

    def current_filter(self) -> SiteFilter:
        return SiteFilter(
            text=self.search_edit.text().strip() or None,
            grid_id=self.grid_combo.currentData(),
            sector=self.sector_combo.currentData(),
            risk_colour=self.risk_combo.currentData(),
        )

    def apply_filter(self) -> None:
        keep = self._selected
        self.model.set_filter(self.current_filter())
        if not (keep and self.select_id(keep, clear_filters=False)):
            self._selected = None
            self.refresh_detail()

    def clear_filters(self) -> bool:
        if self.current_filter() == SiteFilter():
            return False
        for combo in (self.grid_combo, self.sector_combo, self.risk_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.model.set_filter(SiteFilter())
        return True

    def on_changed(self, changes) -> None:  # noqa: ANN001 - Changes
        if changes.touches(REGIONS):
            self._fill_grids()
        super().on_changed(changes)

    def reload(self) -> None:
        super().reload()
        self._update_unassigned()

    def _update_unassigned(self) -> None:
        n = len(register_import.unassigned_site_ids(self.ctx.session))
        self.unassigned_button.setText(self.tr("No grid ({})").format(n))
        self.unassigned_button.setVisible(n > 0)

    def count_text(self, n: int) -> str:
        return self.tr("{} sites").format(n)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for button in (self.edit_button, self.delete_button, self.hazard_button, self.history_button):
            button.setEnabled(has)

    # ------------------------------------------------------------------ actions
    def add_record(self) -> SiteDialog:
        dialog = SiteDialog(self.ctx, lambda data: undo.add_site(self.ctx, data), parent=self.window())
        return self._open(dialog)

    def edit_record(self) -> SiteDialog | None:
        site_id = self.current_id()
        if site_id is None:
            return None
        try:
            row = sites.get_site(self.ctx.session, site_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return None
        dialog = SiteDialog(self.ctx, lambda data: undo.edit_site(self.ctx, site_id, data),
                            existing=row, parent=self.window())
        return self._open(dialog)

    def _open(self, dialog: SiteDialog) -> SiteDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.select_id(dialog.saved.id))
        dialog.open()  # window-modal but not a nested event loop
        return dialog

    def delete_record(self) -> None:
        """Ask first, naming the site and how many hazards go with it; Ctrl+Z undoes."""
        site_id = self.current_id()
        if site_id is None:
            return
        try:
            site = sites.get_site(self.ctx.session, site_id)
        except DomainError as exc:
            self.ctx.events.error.emit(exc.message(self.ctx.lang))
            return
        count = hazards.count_hazards(self.ctx.session, HazardFilter(site_id=site_id))
        text = self.tr("Delete the site “{}”?").format(site.name)
        if count:
            text += "\n" + self.tr("Its {} hazards will be deleted with it.").format(count)
        confirm_delete(self, text, lambda: self._delete(site_id))

    def _delete(self, site_id: str) -> Op:
        row = self.model.row_of(site_id)

        def deleted(_result: object) -> None:
            if self.model.rowCount():  # keep the keyboard flow: select the next row
                self.select_id(self.model.id_at(min(row, self.model.rowCount() - 1)) or "", False)

        return undo.delete_site(self.ctx, site_id, on_done=deleted,
                                 on_error=lambda exc: self.ctx.events.error.emit(exc.message(self.ctx.lang)))

    def _new_hazard(self) -> None:
        site_id = self.current_id()
        if site_id:
            self.new_hazard_requested.emit(site_id)

    # ------------------------------------------------------------------ register
    def choose_import_file(self) -> QFileDialog:
        self.file_dialog = file_dialog(
            self.window(), self.ctx.settings, self.tr("Import the site register"),
            lambda files: self.open_import(files[0]),
            filters=[self.tr("Spreadsheets (*.xlsx *.xls *.csv)"), self.tr("All files (*)")])
        return self.file_dialog

    def open_import(self, path: str | Path) -> RegisterImportDialog:
        """The import wizard on ``path`` (its mapping step, or the file's error)."""
        dialog = RegisterImportDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_imported)
        self.import_dialog = dialog
        dialog.open()
        dialog.load(path)
        return dialog

    def _on_imported(self, report: register_import.ImportReport) -> None:
        first = next((r.site_id for r in report.rows if r.site_id and r.outcome == "imported"), None)
        if first:
            self.select_id(first)

    def assign_unassigned(self) -> AssignGridDialog | None:
        ids = register_import.unassigned_site_ids(self.ctx.session)
        if not ids:
            self.ctx.events.notice.emit(self.tr("Every site has a grid."))
            return None
        dialog = AssignGridDialog(self.ctx, ids, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.assign_dialog = dialog
        dialog.open()
        return dialog

    def choose_export_file(self, only_shown: bool) -> QFileDialog:
        self.file_dialog = file_dialog(
            self.window(), self.ctx.settings, self.tr("Export the site register"),
            lambda files: self.export_to(files[0], only_shown),
            filters=[self.tr("Excel workbook (*.xlsx)")], suffix="xlsx",
            save_name=self.tr("Site register {}.xlsx").format(date.today().isoformat()))
        return self.file_dialog

    def export_to(self, path: str | Path, only_shown: bool = True) -> Op:
        """Write the register (the filtered list, or all sites) to ``path`` off the GUI thread."""
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        flt = self.current_filter() if only_shown else SiteFilter()
        session = self.ctx.session

        def job(progress, cancel) -> int:  # noqa: ANN001 - Op job signature
            return register_export.export_register(session, path, flt, progress=progress, cancel=cancel)

        self.export_op = self.ctx.ops.run(job, title=self.tr("Exporting the site register"),
                                          parent=self.window(), on_success=lambda n: self._exported(path, n))
        return self.export_op

    def _exported(self, path: Path, count: int) -> None:
        text = self.tr("{} sites exported to\n{}").format(count, path)
        self.ctx.events.notice.emit(text.replace("\n", " "))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"), text,
                          QMessageBox.StandardButton.Close, self.window())
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda _c=False: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        open_box(self, "export_box", box)

    def show_history(self, site_id: str | None = None) -> SiteHistoryDialog | None:
        site_id = site_id or self.current_id()
        if site_id is None:
            return None
        dialog = SiteHistoryDialog(self.ctx, site_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_hazard.connect(lambda hazard_id: self.open_record.emit("hazard", hazard_id))
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def _on_detail_link(self, url: QUrl) -> None:
        kind, _, site_id = url.toString().partition(":")
        if kind == "history" and site_id:
            self.show_history(site_id)

    # ------------------------------------------------------------------ detail
    def render_detail(self, site_id: str | None) -> str:
        if site_id is None:
            return ("<p style='color:#5f6368'>" + esc(self.tr("Select a site to see its details.")) + "</p>")
        row = self.model.record(site_id)
        if row is None:
            try:
                row = sites.get_site(self.ctx.session, site_id)
            except DomainError:
                return ""
        history = esc(self.tr("History: inspections, hazards, documents…"))
        link = f"<p><a href='history:{esc(row.id)}'>{history}</a></p>"
        return self._site_html(row) + link + self._hazards_html(row)

    def _uscc_html(self, row: SiteRow) -> str:
        if not row.uscc:
            return ""
        if check_uscc(row.uscc).ok:
            valid = esc(self.tr("valid"))
            return f"{esc(row.uscc)} <span style='color:#188038'>✓ {valid}</span>"
        warning = esc(self.tr("check digit does not match — please verify"))
        return f"{esc(row.uscc)} <span style='color:#b06000'>⚠ {warning}</span>"

    def _site_html(self, row: SiteRow) -> str:
        risk = ""
        if row.risk_colour:
            colour = labels.RISK_COLOUR[row.risk_colour].name()
            risk = f"<span style='color:{colour}'>■</span> {esc(labels.risk(row.risk_colour))}"
        coords = f"{row.lat}, {row.lon}" if row.lat is not None and row.lon is not None else ""
        unit = esc(row.unit_name) if row.unit_id else esc(self.tr("none (public place)"))
        fields = [
            (self.tr("Unit"), unit),
            (self.tr("USCC"), self._uscc_html(row)),
            (self.tr("Legal rep. / principal"), esc(row.legal_rep)),
            (self.tr("Sector"), esc(labels.sectors(row.sectors, self.ctx.lang))),
            (self.tr("Address"), esc(row.address)),
            (self.tr("Grid"), esc(row.grid)),
            (self.tr("Building"), esc(row.building)),
            (self.tr("Landlord"), esc(row.landlord)),
            (self.tr("Contact"), esc(row.contact)),
            (self.tr("Phone"), esc(row.phone)),
            (self.tr("Risk level"), risk),
            (self.tr("Coordinates"), esc(coords)),
            (self.tr("Notes"), esc(row.notes).replace("\n", "<br>")),
        ]
        return f"<h2 style='margin-bottom:6px'>{esc(row.name)}</h2>" + field_rows(fields)

    def _hazards_html(self, row: SiteRow) -> str:
        ids = hazards.list_hazard_ids(self.ctx.session, HazardFilter(site_id=row.id),
                                      sort="due_date", descending=False)
        rows = [h for h in hazards.hazard_rows(self.ctx.session, ids[:500])
                if h.status not in ("closed", "draft")]
        title = self.tr("Open hazards ({})").format(len(rows))
        if not rows:
            none = esc(self.tr("No open hazards."))
            return f"<h3>{esc(title)}</h3><p style='color:#5f6368'>{none}</p>"
        items = []
        for h in rows[:OPEN_HAZARDS_SHOWN]:
            due = esc(h.due_date or "")
            if h.overdue:
                due = f"<span style='color:#c5221f'>{due} {esc(labels.text(labels.OVERDUE))}</span>"
            items.append(
                f"<li><a href='hazard:{esc(h.id)}'>{esc(h.description.splitlines()[0])}</a>"
                f" — {esc(labels.status(h.status))} · {due}</li>"
            )
        more = ""
        if len(rows) > OPEN_HAZARDS_SHOWN:
            more = "<p>" + esc(self.tr("… and {} more").format(len(rows) - OPEN_HAZARDS_SHOWN)) + "</p>"
        return f"<h3>{esc(title)}</h3><ul style='margin-left:-20px'>{''.join(items)}</ul>{more}"
