"""The photo appendix: oriented, annotated, scaled JPEG copies with a caption each.

Photos are prepared through ``photos/render.py`` (orientation, annotation shapes) at about
1200 px on the long side, JPEG quality 80, so six 12 MP originals add well under 1.5 MB.
Decoding runs in a small thread pool (Pillow and libheif release the GIL). A missing or
undecodable file prints a placeholder box and a warning; nothing here raises for a photo.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

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


def prepare(photo: Photo) -> tuple[bytes, tuple[int, int]] | None:
    """JPEG bytes and size of the rendered copy, or None when the file cannot be used."""
    from ..photos.render import render

    try:
        im = render(photo.path, shapes=list(photo.annotations) or None, max_side=LONG_SIDE)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=QUALITY, optimize=True)
        return buf.getvalue(), im.size
    except Exception:  # noqa: BLE001 - any unreadable photo becomes a placeholder
        return None


def add(doc: Doc, photos: tuple[Photo, ...]) -> None:
    if not photos:
        return
    t = doc.t["appendix"]
    workers = min(len(photos), 4)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        prepared = list(pool.map(prepare, photos))
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
