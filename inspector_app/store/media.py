"""Content-addressed media files: ``media/ab/<sha256>.<ext>`` and ``thumbs/ab/<sha256>.jpg``.

Originals are evidence: they are written once, byte for byte, and never changed. Every
write goes to a temporary name in the destination folder, is fsynced and renamed, so a
crash or a full disk leaves either the whole file or nothing under its final name.
:func:`write_chunk` is the one place where media bytes reach the disk (tests inject
``ENOSPC`` there).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
import threading
import time
import uuid
from collections.abc import Container, Iterable, Iterator
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


class NotRegularFile(OSError):
    """A FIFO, device or socket where a file was expected: reading it could block forever."""


def open_regular(path: str | Path) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (symlinks to one are fine).

    Opening a FIFO for reading blocks until a writer comes, which may be never (a folder
    copied from a phone or a tampered evidence folder can hold one). So the type is checked
    with ``stat`` before opening, and the open itself is non-blocking as a second guard
    (the name may be swapped between the two), after which ``fstat`` tells what was opened.
    ``O_NONBLOCK`` changes nothing for reads of a regular file.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
        with open_regular(source) as src, _open_new(tmp) as fh:
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


# --------------------------------------------------------------------------- leftovers
_PROCESS_START = time.time()  # files of this process are never older than this module


def leftover_incoming(data_dir: Path, *, stale_only: bool = True) -> list[Path]:
    """Temporary ``.incoming-*`` files in ``media/`` and ``thumbs/`` (sorted).

    A process killed while copying a file into the store (SIGKILL, power cut) leaves its
    temporary file behind; nothing refers to it, it is never a finished original. With
    ``stale_only`` (the default) only those that cannot be in use are listed: older than
    this process and named after a process id that is not running (or is this process's:
    a pid reused after a reboot). A file of another running app instance is kept: it may
    be fsyncing right now. Shared by the import (which removes them at its start) and
    ``check`` (which reports them).
    """
    found: list[Path] = []
    for top in (Path(data_dir) / "media", Path(data_dir) / "thumbs"):
        if not top.is_dir():
            continue
        for folder in [top, *sorted(p for p in top.iterdir() if p.is_dir())]:
            for path in sorted(folder.glob(f"{_TMP_PREFIX}*")):
                if path.is_file() and (not stale_only or _is_stale(path)):
                    found.append(path)
    return found


def remove_stale_incoming(data_dir: Path) -> list[Path]:
    """Delete the stale temporary files :func:`leftover_incoming` lists; returns them."""
    removed = []
    for path in leftover_incoming(data_dir):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass  # another process cleaned it first
    return removed


def orphan_media(data_dir: Path, known: Container[str]) -> list[Path]:
    """Stored originals (``media/ab/<sha256>.<ext>``) whose sha256 is not in ``known``.

    Left by a process killed between writing the file and committing its row. The import
    adopts such a file when the same photo is added again (:func:`put_bytes` finds it,
    checks its hash and keeps it instead of writing it again); ``check`` lists the rest
    (``known``: the ids of the ``media`` table, a set for speed).
    """
    top = Path(data_dir) / "media"
    if not top.is_dir():
        return []
    found = []
    for folder in sorted(p for p in top.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.stem not in known:
                found.append(path)
    return found


def _is_stale(path: Path) -> bool:
    try:
        if path.stat().st_mtime >= _PROCESS_START:
            return False
    except FileNotFoundError:
        return False
    pid_text = path.name[len(_TMP_PREFIX):].split("-", 1)[0]
    if not pid_text.isdigit():
        return True  # not a name this version writes, and older than this process
    pid = int(pid_text)
    return pid == os.getpid() or not _pid_running(pid)


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would *terminate* the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
