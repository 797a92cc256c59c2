"""Switching the interface language rebuilds the window in place and is remembered."""

from __future__ import annotations

import pytest

from inspector_app.ui.main_window import SITES_PAGE
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui


def nav_labels(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def choose(window, qtbot, language: str) -> None:
    combo = window.settings_page.language_combo
    combo.setCurrentIndex(combo.findData(language))


def test_switch_to_english_and_back(window, ctx, settings, qtbot) -> None:
    window.go_to(7)
    choose(window, qtbot, "en")
    qtbot.waitUntil(lambda: nav_labels(window)[0] == "Workbench", timeout=2000)
    assert nav_labels(window) == ["Workbench", "Sites", "Inspections", "Hazards", "Leads", "Documents",
                                  "Sync", "Statistics", "Settings"]
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    assert window.windowTitle().startswith("Grid Inspector — ")
    assert window.stack.currentIndex() == 7  # still on the settings page
    assert settings.language == "en" and ctx.lang == "en"
    window.go_to(SITES_PAGE)
    assert window.sites_page.model.headerData(0, window.sites_page.table.horizontalHeader().orientation()) == "Name"

    window.go_to(7)
    choose(window, qtbot, "zh_CN")
    qtbot.waitUntil(lambda: nav_labels(window)[0] == "工作台", timeout=2000)
    assert window.windowTitle().startswith("网格安全巡查 — ")
    assert settings.language == "zh_CN"


def test_domain_messages_follow_the_language(window, qtbot) -> None:
    choose(window, qtbot, "en")
    qtbot.waitUntil(lambda: nav_labels(window)[0] == "Workbench", timeout=2000)
    dialog = window.new_site()
    dialog.button_box.button(dialog.button_box.StandardButton.Save).click()
    settle(qtbot, window)
    assert "must not be empty" in dialog.error_banner.text()
    dialog.reject()
