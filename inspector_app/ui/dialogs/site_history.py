"""A site's history in one window: its inspections, hazards and issued documents.

Double-clicking (or Enter on) a hazard emits ``open_hazard``; the sites page passes it on
as ``open_record("hazard", id)``, which the main window routes to the hazards page.
"""

from __future__ import annotations

from typing import Any

from ...core.errors import DomainError
from ...services.inspection_views import get_inspection, site_history
from .. import labels
from ..context import AppContext
from ..qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QModelIndex,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ..widgets import heading, list_table

ID_ROLE = Qt.ItemDataRole.UserRole
DETAILED_INSPECTIONS = 200  # item counts are read for the newest ones only
INSPECTION_STATUS = {
    "in_progress": QT_TRANSLATE_NOOP("SiteHistoryDialog", "In progress"),
    "finished": QT_TRANSLATE_NOOP("SiteHistoryDialog", "Finished"),
}


def _item(text: object, record_id: str | None = None, colour: QColor | None = None) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(False)
    if len(item.text()) > 20:
        item.setToolTip(item.text())
    if record_id is not None:
        item.setData(record_id, ID_ROLE)
    if colour is not None:
        item.setForeground(colour)
    return item


def _table(model: QStandardItemModel) -> QTableView:
    view = list_table(model)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _kind(code: str) -> str:
    from ..pages.inspections import kind_label  # the page owns the kind labels

    return kind_label(code)


class SiteHistoryDialog(QDialog):
    open_hazard = Signal(str)

    def __init__(self, ctx: AppContext, site_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site_id = site_id
        self.setWindowTitle(self.tr("Site history"))
        self.resize(900, 560)
        self.title = heading("", 4)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.subtitle.setWordWrap(True)
        self.tabs = QTabWidget()
        self.inspection_model = QStandardItemModel(self)
        self.inspection_table = _table(self.inspection_model)
        self.hazard_model = QStandardItemModel(self)
        self.hazard_table = _table(self.hazard_model)
        self.hazard_table.doubleClicked.connect(self._hazard_activated)
        self.hazard_table.activated.connect(self._hazard_activated)
        self.document_model = QStandardItemModel(self)
        self.document_table = _table(self.document_model)
        self.empty_documents = QLabel(self.tr("No documents issued for this site yet."))
        self.empty_documents.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_documents.setStyleSheet("color: #5f6368;")
        documents = QWidget()
        doc_layout = QVBoxLayout(documents)
        doc_layout.addWidget(self.document_table)
        doc_layout.addWidget(self.empty_documents)
        self.tabs.addTab(self.inspection_table, "")
        self.tabs.addTab(self.hazard_table, "")
        self.tabs.addTab(documents, "")
        self.hint = QLabel(self.tr("Double-click a hazard to open it in the hazard list."))
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.setVisible(False)
        self.tabs.currentChanged.connect(lambda i: self.hint.setVisible(i == 1 and self.hazard_model.rowCount() > 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> bool:
        try:
            history = site_history(self.ctx.session, self.site_id)
        except DomainError as exc:
            self.title.setText(self.tr("Site history"))
            self.subtitle.setText(exc.message(self.ctx.lang))
            return False
        site = history["site"]
        self.title.setText(self.tr("History of {}").format(site["name"]))
        self.subtitle.setText(" · ".join(x for x in (site.get("address"), site.get("grid")) if x))
        self._fill_inspections(history["inspections"])
        self._fill_hazards(history["hazards"])
        self._fill_documents(history["documents"])
        return True

    def _fill_inspections(self, rows: list[dict[str, Any]]) -> None:
        model = self.inspection_model
        model.clear()
        model.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Kind"), self.tr("Status"), self.tr("Inspectors"),
            self.tr("Items checked"), self.tr("Compliant"), self.tr("Hazards found"), self.tr("N/A"),
        ])
        for n, r in enumerate(rows):
            inspectors, checked, ok, found, na = "", "", "", str(r["hazards"]), ""
            if n < DETAILED_INSPECTIONS:
                try:
                    full = get_inspection(self.ctx.session, r["id"])
                except DomainError:
                    full = None
                if full is not None:
                    s = full["summary"]
                    inspectors = "、".join(i["name"] for i in full["inspectors"])
                    checked = f"{s['items_checked']}/{s['items_total']}"
                    ok, na = str(s["ok"]), str(s["na"])
            status = translate("SiteHistoryDialog", INSPECTION_STATUS[r["status"]]) \
                if r["status"] in INSPECTION_STATUS else r["status"]
            model.appendRow([
                _item(labels.local_time(r["started_at"]), r["id"]), _item(_kind(r["kind"])), _item(status),
                _item(inspectors), _item(checked), _item(ok), _item(found), _item(na),
            ])
        self.tabs.setTabText(0, self.tr("Inspections ({})").format(len(rows)))
        self._fit(self.inspection_table, 200)

    def _fill_hazards(self, rows: list[dict[str, Any]]) -> None:
        model = self.hazard_model
        model.clear()
        model.setHorizontalHeaderLabels([
            self.tr("Found on"), self.tr("Hazard"), self.tr("Level"), self.tr("Status"),
            self.tr("Rectify by"), self.tr("Closed on"),
        ])
        open_count = 0
        rows = sorted(rows, key=lambda h: (h["found_on"] or "", h["id"]), reverse=True)  # newest first
        for h in rows:
            if h["status"] not in ("closed", "draft"):
                open_count += 1
            due = h["due_date"] or ""
            due_colour = None
            if h["overdue"]:
                due = f"{due} {labels.text(labels.OVERDUE)}".strip()
                due_colour = labels.OVERDUE_COLOUR
            level_colour = labels.MAJOR_COLOUR if h["level"] == "major" else None
            model.appendRow([
                _item(h["found_on"], h["id"]), _item(" ".join(h["description"].split())),
                _item(labels.level(h["level"]), colour=level_colour), _item(labels.status(h["status"])),
                _item(due, colour=due_colour), _item(h["closed_on"]),
            ])
        self.tabs.setTabText(1, self.tr("Hazards ({} open of {})").format(open_count, len(rows)))
        self._fit(self.hazard_table, 360)

    def _fill_documents(self, rows: list[dict[str, Any]]) -> None:
        model = self.document_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Document"), self.tr("Number")])
        for d in rows:
            model.appendRow([_item(d.get("date") or d.get("issued_on"), d.get("id")),
                             _item(d.get("title") or d.get("kind")), _item(d.get("number"))])
        self.document_table.setVisible(bool(rows))
        self.empty_documents.setVisible(not rows)
        self.tabs.setTabText(2, self.tr("Documents ({})").format(len(rows)))

    @staticmethod
    def _fit(view: QTableView, widest: int) -> None:
        """Columns as wide as their header and text (few rows: cheap), none wider than ``widest``."""
        view.resizeColumnsToContents()
        for column in range(view.model().columnCount() - 1):
            view.setColumnWidth(column, min(view.columnWidth(column) + 8, widest))

    def hazard_id_at(self, row: int) -> str | None:
        item = self.hazard_model.item(row, 0)
        return item.data(ID_ROLE) if item is not None else None

    def _hazard_activated(self, index: QModelIndex) -> None:
        hazard_id = self.hazard_id_at(index.row()) if index.isValid() else None
        if hazard_id:
            self.open_hazard.emit(hazard_id)
            self.accept()
