"""专项整治 campaigns and their 双随机 draw: list, create, draw sites and inspectors, verify.

A draw is final and recorded with its seed and candidate pools (``services/campaigns``), so
the 验证 button can show anyone that the same seed gives the same sites and inspectors.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ...core.errors import DomainError
from ...services import campaigns
from ...services.campaigns import CAMPAIGNS, CampaignInput
from ...services.changes import Changes
from ...services.regions import list_regions
from .. import labels
from ..context import AppContext
from ..ops import Op
from ..qt import (
    QCloseEvent,
    QComboBox,
    QDate,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..widgets import DateEdit, heading, open_box
from .common import RecordDialog, text_or_none

ID_ROLE = Qt.ItemDataRole.UserRole


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CampaignDialog(RecordDialog):
    """A new campaign: name, sector, dates and (optionally) the one grid it covers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lang, parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New campaign"))
        self.setMinimumWidth(480)
        today = ctx.session.clock.today()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. 2026 gas safety campaign for restaurants"))
        self.sector_combo = QComboBox()
        for code, name in labels.sector_choices(ctx.lang):
            self.sector_combo.addItem(name, code)
        self.starts, self.ends = DateEdit(), DateEdit()
        self.starts.setDate(_qdate(today))
        self.ends.setDate(_qdate(today + timedelta(days=30)))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.grid_combo = QComboBox()
        self.grid_combo.addItem(self.tr("All grids"), None)
        for grid in list_regions(ctx.session.store.read(), "grid"):
            self.grid_combo.addItem(grid.name, grid.id)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.notes_edit.setTabChangesFocus(True)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.ends)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name_edit)
        form.addRow(self.tr("Sector *"), self.sector_combo)
        form.addRow(self.tr("Dates *"), dates)
        form.addRow(self.tr("Grid"), self.grid_combo)
        form.addRow(self.tr("Notes"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.field_widgets = {"name": self.name_edit, "the": self.ends, "a": self.starts,
                              "unknown": self.sector_combo, "notes": self.notes_edit}
        self.save_with(lambda data: ctx.ops.write(lambda: campaigns.create_campaign(ctx.session, data),
                                                  title=self.windowTitle(), parent=self))

    def collect(self) -> CampaignInput:
        return CampaignInput(name=self.name_edit.text(), sector=self.sector_combo.currentData(),
                             starts_on=_pydate(self.starts.date()), ends_on=_pydate(self.ends.date()),
                             grid=self.grid_combo.currentData(), notes=text_or_none(self.notes_edit))


class CampaignsDialog(QWidget):
    """The campaigns window: list on the left, the selected one with its draw on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Campaigns and random draws"))
        self.resize(980, 600)
        self.new_dialog: CampaignDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.campaign: dict[str, Any] | None = None
        self.can_organise = ctx.session.user.is_supervisor

        self.list = QListWidget()
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda cur, _prev: self.show_campaign(
            cur.data(ID_ROLE) if cur else None))
        self.new_button = QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(lambda _c=False: self.new_campaign())
        self.new_button.setEnabled(self.can_organise)
        self.empty_label = QLabel(self.tr("No campaign yet."))
        self.empty_label.setStyleSheet("color: #5f6368;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.list, 1)

        self.title = heading("", 4)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5f6368;")
        self.sites_spin = QSpinBox()
        self.sites_spin.setRange(0, 10000)
        self.sites_spin.setValue(10)
        self.inspectors_spin = QSpinBox()
        self.inspectors_spin.setRange(0, 1000)
        self.inspectors_spin.setValue(2)
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("Empty: a random seed is made and recorded"))
        for widget in (self.sites_spin, self.inspectors_spin):
            widget.setMinimumWidth(120)
            widget.setMaximumWidth(160)
        self.seed_edit.setMaximumWidth(360)
        self.draw_button = QPushButton(self.tr("Draw…"))
        self.draw_button.setToolTip(self.tr("Draw the sites and inspectors at random; a draw is final"))
        self.draw_button.clicked.connect(lambda _c=False: self.confirm_draw())
        draw_form = QFormLayout()
        draw_form.addRow(self.tr("Sites to draw"), self.sites_spin)
        draw_form.addRow(self.tr("Inspectors to draw"), self.inspectors_spin)
        draw_form.addRow(self.tr("Seed"), self.seed_edit)
        draw_row = QHBoxLayout()
        draw_row.addWidget(self.draw_button)
        draw_row.addStretch(1)
        draw_form.addRow("", draw_row)
        self.draw_box = QGroupBox(self.tr("Random draw (双随机)"))
        self.draw_box.setLayout(draw_form)

        self.seed_label = QLabel()
        self.seed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Re-run the recorded draw from its seed and compare"))
        self.verify_button.clicked.connect(lambda _c=False: self.verify())
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed_label, 1)
        seed_row.addWidget(self.verify_button)
        self.sites_list = QListWidget()
        self.inspectors_list = QListWidget()
        lists = QHBoxLayout()
        for caption, widget, stretch in ((self.tr("Drawn sites"), self.sites_list, 3),
                                         (self.tr("Drawn inspectors"), self.inspectors_list, 2)):
            column = QVBoxLayout()
            column.addWidget(heading(caption, 1))
            column.addWidget(widget, 1)
            lists.addLayout(column, stretch)
        self.result_box = QWidget()
        result_layout = QVBoxLayout(self.result_box)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addLayout(seed_row)
        result_layout.addWidget(self.verify_label)
        result_layout.addLayout(lists, 1)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a50e0e;")
        self.error_label.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.info)
        right_layout.addWidget(self.error_label)
        right_layout.addWidget(self.draw_box)
        right_layout.addWidget(self.result_box, 100)
        self.placeholder = QLabel(self.tr("Create a campaign, then draw the sites to inspect and the "
                                          "inspectors at random."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #5f6368; font-size: 11pt;")
        right_layout.addWidget(self.placeholder, 100)
        right_layout.addStretch(1)  # keeps the header at the top while nothing below is shown
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 700])
        splitter.setChildrenCollapsible(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(lambda _c=False: self.close())
        bottom = QHBoxLayout()
        if not self.can_organise:
            note = QLabel(self.tr("Only supervisors organise campaigns and their draws; you can look at them."))
            note.setStyleSheet("color: #5f6368;")
            bottom.addWidget(note)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        ctx.events.changed.connect(self.on_changed)
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ctx.events.unsubscribe(self.on_changed)
        super().closeEvent(event)

    # ------------------------------------------------------------------ list
    def on_changed(self, changes: Changes) -> None:
        if changes.touches(CAMPAIGNS):
            self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.campaign["id"] if self.campaign else None)
        self.list.blockSignals(True)
        self.list.clear()
        rows = campaigns.list_campaigns(self.ctx.session)
        current = None
        for c in rows:
            state = self.tr("drawn") if c["drawn_at"] else self.tr("not drawn")
            item = QListWidgetItem(f"{c['name']}\n{c['sector_name']} · {c['starts_on']} – {c['ends_on']} · {state}",
                                   self.list)
            item.setData(ID_ROLE, c["id"])
            if c["id"] == keep:
                current = item
        self.list.blockSignals(False)
        self.empty_label.setVisible(not rows)
        if current is None and self.list.count():
            current = self.list.item(0)
        if current is not None:
            self.list.setCurrentItem(current)
        self.show_campaign(current.data(ID_ROLE) if current else None)

    def campaign_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def show_campaign(self, campaign_id: str | None) -> None:
        self.error_label.hide()
        self.verify_label.clear()
        self.campaign = campaigns.get_campaign(self.ctx.session, campaign_id) if campaign_id else None
        c = self.campaign
        self.placeholder.setVisible(c is None)
        self.title.setVisible(c is not None)
        self.info.setVisible(c is not None)
        if c is None:
            self.draw_box.hide()
            self.result_box.hide()
            return
        self.title.setText(c["name"])
        grid = self._grid_name(c["grid_id"]) if c["grid_id"] else self.tr("all grids")
        info = self.tr("{sector} · {start} to {end} · {grid}").format(
            sector=c["sector_name"], start=c["starts_on"], end=c["ends_on"], grid=grid)
        if c["notes"]:
            info += "\n" + c["notes"]
        self.info.setText(info)
        drawn = bool(c["drawn_at"])
        self.draw_box.setVisible(not drawn)
        self.draw_button.setEnabled(self.can_organise)
        self.result_box.setVisible(drawn)
        self.sites_list.clear()
        self.inspectors_list.clear()
        if not drawn:
            return
        self.seed_label.setText(self.tr("Drawn {when}: {sites} of {site_pool} sites, {people} of {people_pool} "
                                        "inspectors. Seed: {seed}").format(
            when=labels.local_time(c["drawn_at"]), sites=len(c["sites"]), site_pool=c["site_pool"],
            people=len(c["inspectors"]), people_pool=c["inspector_pool"], seed=c["seed"]))
        for n, s in enumerate(c["sites"], start=1):
            mark = " ✓" if s["finished"] else (" …" if s["inspected"] else "")
            QListWidgetItem(f"{n}. {s['name'] or s['id']}{mark}", self.sites_list).setData(ID_ROLE, s["id"])
        for n, u in enumerate(c["inspectors"], start=1):
            QListWidgetItem(f"{n}. {u['name'] or u['id']}", self.inspectors_list).setData(ID_ROLE, u["id"])

    def _grid_name(self, grid_id: str) -> str:
        return next((g.name for g in list_regions(self.ctx.session.store.read(), "grid") if g.id == grid_id),
                    grid_id)

    def _error(self, exc: DomainError) -> None:
        self.error_label.setText(exc.message(self.ctx.lang))
        self.error_label.show()

    # ------------------------------------------------------------------ actions
    def new_campaign(self) -> CampaignDialog:
        dialog = CampaignDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.saved))
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _created(self, saved: Any) -> None:
        self.new_dialog = None
        self.reload(select=saved.id)

    def confirm_draw(self) -> None:
        if self.campaign is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Random draw"),
                          self.tr("Draw {} sites and {} inspectors for “{}” now? A draw is final and "
                                  "cannot be repeated.").format(self.sites_spin.value(),
                                                                self.inspectors_spin.value(), self.campaign["name"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(self.do_draw)
        open_box(self, "confirm_box", box, default=QMessageBox.StandardButton.No)

    def do_draw(self) -> Op | None:
        if self.campaign is None:
            return None
        session, campaign_id = self.ctx.session, self.campaign["id"]
        count_sites, count_inspectors = self.sites_spin.value(), self.inspectors_spin.value()
        seed = self.seed_edit.text().strip() or None

        def drawn(result: campaigns.Draw) -> None:
            self.ctx.events.notice.emit(self.tr("Drawn with seed {}: {} sites, {} inspectors.").format(
                result.seed, len(result.sites), len(result.inspectors)))
            self.reload(select=campaign_id)

        return self.ctx.ops.write(
            lambda: campaigns.draw(session, campaign_id, sites=count_sites, inspectors=count_inspectors,
                                   seed=seed),
            title=self.tr("Random draw"), parent=self, on_done=drawn, on_error=self._error)

    def verify(self) -> dict[str, Any] | None:
        if self.campaign is None:
            return None
        try:
            result = campaigns.verify_draw(self.ctx.session, self.campaign["id"])
        except DomainError as exc:
            self._error(exc)
            return None
        if result["ok"]:
            text = self.tr("✔ Verified: seed {} gives exactly the recorded sites and inspectors.").format(
                result["seed"])
            style = "color: #188038; font-weight: bold;"
        else:
            text = self.tr("✘ The recorded draw does NOT reproduce from seed {}.").format(result["seed"])
            style = "color: #a50e0e; font-weight: bold;"
        changed = [self.tr("the sites of the sector have changed since the draw")] \
            if result["site_pool_changed"] else []
        if result["inspector_pool_changed"]:
            changed.append(self.tr("the inspectors have changed since the draw"))
        if changed:
            text += "\n" + self.tr("Note: {} (the draw used the recorded lists).").format("; ".join(changed))
        self.verify_label.setText(text)
        self.verify_label.setStyleSheet(style)
        return result

