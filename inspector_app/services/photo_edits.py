"""Editing evidence photos: annotation versions, removal, and rendered copies.

An annotation edit is a new ``photo_link`` row that ``supersedes`` the old one (links are
never edited in place). A rendered copy is upright (EXIF orientation applied), carries the
link's shapes and, optionally, the watermark (time, place, inspector, short hash); the
stored original is only ever read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PIL import Image

from ..core.errors import NotFound, ValidationError
from ..photos import annotation
from ..photos.render import jpeg_bytes, render
from ..photos.sniff import PHOTO
from ..photos.watermark import Watermark
from ..store.store import WriteTx, write_atomic
from . import scope
from .changes import HAZARDS, INSPECTIONS, Changes, Saved
from .photos import LATEST_VERSION, PHOTOS, get_photo, original_path
from .session import Session


def _names(session: Session, user_ids: list[str]) -> str | None:
    if not user_ids:
        return None
    conn = session.store.read()
    names = []
    for uid in user_ids:
        row = conn.execute("SELECT name FROM app_user WHERE id = ?", (uid,)).fetchone()
        if row and row[0]:
            names.append(row[0])
    return "、".join(names) or None


def watermark_of(session: Session, link_id: str) -> Watermark:
    """Time, place (site and location), inspector and hash of one photo link."""
    photo = get_photo(session, link_id)
    conn = session.store.read()
    link = conn.execute("SELECT hazard_id, inspection_id FROM photo_link WHERE id = ?",
                        (link_id,)).fetchone()
    place_parts: list[str] = []
    inspector = None
    if link["hazard_id"]:
        h = conn.execute(
            "SELECT s.name, h.location, h.found_by FROM hazard h LEFT JOIN site s ON s.id = h.site_id"
            " WHERE h.id = ?", (link["hazard_id"],)).fetchone()
        if h:
            place_parts = [h[0], h[1]]
            inspector = _names(session, [h[2]] if h[2] else [])
    elif link["inspection_id"]:
        i = conn.execute(
            "SELECT s.name, i.location, i.inspector_ids FROM inspection i"
            " LEFT JOIN site s ON s.id = i.site_id WHERE i.id = ?", (link["inspection_id"],)).fetchone()
        if i:
            place_parts = [i[0], i[1]]
            inspector = _names(session, json.loads(i[2] or "[]"))
    taken = photo["taken_at"] or ""
    time_text = taken[:16].replace("T", " ")
    if taken and photo["taken_at_source"] == "file":
        time_text += "（文件时间）"
    return Watermark(
        time=time_text or None,
        place=" · ".join(p for p in place_parts if p) or None,
        inspector=inspector or session.user.name,
        sha256=photo["sha256"],
    )


def render_photo(
    session: Session, link_id: str, *, watermark: bool = False, annotated: bool = True,
    max_side: int | None = None,
) -> Image.Image:
    """The photo of ``link_id`` as shown to people: upright, with its shapes, maybe marked."""
    photo = get_photo(session, link_id)
    if photo["kind"] != PHOTO:
        raise ValidationError("only photos can be rendered (videos and scans are stored as is)",
                              "只有照片可以生成图像副本（视频和扫描件按原样保存）", code="not_a_photo")
    shapes: list[annotation.Shape] = []
    if annotated:
        row = session.store.read().execute("SELECT annotation FROM photo_link WHERE id = ?",
                                           (link_id,)).fetchone()
        shapes = annotation.parse(row[0])
    mark = watermark_of(session, link_id) if watermark else None
    return render(original_path(session, photo["sha256"]), shapes=shapes, watermark=mark,
                  max_side=max_side)


def save_rendered(
    session: Session, link_id: str, dest: Path, *, watermark: bool = False,
    annotated: bool = True, max_side: int | None = None, quality: int = 90,
) -> Path:
    """Write a rendered copy as JPEG to ``dest`` (temp name, fsync, rename)."""
    image = render_photo(session, link_id, watermark=watermark, annotated=annotated,
                         max_side=max_side)
    dest = Path(dest)
    write_atomic(dest, jpeg_bytes(image, quality))
    return dest


# --------------------------------------------------------------------------- editing
_LINK_COLUMNS = ("id", "media_id", "hazard_id", "inspection_id", "document_id", "phase", "flags")


def _current_link(tx: WriteTx, session: Session, link_id: str) -> dict[str, Any]:
    """The link's latest version, checked: it exists, its hazard/inspection is the user's."""
    row = tx.conn.execute(
        f"SELECT {', '.join('l.' + c for c in _LINK_COLUMNS)} FROM photo_link l"
        f" WHERE l.id = ? AND l.deleted = 0 AND {LATEST_VERSION}", (link_id,)).fetchone()
    if row is None:
        raise NotFound(f"no current photo with id {link_id} (removed or edited meanwhile)",
                       f"找不到照片（编号 {link_id}），可能已被删除或修改")
    scope.check_photo_link(tx.conn, session.user, link_id)
    return dict(zip(_LINK_COLUMNS, row, strict=True))


def set_annotation(session: Session, link_id: str, shapes: Any) -> Saved:
    """Save annotation shapes as a new version of the link (the old one is kept, immutable).

    ``shapes``: see :mod:`inspector_app.photos.annotation`; empty clears the annotation.
    """
    stored = annotation.dumps(annotation.parse(shapes))

    def job(tx: WriteTx) -> str:
        old = _current_link(tx, session, link_id)
        new_id = tx.insert("photo_link", {
            "media_id": old["media_id"], "hazard_id": old["hazard_id"],
            "inspection_id": old["inspection_id"], "document_id": old["document_id"],
            "phase": old["phase"], "flags": old["flags"], "annotation": stored,
            "supersedes": old["id"],
        })
        tx.audit("photo_annotated", "photo_link", new_id, f"supersedes {old['id']}")
        return new_id

    new_id = session.write(job)
    return Saved(new_id, Changes.of(PHOTOS, HAZARDS, INSPECTIONS))


def get_annotation(session: Session, link_id: str) -> list[annotation.Shape]:
    conn = session.store.read()
    row = conn.execute("SELECT annotation FROM photo_link WHERE id = ?", (link_id,)).fetchone()
    if row is None:
        raise NotFound(f"no photo with id {link_id}", f"找不到照片（编号 {link_id}）")
    scope.check_photo_link(conn, session.user, link_id)
    return annotation.parse(row[0])


def remove_photo(session: Session, link_id: str) -> Changes:
    """Take a photo off its hazard/inspection (every version of the link; media stays)."""

    def job(tx: WriteTx) -> None:
        current: str | None = _current_link(tx, session, link_id)["id"]
        while current:
            tx.update("photo_link", current, {"deleted": 1})
            row = tx.conn.execute("SELECT supersedes FROM photo_link WHERE id = ?",
                                  (current,)).fetchone()
            current = row[0] if row else None
        tx.audit("photo_removed", "photo_link", link_id)

    session.write(job)
    return Changes.of(PHOTOS, HAZARDS, INSPECTIONS)
