"""检查计划: the sites due or overdue for an inspection, by risk colour (``inspection_plan.plan``).

Double-click or Enter on a site asks the 检查 page to start an inspection there
(``start_requested``); the page owns the start flow.
"""

from __future__ import annotations

from ...services.changes import INSPECTIONS, SITES, STORE, Changes
from ...services.inspection_plan import PlanRow, plan
from .. import labels
from ..context import AppContext
from ..qt import (
    QColor,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import colour_icon, list_table

STATUS, SITE, GRID, RISK, INTERVAL, LAST, DUE, LATE = range(8)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLOUR = {"overdue": QColor("#d93025"), "due": QColor("#f29900"), "first": QColor("#1a73e8"),
                 "ok": QColor("#188038")}
RISK_COLOUR = {"red": QColor("#d93025"), "orange": QColor("#fa7b17"), "yellow": QColor("#f9ce1d"),
               "blue": QColor("#1a73e8")}


class InspectionPlanDialog(QDialog):
    start_requested = Signal(str)  # site id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PlanRow] = []
        self.setWindowTitle(self.tr("Inspection plan"))
        self.resize(940, 560)
        self.within_spin = QSpinBox()
        self.within_spin.setRange(0, 365)
        self.within_spin.setValue(30)
        self.within_spin.setSuffix(self.tr(" days"))
        self.within_spin.valueChanged.connect(lambda _v: self.reload())
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Never inspected, overdue, and due in the next")))
        top.addWidget(self.within_spin)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Status"), self.tr("Site"), self.tr("Grid"), self.tr("Risk"), self.tr("Every"),
            self.tr("Last inspected"), self.tr("Due date"), self.tr("Days overdue")])
        self.table = list_table(self.model)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(SITE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((STATUS, 90), (GRID, 140), (RISK, 90), (INTERVAL, 80), (LAST, 110), (DUE, 110),
                              (LATE, 90)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.start_at(index.row()))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self.start_at(self.table.currentIndex().row()))
        self.empty = QLabel(self.tr("No site is due for an inspection in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368; font-size: 11pt;")
        hint = QLabel(self.tr("Double-click a site or press Enter to start an inspection there."))
        hint.setStyleSheet("color: #5f6368;")
        self.start_button = QPushButton(self.tr("Start inspection"))
        self.start_button.clicked.connect(lambda _c=False: self.start_at(self.table.currentIndex().row()))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(lambda _c=False: self.reject())
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.start_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        ctx.events.changed.connect(self.on_changed)
        self.finished.connect(lambda _r: self.ctx.events.unsubscribe(self.on_changed))
        self.reload()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(INSPECTIONS, SITES, STORE):
            self.reload()

    def status_text(self, status: str) -> str:
        return {"overdue": self.tr("Overdue"), "due": self.tr("Due"), "first": self.tr("First inspection"),
                "ok": self.tr("Not due")}[status]

    def reload(self) -> None:
        self.rows = plan(self.ctx.session, within_days=self.within_spin.value())
        self.model.removeRows(0, self.model.rowCount())
        for r in self.rows:
            cells = [QStandardItem(colour_icon(STATUS_COLOUR[r.status]), self.status_text(r.status)),
                     QStandardItem(r.name), QStandardItem(r.grid or ""),
                     QStandardItem(labels.risk(r.risk_colour) if r.risk_colour else self.tr("Not rated")),
                     QStandardItem(self.tr("{} months").format(r.interval_months)),
                     QStandardItem(r.last_inspected_on or self.tr("never")), QStandardItem(r.due_on),
                     QStandardItem(str(r.days_overdue) if r.days_overdue else "")]
            if r.risk_colour in RISK_COLOUR:
                cells[RISK].setIcon(colour_icon(RISK_COLOUR[r.risk_colour]))
            if r.status == "overdue":
                cells[LATE].setForeground(STATUS_COLOUR["overdue"])
            cells[LATE].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[SITE].setData(r.site_id, ID_ROLE)
            cells[SITE].setToolTip(r.name)
            self.model.appendRow(cells)
        overdue = sum(1 for r in self.rows if r.status == "overdue")
        first = sum(1 for r in self.rows if r.status == "first")
        self.summary.setText(self.tr("{} overdue, {} due, {} never inspected").format(
            overdue, len(self.rows) - overdue - first, first))
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self.start_button.setEnabled(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)

    def start_at(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.start_requested.emit(self.rows[row].site_id)
            self.accept()
