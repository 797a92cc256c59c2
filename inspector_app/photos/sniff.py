"""The real type of a file, from its first bytes (never from its name)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

HEAD_BYTES = 1024

PHOTO, VIDEO, SCAN = "photo", "video", "scan"
KINDS = (PHOTO, VIDEO, SCAN)


@dataclass(frozen=True)
class FileType:
    kind: str  # photo / video / scan
    mime: str
    ext: str  # the stored file's extension

    @property
    def decodable(self) -> bool:
        return self.kind == PHOTO


JPEG = FileType(PHOTO, "image/jpeg", "jpg")
PNG = FileType(PHOTO, "image/png", "png")
WEBP = FileType(PHOTO, "image/webp", "webp")
HEIC = FileType(PHOTO, "image/heic", "heic")
HEIF = FileType(PHOTO, "image/heif", "heif")
AVIF = FileType(PHOTO, "image/avif", "avif")  # HEIF's AV1 sibling; Pillow decodes it
MP4 = FileType(VIDEO, "video/mp4", "mp4")
MOV = FileType(VIDEO, "video/quicktime", "mov")
AVI = FileType(VIDEO, "video/x-msvideo", "avi")
PDF = FileType(SCAN, "application/pdf", "pdf")
ALL_TYPES = (JPEG, PNG, WEBP, HEIC, HEIF, AVIF, MP4, MOV, AVI, PDF)
EXT_BY_MIME = {t.mime: t.ext for t in ALL_TYPES}
# names a folder scan picks up (the type is still sniffed from the bytes)
CANDIDATE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif", ".hif", ".avif", ".mp4", ".m4v",
     ".mov", ".avi", ".pdf"}
)

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}
_MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ",
    b"M4VH", b"M4VP", b"mmp4", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"dash", b"MSNV", b"XAVC",
    b"f4v ", b"NDAS",
}
# QuickTime files without an ftyp box start with one of these atoms
_QT_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}


def _ftyp(head: bytes) -> FileType | None:
    size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    end = min(len(head), size if 16 <= size <= len(head) else len(head))
    compatible = {head[i : i + 4] for i in range(16, end - 3, 4)}
    if major in _HEIC_BRANDS:
        return HEIC
    if major in _AVIF_BRANDS:
        return AVIF
    if major in _HEIF_BRANDS:
        if compatible & _AVIF_BRANDS and not compatible & _HEIC_BRANDS:
            return AVIF
        return HEIC if compatible & _HEIC_BRANDS else HEIF
    if major == b"qt  ":
        return MOV
    if major in _MP4_BRANDS:
        return MP4
    if compatible & _HEIC_BRANDS:
        return HEIC
    if compatible & _HEIF_BRANDS:
        return HEIF
    if compatible & _MP4_BRANDS:
        return MP4
    if b"qt  " in compatible:
        return MOV
    return None


def sniff(head: bytes) -> FileType | None:
    """The type of a file whose first :data:`HEAD_BYTES` bytes are ``head``, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[0:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[0:4] == b"RIFF" and head[8:12] == b"AVI ":
        return AVI
    if head[4:8] == b"ftyp":
        return _ftyp(head)
    if head[4:8] in _QT_ATOMS:
        return MOV
    if b"%PDF-" in head[:HEAD_BYTES]:  # readers accept junk before the header
        return PDF
    return None


def describe(head: bytes) -> str:
    """A short description of unrecognised content, for the error message."""
    if not head:
        return "empty"
    try:  # incremental: a character cut at the end of the sample is not an error
        text = codecs.getincrementaldecoder("utf-8")().decode(head[:256], final=False)
    except UnicodeDecodeError:
        return "unknown binary data"
    if all(c.isprintable() or c in "\r\n\t" for c in text):
        return "text"
    return "unknown binary data"
