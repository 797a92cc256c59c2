"""Rendered copies of a stored original: upright, annotated, optionally watermarked."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from . import annotation
from .decode import decode_upright, open_image
from .exif import read_meta
from .watermark import Watermark
from .watermark import draw as draw_watermark


def render(
    source: Path | bytes, *, shapes: list[annotation.Shape] | None = None,
    watermark: Watermark | None = None, max_side: int | None = None,
) -> Image.Image:
    """The photo as people should see it (orientation applied), as a new RGB image."""
    im = open_image(source)
    meta = read_meta(im)
    out = decode_upright(im, meta.orientation, max_side)
    if shapes:
        out = annotation.draw(out, shapes)
    if watermark is not None:
        out = draw_watermark(out, watermark)
    return out


def jpeg_bytes(im: Image.Image, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def placeholder(label: str, side: int = 320) -> bytes:
    """A plain tile (JPEG) for evidence that is not decoded: videos and scans."""
    from PIL import ImageDraw

    from .fonts import cjk_font

    w, h = side, side * 3 // 4
    tile = Image.new("RGB", (w, h), (70, 76, 84))
    canvas = ImageDraw.Draw(tile)
    font = cjk_font(max(14, side // 8))
    box = canvas.textbbox((0, 0), label, font=font)
    canvas.text(((w - (box[2] - box[0])) / 2, (h - (box[3] - box[1])) / 2), label,
                font=font, fill=(235, 235, 235))
    return jpeg_bytes(tile, 80)
