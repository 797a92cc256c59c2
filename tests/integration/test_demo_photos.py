"""Demo photos (``demo --photos N``) and the phase rule for photos of an inspection."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.services import demo, photos, sites
from inspector_app.services.demo_photos import add_demo_photos
from inspector_app.store import media
from tests.helpers import cli

LINKS_SQL = """
SELECT h.status, l.phase, l.flags, m.id, m.taken_at, m.taken_at_source, h.found_on
FROM photo_link l JOIN hazard h ON h.id = l.hazard_id JOIN media m ON m.id = l.media_id
WHERE l.deleted = 0
"""


def links(data_dir: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(LINKS_SQL).fetchall()
    finally:
        conn.close()


def check_fits_status(rows) -> None:
    for r in rows:
        assert r["taken_at_source"] == "exif" and r["taken_at"].endswith("+08:00")
        assert not json.loads(r["flags"] or "{}"), r["flags"]  # no after-before-notice, no reuse
        if r["phase"] == "after":
            assert r["status"] in ("awaiting_recheck", "closed")
            assert r["taken_at"][:10] >= r["found_on"]
        else:
            assert r["taken_at"][:10] == r["found_on"]


def test_demo_with_photos_on_a_fresh_store(data_dir) -> None:
    store = ["--data-dir", str(data_dir)]
    result = cli(*store, "demo", "--sites", "20", "--hazards", "60", "--photos", "12")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "12" in result.stdout and "24/24" in result.stdout  # progress, then the count

    rows = links(data_dir)
    assert len(rows) == 12
    assert len({r["id"] for r in rows}) == 12  # twelve different pictures
    for r in rows:
        original = media.find_media(data_dir, r["id"])
        assert original is not None and original.stat().st_size > 10_000
        assert media.thumb_path(data_dir, r["id"]).exists()
    check_fits_status(rows)
    statuses = {r["status"] for r in rows}
    assert {"closed", "notified", "open"} <= statuses  # spread over the kinds of hazards
    assert {r["phase"] for r in rows} == {"before", "after", "scene"}
    with Image.open(media.find_media(data_dir, rows[0]["id"])) as im:
        assert im.size == (1024, 768) and len(im.getcolors(1 << 16) or range(300)) > 20

    checked = cli(*store, "check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""

    # a filled demo store takes more photos
    more = cli(*store, "demo", "--photos", "2")
    assert more.returncode == 0, more.stderr
    assert len(links(data_dir)) == 14
    assert cli(*store, "check").returncode == 0


def test_demo_photos_default_to_none_and_a_real_store_refuses_them(data_dir) -> None:
    store = ["--data-dir", str(data_dir)]
    assert cli(*store, "site", "add", "--name", "真实场所").returncode == 0
    refused = cli(*store, "demo", "--sites", "5", "--hazards", "5", "--photos", "3")
    assert refused.returncode == 1 and "正式数据" in refused.stderr
    assert links(data_dir) == []
    assert not list(data_dir.rglob("*.jpg"))  # nothing generated, nothing stored


def test_fill_demo_with_photos_in_process(session) -> None:
    demo.fill_demo(session, sites=5, hazards=30, photos=7)
    data_dir = session.store.data_dir
    rows = links(data_dir)
    assert len(rows) == 7
    check_fits_status(rows)
    # cancelled before the first picture: nothing added, the township stays
    cancel = threading.Event()
    cancel.set()
    result = add_demo_photos(session, 4, cancel=cancel)
    assert result.cancelled and result.added == 0 and len(links(data_dir)) == 7
    assert add_demo_photos(session, 0).added == 0


def test_a_real_store_refuses_demo_photos(session) -> None:
    sites.add_site(session, SiteInput(name="真实场所"))
    with pytest.raises(ValidationError) as err:
        add_demo_photos(session, 3)
    assert err.value.code == "real_store"


def test_photos_of_an_inspection_are_scene_photos(session, tmp_path) -> None:
    site_id = sites.add_site(session, SiteInput(name="甲店")).id
    inspection_id = session.write(lambda tx: tx.insert(
        "inspection", {"site_id": site_id, "kind": "patrol", "status": "in_progress"}))
    src = tmp_path / "p.jpg"
    Image.new("RGB", (64, 48), (10, 120, 30)).save(src)
    target = photos.PhotoTarget(inspection_id=inspection_id)
    for phase in ("before", "after"):
        with pytest.raises(ValidationError) as err:
            photos.import_photos(session, target, [src], phase)
        assert err.value.code == "bad_phase" and "现场" in err.value.message("zh")
    assert photos.photos_of_inspection(session, inspection_id) == []
    done = photos.import_photos(session, target, [src], "scene", workers=0)
    assert done.results[0].status == "ok"
    assert [p["phase"] for p in photos.photos_of_inspection(session, inspection_id)] == ["scene"]
