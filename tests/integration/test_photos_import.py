"""Importing evidence through the service: rows, files, dedup, flags, failures, cancel."""

from __future__ import annotations

import errno
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import NotFound, StoreError, ValidationError
from inspector_app.services import hazards, photo_edits, photos, sites
from inspector_app.store import media
from tests import photo_samples as ps


def new_hazard(session, site_name: str = "兴旺五金厂", site_id: str | None = None) -> str:
    site_id = site_id or sites.add_site(session, SiteInput(name=site_name)).id
    return hazards.add_hazard(session, HazardInput(site_id=site_id, description="消防通道堵塞")).id


def site_of(session, hazard_id: str) -> str:
    return hazards.get_hazard(session, hazard_id).site_id


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def photo(folder: Path, name: str, seed: int = 0, **exif) -> Path:
    """A small distinct JPEG (``seed`` changes its pixels), optionally with camera EXIF."""
    im = ps.pattern(160, 120)
    colour = (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256)
    ImageDraw.Draw(im).rectangle([96, 72, 96 + 8 + seed % 40, 72 + 8 + seed // 40 % 40], fill=colour)
    return write(folder, name, ps.jpeg(im, app1=ps.camera_exif(**exif) if exif else None))


def stored_files(data_dir: Path, sub: str = "media") -> list[Path]:
    return sorted(p for p in (data_dir / sub).rglob("*") if p.is_file())


def count(session, table: str) -> int:
    return session.store.read().execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_import_stores_original_rows_thumbnail_and_details(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    src = photo(tmp_path, "IMG_0001.JPG", taken="2026:09:27 09:30:00",
                gps=("N", ((30, 1), (15, 1), (0, 1)), "E", ((120, 1), (10, 1), (0, 1))))
    batch = photos.import_photos(session, hazard_id, [src], "before")
    [result] = batch.results
    assert result.status == "ok" and batch.all_imported and batch.changes.touches("photo")
    sha = media.sha256_file(src)
    assert result.sha256 == sha
    stored = media.media_path(data_dir, sha, "jpg")
    assert stored.read_bytes() == src.read_bytes()  # evidence: byte for byte
    assert media.thumb_path(data_dir, sha).exists()
    [shown] = hazards.hazard_details(session, hazard_id)["photos"]
    assert {k: shown[k] for k in ("id", "sha256", "phase", "taken_at", "width", "height")} == {
        "id": result.link_id, "sha256": sha, "phase": "before", "taken_at": "2026-09-27T09:30:00",
        "width": 160, "height": 120}
    assert shown["lat"] == pytest.approx(30.25) and shown["lon"] == pytest.approx(120 + 10 / 60)
    assert shown["notes"] == [] and shown["flags"] == {}
    # every row went through the oplog and the audit log
    ops = session.store.read().execute(
        "SELECT tbl FROM oplog WHERE tbl IN ('media', 'photo_link')").fetchall()
    assert sorted(r[0] for r in ops) == ["media", "photo_link"]
    assert session.store.read().execute(
        "SELECT count(*) FROM audit_log WHERE action = 'photo_added'").fetchone()[0] == 1


def test_same_photo_twice_is_stored_once_and_linked_twice(session, data_dir, tmp_path):
    site_id = sites.add_site(session, SiteInput(name="某店")).id
    first, second = new_hazard(session, site_id=site_id), new_hazard(session, site_id=site_id)
    src = photo(tmp_path, "a.jpg")
    copy = write(tmp_path / "card", "DSC_0001.JPG", src.read_bytes())  # same bytes, other name
    a = photos.import_photos(session, first, [src])
    b = photos.import_photos(session, second, [copy])
    assert a.results[0].status == b.results[0].status == "ok"
    assert a.results[0].sha256 == b.results[0].sha256
    assert count(session, "media") == 1 and count(session, "photo_link") == 2
    assert len(stored_files(data_dir)) == 1
    assert b.results[0].flags == {}  # same site: not a reuse elsewhere
    # the same photo again on the same hazard and phase is recognised, not linked again
    again = photos.import_photos(session, first, [copy, src])
    assert [r.status for r in again.results] == ["duplicate", "duplicate"]
    assert {r.link_id for r in again.results} == {a.results[0].link_id}
    assert count(session, "photo_link") == 2
    # …but as an "after" photo it is a new use
    after = photos.import_photos(session, first, [src], "after")
    assert after.results[0].status == "ok" and count(session, "photo_link") == 3


def test_reuse_on_another_sites_hazard_is_flagged(session, tmp_path):
    here, there = new_hazard(session, "甲店"), new_hazard(session, "乙店")
    src = photo(tmp_path, "p.jpg")
    assert photos.import_photos(session, here, [src]).results[0].flags == {}
    result = photos.import_photos(session, there, [src]).results[0]
    assert result.status == "ok"
    assert result.flags == {"reused_elsewhere": {"site_ids": [site_of(session, here)]}}
    [shown] = photos.photos_of_hazard(session, there)
    assert "reused_elsewhere" in shown["flags"]


def test_after_photo_taken_before_the_notice_is_flagged(session, tmp_path):
    hazard_id = new_hazard(session)
    hazards.transition(session, hazard_id, "notified",
                       {"served_on": "2026-09-20", "due_date": "2026-10-20"})
    assert hazards.get_hazard(session, hazard_id).served_on == "2026-09-20"
    early = photo(tmp_path, "early.jpg", 1, taken="2026:09:10 10:00:00")
    late = photo(tmp_path, "late.jpg", 2, taken="2026:09:25 10:00:00")
    batch = photos.import_photos(session, hazard_id, [early, late], "after")
    flags = {Path(r.path).name: r.flags for r in batch.results}
    assert flags["late.jpg"] == {}
    assert flags["early.jpg"]["after_before_notice"]["served_on"] == "2026-09-20"
    # a "before" photo taken before the notice is what one expects: no flag
    before = photo(tmp_path, "before.jpg", 3, taken="2026:09:10 10:00:00")
    assert photos.import_photos(session, hazard_id, [before], "before").results[0].flags == {}


def test_each_bad_file_gets_its_error_and_the_batch_carries_on(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    good1 = photo(tmp_path, "good1.jpg", 1)
    good2 = photo(tmp_path, "good2.jpg", 2)
    bad = {
        "empty.jpg": (b"", "empty"),
        "text.jpg": ("不是照片".encode(), "unsupported"),
        "cut.jpg": (ps.noisy_jpeg(600, 400)[:20_000], "corrupt"),
        "bomb.png": (ps.png_bomb(100_000, 100_000), "too_large"),
    }
    paths = [good1] + [write(tmp_path, n, d) for n, (d, _) in bad.items()] + [good2]
    batch = photos.import_photos(session, hazard_id, paths, workers=0)
    by_name = {Path(r.path).name: r for r in batch.results}
    assert [r.status for r in batch.results] == ["ok", "error", "error", "error", "error", "ok"]
    for name, (_, code) in bad.items():
        r = by_name[name]
        assert r.code == code, (name, r)
        assert r.message("en").startswith(name) and r.message("zh").startswith(name)
    assert not batch.all_imported and len(batch.failed) == 4
    assert count(session, "media") == 2 and len(stored_files(data_dir)) == 2
    assert not [p for p in (data_dir / "media").rglob(".incoming-*")]


def test_a_process_pool_batch_of_a_folder(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    card = tmp_path / "DCIM" / "100CANON"
    for i in range(6):
        photo(card, f"IMG_{i:04d}.JPG", i)
    write(card, "IMG_0001.THM", b"side file")  # skipped by name inside folders
    write(card / "sub", "notes.jpg", b"text, not a photo")
    done: list[tuple[int, int]] = []
    batch = photos.import_photos(session, hazard_id, [tmp_path / "DCIM"], workers=2,
                                 progress=lambda d, t, m: done.append((d, t)))
    assert [r.status for r in batch.results] == ["ok"] * 6 + ["error"]
    assert batch.results[-1].code == "unsupported"
    assert [Path(p).name for p in batch.skipped] == ["IMG_0001.THM"]
    assert done[0] == (0, 7) and done[-1] == (7, 7)
    assert count(session, "media") == 6 and len(stored_files(data_dir)) == 6


def test_cancel_keeps_what_finished(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    paths = [photo(tmp_path, f"{i}.jpg", i) for i in range(6)]
    cancel = threading.Event()

    def progress(done, total, message):
        if done == 2:
            cancel.set()

    batch = photos.import_photos(session, hazard_id, paths, progress=progress, cancel=cancel,
                                 workers=0)
    assert [r.status for r in batch.results] == ["ok", "ok"] + ["cancelled"] * 4
    assert batch.cancelled
    assert count(session, "photo_link") == 2 and len(stored_files(data_dir)) == 2


def test_cancel_with_a_process_pool(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    paths = [photo(tmp_path, f"{i}.jpg", i) for i in range(12)]
    cancel = threading.Event()
    batch = photos.import_photos(session, hazard_id, paths, workers=2, cancel=cancel,
                                 progress=lambda d, t, m: d >= 1 and cancel.set())
    ok = [r for r in batch.results if r.status == "ok"]
    assert 1 <= len(ok) < 12 and batch.cancelled
    assert count(session, "photo_link") == len(ok) == len(stored_files(data_dir))


def _enospc_after(monkeypatch, good_files: int) -> list[int]:
    """Make the media writer fail with ENOSPC (after half a chunk) from the Nth file on."""
    real = media.write_chunk
    seen: list[int] = []

    def write_chunk(fh, data):
        if f"{os.sep}media{os.sep}" in fh.name and fh.name not in seen:
            seen.append(fh.name)
        if len(seen) > good_files:  # thumbnails fail too once the disk is full
            real(fh, bytes(data)[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fh, data)

    monkeypatch.setattr(media, "write_chunk", write_chunk)
    return seen


def test_disk_full_mid_batch_leaves_nothing_half_written(session, data_dir, tmp_path, monkeypatch):
    hazard_id = new_hazard(session)
    paths = [photo(tmp_path, f"{i}.jpg", i) for i in range(5)]
    paths.insert(3, write(tmp_path, "clip.mp4", ps.MP4))  # streamed kind, same writer
    _enospc_after(monkeypatch, 2)
    batch = photos.import_photos(session, hazard_id, paths, workers=0)
    assert [r.status for r in batch.results] == ["ok", "ok"] + ["error"] * 4
    for r in batch.failed:
        assert r.code == "disk_full" and "磁盘已满" in r.message("zh") and "disk is full" in r.en
    assert count(session, "media") == 2 and count(session, "photo_link") == 2
    leftovers = stored_files(data_dir)
    assert len(leftovers) == 2 and not [p for p in leftovers if p.name.startswith(".incoming")]


def test_one_file_hitting_a_full_disk_does_not_stop_the_rest(session, data_dir, tmp_path,
                                                              monkeypatch):
    hazard_id = new_hazard(session)
    paths = [photo(tmp_path, f"{i}.jpg", i) for i in range(4)]
    real = media.write_chunk
    originals: list[str] = []

    def write_chunk(fh, data):
        if f"{os.sep}media{os.sep}" in fh.name and fh.name not in originals:
            originals.append(fh.name)
            if len(originals) == 2:  # the second original; space is freed right after
                raise OSError(errno.ENOSPC, "No space left on device")
        real(fh, data)

    monkeypatch.setattr(media, "write_chunk", write_chunk)
    batch = photos.import_photos(session, hazard_id, paths, workers=2)
    # files finish in any order in the pool: exactly one of them met the full disk
    assert sorted(r.status for r in batch.results) == ["error", "ok", "ok", "ok"]
    assert [r.code for r in batch.failed] == ["disk_full"]
    assert len(stored_files(data_dir)) == 3 == count(session, "media")


def test_a_failed_row_write_removes_the_copied_file(session, data_dir, tmp_path, monkeypatch):
    hazard_id = new_hazard(session)
    keep = photo(tmp_path, "keep.jpg", 1)
    photos.import_photos(session, hazard_id, [keep])  # stored before: must survive
    fresh = photo(tmp_path, "fresh.jpg", 2)

    def broken(*args, **kwargs):
        raise StoreError("the disk is full; nothing was saved", "磁盘已满，本次修改未保存",
                         code="disk_full")

    monkeypatch.setattr(photos, "_link_job", broken)
    other = new_hazard(session, "另一家")
    batch = photos.import_photos(session, other, [fresh, keep], workers=0)
    assert [r.code for r in batch.results] == ["disk_full", "disk_full"]
    assert "磁盘已满" in batch.results[0].message("zh")
    files = stored_files(data_dir)
    assert [p.stem for p in files] == [media.sha256_file(keep)]
    assert [p.stem for p in stored_files(data_dir, "thumbs")] == [media.sha256_file(keep)]
    assert count(session, "media") == 1 and count(session, "photo_link") == 1


def test_video_and_scan_are_stored_hashed_not_decoded(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    paths = [write(tmp_path, "执法记录仪.MP4", ps.MP4), write(tmp_path, "clip.mov", ps.MOV),
             write(tmp_path, "old.avi", ps.AVI), write(tmp_path, "signed scan.pdf", ps.PDF)]
    batch = photos.import_photos(session, hazard_id, paths, "scene", workers=0)
    assert [(r.status, r.kind) for r in batch.results] == [
        ("ok", "video"), ("ok", "video"), ("ok", "video"), ("ok", "scan")]
    exts = sorted(p.suffix for p in stored_files(data_dir))
    assert exts == [".avi", ".mov", ".mp4", ".pdf"]
    for r, src in zip(batch.results, paths, strict=True):
        assert r.sha256 == media.sha256_file(src)
        assert media.find_media(data_dir, r.sha256).read_bytes() == src.read_bytes()
    shown = photos.photos_of_hazard(session, hazard_id)
    assert {p["mime"] for p in shown} == {"video/mp4", "video/quicktime", "video/x-msvideo",
                                          "application/pdf"}
    assert all(p["width"] is None and p["taken_at"] for p in shown)
    thumb = photos.thumbnail_path(session, batch.results[0].sha256)  # a plain placeholder tile
    assert Image.open(thumb).format == "JPEG"


def test_thumbnail_is_recreated_on_demand(session, data_dir, tmp_path):
    hazard_id = new_hazard(session)
    upright = ps.pattern(320, 240)
    src = write(tmp_path, "turned.jpg",
                ps.jpeg(ps.stored_for(upright, 8), app1=ps.camera_exif(orientation=8)))
    sha = photos.import_photos(session, hazard_id, [src]).results[0].sha256
    path = media.thumb_path(data_dir, sha)
    shutil.rmtree(data_dir / "thumbs")  # a cache: the user may delete it
    again = photos.thumbnail_path(session, sha)
    assert again == path and path.exists()
    assert ps.mean_difference(Image.open(path), upright) < 8
    assert photos.thumbnail_path(session, sha) == path  # cached now
    with pytest.raises(NotFound):
        photos.thumbnail_path(session, "0" * 64)


def test_wrong_target_or_phase_is_refused_before_any_work(session, data_dir, tmp_path):
    src = photo(tmp_path, "p.jpg")
    with pytest.raises(NotFound):
        photos.import_photos(session, "no-such-hazard", [src])
    with pytest.raises(ValidationError):
        photos.import_photos(session, new_hazard(session), [src], "during")
    assert stored_files(data_dir) == []


def test_remove_takes_every_version_off_the_hazard(session, tmp_path):
    hazard_id = new_hazard(session)
    link = photos.import_photos(session, hazard_id, [photo(tmp_path, "p.jpg")]).results[0].link_id
    v2 = photo_edits.set_annotation(session, link, [{"type": "rect", "box": [0, 0, 0.5, 0.5]}]).id
    photo_edits.remove_photo(session, v2)
    assert photos.photos_of_hazard(session, hazard_id) == []
    assert count(session, "media") == 1  # the evidence itself stays
    flags = session.store.read().execute("SELECT deleted FROM photo_link").fetchall()
    assert [r[0] for r in flags] == [1, 1]
    assert json.loads(json.dumps(photos.get_photo(session, link)))["id"] == link


def test_a_damaged_stored_copy_is_repaired_by_importing_the_photo_again(session, data_dir,
                                                                        tmp_path):
    hazard_id = new_hazard(session)
    src = photo(tmp_path, "p.jpg")
    sha = photos.import_photos(session, hazard_id, [src]).results[0].sha256
    stored = media.media_path(data_dir, sha, "jpg")
    damaged = bytearray(stored.read_bytes())
    damaged[-5] ^= 0x55
    stored.write_bytes(bytes(damaged))
    assert photos.verify_media(session)[1][0].startswith("media altered")
    again = photos.import_photos(session, new_hazard(session, site_id=site_of(session, hazard_id)),
                                 [src])
    assert again.results[0].status == "ok"
    assert stored.read_bytes() == src.read_bytes() and photos.verify_media(session) == (1, [])


def test_photos_of_an_inspection(session, tmp_path):
    hazard_id = new_hazard(session, "甲店")
    other_site = sites.add_site(session, SiteInput(name="乙店")).id
    inspection_id = session.write(lambda tx: tx.insert(
        "inspection", {"site_id": other_site, "kind": "patrol", "status": "open"}))
    src = photo(tmp_path, "p.jpg")
    photos.import_photos(session, hazard_id, [src])
    target = photos.PhotoTarget(inspection_id=inspection_id)
    result = photos.import_photos(session, target, [src]).results[0]
    assert result.status == "ok" and "reused_elsewhere" in result.flags
    [shown] = photos.photos_of_inspection(session, inspection_id)
    assert shown["phase"] == "scene" and shown["id"] == result.link_id
    with pytest.raises(ValueError):
        photos.PhotoTarget(hazard_id=hazard_id, inspection_id=inspection_id)
