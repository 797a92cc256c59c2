"""The main window opens in Chinese with every navigation entry, menus and status bar."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.ui import undo
from inspector_app.ui.main_window import HAZARDS_PAGE, PAGE_KEYS
from inspector_app.ui.pages.placeholder import PlaceholderPage
from inspector_app.ui.qt import Qt, qt_runtime_version
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui

NAV_ZH = ["工作台", "场所", "检查", "隐患", "线索", "文书", "同步", "统计", "设置"]


def nav_labels(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_opens_in_chinese(window, data_dir) -> None:
    assert nav_labels(window) == NAV_ZH
    assert len(PAGE_KEYS) == window.stack.count() == 9
    assert window.windowTitle() == f"网格安全巡查 — {data_dir}"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert window.counts_label.text() == "场所 0 · 隐患 0 · 逾期 0"
    assert "inspector.db" in window.path_label.text()
    assert not window.demo_label.isVisible()
    assert window.search_box.placeholderText().startswith("搜索")
    assert window.width() <= 1366 and window.height() <= 768


def test_ctrl_digit_switches_pages(window, qtbot) -> None:
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == HAZARDS_PAGE
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()


def test_pages_not_built_yet_say_what_is_coming(window) -> None:
    placeholders = [p for i in range(len(PAGE_KEYS))
                    if isinstance(p := window.page(i), PlaceholderPage)]
    assert [p.key for p in placeholders] == ["documents", "sync", "statistics"]
    documents = placeholders[0]
    assert documents.title.text() == "文书"
    assert "即将推出" in documents.summary.text()
    for page in placeholders:
        assert page.title.text() and page.summary.text() and "<li" in page.bullets.text()


def test_status_bar_counts_follow_changes(window, ctx, qtbot) -> None:
    undo.add_site(ctx, SiteInput(name="老王烧烤"))
    settle(qtbot, window)
    assert window.counts_label.text() == "场所 1 · 隐患 0 · 逾期 0"
    assert "已新增场所" in window.statusBar().currentMessage()


def test_about_names_app_schema_and_qt(window, session) -> None:
    box = window.show_about()
    assert box.isVisible()
    text = box.text()
    assert "网格安全巡查" in text
    assert f"数据库结构版本 {session.store.schema_version}" in text
    assert qt_runtime_version() in text
    box.close()


def test_window_geometry_is_remembered(window, settings) -> None:
    window.resize(1000, 640)
    window.close()
    assert not settings.window_geometry.isEmpty()


def test_pages_are_built_on_first_use_then_warmed_up_in_the_background(ctx, qtbot) -> None:
    from inspector_app.ui.main_window import DASHBOARD, SITES_PAGE, MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert [i for i, p in enumerate(win.pages) if p is not None] == [DASHBOARD]
    win.go_to(SITES_PAGE)
    assert win.pages[SITES_PAGE] is win.stack.currentWidget() is win.sites_page
    win.show()
    qtbot.waitUntil(lambda: None not in win.pages, timeout=10000)
    assert win.stack.count() == len(PAGE_KEYS)
    assert [win.stack.widget(i) for i in range(len(PAGE_KEYS))] == win.pages
    assert win.stack.currentWidget() is win.sites_page


def test_tools_menu_opens_the_planning_windows(window, qtbot) -> None:
    from inspector_app.ui.main_window import INSPECTIONS

    titles = [a.text() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert titles == ["检查计划…", "专项整治…", "检查表模板…", "工作日历与检查频次…"]
    plan = window.open_inspection_plan()
    assert window.stack.currentIndex() == INSPECTIONS and plan.isVisible()
    plan.close()
    calendar = window.open_work_calendar()
    assert calendar.isVisible() and calendar.windowTitle() == "工作日历与检查频次"
    calendar.close()
    templates = window.open_templates()
    assert templates.isVisible()
    templates.close()
