"""Device keys on disk, device cards, payload encryption and the agency key protocol."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from inspector_app.sync import envelope, keys
from inspector_app.sync.errors import BundleError, KeyFileError


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "张三 的数据"
    d.mkdir()
    (d / "device.json").write_text('{"device_id": "d1", "audit_head": {"n": 3}}', "utf-8")
    return d


def test_keys_saved_private_and_reloaded(data_dir: Path):
    before = (data_dir / "device.json").read_bytes()
    k = keys.load_or_create(data_dir, "d1", "张三的电脑")
    path = keys.key_path(data_dir)
    assert path == data_dir / "keys" / "device-key.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert (data_dir / "device.json").read_bytes() == before  # untouched
    again = keys.load_or_create(data_dir, "d1")
    assert again.card.to_dict() == k.card.to_dict() and again.name == "张三的电脑"
    assert [p.name for p in path.parent.iterdir()] == ["device-key.json"]  # no temp left
    with pytest.raises(KeyFileError):
        keys.load_or_create(data_dir, "another-id")  # a restored store takes a new id


def test_key_file_unreadable_for_other_users():
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="密钥 "))  # traversable by nobody, unlike tmp_path
    try:
        os.chmod(root, 0o755)
        keys.load_or_create(root, "d1")
        path = keys.key_path(root)
        os.chmod(path.parent, 0o755)  # so that only the file's own mode protects it

        def read_as_nobody() -> subprocess.CompletedProcess:
            return subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup",
                                   "--clear-groups", "cat", str(path)], capture_output=True)

        result = read_as_nobody()
        assert result.returncode != 0 and b"sign_private" not in result.stdout
        os.chmod(path, 0o644)  # the check itself can see a readable file
        assert b"sign_private" in read_as_nobody().stdout
    finally:
        shutil.rmtree(root)


def test_damaged_key_file(data_dir: Path):
    path = keys.key_path(data_dir)
    path.parent.mkdir()
    path.write_text("{not json", "utf-8")
    with pytest.raises(KeyFileError) as exc:
        keys.load(data_dir)
    assert "损坏" in exc.value.zh
    path.write_text(json.dumps({"format": 1, "device_id": "d1", "sign_private": "AAAA",
                                "enc_private": "AAAA"}), "utf-8")
    with pytest.raises(KeyFileError):
        keys.load(data_dir)


def test_device_card_round_trip_and_tamper():
    k = keys.DeviceKeys.generate("d-1", "王五")
    card = json.loads(k.card.to_json())
    assert set(card) == {"format", "device_id", "name", "sign_public", "enc_public",
                         "fingerprint"}
    groups = card["fingerprint"].split("-")
    assert len(groups) == 6 and all(len(g) == 4 and g.isdigit() for g in groups)
    assert keys.DeviceCard.from_dict(card).fingerprint == card["fingerprint"]
    other = keys.DeviceKeys.generate("d-1")
    forged = dict(card, sign_public=json.loads(other.card.to_json())["sign_public"])
    with pytest.raises(KeyFileError):
        keys.DeviceCard.from_dict(forged)  # the fingerprint read aloud would not match
    with pytest.raises(KeyFileError):
        keys.DeviceCard.from_json("[]")


def _roundtrip(key: bytes, data: bytes, name: str = "ops.jsonl") -> bytes:
    ct = b"".join(envelope.encrypt_stream(key, io.BytesIO(data), name))
    assert len(ct) == envelope.encrypted_size(len(data))
    return ct


@pytest.mark.parametrize("size", [0, 1, envelope.CHUNK - 1, envelope.CHUNK,
                                  envelope.CHUNK + 1, 3 * envelope.CHUNK])
def test_stream_encryption_round_trip(size: int):
    key, data = envelope.new_content_key(), os.urandom(size)
    ct = _roundtrip(key, data)
    assert b"".join(envelope.decrypt_stream(key, io.BytesIO(ct), "ops.jsonl")) == data
    assert _roundtrip(key, data) != ct  # random nonces


def test_stream_encryption_detects_cut_reorder_and_swap():
    key, data = envelope.new_content_key(), os.urandom(3 * envelope.CHUNK)
    ct = _roundtrip(key, data)
    record = envelope.CHUNK + envelope.OVERHEAD
    cases = {
        "cut at a chunk boundary": ct[:2 * record],
        "cut mid-chunk": ct[:-5],
        "chunks swapped": ct[record:2 * record] + ct[:record] + ct[2 * record:],
        "flipped": ct[:100] + bytes([ct[100] ^ 1]) + ct[101:],
    }
    for label, bad in cases.items():
        with pytest.raises(BundleError, match="altered|cut"):
            b"".join(envelope.decrypt_stream(key, io.BytesIO(bad), "ops.jsonl")), label
    with pytest.raises(BundleError):  # moved to another entry
        b"".join(envelope.decrypt_stream(key, io.BytesIO(ct), "audit.jsonl"))


def test_header_wraps_for_each_recipient_only():
    a, b, c = (keys.DeviceKeys.generate() for _ in range(3))
    key = envelope.new_content_key()
    header = envelope.make_header(key, [envelope.Recipient.device(a.card),
                                        envelope.Recipient.device(b.card)])
    assert envelope.open_header(header, envelope.identities(a)) == key
    assert envelope.open_header(header, envelope.identities(b)) == key
    with pytest.raises(BundleError) as exc:
        envelope.open_header(header, envelope.identities(c))
    assert exc.value.reason == "decrypt"
    # a wrapped key moved to another recipient's slot does not open
    header["recipients"][0]["kid"], header["recipients"][1]["kid"] = (
        header["recipients"][1]["kid"], header["recipients"][0]["kid"])
    with pytest.raises(BundleError):
        envelope.open_header(header, envelope.identities(a))


def test_agency_key_enrolment_reads_old_bundles_revocation_blocks_new():
    supervisor, early, late = (keys.DeviceKeys.generate(n) for n in ("sup", "early", "late"))
    epoch1 = envelope.AgencyKey.create("街道办")
    early_keys = envelope.open_grant(envelope.grant([epoch1], early.card, supervisor), early,
                                     supervisor.signing.public_key())
    old_key = envelope.new_content_key()
    old = envelope.make_header(old_key, [epoch1.recipient])  # exported before `late` joined
    # enrolled later: the grant hands over epoch 1, so the old bundle opens
    late_keys = envelope.open_grant(envelope.grant([epoch1], late.card, supervisor), late,
                                    supervisor.signing.public_key())
    assert envelope.open_header(old, envelope.identities(late, late_keys)) == old_key
    # revoke `early`: epoch 2 is granted to the remaining members only
    epoch2 = epoch1.rotate()
    assert epoch2.kid == "agency:街道办:2"
    late_keys += envelope.open_grant(envelope.grant([epoch2], late.card, supervisor), late,
                                     supervisor.signing.public_key())
    new_key = envelope.new_content_key()
    new = envelope.make_header(new_key, [epoch2.recipient])
    assert envelope.open_header(new, envelope.identities(late, late_keys)) == new_key
    with pytest.raises(BundleError):
        envelope.open_header(new, envelope.identities(early, early_keys))
    assert envelope.open_header(old, envelope.identities(early, early_keys)) == old_key


def test_grant_refuses_forgery_and_other_devices():
    supervisor, member, mallory = (keys.DeviceKeys.generate() for _ in range(3))
    epoch = envelope.AgencyKey.create("a")
    g = envelope.grant([epoch], member.card, supervisor)
    with pytest.raises(BundleError) as exc:
        envelope.open_grant(g, member, mallory.signing.public_key())
    assert exc.value.reason == "signature"
    with pytest.raises(BundleError):  # a grant for someone else
        envelope.open_grant(g, mallory, supervisor.signing.public_key())
    tampered = dict(g, device_id=mallory.device_id)
    with pytest.raises(BundleError):
        envelope.open_grant(tampered, mallory, supervisor.signing.public_key())
