"""WebDAV targets against a real wsgidav server on 127.0.0.1 with injected faults, and the same
basic round trip against rclone's independent WebDAV server.

Every fault ends in a clear error or a retry that succeeds; nothing half-written is ever in
place under ``devices/``; and the next attempt completes.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from datetime import UTC
from pathlib import Path

import pytest

from inspector_app.sync.bundle_file import BundleWriter, file_digest
from inspector_app.sync.errors import TransportError
from inspector_app.sync.keys import DeviceKeys
from inspector_app.sync.target import SyncTarget
from inspector_app.sync.transport import RetryPolicy
from inspector_app.sync.webdav import WebDavTransport
from tests.sync_faults import PASSWORD, USER, serve

pytestmark = pytest.mark.timeout(120)
KEYS = DeviceKeys.generate()


@pytest.fixture
def server(tmp_path: Path):
    with serve(tmp_path / "服务器 数据") as s:
        yield s


@pytest.fixture
def bundles(tmp_path: Path) -> list[Path]:
    """Three bundles of ~200 KB each (random blob bytes)."""
    import hashlib
    import os

    out = tmp_path / "导出"
    with BundleWriter(out, KEYS, first_seq=1, prev=None, recipients=None, cap=150_000) as w:
        for i in range(3):
            blob = tmp_path / f"photo{i}.jpg"
            blob.write_bytes(os.urandom(200_000))
            w.add([{"op": i}], {hashlib.sha256(blob.read_bytes()).hexdigest(): blob})
    return [b.path for b in w.written]


def _policy(**kw) -> RetryPolicy:
    return RetryPolicy(sleep=lambda s: None, **kw)  # waits are recorded, not slept


def _transport(url: str, password: str = PASSWORD, **kw) -> WebDavTransport:
    return WebDavTransport(url, USER, password, policy=kw.pop("policy", _policy()), **kw)


def _target(url: str, device: str = KEYS.device_id, **kw) -> SyncTarget:
    """An opened target whose ``tmp/<device>/`` exists, so an injected PUT fault hits the
    upload itself rather than a first PUT that only finds its folder missing."""
    t = SyncTarget(_transport(url, **kw), device)
    t.open()
    t.t.mkdir(f"tmp/{device}")
    return t


def _in_place(root: Path) -> list[Path]:
    return sorted((root / "devices").rglob("*.isb"))


def _assert_nothing_half_written(root: Path, bundles: list[Path]) -> None:
    local = {b.name: file_digest(b) for b in bundles}
    for path in _in_place(root):
        assert file_digest(path) == local[path.name], path  # every bundle in place is whole


def _pull_all(server_url: str, dest: Path) -> dict[str, list[str]]:
    reader = _target(server_url, "reader-device")
    _, changed = reader.changed({})
    out = {}
    for device in changed:
        index = reader.read_index(device)
        out[device] = [reader.download(device, e, dest).name for e in index.bundles]
    return out


# --- layout -------------------------------------------------------------------------------

def test_empty_target_is_initialised_foreign_and_newer_refused(server, tmp_path: Path):
    target = SyncTarget(_transport(server.url), KEYS.device_id)
    target_id = target.open()
    info = json.loads((server.root / "FORMAT").read_text())
    assert info == {"app": "inspector-app", "format": 1, "target_id": target_id}
    assert SyncTarget(_transport(server.url), "x").open() == target_id  # read, not re-made
    (server.root / "FORMAT").write_text(json.dumps({**info, "format": 99}))
    with pytest.raises(TransportError) as exc:
        SyncTarget(_transport(server.url), "x").open()
    assert exc.value.reason == "newer_target"
    (server.root / "FORMAT").unlink()  # a non-empty folder without FORMAT: someone else's
    with pytest.raises(TransportError) as exc:
        SyncTarget(_transport(server.url), "x").open()
    assert exc.value.reason == "foreign_target" and "FORMAT" in exc.value.zh


def test_push_pull_and_a_sync_with_nothing_new_costs_two_requests(server, bundles, tmp_path):
    target = _target(server.url)
    index = target.push(bundles)
    assert [e.name for e in index.bundles] == [b.name for b in bundles]
    _assert_nothing_half_written(server.root, bundles)
    assert not list((server.root / "tmp").rglob("*.part"))
    got = _pull_all(server.url, tmp_path / "收到")
    assert got == {KEYS.device_id: [b.name for b in bundles]}
    for b in bundles:
        assert file_digest(tmp_path / "收到" / b.name) == file_digest(b)
    # an incremental sync with nothing new: FORMAT + one listing of devices/
    reader = SyncTarget(_transport(server.url), "reader-device")
    reader.open()
    heads, _ = reader.changed({})
    reader.t.requests = 0
    reader.open()
    assert reader.changed(heads) == (heads, [])
    assert reader.t.requests == 2
    # pushing the same bundles again changes nothing and uploads nothing
    before = len(server.faults.requests)
    target.push(bundles)
    assert not [m for m, _ in server.faults.requests[before:] if m in ("PUT", "MOVE")]


def test_wrong_password_and_forbidden(server, bundles):
    with pytest.raises(TransportError) as exc:
        SyncTarget(_transport(server.url, password="wrong"), KEYS.device_id).open()
    assert exc.value.reason == "auth" and "密码" in exc.value.zh and "wrong" not in exc.value.en
    target = _target(server.url)
    server.faults.add("PUT", r"/tmp/", "status", status=403, times=99)
    with pytest.raises(TransportError) as exc:
        target.push(bundles)
    assert exc.value.reason == "forbidden" and not exc.value.retryable
    assert _in_place(server.root) == []


@pytest.mark.parametrize(("status", "reason"), [(409, "conflict"), (413, "too_large"),
                                                (507, "full")])
def test_put_refused_is_a_clear_error_and_the_next_push_completes(server, bundles, status,
                                                                    reason):
    target = _target(server.url)
    server.faults.add("PUT", r"\.isb\.part$", "status", status=status, times=2)
    with pytest.raises(TransportError) as exc:  # (a 409 is tried once more after MKCOL)
        target.push(bundles)
    assert exc.value.reason == reason and exc.value.zh != exc.value.en
    assert str(status) in exc.value.en
    assert _in_place(server.root) == []
    assert not list((server.root / "devices").glob(f"{KEYS.device_id}.*.head"))
    server.faults.clear()
    target.push(bundles)
    assert [p.name for p in _in_place(server.root)] == [b.name for b in bundles]


def test_404_on_move(server, bundles):
    target = _target(server.url)
    server.faults.add("MOVE", r"\.isb\.part$", "status", status=404)  # once: retried
    target.push(bundles)
    assert len(_in_place(server.root)) == 3
    for p in _in_place(server.root):
        p.unlink()
    (server.root / "devices" / KEYS.device_id / "index.json").unlink()
    server.faults.add("MOVE", r"\.isb\.part$", "status", status=404, times=2)
    target = _target(server.url)
    with pytest.raises(TransportError) as exc:
        target.push(bundles)
    assert exc.value.reason == "not_found" and _in_place(server.root) == []
    target.push(bundles)
    _assert_nothing_half_written(server.root, bundles)
    assert len(_in_place(server.root)) == 3


def test_locked_is_retried_then_reported(server, bundles):
    target = _target(server.url)
    server.faults.add("PUT", r"\.isb\.part$", "status", status=423, times=2)
    target.push(bundles)
    assert len(target.t.policy.waits) == 2
    server.faults.add("PUT", r"index\.json", "status", status=423, times=99)
    with pytest.raises(TransportError) as exc:
        _target(server.url, "dev-b").push(bundles[:1])
    assert exc.value.reason == "locked" and exc.value.retryable


def test_429_and_503_honour_retry_after(server, bundles):
    target = _target(server.url)
    server.faults.add("PUT", r"\.isb\.part$", "status", status=429, headers=[("Retry-After", "7")])
    server.faults.add("PROPFIND", r"/devices/$", "status", status=503,
                      headers=[("Retry-After", "3")])
    target.push(bundles)
    target.changed({})
    assert 7.0 in target.t.policy.waits and 3.0 in target.t.policy.waits
    # a Retry-After longer than this sync may wait: stop, say when to come back
    server.faults.add("PROPFIND", r"/devices/$", "status", status=503,
                      headers=[("Retry-After", "9999")])
    with pytest.raises(TransportError) as exc:
        target.changed({})
    assert exc.value.reason == "unavailable" and exc.value.retry_after == 9999
    assert 9999 not in target.t.policy.waits
    assert target.changed({})[0]  # the next sync completes


def test_captive_portal_html_200(server, bundles):
    _target(server.url).push(bundles)
    server.faults.add("GET", r"/FORMAT$", "html")
    with pytest.raises(TransportError) as exc:
        SyncTarget(_transport(server.url), "r").open()
    assert exc.value.reason == "captive_portal" and "浏览器" in exc.value.zh
    target = _target(server.url, "r")
    server.faults.add("PROPFIND", r"/devices/$", "html")
    with pytest.raises(TransportError) as exc:
        target.changed({})
    assert exc.value.reason == "captive_portal"
    server.faults.add("GET", r"\.isb$", "html")
    index = target.read_index(KEYS.device_id)
    with pytest.raises(TransportError) as exc:
        target.download(KEYS.device_id, index.bundles[0], server.root.parent / "dl")
    assert exc.value.reason == "captive_portal"
    assert not (server.root.parent / "dl" / index.bundles[0].name).exists()


def test_put_cut_off_midway_is_sent_again(server, bundles):
    target = _target(server.url)
    fault = server.faults.add("PUT", r"\.isb\.part$", "cut_put")  # half kept, reply lost
    target.push(bundles)
    assert fault.fired == 1 and target.t.policy.waits  # the client saw the drop and retried
    _assert_nothing_half_written(server.root, bundles)
    assert len(_in_place(server.root)) == 3


def test_upload_arriving_short_is_caught_by_the_size_check(server, bundles):
    target = _target(server.url)
    server.faults.add("PUT", r"\.isb\.part$", "truncate_put")
    with pytest.raises(TransportError) as exc:
        target.push(bundles)
    assert exc.value.reason == "incomplete" and exc.value.retryable
    assert _in_place(server.root) == []
    assert not list((server.root / "tmp").rglob("*.part"))
    target.push(bundles)
    _assert_nothing_half_written(server.root, bundles)


def test_reply_lost_after_the_server_stored_or_moved(server, bundles):
    target = _target(server.url)
    server.faults.add("PUT", r"\.isb\.part$", "lost_reply")
    moved = server.faults.add("MOVE", r"\.isb\.part$", "lost_reply")  # moved, never told
    target.push(bundles)
    assert moved.fired == 1
    _assert_nothing_half_written(server.root, bundles)
    assert len(_in_place(server.root)) == 3
    assert not list((server.root / "tmp").rglob("*.part"))


def test_slow_server_times_out_and_is_retried(server, bundles):
    target = _target(server.url, timeout=0.5)
    target.push(bundles[:1])
    server.faults.add("PROPFIND", r"/devices/$", "slow", delay=2.0)
    heads, _ = target.changed({})
    assert KEYS.device_id in heads and target.t.policy.waits


def test_partial_listing(server, bundles, tmp_path):
    for device in ("dev-a", "dev-b", "dev-c", "dev-d"):
        _target(server.url, device).push(bundles[:1])
    reader = _target(server.url, "reader")
    server.faults.add("PROPFIND", r"/devices/$", "cut_listing")
    with pytest.raises(TransportError) as exc:
        reader.changed({})
    assert exc.value.reason == "bad_response"
    server.faults.add("PROPFIND", r"/devices/$", "short_listing")
    partial, _ = reader.changed({})
    assert set(partial) < {"dev-a", "dev-b", "dev-c", "dev-d"}  # fewer, never invented
    full, changed = reader.changed(partial)  # the next sync sees the rest
    assert set(full) == {"dev-a", "dev-b", "dev-c", "dev-d"}
    assert set(changed) == set(full) - set(partial)


def test_download_resumes_after_a_cut(server, bundles, tmp_path):
    _target(server.url).push(bundles)
    reader = _target(server.url, "reader")
    entry = reader.read_index(KEYS.device_id).bundles[0]
    server.faults.add("GET", r"\.isb$", "cut_get")
    path = reader.download(KEYS.device_id, entry, tmp_path / "dl")
    assert file_digest(path) == (entry.size, entry.sha256)
    gets = [p for m, p in server.faults.requests if m == "GET" and p.endswith(".isb")]
    assert len(gets) == 2  # the cut one, then one resumed request
    # a partial copy left by a killed app is resumed, not restarted
    path.unlink()
    part = tmp_path / "dl" / f".{entry.name}.part"
    part.write_bytes(bundles[0].read_bytes()[:1000])
    assert file_digest(reader.download(KEYS.device_id, entry, tmp_path / "dl")) == (
        entry.size, entry.sha256)


def test_same_name_other_content_is_a_fork(server, bundles):
    target = _target(server.url)
    target.push(bundles[:1])
    placed = _in_place(server.root)[0]
    placed.write_bytes(b"another laptop with this device id")
    (server.root / "devices" / KEYS.device_id / "index.json").unlink()
    with pytest.raises(TransportError) as exc:
        _target(server.url).push(bundles[:1])
    assert exc.value.reason == "fork"


def test_request_budget(server, bundles):
    _target(server.url)
    target = SyncTarget(_transport(server.url, policy=_policy(budget=6)), KEYS.device_id)
    with pytest.raises(TransportError) as exc:
        target.push(bundles)
    assert exc.value.reason == "budget" and exc.value.retryable
    assert target.t.requests == 6


def test_a_push_to_a_known_target_makes_no_folders(server, bundles):
    SyncTarget(_transport(server.url), KEYS.device_id).open()
    SyncTarget(_transport(server.url), KEYS.device_id).push(bundles[:1])
    before = len(server.faults.requests)
    target = SyncTarget(_transport(server.url), KEYS.device_id)
    target.push(bundles[1:2])
    methods = [m for m, _ in server.faults.requests[before:]]
    assert "MKCOL" not in methods
    # listings of tmp/ and devices/, index, then per bundle: check, PUT, check, MOVE; then
    # index and head (PUT + MOVE each) and the old head's DELETE
    assert target.t.requests == len(methods) == 12, methods


# --- a second, independent server ---------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def rclone(tmp_path: Path):
    exe = shutil.which("rclone")
    if exe is None:
        pytest.skip("rclone is not installed (Debian package rclone; installers/bootstrap.py)")
    root = tmp_path / "rclone 数据"
    root.mkdir()
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "webdav", str(root), "--addr", f"127.0.0.1:{port}",
                             "--user", "inspector", "--pass", "s3cret pass"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/", root
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_round_trip_against_rclone(rclone, bundles, tmp_path):
    url, root = rclone

    def target(device: str) -> SyncTarget:
        t = SyncTarget(WebDavTransport(url, "inspector", "s3cret pass", policy=_policy()), device)
        t.open()
        return t

    mine = target(KEYS.device_id)
    mine.push(bundles)
    mine.push(bundles)  # idempotent
    _assert_nothing_half_written(root, bundles)
    reader = target("reader")
    heads, changed = reader.changed({})
    assert changed == [KEYS.device_id]
    index = reader.read_index(KEYS.device_id)
    for e in index.bundles:
        assert file_digest(reader.download(KEYS.device_id, e, tmp_path / "dl")) == (e.size,
                                                                                    e.sha256)
    reader.t.requests = 0
    reader.open()
    assert reader.changed(heads)[1] == [] and reader.t.requests == 2
    more = tmp_path / "more"
    with BundleWriter(more, KEYS, first_seq=4, prev=None, recipients=None) as w:
        w.add([{"op": "new"}])
    mine.push([w.written[0].path])
    assert reader.changed(heads)[1] == [KEYS.device_id]  # a push changes the head token
    with pytest.raises(TransportError) as exc:
        SyncTarget(WebDavTransport(url, "inspector", "wrong", policy=_policy()), "x").open()
    assert exc.value.reason == "auth"
    reader.t.delete("FORMAT")  # through the server: rclone caches what it saw on disk
    with pytest.raises(TransportError) as exc:
        target("x")
    assert exc.value.reason == "foreign_target", exc.value.en


def test_redirect_is_reported_not_followed(server):
    server.faults.add("GET", r"/FORMAT$", "status", status=302,
                      headers=[("Location", "http://login.example/portal?user=x")])
    with pytest.raises(TransportError) as exc:
        SyncTarget(_transport(server.url), "x").open()
    assert exc.value.reason == "redirect" and "login.example/portal" in exc.value.en
    assert "user=x" not in exc.value.en


def test_retry_after_forms():
    from datetime import datetime, timedelta
    from email.utils import format_datetime

    from inspector_app.sync.transport import parse_retry_after

    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=300), usegmt=True)
    assert 200 < parse_retry_after(later) <= 300


def test_chinese_folder_in_the_url(tmp_path: Path, bundles):
    """坚果云 URLs name the user's folders: percent-encoded or not, listings still match."""
    from urllib.parse import quote

    with serve(tmp_path / "root", mount="/dav/我的坚果云 巡查") as s:
        raw = s.url
        encoded = raw.replace("我的坚果云 巡查", quote("我的坚果云 巡查"))
        mine = SyncTarget(_transport(raw), KEYS.device_id)
        mine.open()
        mine.push(bundles)
        reader = SyncTarget(_transport(encoded), "reader")
        reader.open()
        assert reader.changed({})[1] == [KEYS.device_id]
        assert [e.name for e in reader.t.list_dir("")] and all(
            e.name in ("FORMAT", "devices", "tmp") for e in reader.t.list_dir(""))
        assert reader.t.describe().endswith("/dav/我的坚果云 巡查/")


def test_credentials_in_the_url_are_used_and_never_shown(server):
    from urllib.parse import quote

    host = server.url.split("//", 1)[1]
    url = f"http://{quote(USER)}:{quote(PASSWORD)}@{host}"
    t = WebDavTransport(url, policy=_policy())
    assert SyncTarget(t, "x").open()
    assert quote(PASSWORD) not in t.describe() and PASSWORD not in t.describe()
    assert "@" not in t.base
