"""On-site photos (现场照片) of an inspection in the checklist run: add, drop, paste, keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.core.entities import SiteInput
from inspector_app.photos.results import OK
from inspector_app.services import photos as photo_service
from inspector_app.services import sites
from inspector_app.services.inspection_views import get_inspection
from inspector_app.services.inspections import StartInput
from inspector_app.ui.main_window import INSPECTIONS
from inspector_app.ui.pages.inspections import InspectionsPage
from inspector_app.ui.qt import (
    QApplication,
    QDropEvent,
    QGuiApplication,
    QImage,
    QMimeData,
    QPoint,
    Qt,
    QUrl,
)
from tests.ui.helpers import settle

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


def jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", (320, 240), colour)
    im.paste((250, 250, 250), (40, 60, 200, 120))
    im.save(path, quality=90)
    return path


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
    page.run.photo_strip.import_workers = 0
    return page


def wait_import(qtbot, strip, start):
    with qtbot.waitSignal(strip.imported, timeout=30000) as done:
        op = start()
        assert op is not None
    return done.args[0]


def stored(session, page_or_id) -> list[dict]:
    inspection_id = page_or_id if isinstance(page_or_id, str) else page_or_id.run.inspection_id
    return photo_service.photos_of_inspection(session, inspection_id)


def test_the_run_shows_a_scene_only_strip_of_the_inspection(page) -> None:
    strip = page.run.photo_strip
    assert strip.target is not None and strip.target.inspection_id == page.run.inspection_id
    assert strip.hazard_id is None
    assert [strip.phase_combo.itemData(i) for i in range(strip.phase_combo.count())] == ["scene"]
    assert strip.phase_combo.isHidden()  # nothing to choose
    assert strip.compare_button.isHidden()
    assert strip.add_button.isEnabled() and strip.view.acceptDrops()
    assert strip.empty_label.isVisible()
    assert "0" in strip.toggle_button.text() and strip.toggle_button.isVisible()


def test_add_drop_and_paste_photos_into_the_inspection(page, session, qtbot, tmp_path) -> None:
    strip, inspection_id = page.run.photo_strip, page.run.inspection_id
    # the file dialog's choice arrives at import_files
    first = jpeg(tmp_path / "后厨全景.jpg", (180, 60, 40))
    result = wait_import(qtbot, strip, lambda: strip.import_files([str(first)]))
    assert [r.status for r in result.results] == [OK]
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1, timeout=3000)

    # dropped files
    dropped = jpeg(tmp_path / "drop" / "灶台.jpg", (40, 90, 160))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(strip.imported, timeout=30000):
        strip.view.dropEvent(event)
    assert event.isAccepted()

    # Ctrl+V of a copied image while the strip has focus
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkYellow)
    QGuiApplication.clipboard().setImage(image)
    strip.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is strip.view, timeout=3000)
    with qtbot.waitSignal(strip.imported, timeout=30000) as done:
        qtbot.keyClick(strip.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QGuiApplication.clipboard().clear()
    assert done.args[0].count(OK) == 1

    photos = stored(session, inspection_id)
    assert len(photos) == 3 and {p["phase"] for p in photos} == {"scene"}
    names = sorted(p["original_name"] for p in photos)
    assert names[:2] == ["后厨全景.jpg", "灶台.jpg"] and names[2].endswith(".png")
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3, timeout=3000)
    assert "3" in strip.toggle_button.text() and not strip.empty_label.isVisible()
    # nothing went to a hazard: the inspection's draft hazards have no photos
    linked = session.store.read().execute(
        "SELECT count(*) FROM photo_link WHERE hazard_id IS NOT NULL").fetchone()[0]
    assert linked == 0


def test_keys_still_answer_items_after_the_strip_was_used(page, session, qtbot, tmp_path) -> None:
    run = page.run
    strip = run.photo_strip
    wait_import(qtbot, strip, lambda: strip.import_files([str(jpeg(tmp_path / "a.jpg", (9, 99, 9)))]))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1, timeout=3000)
    # the user clicked into the strip; Esc hands the keys back to the table
    strip.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is strip.view, timeout=3000)
    strip.view.setCurrentIndex(strip.model.index(0))
    qtbot.keyClick(strip.view, Qt.Key.Key_1)  # a digit in the strip answers nothing
    assert run.model.counts()[0] == 0
    qtbot.keyClick(strip.view, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is run.table

    first = run.current_row()
    qtbot.keyClick(run.table, Qt.Key.Key_1)  # OK, moves on
    settle(qtbot, page)
    assert run.current_row() == first + 1
    qtbot.keyClick(run.table, Qt.Key.Key_2)  # a hazard: stays on the item
    settle(qtbot, page)
    qtbot.keyClick(run.table, Qt.Key.Key_Return)
    settle(qtbot, page)
    qtbot.keyClick(run.table, Qt.Key.Key_3)
    settle(qtbot, page)
    results = {i["code"]: i.get("result") for t in get_inspection(session, run.inspection_id)["templates"]
               for i in t["items"]}
    answered = [r for r in results.values() if r]
    assert sorted(answered) == ["hazard", "na", "ok"]
    qtbot.keyClick(run.table, Qt.Key.Key_N)
    settle(qtbot, page)
    assert QApplication.focusWidget() is run.note_edit
    # answering kept the photos and did not disturb the strip
    assert strip.model.rowCount() == 1 and strip.viewer is None and strip.confirm_box is None


def test_folding_the_strip_gives_the_room_back(page, qtbot) -> None:
    run = page.run
    page.window().resize(1280, 800)
    qtbot.wait(20)
    strip = run.photo_strip
    before = run.splitter.sizes()
    strip.set_collapsed(True)
    qtbot.wait(20)
    assert strip.is_collapsed() and strip.view.isHidden()
    folded = run.splitter.sizes()
    assert folded[2] < before[2] and folded[0] > before[0]
    strip.set_collapsed(False)
    qtbot.wait(20)
    assert not strip.view.isHidden() and run.splitter.sizes()[2] >= strip.view.minimumHeight()


def test_finished_summary_counts_the_photos(page, session, qtbot, tmp_path) -> None:
    strip = page.run.photo_strip
    inspection_id = page.run.inspection_id
    paths = [str(jpeg(tmp_path / f"p{i}.jpg", (30 * i, 80, 120))) for i in range(2)]
    wait_import(qtbot, strip, lambda: strip.import_files(paths))
    with qtbot.waitSignal(page.run.finished, timeout=5000) as finished:
        assert page.run.do_finish() is not None
    summary = finished.args[0]
    assert summary is not None and summary["photos"] == 2
    assert page.right.currentWidget() is page.summary
    assert "On-site photos" in page.summary.body.text() or "现场照片" in page.summary.body.text()
    assert strip.target is None and strip.model.rowCount() == 0
    assert len(stored(session, inspection_id)) == 2


def test_screenshot_of_a_run_with_photos(page, session, qtbot, tmp_path) -> None:
    window = page.window()
    window.resize(1366, 800)
    strip = page.run.photo_strip
    colours = [(190, 70, 50), (60, 120, 190), (80, 150, 80), (200, 160, 40)]
    paths = [str(jpeg(tmp_path / f"现场{i}.jpg", c)) for i, c in enumerate(colours)]
    wait_import(qtbot, strip, lambda: strip.import_files(paths))
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(page.run.table, key)
        settle(qtbot, page)
    assert strip.target.hazard_id  # on the hazard's item the strip takes that hazard's photos
    page.run.select_row(0)  # an item without a hazard: the inspection's scene photos again
    qtbot.waitUntil(lambda: strip.model.rowCount() == 4, timeout=3000)
    qtbot.wait(50)
    assert page.run.photo_strip.isVisible() and strip.view.height() >= strip.view.minimumHeight()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / "inspection-run-photos.png"))
        strip.set_collapsed(True)
        qtbot.wait(50)
        assert window.grab().save(str(SHOTS / "inspection-run-photos-folded.png"))
        page.run.do_finish()
        settle(qtbot, page)
        qtbot.wait(50)
        assert window.grab().save(str(SHOTS / "inspection-summary-photos.png"))


def test_view_and_remove_a_photo_of_the_inspection(page, session, qtbot, tmp_path) -> None:
    from inspector_app.ui.qt import QMessageBox

    strip, inspection_id = page.run.photo_strip, page.run.inspection_id
    paths = [str(jpeg(tmp_path / f"r{i}.jpg", (120, 20 * i, 60))) for i in range(2)]
    wait_import(qtbot, strip, lambda: strip.import_files(paths))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 2, timeout=3000)
    viewer = strip.open_viewer(1)
    assert viewer is not None and viewer.isVisible()
    viewer.close()
    box = strip.remove_photo(0)
    assert box is not None and "r0.jpg" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, page)
    assert [p["original_name"] for p in stored(session, inspection_id)] == ["r1.jpg"]
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1, timeout=3000)


def test_demo_photos_show_in_the_hazard_strip(window, session, qtbot) -> None:
    from inspector_app.services.demo import fill_demo
    from inspector_app.ui.main_window import HAZARDS_PAGE

    fill_demo(session, sites=3, hazards=12, photos=6)
    with_photos = session.store.read().execute(
        "SELECT hazard_id, count(*) FROM photo_link GROUP BY hazard_id ORDER BY 2 DESC, 1").fetchall()
    assert sum(n for _, n in with_photos) == 6
    window.resize(1366, 800)
    window.stack.setCurrentIndex(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(with_photos[0][0])
    strip = page.photo_strip
    qtbot.waitUntil(lambda: strip.model.rowCount() == with_photos[0][1], timeout=3000)
    assert not strip.phase_combo.isHidden() and strip.phase_combo.count() == 3  # a hazard: all phases
    pixmap = strip.model.data(strip.model.index(0), Qt.ItemDataRole.DecorationRole)
    assert not pixmap.isNull() and pixmap.width() > 60
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        qtbot.wait(50)
        assert window.grab().save(str(SHOTS / "demo-photos-hazard.png"))
