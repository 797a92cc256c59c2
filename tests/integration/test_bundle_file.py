"""The bundle container: writer, and a reader that refuses every hostile or damaged file.

Hostile bundles are built by hand with zipfile and, where the check under test sits behind
the signature, signed with the trusted key, so the test proves that very check.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
from pathlib import Path

import pytest

from inspector_app.sync import envelope
from inspector_app.sync.bundle_file import BundleWriter, Limits, bundle_name, safe_entry_name
from inspector_app.sync.bundle_reader import peek_manifest, read_bundle
from inspector_app.sync.errors import BundleError
from inspector_app.sync.keys import DeviceKeys

KEYS = DeviceKeys.generate("dev-张三", "张三的电脑")
TRUSTED = {KEYS.device_id: KEYS.signing.public_key()}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    d = tmp_path / "同步 包"
    d.mkdir()
    return d


def _blob(folder: Path, size: int = 300_000, seed: bytes = b"x") -> tuple[str, Path]:
    data = hashlib.sha256(seed).digest() * (size // 32) + os.urandom(size % 32)
    path = folder / f"blob-{seed.hex()}.bin"
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), path


def _write(out: Path, *, recipients=None, cap: int = 10**9, units: int = 1) -> list:
    sha, path = _blob(out.parent)
    with BundleWriter(out, KEYS, first_seq=1, prev=None, recipients=recipients, cap=cap) as w:
        for i in range(units):
            w.add([{"table": "hazard", "id": f"h{i}", "title": "消防通道堵塞"}], {sha: path},
                  [{"n": i}], (f"hlc{i}", f"hlc{i}"))
    return w.written


def forge(folder: Path, entries: list[tuple[str, bytes, int]], *, listed=None,
          keys: DeviceKeys = KEYS, name: str = "forged.isb", sign_with=None, **overrides) -> Path:
    """A plain bundle built from scratch; the manifest lists ``listed`` (default: entries)."""
    if listed is None:
        listed = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                  for n, d, _ in entries]
    manifest = {"format": 1, "min_app_version": "0.1.0", "device_id": keys.device_id, "seq": 1,
                "prev": None, "demo": False, "op_range": {"count": 0}, "encryption": None,
                "entries": listed, **overrides}
    data = envelope.canonical(manifest)
    path = folder / name
    with zipfile.ZipFile(path, "w") as zf:
        for n, d, method in entries:
            zf.writestr(zipfile.ZipInfo(n), d, compress_type=method)
        zf.writestr("manifest.json", data)
        zf.writestr("manifest.sig", (sign_with or keys).signing.sign(data))
    return path


STD = [("ops.jsonl", b'{"op":1}\n', zipfile.ZIP_DEFLATED),
       ("audit.jsonl", b"", zipfile.ZIP_DEFLATED)]


def _reason(path: Path, **kw) -> str:
    with pytest.raises(BundleError) as info:
        read_bundle(path, TRUSTED, **kw)
    assert info.value.en and info.value.zh and info.value.zh != info.value.en
    return info.value.reason


# --- the good path ---------------------------------------------------------------------------

def test_plain_bundle_round_trip(out: Path):
    [info] = _write(out)
    assert info.name == bundle_name(1, info.bundle_id) and info.path.exists()
    vb = read_bundle(info.path, TRUSTED)
    assert list(vb.iter_ops()) == [{"table": "hazard", "id": "h0", "title": "消防通道堵塞"}]
    assert list(vb.iter_audit()) == [{"n": 0}]
    assert vb.manifest["op_range"] == {"first": "hlc0", "last": "hlc0", "count": 1}
    [sha] = vb.blob_hashes
    dest = vb.extract_blob(sha, out / "提取.bin")
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == sha
    with zipfile.ZipFile(info.path) as zf:  # blobs are stored, not deflated
        assert zf.getinfo(f"blobs/{sha}").compress_type == zipfile.ZIP_STORED
    assert not list(out.glob(".*"))  # no temp file left


def test_encrypted_bundle_reads_only_for_recipients(out: Path):
    agency = envelope.AgencyKey.create("街道")
    [info] = _write(out, recipients=[agency.recipient])
    raw = info.path.read_bytes()
    assert "消防通道".encode() not in raw and b"hazard" not in raw  # ciphertext only
    vb = read_bundle(info.path, TRUSTED, identities={agency.kid: agency.private})
    assert next(vb.iter_ops())["title"] == "消防通道堵塞"
    sha = vb.blob_hashes[0]
    assert hashlib.sha256(vb.extract_blob(sha, out / "b").read_bytes()).hexdigest() == sha
    # a relay verifies without any key; a stranger cannot open it
    assert read_bundle(info.path, TRUSTED).content_key is None
    other = DeviceKeys.generate()
    assert _reason(info.path, identities=envelope.identities(other)) == "decrypt"
    # a flipped byte in the ciphertext is caught by the manifest's hash (or the zip's CRC)
    bad = bytearray(raw)
    bad[len(raw) // 3] ^= 0x40
    flipped = out / "flipped.isb"
    flipped.write_bytes(bytes(bad))
    assert _reason(flipped, identities={agency.kid: agency.private}) in {"hash", "unreadable"}


def test_writer_splits_at_the_cap_and_chains(out: Path):
    parts = _write(out, cap=400_000, units=1) + []
    assert len(parts) == 1
    for f in out.iterdir():
        f.unlink()
    sha_a, a = _blob(out.parent, 300_000, b"a")
    sha_b, b = _blob(out.parent, 300_000, b"b")
    with BundleWriter(out, KEYS, first_seq=7, prev="0" * 64, recipients=None, cap=400_000) as w:
        w.add([{"op": 1}], {sha_a: a}, (), ("1", "1"))
        w.add([{"op": 2}], {sha_a: a}, (), ("2", "2"))  # same blob: no new bytes, same part
        w.add([{"op": 3}], {sha_b: b}, (), ("3", "3"))  # would pass the cap: next part
    first, second = w.written
    assert (first.seq, second.seq) == (7, 8)
    assert first.prev == "0" * 64 and second.prev == first.bundle_id
    assert first.size <= 400_000 and first.op_count == 2 and second.op_count == 1
    vb = read_bundle(second.path, TRUSTED)
    assert vb.prev == first.bundle_id and vb.blob_hashes == [sha_b]


def test_writer_failure_leaves_no_bundle(out: Path):
    sha, path = _blob(out.parent)
    with pytest.raises(RuntimeError), \
            BundleWriter(out, KEYS, first_seq=1, prev=None, recipients=None) as w:
        w.add([{"op": 1}], {sha: path})
        raise RuntimeError("disk pulled")
    assert list(out.iterdir()) == []
    with pytest.raises(ValueError), BundleWriter(out, KEYS, first_seq=1, prev=None,
                                                 recipients=None) as w:
        w.add([{"op": 1}], {"0" * 64: path})  # a blob that is not what its name says
    assert list(out.iterdir()) == []


# --- damaged files ---------------------------------------------------------------------------

def test_truncated_and_not_a_zip(out: Path):
    [info] = _write(out)
    raw = info.path.read_bytes()
    cut = out / "cut.isb"
    for size in (len(raw) // 2, len(raw) - 10, 30):
        cut.write_bytes(raw[:size])
        assert _reason(cut) == "unreadable"
    cut.write_bytes(b"<html>captive portal</html>")
    assert _reason(cut) == "unreadable"


def test_flipped_byte_in_a_blob_in_ops_and_in_the_manifest(out: Path):
    [info] = _write(out)
    raw = info.path.read_bytes()
    blob_at = raw.find(hashlib.sha256(b"x").digest() * 4)
    assert blob_at > 0
    for offset in (blob_at + 1000, _data_offset(raw, info.path, "ops.jsonl") + 2,
                   _data_offset(raw, info.path, "manifest.json") + 20):
        bad = bytearray(raw)
        bad[offset] ^= 0x01
        target = out / "flipped.isb"
        target.write_bytes(bytes(bad))
        assert _reason(target) in {"hash", "unreadable", "signature", "manifest"}
    # a changed manifest with a valid zip CRC (rewritten, not flipped) fails the signature
    resealed = out / "resealed.isb"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(resealed, "w") as dst:
        for i in src.infolist():
            data = src.read(i)
            if i.filename == "manifest.json":
                data = data.replace(b'"demo":false', b'"demo":true ')
            dst.writestr(i, data)
    assert _reason(resealed) == "signature"


def _data_offset(raw: bytes, path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as zf:
        at = zf.getinfo(name).header_offset
    n, e = struct.unpack_from("<HH", raw, at + 26)
    return at + 30 + n + e


def test_signature_missing_wrong_or_untrusted(out: Path):
    assert _reason(forge(out, STD, sign_with=DeviceKeys.generate())) == "signature"
    path = out / "nosig.isb"
    with zipfile.ZipFile(forge(out, STD)) as src, zipfile.ZipFile(path, "w") as dst:
        for i in src.infolist():
            if i.filename != "manifest.sig":
                dst.writestr(i, src.read(i))
    assert _reason(path) == "manifest"
    stranger = DeviceKeys.generate("陌生设备")
    with pytest.raises(BundleError) as exc:
        read_bundle(forge(out, STD, keys=stranger, name="s.isb"), TRUSTED)
    assert exc.value.reason == "untrusted" and exc.value.device_id == "陌生设备"
    assert peek_manifest(out / "s.isb")["device_id"] == "陌生设备"  # shown for review


def test_duplicate_entries(out: Path):
    entries = STD + [("ops.jsonl", b'{"op":"evil"}\n', zipfile.ZIP_STORED)]
    listed = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
              for n, d, _ in STD]
    with pytest.warns(UserWarning):
        path = forge(out, entries, listed=listed)
    assert _reason(path) == "duplicate"


def test_entry_list_must_equal_the_manifest(out: Path):
    extra = forge(out, STD + [("notes.txt", b"hi", 0)], name="a.isb",
                  listed=[{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                          for n, d, _ in STD])
    assert _reason(extra) == "entries"
    missing = forge(out, STD[:1], name="b.isb", listed=[
        {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d, _ in STD])
    assert _reason(missing) == "entries"
    unlisted_kind = forge(out, STD + [("other/x", b"1", 0)], name="c.isb")
    assert _reason(unlisted_kind) == "entries"
    blob = b"photo"
    deflated_blob = forge(out, STD + [(f"blobs/{hashlib.sha256(blob).hexdigest()}", blob,
                                       zipfile.ZIP_DEFLATED)], name="d.isb")
    assert _reason(deflated_blob) == "entries"
    wrong_size = forge(out, STD, name="e.isb", listed=[
        {"name": "ops.jsonl", "size": 3, "sha256": "0" * 64},
        {"name": "audit.jsonl", "size": 0, "sha256": hashlib.sha256(b"").hexdigest()}])
    assert _reason(wrong_size) == "size"
    wrong_hash = forge(out, STD, name="f.isb", listed=[
        {"name": "ops.jsonl", "size": len(STD[0][1]), "sha256": "0" * 64},
        {"name": "audit.jsonl", "size": 0, "sha256": hashlib.sha256(b"").hexdigest()}])
    assert _reason(wrong_hash) == "hash"


@pytest.mark.parametrize("name", ["../evil", "blobs/../../etc/passwd", "/etc/passwd",
                                  "C:/Windows/evil", "c:evil", "blobs\\evil", "./ops.jsonl",
                                  "blobs//x"])
def test_path_tricks_are_refused(out: Path, name: str):
    assert not safe_entry_name(name)
    path = forge(out, STD + [(name, b"evil", 0)])
    with zipfile.ZipFile(path) as zf:
        stored = [i.filename for i in zf.infolist()]
    assert _reason(path) == ("names" if name in stored else "entries")


def test_nul_in_a_name(out: Path):
    assert not safe_entry_name("ops\0.jsonl")
    path = forge(out, STD + [("blobs/evilname", b"x", 0)])
    raw = path.read_bytes().replace(b"blobs/evilname", b"blobs/evil\0ame")
    path.write_bytes(raw)
    assert _reason(path) in {"names", "entries", "unreadable"}


def test_zip_bomb_ratio_total_and_declared_size(out: Path):
    zeros = b"\0" * (30 * 1024 * 1024)
    bomb = forge(out, [("ops.jsonl", zeros, zipfile.ZIP_DEFLATED), STD[1]], name="bomb.isb")
    assert bomb.stat().st_size < 200_000
    assert _reason(bomb) == "bomb"
    [info] = _write(out)
    assert _reason(info.path, limits=Limits(total_bytes=100_000)) == "too_large"
    # an entry whose headers declare fewer bytes than its data holds: never read past them
    data = b"a" * 2_000_000
    liar = forge(out, [("ops.jsonl", data, zipfile.ZIP_DEFLATED), STD[1]], name="liar.isb",
                 listed=[{"name": "ops.jsonl", "size": 1000,
                          "sha256": hashlib.sha256(data[:1000]).hexdigest()},
                         {"name": "audit.jsonl", "size": 0,
                          "sha256": hashlib.sha256(b"").hexdigest()}])
    _patch_uncompressed_size(liar, "ops.jsonl", 1000)
    assert _reason(liar) in {"bomb", "unreadable"}


def _patch_uncompressed_size(path: Path, name: str, size: int) -> None:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
        start = zf.start_dir
    raw = bytearray(path.read_bytes())
    assert raw[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<I", raw, info.header_offset + 22, size)
    at = start
    while raw[at:at + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", raw, at + 28)
        if raw[at + 46:at + 46 + n] == name.encode():
            struct.pack_into("<I", raw, at + 24, size)
        at += 46 + n + e + c
    path.write_bytes(bytes(raw))


def test_newer_format_and_newer_app(out: Path):
    assert _reason(forge(out, STD, name="a.isb", format=2)) == "newer_format"
    assert _reason(forge(out, STD, name="b.isb", min_app_version="99.0.0")) == "newer_app"
    assert _reason(forge(out, STD, name="c.isb", seq="1")) == "manifest"


def test_file_name_must_match_content(out: Path):
    [info] = _write(out)
    renamed = info.path.with_name(bundle_name(1, "f" * 64))
    info.path.rename(renamed)
    assert _reason(renamed) == "file_name"
    plain = renamed.rename(out / "U盘 拷贝.isb")  # any other name is fine
    assert read_bundle(plain, TRUSTED).seq == 1


def test_blob_that_is_not_what_its_name_says(out: Path):
    path = forge(out, STD + [("blobs/" + "a" * 64, b"not that content", 0)])
    vb = read_bundle(path, TRUSTED)  # signed as listed: the container is intact …
    with pytest.raises(BundleError) as exc:  # … but the blob is refused on extraction
        vb.extract_blob("a" * 64, out / "x")
    assert exc.value.reason == "hash" and not (out / "x").exists()


def test_manifest_json_garbage(out: Path):
    path = out / "g.isb"
    with zipfile.ZipFile(path, "w") as zf:
        for n, d, m in STD:
            zf.writestr(n, d, compress_type=m)
        zf.writestr("manifest.json", b"\xff not json")
        zf.writestr("manifest.sig", KEYS.signing.sign(b"\xff not json"))
    assert _reason(path) == "manifest"
    assert json.loads(json.dumps({"ok": 1}))


def test_many_small_units_never_pass_the_cap(out: Path):
    blobs = [_blob(out.parent, 50_000, bytes([i])) for i in range(20)]
    with BundleWriter(out, KEYS, first_seq=1, prev=None, recipients=None, cap=300_000) as w:
        for i, (sha, path) in enumerate(blobs):
            w.add([{"op": i, "text": "隐患" * 50}], {sha: path}, [{"n": i}], (str(i), str(i)))
    assert len(w.written) >= 4
    assert all(b.size <= 300_000 for b in w.written), [b.size for b in w.written]
    seen = []
    for b in w.written:
        vb = read_bundle(b.path, TRUSTED)
        seen += [op["op"] for op in vb.iter_ops()]
    assert seen == list(range(20))


@pytest.mark.parametrize("encrypted", [False, True])
def test_memory_stays_bounded_for_a_large_blob(out: Path, encrypted: bool):
    import tracemalloc

    big = out.parent / "video.bin"
    with open(big, "wb") as fh:
        for _ in range(40):
            fh.write(os.urandom(1024 * 1024))
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    agency = envelope.AgencyKey.create("a")
    tracemalloc.start()
    try:
        with BundleWriter(out, KEYS, first_seq=1, prev=None,
                          recipients=[agency.recipient] if encrypted else None) as w:
            w.add([{"op": 1}], {sha: big})
        vb = read_bundle(w.written[0].path, TRUSTED, identities={agency.kid: agency.private})
        vb.extract_blob(sha, out.parent / "copy.bin")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * 1024 * 1024, peak  # a 40 MB blob never sits in memory
    assert hashlib.sha256((out.parent / "copy.bin").read_bytes()).hexdigest() == sha


def test_symlink_entry_is_refused(out: Path):
    path = forge(out, STD)
    link = out / "link.isb"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(link, "w") as dst:
        for i in src.infolist():
            dst.writestr(i, src.read(i))
        info = zipfile.ZipInfo("blobs/" + "b" * 64)
        info.external_attr = (0o120777 << 16)
        dst.writestr(info, b"/etc/passwd")
    assert _reason(link) == "names"
