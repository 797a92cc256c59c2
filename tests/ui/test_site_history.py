"""A site's history from the sites page: inspections, hazards (double-click opens one), documents."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import checklists, inspections, sites
from inspector_app.ui.main_window import HAZARDS_PAGE, SITES_PAGE
from inspector_app.ui.qt import Qt, QUrl
from tests.ui.helpers import add_hazards

pytestmark = pytest.mark.ui


@pytest.fixture
def history_site(session) -> dict[str, object]:
    site = sites.add_site(session, SiteInput(name="李记餐馆", address="青石镇文化路3号",
                                             sectors=["nine_small"])).id
    other = sites.add_site(session, SiteInput(name="隔壁超市", sectors=["nine_small"])).id
    started = inspections.start_inspection(session, inspections.StartInput(site_id=site))
    template = checklists.get_template(session, "nine_small")
    items = checklists.template_items(session, template.id)
    inspections.record_result(session, started.id, items[0].code, "ok")
    inspections.record_result(session, started.id, items[1].code, "na")
    found = inspections.record_result(session, started.id, items[2].code, "hazard", "安全出口上锁")
    inspections.finish_inspection(session, started.id)
    loose = add_hazards(session, site, 1)
    add_hazards(session, other, 2)  # not this site's
    return {"site": site, "inspection": started.id, "hazards": {found.hazard_id, *loose}}


def test_history_lists_inspections_and_hazards(window, session, history_site) -> None:
    page = window.sites_page
    window.go_to(SITES_PAGE)
    assert page.select_id(history_site["site"])
    assert "history:" in page.detail.toHtml()
    dialog = page.show_history()
    assert dialog.isVisible()
    assert "李记餐馆" in dialog.title.text()

    assert dialog.inspection_model.rowCount() == 1
    row = [dialog.inspection_model.item(0, c).text() for c in range(dialog.inspection_model.columnCount())]
    assert row[1] in ("日常巡查", "Routine patrol")
    assert row[3] == "管理员"  # the inspector
    assert row[4].startswith("3/") and row[5] == "1" and row[6] == "1" and row[7] == "1"

    ids = {dialog.hazard_id_at(r) for r in range(dialog.hazard_model.rowCount())}
    assert ids == history_site["hazards"]
    descriptions = [dialog.hazard_model.item(r, 1).text() for r in range(dialog.hazard_model.rowCount())]
    assert any(d.startswith("安全出口上锁") for d in descriptions)
    assert "2" in dialog.tabs.tabText(1)
    assert dialog.document_model.rowCount() == 0 and not dialog.empty_documents.isHidden()


def test_double_click_on_a_hazard_opens_it(window, session, history_site, qtbot) -> None:
    page = window.sites_page
    window.go_to(SITES_PAGE)
    page.select_id(history_site["site"])
    dialog = page.show_history()
    dialog.tabs.setCurrentIndex(1)
    wanted = dialog.hazard_id_at(0)
    view = dialog.hazard_table
    rect = view.visualRect(dialog.hazard_model.index(0, 1))
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == HAZARDS_PAGE
    assert window.hazards_page.current_id() == wanted
    assert not dialog.isVisible()


def test_history_by_keyboard_and_link(window, session, history_site, qtbot) -> None:
    page = window.sites_page
    window.go_to(SITES_PAGE)
    page.select_id(history_site["site"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert page.history_dialog.isVisible()
    page.history_dialog.reject()
    page.detail.anchorClicked.emit(QUrl(f"history:{history_site['site']}"))  # the link in the detail pane
    assert page.history_dialog.isVisible() and page.history_dialog.site_id == history_site["site"]


def test_history_of_a_site_without_anything(window, session) -> None:
    site = sites.add_site(session, SiteInput(name="新开的花店")).id
    dialog = window.sites_page.show_history(site)
    assert dialog.inspection_model.rowCount() == 0 and dialog.hazard_model.rowCount() == 0
    assert "0" in dialog.tabs.tabText(0)
