"""Instant search: results appear as you type, two-character Chinese words included."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, sites
from inspector_app.ui.main_window import HAZARDS_PAGE, SITES_PAGE
from inspector_app.ui.qt import Qt
from tests.ui.helpers import type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def records(session) -> dict[str, str]:
    site = sites.add_site(session, SiteInput(name="好运来面馆", address="青石镇老街 8 号")).id
    fire = hazards.add_hazard(session, HazardInput(site_id=site, description="消防通道被杂物堵塞")).id
    gas = hazards.add_hazard(session, HazardInput(site_id=site, description="燃气软管老化开裂")).id
    return {"site": site, "fire": fire, "gas": gas}


@pytest.mark.parametrize(("query", "key"), [("消防", "fire"), ("燃气", "gas")])
def test_two_character_query_finds_hazards_as_you_type(window, records, qtbot, query, key) -> None:
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, box, query)
    qtbot.waitUntil(lambda: box.popup().isVisible() and bool(box.hits()), timeout=1000)
    assert box.hits() == [("hazard", records[key])]
    assert "好运来面馆" in box.results.item(0).text()


def test_enter_opens_the_hit_in_its_page(window, records, qtbot) -> None:
    box = window.search_box
    type_text(qtbot, box, "消防")
    qtbot.waitUntil(lambda: bool(box.hits()), timeout=1000)
    box.returnPressed.emit()
    assert window.stack.currentIndex() == HAZARDS_PAGE
    assert window.hazards_page.current_id() == records["fire"]
    assert not box.popup().isVisible()


def test_clicking_a_site_hit_opens_the_site(window, records, qtbot) -> None:
    box = window.search_box
    type_text(qtbot, box, "面馆")
    qtbot.waitUntil(lambda: ("site", records["site"]) in box.hits(), timeout=1000)
    row = box.hits().index(("site", records["site"]))
    box.completer_.activated[type(box.results.index(0, 0))].emit(box.results.index(row, 0))
    assert window.stack.currentIndex() == SITES_PAGE
    assert window.sites_page.current_id() == records["site"]


def test_nothing_found_says_so(window, records, qtbot) -> None:
    box = window.search_box
    type_text(qtbot, box, "不存在的词")
    qtbot.waitUntil(lambda: box.results.rowCount() == 1, timeout=1000)
    assert box.hits() == []
    assert "没有找到" in box.results.item(0).text()


def test_overlong_query_is_a_message_not_a_crash(window, qtbot) -> None:
    box = window.search_box
    box.setText("消" * 300)
    box.run_search()
    assert box.hits() == [] and "太长" in box.results.item(0).text()
