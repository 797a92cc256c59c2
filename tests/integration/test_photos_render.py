"""Annotations and watermarks on rendered copies; the original is never touched."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import NotFound, ValidationError
from inspector_app.services import hazards, photo_edits, photos, sites
from inspector_app.store import media
from tests import photo_samples as ps
from tests.helpers import cli

RECT = {"version": 1, "shapes": [{"type": "rect", "box": [0.5, 0.5, 0.9, 0.9], "color": "#FF0000"}]}


@pytest.fixture
def link(session, tmp_path):
    site_id = sites.add_site(session, SiteInput(name="兴旺五金厂")).id
    hazard_id = hazards.add_hazard(session, HazardInput(
        site_id=site_id, description="消防通道堵塞", location="二楼东侧")).id
    upright = ps.pattern(400, 300)
    src = tmp_path / "turned.jpg"
    src.write_bytes(ps.jpeg(ps.stored_for(upright, 6),
                            app1=ps.camera_exif(orientation=6, taken="2026:09:27 09:30:00")))
    result = photos.import_photos(session, hazard_id, [src]).results[0]
    return result.link_id, hazard_id, src


def test_annotation_round_trip_and_versioning(session, data_dir, link):
    link_id, hazard_id, src = link
    original = media.find_media(data_dir, photos.get_photo(session, link_id)["sha256"])
    before_bytes = original.read_bytes()

    saved = photo_edits.set_annotation(session, link_id, RECT)
    assert saved.id != link_id and saved.changes.touches("photo")
    assert photo_edits.get_annotation(session, saved.id) == photo_edits.get_annotation(session, saved.id)
    assert [s.as_dict()["box"] for s in photo_edits.get_annotation(session, saved.id)] == [
        [0.5, 0.5, 0.9, 0.9]]
    [shown] = photos.photos_of_hazard(session, hazard_id)
    assert shown["id"] == saved.id and shown["annotated"] and shown["supersedes"] == link_id
    assert photo_edits.get_annotation(session, link_id) == []  # the old version is unchanged

    plain = photo_edits.render_photo(session, saved.id, annotated=False)
    drawn = photo_edits.render_photo(session, saved.id)
    assert plain.size == drawn.size == (400, 300)  # upright
    box = ImageChops.difference(plain, drawn).getbbox()
    assert box is not None
    assert box[0] >= 0.5 * 400 - 4 and box[1] >= 0.5 * 300 - 4  # only where the shape is
    assert drawn.getpixel((int(0.7 * 400), int(0.5 * 300) + 1))[0] > 200  # the red edge
    assert original.read_bytes() == before_bytes  # originals are never modified

    # editing an old version is refused: it has been superseded
    with pytest.raises(NotFound):
        photo_edits.set_annotation(session, link_id, RECT)
    # clearing the shapes is a new version too
    cleared = photo_edits.set_annotation(session, saved.id, [])
    assert photo_edits.get_annotation(session, cleared.id) == []
    assert not photos.photos_of_hazard(session, hazard_id)[0]["annotated"]


def test_bad_annotation_changes_nothing(session, link):
    link_id, hazard_id, _ = link
    with pytest.raises(ValidationError):
        photo_edits.set_annotation(session, link_id, {"shapes": [{"type": "rect", "box": [2, 2, 3, 3]}]})
    assert photos.photos_of_hazard(session, hazard_id)[0]["id"] == link_id


def test_watermark_names_time_place_inspector_and_hash(session, link):
    link_id, _, _ = link
    mark = photo_edits.watermark_of(session, link_id)
    sha = photos.get_photo(session, link_id)["sha256"]
    assert mark.time == "2026-09-27 09:30"
    assert mark.place == "兴旺五金厂 · 二楼东侧"
    assert mark.inspector == session.user.name and mark.sha256 == sha
    plain = photo_edits.render_photo(session, link_id)
    marked = photo_edits.render_photo(session, link_id, watermark=True)
    box = ImageChops.difference(plain, marked).getbbox()
    assert box is not None and box[1] > 300 * 0.5 and box[3] == 300  # a band at the bottom


def test_render_a_smaller_copy_and_through_the_cli(session, data_dir, link, tmp_path):
    link_id, _, _ = link
    small = photo_edits.render_photo(session, link_id, max_side=200)
    assert small.size == (200, 150)
    out = photo_edits.save_rendered(session, link_id, tmp_path / "导出 copy.jpg", watermark=True)
    assert Image.open(out).size == (400, 300)
    session.close()
    result = cli("--data-dir", str(data_dir), "photos", "render", link_id, "-o",
                 str(tmp_path / "cli.jpg"), "--watermark", "--max-side", "100")
    assert result.returncode == 0, result.stderr
    assert Image.open(tmp_path / "cli.jpg").size == (100, 75)
    shapes = '{"shapes": [{"type": "arrow", "from": [0.1, 0.1], "to": [0.3, 0.3]}]}'
    result = cli("--data-dir", str(data_dir), "photos", "annotate", link_id, shapes)
    assert result.returncode == 0 and len(result.stdout.strip()) == 36
    bad = cli("--data-dir", str(data_dir), "photos", "annotate", result.stdout.strip(), "{oops")
    assert bad.returncode == 1 and "标注无效" in bad.stderr and "Traceback" not in bad.stderr
