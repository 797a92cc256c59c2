"""Photo evidence in the hazard page: import through the strip, lazy thumbnails, the viewer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.photos.results import ERROR, OK
from inspector_app.services import photos as photo_service
from inspector_app.ui import photo_strip
from inspector_app.ui.main_window import HAZARDS_PAGE
from inspector_app.ui.qt import Qt
from tests.ui.helpers import add_hazards, add_sites

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


def make_photos(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, colour in enumerate([(200, 40, 40), (40, 160, 60)]):
        path = folder / f"现场{i}.jpg"
        Image.new("RGB", (160, 120), colour).save(path, quality=90)
        paths.append(path)
    rotated = folder / "rotated.jpg"  # stored landscape, shown upright (portrait)
    exif = Image.Exif()
    exif[0x0112] = 6
    im = Image.new("RGB", (200, 100), (30, 60, 200))
    im.paste((250, 220, 0), (0, 0, 40, 100))  # a yellow band on the stored left edge
    im.save(rotated, quality=90, exif=exif)
    paths.append(rotated)
    broken = folder / "broken.jpg"
    broken.write_bytes(b"not an image at all, just some text pretending to be a jpeg")
    paths.append(broken)
    return paths


@pytest.fixture
def page(window, session):
    site_id = add_sites(session, 1)[0]
    hazard_id = add_hazards(session, site_id, 2)[0]
    window.stack.setCurrentIndex(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(hazard_id)
    assert page.photo_strip.hazard_id == hazard_id
    return page


def import_through_strip(qtbot, strip, paths, workers=None):
    strip.import_workers = workers
    with qtbot.waitSignal(strip.imported, timeout=60000) as done:
        op = strip.import_files([str(p) for p in paths])
        assert op is not None
    return done.args[0]


def test_import_shows_thumbnails_without_decoding_originals(page, session, qtbot, tmp_path,
                                                            monkeypatch) -> None:
    strip = page.photo_strip
    assert strip.model.rowCount() == 0 and strip.empty_label.isVisible()
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("before"))
    paths = make_photos(tmp_path / "in")
    result = import_through_strip(qtbot, strip, paths)  # 4 files: the real process pool

    assert [r.status for r in result.results] == [OK, OK, OK, ERROR]
    assert "broken.jpg" in (result.failed[0].message("en") or "")
    stored = photo_service.photos_of_hazard(session, strip.hazard_id)
    assert sorted(p["original_name"] for p in stored) == ["rotated.jpg", "现场0.jpg", "现场1.jpg"]
    assert {p["phase"] for p in stored} == {"before"}
    assert "3" in strip.last_summary and "1" in strip.last_summary
    assert strip.result_box is not None and strip.result_box.isVisible()  # the failure, non-modal
    assert not strip.result_box.isModal()
    assert "broken.jpg" in strip.result_box.detailedText()

    # the strip refreshed through the published Changes; thumbnails load on demand only
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3, timeout=3000)
    asked: list[Path] = []
    real_thumb = photo_service.thumbnail_path

    def counting_thumb(s, sha):
        path = real_thumb(s, sha)
        asked.append(path)
        return path

    def no_originals(*_a, **_k):
        raise AssertionError("the strip decoded an original")

    monkeypatch.setattr(photo_strip.photo_service, "thumbnail_path", counting_thumb)
    monkeypatch.setattr(photo_service, "original_path", no_originals)
    strip.model.reload()  # the same cache: nothing asked again
    strip.model._pixmaps.clear()
    model = strip.model
    assert asked == []  # a reset alone loads nothing
    for row in range(model.rowCount()):
        pixmap = model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
        assert not pixmap.isNull() and max(pixmap.width(), pixmap.height()) <= photo_strip.THUMB.width()
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)  # cached now
    assert len(asked) == 3
    thumbs_dir = photo_service.media.thumb_path(session.store.data_dir, "0" * 64).parents[1]
    assert all(thumbs_dir in p.parents for p in asked)
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tip and "\n" in tip

    # importing the same files again: duplicates, nothing new
    again = import_through_strip(qtbot, strip, paths[:2], workers=0)
    assert [r.status for r in again.results] == ["duplicate", "duplicate"]
    assert strip.model.rowCount() == 3

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        strip.result_box.close()
        page.window().resize(1280, 800)
        qtbot.wait(50)
        page.window().grab().save(str(SHOTS / "photos-hazard-page.png"))


def test_viewer_shows_upright_copy_and_pages(page, session, qtbot, tmp_path) -> None:
    strip = page.photo_strip
    paths = make_photos(tmp_path / "in")[:3]
    import_through_strip(qtbot, strip, paths, workers=0)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3, timeout=3000)
    names = [p["original_name"] for p in strip.model.photos]
    row = names.index("rotated.jpg")

    strip.view.setCurrentIndex(strip.model.index(row))
    strip.view.setFocus()
    qtbot.keyClick(strip.view, Qt.Key.Key_Return)
    viewer = strip.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.waitExposed(viewer)
    assert viewer.row == row
    assert viewer.pixmap.height() > viewer.pixmap.width()  # EXIF orientation 6 applied
    assert viewer.current["sha256"][:12] in viewer.caption.text()
    assert "rotated.jpg" in viewer.caption.text()

    fit = viewer.scale()
    viewer.zoom_in()
    assert viewer.scale() == pytest.approx(fit * 1.25)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.scale() < fit
    viewer.fit()
    assert viewer.zoom is None

    viewer.show_row(0)
    viewer.activateWindow()
    viewer.next()
    assert viewer.row == 1
    viewer.next()
    viewer.next()  # stays on the last one
    assert viewer.row == 2 and not viewer.next_button.isEnabled()
    viewer.previous()
    assert viewer.row == 1
    viewer.prev_button.click()
    assert viewer.row == 0 and not viewer.prev_button.isEnabled()

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        viewer.show_row(row)
        viewer.grab().save(str(SHOTS / "photos-viewer.png"))
    viewer.close()


def test_viewer_keys(page, qtbot, tmp_path) -> None:
    strip = page.photo_strip
    import_through_strip(qtbot, strip, make_photos(tmp_path / "in")[:3], workers=0)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3, timeout=3000)
    viewer = strip.open_viewer(0)
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow, timeout=2000)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.row == 1
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.row == 2
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.row == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom is not None
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom is None
    viewer.close()


def test_no_hazard_selected_disables_adding(page) -> None:
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, 0))
    assert page.photo_strip.hazard_id is None
    assert not page.photo_strip.add_button.isEnabled()
    assert page.photo_strip.import_files(["/nonexistent.jpg"]) is None


def test_dropping_a_folder_imports_it(page, session, qtbot, tmp_path) -> None:
    from inspector_app.ui.qt import QDropEvent, QMimeData, QPoint, QUrl

    strip = page.photo_strip
    strip.import_workers = 0
    folder = tmp_path / "drop"
    make_photos(folder)
    (folder / "broken.jpg").unlink()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(strip.imported, timeout=30000) as done:
        strip.view.dropEvent(event)
    assert event.isAccepted()
    assert done.args[0].count(OK) == 3
    assert {p["phase"] for p in photo_service.photos_of_hazard(session, strip.hazard_id)} == {"scene"}
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3, timeout=3000)
