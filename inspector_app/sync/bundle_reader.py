"""Reading a bundle: verify everything first, then hand out ops, audit entries and blobs.

:func:`read_bundle` returns only after every check passed (see bundle_file.py for the
format); each failure is a :class:`BundleError` whose ``reason`` names the check:
``unreadable`` (not a zip, truncated), ``names`` (path tricks), ``duplicate``, ``entries``
(entry list differs from the manifest), ``bomb``, ``too_large``, ``size``, ``hash``,
``corrupt``, ``manifest``, ``newer_format``, ``newer_app``, ``untrusted``, ``signature``,
``decrypt``, ``file_name``.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app import __version__
from inspector_app.sync import envelope
from inspector_app.sync.bundle_file import (
    AUDIT,
    BLOB_RE,
    FORMAT_VERSION,
    HEX64,
    MANIFEST,
    NAME_RE,
    OPS,
    READ,
    SIGNATURE,
    Limits,
    _version_tuple,
    safe_entry_name,
)
from inspector_app.sync.errors import BundleError

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error,
               NotImplementedError, ValueError)
DEFAULT_LIMITS = Limits()


def _err(reason: str, en: str, zh: str) -> BundleError:
    return BundleError(reason, en, zh)


def _untrusted(path: Path, device: str) -> BundleError:
    exc = _err("untrusted", f"{path.name} comes from device {device}, which is not enrolled "
               "here; it is held for review",
               f"同步包 {path.name} 来自未登记的设备 {device}，已暂存待审核")
    exc.device_id = device  # type: ignore[attr-defined]
    return exc


def _damaged(path: Path, exc: BaseException) -> BundleError:
    return _err("unreadable", f"The bundle {path.name} is damaged or cut short ({exc})",
                f"同步包 {path.name} 已损坏或不完整（{exc}）")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise
    except (OSError, *_ZIP_ERRORS) as exc:
        raise _damaged(path, exc) from exc


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    if info.file_size > limit:
        raise _err("too_large", f"{info.filename} in {path.name} is too large",
                   f"同步包 {path.name} 中的 {info.filename} 过大")
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (OSError, *_ZIP_ERRORS) as exc:
        raise _damaged(path, exc) from exc
    if len(data) > limit:
        raise _err("bomb", f"{info.filename} in {path.name} is larger than it declares",
                   f"同步包 {path.name} 中的 {info.filename} 实际大小超过声明")
    return data


def peek_manifest(path: Path, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """The manifest, NOT verified (to show who sent a bundle that is held for review)."""
    path = Path(path)
    with _open_zip(path) as zf:
        try:
            info = zf.getinfo(MANIFEST)
        except KeyError:
            raise _err("manifest", f"{path.name} has no manifest", f"同步包 {path.name} 缺少清单") \
                from None
        return _parse_manifest(_read_small(zf, info, limits.manifest_bytes, path), path)


def _parse_manifest(data: bytes, path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _err("manifest", f"The manifest of {path.name} is not valid JSON",
                   f"同步包 {path.name} 的清单不是有效的 JSON") from exc
    if not isinstance(manifest, dict):
        raise _err("manifest", f"The manifest of {path.name} is damaged",
                   f"同步包 {path.name} 的清单已损坏")
    return manifest


def _check_names(infos: list[zipfile.ZipInfo], path: Path, limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise _err("too_large", f"{path.name} has too many entries ({len(infos)})",
                   f"同步包 {path.name} 的条目过多（{len(infos)} 个）")
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
        if not safe_entry_name(name) or info.is_dir() or is_link:
            raise _err("names", f"{path.name} contains an unsafe entry name {name!r}",
                       f"同步包 {path.name} 含有不安全的条目名 {name!r}")
        if name in seen:
            raise _err("duplicate", f"{path.name} contains the entry {name} twice",
                       f"同步包 {path.name} 中条目 {name} 重复出现")
        seen.add(name)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                             zipfile.ZIP_DEFLATED):
            raise _err("entries", f"{path.name}: entry {name} uses an unsupported zip method",
                       f"同步包 {path.name}：条目 {name} 使用了不支持的压缩或加密方式")


def _check_manifest_fields(m: dict[str, Any], path: Path) -> None:
    fmt = m.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise _err("manifest", f"The manifest of {path.name} has no format version",
                   f"同步包 {path.name} 的清单缺少格式版本")
    if fmt > FORMAT_VERSION:
        raise _err("newer_format",
                   f"{path.name} was written in bundle format {fmt}; this app reads up to "
                   f"{FORMAT_VERSION}. Update the app to import it.",
                   f"同步包 {path.name} 为第 {fmt} 版格式，本程序只能读取到第 {FORMAT_VERSION} "
                   "版，请升级程序后再导入")
    need = m.get("min_app_version")
    try:
        too_old = _version_tuple(str(need)) > _version_tuple(__version__)
    except ValueError:
        too_old = True
    if too_old:
        raise _err("newer_app", f"{path.name} needs app version {need} or newer",
                   f"同步包 {path.name} 需要 {need} 或更新版本的程序")
    ok = (isinstance(m.get("device_id"), str) and m["device_id"]
          and isinstance(m.get("seq"), int) and not isinstance(m["seq"], bool) and m["seq"] >= 1
          and (m.get("prev") is None or (isinstance(m["prev"], str) and HEX64.match(m["prev"])))
          and isinstance(m.get("demo"), bool) and isinstance(m.get("entries"), list)
          and isinstance(m.get("op_range"), dict)
          and (m.get("encryption") is None or isinstance(m["encryption"], dict)))
    if ok:
        for e in m["entries"]:
            ok = ok and isinstance(e, dict) and isinstance(e.get("name"), str) \
                and isinstance(e.get("size"), int) and e["size"] >= 0 \
                and isinstance(e.get("sha256"), str) and bool(HEX64.match(e["sha256"]))
    if not ok:
        raise _err("manifest", f"The manifest of {path.name} is damaged",
                   f"同步包 {path.name} 的清单已损坏")


@dataclass
class VerifiedBundle:
    """A bundle that passed every check; reading re-verifies the bytes it reads."""

    path: Path
    manifest: dict[str, Any]
    bundle_id: str
    content_key: bytes | None
    entries: dict[str, dict[str, Any]]

    @property
    def device_id(self) -> str:
        return self.manifest["device_id"]

    @property
    def seq(self) -> int:
        return self.manifest["seq"]

    @property
    def prev(self) -> str | None:
        return self.manifest.get("prev")

    @property
    def demo(self) -> bool:
        return bool(self.manifest.get("demo"))

    @property
    def blob_hashes(self) -> list[str]:
        return [m.group(1) for n in self.entries if (m := BLOB_RE.match(n))]

    def _stored(self, zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
        expect = self.entries[name]
        sha, size = hashlib.sha256(), 0
        try:
            with zf.open(name) as fh:
                while chunk := fh.read(READ):
                    size += len(chunk)
                    if size > expect["size"]:
                        break
                    sha.update(chunk)
                    yield chunk
        except (OSError, *_ZIP_ERRORS) as exc:
            raise _damaged(self.path, exc) from exc
        if size != expect["size"] or sha.hexdigest() != expect["sha256"]:
            raise _err("hash", f"{self.path.name} changed after it was verified",
                       f"同步包 {self.path.name} 在校验后被改动")

    def plaintext(self, name: str) -> Iterator[bytes]:
        """The decrypted bytes of one entry, streamed."""
        with zipfile.ZipFile(self.path) as zf:
            if self.manifest.get("encryption") is None:
                yield from self._stored(zf, name)
                return
            if self.content_key is None:
                raise _err("decrypt", "The bundle is encrypted and no key was given to open it",
                           "同步包已加密，但未提供解密密钥")
            yield from envelope.decrypt_stream(self.content_key, _IterReader(
                self._stored(zf, name)), name)

    def _lines(self, name: str) -> Iterator[dict[str, Any]]:
        rest = b""
        for chunk in self.plaintext(name):
            rest += chunk
            *lines, rest = rest.split(b"\n")
            for line in lines:
                yield self._line(line, name)
        if rest.strip():
            yield self._line(rest, name)

    def _line(self, line: bytes, name: str) -> dict[str, Any]:
        try:
            value = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _err("manifest", f"{self.path.name}: a line of {name} is not JSON",
                       f"同步包 {self.path.name}：{name} 中有一行不是 JSON") from exc
        if not isinstance(value, dict):
            raise _err("manifest", f"{self.path.name}: a line of {name} is not an object",
                       f"同步包 {self.path.name}：{name} 中有一行不是对象")
        return value

    def iter_ops(self) -> Iterator[dict[str, Any]]:
        return self._lines(OPS)

    def iter_audit(self) -> Iterator[dict[str, Any]]:
        return self._lines(AUDIT)

    def extract_blob(self, sha: str, dest: Path) -> Path:
        """Write blob ``sha`` to ``dest`` (temp, fsync, rename) after checking its plaintext."""
        dest = Path(dest)
        tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
        digest = hashlib.sha256()
        try:
            with open(tmp, "wb") as fh:
                for chunk in self.plaintext(f"blobs/{sha}"):
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            if digest.hexdigest() != sha:
                raise _err("hash", f"{self.path.name}: blob {sha[:12]}… does not match its name",
                           f"同步包 {self.path.name}：文件 {sha[:12]}… 与其名称不符")
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        return dest


class _IterReader:
    """A file-like ``read(n)`` over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks, self.buf = chunks, b""

    def read(self, n: int = -1) -> bytes:
        while n < 0 or len(self.buf) < n:
            chunk = next(self.chunks, None)
            if chunk is None:
                break
            self.buf += chunk
        if n < 0:
            n = len(self.buf)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out


def read_bundle(path: Path, trusted: Mapping[str, Ed25519PublicKey], *,
                identities: Mapping[str, X25519PrivateKey] | None = None,
                limits: Limits = DEFAULT_LIMITS) -> VerifiedBundle:
    """Verify the bundle at ``path`` completely and return it (see the module docstring).

    ``trusted`` maps device ids to their enrolled signing keys; ``identities`` (kid → X25519
    key, ``envelope.identities``) opens an encrypted payload; without it the bundle is only
    verified (a relay).
    """
    path = Path(path)
    with _open_zip(path) as zf:
        infos = zf.infolist()
        _check_names(infos, path, limits)
        by_name = {i.filename: i for i in infos}
        if MANIFEST not in by_name or SIGNATURE not in by_name:
            raise _err("manifest", f"{path.name} has no manifest or no signature",
                       f"同步包 {path.name} 缺少清单或签名")
        data = _read_small(zf, by_name[MANIFEST], limits.manifest_bytes, path)
        signature = _read_small(zf, by_name[SIGNATURE], 64, path)
        manifest = _parse_manifest(data, path)
        _check_manifest_fields(manifest, path)
        device = manifest["device_id"]
        key = trusted.get(device)
        if key is None:
            raise _untrusted(path, device)
        if len(signature) != 64 or not envelope.verify(key, signature, data):
            raise _err("signature", f"The signature of {path.name} is wrong: the bundle was "
                       "altered or not made by the device it names",
                       f"同步包 {path.name} 的签名无效：内容被改动，或并非由其所称的设备生成")
        bundle_id = hashlib.sha256(data).hexdigest()
        named = NAME_RE.match(path.name)
        if named and (int(named.group(1)) != manifest["seq"]
                      or named.group(2) != bundle_id[:32]):
            raise _err("file_name", f"The file name {path.name} does not match its content",
                       f"文件名 {path.name} 与同步包内容不符")
        entries = _check_entries(manifest, by_name, path, limits)
        for name, info in ((n, by_name[n]) for n in entries):
            _verify_entry(zf, info, entries[name], path)
    content_key = None
    if manifest.get("encryption") is not None and identities is not None:
        content_key = envelope.open_header(manifest["encryption"], identities)
    return VerifiedBundle(path, manifest, bundle_id, content_key, entries)


def _check_entries(manifest: dict[str, Any], by_name: dict[str, zipfile.ZipInfo], path: Path,
                   limits: Limits) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for e in manifest["entries"]:
        if e["name"] in entries or e["name"] in (MANIFEST, SIGNATURE) \
                or not safe_entry_name(e["name"]):
            raise _err("entries", f"The manifest of {path.name} lists a bad entry {e['name']!r}",
                       f"同步包 {path.name} 的清单列出了无效条目 {e['name']!r}")
        if e["name"] not in (OPS, AUDIT) and not BLOB_RE.match(e["name"]):
            raise _err("entries", f"{path.name} has an unexpected entry {e['name']!r}",
                       f"同步包 {path.name} 含有意外的条目 {e['name']!r}")
        entries[e["name"]] = e
    in_zip = set(by_name) - {MANIFEST, SIGNATURE}
    if in_zip != set(entries) or OPS not in entries or AUDIT not in entries:
        extra, missing = sorted(in_zip - set(entries)), sorted(set(entries) - in_zip)
        raise _err("entries", f"The entries of {path.name} differ from its manifest "
                   f"(extra: {extra[:3]}, missing: {missing[:3]})",
                   f"同步包 {path.name} 的条目与清单不符（多出：{extra[:3]}，缺少：{missing[:3]}）")
    total = 0
    for name, e in entries.items():
        info = by_name[name]
        if info.file_size != e["size"]:
            raise _err("size", f"{path.name}: {name} is {info.file_size} bytes, its manifest "
                       f"says {e['size']}", f"同步包 {path.name}：{name} 的大小与清单不符")
        if BLOB_RE.match(name) and info.compress_type != zipfile.ZIP_STORED:
            raise _err("entries", f"{path.name}: blob {name} is compressed",
                       f"同步包 {path.name}：文件 {name} 不应压缩")
        if info.compress_type == zipfile.ZIP_DEFLATED and info.file_size > 1024 * 1024 \
                and info.file_size > limits.deflate_ratio * max(info.compress_size, 1):
            raise _err("bomb", f"{path.name}: {name} expands {info.file_size // max(info.compress_size, 1)}"
                       " times: refused as a zip bomb",
                       f"同步包 {path.name}：{name} 压缩比异常，疑似压缩炸弹，已拒绝")
        total += info.file_size
    if total > limits.total_bytes:
        raise _err("too_large", f"{path.name} unpacks to {total} bytes, more than allowed",
                   f"同步包 {path.name} 解压后过大（{total} 字节）")
    return entries


def _verify_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, expect: dict[str, Any],
                  path: Path) -> None:
    sha, size = hashlib.sha256(), 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(READ):
                size += len(chunk)
                if size > expect["size"]:
                    raise _err("bomb", f"{path.name}: {info.filename} is larger than declared",
                               f"同步包 {path.name}：{info.filename} 实际大小超过声明")
                sha.update(chunk)
    except BundleError:
        raise
    except (OSError, *_ZIP_ERRORS) as exc:
        raise _damaged(path, exc) from exc
    if size != expect["size"] or sha.hexdigest() != expect["sha256"]:
        raise _err("hash", f"{path.name}: {info.filename} does not match its manifest (altered "
                   "or damaged)", f"同步包 {path.name}：{info.filename} 与清单不符（被改动或损坏）")
