"""Checklist run: a hazard that is not on the list (新增隐患), and discarding an inspection."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.services import hazards, sites
from inspector_app.services.inspection_views import get_inspection, list_inspections
from inspector_app.services.inspections import StartInput
from inspector_app.ui.main_window import INSPECTIONS
from inspector_app.ui.pages.inspections import InspectionsPage
from inspector_app.ui.qt import QMessageBox, Qt
from tests.ui.helpers import gone, settle, type_text

pytestmark = pytest.mark.ui


@pytest.fixture
def page(window, session, qtbot) -> InspectionsPage:
    site_id = sites.add_site(session, SiteInput(name="老王小吃店", address="文化路 12 号",
                                                sectors=("nine_small",))).id
    window.go_to(INSPECTIONS)
    page = window.current_page()
    assert isinstance(page, InspectionsPage)
    page.start(StartInput(site_id=site_id, template_ids=["nine_small"], location="后厨"))
    settle(qtbot, page)
    assert page.right.currentWidget() is page.run
    return page


def test_free_hazard_is_linked_to_the_inspection(page, session, qtbot) -> None:
    inspection_id = page.run.inspection_id
    dialog = page.run.add_free_hazard()
    assert dialog is not None and not dialog.site_picker.isEnabled()
    assert dialog.location_edit.text() == "后厨"
    type_text(qtbot, dialog.description_edit, "后门外违规堆放液化气钢瓶")
    dialog.accept()
    settle(qtbot, page)
    assert gone(dialog)
    data = get_inspection(session, inspection_id)
    assert len(data["free_hazards"]) == 1
    hazard = hazards.get_hazard(session, data["free_hazards"][0])
    linked = session.store.read().execute("SELECT inspection_id, item_id FROM hazard WHERE id = ?",
                                          (hazard.id,)).fetchone()
    assert tuple(linked) == (inspection_id, None)
    assert hazard.description == "后门外违规堆放液化气钢瓶" and hazard.status == "draft"
    assert "1" in page.run.free_label.text()


def test_discard_removes_the_inspection(page, session, qtbot) -> None:
    inspection_id = page.run.inspection_id
    page.run.table.setFocus()
    qtbot.keyClick(page.run.table, Qt.Key.Key_2)  # a draft hazard from the first item
    settle(qtbot, page)
    assert get_inspection(session, inspection_id)["hazards"]
    page.run.discard()
    box = page.run.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()  # cancel keeps everything
    assert page.run.inspection_id == inspection_id
    page.run.discard()
    with qtbot.waitSignal(page.run.discarded, timeout=3000):
        page.run.confirm_box.button(QMessageBox.StandardButton.Discard).click()
        settle(qtbot, page)
    assert page.right.currentWidget() is page.empty
    assert list_inspections(session, status="in_progress") == []
    assert page.in_progress_ids() == []
    assert session.store.read().execute(
        "SELECT count(*) FROM hazard WHERE inspection_id = ? AND deleted = 0", (inspection_id,)).fetchone()[0] == 0
