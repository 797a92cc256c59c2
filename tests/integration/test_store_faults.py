"""A full disk, a store this user cannot write, a failed upgrade: reading keeps working,
a write says why it cannot save, and nothing already stored changes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import StoreError
from inspector_app.services import sites
from inspector_app.services.session import open_session
from inspector_app.store.store import Store
from inspector_app.store.version import SCHEMA_VERSION
from tests.helpers import cli, sha256_of, world_readable_tmp


# ---------------------------------------------------------------- a full disk (a small tmpfs)
@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs of its own (needs root); unmounted afterwards."""
    mount_point = tmp_path / "小 磁盘"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mount not permitted here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_up(folder: Path) -> None:
    """Write a filler file until the file system refuses (ENOSPC)."""
    fd = os.open(folder / "filler.bin", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free < 4096


@pytest.fixture
def full_store(small_disk: Path, clock) -> Path:
    data = small_disk / "数据 目录"
    s = open_session(data, clock=clock)
    try:
        sites.add_site(s, SiteInput(name="满盘场所"))
    finally:
        s.close()
    fill_up(small_disk)
    return data


def test_reading_commands_work_on_a_full_disk(full_store):
    listed = cli("--data-dir", str(full_store), "site", "list")
    assert listed.returncode == 0, listed.stderr
    assert "满盘场所" in listed.stdout
    checked = cli("--data-dir", str(full_store), "check")
    assert checked.returncode == 0, checked.stderr
    for args in (("search", "满盘"),):  # every reading command: see the in-process test below
        result = cli("--data-dir", str(full_store), *args)
        assert result.returncode == 0, (args, result.stderr)


def test_a_write_on_a_full_disk_says_the_disk_is_full(full_store):
    before = sha256_of(full_store / "inspector.db")
    result = cli("--data-dir", str(full_store), "site", "add", "--name", "放不下")
    assert result.returncode == 1
    assert "磁盘已满" in result.stderr and "Traceback" not in result.stderr
    assert sha256_of(full_store / "inspector.db") == before
    again = cli("--data-dir", str(full_store), "site", "list")  # and reading still works after
    assert again.returncode == 0 and "放不下" not in again.stdout


def test_a_store_open_when_the_disk_fills_refuses_writes_as_disk_full(small_disk, clock):
    s = open_session(small_disk / "数据", clock=clock)
    try:
        fill_up(small_disk)
        with pytest.raises(StoreError) as err:
            for n in range(200):  # the WAL has some room left in its pages: write until full
                sites.add_site(s, SiteInput(name=f"场所 {n}", notes="备注" * 1000))
        assert err.value.code == "disk_full" and "磁盘已满" in err.value.zh
        assert sites.count_sites(s) == n  # the refused one is not half saved
    finally:
        s.close()


def test_an_upgrade_on_a_full_disk_says_so_and_leaves_no_half_backup(small_disk, clock):
    data = small_disk / "旧 数据"
    Store.open(data, clock=clock, target_version=5).close()
    db = data / "inspector.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = delete")  # as an older app left it: no -shm needed
    conn.close()
    fill_up(small_disk)
    before = sha256_of(db)
    with pytest.raises(StoreError) as err:
        Store.open(data, clock=clock)
    assert err.value.code == "disk_full"
    assert sha256_of(db) == before
    assert list((data / "backups").iterdir()) == []


# ---------------------------------------------------------------- read-only for this user
@pytest.fixture
def locked_store(clock):
    """A store root made, then made read-only: files 0444, folders 0555 (nobody can read)."""
    base = world_readable_tmp(None)
    data = base / "只读 数据"
    s = open_session(data, clock=clock)
    try:
        sites.add_site(s, SiteInput(name="只读场所"))
    finally:
        s.close()
    for path in data.rglob("*"):
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    os.chmod(data, 0o555)
    yield data
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_store_with_anothers_wal_index_can_be_listed(locked_store):
    """The -shm and -wal a reader of the owner left behind, not writable for this user."""
    for path in (locked_store, locked_store / "inspector.db"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    s = open_session(locked_store, read_only=True)  # the owner reads: leaves -shm and -wal
    s.close()
    assert (locked_store / "inspector.db-shm").exists()
    for path in locked_store.glob("inspector.db*"):
        os.chmod(path, 0o444)
    os.chmod(locked_store, 0o555)
    listed = cli("--data-dir", str(locked_store), "site", "list", unprivileged=True)
    assert listed.returncode == 0, listed.stderr
    assert "只读场所" in listed.stdout


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256_of(p) if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def test_a_read_only_store_can_be_listed_and_checked(locked_store):
    before = _tree(locked_store)
    listed = cli("--data-dir", str(locked_store), "site", "list", unprivileged=True)
    assert listed.returncode == 0, listed.stderr
    assert "只读场所" in listed.stdout
    for args in (("check",),):
        result = cli("--data-dir", str(locked_store), *args, unprivileged=True)
        assert result.returncode == 0, (args, result.stderr)
    assert _tree(locked_store) == before  # not a byte, not a -shm file


def test_writing_a_read_only_store_says_it_is_read_only(locked_store):
    before = _tree(locked_store)
    result = cli("--data-dir", str(locked_store), "site", "add", "--name", "新场所", unprivileged=True)
    assert result.returncode == 1
    assert "数据库只读" in result.stderr and "Traceback" not in result.stderr
    assert _tree(locked_store) == before


def test_a_read_only_session_refuses_a_write_with_the_reason(locked_store):
    s = open_session(locked_store, read_only=True)  # as root, but opened for reading
    try:
        assert s.store.read_only
        with pytest.raises(StoreError) as err:
            sites.add_site(s, SiteInput(name="不会保存"))
        assert err.value.code == "read_only" and "数据库只读" in err.value.zh
    finally:
        s.close()


def test_unreadable_wal_changes_are_explained_not_skipped(locked_store):
    """Changes still in the -wal file, no -shm, no write access: say so (immutable would
    silently show the store without them)."""
    for path in (locked_store, locked_store / "inspector.db"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    conn = sqlite3.connect(locked_store / "inspector.db", isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO store_info(key, value) VALUES ('probe', '1')")
    wal = (locked_store / "inspector.db-wal").read_bytes()
    conn.close()  # checkpoints and removes the -wal: put the uncheckpointed copy back
    (locked_store / "inspector.db-wal").write_bytes(wal)
    os.chmod(locked_store, 0o555)
    result = cli("--data-dir", str(locked_store), "site", "list", unprivileged=True)
    assert result.returncode == 1
    assert "未正常关闭" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- a failed upgrade
@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_a_failed_upgrade_leaves_the_file_byte_for_byte(data_dir, clock, journal_mode):
    Store.open(data_dir, clock=clock, target_version=5).close()
    db = data_dir / "inspector.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")  # delete: as an older app left it
    conn.execute("DROP TABLE hazard_event")  # a damaged version-5 store: migration 7 needs it
    conn.close()
    before = sha256_of(db)
    with pytest.raises(StoreError) as err:
        Store.open(data_dir, clock=clock)
    assert err.value.code == "upgrade_failed"
    assert "升级失败" in err.value.zh and "未做任何改动" in err.value.zh
    assert sha256_of(db) == before
    assert not (data_dir / "inspector.db-wal").exists()
    backups = list((data_dir / "backups").glob("before-schema-6-*.db"))
    assert len(backups) == 1 and backups[0].name in err.value.zh
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 5
    check.close()


def test_cli_reports_a_failed_upgrade_in_one_line(data_dir, clock):
    Store.open(data_dir, clock=clock, target_version=5).close()
    db = data_dir / "inspector.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = delete")
    conn.execute("DROP TABLE hazard_event")
    conn.close()
    before = sha256_of(db)
    result = cli("--data-dir", str(data_dir), "site", "list")
    assert result.returncode == 1
    assert "升级失败" in result.stderr and "Traceback" not in result.stderr
    assert sha256_of(db) == before


def test_a_reading_command_still_upgrades_an_old_writable_store(data_dir, clock):
    Store.open(data_dir, clock=clock, target_version=5).close()
    result = cli("--data-dir", str(data_dir), "site", "list")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


# ---------------------------------------------------------------- every reading command
def _reading_commands() -> list[list[str]]:
    """Every sub-command main.READING names, found by walking the real parser."""
    import argparse

    from inspector_app.cli.main import READING, build_parser

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        for action in subs:
            for name, child in action.choices.items():
                walk(child, [*path, name])
        handler = parser.get_default("handler")
        if handler is not None and not subs:
            module = handler.__module__.rsplit(".", 1)[-1]
            if handler.__name__ in READING.get(module, ()):
                found.append(path)

    walk(build_parser(), [])
    return found


ARGS_FOR = {  # what a reading command needs beyond its name (ids filled in by the test)
    ("site", "show"): ["{site}"], ("hazard", "show"): ["{hazard}"], ("photos", "list"): ["{hazard}"],
    ("photos", "render"): ["NOPE", "-o", "{out}/p.jpg"], ("checklist", "show"): ["{checklist}"],
    ("checklist", "export"): ["{checklist}", "-o", "{out}/c.json"],
    ("site", "export"): ["-o", "{out}/sites.xlsx"], ("campaign", "show"): ["NOPE"],
    ("campaign", "verify"): ["NOPE"], ("report-public", "show"): ["NOPE"],
    ("inspection", "show"): ["NOPE"], ("holidays",): ["2026"], ("search",): ["场所"],
    ("document", "show"): ["NOPE"], ("verify",): ["{out}/none.pdf"],
}


def test_every_reading_command_opens_the_store_read_only(data_dir, clock, tmp_path, capsys):
    """A reading command runs on a read-only store (a write would say 数据库只读) and leaves
    the file as it was."""
    from inspector_app.cli.main import main
    from inspector_app.core.entities import HazardInput
    from inspector_app.services.hazards import add_hazard

    s = open_session(data_dir, clock=clock)
    try:
        site_id = sites.add_site(s, SiteInput(name="读取场所")).id
        hazard_id = add_hazard(s, HazardInput(site_id, "消防通道堵塞", deadline_days=7)).id
        checklist_id = s.store.read().execute("SELECT id FROM checklist_template").fetchone()[0]
    finally:
        s.close()
    ids = {"site": site_id, "hazard": hazard_id, "checklist": checklist_id, "out": tmp_path}
    before = sha256_of(data_dir / "inspector.db")
    commands = _reading_commands()
    assert len(commands) >= 20
    for path in commands:
        extra = [a.format(**ids) for a in ARGS_FOR.get(tuple(path), [])]
        code = main(["--data-dir", str(data_dir), *path, *extra])
        err = capsys.readouterr().err
        assert "只读" not in err and "内部错误" not in err, (path, err)
        assert code in (0, 1), (path, err)  # 1: an unknown id (找不到)
        assert code == 0 or "找不到" in err, (path, err)
    assert sha256_of(data_dir / "inspector.db") == before
