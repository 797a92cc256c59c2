"""Photo evidence: import (batches in a process pool), list, thumbnails, annotate, render, verify.

Each file is stored on its own: the original is copied into ``media/`` (content-addressed,
fsynced, renamed) and its ``media``/``photo_link`` rows are written in one transaction;
if that transaction fails, a file this import created is removed again, so a failure
leaves nothing half-imported. One bad file never stops the rest of a batch.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import DomainError, NotFound, ValidationError
from ..photos import errors
from ..photos.batch import POOL_MIN_FILES, expand, prepare_all
from ..photos.errors import Failure, PhotoError
from ..photos.names import readable, readable_name
from ..photos.render import placeholder
from ..photos.results import (
    DUPLICATE,
    ERROR,
    OK,
    PHASES,
    BatchResult,
    FileResult,
    compute_flags,
)
from ..photos.sniff import PHOTO, VIDEO
from ..photos.worker import Prepared, thumbnail_jpeg
from ..store import media
from ..store.store import WriteTx
from . import scope
from .changes import HAZARDS, INSPECTIONS, Changes
from .session import Session

log = logging.getLogger(__name__)
PHOTOS = "photo"  # a Changes kind: galleries refresh on it
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
STORE_THREADS = 4  # overlapping fsyncs; the database writes stay serial
LATEST_VERSION = "NOT EXISTS (SELECT 1 FROM photo_link n WHERE n.supersedes = l.id AND n.deleted = 0)"


@dataclass(frozen=True)
class PhotoTarget:
    """What a photo is evidence for: exactly one of a hazard, an inspection, a document."""

    hazard_id: str | None = None
    inspection_id: str | None = None
    document_id: str | None = None

    @property
    def column(self) -> str:
        return next(c for c, v in self._pairs() if v)

    @property
    def id(self) -> str:
        return next(v for _, v in self._pairs() if v)

    def _pairs(self) -> list[tuple[str, str | None]]:
        return [("hazard_id", self.hazard_id), ("inspection_id", self.inspection_id),
                ("document_id", self.document_id)]

    def __post_init__(self) -> None:
        if sum(1 for _, v in self._pairs() if v) != 1:
            raise ValueError("a photo target is exactly one hazard, inspection or document")


@dataclass(frozen=True)
class _Context:
    site_id: str | None
    served_on: str | None


def _target_context(conn: sqlite3.Connection, target: PhotoTarget) -> _Context:
    if target.hazard_id:
        row = conn.execute("SELECT site_id, served_on FROM hazard WHERE id = ? AND deleted = 0",
                           (target.hazard_id,)).fetchone()
        what = ("hazard", "隐患")
    elif target.inspection_id:
        row = conn.execute("SELECT site_id, NULL FROM inspection WHERE id = ? AND deleted = 0",
                           (target.inspection_id,)).fetchone()
        what = ("inspection", "检查")
    else:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'document'").fetchone()
        row = conn.execute("SELECT NULL, NULL FROM document WHERE id = ? AND deleted = 0",
                           (target.document_id,)).fetchone() if has else None
        what = ("document", "文书")
    if row is None:
        raise NotFound(f"no {what[0]} with id {target.id}", f"找不到{what[1]}（编号 {target.id}）")
    return _Context(row[0], row[1])


def _phase(target: PhotoTarget, phase: str | None) -> str:
    if phase is None:
        return "before" if target.hazard_id else "scene"
    if phase not in PHASES:
        raise ValidationError(f"phase must be before, after or scene, not {phase!r}",
                              "照片类别只能是 整改前(before)、整改后(after) 或 现场(scene)",
                              code="bad_phase")
    if target.inspection_id and phase != "scene":  # before/after belong to a hazard's rectification
        raise ValidationError(f"photos of an inspection are on-site (scene) photos, not {phase!r}",
                              "检查的照片只能是现场照片（scene）；整改前/整改后照片请加到隐患上",
                              code="bad_phase")
    return phase


# --------------------------------------------------------------------------- importing
def import_photos(
    session: Session, target: PhotoTarget | str, paths: Iterable[str | Path],
    phase: str | None = None, progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | None = None, *, workers: int | None = None,
) -> BatchResult:
    """Import files and folders (recursively) as evidence for ``target`` (a hazard id or a
    :class:`PhotoTarget`). Per-file results come back in input order; cancelling keeps
    every file already stored. ``workers``: processes (default: one per CPU; 0: none)."""
    target = PhotoTarget(hazard_id=target) if isinstance(target, str) else target
    phase = _phase(target, phase)
    conn = session.store.read()
    _target_context(conn, target)  # refuse a wrong id, or another grid's record, before any work
    scope.check_photo_target(conn, session.user, target.hazard_id, target.inspection_id)
    _clean_leftovers(session)
    files, skipped = expand(paths)
    results = [FileResult(readable(str(p))) for p in files]  # shown and kept: readable names
    finished = 0

    def finish(index: int, result: FileResult) -> None:
        nonlocal finished
        results[index], finished = result, finished + 1
        if progress:
            progress(finished, len(files), readable_name(files[index]))

    if progress:
        progress(0, len(files), "")
    outcomes = prepare_all(files, workers=workers, cancel=cancel)
    try:
        if workers == 0 or len(files) < POOL_MIN_FILES:  # one file after the other, this thread
            for index, outcome in outcomes:
                finish(index, _store_outcome(session, target, phase, files[index], outcome))
        else:
            _store_concurrently(session, target, phase, files, outcomes, finish)
    finally:
        outcomes.close()  # interrupted (SIGTERM, Ctrl+C): the worker processes stop now
    changed = any(r.status == OK for r in results)
    kinds = (PHOTOS, HAZARDS if target.hazard_id else INSPECTIONS)
    return BatchResult(results, [readable(str(p)) for p in skipped],
                       Changes.of(*kinds) if changed else Changes())


def _clean_leftovers(session: Session) -> None:
    """Remove the temporary files of an import that was killed (never finished originals).

    An original stored without its row (killed between the two) is adopted instead when
    the same file is imported again: :func:`media.put_bytes` finds it under its sha256,
    verifies it and keeps it; ``check`` lists the ones never imported again.
    """
    try:
        removed = media.remove_stale_incoming(session.store.data_dir)
    except OSError as exc:  # tidying only: the import itself may still work
        log.warning("could not remove leftover temporary files: %s", exc)
        return
    if removed:
        log.info("removed %d temporary file(s) left by an interrupted import", len(removed))


def _store_outcome(session: Session, target: PhotoTarget, phase: str, path: Path,
                   outcome: Prepared | Failure) -> FileResult:
    if isinstance(outcome, Failure):
        return _error(str(path), outcome)
    return store_prepared(session, target, phase, outcome)


def _store_concurrently(
    session: Session, target: PhotoTarget, phase: str, files: list[Path],
    outcomes: Iterable[tuple[int, Prepared | Failure]], finish: Callable[[int, FileResult], None],
) -> None:
    """Store results from the pool in a few threads, so one file's fsync overlaps the next
    file's copy (the rows still go one at a time through the writer thread)."""
    with ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="photo-store") as storers:
        inflight: dict[Future[FileResult], int] = {}

        def collect(block: bool) -> None:
            done = wait(inflight, return_when=FIRST_COMPLETED)[0] if block else [
                f for f in inflight if f.done()]
            for future in done:
                finish(inflight.pop(future), future.result())

        for index, outcome in outcomes:
            inflight[storers.submit(_store_outcome, session, target, phase, files[index],
                                    outcome)] = index
            collect(block=len(inflight) >= STORE_THREADS * 2)  # bounded: results hold bytes
        while inflight:
            collect(block=True)


def _error(path: str, failure: Failure | DomainError) -> FileResult:
    f = failure if isinstance(failure, Failure) else Failure.of(failure)
    name = readable_name(path)
    return FileResult(readable(path), ERROR, code=f.code, en=f"{name}: {f.en}", zh=f"{name}：{f.zh}")


def _place(session: Session, prep: Prepared) -> media.Placed:
    data_dir = session.store.data_dir
    try:
        if prep.data is not None:
            assert prep.sha256 is not None
            return media.put_bytes(data_dir, prep.sha256, prep.type.ext, prep.data)
        return media.put_stream(data_dir, Path(prep.path), prep.type.ext)
    except media.HashMismatch as exc:
        raise errors.changed_while_importing() from exc
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise errors.disk_full(exc.strerror or str(exc)) from exc
        raise errors.write_failed(exc.strerror or str(exc)) from exc


def store_prepared(session: Session, target: PhotoTarget, phase: str, prep: Prepared) -> FileResult:
    """Store one prepared file: original, thumbnail, rows (one transaction); never raises
    a ``DomainError`` - it becomes the file's error result."""
    data_dir = session.store.data_dir
    try:
        placed = _place(session, prep)
    except PhotoError as exc:
        return _error(prep.path, exc)
    sha = placed.sha256
    if prep.thumbnail and not media.thumb_path(data_dir, sha).exists():
        try:
            media.put_thumbnail(data_dir, sha, prep.thumbnail)
        except OSError as exc:  # a cache: thumbnail_path() recreates it later
            log.warning("thumbnail of %s not written: %s", sha, exc)
    notes = [n.as_dict() for n in prep.notes]
    try:
        link_id, status, flags = session.write(
            lambda tx: _link_job(tx, target, phase, prep, sha, notes, session))
    except BaseException as exc:
        _discard_unreferenced(session, sha, placed)
        if isinstance(exc, DomainError):
            return _error(prep.path, exc)
        if not isinstance(exc, Exception):
            raise
        log.exception("storing %s", prep.path)
        return _error(prep.path, errors.internal(f"{type(exc).__name__}: {exc}"))
    return FileResult(readable(prep.path), status, link_id, sha, prep.type.kind, flags=flags,
                      notes=notes)


def _discard_unreferenced(session: Session, sha: str, placed: media.Placed) -> None:
    """Remove a file this import created unless a row refers to it after all (the same
    photo stored meanwhile by another thread). Asked through the writer: storing threads
    keep no read connections of their own."""
    if not placed.created:
        return
    try:
        known = session.write(
            lambda tx: tx.conn.execute("SELECT 1 FROM media WHERE id = ?", (sha,)).fetchone())
    except Exception:  # noqa: BLE001 - cannot tell: an orphan file is better than a lost one
        log.warning("kept %s: could not check whether a row refers to it", sha)
        return
    if not known:
        media.discard(session.store.data_dir, sha, placed)


def _link_job(tx: WriteTx, target: PhotoTarget, phase: str, prep: Prepared, sha: str,
              notes: list[dict[str, str]], session: Session) -> tuple[str, str, dict[str, Any]]:
    ctx = _target_context(tx.conn, target)
    scope.check_photo_target(tx.conn, session.user, target.hazard_id, target.inspection_id)
    row = tx.conn.execute("SELECT taken_at, taken_at_source FROM media WHERE id = ?", (sha,)).fetchone()
    if row is None:
        tx.insert("media", {
            "id": sha, "kind": prep.type.kind, "mime": prep.type.mime, "size": prep.size,
            "width": prep.width, "height": prep.height, "taken_at": prep.taken_at,
            "taken_at_source": prep.taken_at_source, "lat": prep.lat, "lon": prep.lon,
            "original_name": readable_name(prep.path),
            "notes": json.dumps(notes, ensure_ascii=False) if notes else None,
        })
        taken_at, source = prep.taken_at, prep.taken_at_source
    else:  # the same bytes were stored before: keep what was recorded first
        taken_at, source = row
    col = target.column
    dup = tx.conn.execute(
        f"SELECT l.id FROM photo_link l WHERE l.media_id = ? AND l.{col} = ? AND l.phase = ?"
        f" AND l.deleted = 0 AND {LATEST_VERSION}", (sha, target.id, phase)).fetchone()
    if dup is not None:  # already evidence here: linking it again would only clutter
        return dup[0], DUPLICATE, {}
    others = [r[0] for r in tx.conn.execute(
        "SELECT COALESCE(h.site_id, i.site_id) FROM photo_link l"
        " LEFT JOIN hazard h ON h.id = l.hazard_id LEFT JOIN inspection i ON i.id = l.inspection_id"
        " WHERE l.media_id = ? AND l.deleted = 0", (sha,))]
    flags = compute_flags(phase=phase, site_id=ctx.site_id, other_site_ids=others,
                          taken_at=taken_at, taken_at_source=source, served_on=ctx.served_on)
    link_id = tx.insert("photo_link", {
        "media_id": sha, col: target.id, "phase": phase,
        "flags": json.dumps(flags, ensure_ascii=False, sort_keys=True) if flags else None,
    })
    tx.audit("photo_added", "photo_link", link_id, f"{phase} {sha[:12]} {readable_name(prep.path)}"[:120])
    return link_id, OK, flags


# --------------------------------------------------------------------------- reading
_PHOTO_SQL = """
SELECT l.id, l.media_id, l.phase, l.flags, l.annotation, l.supersedes, m.kind, m.mime, m.size,
       m.taken_at, m.taken_at_source, m.lat, m.lon, m.width, m.height, m.notes, m.original_name
FROM photo_link l JOIN media m ON m.id = l.media_id
"""
_PHASE_ORDER = "CASE l.phase WHEN 'before' THEN 0 WHEN 'scene' THEN 1 ELSE 2 END"


def _photo_dict(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"], "sha256": r["media_id"], "phase": r["phase"], "taken_at": r["taken_at"],
        "lat": r["lat"], "lon": r["lon"], "width": r["width"], "height": r["height"],
        "notes": json.loads(r["notes"] or "[]"), "kind": r["kind"], "mime": r["mime"],
        "size": r["size"], "taken_at_source": r["taken_at_source"],
        "original_name": r["original_name"], "flags": json.loads(r["flags"] or "{}"),
        "annotated": bool(r["annotation"]), "supersedes": r["supersedes"],
    }


def _photos_of(session: Session, column: str, owner_id: str) -> list[dict[str, Any]]:
    conn = session.store.read()
    if column == "hazard_id":
        scope.check_hazard(conn, session.user, owner_id)
    else:
        scope.check_inspection(conn, session.user, owner_id)
    rows = conn.execute(
        _PHOTO_SQL + f" WHERE l.{column} = ? AND l.deleted = 0 AND {LATEST_VERSION}"
        f" ORDER BY {_PHASE_ORDER}, m.taken_at, l.created_at, l.id", (owner_id,))
    return [_photo_dict(r) for r in rows]


def photos_of_hazard(session: Session, hazard_id: str) -> list[dict[str, Any]]:
    """The hazard's current photos (latest annotation version of each), before → after."""
    return _photos_of(session, "hazard_id", hazard_id)


def photos_of_inspection(session: Session, inspection_id: str) -> list[dict[str, Any]]:
    return _photos_of(session, "inspection_id", inspection_id)


def get_photo(session: Session, link_id: str) -> dict[str, Any]:
    conn = session.store.read()
    row = conn.execute(_PHOTO_SQL + " WHERE l.id = ?", (link_id,)).fetchone()
    if row is None:
        raise NotFound(f"no photo with id {link_id}", f"找不到照片（编号 {link_id}）")
    scope.check_photo_link(conn, session.user, link_id)
    return _photo_dict(row)


def original_path(session: Session, sha256: str) -> Path:
    scope.check_media(session.store.read(), session.user, sha256)
    path = media.find_media(session.store.data_dir, sha256)
    if path is None:
        raise PhotoError(f"the stored file of {sha256[:12]} is missing (run check)",
                         f"照片原件 {sha256[:12]} 缺失（请运行数据检查）", code="media_missing")
    return path


def thumbnail_path(session: Session, sha256: str) -> Path:
    """The on-disk thumbnail of ``sha256``, (re)created on demand (the gallery loads lazily)."""
    scope.check_media(session.store.read(), session.user, sha256)
    path = media.thumb_path(session.store.data_dir, sha256)
    if path.exists():
        return path
    row = session.store.read().execute("SELECT kind FROM media WHERE id = ?", (sha256,)).fetchone()
    if row is None:
        raise NotFound(f"no media {sha256}", f"找不到媒体文件 {sha256[:12]}")
    if row[0] == PHOTO:
        data = thumbnail_jpeg(original_path(session, sha256))  # as at import: same fast paths
    else:
        original_path(session, sha256)
        data = placeholder("视频 VIDEO" if row[0] == VIDEO else "扫描件 PDF")
    return media.put_thumbnail(session.store.data_dir, sha256, data)


# --------------------------------------------------------------------------- check
def verify_media(session: Session, workers: int | None = None) -> tuple[int, list[str]]:
    """Re-hash every stored original: ``(files checked, one line per missing/altered file)``.

    hashlib releases the GIL on large buffers, so threads hash several files at once.
    """
    rows = session.store.read().execute(
        "SELECT id, original_name FROM media WHERE deleted = 0 ORDER BY id").fetchall()
    data_dir = session.store.data_dir

    def one(row: sqlite3.Row) -> str | None:
        sha, name = row[0], row[1] or ""
        path = media.find_media(data_dir, sha)
        if path is None:
            return f"media missing: {sha} ({name}) - 照片原件缺失"
        try:
            actual = media.sha256_file(path)
        except OSError as exc:
            return f"media unreadable: {path} ({exc.strerror or exc}) - 照片原件无法读取"
        if actual != sha:
            return f"media altered: {path.name} ({name}) now hashes to {actual[:16]}… - 照片原件已被改动"
        return None

    with ThreadPoolExecutor(max_workers=workers or min(8, (os.cpu_count() or 1) + 1)) as pool:
        problems = [p for p in pool.map(one, rows) if p]
    return len(rows), problems
