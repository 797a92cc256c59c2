"""工作台: what needs attention today, as cards that open the matching hazard list.

On an empty real store a banner (never a modal dialog, so ``--quit-after`` never waits)
offers the separate demo store.
"""

from __future__ import annotations

from ...services import hazards
from ...services.changes import HAZARDS, SITES, STORE, Changes
from ...services.hazards import HazardFilter
from ...services.overview import Overview
from .. import labels
from ..context import AppContext
from ..qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..widgets import heading

FOLLOW_UP_SHOWN = 12
ID_ROLE = Qt.ItemDataRole.UserRole + 1
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
        self.follow_title = heading(self.tr("Needs follow-up"), 2)
        self.follow_list = QListWidget()
        self.follow_list.itemActivated.connect(self._open_item)
        self.follow_list.itemClicked.connect(self._open_item)
        self.follow_empty = QLabel()
        self.follow_empty.setStyleSheet("color: #5f6368;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.demo_banner)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.follow_title)
        layout.addWidget(self.follow_empty)
        layout.addWidget(self.follow_list, 1)
        self.filler = QWidget()  # takes the space while the follow-up list is hidden
        layout.addWidget(self.filler, 1)
        self._stale = False
        ctx.events.changed.connect(self.on_changed)
        self.refresh()

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
        try:
            self.ctx.events.changed.disconnect(self.on_changed)
        except (RuntimeError, TypeError):
            pass

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

    def refresh(self) -> None:
        self._stale = False
        session = self.ctx.session
        ov: Overview = self.ctx.overview(fresh=True)
        self.subtitle.setText(self.tr("Today is {} · signed in as {}").format(
            session.clock.today().isoformat(), session.user.name))
        for key, card in self.cards.items():
            card.set_value(getattr(ov, key))
        empty = ov.sites == 0 and ov.hazards == 0
        self.empty_banner.setVisible(
            empty and not self.ctx.is_demo and not self.ctx.settings.demo_offer_dismissed
        )
        self.demo_banner.setVisible(self.ctx.is_demo)
        self._fill_follow_up()

    def _fill_follow_up(self) -> None:
        """Overdue first (oldest due date first), then what falls due in the next 3 days."""
        session = self.ctx.session
        overdue = hazards.list_hazard_ids(session, HazardFilter(overdue=True), sort="due_date",
                                          descending=False, limit=FOLLOW_UP_SHOWN)
        soon = hazards.list_hazard_ids(session, HazardFilter(due_within=3), sort="due_date",
                                       descending=False, limit=FOLLOW_UP_SHOWN - len(overdue))
        rows = hazards.hazard_rows(session, overdue + soon)
        self.follow_list.clear()
        for row in rows:
            flag = labels.text(labels.OVERDUE) if row.overdue else self.tr("Due soon")
            text = f"{row.due_date or ''}  [{flag}]  {row.description.splitlines()[0]} — {row.site_name or ''}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            if row.overdue:
                item.setForeground(labels.OVERDUE_COLOUR)
            self.follow_list.addItem(item)
        self.follow_list.setVisible(bool(rows))
        self.filler.setVisible(not rows)
        self.follow_empty.setText(self.tr("Nothing is overdue or due in the next 3 days."))
        self.follow_empty.setVisible(not rows)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_record.emit("hazard", item.data(ID_ROLE))
