"""Several processes writing one store (issue 11): a long import beside a writing script,
two processes' HLCs, a write that finds the lock held elsewhere.

Every process here is a real one (``python -c``) on one real store file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app.core.errors import Cancelled, StoreError
from inspector_app.services import register_import
from inspector_app.services.session import open_session
from tests.helpers import REPO

ROWS = 15_000

# Waits for GO, then adds N sites; both processes read the same frozen clock.
STAMPER = r"""
import os, random, sys, time
from pathlib import Path
from inspector_app.core.clock import FixedClock
from inspector_app.core.entities import SiteInput
from inspector_app.services.session import open_session
from inspector_app.services.sites import add_site

data_dir, ready, go, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
session = open_session(data_dir, clock=FixedClock("2026-03-02T08:00:00Z"))
Path(ready).touch()
deadline = time.monotonic() + 60
while not os.path.exists(go) and time.monotonic() < deadline:
    time.sleep(0.01)
for i in range(n):
    add_site(session, SiteInput(name=f"进程{os.getpid()}场所{i}", unit_name=f"单位{os.getpid()}-{i}"))
    time.sleep(random.random() * 0.005)
session.close()
"""

# Holds the write lock for SECONDS, touching READY once it has it.
HOLDER = r"""
import sqlite3, sys, time
from pathlib import Path
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
Path(sys.argv[2]).touch()
time.sleep(float(sys.argv[3]))
conn.execute("ROLLBACK")
"""


def _spawn(code: str | None, *args: object) -> subprocess.Popen[str]:
    """``python -c CODE ARGS`` (None: the writer of tests/concurrent_writer.py)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    head = ["-c", code] if code else ["-m", "tests.concurrent_writer"]
    return subprocess.Popen([sys.executable, *head, *map(str, args)], env=env, text=True, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            pytest.fail(f"child exited early: {proc.communicate()[1]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"child never got ready ({path.name})")
        time.sleep(0.02)


def _finish(proc: subprocess.Popen[str], timeout: float = 120) -> None:
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("child did not finish")
    assert proc.returncode == 0, err


def _register(path: Path, rows: int) -> Path:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("场所台账")
    ws.append(["序号", "单位名称", "地址", "联系人", "联系电话"])
    for i in range(rows):
        ws.append([i + 1, f"青石镇商户{i}号店", f"青石镇{i % 40}村{i}号", "张某", 13800000000 + i])
    wb.save(path)
    return path


def _assert_sound(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stamps = [r[0] for r in conn.execute("SELECT hlc FROM oplog ORDER BY seq")]
    assert len(set(stamps)) == len(stamps), "duplicate HLCs in the oplog"
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False)), "HLC not increasing in oplog order"
    return conn


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "共享 数据"
    open_session(folder).close()
    return folder


def test_long_import_beside_a_writing_process_both_finish(store_dir: Path, tmp_path: Path) -> None:
    path = _register(tmp_path / "大 台账.xlsx", ROWS)
    stop, ready, out = tmp_path / "stop", tmp_path / "ready", tmp_path / "writer.json"
    writer = _spawn(None, store_dir, stop, ready, out)
    try:
        _wait_for(ready, writer)
        session = open_session(store_dir)
        try:
            report = register_import.import_register(session, path)
        finally:
            session.close()
        time.sleep(0.5)  # a few more writes after the import
    finally:
        stop.touch()
    _finish(writer)
    result = json.loads(out.read_text("utf-8"))
    assert report.counts["imported"] == ROWS
    assert result["failed"] == [], result["failed"][:3]  # every write of the other process got in
    conn = _assert_sound(store_dir / "inspector.db")
    names = dict(conn.execute("SELECT id, name FROM site WHERE deleted = 0"))
    assert len(names) == ROWS + len(result["saved"])
    assert all(names.get(site_id) == name for site_id, name in result["saved"])
    # the writer's saves went in while the import was saving, not only before or after it
    imported = [r.site_id for r in report.rows]
    seqs = dict(conn.execute("SELECT row_id, seq FROM oplog WHERE tbl = 'site' AND op = 'insert'"))
    first, last = min(seqs[i] for i in imported), max(seqs[i] for i in imported)
    assert any(first < seqs[site_id] < last for site_id, _ in result["saved"])
    assert conn.execute("SELECT count(*) FROM search_doc WHERE kind = 'site'").fetchone()[0] == len(names)


def test_cancel_after_saved_batches_keeps_nothing(store_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import threading

    path = _register(tmp_path / "台账.xlsx", 1200)
    monkeypatch.setattr(register_import, "BATCH_ROWS", 200)
    cancel = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if message.startswith("保存") and done >= 750:
            cancel.set()  # three batches are committed by now

    session = open_session(store_dir)
    try:
        before = session.store.read().execute("SELECT count(*) FROM site WHERE deleted = 0").fetchone()[0]
        with pytest.raises(Cancelled):
            register_import.import_register(session, path, progress=progress, cancel=cancel)
        conn = session.store.read()
        assert conn.execute("SELECT count(*) FROM site WHERE deleted = 0").fetchone()[0] == before
        assert conn.execute("SELECT count(*) FROM unit WHERE deleted = 0 AND name LIKE '青石镇商户%'"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '商户'").fetchone()[0] == 0
        undone = conn.execute("SELECT count(*) FROM site WHERE deleted = 1").fetchone()[0]
        assert undone >= 500  # the committed batches were saved, then reverted (tombstones)
    finally:
        session.close()
    _assert_sound(store_dir / "inspector.db")


def test_failed_import_reverts_updates_and_inserts(store_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """A row the store refuses (a real trigger) after several batches: all of it is reverted."""
    import openpyxl

    session = open_session(store_dir)
    try:
        first = register_import.import_register(session, _register(tmp_path / "a.xlsx", 300))
        assert first.counts["imported"] == 300
        sconn = sqlite3.connect(store_dir / "inspector.db")
        sconn.execute("CREATE TRIGGER refuse AFTER INSERT ON site WHEN NEW.name = '青石镇商户550号店' "
                      "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        sconn.commit()
        before = dict(sconn.execute("SELECT id, contact FROM site"))
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("台账")
        ws.append(["序号", "单位名称", "地址", "联系人", "联系电话"])
        for i in range(600):  # the first 300 are there already: their contact changes
            ws.append([i + 1, f"青石镇商户{i}号店", f"青石镇{i % 40}村{i}号", "李某", 13800000000 + i])
        path = tmp_path / "b.xlsx"
        wb.save(path)
        monkeypatch.setattr(register_import, "BATCH_ROWS", 100)
        with pytest.raises(sqlite3.IntegrityError, match="refused"):
            register_import.import_register(session, path, update=True)
        assert dict(sconn.execute("SELECT id, contact FROM site WHERE deleted = 0")) == before
        assert set(before.values()) == {"张某"}
        sconn.close()
    finally:
        session.close()


def test_hlc_unique_and_increasing_across_two_processes(store_dir: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    procs = [_spawn(STAMPER, store_dir, tmp_path / f"ready{i}", go, 40) for i in range(2)]
    for i, proc in enumerate(procs):
        _wait_for(tmp_path / f"ready{i}", proc)
    go.touch()
    for proc in procs:
        _finish(proc)
    conn = _assert_sound(store_dir / "inspector.db")
    assert conn.execute("SELECT count(*) FROM site").fetchone()[0] == 80


def test_busy_write_waits_for_the_lock(store_dir: Path, tmp_path: Path) -> None:
    from inspector_app.core.entities import SiteInput
    from inspector_app.services.sites import add_site

    session = open_session(store_dir)
    try:
        ready = tmp_path / "locked"
        holder = _spawn(HOLDER, store_dir / "inspector.db", ready, 1.5)
        _wait_for(ready, holder)
        session.store._writer.call(lambda conn: conn.execute("PRAGMA busy_timeout = 200"))
        add_site(session, SiteInput(name="等锁的场所", no_unit=True))  # was: 数据库正被其他程序占用
        _finish(holder)
        assert session.store.read().execute("SELECT count(*) FROM site WHERE name = '等锁的场所'").fetchone()[0] == 1
    finally:
        session.close()


def test_busy_write_gives_up_after_a_bounded_time(store_dir: Path, tmp_path: Path) -> None:
    from inspector_app.core.entities import SiteInput
    from inspector_app.services.sites import add_site

    session = open_session(store_dir)
    try:
        session.store.busy_retry_s = 0.5
        session.store._writer.call(lambda conn: conn.execute("PRAGMA busy_timeout = 100"))
        ready = tmp_path / "locked"
        holder = _spawn(HOLDER, store_dir / "inspector.db", ready, 30)
        _wait_for(ready, holder)
        try:
            with pytest.raises(StoreError) as err:
                add_site(session, SiteInput(name="拿不到锁", no_unit=True))
            assert err.value.code == "locked" and "占用" in err.value.zh
        finally:
            holder.kill()
            holder.communicate()
    finally:
        session.close()
