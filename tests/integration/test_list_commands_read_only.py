"""No list or show command of the CLI writes (issue 13): the file, the oplog and the audit
log are the same before and after each one, run as a user would (a real process each).

``hazard list ID --reason X`` used to put the hazard under 挂牌督办; it is now a usage
error pointing to ``hazard supervise``, and changes nothing either.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import cli, sha256_of

pytestmark = [pytest.mark.timeout(900), pytest.mark.slow]

READ_VERBS = {"list", "show", "due", "verify", "whoami"}
READ_COMMANDS = {"search", "check", "stats", "dashboard", "holidays", "overdue-news", "verify"}


def _ok(*args: str) -> str:
    result = cli(*args)
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def _state(data_dir: Path) -> tuple[str, int, int, int]:
    db = data_dir / "inspector.db"
    assert not (data_dir / "inspector.db-wal").exists() or \
        (data_dir / "inspector.db-wal").stat().st_size == 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        seq = conn.execute("SELECT coalesce(max(seq), 0) FROM oplog").fetchone()[0]
        audits = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0]
    finally:
        conn.close()
    return sha256_of(db), seq, audits, events


def _one(data_dir: Path, sql: str) -> str:
    conn = sqlite3.connect(f"file:{data_dir / 'inspector.db'}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _read_commands_of_the_parser() -> set[tuple[str, ...]]:
    """Every (command[, verb]) of the CLI that only reads, from the parser itself."""
    from inspector_app.cli.main import build_parser

    def subs(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return dict(action.choices)
        return {}

    found: set[tuple[str, ...]] = set()
    for name, parser in subs(build_parser()).items():
        if name in READ_COMMANDS:
            found.add((name,))
        found |= {(name, verb) for verb in subs(parser) if verb in READ_VERBS}
    return found


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("只读 命令") / "数据 目录"
    store = ["--data-dir", str(data_dir)]
    _ok(*store, "demo", "--sites", "20", "--hazards", "40", "--photos", "2")
    campaign = json.loads(_ok(*store, "campaign", "add", "--name", "九小场所专项整治",
                              "--sector", "九小场所", "--from", "2026-01-01", "--to", "2026-12-31",
                              "--json"))["id"]
    _ok(*store, "campaign", "draw", campaign, "--sites", "3", "--seed", "2026")
    return data_dir


def _commands(data_dir: Path) -> list[list[str]]:
    def first(sql: str) -> str:
        return _one(data_dir, sql)

    site = first("SELECT id FROM site WHERE deleted = 0 LIMIT 1")
    hazard = first("SELECT hazard_id FROM photo_link WHERE hazard_id IS NOT NULL LIMIT 1")
    inspection = first("SELECT id FROM inspection LIMIT 1")
    report = first("SELECT id FROM public_report LIMIT 1")
    template = first("SELECT id FROM checklist_template LIMIT 1")
    campaign = first("SELECT id FROM campaign LIMIT 1")
    return [
        ["site", "list"], ["site", "list", "--text", "网吧", "--json"],
        ["site", "show", site], ["site", "show", site, "--json"],
        ["hazard", "list"], ["hazard", "list", "--overdue", "--json"],
        ["hazard", "list", "--listed", "--text", "消防"],
        ["hazard", "show", hazard], ["hazard", "show", hazard, "--json"],
        ["search", "消防"], ["check"], ["stats"], ["stats", "--json"],
        ["dashboard"], ["overdue-news", "--json"],
        ["holidays", "2026"], ["holidays", "2026", "--json"],
        ["report-public", "list"], ["report-public", "show", report],
        ["task", "list"], ["user", "list", "--json"], ["user", "whoami"],
        ["checklist", "list"], ["checklist", "list", "--all", "--json"],
        ["checklist", "show", template],
        ["inspection", "list"], ["inspection", "show", inspection], ["inspection", "due"],
        ["device", "show"], ["device", "show", "--json"], ["agency", "show"], ["agency", "show", "--json"],
        ["campaign", "list"], ["campaign", "show", campaign], ["campaign", "verify", campaign],
        ["photos", "list", hazard], ["photos", "list", hazard, "--json"],
        ["document", "list"], ["document", "list", "--json"], ["document", "show", "NOPE"],
        ["verify", str(data_dir / "none.pdf")],
    ]


def test_every_list_and_show_command_leaves_the_store_unchanged(filled):
    store = ["--data-dir", str(filled)]
    commands = _commands(filled)
    covered = {tuple(c[:1]) if c[0] in READ_COMMANDS else tuple(c[:2]) for c in commands}
    missing = _read_commands_of_the_parser() - covered
    assert not missing, f"read-only commands this test does not run yet: {sorted(missing)}"
    before = _state(filled)
    for command in commands:
        result = cli(*store, *command)
        # `check` exits 1 when it finds problems; it must not write either way
        # `verify` exits 1 on anything but a genuine file, `show NOPE` on the unknown number
        lenient = command[0] in ("check", "verify") or "NOPE" in command
        assert result.returncode in ((0, 1) if lenient else (0,)), \
            (command, result.stderr)
        assert _state(filled) == before, f"`{' '.join(command)}` changed the store"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hazard_list_with_an_id_is_a_usage_error_pointing_to_supervise(filled, lang):
    store = ["--data-dir", str(filled)]
    site = _one(filled, "SELECT id FROM site WHERE deleted = 0 LIMIT 1")
    hazard = json.loads(_ok(*store, "hazard", "add", "--site", site, "--description", "液化气钢瓶放在地下室",
                            "--level", "major", "--deadline-days", "7", "--json"))["id"]
    before = _state(filled)
    for extra in ([hazard, "--reason", "重大隐患逾期"], [hazard], ["--reason", "x"],
                  ["--authority", "县安委办"]):
        result = cli(*store, "hazard", "list", *extra, env={"INSPECTOR_APP_LANG": lang})
        assert result.returncode == 2, result.stdout
        assert "hazard supervise" in result.stderr
        assert ("挂牌督办请用" if lang == "zh" else "to put one under listed supervision") \
            in result.stderr
        assert _state(filled) == before
    assert _one(filled, f"SELECT listed FROM hazard WHERE id = '{hazard}'") == 0
    # the verb that does write still works
    _ok(*store, "hazard", "supervise", hazard, "--reason", "重大隐患逾期")
    assert _one(filled, f"SELECT listed FROM hazard WHERE id = '{hazard}'") == 1
