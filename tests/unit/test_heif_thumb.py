"""A HEIC's embedded thumbnail (``photos.heif_thumb``) and its use by ``worker.prepare``.

The parser is checked on HEIF files assembled here box by box (every iloc, iref, ipma and
infe layout it claims to read), on the real iPhone HEIC of the shared fixtures (the cut-out
thumbnail decodes, shows the same picture as the full decode and is turned the same way) and
on hostile edits of that file: whatever the bytes, it gives None or a well-formed HEIF and
never raises, and ``prepare`` gives a Prepared or a Failure.
"""

from __future__ import annotations

import io
import random
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PIL import Image, ImageChops

from inspector_app.photos import complete, worker
from inspector_app.photos.decode import decode_upright, open_image
from inspector_app.photos.errors import Failure
from inspector_app.photos.exif import read_meta
from inspector_app.photos.heif_thumb import Thumbnail, embedded_thumbnail, find_thumbnail
from inspector_app.photos.worker import Prepared, prepare
from tests import photo_samples as ps

SAME = 8.0  # mean pixel difference (0–255) at SMALL under which two thumbnails show the same
SMALL = (24, 32)  # the iPhone photo shows portrait
T = Image.Transpose


# --------------------------------------------------------------------------- boxes by hand
def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def full_box(kind: bytes, version: int, flags: int, payload: bytes) -> bytes:
    return box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)


def walk(data: bytes, start: int = 0, end: int | None = None) -> list[tuple[bytes, int, int, int]]:
    """(type, box start, payload start, box end) of the boxes from ``start`` to ``end``."""
    end = len(data) if end is None else end
    found = []
    while start < end:
        size, kind = struct.unpack_from(">I4s", data, start)
        head = 8
        if size == 1:
            size, head = struct.unpack_from(">Q", data, start + 8)[0], 16
        elif size == 0:
            size = end - start
        found.append((kind, start, start + head, start + size))
        start += size
    return found


def meta_children(data: bytes) -> dict[bytes, tuple[int, int, int]]:
    [meta] = [b for b in walk(data) if b[0] == b"meta"]
    return {kind: (at, payload, end) for kind, at, payload, end in walk(data, meta[2] + 4, meta[3])}


def check_thumbnail_file(out: bytes) -> None:
    """What the writer makes: ftyp, meta, mdat; whole; and no thumbnail of its own."""
    assert [b[0] for b in walk(out)] == [b"ftyp", b"meta", b"mdat"]
    assert out[8:24] == b"heic\x00\x00\x00\x00mif1heic"
    assert complete.bmff_problem(io.BytesIO(out), len(out)) is None
    assert find_thumbnail(out) is None
    _, iloc_payload, iloc_end = meta_children(out)[b"iloc"]
    offset, length = struct.unpack(">II", out[iloc_end - 8 : iloc_end])
    mdat = walk(out)[2]
    assert (offset, offset + length) == (mdat[2], mdat[3])


def ispe(width: int, height: int) -> bytes:
    return full_box(b"ispe", 0, 0, struct.pack(">II", width, height))


HVCC = box(b"hvcC", b"\x01" + bytes(22))  # structure only: the parser never looks inside
IROT = box(b"irot", b"\x03")
PIXI = full_box(b"pixi", 0, 0, b"\x03\x08\x08\x08")
COLR = box(b"colr", b"nclx" + struct.pack(">HHHB", 1, 13, 6, 0x80))


@dataclass
class Item:
    id: int
    type: bytes = b"hvc1"
    coded: bytes = b"ITEM DATA"
    props: list[tuple[bytes, bool]] = field(default_factory=list)  # (property box, essential)
    method: int = 0  # iloc construction method: 0 mdat, 1 idat
    extents: int = 1
    thmb_of: int | None = None  # the item this one is a thumbnail of
    located: bool = True


def thumb_item(coded: bytes = b"THUMBNAIL BYTES " * 6, width: int = 320, height: int = 240,
               **kw) -> Item:
    props = kw.pop("props", [(HVCC, True), (ispe(width, height), False), (IROT, True),
                             (PIXI, False)])
    return Item(id=kw.pop("id", 2), coded=coded, props=props, thmb_of=kw.pop("thmb_of", 1), **kw)


def build_heif(
    items: list[Item], *, primary: int = 1, iloc_version: int = 1, offset_size: int = 4,
    length_size: int = 4, base_size: int = 0, index_size: int = 0, iref_version: int = 0,
    ipma_version: int = 0, wide: bool = False, infe_version: int = 2, pitm_version: int = 0,
    handler: bytes = b"pict", padding_props: int = 0, extra_refs: bytes = b"",
) -> bytes:
    """A HEIF file (ftyp, meta, mdat) holding ``items``, laid out as the arguments say."""
    ipco = [box(b"fill", bytes([i % 256])) for i in range(padding_props)]
    for item in items:
        for prop, _ in item.props:
            if prop not in ipco:
                ipco.append(prop)
    id_size = 4 if ipma_version else 2
    entries = b""
    for item in items:
        marks = b""
        for prop, essential in item.props:
            index = ipco.index(prop) + 1
            marks += (struct.pack(">H", index | (0x8000 if essential else 0)) if wide
                      else bytes([index | (0x80 if essential else 0)]))
        entries += item.id.to_bytes(id_size, "big") + bytes([len(item.props)]) + marks
    ipma = full_box(b"ipma", ipma_version, int(wide), struct.pack(">I", len(items)) + entries)
    iprp = box(b"iprp", box(b"ipco", b"".join(ipco)) + ipma)
    infes = b""
    for item in items:
        ident = item.id.to_bytes(2 if infe_version == 2 else 4, "big")
        infes += full_box(b"infe", infe_version, 0, ident + b"\x00\x00" + item.type + b"\x00")
    iinf = full_box(b"iinf", 0, 0, struct.pack(">H", len(items)) + infes)
    ref_size = 2 if iref_version == 0 else 4
    refs = b"".join(
        box(b"thmb", i.id.to_bytes(ref_size, "big") + b"\x00\x01"
            + i.thmb_of.to_bytes(ref_size, "big"))
        for i in items if i.thmb_of is not None)
    iref = full_box(b"iref", iref_version, 0, extra_refs + refs)
    pitm = full_box(b"pitm", pitm_version, 0,
                    primary.to_bytes(2 if pitm_version == 0 else 4, "big"))
    hdlr = full_box(b"hdlr", 0, 0, bytes(4) + handler + bytes(12) + b"\x00")

    def split(coded: bytes, n: int) -> list[bytes]:
        step = -(-len(coded) // n)
        return [coded[i : i + step] for i in range(0, len(coded), step)]

    def layout(mdat_start: int) -> tuple[bytes, bytes]:
        mdat, idat = b"", b"JJ"  # the idat's first bytes belong to nobody (base offset 2)
        located: list[tuple[Item, int, list[tuple[int, int]]]] = []
        for item in items:
            parts = split(item.coded, item.extents)
            spans: list[tuple[int, int]] = [(0, 0)] * len(parts)
            for n in reversed(range(len(parts))):  # stored back to front, junk between
                if item.method == 0:
                    spans[n] = (mdat_start + len(mdat), len(parts[n]))
                    mdat += parts[n] + b"~junk~"
                else:
                    spans[n] = (len(idat), len(parts[n]))
                    idat += parts[n] + b"~"
            located.append((item, item.method, spans))
        body = b""
        count = 0
        for item, method, spans in located:
            if not item.located:
                continue
            count += 1
            base = (mdat_start if method == 0 else 2) if base_size else 0
            body += item.id.to_bytes(4 if iloc_version == 2 else 2, "big")
            if iloc_version:
                body += struct.pack(">H", method)
            body += b"\x00\x00" + base.to_bytes(base_size, "big") + struct.pack(">H", len(spans))
            for n, (offset, length) in enumerate(spans):
                body += (n + 1).to_bytes(index_size, "big") if iloc_version and index_size else b""
                body += (offset - base).to_bytes(offset_size, "big")
                body += length.to_bytes(length_size, "big")
        sizes = bytes([offset_size << 4 | length_size, base_size << 4 | index_size])
        iloc = full_box(b"iloc", iloc_version, 0, sizes
                        + count.to_bytes(2 if iloc_version < 2 else 4, "big") + body)
        extra = box(b"idat", idat) if any(i.method == 1 for i in items) else b""
        meta = full_box(b"meta", 0, 0, hdlr + pitm + iinf + iref + iprp + iloc + extra)
        return meta, box(b"mdat", mdat)

    ftyp = box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic")
    meta, _ = layout(0)
    meta, mdat = layout(len(ftyp) + len(meta) + 8)
    return ftyp + meta + mdat


def primary_item(**kw) -> Item:
    return Item(id=kw.pop("id", 1), coded=b"PRIMARY " * 40,
                props=[(HVCC, True), (ispe(4032, 3024), False), (IROT, True)], **kw)


def copied(out: bytes) -> tuple[bytes, list[tuple[bytes, bool]]]:
    """The mdat payload and the (property box, essential) list of a thumbnail file."""
    children = meta_children(out)
    _, iprp_payload, iprp_end = children[b"iprp"]
    (_, _, ipco_payload, ipco_end), (_, _, ipma_payload, ipma_end) = walk(
        out, iprp_payload, iprp_end)
    props = [out[at:end] for _, at, _, end in walk(out, ipco_payload, ipco_end)]
    flags = int.from_bytes(out[ipma_payload + 1 : ipma_payload + 4], "big")
    count, item, n = struct.unpack_from(">IHB", out, ipma_payload + 4)
    assert (count, item) == (1, 1)
    marks = out[ipma_payload + 11 : ipma_end]
    size = 2 if flags & 1 else 1
    pairs = []
    for k in range(n):
        value = int.from_bytes(marks[k * size : (k + 1) * size], "big")
        pairs.append((props[(value & ((1 << (8 * size - 1)) - 1)) - 1],
                      bool(value >> (8 * size - 1))))
    return out[walk(out)[2][2] :], pairs


# --------------------------------------------------------------------------- layouts by hand
LAYOUTS = [
    {"iloc_version": 0},
    {"iloc_version": 0, "offset_size": 8, "length_size": 8, "base_size": 4},
    {"iloc_version": 1},
    {"iloc_version": 1, "base_size": 8, "index_size": 4},
    {"iloc_version": 2, "offset_size": 8, "length_size": 4, "base_size": 4, "index_size": 8},
    {"iref_version": 1, "ipma_version": 1, "infe_version": 3, "pitm_version": 1,
     "iloc_version": 2},
    {"wide": True, "padding_props": 200},
    {"ipma_version": 1, "wide": True, "padding_props": 130, "iloc_version": 2},
]


def cases(layouts: list[dict], placements: list[tuple[int, int]]) -> list[tuple[dict, int, int]]:
    """Each layout with each (construction method, extent count); iloc v0 has no methods."""
    return [(layout, method, extents) for layout in layouts for method, extents in placements
            if method == 0 or layout.get("iloc_version", 1) > 0]


@pytest.mark.parametrize(("layout", "method", "extents"),
                         cases(LAYOUTS, [(0, 1), (0, 3), (1, 1), (1, 4)]))
def test_thumbnail_is_cut_out_of_every_layout(layout, method, extents):
    big_ids = layout.get("infe_version") == 3
    thumb = thumb_item(id=70_002 if big_ids else 2, thmb_of=70_001 if big_ids else 1,
                       method=method, extents=extents)
    data = build_heif([primary_item(id=70_001 if big_ids else 1), thumb],
                      primary=70_001 if big_ids else 1, **layout)
    found = find_thumbnail(data)
    assert found is not None and (found.width, found.height) == (320, 240)
    assert embedded_thumbnail(data) == found.data
    check_thumbnail_file(found.data)
    coded, props = copied(found.data)
    assert coded == thumb.coded
    assert props == thumb.props  # the same boxes, in order, with their essential bits


def test_largest_hvc1_thumbnail_of_the_primary_wins():
    items = [
        primary_item(),
        thumb_item(id=2, width=160, height=120, coded=b"small" * 9),
        thumb_item(id=3, width=320, height=240, coded=b"large" * 9),
        thumb_item(id=4, width=640, height=480, coded=b"av1!" * 9, type=b"av01"),
        thumb_item(id=5, width=1024, height=768, coded=b"other" * 9, thmb_of=2),
        Item(id=6, type=b"Exif", coded=b"Exif\x00\x00"),
    ]
    found = find_thumbnail(build_heif(items))
    assert found is not None and (found.width, found.height) == (320, 240)
    assert copied(found.data)[0] == b"large" * 9


@pytest.mark.parametrize(
    "why",
    ["no thumbnail", "av01 thumbnail", "grid thumbnail", "no ispe", "no hvcC", "not pict",
     "missing item", "thumbnail of another item", "no location", "protected"],
)
def test_no_usable_thumbnail_gives_none(why):
    thumb = thumb_item()
    kw: dict = {}
    items = [primary_item(), thumb]
    if why == "no thumbnail":
        items = [primary_item()]
    elif why == "av01 thumbnail":
        thumb.type = b"av01"
    elif why == "grid thumbnail":
        thumb.type = b"grid"
    elif why == "no ispe":
        thumb.props = [(HVCC, True), (IROT, True)]
    elif why == "no hvcC":
        thumb.props = [(ispe(320, 240), False)]
    elif why == "not pict":
        kw["handler"] = b"vide"
    elif why == "thumbnail of another item":
        thumb.thmb_of = 3
        items.append(Item(id=3))
    elif why == "no location":
        thumb.located = False
    data = build_heif(items, **kw)
    if why == "protected":  # infe: item 2, protection index 1
        assert b"\x00\x02\x00\x00hvc1" in data
        data = data.replace(b"\x00\x02\x00\x00hvc1", b"\x00\x02\x00\x01hvc1", 1)
    elif why == "missing item":  # the thmb reference comes from item 999, declared nowhere
        ref = box(b"thmb", struct.pack(">HHH", 2, 1, 1))
        assert ref in data
        data = data.replace(ref, box(b"thmb", struct.pack(">HHH", 999, 1, 1)))
    assert find_thumbnail(data) is None
    assert embedded_thumbnail(data) is None


@pytest.mark.parametrize(
    "why", ["extent past the end", "zero length", "construction method 2", "other file"])
def test_unusable_location_gives_none(why):
    thumb = thumb_item()
    data = bytearray(build_heif([primary_item(), thumb], iloc_version=1))
    _, payload, end = meta_children(bytes(data))[b"iloc"]
    entry = bytes(data).index(b"\x00\x02\x00\x00\x00\x00\x00\x01", payload)  # id 2, method 0
    if why == "extent past the end":
        struct.pack_into(">I", data, entry + 8, len(data) - 10)
    elif why == "zero length":
        struct.pack_into(">I", data, entry + 12, 0)
    elif why == "construction method 2":
        data[entry + 3] = 2
    else:
        data[entry + 5] = 1  # data_reference_index 1: another file
    assert find_thumbnail(bytes(data)) is None


def replaced(data: bytes, body: bytes) -> bytes:
    """``data`` with the meta child of ``body``'s type replaced by ``body`` (meta size fixed)."""
    meta = [b for b in walk(data) if b[0] == b"meta"][0]
    at, _, end = meta_children(data)[body[4:8]]
    out = data[:at] + body + data[end:]
    size = meta[3] - meta[1] + len(body) - (end - at)
    return out[: meta[1]] + struct.pack(">I", size) + out[meta[1] + 4 :]


def test_hostile_sizes_cost_one_pass():
    data = build_heif([primary_item(), thumb_item()])
    # 65,000 iloc entries whose zero-sized fields claim 65,535 extents each: skipped by sums
    entries = struct.pack(">HHH", 9, 0, 0xFFFF) * 65_000
    iloc = full_box(b"iloc", 0, 0, b"\x00\x00" + struct.pack(">H", 65_000) + entries)
    # more boxes than any container may hold
    iinf = full_box(b"iinf", 0, 0, b"\x00\x01" + box(b"free", b"") * 70_000)
    # 60,000 thumbnails of the primary, none of them declared
    undeclared = b"".join(box(b"thmb", struct.pack(">HHH", 1000 + i, 1, 1)) for i in range(60_000))
    iref = full_box(b"iref", 0, 0, undeclared)
    start = time.monotonic()
    for body in (iloc, iinf, iref):
        hostile = replaced(data, body)
        assert [b[0] for b in walk(hostile)] == [b"ftyp", b"meta", b"mdat"]
        assert find_thumbnail(hostile) is None
    # and the real thumbnail among them is still found
    crowded = build_heif([primary_item(), thumb_item()], extra_refs=undeclared)
    assert find_thumbnail(crowded) is not None
    assert time.monotonic() - start < 3


def test_copied_properties_are_capped():
    bulky = box(b"bulk", bytes(100_000))  # one big property named many times
    props = [(HVCC, True), (ispe(320, 240), False)]
    few = thumb_item(props=props + [(bulky, False)] * 5)
    assert find_thumbnail(build_heif([primary_item(), few])) is not None
    many = thumb_item(props=props + [(bulky, False)] * 200)
    assert find_thumbnail(build_heif([primary_item(), many], wide=True)) is None


def test_not_heif_gives_none():
    for data in (b"", b"\x00" * 7, ps.jpeg(ps.pattern()), ps.MP4, b"\x00\x00\x00\x00meta",
                 struct.pack(">I4sQ", 1, b"meta", 2**63)):
        assert find_thumbnail(data) is None


# --------------------------------------------------------------------------- the real iPhone HEIC
def iphone() -> bytes:
    return (ps.fixtures("mobile") / "iphone_13_pro_max.HEIC").read_bytes()


def full_thumbnail(data: bytes) -> Image.Image:
    im = open_image(data)
    return decode_upright(im, read_meta(im).orientation, worker.THUMB_SIDE)


def test_iphone_thumbnail_shows_what_the_full_decode_shows():
    data = iphone()
    found = find_thumbnail(data)
    assert found is not None and (found.width, found.height) == (320, 240)
    check_thumbnail_file(found.data)
    im = open_image(found.data)
    assert im.size == (240, 320)  # libheif applied the thumbnail's own irot copy
    original = open_image(data)
    orientation = read_meta(original).orientation
    small = decode_upright(im, orientation, worker.THUMB_SIDE)
    full = full_thumbnail(data)
    assert small.size == full.size == (240, 320)
    assert ps.mean_difference(small, full, SMALL) < SAME
    # the tolerance is tight enough to tell a wrong turn or another picture
    for wrong in (T.ROTATE_180, T.FLIP_LEFT_RIGHT, T.FLIP_TOP_BOTTOM, T.ROTATE_90,
                  T.TRANSPOSE):
        assert ps.mean_difference(small.transpose(wrong), full, SMALL) > SAME, wrong
    other = Image.open(ps.fixtures("mobile") / "HMD_Nokia_8.3_5G.jpg")
    other.draft("RGB", (480, 240))
    assert ps.mean_difference(other, full, SMALL) > SAME


def _real_parts(data: bytes) -> tuple[bytes, list[tuple[bytes, bool]]]:
    found = find_thumbnail(data)
    assert found is not None
    return copied(found.data)


@pytest.mark.parametrize(("layout", "method", "extents"),
                         cases([LAYOUTS[1], LAYOUTS[4], LAYOUTS[7]], [(0, 3), (1, 2)]))
def test_real_thumbnail_decodes_alike_from_every_layout(layout, method, extents):
    data = iphone()
    coded, props = _real_parts(data)
    reference = open_image(embedded_thumbnail(data))
    reference.load()
    item = thumb_item(coded=coded, props=props, method=method, extents=extents)
    out = embedded_thumbnail(build_heif([primary_item(), item], **layout))
    assert out is not None
    im = open_image(out)
    im.load()
    assert im.size == reference.size
    assert ImageChops.difference(im.convert("RGB"), reference.convert("RGB")).getbbox() is None


def _spy(monkeypatch) -> list[Thumbnail | None]:
    seen: list[Thumbnail | None] = []
    real = worker.find_thumbnail

    def spy(data: bytes) -> Thumbnail | None:
        seen.append(real(data))
        return seen[-1]

    monkeypatch.setattr(worker, "find_thumbnail", spy)
    return seen


def _without_fast_path(monkeypatch) -> None:
    monkeypatch.setattr(worker, "find_thumbnail", lambda data: None)


def _fields(p: Prepared) -> dict:
    return {k: v for k, v in vars(p).items() if k not in ("thumbnail", "path")}


def test_prepare_heic_from_embedded_thumbnail_matches_the_full_path(tmp_path, monkeypatch):
    path = tmp_path / "iphone.heic"
    path.write_bytes(iphone())
    seen = _spy(monkeypatch)
    fast = prepare(str(path))
    assert isinstance(fast, Prepared), fast
    assert len(seen) == 1 and seen[0] is not None  # the embedded thumbnail was used
    monkeypatch.undo()
    _without_fast_path(monkeypatch)
    full = prepare(str(path))
    assert isinstance(full, Prepared), full
    assert _fields(fast) == _fields(full)
    assert (fast.width, fast.height, fast.orientation) == (3024, 4032, full.orientation)
    a, b = Image.open(io.BytesIO(fast.thumbnail)), Image.open(io.BytesIO(full.thumbnail))
    assert a.size == b.size == (240, 320)
    assert ps.mean_difference(a, b, SMALL) < SAME


def test_heic_without_thumbnail_goes_the_full_path(tmp_path, monkeypatch):
    thumb_only = embedded_thumbnail(iphone())  # a HEIC whose only image has no thumbnail
    path = tmp_path / "thumb-only.heic"
    path.write_bytes(thumb_only)
    seen = _spy(monkeypatch)
    prepared = prepare(str(path))
    assert isinstance(prepared, Prepared), prepared
    assert seen == [None]
    assert (prepared.width, prepared.height) == (240, 320)
    assert Image.open(io.BytesIO(prepared.thumbnail)).size == (240, 320)


def test_too_small_or_misshapen_thumbnail_is_not_used(monkeypatch):
    data = iphone()
    seen = _spy(monkeypatch)
    # 320 px is less than DRAFT_SLACK × 400: the primary is decoded
    big = Image.open(io.BytesIO(worker.thumbnail_jpeg(data, 1, side=400)))
    assert seen[-1] is not None and big.size == (300, 400)
    small = Image.open(io.BytesIO(worker.thumbnail_jpeg(data, 1)))
    assert small.size == (240, 320)
    # a primary of another shape than the thumbnail: not its thumbnail after all
    assert worker._embedded_thumbnail(data, (3024, 3024), 1, 320) is None
    assert worker._embedded_thumbnail(data, (3024, 4032), 1, 320) is not None


def test_undecodable_thumbnail_falls_back_to_the_full_decode(tmp_path, monkeypatch):
    path = tmp_path / "iphone.heic"
    path.write_bytes(iphone())
    broken = embedded_thumbnail(iphone())
    coded_at = walk(broken)[2][2]
    broken = broken[:coded_at] + bytes(len(broken) - coded_at)  # HEVC data zeroed
    for fake in (Thumbnail(broken, 320, 240), Thumbnail(b"\x00\x00\x00\x10ftypheic....", 320, 240)):
        monkeypatch.setattr(worker, "find_thumbnail", lambda data, fake=fake: fake)
        prepared = prepare(str(path))
        assert isinstance(prepared, Prepared), prepared
        thumb = Image.open(io.BytesIO(prepared.thumbnail))
        assert thumb.size == (240, 320)
        assert ps.mean_difference(thumb, full_thumbnail(iphone()), SMALL) < SAME


# --------------------------------------------------------------------------- hostile edits
def iloc_fields(data: bytes) -> dict[int, tuple[int, list[tuple[int, int, int, int]]]]:
    """Item -> (position of its extent count, [(offset pos, size, length pos, size)])."""
    _, p, _ = meta_children(data)[b"iloc"]
    version = data[p]
    off_size, len_size = data[p + 4] >> 4, data[p + 4] & 15
    base_size, idx_size = data[p + 5] >> 4, (data[p + 5] & 15) if version else 0
    count_size = 2 if version < 2 else 4
    count = int.from_bytes(data[p + 6 : p + 6 + count_size], "big")
    at, id_size, found = p + 6 + count_size, 4 if version == 2 else 2, {}
    for _ in range(count):
        item = int.from_bytes(data[at : at + id_size], "big")
        at += id_size + (2 if version else 0) + 2 + base_size
        n_at, n = at, int.from_bytes(data[at : at + 2], "big")
        at += 2
        extents = []
        for _ in range(n):
            at += idx_size
            extents.append((at, off_size, at + off_size, len_size))
            at += off_size + len_size
        found[item] = (n_at, extents)
    return found


def crafted(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Hand-made hostile edits of the iPhone HEIC, each of which must give None."""
    children = meta_children(data)
    meta = [b for b in walk(data) if b[0] == b"meta"][0]

    def patched(at: int, value: bytes) -> bytes:
        return data[:at] + value + data[at + len(value) :]

    fields = iloc_fields(data)
    n_at, [(off_at, off_size, len_at, len_size)] = fields[50]
    yield "iloc item count", patched(children[b"iloc"][1] + 6, b"\xff\xff")
    yield "extent count", patched(n_at, b"\xff\xff")
    yield "extent past the end", patched(off_at, (len(data) - 100).to_bytes(off_size, "big"))
    yield "extent length", patched(len_at, b"\xff" * len_size)
    _, iprp_payload, iprp_end = children[b"iprp"]
    ipma = [b for b in walk(data, iprp_payload, iprp_end) if b[0] == b"ipma"][0]
    yield "ipma entry count", patched(ipma[2] + 4, b"\xff\xff\xff\xff")
    iref = children[b"iref"]
    thmb = [b for b in walk(data, iref[1] + 4, iref[2]) if b[0] == b"thmb"][0]
    yield "thmb reference count", patched(thmb[2] + 2, b"\xff\xff")
    yield "thmb from a missing item", patched(thmb[2], struct.pack(">H", 999))
    yield "thmb to another item", patched(thmb[2] + 4, struct.pack(">H", 51))
    yield "iinf entry size", patched(children[b"iinf"][1] + 6, b"\xff\xff\xff\xff")
    yield "meta size", patched(meta[1], b"\xff\xff\xff\xff")
    yield "meta child 64-bit size", patched(children[b"hdlr"][0], b"\x00\x00\x00\x01")
    yield "iloc version", patched(children[b"iloc"][1], b"\x07")
    infe = data.index(b"\x00\x32\x00\x00hvc1", children[b"iinf"][1])
    yield "thumbnail is av01", patched(infe + 4, b"av01")
    ipco = [b for b in walk(data, iprp_payload, iprp_end) if b[0] == b"ipco"][0]
    zero_sizes = data
    for kind, _, payload, _ in walk(data, ipco[2], ipco[3]):
        if kind == b"ispe":  # every ispe 0×0
            zero_sizes = zero_sizes[: payload + 4] + bytes(8) + zero_sizes[payload + 12 :]
    yield "ispe 0x0", zero_sizes


def hostile(data: bytes, seed: int = 20261124) -> Iterator[tuple[str, bytes]]:
    meta = [b for b in walk(data) if b[0] == b"meta"][0]
    _, m_at, m_payload, m_end = meta
    for cut in range(0, m_end + 1, 13):  # the file cut inside or before its meta box
        yield f"cut at {cut}", data[:cut]
    for keep in range(0, m_end - m_payload, 11):  # meta cut short, its size patched to fit
        meta_box = struct.pack(">I4s", 8 + keep, b"meta") + data[m_payload : m_payload + keep]
        yield f"meta cut to {keep}", data[:m_at] + meta_box + data[m_end:]
    rnd = random.Random(seed)
    for n in range(500):  # random bytes overwritten inside meta
        flipped = bytearray(data)
        for _ in range(rnd.randint(1, 6)):
            flipped[rnd.randrange(m_payload, m_end)] = rnd.randrange(256)
        yield f"flip {n}", bytes(flipped)
    yield from crafted(data)


def test_hostile_edits_never_raise():
    data = iphone()
    results: dict[str, int] = {"none": 0, "thumbnail": 0}
    start = time.monotonic()
    for _label, variant in hostile(data):
        out = embedded_thumbnail(variant)  # raising here fails the test
        if out is None:
            results["none"] += 1
        else:
            results["thumbnail"] += 1
            check_thumbnail_file(out)
    assert results["none"] > 500 and results["thumbnail"] > 0, results
    assert time.monotonic() - start < 60


def test_crafted_edits_give_none():
    variants = dict(crafted(iphone()))
    assert len(variants) == 14
    for label, variant in variants.items():
        assert find_thumbnail(variant) is None, label


@pytest.mark.timeout(600)
def test_prepare_on_hostile_files_gives_prepared_or_failure(tmp_path):
    data = iphone()
    variants = list(hostile(data))
    rnd = random.Random(7)
    picked = [v for v in variants if not v[0].startswith(("flip", "cut", "meta cut"))]
    picked += rnd.sample([v for v in variants if v[0].startswith("flip")], 6)
    picked += rnd.sample([v for v in variants if v[0].startswith(("cut", "meta cut"))], 4)
    outcomes = {}
    for n, (label, variant) in enumerate(picked):
        path = tmp_path / f"{n:02d}.heic"
        path.write_bytes(variant)
        result = prepare(str(path))
        assert isinstance(result, (Prepared, Failure)), (label, result)
        outcomes[label] = type(result).__name__
    assert "Prepared" in outcomes.values() and "Failure" in outcomes.values(), outcomes
