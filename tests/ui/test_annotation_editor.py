"""The annotation editor: shapes drawn with the mouse land where ``render_photo`` draws them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.services import photo_edits
from inspector_app.services import photos as photo_service
from inspector_app.ui.main_window import HAZARDS_PAGE
from inspector_app.ui.qt import QPointF, Qt
from tests.helpers import sha256_of
from tests.ui.helpers import add_hazards, add_sites

pytestmark = pytest.mark.ui

SHOTS = Path("/tmp/ui-shots")


@pytest.fixture
def photo_page(window, session, tmp_path):
    """The hazard page with one hazard holding one plain grey 800×600 photo."""
    site_id = add_sites(session, 1, prefix="幸福里小区")[0]
    hazard_id = add_hazards(session, site_id, 1)[0]
    path = tmp_path / "消防通道.jpg"
    Image.new("RGB", (800, 600), (128, 128, 128)).save(path, quality=95)
    result = photo_service.import_photos(session, hazard_id, [path], "before", workers=0)
    assert result.all_imported
    window.stack.setCurrentIndex(HAZARDS_PAGE)
    page = window.hazards_page
    page.reload()
    assert page.select_id(hazard_id)
    assert page.photo_strip.model.rowCount() == 1
    return page


def open_editor(qtbot, page):
    viewer = page.photo_strip.open_viewer(0)
    qtbot.waitExposed(viewer)
    editor = viewer.annotate()
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.resize(1000, 760)
    qtbot.wait(20)
    editor._fit()
    return viewer, editor


def drag(qtbot, editor, a: tuple[float, float], b: tuple[float, float]) -> None:
    """Press at scene point ``a``, move through the middle, release at ``b``."""
    view = editor.view
    start = view.mapFromScene(QPointF(*a))
    end = view.mapFromScene(QPointF(*b))
    middle = (start + end) / 2
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=middle)
    qtbot.mouseMove(view.viewport(), pos=end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def is_red(pixel: tuple[int, int, int]) -> bool:
    r, g, b = pixel
    return r > 200 and g < 70 and b < 70


def red_near(image: Image.Image, x: int, y: int, radius: int = 6) -> bool:
    """Red within a few pixels of (x, y): the line is a few pixels wide, drawn inward."""
    return any(is_red(image.getpixel((i, j)))
               for i in range(x - radius, x + radius + 1) for j in range(y - radius, y + radius + 1))


def test_rectangle_drawn_with_the_mouse_is_saved_and_rendered_in_place(photo_page, session, qtbot) -> None:
    photo = photo_page.photo_strip.model.photos[0]
    original = photo_service.original_path(session, photo["sha256"])
    before_hash = sha256_of(original)
    viewer, editor = open_editor(qtbot, photo_page)
    assert editor.image_size == (800, 600)
    assert editor.view.tool == "rect"  # the tool a user wants first

    drag(qtbot, editor, (200, 150), (600, 450))
    assert len(editor.shape_items()) == 1
    [shape] = editor.shapes()
    assert shape["type"] == "rect" and shape["color"] == "#FF0000"
    assert shape["box"] == pytest.approx([200 / 799, 150 / 599, 600 / 799, 450 / 599], abs=0.01)
    assert editor.windowTitle().endswith("*")  # unsaved

    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    new_id = saved.args[0]
    assert new_id != photo["id"]

    stored = photo_edits.get_annotation(session, new_id)
    assert [s.type for s in stored] == ["rect"]
    assert stored[0].points == pytest.approx((200 / 799, 150 / 599, 600 / 799, 450 / 599), abs=0.01)
    assert photo_edits.get_annotation(session, photo["id"]) == []  # the old version is kept as it was

    rendered = photo_edits.render_photo(session, new_id).convert("RGB")
    assert rendered.size == (800, 600)
    for x, y in [(200, 300), (600, 300), (400, 150), (400, 450)]:  # the four edges, where drawn
        assert red_near(rendered, x, y), (x, y)
    for x, y in [(400, 300), (100, 100), (700, 520), (200, 140), (620, 300)]:  # elsewhere: grey
        assert not red_near(rendered, x, y, radius=3), (x, y)
    assert sha256_of(original) == before_hash  # the original is never modified

    # the viewer follows the new version; the strip shows it once (the old one is superseded)
    assert viewer.current["id"] == new_id and viewer.current["annotated"]
    qtbot.waitUntil(lambda: [p["id"] for p in photo_page.photo_strip.model.photos] == [new_id])

    # reopening shows the saved shape as an item again
    editor2 = viewer.annotate()
    qtbot.waitExposed(editor2)
    assert len(editor2.shape_items()) == 1
    assert editor2.shapes()[0]["box"] == pytest.approx(list(stored[0].points), abs=0.002)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        editor2.set_tool("arrow")
        drag(qtbot, editor2, (100, 80), (190, 140))
        editor2.set_tool("ellipse")
        drag(qtbot, editor2, (620, 60), (760, 180))
        editor2.text_edit.setText("消防通道堵塞")
        editor2.set_tool("text")
        drag(qtbot, editor2, (220, 470), (220, 470))
        SHOTS.mkdir(parents=True, exist_ok=True)
        editor2.grab().save(str(SHOTS / "photos-annotation-editor.png"))
    editor2.undo_stack.setClean()
    editor2.reject()
    viewer.close()


def test_undo_redo_move_delete_and_other_tools(photo_page, session, qtbot) -> None:
    viewer, editor = open_editor(qtbot, photo_page)
    editor.set_tool("arrow")
    drag(qtbot, editor, (100, 100), (300, 200))
    editor.set_tool("ellipse")
    drag(qtbot, editor, (400, 300), (500, 380))
    drag(qtbot, editor, (10, 10), (11, 11))  # a click is not a shape
    assert [i.data(0) for i in editor.shape_items()] == ["arrow", "ellipse"]

    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.data(0) for i in editor.shape_items()] == ["arrow"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [i.data(0) for i in editor.shape_items()] == ["arrow", "ellipse"]

    # text needs its words first; then a click places it
    editor.set_tool("text")
    assert editor.add_text_at(QPointF(50, 500)) is None
    editor.text_edit.setText("堆放杂物")
    drag(qtbot, editor, (50, 500), (50, 500))
    assert [i.data(0) for i in editor.shape_items()] == ["arrow", "ellipse", "text"]

    # select the ellipse, move it by dragging, undo the move, delete it, undo the delete
    editor.set_tool("select")
    ellipse = editor.shape_items()[1]
    drag(qtbot, editor, (450, 300), (550, 300))  # press on its top edge, drag right
    assert ellipse.isSelected()
    moved = editor.shape_of(ellipse)["box"]
    assert moved[0] == pytest.approx(500 / 799, abs=0.01)
    editor.undo_stack.undo()
    assert editor.shape_of(ellipse)["box"][0] == pytest.approx(400 / 799, abs=0.01)
    ellipse.setSelected(True)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert [i.data(0) for i in editor.shape_items()] == ["arrow", "text"]
    editor.undo_stack.undo()
    assert [i.data(0) for i in editor.shape_items()] == ["arrow", "ellipse", "text"]

    # a colour change recolours the selection and is one undo step
    ellipse.setSelected(True)
    editor.color_combo.setCurrentIndex(editor.color_combo.findData("#2979FF"))
    assert sorted(s["color"] for s in editor.shapes()) == ["#2979FF", "#FF0000", "#FF0000"]
    editor.undo_stack.undo()
    assert sorted(s["color"] for s in editor.shapes()) == ["#FF0000"] * 3

    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        assert editor.save() is not None
    new_id = saved.args[0]
    stored = photo_edits.get_annotation(session, new_id)
    assert [s.type for s in stored] == ["arrow", "ellipse", "text"]
    assert stored[0].points == pytest.approx((100 / 799, 100 / 599, 300 / 799, 200 / 599), abs=0.01)
    assert stored[2].text == "堆放杂物"
    viewer.close()


def test_cancel_with_changes_asks_and_saving_nothing_clears(photo_page, session, qtbot) -> None:
    viewer, editor = open_editor(qtbot, photo_page)
    drag(qtbot, editor, (100, 100), (200, 200))
    editor.reject()
    box = editor.message_box
    assert box is not None and box.isVisible() and editor.isVisible()  # asks, loses nothing
    box.button(box.StandardButton.Cancel).click()
    assert editor.isVisible()
    editor.undo_stack.undo()  # back to clean: Esc leaves at once
    editor.reject()
    assert not editor.isVisible()
    viewer.close()


def test_viewer_watermark_toggle_and_saved_copy(photo_page, session, qtbot, tmp_path) -> None:
    viewer = photo_page.photo_strip.open_viewer(0)
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow, timeout=2000)
    plain = viewer.pixmap.toImage()
    qtbot.keyClick(viewer, Qt.Key.Key_W)
    assert viewer.watermark_check.isChecked()
    marked = viewer.pixmap.toImage()
    assert (marked.width(), marked.height()) == (plain.width(), plain.height())
    assert marked != plain  # the watermark band is drawn on the copy
    out = viewer.export_copy(str(tmp_path / "副本.jpg"))
    assert out is not None and out.exists()
    copy = Image.open(out)
    original = Image.open(photo_service.original_path(session, viewer.current["sha256"]))
    assert copy.size == original.size
    # the original file is untouched: its hash is still its name
    digest = hashlib.sha256(photo_service.original_path(session, viewer.current["sha256"]).read_bytes())
    assert digest.hexdigest() == viewer.current["sha256"]
    viewer.resize(980, 760)
    viewer.grab().save(str(SHOTS / "photos-viewer-watermark.png"))
