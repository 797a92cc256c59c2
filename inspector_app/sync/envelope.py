"""Encryption to several recipients, signatures, and the agency key that enrolment hands over.

Why ``cryptography`` and not the age format (``pyrage``): the bundle needs Ed25519
signatures anyway, so one well-kept library covers both; and the bundle encrypts each zip
entry separately (a blob can be read without decrypting the others, the manifest stays
readable for relaying and chain checks), which age's one-file-one-stream model does not fit.
Only its high-level primitives are used — X25519, HKDF-SHA256, ChaCha20-Poly1305, Ed25519 —
nothing hand-rolled.

**Payload**: a random 32-byte content key per bundle. Each entry is cut into chunks of
``CHUNK`` bytes; each chunk is ``nonce(12, random) ‖ ChaCha20-Poly1305(chunk)`` with the
associated data ``entry name ‖ chunk index ‖ last-chunk flag``, so chunks cannot be
reordered, moved to another entry, dropped or cut at the end without failing authentication.

**Recipients**: the content key is wrapped for each recipient's X25519 public key: a fresh
ephemeral key pair, ECDH, HKDF-SHA256 (salt = ephemeral ‖ recipient public key, info names
the purpose and the recipient's key id), ChaCha20-Poly1305 with a random nonce.

**Agency key protocol** (the DB side comes later):

1. A fresh install (the agency's first supervisor device) creates agency key epoch 1, an
   X25519 key pair, and keeps a grant of it wrapped for itself.
2. Bundles are encrypted to the current agency epoch's public key (plus the county's key, and
   optionally individual devices). Any device holding that epoch's private key reads them.
3. Enrolling a device = a supervisor signs a **grant**: every epoch's private key the device
   may read, each wrapped for the new device's X25519 key, signed with the supervisor's Ed25519
   key. So a device enrolled later reads bundles exported before it.
4. Revoking a device = ``rotate()``: a new epoch, granted to every remaining member, not to
   the revoked one. Bundles exported afterwards use the new epoch, which the revoked device
   never received; what it could read before, it keeps (it had it already).

A device keeps the grants it received as they are (wrapped for its own key, so they are
safe to store) and opens them with :func:`open_grant` when it needs the agency keys.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.sync.errors import BundleError
from inspector_app.sync.keys import DeviceCard, DeviceKeys, _raw_private, b64, raw_public, unb64

ALG = "x25519-hkdf-sha256-chacha20poly1305-v1"
CHUNK = 64 * 1024
NONCE = 12
TAG = 16
OVERHEAD = NONCE + TAG  # per chunk


def _undecryptable(en: str, zh: str) -> BundleError:
    return BundleError("decrypt", en, zh)


# --- key wrapping ---------------------------------------------------------------------------

def _kek(shared: bytes, epk: bytes, rpk: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + rpk,
                info=b"inspector-wrap-v1\0" + context).derive(shared)


def wrap_secret(secret: bytes, recipient: X25519PublicKey, context: bytes) -> dict[str, str]:
    """Wrap ``secret`` for one X25519 public key (ephemeral ECDH + HKDF + AEAD)."""
    eph = X25519PrivateKey.generate()
    epk, rpk = raw_public(eph.public_key()), raw_public(recipient)
    key = _kek(eph.exchange(recipient), epk, rpk, context)
    nonce = os.urandom(NONCE)
    return {"epk": b64(epk), "nonce": b64(nonce),
            "ct": b64(ChaCha20Poly1305(key).encrypt(nonce, secret, context))}


def unwrap_secret(wrapped: Mapping[str, Any], private: X25519PrivateKey, context: bytes) -> bytes:
    """The secret, or a ``BundleError`` when it was not wrapped for this key or was altered."""
    try:
        epk = unb64(wrapped["epk"], 32)
        nonce, ct = unb64(wrapped["nonce"], NONCE), unb64(wrapped["ct"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
        key = _kek(shared, epk, raw_public(private.public_key()), context)
        return ChaCha20Poly1305(key).decrypt(nonce, ct, context)
    except (KeyError, ValueError, TypeError, InvalidTag) as exc:
        raise _undecryptable("A wrapped key cannot be opened with this device's key",
                             "无法用本机密钥解开加密的密钥") from exc


# --- recipients and the payload header ------------------------------------------------------

@dataclass(frozen=True)
class Recipient:
    """Who can read a bundle: a key id (``device:<id>``, ``agency:<id>:<epoch>``) and its key."""

    kid: str
    public: X25519PublicKey

    @classmethod
    def device(cls, card: DeviceCard) -> Recipient:
        return cls(f"device:{card.device_id}", card.enc_public)


def new_content_key() -> bytes:
    return os.urandom(32)


def make_header(content_key: bytes, recipients: Sequence[Recipient]) -> dict[str, Any]:
    """The ``encryption`` object of a manifest: the content key wrapped for each recipient."""
    if not recipients:
        raise ValueError("an encrypted bundle needs at least one recipient")
    wrapped = []
    for r in recipients:
        wrapped.append({"kid": r.kid, **wrap_secret(content_key, r.public,
                                                     b"content\0" + r.kid.encode("utf-8"))})
    return {"alg": ALG, "chunk": CHUNK, "recipients": wrapped}


def open_header(header: Mapping[str, Any], identities: Mapping[str, X25519PrivateKey]) -> bytes:
    """The content key, unwrapped with whichever of ``identities`` (kid → key) is a recipient."""
    if not isinstance(header, Mapping) or header.get("alg") != ALG or header.get("chunk") != CHUNK:
        raise BundleError("encryption", "The bundle uses an unknown encryption scheme",
                          "同步包使用了未知的加密方式")
    recipients = header.get("recipients")
    if not isinstance(recipients, list):
        raise BundleError("encryption", "The bundle's recipient list is damaged",
                          "同步包的接收方列表已损坏")
    for entry in recipients:
        kid = entry.get("kid") if isinstance(entry, dict) else None
        if isinstance(kid, str) and kid in identities:
            return unwrap_secret(entry, identities[kid], b"content\0" + kid.encode("utf-8"))
    raise _undecryptable("This device is not among the bundle's recipients (not enrolled, or "
                         "revoked before it was exported)",
                         "本机不在该同步包的接收方之中（未登记，或在导出前已被撤销）")


# --- chunked payload ------------------------------------------------------------------------

def encrypted_size(plain_size: int) -> int:
    chunks = max(1, -(-plain_size // CHUNK))
    return plain_size + chunks * OVERHEAD


def _aad(name: str, index: int, last: bool) -> bytes:
    return name.encode("utf-8") + b"\0" + struct.pack(">QB", index, 1 if last else 0)


def _read_full(src: BinaryIO, size: int) -> bytes:
    parts, left = [], size
    while left:
        part = src.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def encrypt_stream(key: bytes, src: BinaryIO, name: str) -> Iterator[bytes]:
    """Yield the encrypted records of ``src``, bound to the entry ``name`` (bounded memory)."""
    aead = ChaCha20Poly1305(key)
    index, current = 0, _read_full(src, CHUNK)
    while True:
        following = _read_full(src, CHUNK) if len(current) == CHUNK else b""
        last = not following
        nonce = os.urandom(NONCE)
        yield nonce + aead.encrypt(nonce, current, _aad(name, index, last))
        if last:
            return
        index, current = index + 1, following


def decrypt_stream(key: bytes, src: BinaryIO, name: str) -> Iterator[bytes]:
    """Yield the plaintext of an encrypted entry; a cut, reordered or altered one raises."""
    aead = ChaCha20Poly1305(key)
    record = CHUNK + OVERHEAD
    index, current = 0, _read_full(src, record)
    while True:
        following = _read_full(src, record) if len(current) == record else b""
        last = not following
        if len(current) < OVERHEAD:
            raise _undecryptable(f"The encrypted entry {name} is cut short",
                                 f"加密条目 {name} 不完整")
        try:
            yield aead.decrypt(current[:NONCE], current[NONCE:], _aad(name, index, last))
        except InvalidTag as exc:
            raise _undecryptable(f"The encrypted entry {name} was altered or cut",
                                 f"加密条目 {name} 被篡改或截断") from exc
        if last:
            return
        index, current = index + 1, following


# --- signatures -----------------------------------------------------------------------------

def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def canonical(data: Any) -> bytes:
    """Deterministic JSON bytes for signing."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# --- agency keys ----------------------------------------------------------------------------

@dataclass(frozen=True)
class AgencyKey:
    """One epoch of an agency's shared X25519 key (see the module docstring)."""

    agency_id: str
    epoch: int
    private: X25519PrivateKey

    @property
    def kid(self) -> str:
        return f"agency:{self.agency_id}:{self.epoch}"

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.kid, self.private.public_key())

    @classmethod
    def create(cls, agency_id: str, epoch: int = 1) -> AgencyKey:
        return cls(agency_id, epoch, X25519PrivateKey.generate())

    def rotate(self) -> AgencyKey:
        """The next epoch (on revocation): a new key nobody holds until it is granted."""
        return AgencyKey.create(self.agency_id, self.epoch + 1)


def identities(keys: DeviceKeys, agency: Iterable[AgencyKey] = ()) -> dict[str, X25519PrivateKey]:
    """The kid → private key map :func:`open_header` takes, for a device and its agency keys."""
    out: dict[str, X25519PrivateKey] = {f"device:{keys.device_id}": keys.encryption}
    for a in agency:
        out[a.kid] = a.private
    return out


def _grant_context(agency_id: str, epoch: int, device_id: str) -> bytes:
    return f"agency-grant\0{agency_id}\0{epoch}\0{device_id}".encode()


def grant(epochs: Sequence[AgencyKey], member: DeviceCard, signer: DeviceKeys) -> dict[str, Any]:
    """A signed grant handing ``epochs`` to ``member``, each wrapped for its X25519 key."""
    body = {"format": 1, "type": "agency-grant", "device_id": member.device_id,
            "signer": signer.device_id,
            "keys": [{"agency_id": a.agency_id, "epoch": a.epoch,
                      "public": b64(raw_public(a.private.public_key())),
                      "wrapped": wrap_secret(_raw_private(a.private), member.enc_public,
                                             _grant_context(a.agency_id, a.epoch,
                                                            member.device_id))}
                     for a in epochs]}
    return {**body, "sig": b64(sign(signer.signing, canonical(body)))}


def open_grant(data: Mapping[str, Any], keys: DeviceKeys,
               trusted_signer: Ed25519PublicKey) -> list[AgencyKey]:
    """The agency keys of a grant to this device, signed by ``trusted_signer``."""
    body = {k: v for k, v in data.items() if k != "sig"}
    try:
        signature = unb64(data.get("sig"), 64)
    except ValueError:
        signature = b""
    if not signature or not verify(trusted_signer, signature, canonical(body)):
        raise BundleError("signature", "The agency key grant is not signed by a trusted device",
                          "机构密钥授权未经可信设备签名")
    if body.get("type") != "agency-grant" or body.get("device_id") != keys.device_id:
        raise _undecryptable("The agency key grant is for another device",
                             "该机构密钥授权属于其他设备")
    out = []
    for entry in body.get("keys") or []:
        agency_id, epoch = entry.get("agency_id"), entry.get("epoch")
        if not isinstance(agency_id, str) or not isinstance(epoch, int):
            raise _undecryptable("The agency key grant is damaged", "机构密钥授权已损坏")
        raw = unwrap_secret(entry.get("wrapped") or {}, keys.encryption,
                            _grant_context(agency_id, epoch, keys.device_id))
        key = AgencyKey(agency_id, epoch, X25519PrivateKey.from_private_bytes(raw))
        if b64(raw_public(key.private.public_key())) != entry.get("public"):
            raise _undecryptable("The agency key grant is damaged", "机构密钥授权已损坏")
        out.append(key)
    return out


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
