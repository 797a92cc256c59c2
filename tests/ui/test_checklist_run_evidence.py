"""Evidence goes where the inspector put it: a photo added on an item answered 隐患 belongs to
that hazard (整改前), on any other item to the inspection (现场照片)."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.photos.results import OK
from inspector_app.services import photos as photo_service
from inspector_app.services import sites
from inspector_app.services.inspections import StartInput
from inspector_app.ui.main_window import HAZARDS_PAGE, INSPECTIONS
from tests.ui.helpers import settle
from tests.ui.test_inspection_photos import jpeg, wait_import

pytestmark = pytest.mark.ui


@pytest.fixture
def run(window, session):
    site_id = sites.add_site(session, SiteInput(name="老王小吃店", sectors=("nine_small",))).id
    window.go_to(INSPECTIONS)
    page = window.current_page()
    page.start(StartInput(site_id=site_id, template_ids=["nine_small"]))
    settle(None, page)
    page.run.photo_strip.import_workers = 0
    return page.run


def test_a_photo_on_a_hazard_item_is_the_hazards_before_photo(run, session, qtbot, tmp_path) -> None:
    strip = run.photo_strip
    run.select_row(0)
    assert run.answer("hazard")
    settle(qtbot, run)
    hazard_id = run.model.items[0]["hazard_id"]
    assert hazard_id
    # the strip now names and takes the item's hazard
    assert strip.target.hazard_id == hazard_id and strip.target.inspection_id is None
    assert "隐患" in strip.toggle_button.text() and "整改前" in strip.toggle_button.text()
    assert strip.phase_combo.currentData() == "before"
    result = wait_import(qtbot, strip, lambda: strip.import_files([str(jpeg(tmp_path / "堵塞.jpg", (200, 30, 30)))]))
    assert [r.status for r in result.results] == [OK]
    linked = photo_service.photos_of_hazard(session, hazard_id)
    assert [p["phase"] for p in linked] == ["before"]
    assert photo_service.photos_of_inspection(session, run.inspection_id) == []

    # an item without a hazard: back to the inspection's scene photos
    run.select_row(1)
    assert strip.target.inspection_id == run.inspection_id
    assert "现场照片" in strip.toggle_button.text()
    result = wait_import(qtbot, strip, lambda: strip.import_files([str(jpeg(tmp_path / "全景.jpg", (30, 90, 200)))]))
    assert [p["phase"] for p in photo_service.photos_of_inspection(session, run.inspection_id)] == ["scene"]
    assert len(photo_service.photos_of_hazard(session, hazard_id)) == 1


def test_the_summary_links_to_the_hazards_it_recorded(run, window, session, qtbot) -> None:
    run.select_row(0)
    assert run.answer("hazard")
    settle(qtbot, run)
    hazard_id = run.model.items[0]["hazard_id"]
    summary = run.do_finish()
    settle(qtbot, run)
    assert summary is not None
    page = window.current_page()
    label = page.summary.hazards_label
    assert label.isVisibleTo(page.summary) and f"hazard:{hazard_id}" in label.text()
    label.linkActivated.emit(f"hazard:{hazard_id}")  # what a click on the link sends
    assert window.stack.currentIndex() == HAZARDS_PAGE
    assert window.hazards_page.current_id() == hazard_id
