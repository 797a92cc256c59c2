"""A folder (USB stick, share) as a sync target: layout, round trip, a stick pulled mid-write."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inspector_app.sync.bundle_file import BundleWriter, file_digest
from inspector_app.sync.errors import TransportError
from inspector_app.sync.folder import FolderTransport
from inspector_app.sync.keys import DeviceKeys
from inspector_app.sync.target import SyncTarget

KEYS = DeviceKeys.generate()
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    d = tmp_path / "U盘 (E:)"
    d.mkdir()
    return d


@pytest.fixture
def bundles(tmp_path: Path) -> list[Path]:
    out = tmp_path / "导出"
    with BundleWriter(out, KEYS, first_seq=1, prev=None, recipients=None, cap=150_000) as w:
        for i in range(2):
            blob = tmp_path / f"p{i}.jpg"
            blob.write_bytes(os.urandom(300_000))
            w.add([{"op": i}], {hashlib.sha256(blob.read_bytes()).hexdigest(): blob})
    return [b.path for b in w.written]


def _target(root: Path, device: str = KEYS.device_id) -> SyncTarget:
    t = SyncTarget(FolderTransport(root), device)
    t.open()
    return t


def test_layout_round_trip_and_nothing_new(stick: Path, bundles, tmp_path: Path):
    _target(stick).push(bundles)
    assert (stick / "FORMAT").is_file()
    placed = sorted((stick / "devices" / KEYS.device_id / "bundles").iterdir())
    assert [p.name for p in placed] == [b.name for b in bundles]
    reader = _target(stick, "reader")
    heads, changed = reader.changed({})
    assert changed == [KEYS.device_id]
    for e in reader.read_index(KEYS.device_id).bundles:
        assert file_digest(reader.download(KEYS.device_id, e, tmp_path / "in")) == (e.size,
                                                                                   e.sha256)
    reader.t.requests = 0
    reader.open()
    assert reader.changed(heads)[1] == [] and reader.t.requests == 2


def test_foreign_folder_refused(stick: Path):
    (stick / "System Volume Information").mkdir()  # a fresh stick formatted on Windows
    (stick / ".Trashes").mkdir()
    assert _target(stick).target_id
    for leftover in ("FORMAT", "devices", "tmp"):
        p = stick / leftover
        p.unlink() if p.is_file() else p.rmdir()
    (stick / "照片.jpg").write_bytes(b"someone's photo")
    with pytest.raises(TransportError) as exc:
        _target(stick)
    assert exc.value.reason == "foreign_target"
    assert sorted(p.name for p in stick.iterdir()) == [  # nothing written
        ".Trashes", "System Volume Information", "照片.jpg"]


def test_missing_stick(tmp_path: Path):
    with pytest.raises(TransportError) as exc:
        _target(tmp_path / "gone")
    assert exc.value.reason == "not_found" and "U 盘" in exc.value.zh


def test_partial_temp_file_is_never_a_bundle(stick: Path, bundles):
    """A stick pulled mid-write leaves a partial .part in tmp/: nobody ever sees it."""
    _target(stick)
    tmp = stick / "tmp" / KEYS.device_id
    tmp.mkdir(parents=True)
    (tmp / f"abc-{bundles[0].name}.part").write_bytes(bundles[0].read_bytes()[:5000])
    reader = _target(stick, "reader")
    assert reader.changed({}) == ({}, [])
    assert not list((stick / "devices").rglob("*.isb"))
    _target(stick).push(bundles)  # the next push completes and clears the leftover
    assert not list(tmp.iterdir())
    for path in (stick / "devices").rglob("*.isb"):
        assert file_digest(path) == file_digest(next(b for b in bundles if b.name == path.name))


def test_write_cut_off_by_a_full_stick(stick: Path, bundles):
    """A real short write (RLIMIT_FSIZE in a child process): a clear error, tmp only."""
    _target(stick)
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
        from inspector_app.sync.errors import TransportError
        from inspector_app.sync.folder import FolderTransport
        from inspector_app.sync.target import SyncTarget
        t = SyncTarget(FolderTransport(Path({str(stick)!r})), {KEYS.device_id!r})
        t.open()
        try:
            t.push([Path(p) for p in {[str(b) for b in bundles]!r}])
        except TransportError as exc:
            print(exc.reason, exc.zh)
            sys.exit(3)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert result.stdout.startswith("full") and "空间已满" in result.stdout
    assert not list((stick / "devices").rglob("*.isb"))
    assert not list((stick / "devices").glob(f"{KEYS.device_id}.*.head"))
    assert list((stick / "tmp" / KEYS.device_id).glob("*.part"))  # the partial write stays there
    _target(stick).push(bundles)
    assert len(list((stick / "devices").rglob("*.isb"))) == 2
    assert not list((stick / "tmp" / KEYS.device_id).glob("*.part"))


def test_every_push_is_seen_even_within_one_second(stick: Path, bundles, tmp_path: Path):
    """The head's name carries the index revision: no reliance on dates or etags."""
    mine, reader = _target(stick), _target(stick, "reader")
    known: dict[str, str] = {}
    for i, bundle in enumerate(bundles):
        mine.push([bundle])
        known, changed = reader.changed(known)
        assert changed == [KEYS.device_id], i
        assert len(reader.read_index(KEYS.device_id).bundles) == i + 1
    heads = sorted(p.name for p in (stick / "devices").glob("*.head"))
    assert heads == [f"{KEYS.device_id}.2.head"]  # the older head was removed
    # a push that died between writing the new head and deleting the old one
    (stick / "devices" / f"{KEYS.device_id}.1.head").write_text("{}")
    assert reader.scan() == {KEYS.device_id: "2"}
    mine.push(bundles)  # nothing new: no new revision, the stale head is cleared
    assert reader.changed(known)[1] == []
    assert sorted(p.name for p in (stick / "devices").glob("*.head")) == heads
