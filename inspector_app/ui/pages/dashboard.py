"""工作台: what needs attention today, as cards that open the matching hazard list.

On an empty real store a banner (never a modal dialog, so ``--quit-after`` never waits)
offers the separate demo store.
"""

from __future__ import annotations

from ...services import dashboard as dash
from ...services.changes import HAZARDS, SITES, STORE, Changes
from ...services.hazards import HazardFilter
from ...services.overview import Overview
from .. import labels
from ..context import AppContext
from ..qt import (
    QColor,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPaintEvent,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import heading

PANEL_ROWS = 8
PANEL_KEYS = ("overdue", "due_soon", "awaiting_recheck", "major_supervised", "recheck_due", "sites_due")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LINK_COLOUR = QColor("#1a73e8")
BANNER_STYLE = (
    "QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
)


class Card(QPushButton):
    """A big number with a caption; clicking it opens the list behind the number."""

    def __init__(self, caption: str, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(170, 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QPushButton { background: white; border: 1px solid #dadce0;"
            f" border-left: 5px solid {accent}; border-radius: 6px; text-align: left; }}"
            "QPushButton:hover { background: #f8f9fa; } QPushButton:focus { border-color: #1a73e8; }"
        )
        self.number = QLabel("0")
        font = self.number.font()
        font.setPointSize(font.pointSize() + 14)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {accent}; background: transparent;")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #3c4043; background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleDescription(str(value))


class DashboardPage(QWidget):
    show_hazards = Signal(object)  # HazardFilter
    show_sites = Signal()
    open_record = Signal(str, str)
    open_demo_requested = Signal()
    back_to_real_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = heading(self.tr("Workbench"), 6)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.empty_banner = self._banner(
            "#fef7e0", "#f9e29c",
            self.tr("This is an empty database. Would you like to look around with demo data first? "
                    "The demo store is kept separately and is never mixed into your real data."),
            [(self.tr("Open demo store"), self.open_demo_requested.emit),
             (self.tr("Don't show again"), self.dismiss_demo_offer)],
        )
        self.demo_banner = self._banner(
            "#e8f0fe", "#c6dafc",
            self.tr("You are looking at the demo store: every record in it is invented. "
                    "Your real data is untouched."),
            [(self.tr("Back to the real store"), self.back_to_real_requested.emit)],
        )
        self.cards = {
            "overdue": Card(self.tr("Overdue"), "#c5221f"),
            "due_soon": Card(self.tr("Due within 3 days"), "#e37400"),
            "awaiting_recheck": Card(self.tr("Awaiting re-check"), "#1a73e8"),
            "major_open": Card(self.tr("Major hazards (not closed)"), "#a50e0e"),
            "open": Card(self.tr("Being rectified"), "#188038"),
            "sites": Card(self.tr("Sites"), "#5f6368"),
        }
        filters = {
            "overdue": HazardFilter(overdue=True),
            "due_soon": HazardFilter(due_within=3),
            "awaiting_recheck": HazardFilter(status="awaiting_recheck"),
            "major_open": HazardFilter(level="major", active=True),
            "open": HazardFilter(status="notified"),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, (key, card) in enumerate(self.cards.items()):
            grid.addWidget(card, i // 3, i % 3)
            if key == "sites":
                card.clicked.connect(lambda _c=False: self.show_sites.emit())
            else:
                card.clicked.connect(lambda _c=False, f=filters[key]: self.show_hazards.emit(f))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("My grids"), True)
        self.scope.addItem(self.tr("All grids"), False)
        self.scope.setAccessibleName(self.tr("Which grids"))
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh(fresh=False))
        self.follow_title = heading(self.tr("Needs follow-up"), 2)
        head = QHBoxLayout()
        head.addWidget(self.follow_title)
        head.addStretch(1)
        head.addWidget(self.scope)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, QListWidget] = {}
        for key in PANEL_KEYS:
            panel = QListWidget()
            panel.setAlternatingRowColors(True)
            panel.setStyleSheet("QListWidget::item { padding: 4px 6px; }")
            panel.setAccessibleName(self._panel_caption(key))
            panel.itemActivated.connect(self._open_item)
            panel.itemClicked.connect(self._open_item)
            self.panels[key] = panel
            self.tabs.addTab(panel, self._panel_caption(key))
        self.counts: dict[str, int | None] = dict.fromkeys(PANEL_KEYS)
        self._panels_pending = False
        self._sites_pending = False
        self._shut = False
        self._painted = False  # the first panel load waits for the first paint of the page
        self._set_default_scope()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.demo_banner)
        layout.addLayout(grid)
        layout.addSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self._stale = False
        ctx.events.changed.connect(self.on_changed)
        self.refresh(fresh=False)  # the status bar has just counted

    def _banner(self, bg: str, border: str, text: str, buttons: list) -> QFrame:
        frame = QFrame()
        frame.setObjectName("banner")
        frame.setStyleSheet(BANNER_STYLE.format(bg=bg, border=border))
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("background: transparent;")
        row = QHBoxLayout(frame)
        row.setContentsMargins(14, 10, 14, 10)
        row.addWidget(label, 1)
        frame.buttons = []  # type: ignore[attr-defined]
        for caption, slot in buttons:
            button = QPushButton(caption)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            frame.buttons.append(button)  # type: ignore[attr-defined]
        return frame

    def shutdown(self) -> None:
        self._shut = True  # queued panel loads of a page being replaced do nothing
        self.ctx.events.unsubscribe(self.on_changed)

    def dismiss_demo_offer(self) -> None:
        self.ctx.settings.demo_offer_dismissed = True
        self.empty_banner.hide()

    def on_changed(self, changes: Changes) -> None:
        if not changes.touches(SITES, HAZARDS, STORE):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, fresh: bool = True) -> None:
        self._stale = False
        session = self.ctx.session
        ov: Overview = self.ctx.overview(fresh=fresh, max_age=5, mine=self.mine)
        # one scope for the whole page: the cards count what the lists below show
        scope = self.tr("my grids") if self.mine else self.tr("all grids")
        self.subtitle.setText(self.tr("Today is {} · signed in as {} · figures for {}").format(
            session.clock.today().isoformat(), session.user.name, scope))
        for key, card in self.cards.items():
            card.set_value(getattr(ov, key))
        empty = ov.sites == 0 and ov.hazards == 0
        self.empty_banner.setVisible(
            empty and not self.ctx.is_demo and not self.ctx.settings.demo_offer_dismissed
        )
        self.demo_banner.setVisible(self.ctx.is_demo)
        self._schedule_panels()

    # ------------------------------------------------------------------ follow-up panels
    def _panel_caption(self, key: str) -> str:
        return {
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due within 3 days"),
            "awaiting_recheck": self.tr("Awaiting re-check"),
            "major_supervised": self.tr("Major hazards under supervision"),
            "recheck_due": self.tr("Acceptance re-check within 10 days"),
            "sites_due": self.tr("Sites due for inspection"),
        }[key]

    def _set_default_scope(self) -> None:
        """Inspectors see their own grids only; supervisors and admins start on all grids."""
        supervisor = self.ctx.session.user.is_supervisor
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(1 if supervisor else 0)
        self.scope.setEnabled(supervisor)
        self.scope.blockSignals(False)

    @property
    def mine(self) -> bool:
        return bool(self.scope.currentData()) or not self.ctx.session.user.is_supervisor

    def _schedule_panels(self) -> None:
        """The panels load after the first paint: start-up only waits for the cards."""
        if not self._panels_pending:
            self._panels_pending = True
            if self._painted:
                QTimer.singleShot(0, self, self._load_pending)  # dropped if the page is deleted

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._panels_pending:
                QTimer.singleShot(0, self, self._load_pending)

    def _load_pending(self) -> None:
        if self._panels_pending and not self._shut:
            self.load_panels()

    def load_panels(self) -> None:
        """Re-query the hazard panels now; the (slower) sites panel follows on the next turn."""
        self._panels_pending = False
        session, mine = self.ctx.session, self.mine
        hazard_panels = {
            "overdue": dash.overdue(session, mine=mine, limit=PANEL_ROWS),
            "due_soon": dash.due_soon(session, mine=mine, limit=PANEL_ROWS),
            "awaiting_recheck": dash.awaiting_recheck(session, mine=mine, limit=PANEL_ROWS),
            "major_supervised": dash.major_under_supervision(session, mine=mine, limit=PANEL_ROWS),
            "recheck_due": dash.rechecks_due(session, mine=mine, limit=PANEL_ROWS),
        }
        for key, panel in hazard_panels.items():
            self._fill_hazards(key, panel)
        if not self._sites_pending:
            self._sites_pending = True
            QTimer.singleShot(0, self, self._load_sites_pending)

    def _load_sites_pending(self) -> None:
        if self._sites_pending and not self._shut:
            self.load_sites_due()

    def load_sites_due(self) -> None:
        self._sites_pending = False
        due = dash.sites_due_for_inspection(self.ctx.session, mine=self.mine, limit=PANEL_ROWS)
        rows, count = due.rows, due.count
        listw = self.panels["sites_due"]
        listw.clear()
        for row in rows[:PANEL_ROWS]:
            flag = {"overdue": self.tr("Overdue"), "first": self.tr("First inspection")}.get(row.status,
                                                                                         self.tr("Due"))
            grid = f"（{row.grid}）" if row.grid else ""
            item = QListWidgetItem(f"{row.due_on}  [{flag}]  {row.name}{grid}")
            item.setData(ID_ROLE, ("site", row.site_id))
            if row.status == "overdue":
                item.setForeground(labels.OVERDUE_COLOUR)
            listw.addItem(item)
        self._finish(listw, "sites_due", count, len(rows[:PANEL_ROWS]))

    def _fill_hazards(self, key: str, panel: dash.Panel) -> None:
        listw = self.panels[key]
        listw.clear()
        for row in panel.rows[:PANEL_ROWS]:
            day = (getattr(row, "recheck_due", None) if key == "recheck_due" else row.due_date) or ""
            flags = []
            if row.overdue:
                flags.append(labels.text(labels.OVERDUE))
            if row.listed:
                flags.append(self.tr("Listed"))
            flag = f"  [{' · '.join(flags)}]" if flags else ""
            text = f"{day}{flag}  {row.description.splitlines()[0] if row.description else ''}"
            text += f" — {row.site_name}" if row.site_name else ""
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, ("hazard", row.id))
            item.setToolTip(row.description)
            if row.overdue:
                item.setForeground(labels.OVERDUE_COLOUR)
            listw.addItem(item)
        self._finish(listw, key, panel.count, min(len(panel.rows), PANEL_ROWS))

    def _placeholder(self, listw: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        listw.addItem(item)

    def _finish(self, listw: QListWidget, key: str, count: int, shown: int) -> None:
        if count > shown:
            more = QListWidgetItem(self.tr("Show all {}…").format(count))
            more.setData(ID_ROLE, ("more", key))
            more.setForeground(LINK_COLOUR)
            listw.addItem(more)
        elif count == 0 and listw.count() == 0:
            self._placeholder(listw, self.tr("Nothing here."))
        self.counts[key] = count
        index = PANEL_KEYS.index(key)
        self.tabs.setTabText(index, f"{self._panel_caption(key)} ({count})")

    def show_panel(self, key: str) -> None:
        """Bring one panel to the front (the tray notification opens the overdue list)."""
        self.tabs.setCurrentIndex(PANEL_KEYS.index(key))
        if self._panels_pending:
            self.load_panels()

    def _open_item(self, item: QListWidgetItem) -> None:
        data = item.data(ID_ROLE)
        if not data:
            return
        kind, value = data
        if kind != "more":
            self.open_record.emit(kind, value)
        elif value == "sites_due":
            self.show_sites.emit()
        else:
            self.show_hazards.emit(self._panel_filter(value))

    def _panel_filter(self, key: str) -> HazardFilter:
        mine = self.mine
        return {
            "overdue": HazardFilter(overdue=True, mine=mine),
            "due_soon": HazardFilter(due_within=3, mine=mine),
            "awaiting_recheck": HazardFilter(status="awaiting_recheck", mine=mine),
            "major_supervised": HazardFilter(level="major", active=True, mine=mine),
            "recheck_due": HazardFilter(recheck_window=True, mine=mine),
        }[key]
