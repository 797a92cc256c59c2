"""Annotation shapes: validation, storage form, drawing; and the watermark band."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageChops

from inspector_app.core.errors import ValidationError
from inspector_app.photos import annotation
from inspector_app.photos.fonts import cjk_font_file
from inspector_app.photos.watermark import Watermark
from inspector_app.photos.watermark import draw as draw_watermark

SHAPES = {
    "version": 1,
    "shapes": [
        {"type": "arrow", "from": [0.1, 0.1], "to": [0.4, 0.4]},
        {"type": "circle", "box": [0.6, 0.6, 0.9, 0.9], "color": "#00ff00"},
        {"type": "rect", "box": [0.5, 0.1, 0.9, 0.3], "width": 0.01},
        {"type": "text", "at": [0.05, 0.7], "text": "消防通道堵塞", "size": 0.06},
    ],
}


def test_round_trip_through_the_stored_form():
    shapes = annotation.parse(SHAPES)
    assert [s.type for s in shapes] == ["arrow", "ellipse", "rect", "text"]
    stored = annotation.dumps(shapes)
    assert json.loads(stored)["version"] == 1
    assert annotation.parse(stored) == shapes
    assert annotation.parse(json.loads(stored)["shapes"]) == shapes
    assert annotation.dumps([]) is None and annotation.parse(None) == []


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        {"version": 2, "shapes": []},
        {"shapes": [{"type": "star", "box": [0, 0, 1, 1]}]},
        {"shapes": [{"type": "rect", "box": [0, 0, 1]}]},
        {"shapes": [{"type": "rect", "box": [0, 0, 1.5, 1]}]},
        {"shapes": [{"type": "rect", "box": [0, 0, "x", 1]}]},
        {"shapes": [{"type": "rect", "box": [0, 0, float("nan"), 1]}]},
        {"shapes": [{"type": "arrow", "from": [0, 0]}]},
        {"shapes": [{"type": "text", "at": [0, 0], "text": ""}]},
        {"shapes": [{"type": "text", "at": [0, 0], "text": "x" * 500}]},
        {"shapes": [{"type": "rect", "box": [0, 0, 1, 1], "color": "red"}]},
        {"shapes": [{"type": "rect", "box": [0, 0, 1, 1], "width": 0.5}]},
        {"shapes": ["rect"]},
        {"shapes": [{"type": "rect", "box": [0, 0, 1, 1]}] * 201},
    ],
)
def test_bad_shapes_are_refused_in_both_languages(bad):
    with pytest.raises(ValidationError) as caught:
        annotation.parse(bad)
    assert caught.value.code == "bad_annotation"
    assert caught.value.message("en").startswith("annotation:")
    assert caught.value.message("zh").startswith("标注无效")


def _changed_box(a: Image.Image, b: Image.Image) -> tuple[int, int, int, int] | None:
    return ImageChops.difference(a, b).getbbox()


def test_each_shape_draws_where_it_is():
    base = Image.new("RGB", (400, 300), (128, 128, 128))
    for raw, region in (
        ({"type": "rect", "box": [0.5, 0.5, 0.75, 0.75]}, (195, 145, 306, 230)),
        ({"type": "ellipse", "box": [0.1, 0.1, 0.3, 0.3]}, (35, 25, 125, 95)),
        ({"type": "arrow", "from": [0.9, 0.1], "to": [0.6, 0.4]}, (225, 25, 365, 125)),
        ({"type": "text", "at": [0.1, 0.7], "text": "隐患"}, (35, 200, 140, 260)),
    ):
        drawn = annotation.draw(base, annotation.parse([raw]))
        box = _changed_box(base, drawn)
        assert box is not None, raw
        x0, y0, x1, y1 = region
        assert x0 <= box[0] and y0 <= box[1] and box[2] <= x1 and box[3] <= y1, (raw, box)
    assert _changed_box(base, Image.new("RGB", (400, 300), (128, 128, 128))) is None  # untouched


def test_watermark_band_stays_at_the_bottom():
    base = Image.new("RGB", (640, 480), (200, 200, 200))
    marked = draw_watermark(base, Watermark("2026-09-28 10:12", "兴旺五金厂 · 二楼", "张三", "ab" * 32))
    box = _changed_box(base, marked)
    assert box is not None and box[1] > 480 * 0.6 and box[3] == 480
    assert Watermark().lines() == [] and _changed_box(base, draw_watermark(base, Watermark())) is None
    assert Watermark(sha256="ab" * 32).lines() == ["校验 abababababab"]


def test_a_cjk_font_is_found_on_this_machine_or_we_say_why():
    path = cjk_font_file()
    if path is None:
        pytest.skip("no CJK font installed (Debian: fonts-wqy-microhei); the default font is used")
    assert path.exists()
