"""Bundles between two real stores: export from A, import into B (services/sync_export.py,
sync_import.py): same content, idempotent, order held by the chain, tampering refused."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from inspector_app.core.clock import FixedClock
from inspector_app.services import check, photos, rectification
from inspector_app.services.session import open_session
from inspector_app.services.sync_export import device_keys_of, export_bundles, trust_device
from inspector_app.services.sync_import import import_bundles
from inspector_app.store import media
from tests.lifecycle_helpers import make_town
from tests.photo_samples import jpeg, pattern

CONTENT = {
    "site": "SELECT id, name, grid_id, deleted FROM site",
    "hazard": "SELECT id, site_id, description, status, level, due_date, closed_on, deleted FROM hazard",
    "hazard_event": "SELECT id, hazard_id, kind FROM hazard_event",
    "media": "SELECT id, mime, size FROM media",
    "photo_link": "SELECT id, media_id, hazard_id, phase FROM photo_link",
    "app_user": "SELECT id, login, role FROM app_user WHERE login != 'admin'",
}


def content(session, tables=CONTENT) -> dict[str, list]:
    conn = session.store.read()
    return {t: sorted(map(tuple, conn.execute(sql))) for t, sql in tables.items()}


def _open(path: Path, clock=None, demo=False):
    path.mkdir(parents=True, exist_ok=True)
    return open_session(path, clock=clock or FixedClock("2026-09-28T02:00:00+00:00"))


@pytest.fixture
def pair(tmp_path):
    a = _open(tmp_path / "A 甲")
    b = _open(tmp_path / "B 乙")
    # B is a supervisor device A's bundles are encrypted to
    trust_device(a, device_keys_of(b).card, "supervisor")
    yield a, b
    a.close()
    b.close()


def fill(a, tmp_path):
    town = make_town(a)
    h1 = town.hazard(town.li, description="灭火器过期")
    img = tmp_path / "photo.jpg"
    img.write_bytes(jpeg(pattern()))
    res = photos.import_photos(town.li, h1, [img], workers=0)
    assert res.results[0].ok if hasattr(res.results[0], "ok") else True
    return town, h1


def test_export_then_import_gives_the_same_content(pair, tmp_path):
    a, b = pair
    fill(a, tmp_path)
    paths = export_bundles(a, tmp_path / "out")
    assert paths and all(p.exists() for p in paths)
    assert export_bundles(a, tmp_path / "out2") == []  # nothing new
    report = import_bundles(b, paths, trust_new=True)
    assert report.held == 0 and report.applied > 0, report.details
    assert content(b) == content(a)
    sha = content(a)["media"][0][0]
    copy = media.find_media(b.store.data_dir, sha)
    assert copy is not None and hashlib.sha256(copy.read_bytes()).hexdigest() == sha
    assert check.check_store(b).problems == []
    again = import_bundles(b, paths, trust_new=True)
    assert again.applied == 0 and again.skipped >= 1
    assert content(b) == content(a)


def test_second_export_applies_in_order_and_a_gap_is_held(pair, tmp_path):
    a, b = pair
    town, h1 = fill(a, tmp_path)
    first = export_bundles(a, tmp_path / "o1")
    h2 = town.hazard(town.li, description="疏散通道堵塞")
    second = export_bundles(a, tmp_path / "o2")
    assert second
    held = import_bundles(b, second, trust_new=True)
    assert held.held == len(second) and held.applied == 0
    assert h2 not in {r[0] for r in content(b)["hazard"]}
    ok = import_bundles(b, first, trust_new=True)
    assert ok.held == 0
    ok2 = import_bundles(b, second)  # the device is trusted now
    assert ok2.held == 0 and ok2.applied > 0
    assert content(b) == content(a)


def _rewrite(src: Path, dest: Path, change) -> Path:
    """Copy a bundle with one entry's bytes changed by ``change(name, data)``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info.filename)))
    return dest


def test_tampered_bundles_change_nothing(pair, tmp_path):
    a, b = pair
    fill(a, tmp_path)
    [path] = export_bundles(a, tmp_path / "out")
    before = content(b)
    flipped = tmp_path / "flipped.isb"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flipped.write_bytes(bytes(data))

    def bad_manifest(name, data):
        if name == "manifest.json":
            m = json.loads(data)
            m["seq"] = 1
            m["demo"] = not m["demo"]
            return json.dumps(m).encode()
        return data

    wrong_sig = _rewrite(path, tmp_path / "sig.isb", bad_manifest)
    for bad in (flipped, wrong_sig):
        report = import_bundles(b, [bad], trust_new=True)
        assert report.applied == 0
        detail = report.details[0]
        assert detail["status"] == "refused" and detail["reason"] in (
            "hash", "signature", "unreadable", "size", "entries"), detail
        assert content(b) == before


def test_ops_naming_unknown_tables_or_columns_are_refused(tmp_path):
    """A correctly signed bundle whose op names a table or column outside the allow-list."""
    from inspector_app.store import oplog
    from inspector_app.sync.bundle_file import BundleWriter

    b = _open(tmp_path / "B")
    keys = device_keys_of(b).__class__.generate()
    before = content(b)
    op = oplog.Op("0190f000-0000-7000-8000-000000000001", keys.device_id, 1, "site", "x1",
                  "insert", {"name": "x"}, "0190f0000000000000000000", None).to_json()
    cases = [dict(op, tbl="sqlite_master"), dict(op, fields={'name" = 1; DROP TABLE site; --': 1}),
             dict(op, tbl="oplog")]
    for i, bad in enumerate(cases):
        with BundleWriter(tmp_path / f"o{i}", keys, first_seq=1, prev=None, recipients=None,
                          card=True) as w:
            w.add([bad])
        [info] = w.written
        report = import_bundles(b, [info.path], trust_new=True)
        assert report.details[0]["status"] == "refused", report.details
        assert report.details[0]["reason"] in ("table", "column")
        assert content(b) == before
    b.close()


def test_inspector_device_may_not_close_a_major_hazard(tmp_path):
    a = _open(tmp_path / "A")
    b = _open(tmp_path / "B")
    trust_device(a, device_keys_of(b).card, "supervisor")
    town = make_town(a)
    hid = town.major_ready()
    rectification.notify(town.wang, hid)
    rectification.report_done(town.li, hid)
    first = export_bundles(a, tmp_path / "o1")
    # B enrols A as an inspector's device
    trust_device(b, device_keys_of(a).card, "inspector")
    # as an inspector's device, even these grid and user writes are refused: enrol it as
    # supervisor for the set-up, then demote it
    report = import_bundles(b, first)
    assert report.details[0]["status"] == "refused" and report.details[0]["reason"] == "authority"
    trust_device(b, device_keys_of(a).card, "supervisor")
    assert import_bundles(b, first).held == 0
    trust_device(b, device_keys_of(a).card, "inspector")
    rectification.recheck(town.wang, hid, passed=True, opinion="整改到位")
    second = export_bundles(a, tmp_path / "o2")
    before = content(b)
    report = import_bundles(b, second)
    assert report.details[0]["status"] == "refused"
    assert report.details[0]["reason"] == "authority", report.details
    assert content(b) == before
    a.close()
    b.close()


def test_demo_bundle_is_refused_by_a_real_store(tmp_path):
    from inspector_app.store.store import set_info

    a = _open(tmp_path / "A")
    b = _open(tmp_path / "B")
    trust_device(a, device_keys_of(b).card, "supervisor")
    make_town(a)
    a.write(lambda tx: set_info(tx, "demo", "1"))
    paths = export_bundles(a, tmp_path / "o")
    report = import_bundles(b, paths, trust_new=True)
    assert report.details[0]["reason"] == "demo" and report.applied == 0
    a.close()
    b.close()


KILL_SCRIPT = """
import sys
from inspector_app.services.session import open_session
from inspector_app.services.sync_import import import_bundles
s = open_session(sys.argv[1])
import_bundles(s, sys.argv[2:], trust_new=True)
s.close()
"""


def test_killed_import_leaves_the_store_unchanged_or_fully_applied(pair, tmp_path):
    a, b = pair
    town, _ = fill(a, tmp_path)
    for i in range(30):
        town.hazard(town.li, description=f"隐患 {i}")
    paths = export_bundles(a, tmp_path / "out")
    expected = content(a)
    data_dir = b.store.data_dir
    b.close()
    empty = None
    for delay in (0.05, 0.3, 0.8):
        shutil.rmtree(tmp_path / "Bk", ignore_errors=True)
        shutil.copytree(data_dir, tmp_path / "Bk")
        if empty is None:
            s = open_session(tmp_path / "Bk")
            empty = content(s)
            s.close()
        proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "Bk"),
                                 *map(str, paths)])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        s = open_session(tmp_path / "Bk")
        got = content(s)
        assert got in (empty, expected)
        # an interrupted import may leave a media original that no row names yet (or the
        # temp file of one): check reports it and --repair tidies it; nothing else
        problems = [p for p in check.check_store(s).issues
                    if p.code not in ("orphan_media", "leftover_temp")]
        assert problems == [], [p.en for p in problems]
        check.check_store(s, repair=True)
        assert check.check_store(s).problems == []
        s.close()
    b2 = open_session(data_dir)
    pair_b = b2
    assert import_bundles(pair_b, paths, trust_new=True).held == 0
    assert content(pair_b) == expected
    pair_b.close()


def test_random_orders_of_three_bundles_from_two_devices_converge(tmp_path):
    a = _open(tmp_path / "A")
    c = _open(tmp_path / "C", clock=FixedClock("2026-09-28T03:00:00+00:00"))
    receivers = [_open(tmp_path / f"R{i}") for i in range(3)]
    for r in receivers:
        trust_device(a, device_keys_of(r).card, "supervisor")
        trust_device(c, device_keys_of(r).card, "supervisor")
    town_a = make_town(a)
    bundles = [export_bundles(a, tmp_path / "a1")]
    town_a.hazard(town_a.li, description="A 的第二个隐患")
    bundles.append(export_bundles(a, tmp_path / "a2"))
    town_c = make_town(c)
    town_c.hazard(town_c.zhao, site=town_c.s3, description="C 的隐患")
    bundles.append(export_bundles(c, tmp_path / "c1"))
    rng = random.Random(15)
    results = []
    for r in receivers:
        order = [p for b in bundles for p in b]
        order += rng.sample(order, 2)  # duplicates
        rng.shuffle(order)
        for _ in range(3):  # held bundles are offered again, as a later sync would
            import_bundles(r, order, trust_new=True)
        results.append(content(r))
    assert results[0] == results[1] == results[2]
    assert len(results[0]["hazard"]) == 2 and len(results[0]["site"]) == 6
    assert results[0]["hazard"] == sorted(content(a)["hazard"] + content(c)["hazard"])
    for s in (a, c, *receivers):
        s.close()



def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector_app", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "INSPECTOR_APP_LANG": "zh"})


def test_cli_device_show_trust_and_bundle_export_import(tmp_path):
    a, b = tmp_path / "A", tmp_path / "B"
    card = _cli(b, "device", "show", "--json")
    assert card.returncode == 0, card.stderr
    assert json.loads(card.stdout)["fingerprint"]
    (tmp_path / "b.json").write_text(card.stdout, "utf-8")
    assert _cli(a, "device", "trust", str(tmp_path / "b.json"), "--role", "supervisor").returncode == 0
    out = _cli(a, "bundle", "export", "-o", str(tmp_path / "out"), "--json")
    assert out.returncode == 0, out.stderr
    paths = json.loads(out.stdout)["bundles"]
    held = _cli(b, "bundle", "import", *paths)
    assert held.returncode == 0 and "已暂存" in held.stdout
    got = json.loads(_cli(b, "bundle", "import", *paths, "--trust-new", "--json").stdout)
    assert got["applied"] > 0 and got["held"] == 0
    again = json.loads(_cli(b, "bundle", "import", *paths, "--json").stdout)
    assert again["applied"] == 0 and again["skipped"] == 1


def test_a_large_export_is_split_and_a_cancelled_one_leaves_nothing(pair, tmp_path):
    from inspector_app.core.errors import Cancelled

    a, b = pair
    fill(a, tmp_path)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 60

    with pytest.raises(Cancelled):
        export_bundles(a, tmp_path / "c", cap=8_000, cancel=cancel)
    assert not [p for p in (tmp_path / "c").iterdir() if p.suffix == ".isb"]
    paths = export_bundles(a, tmp_path / "out", cap=8_000)
    assert len(paths) > 2
    report = import_bundles(b, list(reversed(paths)), trust_new=True)
    assert report.held == 0, report.details
    assert content(b) == content(a)
    assert check.check_store(b).problems == []


def test_a_second_different_bundle_with_the_same_seq_is_flagged_as_forked(pair, tmp_path):
    from inspector_app.store.store import set_info

    a, b = pair
    town, _ = fill(a, tmp_path)
    first = export_bundles(a, tmp_path / "o1")
    assert import_bundles(b, first, trust_new=True).held == 0
    # a cloned laptop: the same device, its export cursors as they were before the export
    a.write(lambda tx: [set_info(tx, k, None) for k in (
        "sync.export.op_seq", "sync.export.next_seq", "sync.export.prev", "sync.export.audit_n")])
    town.hazard(town.li, description="克隆设备上的隐患")
    again = export_bundles(a, tmp_path / "o2")
    before = content(b)
    report = import_bundles(b, again[-1:] if len(again) == 1 else again[:1])
    assert report.details[0]["status"] == "refused" and report.details[0]["reason"] == "forked"
    assert content(b) == before
