"""工作台 follow-up panels (my grids / all grids) and the once-a-day overdue notice."""

from __future__ import annotations

import pytest

from inspector_app.services import overdue_rule, rectification, users
from inspector_app.ui.qt import Qt
from tests.lifecycle_helpers import as_, make_town
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui


@pytest.fixture
def town(session):
    """G1 (李): one overdue, one due in 2 days, a major hazard awaiting re-check; G2 (赵): one overdue."""
    t = make_town(session)
    # the overdue ones have provisional deadlines (no notice served): this township counts them
    overdue_rule.set_counts_provisional(session, True)
    t.late = t.hazard(t.li, description="安全出口上锁", found_on="2026-09-01", due_on="2026-09-10", deadline_days=None)
    t.soon = t.hazard(t.li, site=t.s2, description="燃气软管老化", due_on="2026-09-30", deadline_days=None)
    t.hazard(t.li, description="灯不亮", deadline_days=30)
    t.other = t.hazard(t.zhao, site=t.s3, description="货架堵塞通道", found_on="2026-09-01",
                       due_on="2026-09-20", deadline_days=None)
    t.major = t.major_ready(description="液化气瓶违规存放")
    rectification.notify(t.li, t.major)
    rectification.report_done(t.li, t.major)
    return t


@pytest.fixture
def acting(ctx, session):
    """Act as another user of the same store; the fixture's own session is restored after."""
    def switch(other):
        ctx.session = other
        ctx._forget_overview()
    yield switch
    ctx.session = session


def loaded(page, qtbot):
    qtbot.waitUntil(lambda: page.counts["sites_due"] is not None, timeout=5000)
    return page.counts


def texts(page, key: str) -> list[str]:
    panel = page.panels[key]
    return [panel.item(i).text() for i in range(panel.count())]


def test_panels_count_all_grids_for_a_supervisor(town, window, qtbot) -> None:
    page = window.dashboard_page
    assert page.scope.isEnabled() and page.scope.currentData() is False  # admin: all grids
    page.refresh()
    counts = loaded(page, qtbot)  # the panels load after the first paint, not in refresh()
    assert counts == {"overdue": 2, "due_soon": 1, "awaiting_recheck": 1, "major_supervised": 1,
                      "recheck_due": 1, "sites_due": 3}
    overdue = texts(page, "overdue")
    assert overdue[0].startswith("2026-09-10") and "安全出口上锁" in overdue[0] and "李记小吃店" in overdue[0]
    assert "货架堵塞通道" in overdue[1]
    assert page.tabs.tabText(0).endswith("(2)")
    assert any("西村超市" in t for t in texts(page, "sites_due"))


def test_clicking_a_row_opens_the_hazard(town, window, qtbot) -> None:
    from inspector_app.ui.main_window import HAZARDS_PAGE

    page = window.dashboard_page
    page.refresh()
    loaded(page, qtbot)
    page.show_panel("overdue")
    panel = page.panels["overdue"]
    rect = panel.visualItemRect(panel.item(0))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == HAZARDS_PAGE
    assert window.hazards_page.current_id() == town.late


def test_site_row_opens_the_site(town, window, qtbot) -> None:
    from inspector_app.ui.main_window import SITES_PAGE

    page = window.dashboard_page
    page.refresh()
    loaded(page, qtbot)
    panel = page.panels["sites_due"]
    page._open_item(panel.item(0))
    assert window.stack.currentIndex() == SITES_PAGE


def test_inspector_sees_only_their_grids(town, ctx, acting, qtbot) -> None:
    from inspector_app.ui.main_window import MainWindow

    acting(town.li)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    page = win.dashboard_page
    assert page.scope.currentData() is True and not page.scope.isEnabled()
    page.scope.setCurrentIndex(1)  # even if forced, the query stays in the inspector's grids
    assert page.mine
    counts = loaded(page, qtbot)
    assert counts["overdue"] == 1 and counts["sites_due"] == 2
    assert not any("货架堵塞通道" in t for t in texts(page, "overdue"))
    assert not any("西村超市" in t for t in texts(page, "sites_due"))
    # one scope for the whole page: the cards count the inspector's grids like the tabs do
    assert page.cards["overdue"].number.text() == "1"
    assert page.cards["sites"].number.text() == "2"
    assert "本人网格" in page.subtitle.text()
    assert win.counts_label.text().endswith("逾期 1")  # and the status bar agrees


def test_supervisor_switching_to_my_grids_recounts_the_cards(town, ctx, acting, qtbot) -> None:
    from inspector_app.ui.main_window import MainWindow

    users.set_grids(town.admin, "wang", ["G2"])
    acting(as_(town.admin, "wang"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    page = win.dashboard_page
    page.refresh()
    assert page.cards["overdue"].number.text() == "2" and "全部网格" in page.subtitle.text()
    page.scope.setCurrentIndex(0)  # my grids: G2 only
    qtbot.waitUntil(lambda: page.cards["overdue"].number.text() == "1", timeout=3000)
    assert "本人网格" in page.subtitle.text()


def test_overdue_notice_once_a_day(town, window, clock, qtbot) -> None:
    from inspector_app.ui.tray import DAY_MS, OverdueNotifier

    notifier = OverdueNotifier(window)
    notifier.tray = None  # the status-bar path, whatever the desktop offers
    notifier.start()
    qtbot.waitUntil(lambda: notifier.last_message is not None, timeout=5000)
    first = notifier.last_message
    assert first.startswith("2 ") or first.startswith("新增 2 ")
    assert window.statusBar().currentMessage() == first
    assert notifier.timer.isActive() and 60_000 <= notifier.timer.interval() <= DAY_MS

    window.statusBar().clearMessage()
    notifier.last_message = None
    notifier.check()  # marks the day in the store: a write off the GUI thread
    settle(qtbot, window)
    assert notifier.last_message is None  # the same day: nothing again
    assert window.statusBar().currentMessage() == ""

    town.hazard(town.li, description="配电箱无门", found_on="2026-09-25", due_on="2026-09-28", deadline_days=None)
    clock.advance(days=1)
    notifier.check()
    settle(qtbot, window)
    second = notifier.last_message
    assert second is not None and "配电箱无门" in second and "安全出口上锁" not in second
    window.go_to(1)
    notifier.bring_up()
    assert window.stack.currentIndex() == 0
    assert window.dashboard_page.tabs.currentIndex() == 0
    notifier.shutdown()
    assert not notifier.timer.isActive()
