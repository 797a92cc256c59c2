"""Typed, frozen inputs of the document renderers (one dataclass per document kind).

The renderers print what they are given: numbering, lookups and checks (two certified
officers, 五落实 of a 重大隐患) belong to the services that build these values. Every text
field is user text and is escaped before it reaches a Paragraph. ``None`` prints as a blank
line to fill in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..photos.annotation import Shape


@dataclass(frozen=True)
class Agency:
    name: str  # 某某镇人民政府
    short_name: str  # 某镇应急


@dataclass(frozen=True)
class Meta:
    """What every document carries besides its own fields.

    ``number`` None is a preview: no number, watermark 样稿. ``created_at`` is written as the
    PDF's creation date, so a re-print of the same input is the same bytes. ``verify_payload``
    is encoded in the QR code on every page, ``short_hash`` printed beside it (the caller
    decides both); a preview may leave them out.
    """

    agency: Agency
    issued_on: date
    created_at: datetime
    number: str | None = None
    verify_payload: str | None = None
    short_hash: str | None = None
    demo: bool = False  # a demo store's documents carry the watermark 演示


@dataclass(frozen=True)
class Person:
    name: str
    cert_no: str | None = None  # 执法证号


@dataclass(frozen=True)
class Unit:
    name: str
    uscc: str | None = None
    address: str | None = None
    principal: str | None = None  # 法定代表人/负责人
    contact: str | None = None


@dataclass(frozen=True)
class HazardLine:
    description: str
    location: str | None = None
    level: str | None = None  # 一般隐患 / 重大隐患
    photo_ref: str | None = None
    legal_basis: str | None = None
    required_action: str | None = None
    deadline: date | None = None


@dataclass(frozen=True)
class Photo:
    """One photo of the appendix; ``path`` may be missing or undecodable (placeholder box)."""

    path: Path
    phase: str  # 整改前 / 整改后 …
    taken_at: datetime | None = None
    place: str | None = None
    short_hash: str | None = None
    annotations: tuple[Shape, ...] = ()


@dataclass(frozen=True)
class Receipt:
    """签收 or 拒签; all None leaves the lines blank to sign on paper."""

    signed_by: str | None = None
    signed_on: date | None = None
    refused: bool = False
    witness: str | None = None
    method: str | None = None  # 当场/留置/邮寄/电子


@dataclass(frozen=True)
class NoticeInput:
    """隐患整改通知书 (non-enforcement) — and, through :class:`OrderInput`, 责令限期整改指令书."""

    meta: Meta
    unit: Unit
    inspected_at: datetime | None
    place: str | None
    inspectors: tuple[Person, ...]
    hazards: tuple[HazardLine, ...]
    interim_measures: str | None = None
    recheck_on: date | None = None
    receipt: Receipt = field(default_factory=Receipt)
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class OrderInput(NoticeInput):
    """责令限期整改指令书 (enforcement): the notice's fields, officers with 执法证号, appeal."""


@dataclass(frozen=True)
class RecheckLine:
    description: str
    location: str | None = None
    rectified: bool | None = None  # None: blank boxes to tick by hand
    opinion: str | None = None
    new_deadline: date | None = None


@dataclass(frozen=True)
class RecheckInput:
    """整改复查记录 (non-enforcement) and, through :class:`RecheckOpinionInput`, 整改复查意见书."""

    meta: Meta
    unit: Unit
    original_number: str | None
    rechecked_on: date | None
    inspectors: tuple[Person, ...]
    items: tuple[RecheckLine, ...]
    receipt: Receipt = field(default_factory=Receipt)
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class RecheckOpinionInput(RecheckInput):
    """整改复查意见书 (enforcement)."""


@dataclass(frozen=True)
class InspectionRecordInput:
    """现场检查记录."""

    meta: Meta
    unit: Unit
    place: str | None
    time_from: datetime | None
    time_to: datetime | None
    officers: tuple[Person, ...]
    checked: str | None  # what was checked
    found: str | None  # what was found
    representative: str | None = None  # the unit's representative who signs
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class DecisionInput:
    """现场处理措施决定书."""

    meta: Meta
    unit: Unit
    inspected_at: datetime | None
    place: str | None
    officers: tuple[Person, ...]
    facts: str | None  # the hazards found
    legal_basis: str | None
    measures: str | None  # stop using the place, evacuate …
    receipt: Receipt = field(default_factory=Receipt)
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class ServiceInput:
    """送达回证: how one document was served."""

    meta: Meta
    unit: Unit
    document_title: str
    document_number: str | None
    served_at: datetime | None
    place: str | None
    method: str | None
    servers: tuple[Person, ...]
    receipt: Receipt = field(default_factory=Receipt)
    note: str | None = None


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    warnings: tuple[str, ...] = ()
