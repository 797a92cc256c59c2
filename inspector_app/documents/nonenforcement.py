"""The non-enforcement family (domain.md §3): 隐患整改通知书 and its 整改复查记录.

Any inspector may issue them: they ask, record and warn, and carry no appeal clause and no
执法证号. The enforcement documents live apart in :mod:`.enforcement`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from . import appendix, blocks, templates
from .blocks import cn_date, cn_time, names
from .inputs import NoticeInput, RecheckInput, Rendered
from .layout import Doc


def _rectification(doc: Doc, data: NoticeInput, enforcement: bool) -> Rendered:
    t = doc.t
    blocks.heading(doc)
    doc.add(doc.p(doc.fill(t["addressee"], unit=data.unit.name)))
    blocks.unit_block(doc, data.unit)
    people = names(data.inspectors, with_cert=enforcement) or t["blank"]
    doc.add(doc.p(doc.fill(t["intro"], date=cn_time(data.inspected_at),
                           inspectors=people, place=data.place or t["blank"]), "indent"))
    blocks.hazard_list(doc, data.hazards)
    doc.add(Spacer(1, 3 * mm), doc.p(t["interim"], "label", blocks.fonts.TITLE),
            doc.p(data.interim_measures or t["interim_default"], "indent"),
            doc.field(t["recheck"].rstrip("："), cn_date(data.recheck_on, t["date_blank"])),
            doc.p(doc.fill(t["recheck_note"]), "indent"))
    return _closing(doc, data, enforcement)


def _closing(doc: Doc, data: NoticeInput | RecheckInput, enforcement: bool) -> Rendered:
    """What every rectification document ends with: consequences (and the appeal clause
    where it applies), signatures, the unit's receipt, the issuer and the photo appendix."""
    blocks.consequences_and_appeal(doc)
    blocks.signatures(doc, data.inspectors, enforcement)
    blocks.receipt(doc, data.receipt)
    blocks.issuer(doc)
    appendix.add(doc, data.photos)
    return doc.build()


def render_notice(
    data: NoticeInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """隐患整改通知书 → PDF bytes and warnings."""
    doc = Doc(data.meta, templates.load("notice"), photo_cache)
    return _rectification(doc, data, enforcement=False)


def _recheck(doc: Doc, data: RecheckInput, enforcement: bool) -> Rendered:
    t = doc.t
    blocks.heading(doc)
    doc.add(doc.p(data.unit.name + "："))
    blocks.unit_block(doc, data.unit)
    people = names(data.inspectors, with_cert=enforcement) or t["blank"]
    doc.add(doc.p(doc.fill(t["intro"], date=cn_date(data.rechecked_on), inspectors=people,
                           original=data.original_number or t["blank"]), "indent"))
    blocks.recheck_items(doc, data.items)
    return _closing(doc, data, enforcement)


def render_recheck_record(
    data: RecheckInput, *, photo_cache: Path | None = None,
) -> Rendered:
    """整改复查记录 → PDF bytes and warnings."""
    doc = Doc(data.meta, templates.load("recheck_record"), photo_cache)
    return _recheck(doc, data, enforcement=False)
