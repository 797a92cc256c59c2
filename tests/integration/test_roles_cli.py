"""Roles on the command line: ``--as USER`` with ``INSPECTOR_APP_PASSWORD``."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ADMIN_PASSWORD, cli

PASSWORDS = {"li": "li-password-1", "wang": "wang-password-1"}


@pytest.fixture
def town(data_dir):
    """An admin (the store's current user), inspector li (G1), supervisor wang."""
    base = ["--data-dir", str(data_dir)]

    def run(*args: str, user: str | None = None, password: str | None = None, ok: bool = True,
            env_pw: str | None = None):
        env = {"INSPECTOR_APP_PASSWORD": password} if password is not None else {}
        env.update({"NEWPW": env_pw} if env_pw else {})
        result = cli(*base, *(["--as", user] if user else []), *args, env=env)
        assert "Traceback" not in result.stderr
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    assert run("grid", "add", "东村第一网格", "--code", "G1").returncode == 0
    run("grid", "add", "西村第一网格", "--code", "G2")
    # users are added only once the admin has a password (the admin stays logged in here)
    run("user", "passwd", "admin", "--password-env", "NEWPW", env_pw=ADMIN_PASSWORD)
    run("user", "add", "li", "--name", "李网格", "--role", "inspector", "--grid", "G1")
    run("user", "add", "wang", "--name", "王站长", "--role", "supervisor")
    for login, pw in PASSWORDS.items():
        r = cli(*base, "user", "passwd", login, "--password-env", "NEWPW", env={"NEWPW": pw})
        assert r.returncode == 0, r.stderr
    run.g1_site = run("site", "add", "--name", "李记小吃店", "--grid", "G1").stdout.strip()
    run.g2_site = run("site", "add", "--name", "西村超市", "--grid", "G2").stdout.strip()
    return run


def test_as_user_needs_the_password(town):
    r = town("hazard", "list", user="li", ok=False)
    assert r.returncode == 1 and "INSPECTOR_APP_PASSWORD" in r.stderr
    r = town("hazard", "list", user="li", password="wrong", ok=False)
    assert r.returncode == 1 and "密码不正确" in r.stderr
    assert town("user", "whoami", user="li", password=PASSWORDS["li"]).stdout.startswith("li\t")


def test_inspector_vs_supervisor_on_the_cli(town):
    li = {"user": "li", "password": PASSWORDS["li"]}
    wang = {"user": "wang", "password": PASSWORDS["wang"]}
    hid = town("hazard", "add", "--site", town.g1_site, "--description", "消防通道堵塞", "--level", "major",
               "--deadline-days", "5", "--found-on", "2026-09-28", **li).stdout.strip()
    row = json.loads(town("hazard", "show", hid, "--json", **li).stdout)
    assert row["level"] == "major" and row["level_confirmed"] is False
    # an inspector may not record hazards outside their grids, nor see them
    r = town("hazard", "add", "--site", town.g2_site, "--description", "x", **li, ok=False)
    assert r.returncode == 1 and "网格" in r.stderr
    other = town("hazard", "add", "--site", town.g2_site, "--description", "货架堵塞出口").stdout.strip()
    assert [h["id"] for h in json.loads(town("hazard", "list", "--json", **li).stdout)] == [hid]
    assert town("hazard", "show", other, **li, ok=False).returncode == 1
    # supervisor-only actions refused for the inspector, with the reason
    for args in (["confirm-level", hid], ["extend", hid, "--days", "3", "--reason", "申请"],
                 ["escalate", hid, "--step", "reminder", "--reason", "逾期"],
                 ["supervise", hid, "--reason", "重大"]):
        r = town("hazard", *args, **li, ok=False)
        assert r.returncode == 1 and "监管人员" in r.stderr, args
    town("hazard", "confirm-level", hid, **wang)
    town("hazard", "set", hid, "--responsible", "张三", "--responsible-phone", "138", "--measures", "清理",
         "--funds", "800", "--funds-source", "自筹", "--plan", "专人值守", "--plan-target", "疏通",
         "--plan-methods", "清理", "--plan-materials", "800元", "--plan-bodies", "安全科",
         "--plan-schedule", "5日", "--plan-safety", "警示", **li)
    town("hazard", "notify", hid, "--served-on", "2026-09-28", **li)
    town("hazard", "report-done", hid, "--on", "2026-10-08", **li)
    r = town("hazard", "close", hid, "--opinion", "已整改", **li, ok=False)
    assert r.returncode == 1 and "重大隐患" in r.stderr
    closed = json.loads(town("hazard", "close", hid, "--opinion", "验收合格", "--json", **wang).stdout)
    assert closed["status"] == "closed"
    # user management is the admin's
    r = town("user", "add", "x1", "--role", "inspector", **wang, ok=False)
    assert r.returncode == 1 and "管理员" in r.stderr
    r = town("user", "role", "li", "supervisor", **li, ok=False)
    assert r.returncode == 1
    users = json.loads(town("user", "list", "--json").stdout)
    assert {u["login"]: u["role"] for u in users} == {"admin": "admin", "li": "inspector", "wang": "supervisor"}
    assert all("password_hash" not in u for u in users)


def test_public_reporter_hidden_from_inspectors_on_the_cli(town):
    wang = {"user": "wang", "password": PASSWORDS["wang"]}
    li = {"user": "li", "password": PASSWORDS["li"]}
    rid = town("report-public", "add", "--channel", "12350", "--content", "饭店后厨液化气瓶放在地下室",
               "--site", town.g1_site, "--reporter-name", "周某某", "--reporter-phone", "13912345678",
               "--received-at", "2026-09-28 09:30", **wang).stdout.strip()
    seen = town("report-public", "show", rid, "--json", **wang).stdout
    assert "周某某" in seen and "13912345678" in seen
    shown = town("report-public", "show", rid, "--json", **li).stdout
    listed = town("report-public", "list", "--json", **li).stdout
    for out in (shown, listed):
        assert "周某某" not in out and "13912345678" not in out
    assert "reporter" not in json.loads(shown) and json.loads(listed)[0]["id"] == rid
    r = town("report-public", "add", "--channel", "in_person", "--content", "x", "--reporter-name", "某人",
             **li, ok=False)
    assert r.returncode == 1 and "举报人" in r.stderr
