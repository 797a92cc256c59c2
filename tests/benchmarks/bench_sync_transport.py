"""Incremental sync with nothing new, against a local WebDAV server holding 500 bundles from
20 devices: wall time and request count (goal: ≤ 2 s and ≤ 20 requests).

    python -m tests.benchmarks.bench_sync_transport

The target is filled through the folder transport (the same layout), then served by wsgidav
on 127.0.0.1 with basic auth. For comparison, the same run measures a first sync that reads
all 20 indexes, and a "no head files" sync that would fetch every index.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from inspector_app.sync.bundle_file import BundleWriter
from inspector_app.sync.folder import FolderTransport
from inspector_app.sync.keys import DeviceKeys
from inspector_app.sync.target import SyncTarget
from inspector_app.sync.webdav import WebDavTransport
from tests.sync_faults import PASSWORD, USER, serve

DEVICES, BUNDLES = 20, 500


def fill(root: Path, work: Path) -> float:
    start = time.perf_counter()
    SyncTarget(FolderTransport(root), "filler").open()
    per_device = BUNDLES // DEVICES
    for d in range(DEVICES):
        keys = DeviceKeys.generate(f"device-{d:02d}")
        out = work / keys.device_id
        with BundleWriter(out, keys, first_seq=1, prev=None, recipients=None, cap=1) as w:
            for i in range(per_device):  # cap=1: every unit its own bundle
                w.add([{"op": i, "device": keys.device_id}])
        SyncTarget(FolderTransport(root), keys.device_id).push([b.path for b in w.written])
    return time.perf_counter() - start


def run() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory(prefix="sync bench ") as tmp:
        tmp_path = Path(tmp)
        root = tmp_path / "webdav"
        root.mkdir()
        took = fill(root, tmp_path / "export")
        lines.append(f"target filled: {BUNDLES} bundles from {DEVICES} devices in {took:.1f} s")
        with serve(root) as server:
            reader = SyncTarget(WebDavTransport(server.url, USER, PASSWORD), "reader")
            start = time.perf_counter()
            reader.open()
            heads, changed = reader.changed({})
            listed = sum(len(reader.read_index(d).bundles) for d in changed)
            first = time.perf_counter() - start
            assert listed == BUNDLES and len(changed) == DEVICES
            lines.append(f"first sync (FORMAT, listing, {DEVICES} indexes): {first * 1000:.0f} ms,"
                         f" {reader.t.requests} requests")
            times, counts = [], []
            for _ in range(5):
                t = SyncTarget(WebDavTransport(server.url, USER, PASSWORD), "reader")
                start = time.perf_counter()
                t.open()
                _, new = t.changed(heads)
                times.append(time.perf_counter() - start)
                counts.append(t.t.requests)
                assert new == []
                t.t.close()
            times.sort()
            lines.append(f"incremental sync, nothing new: median {times[2] * 1000:.0f} ms, "
                         f"max {times[-1] * 1000:.0f} ms, {counts[0]} requests "
                         "(goal ≤ 2000 ms, ≤ 20 requests)")
            baseline = SyncTarget(WebDavTransport(server.url, USER, PASSWORD), "reader")
            start = time.perf_counter()
            baseline.open()
            baseline.changed({})
            for d in heads:
                baseline.read_index(d)
            lines.append(f"baseline, every index fetched: {(time.perf_counter() - start) * 1000:.0f}"
                         f" ms, {baseline.t.requests} requests")
            assert max(counts) <= 20
    return lines


@pytest.mark.benchmark
@pytest.mark.timeout(600)
def test_sync_transport_benchmark():
    for line in run():
        print(line)


if __name__ == "__main__":
    for line in run():
        print(line)
