"""The lifecycle on the command line, run as a user would (a real process per command)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import cli


@pytest.fixture
def run(data_dir):
    def run_(*args: str, ok: bool = True, env: dict[str, str] | None = None):
        result = cli("--data-dir", str(data_dir), *args, env=env)
        assert "Traceback" not in result.stderr
        if ok:
            assert result.returncode == 0, result.stderr
        return result
    return run_


def _json(result):
    return json.loads(result.stdout)


def test_lifecycle_on_the_cli(run):
    site = run("site", "add", "--name", "兴旺五金厂", "--grid", "G01").stdout.strip()
    added = _json(run("hazard", "add", "--site", site, "--description", "二楼消防通道堵塞",
                      "--deadline-days", "5", "--working-days", "--found-on", "2026-09-28", "--json"))
    assert added["warnings"] == [] and added["due_date"] == "2026-10-10"
    hid = added["id"]
    run("hazard", "set", hid, "--responsible", "张三", "--responsible-phone", "13800000000",
        "--measures", "清理", "--funds", "500", "--funds-source", "企业自筹", "--factor", "管",
        "--measure-type", "管理防", "--interim-measures", "设置警示")
    notified = _json(run("hazard", "notify", hid, "--served-on", "2026-09-30", "--json"))
    assert (notified["status"], notified["due_date"]) == ("notified", "2026-10-13")
    # closing without a re-check opinion is refused, nothing changes
    refused = run("hazard", "close", hid, ok=False)
    assert refused.returncode == 1 and "复查" in refused.stderr
    failed = _json(run("hazard", "recheck", hid, "--failed", "--opinion", "未整改", "--on", "2026-10-14",
                       "--new-deadline-days", "3", "--json"))
    assert (failed["status"], failed["due_date"]) == ("notified", "2026-10-19")  # 3 working days
    run("hazard", "report-done", hid, "--on", "2026-10-16")
    closed = _json(run("hazard", "recheck", hid, "--passed", "--opinion", "已整改", "--on", "2026-10-17",
                       "--json"))
    assert closed["status"] == "closed"
    shown = _json(run("hazard", "show", hid, "--json"))
    assert shown["responsible_person"] == "张三" and shown["interim_measures"] == "设置警示"
    assert [e["kind"] for e in shown["events"]] == [
        "recorded", "notified", "recheck_failed", "reported_done", "recheck_passed"]
    extend = run("hazard", "extend", hid, "--days", "3", "--reason", "x", ok=False)
    assert extend.returncode == 1 and "已销号" in extend.stderr
    reopened = _json(run("hazard", "reopen", hid, "--reason", "复现", "--deadline-days", "0", "--json"))
    assert reopened["status"] == "notified"


def test_lists_and_supervision_on_the_cli(run):
    site = run("site", "add", "--name", "东风饭店").stdout.strip()
    late = _json(run("hazard", "add", "--site", site, "--description", "燃气软管老化",
                     "--deadline-days", "3", "--found-on", "2026-09-01", "--json"))["id"]
    # a provisional deadline (no notice served) is not overdue; the served one is
    unserved = run("hazard", "add", "--site", site, "--description", "灭火器过期", "--deadline-days", "3",
                   "--found-on", "2026-09-01").stdout.strip()
    run("hazard", "notify", late, "--served-on", "2026-09-01")
    overdue = _json(run("hazard", "list", "--overdue", "--json"))
    assert [r["id"] for r in overdue] == [late] and overdue[0]["overdue"]
    assert [r["id"] for r in _json(run("hazard", "list", "--status", "open", "--json"))] == [unserved]
    assert [r["id"] for r in _json(run("hazard", "list", "--status", "notified", "--json"))] == [late]
    run("hazard", "escalate", late, "--step", "summons", "--reason", "逾期未整改")
    run("hazard", "supervise", late, "--reason", "重大隐患逾期")  # 挂牌督办 (`hazard list` only lists)
    listed = _json(run("hazard", "list", "--listed", "--json"))
    assert [r["id"] for r in listed] == [late] and listed[0]["escalation"] == "summons"
    run("hazard", "delist", late, "--reason", "已整改")
    assert _json(run("hazard", "list", "--listed", "--json")) == []
    bad = run("hazard", "escalate", late, "--step", "nonsense", "--reason", "x", ok=False)
    assert bad.returncode == 1 and "summons" in bad.stderr


def test_deadline_past_the_known_calendar_warns_in_json(run):
    site = run("site", "add", "--name", "某店").stdout.strip()
    added = _json(run("hazard", "add", "--site", site, "--description", "x", "--deadline-days", "800",
                      "--working-days", "--found-on", "2026-09-28", "--json"))
    assert [w["code"] for w in added["warnings"]] == ["holiday_calendar_unknown"]
    assert "调休" in added["warnings"][0]["message"]
    plain = run("hazard", "add", "--site", site, "--description", "y", "--deadline-days", "800",
                "--found-on", "2026-09-28")
    assert "调休" in plain.stderr and len(plain.stdout.strip()) == 36


def test_bad_deadline_input_on_the_cli(run):
    site = run("site", "add", "--name", "某店").stdout.strip()
    before = run("hazard", "list", "--json").stdout
    r = run("hazard", "add", "--site", site, "--description", "x", "--found-on", "2026-09-28",
            "--due-on", "2026-09-01", ok=False)
    assert r.returncode == 1 and "早于发现日期" in r.stderr
    r = run("hazard", "add", "--site", site, "--description", "x", "--deadline-days", "-3", ok=False)
    assert r.returncode == 1 and "负数" in r.stderr
    assert run("hazard", "list", "--json").stdout == before


def test_stats_dashboard_and_holidays_on_the_cli(run):
    site = run("site", "add", "--name", "某店", "--sector", "九小场所").stdout.strip()
    hid = run("hazard", "add", "--site", site, "--description", "x", "--deadline-days", "3", "--found-on",
              "2026-09-01").stdout.strip()
    run("hazard", "notify", hid, "--served-on", "2026-09-01")  # served: its passed deadline is overdue
    figures = _json(run("stats", "--json"))
    assert {"hazards_total", "hazards_closed", "rectification_rate", "overdue", "major_open",
            "major_listed", "by_grid", "by_sector", "by_inspector", "by_level"} <= set(figures)
    assert figures["hazards_total"] == 1 and figures["overdue"] == 1
    assert figures["by_sector"][0]["sector"] == "nine_small"
    board = _json(run("dashboard", "--json"))
    assert board["overdue"]["count"] == 1
    year = _json(run("holidays", "2026", "--json"))
    assert year["official"] and "2026-10-01" in year["rest_days"] and "2026-10-10" not in year["rest_days"]
    news = _json(run("overdue-news", "--since", "2026-09-01", "--json"))
    assert news["count"] == 1
