"""The page frame shared by every document: A4, margins, page numbers, QR, watermark.

GB/T 9704-like: A4, title in bold Hei, body in Song, black on white. "第 x 页 共 y 页",
the QR of the verification payload and its short hash are drawn on every page after the
story is laid out (the canvas keeps each page's state until the total is known). Output is
deterministic: ``invariant=1`` and the creation date taken from the input.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from . import fonts
from .inputs import Meta, Rendered
from .templates import fill
from .text import draw_string, markup

PAGE_W, PAGE_H = A4
MARGIN_X = 26 * mm  # GB/T 9704: 28 mm left / 26 mm right for official documents; close enough
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 28 * mm
QR_SIZE = 18 * mm


def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    body = ParagraphStyle("body", fontName=fonts.BODY, fontSize=12, leading=20,
                          alignment=TA_JUSTIFY, wordWrap="CJK", textColor=colors.black)
    return {
        "heading": ParagraphStyle("heading", parent=body, fontName=fonts.TITLE, fontSize=16,
                                  leading=24, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontName=fonts.TITLE, fontSize=22,
                                leading=32, alignment=TA_CENTER, spaceAfter=4),
        "number": ParagraphStyle("number", parent=body, alignment=TA_CENTER, spaceAfter=10),
        "body": body,
        "indent": ParagraphStyle("indent", parent=body, firstLineIndent=24),
        "label": ParagraphStyle("label", parent=body, fontName=fonts.TITLE, fontSize=12,
                                spaceBefore=6),
        "small": ParagraphStyle("small", parent=body, fontSize=10, leading=14,
                                alignment=TA_LEFT),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "caption": ParagraphStyle("caption", parent=body, fontSize=10, leading=14,
                                  alignment=TA_CENTER),
    }


class Doc:
    """Collects flowables and warnings for one document, then builds the PDF."""

    def __init__(self, meta: Meta, template: dict[str, Any], photo_cache: Path | None = None):
        self.meta = meta
        self.photo_cache = photo_cache  # folder of prepared appendix photos (appendix.py)
        self.t = template
        self.st = styles()
        self.story: list[Flowable] = []
        self.closing: list[Flowable] = []  # signature lines kept with the seal
        self.warnings: list[str] = []

    # text helpers: every string here is escaped by markup()
    def p(self, text: str | None, style: str = "body", base: str = fonts.BODY) -> Paragraph:
        return Paragraph(markup(text, base, self.warnings), self.st[style])

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def field(self, label: str, value: str | None, blank: bool = True) -> Paragraph:
        """``label：value`` with the label in the title face; None prints a blank line."""
        shown = value if value not in (None, "") else (self.t["blank"] if blank else "")
        return Paragraph(f'<font name="{fonts.TITLE}">{markup(label, fonts.TITLE, self.warnings)}'
                         f'：</font>{markup(shown, fonts.BODY, self.warnings)}', self.st["body"])

    def fill(self, pattern: str, **values: str) -> str:
        return fill(pattern, agency=self.meta.agency.name,
                    agency_short=self.meta.agency.short_name, **values)

    def build(self) -> Rendered:
        buf = io.BytesIO()
        # binary streams: ASCII85 makes images 25 % bigger and runs in pure Python here
        rl_config.useA85 = 0
        meta, t = self.meta, self.t
        stamp = meta.created_at.strftime("D:%Y%m%d%H%M%S") + "+08'00'"
        watermark = (t["watermark_preview"] if meta.number is None else
                     t["watermark_demo"] if meta.demo else None)
        page_pattern = t["page_number"]
        footer = self.fill(t["footer"])
        verify_label = t["verify_label"]
        pages_box: list[int] = []

        class FramedCanvas(pdfcanvas.Canvas):
            """Keeps every page until the end so each can say how many pages there are."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs["invariant"] = 1
                kwargs["initialFontName"] = fonts.BODY  # else every page names Helvetica
                kwargs["initialFontSize"] = 12
                super().__init__(*args, **kwargs)
                self.setDateFormatter(lambda *_: stamp)
                self.setCreator("Grid Inspector")
                self.setProducer("Grid Inspector")
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 (reportlab's name)
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                pages_box.append(total)
                for n, state in enumerate(self._pages, 1):
                    self.__dict__.update(state)
                    _decorate(self, n, total, meta, watermark, page_pattern, footer,
                              verify_label)
                    super().showPage()
                super().save()

        doc = SimpleDocTemplate(
            buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
            title=t["title"], author=meta.agency.name, subject=meta.number or "",
            creator="Grid Inspector",
        )
        doc.build(self.story, canvasmaker=FramedCanvas)
        return Rendered(buf.getvalue(), pages_box[0] if pages_box else 0, tuple(self.warnings))


def _decorate(c: pdfcanvas.Canvas, n: int, total: int, meta: Meta, watermark: str | None,
              page_pattern: str, footer: str, verify_label: str) -> None:
    c.saveState()
    c.setFillColor(colors.black)
    draw_string(c, PAGE_W / 2, 14 * mm, fill(page_pattern, page=str(n), pages=str(total)),
                fonts.BODY, 10, "center")
    draw_string(c, MARGIN_X, 14 * mm, footer, fonts.BODY, 9)
    if meta.verify_payload:
        _qr(c, meta.verify_payload, PAGE_W - MARGIN_X - QR_SIZE, 9 * mm, QR_SIZE)
    if meta.short_hash:
        draw_string(c, PAGE_W - MARGIN_X - QR_SIZE - 2 * mm, 14 * mm,
                    f"{verify_label} {meta.short_hash}", fonts.BODY, 9, "right")
    if meta.number:
        draw_string(c, PAGE_W - MARGIN_X, PAGE_H - 16 * mm, meta.number, fonts.BODY, 9, "right")
    if watermark:
        c.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(35)
        draw_string(c, 0, -40, watermark, fonts.TITLE, 120, "center")
    c.restoreState()


def _qr(c: pdfcanvas.Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code of ``payload`` (error correction M) as filled squares, quiet zone 2."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    count = qr.getModuleCount()
    cell = size / (count + 4)
    c.setFillColor(colors.white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(colors.black)
    for r, row in enumerate(qr.modules):
        for col, dark in enumerate(row):
            if dark:
                c.rect(x + (col + 2) * cell, y + size - (r + 3) * cell, cell, cell,
                       stroke=0, fill=1)
