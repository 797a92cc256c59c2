"""Photo test inputs made on the spot, plus the shared real-camera fixtures.

EXIF blocks are assembled by hand here (TIFF structure, byte by byte) rather than with
Pillow's writer, so the tests check the reader against an independent construction and
can also build the malformed blocks real cameras and editors produce.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from tests.helpers import REPO

FIXTURES = REPO.parent / "shared" / "fixtures" / "photos"

ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 2, 3, 4, 5, 7
_SIZES = {ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1}


def fixtures(sub: str = "") -> Path:
    """A folder of the shared real-camera photos, or skip the test if it is not there."""
    path = FIXTURES / sub
    if not path.is_dir():
        pytest.skip(f"shared photo fixtures not found at {path} (they live beside the checkout)")
    return path


# --------------------------------------------------------------------------- EXIF by hand
def ascii_(text: str) -> tuple[int, int, bytes]:
    raw = text.encode("ascii") + b"\x00"
    return ASCII, len(raw), raw


def short(value: int) -> tuple[int, int, bytes]:
    return SHORT, 1, struct.pack("<H", value)


def rationals(*pairs: tuple[int, int]) -> tuple[int, int, bytes]:
    return RATIONAL, len(pairs), b"".join(struct.pack("<II", n, d) for n, d in pairs)


def _ifd(entries: dict[int, tuple[int, int, bytes]], start: int) -> bytes:
    n = len(entries)
    data_at = start + 2 + 12 * n + 4
    head, data = struct.pack("<H", n), b""
    for tag in sorted(entries):
        typ, count, payload = entries[tag]
        if len(payload) <= 4:
            value = payload.ljust(4, b"\x00")
        else:
            value = struct.pack("<I", data_at + len(data))
            data += payload + (b"\x00" if len(payload) % 2 else b"")
        head += struct.pack("<HHI", tag, typ, count) + value
    return head + b"\x00\x00\x00\x00" + data


def tiff_block(ifd0: dict, exif_ifd: dict | None = None, gps_ifd: dict | None = None) -> bytes:
    """A little-endian TIFF/EXIF structure with optional Exif and GPS sub-IFDs."""
    ifd0 = dict(ifd0)
    if exif_ifd is not None:
        ifd0[0x8769] = (LONG, 1, b"\x00\x00\x00\x00")
    if gps_ifd is not None:
        ifd0[0x8825] = (LONG, 1, b"\x00\x00\x00\x00")
    first = _ifd(ifd0, 8)  # pointer values do not change its length
    at = 8 + len(first)
    subs = b""
    for tag, sub in ((0x8769, exif_ifd), (0x8825, gps_ifd)):
        if sub is not None:
            ifd0[tag] = (LONG, 1, struct.pack("<I", at + len(subs)))
            subs += _ifd(sub, at + len(subs))
    return b"II*\x00" + struct.pack("<I", 8) + _ifd(ifd0, 8) + subs


def exif_segment(tiff: bytes) -> bytes:
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_app1(jpeg: bytes, segment: bytes) -> bytes:
    """Insert an APP1 segment after SOI (and after a JFIF APP0 if present)."""
    at = 2
    if jpeg[2:4] == b"\xff\xe0":
        at = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:at] + segment + jpeg[at:]


def camera_exif(
    *, orientation: int | None = None, taken: str | None = None, offset: str | None = None,
    gps: tuple[str, tuple, str, tuple] | None = None,
) -> bytes:
    """An APP1 segment as a camera writes it. ``gps``: (lat ref, 3 rational pairs, lon ref, …)."""
    ifd0 = {0x010F: ascii_("TestCam")}
    if orientation is not None:
        ifd0[0x0112] = short(orientation)
    sub = None
    if taken is not None:
        sub = {0x9003: ascii_(taken)}
        if offset is not None:
            sub[0x9011] = ascii_(offset)
    gps_ifd = None
    if gps is not None:
        lat_ref, lat, lon_ref, lon = gps
        gps_ifd = {1: ascii_(lat_ref), 2: rationals(*lat), 3: ascii_(lon_ref), 4: rationals(*lon)}
    return exif_segment(tiff_block(ifd0, sub, gps_ifd))


# --------------------------------------------------------------------------- images
def pattern(width: int = 96, height: int = 64) -> Image.Image:
    """An image whose every flip/rotation looks different (coloured quadrants, a bar)."""
    im = Image.new("RGB", (width, height), (240, 240, 240))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, width // 2 - 1, height // 2 - 1], fill=(220, 30, 30))
    d.rectangle([width // 2, 0, width - 1, height // 2 - 1], fill=(30, 160, 40))
    d.rectangle([0, height // 2, width // 2 - 1, height - 1], fill=(30, 60, 220))
    d.rectangle([0, 0, width // 6, height // 8], fill=(10, 10, 10))  # marks the top-left
    return im


def jpeg(im: Image.Image, quality: int = 95, app1: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    data = buf.getvalue()
    return with_app1(data, app1) if app1 else data


def noisy_jpeg(width: int, height: int, seed: int = 1, quality: int = 92) -> bytes:
    """A JPEG that does not compress away (random noise), for size-sensitive tests."""
    import random

    rnd = random.Random(seed)
    im = Image.frombytes("RGB", (width, height), rnd.randbytes(width * height * 3))
    return jpeg(im, quality)


def stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera stores for ``upright`` under EXIF ``orientation`` 1–8.

    Straight from the EXIF definition of where row 0 and column 0 of the stored image are
    on the visual image (e.g. 6: row 0 is the right side, column 0 the top).
    """
    w, h = upright.size
    rows, cols = (h, w) if orientation <= 4 else (w, h)
    to_visual = {
        1: lambda r, c: (c, r),
        2: lambda r, c: (w - 1 - c, r),
        3: lambda r, c: (w - 1 - c, h - 1 - r),
        4: lambda r, c: (c, h - 1 - r),
        5: lambda r, c: (r, c),
        6: lambda r, c: (w - 1 - r, c),
        7: lambda r, c: (w - 1 - r, h - 1 - c),
        8: lambda r, c: (r, h - 1 - c),
    }[orientation]
    src = upright.load()
    out = Image.new("RGB", (cols, rows))
    dst = out.load()
    for r in range(rows):
        for c in range(cols):
            dst[c, r] = src[to_visual(r, c)]
    return out


def mean_difference(a: Image.Image, b: Image.Image, size: tuple[int, int] = (48, 32)) -> float:
    """Mean absolute pixel difference (0–255) of two images scaled to the same small size."""
    a = a.convert("RGB").resize(size, Image.Resampling.BOX)
    b = b.convert("RGB").resize(size, Image.Resampling.BOX)
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG that declares ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 4096, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small valid JPEG whose frame header (SOF0) is patched to claim another size."""
    data = bytearray(jpeg(Image.new("RGB", (16, 16), "white")))
    at = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x10mdat" + b"\x01" * 8
MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00\x00\x00\x10mdat" + b"\x02" * 8
_AVI_BODY = b"AVI LIST" + struct.pack("<I", 12) + b"hdrl" + b"\x00" * 8
AVI = b"RIFF" + struct.pack("<I", len(_AVI_BODY)) + _AVI_BODY
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
