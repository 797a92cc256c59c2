"""The photo strip as a gallery: badges, paste, remove, before/after, 2,000 photos lazily."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.photos.results import OK, REUSED_ELSEWHERE
from inspector_app.services import hazards as hazard_service
from inspector_app.services import photo_edits
from inspector_app.services import photos as photo_service
from inspector_app.store import media
from inspector_app.ui import photo_strip
from inspector_app.ui.main_window import HAZARDS_PAGE
from inspector_app.ui.photo_strip import PhotoStrip
from inspector_app.ui.qt import QMimeData, Qt, QUrl
from tests.helpers import sha256_of
from tests.ui.helpers import add_hazards, add_sites, settle

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")
AMBER = (0xF9, 0xAB, 0x00)


def jpeg_file(path: Path, colour: tuple[int, int, int], size=(320, 240)) -> Path:
    im = Image.new("RGB", size, colour)
    im.paste((255, 255, 255), (size[0] // 3, size[1] // 3, size[0] // 2, size[1] // 2))
    im.save(path, quality=92)
    return path


def add_gallery(session, hazard_id: str, n: int) -> list[str]:
    """``n`` distinct photos on a hazard: rows and on-disk thumbnails only, no originals.

    Anything that decodes (or even locates) an original fails for these, so a gallery that
    shows them all shows that it reads thumbnails alone.
    """
    import hashlib

    data_dir = session.store.data_dir
    shas = []
    for i in range(n):
        tile = Image.new("RGB", (160, 120), ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256))
        buf = io.BytesIO()
        tile.save(buf, "JPEG", quality=70)
        sha = hashlib.sha256(f"gallery photo {i}".encode()).hexdigest()
        media.put_thumbnail(data_dir, sha, buf.getvalue())
        shas.append(sha)

    def job(tx) -> None:
        for i, sha in enumerate(shas):
            tx.insert("media", {"id": sha, "kind": "photo", "mime": "image/jpeg", "size": 1000,
                                "width": 4000, "height": 3000,
                                "taken_at": f"2026-09-{1 + i % 28:02d}T08:{i % 60:02d}:00+08:00",
                                "taken_at_source": "exif", "original_name": f"IMG_{i:04d}.jpg"})
            tx.insert("photo_link", {"media_id": sha, "hazard_id": hazard_id,
                                     "phase": ("before", "after", "scene")[i % 3]})

    session.write(job)
    return shas


@pytest.fixture
def page(window, session):
    site_id = add_sites(session, 1, prefix="幸福里小区")[0]
    hazard_id = add_hazards(session, site_id, 2)[0]
    window.stack.setCurrentIndex(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(hazard_id)
    page.photo_strip.import_workers = 0
    return page


def wait_import(qtbot, strip, start):
    with qtbot.waitSignal(strip.imported, timeout=30000) as done:
        op = start()
        assert op is not None
    return done.args[0]


def test_paste_image_data_and_copied_files(page, session, qtbot, tmp_path) -> None:
    from inspector_app.ui.qt import QGuiApplication, QImage

    strip = page.photo_strip
    # Ctrl+V of a copied image (a screenshot, an image copied in a chat app). Set through
    # setImage: QClipboard.setMimeData with a Python-made QMimeData double-frees at exit
    # in PySide 6.12, so the other cases hand their QMimeData to paste_mime directly.
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    strip.view.setFocus()
    before = set(Path(tempfile.gettempdir()).glob("inspector-paste-*"))
    with qtbot.waitSignal(strip.imported, timeout=30000) as done:
        qtbot.keyClick(strip.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [r.status for r in done.args[0].results] == [OK]
    stored = photo_service.photos_of_hazard(session, strip.hazard_id)
    assert len(stored) == 1 and stored[0]["original_name"].endswith(".png")
    assert stored[0]["mime"] == "image/png" and stored[0]["width"] == 64
    qtbot.waitUntil(lambda: set(Path(tempfile.gettempdir()).glob("inspector-paste-*")) == before)
    QGuiApplication.clipboard().clear()

    # the copied file's own bytes (image/jpeg data) are stored as they are, not re-encoded
    jpeg = (tmp_path / "copied.jpg")
    jpeg_file(jpeg, (200, 120, 0))
    mime = QMimeData()
    mime.setData("image/jpeg", jpeg.read_bytes())
    result = wait_import(qtbot, strip, lambda: strip.paste_mime(mime))
    assert result.results[0].status == OK
    assert result.results[0].sha256 == sha256_of(jpeg)

    # copied files (a file manager's copy): imported with the chosen phase
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("after"))
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(jpeg_file(tmp_path / "整改后.jpg", (0, 120, 0))))])
    assert wait_import(qtbot, strip, lambda: strip.paste_mime(files)).count(OK) == 1
    phases = sorted(p["phase"] for p in photo_service.photos_of_hazard(session, strip.hazard_id))
    assert phases == ["after", "scene", "scene"]  # the first two went in with the default phase

    # nothing usable on the clipboard: a notice, no import
    empty = QMimeData()
    empty.setText("just words")
    with qtbot.waitSignal(window_events(page).notice) as notice:
        assert strip.paste_mime(empty) is None
    assert notice.args[0]


def window_events(page):
    return page.photo_strip.ctx.events


def test_remove_photo_with_del_asks_first(page, session, qtbot, tmp_path) -> None:
    strip = page.photo_strip
    hazard_id = strip.hazard_id
    paths = [jpeg_file(tmp_path / f"现场{i}.jpg", (200, 30 * i, 30)) for i in range(2)]
    wait_import(qtbot, strip, lambda: strip.import_files([str(p) for p in paths]))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 2)
    doomed = strip.model.photos[0]["id"]

    strip.view.setCurrentIndex(strip.model.index(0))
    strip.view.setFocus()
    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
    box = strip.confirm_box
    assert box is not None and box.isVisible()
    assert strip.model.photos[0]["original_name"] in box.text()
    box.button(box.StandardButton.Cancel).click()  # cancel: nothing happens
    assert strip.model.rowCount() == 2 and strip.confirm_box is None

    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
    strip.confirm_box.button(strip.confirm_box.StandardButton.Yes).click()
    settle(qtbot, strip)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1)
    assert doomed not in {p["id"] for p in photo_service.photos_of_hazard(session, hazard_id)}
    assert hazard_service.get_hazard(session, hazard_id)  # Del took the photo, not the hazard
    assert page.photo_strip.hazard_id == hazard_id


def test_compare_before_and_after(page, session, qtbot, tmp_path) -> None:
    strip = page.photo_strip
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("before"))
    before = [jpeg_file(tmp_path / f"整改前{i}.jpg", (210, 20 + 30 * i, 20)) for i in range(2)]
    wait_import(qtbot, strip, lambda: strip.import_files([str(p) for p in before]))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 2)
    assert not strip.compare_button.isVisible()  # no after photo yet
    assert strip.open_compare() is None
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("after"))
    after = jpeg_file(tmp_path / "整改后.jpg", (20, 170, 40))
    wait_import(qtbot, strip, lambda: strip.import_files([str(after)]))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3)
    assert strip.compare_button.isVisible()

    strip.compare_button.click()
    dialog = strip.compare
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert len(dialog.before.photos) == 2 and len(dialog.after.photos) == 1

    def dominant(pixmap) -> tuple[int, int, int]:
        image = pixmap.toImage()
        c = image.pixelColor(5, 5)
        return c.red(), c.green(), c.blue()

    r, g, _ = dominant(dialog.before.pixmap)
    assert r > 150 and g < 80  # the red before photo on the left
    r, g, _ = dominant(dialog.after.pixmap)
    assert g > 120 and r < 80  # the green after photo on the right
    assert "整改后.jpg" in dialog.after.caption.text()
    first = dialog.before.current["id"]
    dialog.before.next_button.click()
    assert dialog.before.current["id"] != first and not dialog.before.next_button.isEnabled()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.resize(1100, 560)
        qtbot.wait(30)
        dialog.grab().save(str(SHOTS / "photos-compare.png"))
    dialog.close()


def test_flag_badge_and_tooltip_for_a_photo_reused_on_another_site(page, session, qtbot, tmp_path) -> None:
    strip = page.photo_strip
    other_site = add_sites(session, 1, prefix="阳光花园")[0]
    other_hazard = add_hazards(session, other_site, 1)[0]
    shared = jpeg_file(tmp_path / "同一张.jpg", (90, 90, 200))
    photo_service.import_photos(session, other_hazard, [shared], "before", workers=0)
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("before"))
    own = jpeg_file(tmp_path / "自己的.jpg", (90, 200, 90))
    result = wait_import(qtbot, strip, lambda: strip.import_files([str(shared), str(own)]))
    assert REUSED_ELSEWHERE in result.results[0].flags and not result.results[1].flags
    qtbot.waitUntil(lambda: strip.model.rowCount() == 2)

    rows = {p["original_name"]: i for i, p in enumerate(strip.model.photos)}
    flagged, clean = strip.model.index(rows["同一张.jpg"]), strip.model.index(rows["自己的.jpg"])
    tip = strip.model.data(flagged, Qt.ItemDataRole.ToolTipRole)
    assert "⚠" in tip and "1" in tip
    assert "⚠" not in strip.model.data(clean, Qt.ItemDataRole.ToolTipRole)

    page.window().resize(1280, 800)
    qtbot.wait(30)
    shot = strip.view.viewport().grab().toImage()

    def amber_in(index) -> int:
        rect = strip.view.visualRect(index)
        count = 0
        for x in range(rect.center().x(), rect.right()):
            for y in range(rect.top(), rect.top() + 30):
                c = shot.pixelColor(x, y)
                if abs(c.red() - AMBER[0]) < 12 and abs(c.green() - AMBER[1]) < 12 and c.blue() < 40:
                    count += 1
        return count

    assert amber_in(flagged) > 20 and amber_in(clean) == 0
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        SHOTS.mkdir(parents=True, exist_ok=True)
        strip.grab().save(str(SHOTS / "photos-strip-badges.png"))


def test_two_thousand_photos_load_thumbnails_lazily(ctx, session, qtbot, monkeypatch) -> None:
    site_id = add_sites(session, 1)[0]
    hazard_id = add_hazards(session, site_id, 1)[0]
    add_gallery(session, hazard_id, 2000)
    originals: list[str] = []
    real_original = photo_service.original_path
    real_render = photo_edits.render_photo

    def counting_original(s, sha):
        originals.append(sha)
        return real_original(s, sha)

    def counting_render(*a, **k):
        originals.append("render")
        return real_render(*a, **k)

    monkeypatch.setattr(photo_service, "original_path", counting_original)
    monkeypatch.setattr(photo_edits, "render_photo", counting_render)

    strip = PhotoStrip(ctx)
    qtbot.addWidget(strip)
    strip.model.cache_size = 300
    strip.resize(900, 420)
    strip.show()
    qtbot.waitExposed(strip)
    strip.set_hazard(hazard_id)
    assert strip.model.rowCount() == 2000
    qtbot.wait(30)
    first_page = strip.model.thumbnail_loads
    assert 0 < first_page < 100  # only what is on screen

    strip.view.scrollToBottom()  # jump to the end: the last screenful, nothing between
    qtbot.wait(30)
    assert strip.model.thumbnail_loads < 2 * first_page + 20

    bar = strip.view.verticalScrollBar()
    bar.setValue(0)
    while bar.value() < bar.maximum():  # page through every photo
        bar.setValue(bar.value() + bar.pageStep())
        strip.view.viewport().repaint()
    assert strip.model.thumbnail_loads >= 1900  # every one was shown…
    assert len(strip.model._pixmaps) <= 300  # …memory stays bounded
    assert originals == []  # …and not one original was opened
    last = strip.model.index(1999)
    assert not strip.model.data(last, Qt.ItemDataRole.DecorationRole).isNull()
    assert photo_strip.THUMB.width() >= strip.model.data(last, Qt.ItemDataRole.DecorationRole).width()
    strip.shutdown()


def test_real_camera_photos_through_strip_viewer_editor_and_compare(page, session, qtbot) -> None:
    """Real photos end to end: badges on the page, E opens the editor, the saved shapes show
    in the viewer and the comparison (and screenshots of each when offscreen)."""
    from tests.photo_samples import fixtures

    gps, orientation = fixtures("gps"), fixtures("orientation")
    strip = page.photo_strip
    other_hazard = add_hazards(session, add_sites(session, 1, prefix="阳光花园")[0], 1)[0]
    photo_service.import_photos(session, other_hazard, [gps / "DSCN0010.jpg"], "before", workers=0)
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("before"))
    wait_import(qtbot, strip, lambda: strip.import_files(
        [str(gps / n) for n in ("DSCN0010.jpg", "DSCN0012.jpg", "DSCN0021.jpg")]))
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("after"))
    wait_import(qtbot, strip, lambda: strip.import_files(
        [str(orientation / "landscape_6.jpg"), str(gps / "DSCN0025.jpg")]))
    qtbot.waitUntil(lambda: strip.model.rowCount() == 5)
    assert sum(1 for p in strip.model.photos if p["flags"]) == 1
    assert strip.compare_button.isVisible()

    # open the last before photo, press E, draw, save with Ctrl+S
    row = max(i for i, p in enumerate(strip.model.photos) if p["phase"] == "before")
    viewer = strip.open_viewer(row)
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    qtbot.keyClick(viewer, Qt.Key.Key_E)
    editor = viewer.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    w, h = editor.image_size
    assert (w, h) == (640, 480)
    for tool, a, b in (("rect", (0.30, 0.35), (0.62, 0.80)), ("arrow", (0.10, 0.12), (0.28, 0.33)),
                       ("ellipse", (0.70, 0.10), (0.92, 0.40))):
        editor.set_tool(tool)
        view = editor.view
        start = view.mapFromScene(a[0] * w, a[1] * h)
        end = view.mapFromScene(b[0] * w, b[1] * h)
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), pos=end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    editor.text_edit.setText("消防通道堵塞")
    editor.add_text_at(editor.view.mapToScene(editor.view.mapFromScene(0.30 * w, 0.83 * h)))
    assert [s["type"] for s in editor.shapes()] == ["rect", "arrow", "ellipse", "text"]
    shots = os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    if shots:
        SHOTS.mkdir(parents=True, exist_ok=True)
        editor.grab().save(str(SHOTS / "photos-annotation-editor-real.png"))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert viewer.current["annotated"]
    rendered = photo_edits.render_photo(session, viewer.current["id"]).convert("RGB")
    r, g, b = rendered.getpixel((round(0.30 * 639) + 2, round(0.55 * 479)))
    assert r > 200 and g < 80 and b < 80  # the rectangle's left edge, where it was drawn
    if shots:
        viewer.grab().save(str(SHOTS / "photos-viewer-annotated.png"))
    viewer.close()

    qtbot.waitUntil(lambda: any(p["annotated"] for p in strip.model.photos))
    if shots:
        page.window().resize(1280, 800)
        page.detail_split.setSizes([420, 300])
        qtbot.wait(50)
        page.window().grab().save(str(SHOTS / "photos-page-badges.png"))
    dialog = strip.open_compare()
    qtbot.waitExposed(dialog)
    assert dialog.after.current["original_name"] in {"landscape_6.jpg", "DSCN0025.jpg"}
    portrait = next(p for p in dialog.after.photos if p["original_name"] == "landscape_6.jpg")
    dialog.after.show_row(dialog.after.photos.index(portrait))
    assert dialog.after.pixmap.height() < dialog.after.pixmap.width()  # shown upright
    if shots:
        dialog.before.show_row(len(dialog.before.photos) - 1)
        dialog.resize(1200, 600)
        qtbot.wait(30)
        dialog.grab().save(str(SHOTS / "photos-compare-real.png"))
    dialog.close()


def test_after_photo_taken_before_the_notice_is_flagged_with_the_reason(page, session, qtbot,
                                                                         tmp_path) -> None:
    from inspector_app.photos.results import AFTER_BEFORE_NOTICE
    from inspector_app.services import rectification
    from tests.photo_samples import camera_exif, jpeg, pattern

    strip = page.photo_strip
    rectification.notify(session, strip.hazard_id, served_on="2026-09-25")
    early = tmp_path / "整改后_早.jpg"
    early.write_bytes(jpeg(pattern(), app1=camera_exif(taken="2026:09:21 10:30:00")))
    strip.phase_combo.setCurrentIndex(strip.phase_combo.findData("after"))
    result = wait_import(qtbot, strip, lambda: strip.import_files([str(early)]))
    assert AFTER_BEFORE_NOTICE in result.results[0].flags
    qtbot.waitUntil(lambda: strip.model.rowCount() == 1)
    tip = strip.model.data(strip.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "⚠" in tip and "2026-09-25" in tip and "2026-09-21" in tip
    viewer = strip.open_viewer(0)
    assert "⚠" in viewer.caption.text() and "2026-09-25" in viewer.caption.text()
    viewer.close()
