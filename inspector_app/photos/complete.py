"""Is a container file complete? A cheap structural check for truncated copies.

libheif decodes a truncated HEIC without complaint (missing tiles come out grey) and a
video or PDF is never decoded at all, so a half-copied file from a phone or a card would
otherwise become evidence. ISO-BMFF files (HEIC/HEIF/AVIF, MP4/MOV) are a chain of boxes
whose sizes must fit the file; an AVI declares its RIFF size; a PDF ends with ``%%EOF``.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from .sniff import AVI, PDF, FileType

BMFF_MIMES = frozenset({"image/heic", "image/heif", "image/avif", "video/mp4", "video/quicktime"})
_MAX_BOXES = 100_000


def bmff_problem(fh: BinaryIO, size: int) -> str | None:
    """Walk the top-level boxes; a box running past the end means the file was cut."""
    at = 0
    for _ in range(_MAX_BOXES):
        if at == size:
            return None
        if size - at < 8:
            return f"{size - at} stray bytes at the end"
        fh.seek(at)
        head = fh.read(16)
        box_size = struct.unpack(">I", head[:4])[0]
        header = 8
        if box_size == 1:  # 64-bit size follows the type
            if len(head) < 16:
                return "cut inside a box header"
            box_size = struct.unpack(">Q", head[8:16])[0]
            header = 16
        elif box_size == 0:  # "extends to the end of the file"
            return None
        if box_size < header:
            return f"box {head[4:8]!r} has an impossible size"
        if at + box_size > size:
            return f"box {head[4:8]!r} needs {at + box_size - size} more bytes"
        at += box_size
    return "too many boxes"


def problem(fh: BinaryIO, ftype: FileType, size: int) -> str | None:
    """Why the file looks incomplete, or None (only types with a structure to check)."""
    if ftype.mime in BMFF_MIMES:
        return bmff_problem(fh, size)
    if ftype == AVI:
        fh.seek(4)
        declared = struct.unpack("<I", fh.read(4))[0] + 8
        return f"RIFF needs {declared - size} more bytes" if declared > size else None
    if ftype == PDF:
        fh.seek(max(0, size - 2048))
        return None if b"%%EOF" in fh.read() else "no %%EOF at the end"
    return None
