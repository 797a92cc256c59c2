"""``check`` catches what it claims to: each tampering done with sqlite3 or file operations on
a real store (hazards, events, photos), found by the service and by ``inspector-app check``
(non-zero exit, named in Chinese); a clean store, also after a killed writer, is clean."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app.core.clock import FixedClock
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import check, hazards, photos, rectification, sites
from inspector_app.services.session import open_session
from inspector_app.store import audit, device_file, media, search_index
from tests import photo_samples as ps
from tests.helpers import REPO, cli


def _build(data_dir: Path, tmp: Path) -> dict[str, str]:
    """A store made through the services: a site, hazards in several states, photos."""
    s = open_session(data_dir, clock=FixedClock("2026-09-28T02:00:00+00:00"))
    try:
        site = sites.add_site(s, SiteInput(name="东村五金厂", address="东村 1 号")).id
        open_h = hazards.add_hazard(s, HazardInput(site_id=site, description="灭火器过期", deadline_days=7)).id
        closed = hazards.add_hazard(s, HazardInput(site_id=site, description="疏散通道堵塞", deadline_days=7)).id
        rectification.notify(s, open_h, served_on="2026-09-28")
        rectification.notify(s, closed, served_on="2026-09-28")
        rectification.report_done(s, closed, note="已清理")
        rectification.recheck(s, closed, passed=True, opinion="通道已畅通")
        notified = hazards.add_hazard(s, HazardInput(site_id=site, description="电线私拉乱接", deadline_days=5)).id
        rectification.notify(s, notified, served_on="2026-09-28")
        for i in range(2):
            (tmp / f"现场 {i}.jpg").write_bytes(ps.noisy_jpeg(64, 48, seed=i))
        batch = photos.import_photos(s, open_h, [tmp / "现场 0.jpg", tmp / "现场 1.jpg"], "before", workers=0)
        assert batch.all_imported
        return {"site": site, "open": open_h, "closed": closed, "notified": notified,
                "device": s.store.device_id, "sha": batch.results[0].sha256}
    finally:
        s.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("built")
    data_dir = base / "数据 目录"
    data_dir.mkdir()
    ids = _build(data_dir, base)
    return data_dir, ids


@pytest.fixture
def store(built, tmp_path) -> tuple[Path, dict[str, str]]:
    """A private copy of the built store for one test to tamper with."""
    source, ids = built
    copy = tmp_path / "巡查 数据"
    shutil.copytree(source, copy)
    return copy, ids


def raw(data_dir: Path, *statements: str | tuple[str, tuple]) -> None:
    """Tamper as someone with sqlite3 and write access would (no app code involved)."""
    conn = sqlite3.connect(data_dir / "inspector.db")
    search_index.register(conn)  # the search triggers call it: a tamperer needs it too
    try:
        for st in statements:
            sql, params = (st, ()) if isinstance(st, str) else st
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def codes(data_dir: Path) -> set[str]:
    s = open_session(data_dir)
    try:
        return {p.code for p in check.check_store(s).issues}
    finally:
        s.close()


def cli_fails(data_dir: Path, *zh: str) -> str:
    result = cli("--data-dir", str(data_dir), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    for text in zh:
        assert text in result.stderr, result.stderr
    return result.stderr


def _silenced(*statements: str | tuple[str, tuple]) -> list:
    """The oplog triggers' guard raised around the statements, as the sync import does."""
    return ["UPDATE sync_guard SET applying = 1", *statements, "UPDATE sync_guard SET applying = 0"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- clean
def test_a_clean_store_is_clean_and_check_writes_nothing(store):
    data_dir, _ = store
    db = data_dir / "inspector.db"
    before = (_digest(db), _digest(data_dir / "device.json"))
    assert codes(data_dir) == set()
    result = cli("--data-dir", str(data_dir), "check")
    assert result.returncode == 0, result.stderr
    assert "正常" in result.stdout and "变更日志" in result.stdout  # the oplog check
    assert (_digest(db), _digest(data_dir / "device.json")) == before  # a reading command


def test_the_anchor_follows_each_audited_write(store):
    data_dir, ids = store
    conn = sqlite3.connect(data_dir / "inspector.db")
    n, digest = conn.execute("SELECT n, hash FROM audit_log WHERE device_id = ? ORDER BY n DESC"
                             " LIMIT 1", (ids["device"],)).fetchone()
    conn.close()
    assert device_file.read_anchor(data_dir) == device_file.Anchor(ids["device"], n, digest)


def test_a_writer_killed_mid_write_leaves_a_clean_store(store):
    """SIGKILL while sites are being added, many times over: never looks tampered."""
    data_dir, _ = store
    script = (
        "import sys\nfrom inspector_app.services.session import open_session\n"
        "from inspector_app.services import sites\nfrom inspector_app.core.entities import SiteInput\n"
        "s = open_session(sys.argv[1])\nprint('ready', flush=True)\n"
        "for i in range(100000):\n    sites.add_site(s, SiteInput(name=f'场所{i}'))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", script, str(data_dir)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        conn = sqlite3.connect(data_dir / "inspector.db", timeout=30)
        start = conn.execute("SELECT count(*) FROM site").fetchone()[0]
        deadline = time.monotonic() + 60  # a guard against a hang, not a measurement
        while conn.execute("SELECT count(*) FROM site").fetchone()[0] < start + 5 + round_ * 7:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        conn.close()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert codes(data_dir) == set()


# --------------------------------------------------------------------------- the audit log
def test_deleting_the_last_audit_entries_is_found(store):
    data_dir, ids = store
    raw(data_dir, ("DELETE FROM audit_log WHERE device_id = ? AND n > (SELECT max(n) - 2 FROM"
                   " audit_log WHERE device_id = ?)", (ids["device"], ids["device"])))
    assert "audit_truncated" in codes(data_dir)
    cli_fails(data_dir, "审计日志末尾的条目被删除")


def test_deleting_the_whole_audit_log_is_found(store):
    data_dir, _ = store
    raw(data_dir, "DELETE FROM audit_log")
    assert "audit_truncated" in codes(data_dir)
    cli_fails(data_dir, "审计日志末尾的条目被删除")


def test_an_edited_and_rehashed_audit_log_is_found(store):
    data_dir, ids = store
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(
        "SELECT * FROM audit_log WHERE device_id = ? ORDER BY n", (ids["device"],))]
    edit_from = len(rows) // 2
    rows[edit_from]["summary"] = "篡改后的摘要"
    prev = rows[edit_from]["prev_hash"]
    for row in rows[edit_from:]:
        row["prev_hash"], row["hash"] = prev, audit.row_hash(prev, row)
        prev = row["hash"]
        conn.execute("UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (row["summary"], row["prev_hash"], row["hash"], row["seq"]))
    conn.commit()
    conn.close()
    assert audit.verify(sqlite3.connect(data_dir / "inspector.db")) == []  # the chain holds …
    assert "audit_rewritten" in codes(data_dir)  # … but not at the anchor
    cli_fails(data_dir, "审计日志被改写")


def test_the_app_writing_on_after_a_truncation_keeps_it_visible(store):
    data_dir, ids = store
    raw(data_dir, ("DELETE FROM audit_log WHERE device_id = ? AND n > (SELECT max(n) - 2 FROM"
                   " audit_log WHERE device_id = ?)", (ids["device"], ids["device"])))
    s = open_session(data_dir)
    try:
        for i in range(4):  # past the anchored entry number
            sites.add_site(s, SiteInput(name=f"后来的场所{i}"))
        assert "audit_rewritten" in {p.code for p in check.check_store(s).issues}
    finally:
        s.close()


# --------------------------------------------------------------------------- hazards
def test_an_edited_hazard_event_due_date_is_found(store):
    data_dir, ids = store
    edit = ("UPDATE hazard_event SET data = json_set(data, '$.due_date', '2027-12-31')"
            " WHERE hazard_id = ? AND kind = 'notified'", (ids["notified"],))
    raw(data_dir, *_silenced(edit, ("UPDATE hazard SET due_date = '2027-12-31' WHERE id = ?",
                                    (ids["notified"],))))
    assert "oplog_unlogged" in codes(data_dir)
    cli_fails(data_dir, "hazard_event 表", "被绕过程序修改")


def test_an_event_edited_through_the_triggers_is_found(store):
    data_dir, ids = store
    raw(data_dir, ("UPDATE hazard_event SET data = json_set(data, '$.due_date', '2027-12-31'),"
                   " hlc = hlc || 'x' WHERE hazard_id = ? AND kind = 'notified'", (ids["notified"],)))
    found = codes(data_dir)
    assert {"oplog_edited", "hazard_derived"} <= found
    cli_fails(data_dir, "一经写入不得修改", "与其事件记录推算的结果不符")


def _forged_recheck(ids: dict[str, str], hlc: str, device: str) -> tuple[str, tuple]:
    return ("INSERT INTO hazard_event (id, hazard_id, kind, at, by_user, data, created_at, updated_at,"
            " device_id, hlc, deleted) VALUES ('forged-1', ?, 'recheck_passed', '2026-09-29T01:00:00Z',"
            " NULL, '{\"on\": \"2026-09-29\"}', '2026-09-29T01:00:00Z', '2026-09-29T01:00:00Z', ?, ?, 0)",
            (ids["notified"], device, hlc))


def test_a_forged_recheck_passed_with_the_hazard_closed_is_found(store):
    data_dir, ids = store
    raw(data_dir, *_silenced(
        _forged_recheck(ids, "9999999999999999-forged", ids["device"]),
        ("UPDATE hazard SET status = 'closed', closed_on = '2026-09-29' WHERE id = ?", (ids["notified"],))))
    assert "oplog_unlogged" in codes(data_dir)
    cli_fails(data_dir, "被绕过程序修改")


def test_a_forged_recheck_written_through_the_triggers_is_found(store):
    """Consistent oplog and derived columns, but no audit entry in that write."""
    data_dir, ids = store
    raw(data_dir,
        _forged_recheck(ids, "9999999999999998-" + ids["device"], ids["device"]),
        ("UPDATE hazard SET status = 'closed', closed_on = '2026-09-29', hlc = '9999999999999999-x',"
         " updated_at = '2026-09-29T01:00:00Z' WHERE id = ?", (ids["notified"],)))
    assert "oplog_unaudited" in codes(data_dir)
    cli_fails(data_dir, "没有对应的审计日志")


def test_a_forged_event_of_an_unknown_device_is_found(store):
    data_dir, ids = store
    raw(data_dir, *_silenced(
        _forged_recheck(ids, "9999999999999999-other", "some-other-device"),
        ("UPDATE hazard SET status = 'closed', closed_on = '2026-09-29' WHERE id = ?", (ids["notified"],))))
    assert "oplog_unknown_device" in codes(data_dir)
    cli_fails(data_dir, "本库不认识的设备")


def test_a_cached_status_changed_alone_is_found(store):
    data_dir, ids = store
    raw(data_dir, *_silenced(("UPDATE hazard SET status = 'closed' WHERE id = ?", (ids["open"],))))
    found = codes(data_dir)
    assert "hazard_derived" in found
    cli_fails(data_dir, f"隐患 {ids['open']}：status")


def test_an_edited_hazard_description_is_found(store):
    data_dir, ids = store
    raw(data_dir, *_silenced(("UPDATE hazard SET description = '无隐患' WHERE id = ?", (ids["open"],))))
    assert "oplog_unlogged" in codes(data_dir)
    cli_fails(data_dir, "hazard 表", ids["open"])


def test_a_hazard_deleted_with_its_events_is_found(store):
    data_dir, ids = store
    raw(data_dir, *_silenced(("DELETE FROM hazard_event WHERE hazard_id = ?", (ids["closed"],)),
                             ("DELETE FROM hazard WHERE id = ?", (ids["closed"],))))
    assert "oplog_missing" in codes(data_dir)
    cli_fails(data_dir, "表中已不存在（被绕过程序删除）", ids["closed"])


def test_a_hazard_deleted_through_the_triggers_is_found(store):
    data_dir, ids = store
    raw(data_dir, ("DELETE FROM hazard_event WHERE hazard_id = ?", (ids["closed"],)),
        ("DELETE FROM hazard WHERE id = ?", (ids["closed"],)))
    assert "oplog_deleted" in codes(data_dir)
    cli_fails(data_dir, "被直接删除")


# --------------------------------------------------------------------------- oplog, triggers
def test_deleted_oplog_rows_are_found(store):
    data_dir, ids = store
    raw(data_dir, ("DELETE FROM oplog WHERE tbl = 'hazard' AND row_id = ?", (ids["open"],)))
    assert "oplog_unlogged" in codes(data_dir)
    cli_fails(data_dir, "没有操作日志")


def test_the_newest_oplog_rows_deleted_are_found(store):
    data_dir, _ = store
    raw(data_dir, "DELETE FROM oplog WHERE seq > (SELECT max(seq) - 3 FROM oplog)")
    assert "oplog_unlogged" in codes(data_dir)
    cli_fails(data_dir, "被绕过程序修改")


def test_oplog_rows_deleted_in_the_middle_are_found(store):
    data_dir, _ = store
    raw(data_dir, "DELETE FROM oplog WHERE seq = (SELECT min(seq) + 5 FROM oplog)")
    assert "oplog_gap" in codes(data_dir)
    cli_fails(data_dir, "操作日志：中间有 1 条记录被删除")


def test_a_dropped_trigger_is_found(store):
    data_dir, _ = store
    raw(data_dir, "DROP TRIGGER oplog_hazard_update")
    assert "trigger_missing" in codes(data_dir)
    cli_fails(data_dir, "数据库触发器缺失", "oplog_hazard_update")


def test_a_replaced_trigger_is_found(store):
    data_dir, _ = store
    raw(data_dir, "DROP TRIGGER oplog_hazard_delete",
        "CREATE TRIGGER oplog_hazard_delete AFTER DELETE ON hazard BEGIN SELECT 1; END")
    assert "trigger_altered" in codes(data_dir)
    cli_fails(data_dir, "数据库触发器被改动")


# --------------------------------------------------------------------------- files
def test_a_media_row_deleted_with_its_file_kept_is_found_and_moved_aside(store):
    data_dir, ids = store
    sha = ids["sha"]
    raw(data_dir, *_silenced(("DELETE FROM photo_link WHERE media_id = ?", (sha,)),
                             ("DELETE FROM media WHERE id = ?", (sha,))))
    assert {"orphan_media", "oplog_missing"} <= codes(data_dir)
    cli_fails(data_dir, "照片原件在数据库中没有记录", sha[:16])
    original = media.find_media(data_dir, sha)
    data = original.read_bytes()
    result = cli("--data-dir", str(data_dir), "check", "--repair")
    assert "已将" in result.stdout  # moved, and said so
    assert media.find_media(data_dir, sha) is None
    moved = data_dir / "orphans" / "media" / original.name
    assert moved.read_bytes() == data  # never deleted
    assert not media.thumb_path(data_dir, sha).exists()


def test_leftover_temp_files_are_found_and_repaired(store):
    data_dir, ids = store
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    left = [data_dir / "media" / f".incoming-{dead}-1-deadbeef",
            data_dir / "thumbs" / ids["sha"][:2] / f".incoming-{dead}-2-cafebabe"]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a photo")
    orphan_thumb = media.thumb_path(data_dir, "ab" * 32)
    orphan_thumb.parent.mkdir(parents=True, exist_ok=True)
    orphan_thumb.write_bytes(b"thumbnail of nothing")
    in_use = data_dir / "media" / f".incoming-{os.getppid()}-3-0badf00d"  # a running process
    in_use.write_bytes(b"being written")
    assert {"leftover_temp", "orphan_thumbnail"} <= codes(data_dir)
    stderr = cli_fails(data_dir, "中断写入留下的临时文件", "缩略图没有对应的照片")
    assert in_use.name not in stderr
    repaired = cli("--data-dir", str(data_dir), "check", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    assert not any(p.exists() for p in [*left, orphan_thumb])
    assert in_use.exists()
    assert json.loads(cli("--data-dir", str(data_dir), "check", "--json").stdout)["ok"] is True
