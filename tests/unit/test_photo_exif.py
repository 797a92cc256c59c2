"""EXIF: capture time, time offset, GPS, and broken blocks that must not stop an import."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from inspector_app.photos.exif import dms_to_degrees, parse_exif_time
from inspector_app.photos.worker import Prepared, prepare
from tests import photo_samples as ps

# Read from the Nikon files with exiftool 12.57 (`exiftool -n -DateTimeOriginal -GPSLatitude
# -GPSLongitude`), an implementation independent of Pillow.
NIKON = {
    "DSCN0010.jpg": ("2008-10-22T16:28:39", 43.4674483333333, 11.8851266666639),
    "DSCN0012.jpg": ("2008-10-22T16:29:49", 43.4671566666639, 11.8853949999972),
    "DSCN0021.jpg": ("2008-10-22T16:38:20", 43.4670816666639, 11.8845383333306),
    "DSCN0025.jpg": ("2008-10-22T16:43:21", 43.468365, 11.8816349999722),
    "DSCN0027.jpg": ("2008-10-22T16:44:01", 43.4684416666667, 11.881515),
    "DSCN0029.jpg": ("2008-10-22T16:46:53", 43.4682433333306, 11.8801716666389),
    "DSCN0038.jpg": ("2008-10-22T16:52:15", 43.4672549999972, 11.8792133333333),
    "DSCN0040.jpg": ("2008-10-22T16:55:37", 43.4660116666389, 11.8791116666389),
    "DSCN0042.jpg": ("2008-10-22T17:00:07", 43.464455, 11.8814783333333),
}


def prepared(tmp_path, app1: bytes, name: str = "p.jpg") -> Prepared:
    path = tmp_path / name
    path.write_bytes(ps.jpeg(ps.pattern(), app1=app1))
    result = prepare(str(path))
    assert isinstance(result, Prepared), result
    return result


def codes(p: Prepared) -> list[str]:
    return [n.code for n in p.notes]


@pytest.mark.parametrize("name", sorted(NIKON))
def test_nikon_gps_and_capture_time_match_exiftool(name):
    path = ps.fixtures("gps") / name
    p = prepare(str(path))
    assert isinstance(p, Prepared)
    taken, lat, lon = NIKON[name]
    assert p.taken_at == taken and p.taken_at_source == "exif"
    assert p.lat == pytest.approx(lat, abs=1e-6) and p.lon == pytest.approx(lon, abs=1e-6)
    assert p.notes == []


@pytest.mark.skipif(not shutil.which("exiftool"), reason="exiftool is not installed")
def test_nikon_values_against_a_live_exiftool():
    folder = ps.fixtures("gps")
    out = subprocess.run(
        ["exiftool", "-n", "-T", "-FileName", "-DateTimeOriginal", "-GPSLatitude", "-GPSLongitude",
         *sorted(str(p) for p in folder.glob("*.jpg"))],
        capture_output=True, text=True, check=True).stdout
    for line in out.strip().splitlines():
        name, taken, lat, lon = line.split("\t")
        p = prepare(str(folder / name))
        assert p.taken_at == taken.replace(":", "-", 2).replace(" ", "T")
        assert p.lat == pytest.approx(float(lat), abs=1e-6)
        assert p.lon == pytest.approx(float(lon), abs=1e-6)


def test_south_west_and_offset(tmp_path):
    app1 = ps.camera_exif(
        taken="2026:09:27 08:15:00", offset="+08:00",
        gps=("S", ((33, 1), (51, 1), (3150, 100)), "W", ((151, 1), (12, 1), (3000, 100))),
    )
    p = prepared(tmp_path, app1)
    assert p.taken_at == "2026-09-27T08:15:00+08:00"
    assert p.lat == pytest.approx(-(33 + 51 / 60 + 31.5 / 3600), abs=1e-7)
    assert p.lon == pytest.approx(-(151 + 12 / 60 + 30 / 3600), abs=1e-7)
    assert p.notes == []


def test_degrees_with_decimal_minutes():
    assert dms_to_degrees(((30, 1), (1512, 100), (0, 1))) == pytest.approx(30.252)


def test_garbage_exif_block_is_skipped_with_a_note(tmp_path):
    segment = ps.exif_segment(b"II*\x00\xff\xff\xff\x7f" + b"junk" * 8)
    p = prepared(tmp_path, segment)
    assert "exif_damaged" in codes(p)
    assert p.taken_at_source == "file" and p.orientation == 1 and p.lat is None


def test_not_even_tiff_is_skipped_with_a_note(tmp_path):
    p = prepared(tmp_path, ps.exif_segment(b"this is no TIFF header at all"))
    assert p.taken_at_source == "file" and p.notes


@pytest.mark.parametrize("value", ["0000:00:00 00:00:00", "    :  :     :  :  ", "yesterday"])
def test_unreadable_capture_time_falls_back_to_file_time(tmp_path, value):
    p = prepared(tmp_path, ps.camera_exif(taken=value))
    assert codes(p) == ["bad_capture_time"]
    assert p.taken_at_source == "file" and p.taken_at


def test_bad_offset_is_ignored_with_a_note(tmp_path):
    p = prepared(tmp_path, ps.camera_exif(taken="2026:09:27 08:15:00", offset="+99:99"))
    assert p.taken_at == "2026-09-27T08:15:00" and codes(p) == ["bad_time_offset"]


@pytest.mark.parametrize(
    "gps",
    [
        ("N", ((30, 0), (1, 1), (0, 1)), "E", ((120, 1), (0, 1), (0, 1))),  # zero denominator
        ("N", ((95, 1), (0, 1), (0, 1)), "E", ((120, 1), (0, 1), (0, 1))),  # latitude > 90
        ("X", ((30, 1), (0, 1), (0, 1)), "E", ((120, 1), (0, 1), (0, 1))),  # bad reference
    ],
)
def test_broken_gps_is_skipped_and_the_time_kept(tmp_path, gps):
    p = prepared(tmp_path, ps.camera_exif(taken="2026:09:27 08:15:00", gps=gps))
    assert p.lat is None and p.lon is None and "bad_gps" in codes(p)
    assert p.taken_at == "2026-09-27T08:15:00"


def test_gps_zero_zero_means_no_fix(tmp_path):
    zero = ((0, 1), (0, 1), (0, 1))
    p = prepared(tmp_path, ps.camera_exif(gps=("N", zero, "E", zero)))
    assert p.lat is None and "gps_no_fix" in codes(p)


@pytest.mark.parametrize("value", [0, 9, 65535])
def test_invalid_orientation_shows_as_stored(tmp_path, value):
    p = prepared(tmp_path, ps.camera_exif(orientation=value))
    assert p.orientation == 1 and (p.width, p.height) == (96, 64)
    assert "bad_orientation" in codes(p)


def test_parse_exif_time_variants():
    assert parse_exif_time(b"2008:10:22 16:28:39\x00").isoformat() == "2008-10-22T16:28:39"
    assert parse_exif_time("2008-10-22 16:28:39").isoformat() == "2008-10-22T16:28:39"
    assert parse_exif_time("1970:01:01 00:00:00") is None  # a camera with a reset clock
