"""The CLI contract of design.md §8, run as a user would (a real process per command)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ADMIN_PASSWORD, cli


def ok(*args: str) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture
def store(data_dir):
    return ["--data-dir", str(data_dir)]


def test_version_names_app_schema_and_qt():
    out = ok("--version")
    assert "inspector-app" in out and "schema" in out and "Qt 6." in out


def test_site_add_list_show(store):
    out = ok(*store, "site", "add", "--name", "李记小吃店", "--uscc", "91330100799655058B",
             "--sector", "九小场所", "--address", "青石镇东村 3 号", "--grid", "G01",
             "--contact", "李四", "--phone", "13800000000", "--json")
    added = json.loads(out)
    listed = json.loads(ok(*store, "site", "list", "--json"))
    assert [s["id"] for s in listed] == [added["id"]]
    site = listed[0]
    assert {k: site[k] for k in ("name", "uscc", "sector", "grid")} == {
        "name": "李记小吃店", "uscc": "91330100799655058B", "sector": "nine_small", "grid": "G01"}
    shown = json.loads(ok(*store, "site", "show", added["id"], "--json"))
    assert shown["contact"] == "李四" and shown["address"] == "青石镇东村 3 号"


def test_add_prints_the_id_and_warns_on_stderr(store):
    result = cli(*store, "site", "add", "--name", "某店", "--uscc", "91330100799655058C")
    assert result.returncode == 0
    assert len(result.stdout.strip()) == 36  # a UUID
    assert "校验位" in result.stderr


def test_hazard_add_list_show_json(store):
    site_id = ok(*store, "site", "add", "--name", "兴旺五金厂").strip()
    added = json.loads(ok(*store, "hazard", "add", "--site", site_id, "--description",
                          "二楼消防通道堵塞", "--level", "major", "--deadline-days", "7",
                          "--found-on", "2026-09-28", "--json"))
    # 2026-09-28 + 7 days = 10-05, inside the National Day holiday -> next working day 10-08
    assert added["due_date"] == "2026-10-08" and added["warnings"] == []
    rows = json.loads(ok(*store, "hazard", "list", "--json"))
    assert set(rows[0]) >= {"id", "site_id", "description", "level", "status", "due_date"}
    assert rows[0]["level"] == "major" and rows[0]["status"] == "open"
    shown = json.loads(ok(*store, "hazard", "show", added["id"], "--json"))
    assert set(rows[0]) <= set(shown)
    assert [e["kind"] for e in shown["events"]] == ["recorded"]
    assert shown["photos"] == []


def test_list_prints_every_match_unless_limited(store):
    for n in range(3):
        ok(*store, "site", "add", "--name", f"场所{n}")
    assert len(json.loads(ok(*store, "site", "list", "--json"))) == 3
    assert len(json.loads(ok(*store, "site", "list", "--limit", "2", "--json"))) == 2


def test_search_two_characters(store):
    site_id = ok(*store, "site", "add", "--name", "老王烧烤").strip()
    ok(*store, "hazard", "add", "--site", site_id, "--description", "后厨燃气钢瓶无报警装置")
    hits = json.loads(ok(*store, "search", "燃气", "--json"))
    assert [h["kind"] for h in hits] == ["hazard"]
    assert set(hits[0]) == {"kind", "id", "title"}


def test_output_is_utf8_even_on_an_ascii_console(store):
    # PYTHONIOENCODING=ascii is set by the helper; Chinese must still come out intact
    ok(*store, "site", "add", "--name", "网格安全巡查测试店")
    assert "网格安全巡查测试店" in ok(*store, "site", "list")


def test_errors_are_one_line_and_non_zero(store):
    # with a password, the admin is not warned about (one line: the error alone)
    cli(*store, "user", "passwd", "admin", "--password-env", "NEWPW", env={"NEWPW": ADMIN_PASSWORD})
    result = cli(*store, "hazard", "add", "--site", "no-such-site", "--description", "x")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "找不到场所" in result.stderr
    result = cli(*store, "hazard", "add", "--site", "x", "--description", "x", "--found-on", "2026-13-01")
    assert result.returncode == 1 and "不是有效日期" in result.stderr


def test_english_messages_on_request(store):
    result = cli(*store, "site", "show", "nope", env={"INSPECTOR_APP_LANG": "en"})
    assert result.returncode == 1 and "no site" in result.stderr


def test_check_passes_on_a_sound_store_and_fails_on_a_broken_chain(store, data_dir):
    ok(*store, "site", "add", "--name", "店")
    assert json.loads(ok(*store, "check", "--json"))["ok"] is True
    import sqlite3

    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute("UPDATE audit_log SET user_id = 'someone-else' WHERE action = 'site_added'")
    conn.commit()
    conn.close()
    result = cli(*store, "check")
    assert result.returncode == 1 and "审计日志" in result.stderr  # named in Chinese by default


def test_data_dir_from_environment(data_dir):
    result = cli("site", "add", "--name", "环境变量店", env={"INSPECTOR_APP_DATA": str(data_dir)})
    assert result.returncode == 0
    assert (data_dir / "inspector.db").exists()


def test_demo_fills_and_marks_the_store(store, data_dir):
    ok(*store, "demo", "--sites", "20", "--hazards", "60")
    rows = json.loads(ok(*store, "hazard", "list", "--json"))
    assert len(rows) == 60
    assert {r["status"] for r in rows} == {"draft", "open", "notified", "awaiting_recheck", "closed"}
    import sqlite3

    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("SELECT value FROM store_info WHERE key = 'demo'").fetchone()[0] == "1"
    conn.close()


def test_demo_refuses_a_store_with_real_data(store):
    ok(*store, "site", "add", "--name", "真实场所")
    result = cli(*store, "demo", "--sites", "5", "--hazards", "5")
    assert result.returncode == 1 and "正式数据" in result.stderr
