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
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import complete, errors
from .decode import MAX_IMAGE_BYTES, MAX_PIXELS, decode_upright, open_image
from .errors import Failure, Note
from .exif import read_meta
from .orientation import displayed_size
from .sniff import HEAD_BYTES, FileType, describe, sniff

log = logging.getLogger(__name__)
THUMB_SIDE = 320
THUMB_QUALITY = 80


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


def thumbnail_jpeg(source: bytes | Path, orientation: int, side: int = THUMB_SIDE) -> bytes:
    """An upright JPEG thumbnail whose long side is at most ``side`` (draft-mode decode)."""
    im = open_image(source)
    small = decode_upright(im, orientation, side)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()


def _read(path: Path) -> tuple[os.stat_result, bytes]:
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        return st, fh.read(HEAD_BYTES)


def _os_failure(exc: OSError) -> Failure:
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
        return _os_failure(exc)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch
        log.exception("preparing %s", path)
        return Failure.of(errors.internal(f"{type(exc).__name__}: {exc}"))


def _prepare(path: Path, max_pixels: int) -> Prepared:
    st, head = _read(path)
    if st.st_size == 0 or not head:
        raise errors.empty_file()
    ftype = sniff(head)
    if ftype is None:
        raise errors.unsupported(describe(head))
    if not ftype.decodable:  # video, scan: stored and hashed while copying, never decoded
        with open(path, "rb") as fh:
            why = complete.problem(fh, ftype, st.st_size)
        if why:
            raise errors.incomplete(why)
        return Prepared(str(path), ftype, st.st_size, None, None, taken_at=file_time(st))
    if st.st_size > MAX_IMAGE_BYTES:
        raise errors.too_big_file(st.st_size, MAX_IMAGE_BYTES)
    data = path.read_bytes()
    if len(data) != st.st_size or data[: len(head)] != head:
        raise errors.changed_while_importing()
    why = complete.problem(io.BytesIO(data), ftype, len(data))  # HEIC decodes even when cut
    if why:
        raise errors.incomplete(why)
    im = open_image(data, max_pixels)  # header only: refused here before any decoding
    meta = read_meta(im)
    width, height = displayed_size(*im.size, meta.orientation)
    small = decode_upright(im, meta.orientation, THUMB_SIDE)  # decodes: damage shows here
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMB_QUALITY)
    return Prepared(
        path=str(path), type=ftype, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
        data=data, width=width, height=height, orientation=meta.orientation,
        taken_at=meta.taken_at or file_time(st),
        taken_at_source="exif" if meta.taken_at else "file",
        lat=meta.lat, lon=meta.lon, notes=meta.notes, thumbnail=out.getvalue(),
    )
