"""Pieces shared by the document kinds: heading, unit block, signatures, receipt, issuer."""

from __future__ import annotations

from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from . import fonts
from .inputs import Person, Receipt, Unit
from .layout import Doc


def cn_date(d: date | datetime | None, blank: str = "______年____月____日") -> str:
    if d is None:
        return blank
    return f"{d.year}年{d.month}月{d.day}日"


def cn_time(t: datetime | None, blank: str = "______年____月____日____时____分") -> str:
    if t is None:
        return blank
    return f"{t.year}年{t.month}月{t.day}日{t.hour}时{t.minute:02d}分"


def names(people: tuple[Person, ...], with_cert: bool = False) -> str:
    if with_cert:
        return "、".join(f"{p.name}（执法证号：{p.cert_no or '________'}）" for p in people)
    return "、".join(p.name for p in people)


def heading(doc: Doc) -> None:
    t = doc.t
    doc.add(doc.p(doc.fill(t["heading"]), "heading", fonts.TITLE),
            doc.p(t["title"], "title", fonts.TITLE),
            doc.p(doc.meta.number or t["preview_number"], "number"))


def unit_block(doc: Doc, unit: Unit) -> None:
    lab = doc.t["common_labels"]
    rows = [(lab["unit"], unit.name), (lab["uscc"], unit.uscc), (lab["address"], unit.address),
            (lab["principal"], unit.principal), (lab["contact"], unit.contact)]
    table_rows(doc, rows)


def table_rows(doc: Doc, rows: list[tuple[str, str | None]]) -> None:
    """A two-column label/value grid (short values only: a table row never splits)."""
    data = [[doc.p(label, "small", fonts.TITLE), doc.p(value or "", "body")]
            for label, value in rows]
    table = Table(data, colWidths=[40 * mm, None], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),  # a Table sets Helvetica otherwise
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    doc.add(table, Spacer(1, 3 * mm))


def consequences_and_appeal(doc: Doc) -> None:
    t = doc.t
    if t.get("consequences"):
        doc.add(doc.p(doc.fill(t["consequences"]), "indent"))
    if t.get("appeal"):
        doc.add(doc.p(doc.fill(t["appeal"]), "indent"))


def signatures(doc: Doc, people: tuple[Person, ...], enforcement: bool) -> None:
    sig = doc.t["signature"]
    label = sig["officers"] if enforcement else sig["inspectors"]
    lines = [doc.p(label + "　".join([doc.t["blank_short"]] * max(2, len(people))))]
    if enforcement:
        lines.append(doc.p(doc.t["common_labels"]["cert_no"] + "："
                           + "　".join(p.cert_no or doc.t["blank_short"] for p in people)))
    doc.closing.extend([Spacer(1, 4 * mm), *lines])


def receipt(doc: Doc, r: Receipt) -> None:
    sig = doc.t["signature"]
    blank = doc.t["blank"]
    lines = []
    if r.refused:
        lines.append(doc.p(doc.fill(sig["refused_done"], witness=r.witness or blank)))
    else:
        lines.append(doc.p(sig["receiver"] + (r.signed_by or blank)))
        lines.append(doc.p(sig["signed_on"] + cn_date(r.signed_on, doc.t["date_blank"])))
        lines.append(doc.p(sig["refused"] + (r.witness or blank)))
    if r.method:
        lines.append(doc.p(sig["method"] + r.method))
    doc.closing.extend(lines)


def issuer(doc: Doc) -> None:
    """Issuing authority, date and seal space, kept on one page with the signature lines.

    Signatures and receipt lines wait in ``doc.closing`` so the closing block never leaves
    the seal alone on a page of its own."""
    sig = doc.t["signature"]
    block = [Spacer(1, 8 * mm), doc.p(doc.meta.agency.name + sig["seal"], "right"),
             doc.p(cn_date(doc.meta.issued_on), "right"), Spacer(1, 20 * mm)]
    doc.add(KeepTogether([*doc.closing, *block]))
    doc.closing.clear()


def hazard_list(doc: Doc, hazards, blank: bool = True) -> None:
    """Each hazard as flowing paragraphs (so a 10,000-character description splits pages)."""
    t = doc.t
    lab = t["hazard_labels"]
    for n, h in enumerate(hazards, 1):
        doc.add(CondPageBreak(30 * mm), doc.p(doc.fill(t["hazard_heading"], n=str(n)),
                                              "label", fonts.TITLE))
        for key, value in (("location", h.location), ("description", h.description),
                           ("level", h.level), ("photo_ref", h.photo_ref),
                           ("legal_basis", h.legal_basis),
                           ("required_action", h.required_action),
                           ("deadline", cn_date(h.deadline, doc.t["date_blank"]))):
            doc.add(doc.field(lab[key], value, blank))


def recheck_items(doc: Doc, items) -> None:
    t = doc.t
    lab = t["labels"]
    for n, item in enumerate(items, 1):
        result = (t["unknown"] if item.rectified is None else
                  t["rectified"] if item.rectified else t["not_rectified"])
        doc.add(CondPageBreak(30 * mm), doc.p(doc.fill(t["item_heading"], n=str(n)),
                                              "label", fonts.TITLE),
                doc.field(lab["location"], item.location),
                doc.field(lab["description"], item.description),
                doc.field(lab["result"], result),
                doc.field(lab["opinion"], item.opinion),
                doc.field(lab["new_deadline"],
                          cn_date(item.new_deadline, doc.t["date_blank"])
                          if item.rectified is not True else None, item.rectified is not True))
