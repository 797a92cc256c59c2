"""The enforcement family (执法文书, domain.md §3): 现场检查记录, 现场处理措施决定书,
责令限期整改指令书, 整改复查意见书, 送达回证.

Only an agency with enforcement power issues them, always by at least two officers whose
执法证号 print on the document; that check belongs to the issuing service, the renderer
prints what it is given (a missing 执法证号 prints as a blank to fill in).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from . import appendix, blocks, fonts, templates
from .blocks import cn_date, cn_time, names
from .inputs import (
    DecisionInput,
    InspectionRecordInput,
    OrderInput,
    RecheckOpinionInput,
    Rendered,
    ServiceInput,
)
from .layout import Doc
from .nonenforcement import _recheck, _rectification


def render_order(
    data: OrderInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """责令限期整改指令书 (责改)."""
    doc = Doc(data.meta, templates.load("order"), photo_cache)
    return _rectification(doc, data, enforcement=True)


def render_recheck_opinion(
    data: RecheckOpinionInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """整改复查意见书 (复查)."""
    doc = Doc(data.meta, templates.load("recheck_opinion"), photo_cache)
    return _recheck(doc, data, enforcement=True)


def render_inspection_record(
    data: InspectionRecordInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """现场检查记录 (检记)."""
    doc = Doc(data.meta, templates.load("inspection_record"), photo_cache)
    t, lab = doc.t, doc.t["labels"]
    blocks.heading(doc)
    blocks.unit_block(doc, data.unit)
    blocks.table_rows(doc, [
        (t["common_labels"]["place"], data.place),
        (lab["time"], doc.fill(lab["time_range"], start=cn_time(data.time_from),
                               end=cn_time(data.time_to))),
        (t["common_labels"]["officers"], names(data.officers, with_cert=True)),
    ])
    doc.add(doc.p(doc.fill(t["statement"]), "indent"),
            doc.p(lab["checked"], "label", fonts.TITLE),
            doc.p(data.checked or t["blank"], "indent"),
            doc.p(lab["found"], "label", fonts.TITLE),
            doc.p(data.found or t["blank"], "indent"))
    blocks.signatures(doc, data.officers, enforcement=True)
    doc.closing.extend([Spacer(1, 3 * mm),
                        doc.p(lab["representative"] + (data.representative or t["blank"])),
                        doc.p(t["signature"]["signed_on"] + t["date_blank"])])
    blocks.issuer(doc)
    appendix.add(doc, data.photos)
    return doc.build()


def render_decision(
    data: DecisionInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """现场处理措施决定书 (现决)."""
    doc = Doc(data.meta, templates.load("decision"), photo_cache)
    t, lab = doc.t, doc.t["labels"]
    blocks.heading(doc)
    doc.add(doc.p(doc.fill(t["addressee"], unit=data.unit.name)))
    blocks.unit_block(doc, data.unit)
    doc.add(doc.p(doc.fill(t["intro"], date=cn_time(data.inspected_at),
                           inspectors=names(data.officers, with_cert=True) or t["blank"],
                           place=data.place or t["blank"]), "indent"),
            doc.p(lab["facts"], "label", fonts.TITLE), doc.p(data.facts or t["blank"], "indent"),
            doc.p(lab["legal_basis"], "label", fonts.TITLE),
            doc.p(data.legal_basis or t["blank"], "indent"),
            doc.p(doc.fill(t["decision"]), "indent"),
            doc.p(lab["measures"], "label", fonts.TITLE),
            doc.p(data.measures or t["blank"], "indent"))
    blocks.consequences_and_appeal(doc)
    blocks.signatures(doc, data.officers, enforcement=True)
    blocks.receipt(doc, data.receipt)
    blocks.issuer(doc)
    appendix.add(doc, data.photos)
    return doc.build()


def render_service(data: ServiceInput) -> Rendered:
    """送达回证: which document, when, where, how, by whom; signature or refusal + witness."""
    doc = Doc(data.meta, templates.load("service"))
    t, lab = doc.t, doc.t["labels"]
    r = data.receipt
    blocks.heading(doc)
    refusal = doc.fill(t["refused"], witness=r.witness or t["blank"]) if r.refused else ""
    blocks.table_rows(doc, [
        (lab["document"], f"《{data.document_title}》{data.document_number or t['blank']}"),
        (lab["receiver_unit"], data.unit.name),
        (t["common_labels"]["address"], data.unit.address),
        (lab["served_at"], cn_time(data.served_at)),
        (lab["place"], data.place),
        (lab["method"], data.method or r.method),
        (lab["servers"], names(data.servers, with_cert=True)),
        (lab["receiver"], None if r.refused else r.signed_by),
        (lab["signed_on"], cn_date(r.signed_on, t["date_blank"]) if not r.refused else None),
        (lab["refusal"], refusal),
        (lab["note"], data.note),
    ])
    blocks.issuer(doc)
    return doc.build()
