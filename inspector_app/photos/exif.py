"""Orientation, capture time and GPS from EXIF; anything unreadable becomes a :class:`Note`.

Each part is read on its own, so a broken GPS block does not lose the capture time, and
nothing here ever raises: metadata is a convenience, the pixels are the evidence.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PIL import Image

from .decode import OPEN_WARNINGS
from .errors import Note

TAG_ORIENTATION = 0x0112
IFD_EXIF = 0x8769
IFD_GPS = 0x8825
TAG_DATETIME_ORIGINAL = 0x9003
TAG_DATETIME_DIGITIZED = 0x9004
TAG_OFFSET_ORIGINAL = 0x9011
TAG_OFFSET_DIGITIZED = 0x9012
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4

_TIME_FORMATS = ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M", "%Y-%m-%dT%H:%M:%S")
_OFFSET = re.compile(r"^[+-](0\d|1[0-4]):[0-5]\d$")


@dataclass
class Meta:
    orientation: int = 1
    taken_at: str | None = None  # local time as the camera wrote it, "+HH:MM" when known
    lat: float | None = None
    lon: float | None = None
    notes: list[Note] = field(default_factory=list)


def _note(code: str, en: str, zh: str) -> Note:
    return Note(code, en, zh)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return str(value).strip().strip("\x00").strip()


def parse_exif_time(value: Any) -> datetime | None:
    """``2008:10:22 16:28:39`` (and common variants) as a naive datetime, else None."""
    text = _text(value)
    for fmt in _TIME_FORMATS:
        try:
            moment = datetime.strptime(text[: len(datetime(2000, 1, 1).strftime(fmt))], fmt)
        except ValueError:
            continue
        return moment if 1990 <= moment.year <= 2100 else None
    return None


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:  # (numerator, denominator)
        num, den = value
        return float(num) / float(den) if den else math.nan
    return float(value)


def dms_to_degrees(value: Any) -> float:
    """EXIF degrees/minutes/seconds (1–3 rationals) as decimal degrees (NaN if broken)."""
    parts = list(value) if isinstance(value, (tuple, list)) else [value]
    if not 1 <= len(parts) <= 3:
        return math.nan
    total = 0.0
    for part, scale in zip(parts, (1.0, 60.0, 3600.0), strict=False):
        number = _rational(part)
        if not math.isfinite(number) or number < 0:
            return math.nan
        total += number / scale
    return total


class _Recorder:
    """Collects Pillow's warnings about damaged EXIF (it warns instead of raising)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, fn, *args):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fn(*args)
        self.messages += [str(w.message) for w in caught if w.category is not ResourceWarning]
        return result


def read_meta(im: Image.Image) -> Meta:
    """Everything we keep from an opened image's metadata (never raises)."""
    meta = Meta()
    record = _Recorder()
    record.messages += im.info.get(OPEN_WARNINGS, [])
    try:
        exif = record(im.getexif)
    except Exception as exc:  # noqa: BLE001 - any parser failure only costs the metadata
        meta.notes.append(_note(
            "exif_unreadable",
            f"EXIF unreadable ({exc}); capture time, GPS and orientation skipped",
            f"EXIF 信息无法读取（{exc}），已忽略拍摄时间、GPS 与方向",
        ))
        return meta
    if not exif and "exif" in im.info and not record.messages:
        meta.notes.append(_note(
            "exif_unreadable", "EXIF block unreadable; capture time, GPS and orientation skipped",
            "EXIF 信息无法读取，已忽略拍摄时间、GPS 与方向",
        ))
    elif not exif and "exif" not in im.info:
        meta.notes.append(_note(
            "no_exif", "no EXIF metadata: capture time taken from the file's modification time",
            "没有 EXIF 信息：拍摄时间取自文件修改时间",
        ))
    _orientation(exif, meta)
    _capture_time(exif, meta, record)
    _gps(exif, meta, record)
    if record.messages:
        detail = "; ".join(dict.fromkeys(record.messages))[:200]
        meta.notes.append(_note(
            "exif_damaged", f"EXIF partly damaged ({detail}); unreadable fields skipped",
            f"EXIF 信息部分损坏（{detail}），无法读取的字段已忽略",
        ))
    return meta


def _orientation(exif: Image.Exif, meta: Meta) -> None:
    value = exif.get(TAG_ORIENTATION)
    if value is None:
        return
    try:
        number = int(value[0] if isinstance(value, (tuple, list)) else value)
    except (TypeError, ValueError, IndexError):
        number = -1
    if 1 <= number <= 8:
        meta.orientation = number
    else:
        meta.notes.append(_note(
            "bad_orientation", f"orientation value {value!r} is not 1-8; shown as stored",
            f"方向标记 {value!r} 无效（应为 1–8），按原样显示",
        ))


def _capture_time(exif: Image.Exif, meta: Meta, record: _Recorder) -> None:
    try:
        sub = record(exif.get_ifd, IFD_EXIF)
    except Exception:  # noqa: BLE001
        sub = {}
    raw = sub.get(TAG_DATETIME_ORIGINAL) or sub.get(TAG_DATETIME_DIGITIZED)
    offset_raw = sub.get(TAG_OFFSET_ORIGINAL) if sub.get(TAG_DATETIME_ORIGINAL) else sub.get(
        TAG_OFFSET_DIGITIZED)
    if raw is None:
        if exif:
            meta.notes.append(_note(
                "no_capture_time", "no capture time in EXIF: the file's modification time is used",
                "EXIF 中没有拍摄时间：使用文件修改时间",
            ))
        return
    moment = parse_exif_time(raw)
    if moment is None:
        meta.notes.append(_note(
            "bad_capture_time",
            f"capture time {_text(raw)[:40]!r} is unreadable: the file's modification time is used",
            f"拍摄时间 {_text(raw)[:40]!r} 无法识别：使用文件修改时间",
        ))
        return
    meta.taken_at = moment.isoformat(timespec="seconds")
    if offset_raw is not None:
        offset = _text(offset_raw)
        if _OFFSET.match(offset):
            meta.taken_at += offset
        else:
            meta.notes.append(_note(
                "bad_time_offset", f"time zone offset {offset[:20]!r} unreadable; ignored",
                f"时区偏移 {offset[:20]!r} 无法识别，已忽略",
            ))


def _gps(exif: Image.Exif, meta: Meta, record: _Recorder) -> None:
    try:
        gps = record(exif.get_ifd, IFD_GPS)
    except Exception:  # noqa: BLE001
        gps = {}
    if not gps or (GPS_LAT not in gps and GPS_LON not in gps):
        return
    try:
        lat = dms_to_degrees(gps[GPS_LAT])
        lon = dms_to_degrees(gps[GPS_LON])
        lat_ref = _text(gps[GPS_LAT_REF]).upper()[:1]
        lon_ref = _text(gps[GPS_LON_REF]).upper()[:1]
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError) as exc:
        lat = lon = math.nan
        lat_ref = lon_ref = type(exc).__name__
    ok = (
        math.isfinite(lat) and math.isfinite(lon) and lat_ref in ("N", "S")
        and lon_ref in ("E", "W") and lat <= 90 and lon <= 180
    )
    if not ok:
        meta.notes.append(_note(
            "bad_gps", "GPS position unreadable or out of range; skipped",
            "GPS 位置无法读取或超出范围，已忽略",
        ))
        return
    if lat == 0 and lon == 0:
        meta.notes.append(_note(
            "gps_no_fix", "GPS position 0,0 (no satellite fix); skipped",
            "GPS 位置为 0,0（未定位），已忽略",
        ))
        return
    meta.lat = round(-lat if lat_ref == "S" else lat, 7)
    meta.lon = round(-lon if lon_ref == "W" else lon, 7)
