"""run_gui: opens and quits by itself; a store that cannot open is explained, never a traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from inspector_app.store.migrations import APPLICATION_ID
from inspector_app.ui.app import run_gui
from tests.helpers import cli, sha256_of, world_readable_tmp

pytestmark = pytest.mark.ui


def test_quit_after_on_a_fresh_store(data_dir: Path, qapp, capsys) -> None:
    assert run_gui(str(data_dir), None, 1) == 0
    assert (data_dir / "inspector.db").exists()
    assert "GUI started" in (data_dir / "logs" / "app.log").read_text("utf-8")
    assert capsys.readouterr().err == ""


def test_garbage_database_is_refused_with_a_clear_message(data_dir: Path, qapp, capsys) -> None:
    db = data_dir / "inspector.db"
    db.write_bytes(b"this is not a database, just some text " * 100)
    before = sha256_of(db)
    assert run_gui(str(data_dir), None, 1) == 2
    err = capsys.readouterr().err
    assert "不是本程序的数据库文件" in err
    assert "Traceback" not in err
    assert sha256_of(db) == before


def test_newer_database_is_refused(data_dir: Path, qapp, capsys) -> None:
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert run_gui(str(data_dir), None, 1) == 2
    assert "更新版本的程序" in capsys.readouterr().err


def test_locked_database_is_explained(data_dir: Path, qapp, capsys) -> None:
    from inspector_app.services.session import open_session

    open_session(data_dir).close()
    holder = sqlite3.connect(data_dir / "inspector.db", isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")  # another copy of the app, or a sync tool, holds it
    try:
        assert run_gui(str(data_dir), None, 1) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert "占用" in err and "Traceback" not in err


def test_data_dir_on_a_missing_drive(tmp_path: Path, qapp, capsys) -> None:
    missing = tmp_path / "U盘 未插入" / "巡查数据"
    assert run_gui(str(missing), None, 1) == 2
    assert "U 盘" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_launcher_opens_the_window_and_exits_0(data_dir: Path, settings_file: Path) -> None:
    env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "INSPECTOR_APP_SETTINGS": str(settings_file)}
    result = cli("--data-dir", str(data_dir), "--quit-after", "1", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="privilege drop is POSIX only")
def test_read_only_store_is_explained(tmp_path: Path) -> None:
    folder = world_readable_tmp(tmp_path) / "只读 数据"
    assert cli("--data-dir", str(folder), "check").returncode == 0  # make a store as root
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    settings = folder.parent / "settings.ini"
    env = {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "INSPECTOR_APP_SETTINGS": str(settings), "XDG_RUNTIME_DIR": str(folder.parent)}
    result = cli("--data-dir", str(folder), "--quit-after", "1", env=env, unprivileged=True)
    assert result.returncode == 2, result.stderr
    assert "只读" in result.stderr and "Traceback" not in result.stderr
