"""Bad stores and data folders: a clear message, nothing already stored changed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading

import pytest

from inspector_app.core.errors import StoreError
from inspector_app.services.session import open_session
from inspector_app.store.migrations import APPLICATION_ID, SCHEMA_VERSION
from inspector_app.store.store import Store
from tests.helpers import cli, sha256_of, world_readable_tmp


def test_fresh_store_has_layout_admin_and_checklists(data_dir, clock):
    s = open_session(data_dir, clock=clock)
    try:
        for sub in ("media", "thumbs", "documents", "backups", "outbox", "logs"):
            assert (data_dir / sub).is_dir()
        device = json.loads((data_dir / "device.json").read_text("utf-8"))
        assert device["device_id"] == s.store.device_id
        assert s.user.login == "admin" and s.user.role == "admin"
        conn = s.store.read()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM checklist_template").fetchone()[0] >= 10
    finally:
        s.close()


def test_writer_connection_pragmas(session):
    got = session.store.write(
        lambda tx: [tx.conn.execute(f"PRAGMA {p}").fetchone()[0]
                    for p in ("foreign_keys", "recursive_triggers", "synchronous", "busy_timeout")]
    )
    assert got == [1, 0, 1, 5000]


def test_reopening_keeps_device_and_seeds_nothing_twice(data_dir, clock):
    open_session(data_dir, clock=clock).close()
    first = sha256_of(data_dir / "device.json")
    s = open_session(data_dir, clock=clock)
    try:
        assert s.store.read().execute("SELECT count(*) FROM app_user").fetchone()[0] == 1
    finally:
        s.close()
    assert sha256_of(data_dir / "device.json") == first


def _expect_refused(data_dir, code):
    db = data_dir / "inspector.db"
    before = sha256_of(db)
    with pytest.raises(StoreError) as err:
        Store.open(data_dir, busy_timeout_ms=200)
    assert err.value.code == code
    assert sha256_of(db) == before
    assert not (data_dir / "inspector.db-wal").exists()
    return err.value


def test_garbage_file_is_refused_untouched(data_dir):
    (data_dir / "inspector.db").write_bytes(b"this is not a database at all\n" * 100)
    err = _expect_refused(data_dir, "not_a_database")
    assert "不是" in err.zh


def test_empty_file_is_refused_untouched(data_dir):
    (data_dir / "inspector.db").write_bytes(b"")
    err = _expect_refused(data_dir, "empty_file")
    assert "0 字节" in err.zh


def test_truncated_database_is_refused(data_dir, clock):
    open_session(data_dir, clock=clock).close()
    db = data_dir / "inspector.db"
    db.write_bytes(db.read_bytes()[:1500])
    with pytest.raises(StoreError):
        s = open_session(data_dir, clock=clock)
        s.close()


def test_newer_database_is_refused_untouched(data_dir, clock):
    open_session(data_dir, clock=clock).close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    err = _expect_refused(data_dir, "newer")
    assert "更新版本" in err.zh


def test_foreign_database_is_refused_untouched(data_dir):
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    err = _expect_refused(data_dir, "foreign")
    assert "其他程序" in err.zh


def test_locked_database_gets_a_clear_message(data_dir, clock):
    open_session(data_dir, clock=clock).close()
    holder = sqlite3.connect(data_dir / "inspector.db", isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as err:
            Store.open(data_dir, busy_timeout_ms=200)
        assert err.value.code == "locked"
        assert "占用" in err.value.zh
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_data_dir_on_a_missing_drive(tmp_path):
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path / "not-plugged-in" / "巡查数据")
    assert err.value.code == "missing_drive"
    assert not (tmp_path / "not-plugged-in").exists()


def test_data_dir_that_is_a_file(tmp_path):
    target = tmp_path / "data"
    target.write_text("x")
    with pytest.raises(StoreError):
        Store.open(target)


def test_unknown_data_dir_with_existing_parent_is_created(tmp_path, clock):
    target = tmp_path / "新 的 目录"
    s = open_session(target, clock=clock)
    s.close()
    assert (target / "inspector.db").exists()


def test_cli_reports_garbage_in_one_line_without_traceback(data_dir):
    (data_dir / "inspector.db").write_bytes(os.urandom(4096))
    before = sha256_of(data_dir / "inspector.db")
    result = cli("--data-dir", str(data_dir), "site", "list")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "数据库" in result.stderr
    assert sha256_of(data_dir / "inspector.db") == before


# ---------------------------------------------------------------- permissions (not as root)
@pytest.fixture
def shared_store(clock):
    base = world_readable_tmp(None)
    data = base / "只读 数据"
    s = open_session(data, clock=clock)
    s.close()
    yield data
    shutil.rmtree(base, ignore_errors=True)


def test_read_only_database_file_is_refused_untouched(shared_store):
    db = shared_store / "inspector.db"
    for path in shared_store.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(shared_store, 0o755)
    before = sha256_of(db)
    result = cli("--data-dir", str(shared_store), "site", "add", "--name", "甲", unprivileged=True)
    assert result.returncode == 1, result.stderr
    assert "只读" in result.stderr and "Traceback" not in result.stderr
    assert sha256_of(db) == before
    listed = cli("--data-dir", str(shared_store), "site", "list", unprivileged=True)
    assert listed.returncode == 0, listed.stderr  # reading opens it read-only
    assert sha256_of(db) == before


def test_unwritable_parent_folder_is_reported(shared_store):
    os.chmod(shared_store.parent, 0o755)
    result = cli("--data-dir", str(shared_store.parent / "新目录"), "site", "list", unprivileged=True)
    assert result.returncode == 1
    assert "无法创建数据目录" in result.stderr and "Traceback" not in result.stderr


def test_concurrent_writes_from_threads_are_serialised(session):
    from inspector_app.core.entities import SiteInput
    from inspector_app.services import sites

    errors = []

    def add(n):
        try:
            for i in range(10):
                sites.add_site(session, SiteInput(name=f"并发场所 {n}-{i}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sites.count_sites(session) == 40


def test_default_data_dir_is_created_with_its_parents(tmp_path, monkeypatch, clock):
    # a fresh system may not even have ~/.local/share
    home = tmp_path / "home 张三"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("INSPECTOR_APP_DATA", raising=False)
    s = open_session(None, clock=clock)
    try:
        assert s.store.data_dir.is_relative_to(home)
        assert (s.store.data_dir / "inspector.db").exists()
    finally:
        s.close()
