"""Content-addressed media files: ``media/ab/<sha256>.<ext>`` and ``thumbs/ab/<sha256>.jpg``.

Originals are evidence: they are written once, byte for byte, and never changed. Every
write goes to a temporary name in the destination folder, is fsynced and renamed, so a
crash or a full disk leaves either the whole file or nothing under its final name.
:func:`write_chunk` is the one place where media bytes reach the disk (tests inject
``ENOSPC`` there).
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20
_TMP_PREFIX = ".incoming-"


@dataclass(frozen=True)
class Placed:
    """Where a media file is, its hash, and whether this call created it."""

    path: Path
    sha256: str
    created: bool


class HashMismatch(Exception):
    """The source changed between hashing and copying (e.g. a phone still syncing)."""


def media_path(data_dir: Path, sha256: str, ext: str) -> Path:
    return Path(data_dir) / "media" / sha256[:2] / f"{sha256}.{ext}"


def thumb_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / "thumbs" / sha256[:2] / f"{sha256}.jpg"


def find_media(data_dir: Path, sha256: str) -> Path | None:
    """The stored original of ``sha256`` whatever its extension, or None."""
    folder = Path(data_dir) / "media" / sha256[:2]
    for candidate in sorted(folder.glob(f"{sha256}.*")) if folder.is_dir() else ():
        if not candidate.name.startswith(_TMP_PREFIX):
            return candidate
    return None


def write_chunk(fh: BinaryIO, data: bytes | memoryview) -> None:
    """Write one chunk of a media file (the single write point; see the module doc)."""
    fh.write(data)


_known_dirs: set[Path] = set()  # folders made already: mkdir on every file is not free


def _open_new(tmp: Path) -> BinaryIO:
    """Open a fresh temp file, making its folder on first use (or after thumbs/ was deleted)."""
    if tmp.parent not in _known_dirs:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        _known_dirs.add(tmp.parent)
    try:
        return open(tmp, "xb")
    except FileNotFoundError:
        _known_dirs.discard(tmp.parent)
        tmp.parent.mkdir(parents=True, exist_ok=True)
        return open(tmp, "xb")


def _tmp_name(folder: Path) -> Path:
    # unique per process *and* thread: the GUI may create thumbnails from several threads
    return folder / f"{_TMP_PREFIX}{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:8]}"


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_new(
    final: Path, chunks: Iterable[bytes | memoryview], *, durable: bool = True,
    overwrite: bool = False,
) -> bool:
    """Write ``chunks`` under ``final`` atomically; False if ``final`` already existed."""
    tmp = _tmp_name(final.parent)
    try:
        with _open_new(tmp) as fh:
            for chunk in chunks:
                write_chunk(fh, chunk)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if final.exists() and not overwrite:  # stored meanwhile (same content, by its name)
            tmp.unlink()
            return False
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(final.parent)
    return True


def _slices(data: bytes) -> Iterator[memoryview]:
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        yield view[start : start + CHUNK]


def put_bytes(data_dir: Path, sha256: str, ext: str, data: bytes) -> Placed:
    """Store ``data`` (whose sha256 the caller computed from these very bytes)."""
    final = media_path(data_dir, sha256, ext)
    damaged = False
    if final.exists():
        if final.stat().st_size == len(data) and sha256_file(final) == sha256:
            return Placed(final, sha256, False)
        damaged = True  # the stored copy was damaged: the verified bytes replace it
    created = _write_new(final, _slices(data), overwrite=damaged)
    return Placed(final, sha256, created and not damaged)


def put_stream(data_dir: Path, source: Path, ext: str, expected: str | None = None) -> Placed:
    """Copy a large file (video, scan) into the store, hashing while copying (one read).

    The name is only known at the end, so the copy goes to a temp name in ``media/`` and is
    renamed into ``media/ab/`` (same file system: the rename is atomic).
    """
    tmp = _tmp_name(Path(data_dir) / "media")
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as src, _open_new(tmp) as fh:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                write_chunk(fh, chunk)
            fh.flush()
            os.fsync(fh.fileno())
        sha256 = digest.hexdigest()
        if expected is not None and sha256 != expected:
            raise HashMismatch(source)
        final = media_path(data_dir, sha256, ext)
        final.parent.mkdir(exist_ok=True)
        if final.exists() and final.stat().st_size == tmp.stat().st_size:
            tmp.unlink()
            return Placed(final, sha256, False)
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(final.parent)
    return Placed(final, sha256, True)


def put_thumbnail(data_dir: Path, sha256: str, jpeg: bytes) -> Path:
    """Write a thumbnail (a cache: atomic rename, but no fsync)."""
    final = thumb_path(data_dir, sha256)
    _write_new(final, [jpeg], durable=False)
    return final


def discard(data_dir: Path, sha256: str, placed: Placed | None) -> None:
    """Remove a file this import created (its database write failed) and its thumbnail."""
    if placed is not None and placed.created:
        placed.path.unlink(missing_ok=True)
        thumb_path(data_dir, sha256).unlink(missing_ok=True)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
