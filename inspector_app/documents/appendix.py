"""The photo appendix: oriented, annotated, scaled JPEG copies with a caption each.

Photos are prepared through ``photos/render.py`` (orientation, annotation shapes) at about
1200 px on the long side, JPEG quality 80, so six 12 MP originals add well under 1.5 MB.
Decoding runs in a small thread pool (Pillow and libheif release the GIL). A missing or
undecodable file prints a placeholder box and a warning; nothing here raises for a photo.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image as Image_
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from . import fonts
from .blocks import cn_time
from .inputs import Photo
from .layout import MARGIN_X, PAGE_W, Doc

LONG_SIDE = 1200
QUALITY = 80
BOX_W = PAGE_W - 2 * MARGIN_X
BOX_H = 95 * mm  # two photos per page


def prepare(photo: Photo, cache: Path | None = None) -> tuple[bytes, tuple[int, int]] | None:
    """JPEG bytes and size of the rendered copy, or None when the file cannot be used.

    With ``cache`` (a folder), the copy is kept there under the sha256 of the original's
    bytes and the rendering settings, so the preview pays the decode (a 12 MP HEIC takes
    0.3-2 s) and issuing or re-printing the same photos does not. The bytes are the same
    either way: a re-print stays byte-identical.
    """
    from ..photos.render import render

    try:
        raw = photo.path.read_bytes()
    except OSError:
        return None
    hit = None
    if cache is not None:
        key = hashlib.sha256(raw)
        key.update(repr((LONG_SIDE, QUALITY, [s.as_dict() for s in photo.annotations])).encode())
        hit = cache / f"{key.hexdigest()}.jpg"
        try:
            data = hit.read_bytes()
            if not data.endswith(b"\xff\xd9"):  # cut short (full disk, crash): not a copy
                raise OSError("truncated cache entry")
            with Image_.open(io.BytesIO(data)) as im:
                return data, im.size
        except OSError:
            pass  # not cached yet (or a damaged entry): render it again
    try:
        im = render(raw, shapes=list(photo.annotations) or None, max_side=LONG_SIDE)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=QUALITY, optimize=True)
    except Exception:  # noqa: BLE001 - any unreadable photo becomes a placeholder
        return None
    data = buf.getvalue()
    if hit is not None:
        _store(hit, data)
    return data, im.size


def _store(path: Path, data: bytes) -> None:
    """Write a cache entry atomically; a cache that cannot be written is only slower."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def add(doc: Doc, photos: tuple[Photo, ...]) -> None:
    if not photos:
        return
    t = doc.t["appendix"]
    workers = min(len(photos), 4)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        prepared = list(pool.map(lambda ph: prepare(ph, doc.photo_cache), photos))
    doc.add(PageBreak(), doc.p(t["title"], "heading", fonts.TITLE), Spacer(1, 4 * mm))
    for n, (photo, ready) in enumerate(zip(photos, prepared, strict=True), 1):
        if ready is None:
            doc.warnings.append(t["missing_warning"].format(n=n, path=photo.path.name))
            body = _placeholder(doc, t["missing"])
        else:
            data, (w, h) = ready
            scale = min(BOX_W / w, (BOX_H - 12 * mm) / h)
            body = Image(io.BytesIO(data), width=w * scale, height=h * scale)
        caption = doc.fill(t["caption"], n=str(n), phase=photo.phase,
                           taken_at=cn_time(photo.taken_at, ""), place=photo.place or "",
                           hash=photo.short_hash or "")
        doc.add(KeepTogether([body, doc.p(caption.strip(), "caption"), Spacer(1, 5 * mm)]))


def _placeholder(doc: Doc, label: str) -> Table:
    box = Table([[doc.p(label, "caption")]], colWidths=[BOX_W * 0.8],
                rowHeights=[BOX_H * 0.6])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"),
                             ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return box
