"""The optional watermark of rendered copies: time, place, inspector, short hash.

Drawn as a translucent band along the bottom so the photo itself stays visible; the
original file is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from .fonts import cjk_font


@dataclass(frozen=True)
class Watermark:
    time: str | None = None  # as it should read, e.g. "2026-09-28 10:12"
    place: str | None = None  # site name, location
    inspector: str | None = None
    sha256: str | None = None

    def lines(self) -> list[str]:
        out = []
        if self.time:
            out.append(f"时间 {self.time}")
        if self.place:
            out.append(f"地点 {self.place}")
        if self.inspector:
            out.append(f"检查人 {self.inspector}")
        if self.sha256:
            out.append(f"校验 {self.sha256[:12]}")
        return out


def draw(im: Image.Image, mark: Watermark) -> Image.Image:
    """A copy of the RGB image ``im`` with the watermark band at the bottom."""
    lines = mark.lines()
    out = im.copy()
    if not lines:
        return out
    w, h = out.size
    size = max(11, min(w, h) // 28)
    font = cjk_font(size)
    pad = max(4, size // 3)
    line_h = round(size * 1.3)
    band_h = min(h, pad * 2 + line_h * len(lines))
    overlay = Image.new("RGBA", (w, band_h), (0, 0, 0, 130))
    text = ImageDraw.Draw(overlay)
    for i, line in enumerate(lines):
        text.text((pad, pad + i * line_h), line, font=font, fill=(255, 255, 255, 255))
    base = out.convert("RGBA")
    base.alpha_composite(overlay, (0, h - band_h))
    return base.convert("RGB")
