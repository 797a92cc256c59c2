"""A font that has Chinese glyphs, for watermarks and annotation text.

Looks in the app's ``resources/fonts/`` first (the reports work bundles one), then in the
usual system places; without any, Pillow's default font (no CJK glyphs) keeps drawing
possible.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PIL import ImageFont

log = logging.getLogger(__name__)

SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",  # 微软雅黑
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
)


def _bundled() -> list[Path]:
    try:
        from ..resources_path import resource_path

        folder = resource_path("fonts")
    except (FileNotFoundError, ImportError):
        return []
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))


@functools.lru_cache(maxsize=1)
def cjk_font_file() -> Path | None:
    """The first usable CJK font file, or None."""
    for candidate in [*_bundled(), *(Path(p) for p in SYSTEM_FONTS)]:
        if candidate.is_file():
            try:
                ImageFont.truetype(str(candidate), 12)
            except OSError:
                continue
            return candidate
    log.warning("no CJK font found: watermarks use Pillow's default font")
    return None


@functools.lru_cache(maxsize=32)
def cjk_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = cjk_font_file()
    if path is not None:
        return ImageFont.truetype(str(path), size)
    try:
        return ImageFont.load_default(size)  # scalable since Pillow 10.1
    except TypeError:
        return ImageFont.load_default()
