"""The fonts of printed documents: bundled TrueType CJK faces and per-character fallback.

``resources/fonts/`` holds Noto Serif SC Regular (body, a Song-style face) and Noto Sans SC
Bold (titles, a Hei-style face), both OFL; ``resources/fonts/fallback/`` holds HanaMinB cut to
CJK Extension B (Hanazono Font License), for names such as 𠮷 (U+20BB7) that the Noto faces
lack. The fallback sits in a subfolder so code that takes "the first bundled CJK font" (the
photo watermark) never picks a font without the common ideographs.

Nothing here imports Qt: the GUI may call :func:`font_path` to load the same face when the
system has no CJK font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources_path import resource_path
from . import tounicode

BODY = "GI-Serif"  # reportlab names of the registered faces
TITLE = "GI-SansBold"
FALLBACK = "GI-ExtB"

_FILES = {
    BODY: ("fonts", "NotoSerifSC-Regular.ttf"),
    TITLE: ("fonts", "NotoSansSC-Bold.ttf"),
    FALLBACK: ("fonts", "fallback", "HanaMinB-ExtB.ttf"),
}
# which face stands in when a font lacks a character, in order
_CHAIN = {BODY: (BODY, FALLBACK), TITLE: (TITLE, BODY, FALLBACK), FALLBACK: (FALLBACK,)}


def font_path(role: str = "body") -> Path:
    """The bundled font file for ``role``: "body" (serif), "title" (sans bold) or "fallback"."""
    name = {"body": BODY, "title": TITLE, "fallback": FALLBACK}[role]
    return resource_path(*_FILES[name])


def ui_font_path() -> Path:
    """The face the GUI should load (QFontDatabase) when the system has no CJK font.

    The serif regular: the only bundled regular weight (a Song face, as SimSun on Windows).
    """
    return font_path("body")


@functools.cache
def register() -> None:
    """Register the three faces with reportlab once per process (parsing takes ~0.5 s)."""
    tounicode.install()
    for name, parts in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path(*parts))))


@functools.cache
def _glyphs(name: str) -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(name)
    return frozenset(c for c, g in font.face.charToGlyph.items() if g)


def has_glyph(name: str, ch: str) -> bool:
    return ord(ch) in _glyphs(name)


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn with one font; ``font`` is None for characters no font has."""

    text: str
    font: str | None


def _font_for(ch: str, base: str) -> str | None:
    if ch.isspace() or ord(ch) < 0x20:
        return base
    for name in _CHAIN[base]:
        if has_glyph(name, ch):
            return name
    return None


def runs(text: str, base: str = BODY) -> list[Run]:
    """Split ``text`` into runs by the first font of ``base``'s chain that has each glyph."""
    out: list[Run] = []
    for ch in text:
        font = _font_for(ch, base)
        if out and out[-1].font == font:
            out[-1] = Run(out[-1].text + ch, font)
        else:
            out.append(Run(ch, font))
    return out


def missing(text: str, base: str = BODY) -> list[str]:
    """Characters of ``text`` that no bundled font can draw, each once, in order."""
    seen: dict[str, None] = {}
    for run in runs(text, base):
        if run.font is None:
            for ch in run.text:
                seen.setdefault(ch, None)
    return list(seen)
