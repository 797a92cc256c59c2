"""One file through the pipeline (``photos.worker.prepare``): types, limits, bad inputs."""

from __future__ import annotations

import hashlib
import io
import time

import pytest
from PIL import Image, ImageFile, features

from inspector_app.photos import sniff
from inspector_app.photos.decode import MAX_PIXELS
from inspector_app.photos.errors import Failure
from inspector_app.photos.worker import Prepared, prepare
from tests import photo_samples as ps


def ok(path) -> Prepared:
    result = prepare(str(path))
    assert isinstance(result, Prepared), result
    return result


def failed(path) -> Failure:
    result = prepare(str(path))
    assert isinstance(result, Failure), f"{path} was accepted"
    assert result.en and result.zh and result.en != result.zh
    return result


# --------------------------------------------------------------------------- sniffing
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ps.jpeg(ps.pattern()), sniff.JPEG),
        (ps.MP4, sniff.MP4),
        (ps.MOV, sniff.MOV),
        (ps.AVI, sniff.AVI),
        (ps.PDF, sniff.PDF),
        (b"\x00\x00\x00\x08wide\x00\x00\x00\x10mdat", sniff.MOV),  # QuickTime without ftyp
        (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heicmiaf", sniff.HEIC),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1miaf", sniff.HEIF),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", sniff.WEBP),
        (b"hello, I am a text file\n", None),
        (b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00avifmif1", sniff.AVIF),
    ],
)
def test_sniff_reads_the_bytes(data, expected):
    assert sniff.sniff(data[: sniff.HEAD_BYTES]) == expected


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "AVIF"])
def test_type_comes_from_bytes_not_the_name(tmp_path, fmt):
    if fmt != "PNG" and not features.check(fmt.lower()):
        pytest.skip(f"this Pillow has no {fmt} codec")
    path = tmp_path / "photo.jpg"  # a PNG/WebP/AVIF wearing a .jpg name
    ps.pattern().save(path, fmt)
    prepared = ok(path)
    assert prepared.type == {"PNG": sniff.PNG, "WEBP": sniff.WEBP, "AVIF": sniff.AVIF}[fmt]
    assert (prepared.width, prepared.height) == (96, 64)


def test_video_and_scan_are_not_decoded(tmp_path):
    for name, data, ftype in (("clip.bin", ps.MP4, sniff.MP4), ("scan.jpg", ps.PDF, sniff.PDF)):
        (tmp_path / name).write_bytes(data)
        prepared = ok(tmp_path / name)
        assert prepared.type == ftype
        assert prepared.data is None and prepared.thumbnail is None and prepared.width is None
        assert prepared.taken_at_source == "file"


# --------------------------------------------------------------------------- good files
def test_jpeg_gets_hash_thumbnail_and_file_time_without_exif(tmp_path):
    path = tmp_path / "p.jpg"
    path.write_bytes(ps.jpeg(ps.pattern(640, 480)))
    prepared = ok(path)
    assert prepared.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert prepared.data == path.read_bytes()
    assert prepared.taken_at_source == "file" and prepared.taken_at
    thumb = Image.open(io.BytesIO(prepared.thumbnail))
    assert thumb.format == "JPEG" and max(thumb.size) == 320
    assert [n.code for n in prepared.notes] == ["no_exif"]


def test_phone_jpeg_and_iphone_heic_import_with_displayed_size():
    mobile = ps.fixtures("mobile")
    nokia = ok(mobile / "HMD_Nokia_8.3_5G.jpg")
    assert (nokia.width, nokia.height) == (4608, 1976)
    assert nokia.taken_at == "2022-08-14T14:12:31+03:00"
    heic = ok(mobile / "iphone_13_pro_max.HEIC")
    # stored 4032x3024 with orientation 6: shown portrait
    assert heic.type == sniff.HEIC and (heic.width, heic.height) == (3024, 4032)
    assert heic.taken_at == "2022-02-16T12:55:41+01:00" and heic.taken_at_source == "exif"
    thumb = Image.open(io.BytesIO(heic.thumbnail))
    assert thumb.size[1] == 320 and thumb.size[0] < thumb.size[1]


def test_odd_exif_fixtures_import_with_notes():
    folder = ps.fixtures("odd-exif")
    files = sorted(folder.glob("*.jpg"))
    assert files
    for path in files:
        start = time.monotonic()
        prepared = ok(path)
        assert time.monotonic() - start < 10, f"{path.name} took too long"
        assert prepared.width and prepared.height and prepared.thumbnail
        if prepared.taken_at_source == "file":  # no usable capture time: said so in a note
            assert prepared.notes, path.name
            assert all(n.en and n.zh for n in prepared.notes)


# --------------------------------------------------------------------------- bad files
def test_zero_byte_file(tmp_path):
    (tmp_path / "empty.jpg").write_bytes(b"")
    assert failed(tmp_path / "empty.jpg").code == "empty"


def test_text_file_renamed_jpg(tmp_path):
    (tmp_path / "notes.jpg").write_text("这不是照片 not a photo\n", encoding="utf-8")
    failure = failed(tmp_path / "notes.jpg")
    assert failure.code == "unsupported" and "text" in failure.en


def test_truncated_jpeg(tmp_path):
    data = ps.noisy_jpeg(800, 600)
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    failure = failed(tmp_path / "cut.jpg")
    assert failure.code == "corrupt" and "truncated" in failure.en


def test_jpeg_header_then_garbage(tmp_path):
    (tmp_path / "junk.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x13\x37" * 500)
    assert failed(tmp_path / "junk.jpg").code == "corrupt"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cut.mp4", ps.MP4[:-3]),
        ("cut.mov", ps.MOV[:30]),
        ("cut.avi", ps.AVI[:-4]),
        ("cut.pdf", ps.PDF[:-10]),
        ("stray.mp4", ps.MP4 + b"\x00\x01"),
    ],
)
def test_truncated_video_and_scan(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    failure = failed(tmp_path / name)
    assert failure.code == "corrupt" and "incomplete" in failure.en and "不完整" in failure.zh


def test_truncated_heic_is_caught_although_libheif_decodes_it(tmp_path):
    data = (ps.fixtures("mobile") / "iphone_13_pro_max.HEIC").read_bytes()
    (tmp_path / "cut.heic").write_bytes(data[: len(data) * 9 // 10])
    assert failed(tmp_path / "cut.heic").code == "corrupt"
    (tmp_path / "whole.heic").write_bytes(data + b"\x00\x00\x00\x0cfree1234")  # a valid box more
    assert ok(tmp_path / "whole.heic").width == 3024


def test_missing_file(tmp_path):
    assert failed(tmp_path / "gone.jpg").code == "not_found"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.png", ps.png_bomb(100_000, 100_000)),  # 10 gigapixels: Pillow's hard limit
        ("between.png", ps.png_bomb(15_000, 15_000)),  # 225 MP: only a warning in Pillow
        ("bomb.jpg", ps.jpeg_declaring(60_000, 60_000)),
    ],
)
def test_decompression_bomb_is_refused_before_decoding(tmp_path, monkeypatch, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert len(data) < 10_000

    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    start = time.monotonic()
    failure = failed(path)
    assert failure.code == "too_large", failure
    assert "decompression bomb" in failure.en and "解压炸弹" in failure.zh
    assert time.monotonic() - start < 2


def test_pixel_limit_allows_a_200_megapixel_phone_photo():
    assert 16_320 * 12_240 <= MAX_PIXELS < 15_000 * 15_000
