"""All 8 EXIF orientations show upright with the same content (rendered copy and thumbnail)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageOps

from inspector_app.photos.orientation import TRANSFORMS
from inspector_app.photos.render import render
from inspector_app.photos.worker import Prepared, prepare
from tests import photo_samples as ps

# JPEG noise on flat colour blocks stays far below this; a wrong flip or turn of the
# pattern moves whole quadrants (a difference of 60+ on the 0–255 scale)
TOLERANCE = 8.0


@pytest.mark.parametrize("orientation", range(1, 9))
def test_generated_orientation_lands_upright(tmp_path, orientation):
    upright = ps.pattern(96, 64)
    stored = ps.stored_for(upright, orientation)
    path = tmp_path / f"o{orientation}.jpg"
    path.write_bytes(ps.jpeg(stored, app1=ps.camera_exif(orientation=orientation)))

    p = prepare(str(path))
    assert isinstance(p, Prepared), p
    assert p.orientation == orientation
    assert (p.width, p.height) == (96, 64)  # displayed size, whatever was stored

    shown = render(path)
    assert shown.size == (96, 64)
    assert ps.mean_difference(shown, upright) < TOLERANCE
    thumb = Image.open(io.BytesIO(p.thumbnail))
    assert thumb.size[0] > thumb.size[1]
    assert ps.mean_difference(thumb, upright) < TOLERANCE


@pytest.mark.parametrize("orientation", [2, 3, 4, 5, 6, 7, 8])
def test_a_wrong_transform_would_be_caught(orientation):
    # guards the test itself: each stored variant really differs from the upright image
    upright = ps.pattern(96, 64)
    stored = ps.stored_for(upright, orientation)
    assert ps.mean_difference(stored, upright) > 4 * TOLERANCE


def _levels(im: Image.Image) -> Image.Image:
    # the fixtures' orientation-1 file was saved brighter than 2-8: compare equalised grey
    return ImageOps.equalize(im.convert("L"))


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_fixture_orientations_match_orientation_1(shape, orientation):
    folder = ps.fixtures("orientation")
    reference = render(folder / f"{shape}_1.jpg")
    path = folder / f"{shape}_{orientation}.jpg"
    shown = render(path)
    assert shown.size == reference.size
    assert ps.mean_difference(_levels(shown), _levels(reference), (24, 24)) < TOLERANCE
    # and every other way to turn or flip it is clearly worse
    for transform in filter(None, TRANSFORMS.values()):
        turned = reference.transpose(transform).resize(shown.size)
        assert ps.mean_difference(_levels(shown), _levels(turned), (24, 24)) > 4 * TOLERANCE

    p = prepare(str(path))
    assert isinstance(p, Prepared)
    assert (p.width, p.height) == reference.size
    thumb = Image.open(io.BytesIO(p.thumbnail))
    assert ps.mean_difference(_levels(thumb), _levels(reference), (24, 24)) < TOLERANCE


def test_fixture_orientations_2_to_8_are_pixel_alike():
    folder = ps.fixtures("orientation")
    for shape in ("landscape", "portrait"):
        shown = [render(folder / f"{shape}_{n}.jpg") for n in range(2, 9)]
        for other in shown[1:]:
            assert ps.mean_difference(other, shown[0], (60, 60)) < 1.5


def test_png_orientation_is_applied_too(tmp_path):
    upright = ps.pattern(96, 64)
    stored = ps.stored_for(upright, 6)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "o6.png"
    stored.save(path, "PNG", exif=exif)
    assert ps.mean_difference(render(path), upright) < 2
