"""Annotation shapes: JSON over the untouched original, drawn on rendered copies only.

Coordinates are fractions (0..1) of the *upright* image, so shapes stay put whatever the
rendered size. Format (``version`` 1)::

    {"version": 1, "shapes": [
      {"type": "arrow",   "from": [x, y], "to": [x, y]},
      {"type": "ellipse", "box": [x0, y0, x1, y1]},       # "circle" is accepted as a name
      {"type": "rect",    "box": [x0, y0, x1, y1]},
      {"type": "text",    "at": [x, y], "text": "消防通道堵塞", "size": 0.04}
    ]}

Every shape may carry ``color`` (``#RRGGBB``, default red) and ``width`` (line width as a
fraction of the long side, default 0.006).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw

from ..core.errors import ValidationError
from .fonts import cjk_font

VERSION = 1
TYPES = ("arrow", "ellipse", "rect", "text")
_ALIASES = {"circle": "ellipse", "rectangle": "rect", "oval": "ellipse"}
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
DEFAULT_COLOR = "#FF0000"
DEFAULT_WIDTH = 0.006
DEFAULT_TEXT_SIZE = 0.04
MAX_SHAPES = 200
MAX_TEXT = 200


@dataclass(frozen=True)
class Shape:
    type: str
    points: tuple[float, ...]  # arrow: x0 y0 x1 y1; ellipse/rect: box; text: x y
    color: str = DEFAULT_COLOR
    width: float = DEFAULT_WIDTH
    text: str = ""
    size: float = DEFAULT_TEXT_SIZE

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "color": self.color}
        p = list(self.points)
        if self.type == "arrow":
            d.update({"from": p[:2], "to": p[2:], "width": self.width})
        elif self.type == "text":
            d.update({"at": p, "text": self.text, "size": self.size})
        else:
            d.update({"box": p, "width": self.width})
        return d


def _bad(en: str, zh: str) -> ValidationError:
    return ValidationError(f"annotation: {en}", f"标注无效：{zh}", code="bad_annotation")


def _coords(value: Any, n: int, what: str) -> tuple[float, ...]:
    if not isinstance(value, (list, tuple)) or len(value) != n:
        raise _bad(f"{what} needs {n} numbers", f"{what} 需要 {n} 个数值")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise _bad(f"{what} has a value that is not a number", f"{what} 含有非数值")
        if not -0.001 <= v <= 1.001:
            raise _bad(f"{what} is outside the photo (0..1)", f"{what} 超出照片范围（0..1）")
        out.append(min(1.0, max(0.0, float(v))))
    return tuple(out)


def _fraction(value: Any, default: float, low: float, high: float, what: str) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low < value <= high:
        raise _bad(f"{what} must be a number in ({low}, {high}]", f"{what} 必须在 ({low}, {high}] 之间")
    return float(value)


def _shape(raw: Any) -> Shape:
    if not isinstance(raw, dict):
        raise _bad("a shape must be an object", "每个图形必须是对象")
    kind = _ALIASES.get(str(raw.get("type", "")).lower(), str(raw.get("type", "")).lower())
    if kind not in TYPES:
        raise _bad(f"unknown shape type {raw.get('type')!r}", f"未知的图形类型：{raw.get('type')}")
    color = raw.get("color", DEFAULT_COLOR)
    if not isinstance(color, str) or not _COLOR.match(color):
        raise _bad(f"colour {color!r} is not #RRGGBB", f"颜色 {color!r} 不是 #RRGGBB 格式")
    width = _fraction(raw.get("width"), DEFAULT_WIDTH, 0, 0.05, "width")
    if kind == "arrow":
        return Shape(kind, _coords(raw.get("from"), 2, "from") + _coords(raw.get("to"), 2, "to"),
                     color.upper(), width)
    if kind == "text":
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            raise _bad(f"text must be 1-{MAX_TEXT} characters", f"文字须为 1–{MAX_TEXT} 个字符")
        size = _fraction(raw.get("size"), DEFAULT_TEXT_SIZE, 0, 0.3, "size")
        return Shape(kind, _coords(raw.get("at"), 2, "at"), color.upper(), width, text, size)
    x0, y0, x1, y1 = _coords(raw.get("box"), 4, "box")
    return Shape(kind, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), color.upper(), width)


def parse(value: Any) -> list[Shape]:
    """Validate shapes given as a JSON text, a ``{"shapes": [...]}`` object or a list."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise _bad("not valid JSON", "不是有效的 JSON") from exc
    if isinstance(value, dict):
        if value.get("version", VERSION) != VERSION:
            raise _bad(f"unsupported version {value.get('version')!r}", "不支持的标注版本")
        value = value.get("shapes", [])
    if not isinstance(value, list):
        raise _bad("shapes must be a list", "图形必须是列表")
    if len(value) > MAX_SHAPES:
        raise _bad(f"at most {MAX_SHAPES} shapes", f"最多 {MAX_SHAPES} 个图形")
    return [_shape(s) for s in value]


def dumps(shapes: list[Shape]) -> str | None:
    """The stored form (None for no shapes)."""
    if not shapes:
        return None
    return json.dumps({"version": VERSION, "shapes": [s.as_dict() for s in shapes]},
                      ensure_ascii=False, sort_keys=True)


def _arrow(draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float],
           color: str, px: int) -> None:
    angle = math.atan2(b[1] - a[1], b[0] - a[0])
    head = max(10, px * 4)
    base = (b[0] - head * 0.8 * math.cos(angle), b[1] - head * 0.8 * math.sin(angle))
    draw.line([a, base], fill=color, width=px)
    left = (b[0] - head * math.cos(angle - 0.45), b[1] - head * math.sin(angle - 0.45))
    right = (b[0] - head * math.cos(angle + 0.45), b[1] - head * math.sin(angle + 0.45))
    draw.polygon([b, left, right], fill=color)


def draw(im: Image.Image, shapes: list[Shape]) -> Image.Image:
    """Draw ``shapes`` on a copy of the upright RGB image ``im``."""
    out = im.copy()
    if not shapes:
        return out
    canvas = ImageDraw.Draw(out)
    w, h = out.size
    long_side = max(w, h)
    for s in shapes:
        px = max(2, round(s.width * long_side))
        pts = [(s.points[i] * (w - 1), s.points[i + 1] * (h - 1)) for i in range(0, len(s.points), 2)]
        if s.type == "arrow":
            _arrow(canvas, pts[0], pts[1], s.color, px)
        elif s.type == "ellipse":
            canvas.ellipse([pts[0], pts[1]], outline=s.color, width=px)
        elif s.type == "rect":
            canvas.rectangle([pts[0], pts[1]], outline=s.color, width=px)
        else:
            size = max(10, round(s.size * long_side))
            canvas.text(pts[0], s.text, fill=s.color, font=cjk_font(size),
                        stroke_width=max(1, size // 14), stroke_fill="#FFFFFF")
    return out
