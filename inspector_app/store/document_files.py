"""Issued documents' PDFs, content-addressed: ``documents/ab/<sha256>.pdf``.

Written as the media files are (``media``): a temporary name in the destination folder,
fsync, rename, so a crash or a full disk never leaves a half-written PDF under a final name.
:func:`write_copy` writes the user's copy (``-o FILE.pdf``) the same way.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from .media import _fsync_dir, _write_new, sha256_file


def document_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / "documents" / sha256[:2] / f"{sha256}.pdf"


def put_document(data_dir: Path, data: bytes) -> tuple[str, Path]:
    """Store ``data``; returns its sha256 and path (an intact copy already there is kept)."""
    sha = hashlib.sha256(data).hexdigest()
    final = document_path(data_dir, sha)
    if final.exists() and final.stat().st_size == len(data) and sha256_file(final) == sha:
        return sha, final
    _write_new(final, [data], overwrite=True)
    return sha, final


def write_copy(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (temp name beside it, fsync, rename)."""
    target = Path(target)
    tmp = target.parent / f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part"
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)
