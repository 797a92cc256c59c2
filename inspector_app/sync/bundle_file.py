"""The bundle container: ``<seq>-<id[:32]>.isb``, a zip that is verified whole before use.

Entries (design.md §7): ``blobs/<sha256>`` (media, PDFs; stored, never deflated),
``ops.jsonl``, ``audit.jsonl``, ``manifest.json`` and ``manifest.sig`` (raw 64-byte Ed25519
signature over the manifest bytes). The manifest names the format version, the minimum app
version, device, seq, the previous bundle's id (a chain per device), the op range, the demo
flag, the encryption header (envelope.py; ``null`` for a plain bundle) and the size and
sha256 of every other entry *as stored* — for an encrypted bundle, of the ciphertext, so the
signature covers ciphertext and manifest and a relay can verify without reading anything.

The bundle id is the sha256 of ``manifest.json``; it commits to every entry's hash, names the
file and chains the next bundle. A blob's name is the sha256 of its plaintext, checked again
when it is extracted.

The writer streams entries into a temp file (``.*.isb.part``), fsyncs it and renames it, and
starts the next bundle (seq + 1, chained) before a part would pass ``cap`` bytes. The reader
checks everything — names, entry list, sizes, zip-bomb limits, every entry's sha256 (while
streaming, in bounded memory), the signature by a trusted key, format and app version —
before it returns (bundle_reader.py); reading ops and blobs afterwards re-hashes what it reads.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app import __version__
from inspector_app.sync import envelope
from inspector_app.sync.errors import BundleError
from inspector_app.sync.keys import DeviceKeys

FORMAT_VERSION = 1
MIN_APP_VERSION = "0.1.0"
DEFAULT_CAP = 400 * 1024 * 1024
MANIFEST, SIGNATURE, OPS, AUDIT = "manifest.json", "manifest.sig", "ops.jsonl", "audit.jsonl"
NAME_RE = re.compile(r"^(\d{8,})-([0-9a-f]{32})\.isb$")
BLOB_RE = re.compile(r"^blobs/([0-9a-f]{64})$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
READ = 1024 * 1024
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Limits:
    """What the reader accepts (hostile input must not exhaust memory or disk)."""

    manifest_bytes: int = 16 * 1024 * 1024
    entries: int = 200_000
    total_bytes: int = 2 * DEFAULT_CAP  # sum of the entries' uncompressed sizes
    deflate_ratio: int = 100  # uncompressed / compressed, for deflated entries


def _err(reason: str, en: str, zh: str) -> BundleError:
    return BundleError(reason, en, zh)


def bundle_name(seq: int, bundle_id: str) -> str:
    return f"{seq:08d}-{bundle_id[:32]}.isb"


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


def safe_entry_name(name: str) -> bool:
    """No absolute paths, drive letters, backslashes, NUL, ``..`` or empty segments."""
    if not name or len(name) > 200 or "\\" in name or "\0" in name or name.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", name) or any(ord(c) < 32 for c in name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


@dataclass(frozen=True)
class BundleInfo:
    """A bundle file written by :class:`BundleWriter`."""

    path: Path
    device_id: str
    seq: int
    bundle_id: str  # sha256 of manifest.json
    prev: str | None
    size: int  # of the file
    sha256: str  # of the file
    op_count: int

    @property
    def name(self) -> str:
        return self.path.name


class _HashingWriter:
    """Counts and hashes the bytes written into a zip entry."""

    def __init__(self, dest: BinaryIO) -> None:
        self.dest, self.sha, self.size = dest, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        self.sha.update(data)
        self.size += len(data)
        self.dest.write(data)


@dataclass
class _Part:
    tmp: Path
    fh: BinaryIO
    zf: zipfile.ZipFile
    content_key: bytes | None
    header: dict[str, Any] | None
    entries: list[dict[str, Any]] = field(default_factory=list)
    blobs: set[str] = field(default_factory=set)
    ops: Any = None  # spooled plaintext of ops.jsonl
    audit: Any = None
    op_count: int = 0
    op_first: str | None = None
    op_last: str | None = None
    size: int = 0  # estimate of the file size so far


class BundleWriter:
    """Streams units (ops with the blobs they need) into bundles of at most ``cap`` bytes.

    Use as a context manager; ``close()`` returns the bundles written (none if nothing was
    added). An exception discards the temp files: nothing half-written stays under a bundle
    name.
    """

    def __init__(self, out_dir: Path, keys: DeviceKeys, *, first_seq: int, prev: str | None,
                 recipients: Sequence[envelope.Recipient] | None, demo: bool = False,
                 cap: int = DEFAULT_CAP, card: bool = False) -> None:
        self.out_dir, self.keys = Path(out_dir), keys
        self.card = card  # carry the sender's public card (a receiver may trust it on first use)
        self.seq, self.prev, self.recipients = first_seq, prev, list(recipients or [])
        self.demo, self.cap = demo, cap
        self.written: list[BundleInfo] = []
        self._part: _Part | None = None

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    # --- adding ---------------------------------------------------------------------------

    def add(self, ops: Iterable[Mapping[str, Any]], blobs: Mapping[str, Path] | None = None,
            audit: Iterable[Mapping[str, Any]] = (), op_range: tuple[str, str] | None = None,
            ) -> None:
        """Add one unit: its ops, the blobs they need (sha256 → file) and audit entries.

        A unit is never split; a new bundle starts when this one would pass the cap (a
        single unit larger than the cap makes one larger bundle).
        """
        op_lines = [envelope.canonical(op) + b"\n" for op in ops]
        audit_lines = [envelope.canonical(a) + b"\n" for a in audit]
        blobs = dict(blobs or {})
        for sha in blobs:
            if not HEX64.match(sha):
                raise ValueError(f"blob name is not a sha256: {sha!r}")
        estimate = sum(envelope.encrypted_size(len(x)) for x in op_lines + audit_lines)
        part = self._part
        new_blobs = {s: p for s, p in blobs.items() if part is None or s not in part.blobs}
        # per blob: local header + zip64 extra, central directory record, manifest entry
        estimate += sum(envelope.encrypted_size(Path(p).stat().st_size) + 400
                        for p in new_blobs.values())
        if part is not None and (part.op_count or part.blobs) and part.size + estimate > self.cap:
            self._finish()
            part, new_blobs = None, blobs
        if part is None:
            part = self._part = self._start()
        for sha, path in new_blobs.items():
            self._write_blob(part, sha, Path(path))
        for line in op_lines:
            part.ops.write(line)
        for line in audit_lines:
            part.audit.write(line)
        part.op_count += len(op_lines)
        if op_range:
            part.op_first = part.op_first or op_range[0]
            part.op_last = op_range[1]
        part.size += estimate

    def _start(self) -> _Part:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.out_dir / f".{uuid.uuid4().hex}.isb.part"
        fh = open(tmp, "wb")  # noqa: SIM115 - closed in _finish/abort
        key = envelope.new_content_key() if self.recipients else None
        header = envelope.make_header(key, self.recipients) if key else None
        part = _Part(tmp, fh, zipfile.ZipFile(fh, "w", allowZip64=True), key, header)
        part.ops = tempfile.SpooledTemporaryFile(8 * 1024 * 1024, dir=self.out_dir)  # noqa: SIM115
        part.audit = tempfile.SpooledTemporaryFile(1024 * 1024, dir=self.out_dir)  # noqa: SIM115
        return part

    def _entry(self, part: _Part, name: str, src: BinaryIO, *, deflate: bool) -> None:
        info = zipfile.ZipInfo(name, _EPOCH)
        info.compress_type = zipfile.ZIP_DEFLATED if deflate and part.content_key is None \
            else zipfile.ZIP_STORED
        with part.zf.open(info, "w", force_zip64=True) as dest:
            out = _HashingWriter(dest)  # type: ignore[arg-type]
            if part.content_key is not None:
                for record in envelope.encrypt_stream(part.content_key, src, name):
                    out.write(record)
            else:
                while chunk := src.read(READ):
                    out.write(chunk)
        part.entries.append({"name": name, "size": out.size, "sha256": out.sha.hexdigest()})

    def _write_blob(self, part: _Part, sha: str, path: Path) -> None:
        digest = hashlib.sha256()
        with open(path, "rb") as src:
            hashing = _HashReader(src, digest)
            self._entry(part, f"blobs/{sha}", hashing, deflate=False)  # type: ignore[arg-type]
        if digest.hexdigest() != sha:
            raise ValueError(f"blob {path} does not have the sha256 {sha}")
        part.blobs.add(sha)

    # --- finishing ------------------------------------------------------------------------

    def _finish(self) -> None:
        part, self._part = self._part, None
        assert part is not None
        try:
            for name, spool in ((OPS, part.ops), (AUDIT, part.audit)):
                spool.seek(0)
                self._entry(part, name, spool, deflate=True)
                spool.close()
            manifest = {
                "format": FORMAT_VERSION, "min_app_version": MIN_APP_VERSION,
                "app_version": __version__, "device_id": self.keys.device_id, "seq": self.seq,
                "prev": self.prev, "demo": bool(self.demo),
                "op_range": {"first": part.op_first, "last": part.op_last,
                             "count": part.op_count},
                "encryption": part.header, "entries": part.entries,
            }
            if self.card:
                manifest["device_card"] = self.keys.card.to_dict()
            data = envelope.canonical(manifest)
            for name, payload in ((MANIFEST, data),
                                  (SIGNATURE, envelope.sign(self.keys.signing, data))):
                info = zipfile.ZipInfo(name, _EPOCH)
                part.zf.writestr(info, payload, compress_type=zipfile.ZIP_STORED)
            part.zf.close()
            part.fh.flush()
            os.fsync(part.fh.fileno())
            part.fh.close()
            bundle_id = hashlib.sha256(data).hexdigest()
            final = self.out_dir / bundle_name(self.seq, bundle_id)
            os.replace(part.tmp, final)
            _fsync_dir(self.out_dir)
        except BaseException:
            _discard(part)
            raise
        size, sha = file_digest(final)
        self.written.append(BundleInfo(final, self.keys.device_id, self.seq, bundle_id,
                                       self.prev, size, sha, part.op_count))
        self.seq, self.prev = self.seq + 1, bundle_id

    def close(self) -> list[BundleInfo]:
        if self._part is not None:
            self._finish()
        return self.written

    def abort(self) -> None:
        if self._part is not None:
            _discard(self._part)
            self._part = None


class _HashReader:
    def __init__(self, src: BinaryIO, digest: Any) -> None:
        self.src, self.digest = src, digest

    def read(self, n: int = -1) -> bytes:
        data = self.src.read(n)
        self.digest.update(data)
        return data


def _discard(part: _Part) -> None:
    for closer in (part.zf.close, part.fh.close, part.ops.close, part.audit.close):
        try:
            closer()
        except Exception:  # noqa: BLE001 - best effort while failing anyway
            pass
    part.tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_digest(path: Path) -> tuple[int, str]:
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(READ):
            sha.update(chunk)
            size += len(chunk)
    return size, sha.hexdigest()
