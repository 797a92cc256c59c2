"""User text → reportlab Paragraph markup that can only ever print as text.

reportlab's Paragraph reads a mini-markup (``<img src=…>`` embeds a local file, ``<font>``,
``<para>``, ``<a href>`` …). Every user string goes through :func:`markup`, which escapes
``& < >`` and control characters and wraps characters the base font lacks in a
``<font name=…>`` of the fallback face; characters no font has come back as warnings.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from . import fonts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def clean(text: str | None) -> str:
    """Drop control and invisible characters; unify line ends."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def markup(text: str | None, base: str = fonts.BODY, warnings: list[str] | None = None) -> str:
    """Escaped Paragraph markup for ``text`` in face ``base`` with per-character fallback.

    Characters no bundled font can draw are kept (they print as a box) and reported once each
    in ``warnings``.
    """
    out: list[str] = []
    for run in fonts.runs(clean(text), base):
        piece = escape(run.text).replace("\n", "<br/>")
        if run.font is None:
            if warnings is not None:
                for ch in dict.fromkeys(run.text):
                    note = f"no font has a glyph for {ch!r} (U+{ord(ch):04X}) / 字库中没有该字：{ch}"
                    if note not in warnings:
                        warnings.append(note)
            out.append(piece)
        elif run.font != base:
            out.append(f'<font name="{run.font}">{piece}</font>')
        else:
            out.append(piece)
    return "".join(out)


def draw_string(canvas, x: float, y: float, text: str, base: str, size: float,
                align: str = "left") -> float:
    """Draw one line on a canvas with per-character fallback; returns its width."""
    pieces = [(r.text, r.font or base) for r in fonts.runs(clean(text), base)]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = sum(stringWidth(t, f, size) for t, f in pieces)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for t, f in pieces:
        canvas.setFont(f, size)
        canvas.drawString(x, y, t)
        x += stringWidth(t, f, size)
    return width
