"""This device's sync identity: a device id, an Ed25519 signing key, an X25519 encryption key.

The private keys live in ``<data dir>/keys/device-key.json`` (folder 0700, file 0600, written
to a temp name, fsynced, renamed). ``device.json`` beside it (store/device_file.py) stays as
it is: it is rewritten by the audit anchoring and must never carry secrets.

The public **device card** (id, name, both public keys, fingerprint) is what a supervisor
enrols. The fingerprint is a short code two people compare by reading it aloud: six groups of
four decimal digits taken from sha256 over the id and both public keys (80 bits).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from inspector_app.store.store import write_atomic
from inspector_app.sync.errors import KeyFileError

KEY_DIR = "keys"
KEY_FILE = "device-key.json"
KEY_FORMAT = 1
CARD_FORMAT = 1


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, size: int | None = None) -> bytes:
    """Strict base64 of an exact size (ValueError otherwise)."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if size is not None and len(data) != size:
        raise ValueError(f"expected {size} bytes, got {len(data)}")
    return data


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def fingerprint(device_id: str, sign_pub: bytes, enc_pub: bytes) -> str:
    """``1234-5678-…``: 6 groups of 4 digits (80 bits) of sha256(id, signing key, enc key)."""
    digest = hashlib.sha256(b"inspector-device-card-v1\0" + device_id.encode("utf-8") + b"\0"
                            + sign_pub + enc_pub).digest()
    number = int.from_bytes(digest[:10], "big")  # 80 bits < 10^25
    digits = f"{number:025d}"[-24:]
    return "-".join(digits[i:i + 4] for i in range(0, 24, 4))


@dataclass(frozen=True)
class DeviceCard:
    """The public half of a device identity, as JSON for enrolment (``device show --json``)."""

    device_id: str
    name: str
    sign_public: Ed25519PublicKey
    enc_public: X25519PublicKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.device_id, raw_public(self.sign_public),
                           raw_public(self.enc_public))

    def to_dict(self) -> dict[str, Any]:
        return {"format": CARD_FORMAT, "device_id": self.device_id, "name": self.name,
                "sign_public": b64(raw_public(self.sign_public)),
                "enc_public": b64(raw_public(self.enc_public)),
                "fingerprint": self.fingerprint}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> DeviceCard:
        """Parse a card; a fingerprint that does not match its keys is refused."""
        try:
            if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
                raise ValueError("not a device card of a known format")
            device_id, name = data["device_id"], data.get("name", "")
            if not isinstance(device_id, str) or not device_id or len(device_id) > 100:
                raise ValueError("bad device id")
            if not isinstance(name, str):
                raise ValueError("bad name")
            card = cls(device_id, name,
                       Ed25519PublicKey.from_public_bytes(unb64(data["sign_public"], 32)),
                       X25519PublicKey.from_public_bytes(unb64(data["enc_public"], 32)))
            if data.get("fingerprint") not in (None, card.fingerprint):
                raise ValueError("fingerprint does not match the keys")
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileError(f"Not a valid device card: {exc}",
                               f"不是有效的设备名片：{exc}") from exc
        return card

    @classmethod
    def from_json(cls, text: str) -> DeviceCard:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise KeyFileError("The device card is not JSON", "设备名片不是 JSON 格式") from exc
        return cls.from_dict(data)


@dataclass(frozen=True)
class DeviceKeys:
    """This device's private keys (never leave the device except in a backup)."""

    device_id: str
    name: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @classmethod
    def generate(cls, device_id: str | None = None, name: str = "") -> DeviceKeys:
        return cls(device_id or uuid.uuid4().hex, name, Ed25519PrivateKey.generate(),
                   X25519PrivateKey.generate())

    @property
    def card(self) -> DeviceCard:
        return DeviceCard(self.device_id, self.name, self.signing.public_key(),
                          self.encryption.public_key())

    def to_dict(self) -> dict[str, Any]:
        return {"format": KEY_FORMAT, "device_id": self.device_id, "name": self.name,
                "sign_private": b64(_raw_private(self.signing)),
                "enc_private": b64(_raw_private(self.encryption))}

    @classmethod
    def from_dict(cls, data: Any) -> DeviceKeys:
        try:
            if not isinstance(data, dict) or data.get("format") != KEY_FORMAT:
                raise ValueError("unknown key file format")
            if not isinstance(data["device_id"], str) or not isinstance(data.get("name", ""), str):
                raise ValueError("bad device id or name")
            return cls(data["device_id"], data.get("name", ""),
                       Ed25519PrivateKey.from_private_bytes(unb64(data["sign_private"], 32)),
                       X25519PrivateKey.from_private_bytes(unb64(data["enc_private"], 32)))
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileError(f"The device key file is damaged: {exc}",
                               f"本机密钥文件已损坏：{exc}") from exc


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_DIR / KEY_FILE


def save(data_dir: Path, keys: DeviceKeys) -> Path:
    """Write the key file: 0600 from its creation on, temp name, fsync, rename, fsync dir."""
    path = key_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    write_atomic(path, json.dumps(keys.to_dict(), indent=2, ensure_ascii=False).encode("utf-8"),
                 mode=0o600)
    return path


def load(data_dir: Path) -> DeviceKeys | None:
    """The saved keys, or None when there is no key file yet (a damaged one raises)."""
    path = key_path(data_dir)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyFileError(f"Cannot read the device key file: {exc}",
                           f"无法读取本机密钥文件：{exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise KeyFileError("The device key file is damaged (not JSON)",
                           "本机密钥文件已损坏（不是 JSON）") from exc
    return DeviceKeys.from_dict(data)


def load_or_create(data_dir: Path, device_id: str, name: str = "") -> DeviceKeys:
    """This device's keys, created on first use; a key file of another device id is refused.

    A restored store takes a new device id (issue 15), so the keys of the old id must not be
    silently reused for it.
    """
    keys = load(data_dir)
    if keys is None:
        keys = DeviceKeys.generate(device_id, name)
        save(data_dir, keys)
        return keys
    if keys.device_id != device_id:
        raise KeyFileError(
            f"The device key file belongs to device {keys.device_id}, not {device_id}",
            f"本机密钥文件属于设备 {keys.device_id}，不是 {device_id}")
    return keys
