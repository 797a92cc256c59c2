"""The main window: navigation, pages, menus, toolbar search and the status bar.

It owns no data: pages read through services and listen to ``AppEvents``. The window only
routes requests between pages (open this record, show these hazards) and swaps the session
when the user opens the demo store or another data folder. A language switch or a store
switch rebuilds the window's widgets in place; the QMainWindow, its geometry and the
session object survive.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..services.changes import HAZARDS, SITES, Changes
from ..services.hazards import HazardFilter
from .context import AppContext
from .icons import icon
from .qt import (
    PYSIDE_VERSION,
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QObject,
    QScrollArea,
    QShowEvent,
    QSize,
    QSizePolicy,
    QStackedWidget,
    QStatusBar,
    Qt,
    QTimer,
    QToolBar,
    QWidget,
    qt_runtime_version,
)
from .search_box import SearchBox
from .stores import StoreSwitcher
from .widgets import ScreenFit, open_box

if TYPE_CHECKING:
    from .pages.dashboard import DashboardPage
    from .pages.hazards import HazardsPage
    from .pages.inspections import InspectionsPage
    from .pages.leads import LeadsPage
    from .pages.settings import SettingsPage
    from .pages.sites import SitesPage

log = logging.getLogger("inspector_app.ui")

PAGE_KEYS = ("dashboard", "sites", "inspections", "hazards", "leads", "documents", "sync",
             "statistics", "settings")
(DASHBOARD, SITES_PAGE, INSPECTIONS, HAZARDS_PAGE, LEADS_PAGE, DOCUMENTS, SYNC, STATISTICS,
 SETTINGS) = range(9)
WARM_UP_DELAY_MS = 400  # after the first paint, build the other pages one per event-loop turn
DEFAULT_SIZE = QSize(1280, 690)  # fits a 1366×768 laptop with its taskbar (40) and title bar (32)

class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowIcon(icon("app"))
        # the pages scroll inside the window (``_build``) rather than force a window larger
        # than a 1366×768 screen at 150 % (911×512 free): the window itself may be small
        self.setMinimumSize(640, 400)
        self.message_box: QMessageBox | None = None
        ctx.events.notice.connect(self.show_notice)
        ctx.events.error.connect(self.show_error)
        ctx.events.changed.connect(self._on_changed)
        self._owner: QObject | None = None
        self.stores = StoreSwitcher(self)
        self.screen_fit = ScreenFit(self)  # every window of the app fits the screen
        QApplication.instance().installEventFilter(self.screen_fit)
        self._warming = False
        self._build()
        self._restore_geometry()
        self.go_to(ctx.settings.last_page if 0 <= ctx.settings.last_page < len(PAGE_KEYS) else 0)

    # ------------------------------------------------------------------ building
    def _page_titles(self) -> list[str]:
        return [
            self.tr("Workbench"), self.tr("Sites"), self.tr("Inspections"), self.tr("Hazards"),
            self.tr("Leads"), self.tr("Documents"), self.tr("Sync"), self.tr("Statistics"),
            self.tr("Settings"),
        ]

    def _build(self) -> None:
        self._owner = QObject(self)  # parent of the actions: one delete on rebuild
        # Pages (and the modules behind them) are built when first shown or asked for, so
        # start-up pays only for the page it opens on.
        self.pages: list[QWidget | None] = [None] * len(PAGE_KEYS)
        self.stack = QStackedWidget()
        for _ in PAGE_KEYS:
            self.stack.addWidget(QWidget())  # stand-in until the page is first needed
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#nav { background: #f1f3f4; border: none; padding-top: 8px; outline: 0; }"
            "QListWidget#nav::item { padding: 8px 10px; border-radius: 6px; margin: 0 6px; }"
            "QListWidget#nav::item:selected { background: #d2e3fc; color: #174ea6; }"
        )
        for key, title in zip(PAGE_KEYS, self._page_titles(), strict=True):
            QListWidgetItem(icon(key), title, self.nav)
        self.nav.setFixedWidth(max(120, self.nav.sizeHintForColumn(0) + 28))
        self.nav.currentRowChanged.connect(self._on_nav)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)  # fills the window whenever the window is large enough
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(central)
        self.setCentralWidget(scroll)
        if self.isVisible():  # a rebuild: show now rather than on the next event loop turn
            scroll.show()

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._connect_pages()
        self._update_status()

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None,
                icon_name: str | None = None) -> QAction:
        action = QAction(text, self._owner)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.act_open_dir = self._action(self.tr("Open data folder…"), self.choose_data_dir)
        self.act_open_demo = self._action(self.tr("Open demo store"), self.open_demo)
        self.act_back_real = self._action(self.tr("Back to the real store"), self.back_to_real)
        self.act_quit = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_switch_user = self._action(self.tr("Switch user…"), self.switch_user, "Ctrl+Shift+L")
        self.act_import_register = self._action(self.tr("Import site register…"), self.import_register)
        self.act_export_register = self._action(self.tr("Export site register…"), self.export_register)
        self.act_undo = self.ctx.undo.createUndoAction(self._owner, self.tr("Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = self.ctx.undo.createRedoAction(self._owner, self.tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(icon("redo"))
        self.act_new_site = self._action(self.tr("New site"), self.new_site, "Ctrl+N", "sites")
        self.act_new_hazard = self._action(self.tr("New hazard"), self.new_hazard, "Ctrl+Shift+N",
                                           "hazards")
        self.act_edit = self._action(self.tr("Edit"), self.edit_current, "F2", "edit")
        self.act_delete = self._action(self.tr("Delete"), self.delete_current,
                                       QKeySequence(Qt.Key.Key_Delete), "delete")
        self.act_find = self._action(self.tr("Search"), self.focus_search, "Ctrl+F", "search")
        self.act_about = self._action(self.tr("About Grid Inspector"), self.show_about)
        self.act_plan = self._action(self.tr("Inspection plan…"), self.open_inspection_plan)
        self.act_campaigns = self._action(self.tr("Special campaigns…"), self.open_campaigns)
        self.act_templates = self._action(self.tr("Checklist templates…"), self.open_templates)
        self.act_calendar = self._action(self.tr("Work calendar and inspection intervals…"),
                                         self.open_work_calendar)
        group = QActionGroup(self._owner)
        self.page_actions: list[QAction] = []
        for i, title in enumerate(self._page_titles()):
            action = self._action(title, lambda i=i: self.go_to(i), f"Ctrl+{i + 1}")
            action.setCheckable(True)
            group.addAction(action)
            self.page_actions.append(action)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_open_dir)
        file_menu.addAction(self.act_open_demo)
        file_menu.addAction(self.act_back_real)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import_register)
        file_menu.addAction(self.act_export_register)
        file_menu.addSeparator()
        file_menu.addAction(self.act_switch_user)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.act_undo, self.act_redo, None, self.act_new_site, self.act_new_hazard,
                       self.act_edit, self.act_delete, None, self.act_find):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        tools_menu = bar.addMenu(self.tr("&Tools"))
        for action in (self.act_plan, self.act_campaigns, self.act_templates, None,
                       self.act_calendar):
            tools_menu.addSeparator() if action is None else tools_menu.addAction(action)
        self.tools_menu = tools_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)

    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_new_site, self.act_new_hazard, None, self.act_undo, self.act_redo):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_box = SearchBox(self.ctx)
        self.toolbar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _make_status_bar(self) -> None:
        bar = QStatusBar()
        self.path_label = QLabel()
        self.path_label.setStyleSheet("color: #5f6368;")
        # a long data folder must not widen the window past a small screen: elided in the
        # middle (the file name stays), in full in the tooltip
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.path_label.setMinimumWidth(120)
        self.demo_label = QLabel(self.tr("Demo store"))
        self.demo_label.setStyleSheet(
            "background: #fce8b2; color: #7a4f01; border-radius: 3px; padding: 0 6px;"
        )
        self.counts_label = QLabel()
        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.demo_label)
        bar.addPermanentWidget(self.counts_label)
        from .dialogs.login import UserBadge

        self.user_badge = UserBadge(self.ctx)
        bar.addPermanentWidget(self.user_badge)
        self.setStatusBar(bar)

    def _connect_pages(self) -> None:
        self.search_box.open_record.connect(self.open_record)

    # (module, class) of each page; placeholders take their key
    _PAGE_CLASSES: dict[int, tuple[str, str]] = {
        DASHBOARD: ("dashboard", "DashboardPage"),
        SITES_PAGE: ("sites", "SitesPage"),
        INSPECTIONS: ("inspections", "InspectionsPage"),
        HAZARDS_PAGE: ("hazards", "HazardsPage"),
        LEADS_PAGE: ("leads", "LeadsPage"),
        SETTINGS: ("settings", "SettingsPage"),
    }

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built (and wired) on first use."""
        built = self.pages[index]
        if built is not None:
            return built
        module, name = self._PAGE_CLASSES.get(index, ("placeholder", "PlaceholderPage"))
        cls = getattr(importlib.import_module(f"{__package__}.pages.{module}"), name)
        page = cls(self.ctx) if index in self._PAGE_CLASSES else cls(PAGE_KEYS[index])
        self.pages[index] = page
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.insertWidget(index, page)
        if current == index:
            self.stack.setCurrentIndex(index)
        self._wire(index, page)
        return page

    def _wire(self, index: int, page: Any) -> None:
        if hasattr(page, "open_record"):
            page.open_record.connect(self.open_record)
        if index == DASHBOARD:
            page.show_hazards.connect(self.show_hazards)
            page.show_sites.connect(lambda: self.go_to(SITES_PAGE))
            page.open_demo_requested.connect(self.open_demo)
            page.back_to_real_requested.connect(self.back_to_real)
        elif index == SITES_PAGE:
            page.new_hazard_requested.connect(lambda site_id: self.hazards_page.add_record(site_id))
        elif index == SETTINGS:
            page.language_chosen.connect(
                lambda lang: QTimer.singleShot(0, lambda: self.switch_language(lang))
            )
            page.choose_data_dir_requested.connect(self.choose_data_dir)
            # some pages choose their widgets by role when built: build them again
            page.user_switched.connect(lambda: QTimer.singleShot(0, self.rebuild))

    def _warm_up(self) -> None:
        """Build the next page not built yet, then yield to the event loop (the user's
        first click on a page should not wait for its imports and widgets)."""
        for index in range(len(PAGE_KEYS)):
            if self.pages[index] is None:
                self.page(index)
                QTimer.singleShot(30, self, self._warm_up)
                return
        self._warming = False

    def _schedule_warm_up(self) -> None:
        if not self._warming and None in self.pages:
            self._warming = True
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._schedule_warm_up()

    def built_pages(self) -> list[QWidget]:
        return [p for p in self.pages if p is not None]

    @property
    def dashboard_page(self) -> DashboardPage:
        return self.page(DASHBOARD)  # type: ignore[return-value]

    @property
    def sites_page(self) -> SitesPage:
        return self.page(SITES_PAGE)  # type: ignore[return-value]

    @property
    def inspections_page(self) -> InspectionsPage:
        return self.page(INSPECTIONS)  # type: ignore[return-value]

    @property
    def hazards_page(self) -> HazardsPage:
        return self.page(HAZARDS_PAGE)  # type: ignore[return-value]

    @property
    def leads_page(self) -> LeadsPage:
        return self.page(LEADS_PAGE)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(SETTINGS)  # type: ignore[return-value]

    def rebuild(self) -> None:
        """Build every widget again (new language, other store); keep window and session."""
        index = self.stack.currentIndex()
        for page in self.built_pages():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                shutdown()
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        if self._owner is not None:
            self._owner.deleteLater()
        self._build()
        self.go_to(index)
        self._schedule_warm_up()

    # ------------------------------------------------------------------ navigation
    def _on_nav(self, index: int) -> None:
        if index < 0:
            return
        self.page(index)
        self.stack.setCurrentIndex(index)
        self.page_actions[index].setChecked(True)

    def go_to(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def open_record(self, kind: str, record_id: str) -> None:
        page = self.sites_page if kind == "site" else self.hazards_page
        self.go_to(SITES_PAGE if kind == "site" else HAZARDS_PAGE)
        if page.select_id(record_id):
            page.table.setFocus()
        else:
            self.show_notice(self.tr("That record no longer exists."))

    def show_hazards(self, flt: HazardFilter) -> None:
        self.go_to(HAZARDS_PAGE)
        self.hazards_page.show_filter(flt)

    def focus_search(self) -> None:
        self.search_box.focus_and_select()

    # ------------------------------------------------------------------ edit actions
    def new_site(self):  # noqa: ANN201 - the dialog
        self.go_to(SITES_PAGE)
        return self.sites_page.add_record()

    def new_hazard(self):  # noqa: ANN201
        on_sites = self.pages[SITES_PAGE] is not None and self.current_page() is self.pages[SITES_PAGE]
        site_id = self.sites_page.current_id() if on_sites else None
        if site_id is None:
            self.go_to(HAZARDS_PAGE)
        return self.hazards_page.add_record(site_id)

    def _record_page(self) -> SitesPage | HazardsPage | None:
        page = self.current_page()
        if self.stack.currentIndex() in (SITES_PAGE, HAZARDS_PAGE) and page is self.pages[self.stack.currentIndex()]:
            return page  # type: ignore[return-value]
        self.show_notice(self.tr("Select a record in the site or hazard list first."))
        return None

    def edit_current(self):  # noqa: ANN201
        page = self._record_page()
        return page.edit_record() if page else None

    def delete_current(self) -> None:
        page = self._record_page()
        if page:
            page.delete_record()

    # ------------------------------------------------------------------ users, register
    def switch_user(self) -> bool:
        """切换用户; then rebuild, because some pages choose widgets by role when built."""
        from .dialogs.login import switch_user as switch_user_dialog

        if switch_user_dialog(self.ctx, self):
            QTimer.singleShot(0, self.rebuild)
            return True
        return False

    def import_register(self):  # noqa: ANN201 - the file dialog
        self.go_to(SITES_PAGE)
        return self.sites_page.choose_import_file()

    def export_register(self):  # noqa: ANN201
        self.go_to(SITES_PAGE)
        return self.sites_page.choose_export_file(False)

    # ------------------------------------------------------------------ tools
    def open_inspection_plan(self):  # noqa: ANN201 - the dialog
        self.go_to(INSPECTIONS)  # starting an inspection from the plan happens there
        return self.inspections_page.open_plan()

    def open_campaigns(self):  # noqa: ANN201
        return self.inspections_page.open_campaigns()

    def open_templates(self):  # noqa: ANN201
        return self.inspections_page.open_templates()

    def open_work_calendar(self):  # noqa: ANN201
        from .dialogs.work_calendar import open_work_calendar

        return open_work_calendar(self.ctx, self)

    # ------------------------------------------------------------------ stores
    def open_demo(self):  # noqa: ANN201 - the Op filling the demo store, if one runs
        return self.stores.open_demo()

    def back_to_real(self) -> None:
        self.stores.back_to_real()

    def choose_data_dir(self) -> None:
        self.stores.choose_data_dir()

    # ------------------------------------------------------------------ status
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(SITES, HAZARDS):
            self._update_status()

    def _update_status(self) -> None:
        demo = self.ctx.is_demo
        app_name = self.tr("Grid Inspector")
        title = f"{app_name} — {self.ctx.data_dir}"
        self.setWindowTitle(title + (" " + self.tr("[Demo store]") if demo else ""))
        path = self.path_label.fontMetrics().elidedText(
            str(self.ctx.session.store.db_path), Qt.TextElideMode.ElideMiddle, 420)
        self.path_label.setText(self.tr("Data: {}").format(path))
        self.path_label.setToolTip(str(self.ctx.session.store.db_path))
        self.demo_label.setVisible(demo)
        self.act_back_real.setEnabled(self.ctx.data_dir != self.ctx.real_data_dir)
        self.act_open_demo.setEnabled(not demo)
        ov = self.ctx.overview()  # what the user sees: an inspector's grids, a supervisor's all
        self.counts_label.setText(
            self.tr("Sites {} · Hazards {} · Overdue {}").format(ov.sites, ov.hazards, ov.overdue)
        )
        self.counts_label.setToolTip(self.tr(
            "Counted as in the statistics: hazards recorded in unfinished inspections (drafts) are"
            " not included.") + ("" if self.ctx.session.user.is_supervisor else " " + self.tr("Your grids only.")))

    def bring_to_front(self) -> None:
        """Another start on this store asked for this window (``ui/single_instance.py``)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.show_notice(self.tr("This store is already open here; the second start was not opened."))

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def show_error(self, text: str) -> None:
        """A non-blocking message box (``open()``, not ``exec()``)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Grid Inspector"), text,
                          QMessageBox.StandardButton.Ok, self)
        open_box(self, "message_box", box)

    def show_about(self) -> QMessageBox:
        text = self.tr(
            "<h3>Grid Inspector</h3><p>Offline hazard inspection for township grid inspectors.</p>"
            "<p>Version {}<br>Database schema {}<br>Qt {} · PySide6 {}</p><p>Data folder: {}</p>"
        ).format(__version__, self.ctx.session.store.schema_version, qt_runtime_version(),
                 PYSIDE_VERSION, self.ctx.data_dir)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Grid Inspector"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(icon("app").pixmap(QSize(64, 64)))
        return open_box(self, "message_box", box)

    # ------------------------------------------------------------------ language
    def switch_language(self, language: str) -> None:
        if language == self.ctx.settings.language and language == self.ctx.translations.language:
            return
        self.ctx.settings.language = language
        self.ctx.translations.install(language)
        self.ctx.session.lang = self.ctx.lang
        self.rebuild()

    # ------------------------------------------------------------------ geometry
    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self.ctx.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.stores.ask_before_closing():  # demo data being made: asked first
            event.ignore()
            return
        settings = self.ctx.settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.last_page = max(self.stack.currentIndex(), 0)
        settings.sync()
        self.ctx.ops.cancel_all()
        super().closeEvent(event)
