"""One file's CPU work: sniff, pixel limit, EXIF, sha256, thumbnail.

:func:`prepare` is a top-level function of a light module so that a process pool can
pickle it and a spawned worker imports little (Pillow, pi-heif; no database, no Qt). It
never raises: a bad file comes back as a :class:`~.errors.Failure`.
"""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image

from ..store import media
from . import complete, errors
from .decode import (
    DRAFT_SLACK,
    FULL_DECODE_MAX_PIXELS,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    decode_upright,
    open_image,
)
from .errors import Failure, Note
from .exif import read_meta
from .heif_thumb import find_thumbnail
from .orientation import displayed_size
from .sniff import HEAD_BYTES, HEIC, HEIF, FileType, describe, sniff

log = logging.getLogger(__name__)
THUMB_SIDE = 320
THUMB_QUALITY = 80
ASPECT_TOLERANCE = 0.02  # an embedded thumbnail whose shape differs more is not used


@dataclass
class Prepared:
    """What the store needs to keep one file (all plain, picklable data)."""

    path: str
    type: FileType
    size: int
    sha256: str | None  # None for streamed kinds: hashed while copying into the store
    data: bytes | None  # the original bytes (images only), exactly as read and hashed
    width: int | None = None  # as displayed
    height: int | None = None
    orientation: int = 1
    taken_at: str | None = None
    taken_at_source: str = "file"
    lat: float | None = None
    lon: float | None = None
    notes: list[Note] = field(default_factory=list)
    thumbnail: bytes | None = None  # JPEG


def file_time(st: os.stat_result) -> str:
    """The file's modification time, local, with its UTC offset."""
    return datetime.fromtimestamp(st.st_mtime).astimezone().isoformat(timespec="seconds")


def thumbnail_jpeg(source: bytes | Path, orientation: int | None = None, side: int = THUMB_SIDE) -> bytes:
    """An upright JPEG thumbnail whose long side is at most ``side`` (draft-mode decode, or a
    HEIC's embedded thumbnail); ``orientation`` None: the one its EXIF says."""
    im = open_image(source)
    if orientation is None:
        orientation = read_meta(im).orientation
    data = None
    if im.format == "HEIF":  # pi-heif's format name for HEIC and HEIF alike
        data = source if isinstance(source, bytes) else source.read_bytes()
    return _jpeg(_small_upright(im, data, orientation, side))


def _jpeg(im: Image.Image) -> bytes:
    out = io.BytesIO()
    im.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()


def _small_upright(im: Image.Image, heif: bytes | None, orientation: int, side: int) -> Image.Image:
    """``im`` upright with its long side at most ``side``; from the embedded thumbnail of
    the HEIF file ``heif`` when it has a usable one, else by decoding ``im``."""
    small = _embedded_thumbnail(heif, im.size, orientation, side) if heif is not None else None
    if small is not None:
        return small
    _refuse_full_decode(im)
    return decode_upright(im, orientation, side)


def _refuse_full_decode(im: Image.Image) -> None:
    """Refuse an image too large to decode in full (see :data:`FULL_DECODE_MAX_PIXELS`)."""
    if im.format != "JPEG" and im.size[0] * im.size[1] > FULL_DECODE_MAX_PIXELS:
        raise errors.too_big_to_decode(im.size, FULL_DECODE_MAX_PIXELS, im.format or "image")


def _embedded_thumbnail(
    data: bytes, size: tuple[int, int], orientation: int, side: int,
) -> Image.Image | None:
    """The HEIF's own thumbnail item, upright, or None when the primary must be decoded.

    A 12 MP HEIC is a grid of dozens of HEVC tiles (~0.4 s to decode on two cores); its
    embedded thumbnail (320×240 on iPhones) decodes in milliseconds. It is used only when its
    long side reaches :data:`DRAFT_SLACK` × ``side`` (what a draft-mode JPEG thumbnail may
    fall short by too) and it has the primary's shape. ``size`` is the primary's size as
    pi-heif opened it, with the primary's ``irot``/``imir`` applied by libheif; the thumbnail
    file carries the thumbnail item's own copies of them, which libheif applies the same way.
    EXIF orientation is not in the thumbnail file: ``orientation`` is the one read from the
    original (pi-heif sets it to 1 there, as libheif has already turned the pixels), the same
    the full decode gets, so both come out alike.
    """
    try:
        thumb = find_thumbnail(data)
        if thumb is None or max(thumb.width, thumb.height) < DRAFT_SLACK * side:
            return None
        im = open_image(thumb.data)
        width, height = im.size  # after the thumbnail's irot, like ``size``
        if abs(width * size[1] / (height * size[0]) - 1) > ASPECT_TOLERANCE + 2 / min(im.size):
            return None  # another crop, letterboxed, or turned unlike the primary
        return decode_upright(im, orientation, side)
    except Exception as exc:  # noqa: BLE001 - any failure here only means the full decode
        log.debug("embedded HEIF thumbnail unusable (%s): decoding the primary image", exc)
        return None


def _special_kind(path: Path) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "special file"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "folder"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file"


def _os_failure(exc: OSError, path: Path) -> Failure:
    if isinstance(exc, media.NotRegularFile):
        return Failure.of(errors.not_regular(_special_kind(path)))
    if isinstance(exc, FileNotFoundError):
        return Failure.of(errors.vanished())
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return Failure.of(errors.unreadable("permission denied / 没有读取权限"))
    if isinstance(exc, IsADirectoryError):
        return Failure.of(errors.unreadable("a folder, not a file / 是文件夹"))
    return Failure.of(errors.unreadable(exc.strerror or str(exc)))


def prepare(path: str, max_pixels: int = MAX_PIXELS) -> Prepared | Failure:
    """Everything about one file that needs CPU, done without touching the store."""
    try:
        return _prepare(Path(path), max_pixels)
    except errors.PhotoError as exc:
        return Failure.of(exc)
    except MemoryError:
        return Failure.of(errors.too_big_file(0, MAX_IMAGE_BYTES))
    except OSError as exc:
        return _os_failure(exc, Path(path))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch
        log.exception("preparing %s", path)
        return Failure.of(errors.internal(f"{type(exc).__name__}: {exc}"))


def _prepare(path: Path, max_pixels: int) -> Prepared:
    with media.open_regular(path) as fh:  # a FIFO or device is never opened: it could block
        st = os.fstat(fh.fileno())
        head = fh.read(HEAD_BYTES)
        if st.st_size == 0 or not head:
            raise errors.empty_file()
        ftype = sniff(head)
        if ftype is None:
            raise errors.unsupported(describe(head))
        if not ftype.decodable:  # video, scan: stored and hashed while copying, never decoded
            why = complete.problem(fh, ftype, st.st_size)
            if why:
                raise errors.incomplete(why)
            return Prepared(str(path), ftype, st.st_size, None, None, taken_at=file_time(st))
        if st.st_size > MAX_IMAGE_BYTES:
            raise errors.too_big_file(st.st_size, MAX_IMAGE_BYTES)
        fh.seek(0)
        data = fh.read()
    if len(data) != st.st_size or data[: len(head)] != head:
        raise errors.changed_while_importing()
    why = complete.problem(io.BytesIO(data), ftype, len(data))  # HEIC decodes even when cut
    if why:
        raise errors.incomplete(why)
    im = open_image(data, max_pixels)  # header only: refused here before any decoding
    if ftype not in (HEIC, HEIF):  # (a HEIC may bring a small thumbnail: see _small_upright)
        _refuse_full_decode(im)  # before read_meta: a PNG's EXIF may come after its pixels
    meta = read_meta(im)
    width, height = displayed_size(*im.size, meta.orientation)
    # Decoding shows damage (corrupt), except that a HEIC's thumbnail comes from its embedded
    # thumbnail item when it has a usable one: the trade-off is that damaged tile data of the
    # primary image no longer fails the import here, as the full decode would. A cut file is
    # still refused by complete.problem above, the original is kept byte for byte, and viewing
    # or rendering it decodes the primary in full.
    heif = data if ftype in (HEIC, HEIF) else None
    small = _small_upright(im, heif, meta.orientation, THUMB_SIDE)
    return Prepared(
        path=str(path), type=ftype, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
        data=data, width=width, height=height, orientation=meta.orientation,
        taken_at=meta.taken_at or file_time(st),
        taken_at_source="exif" if meta.taken_at else "file",
        lat=meta.lat, lon=meta.lon, notes=meta.notes, thumbnail=_jpeg(small),
    )
