"""The CLI speaks Chinese by default and English with INSPECTOR_APP_LANG=en (issue 13):
argparse's own texts, every help string, ``stats``, ``check``, ``holidays`` and the
checklist names. Run as a user would (a real process per command) with the real argparse."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import json
import re

import pytest

from inspector_app.cli import i18n
from tests.helpers import cli

EN = {"INSPECTOR_APP_LANG": "en"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def store(data_dir):
    return ["--data-dir", str(data_dir)]


def _run(*args: str, env: dict[str, str] | None = None, code: int = 0) -> tuple[str, str]:
    result = cli(*args, env=env)
    assert result.returncode == code, (args, result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stdout, result.stderr


# --------------------------------------------------------------------------- argparse's texts
def _argparse_msgids() -> set[str]:
    """Every text the running Python's argparse passes to ``_()`` or ``ngettext()``."""
    tree = ast.parse(inspect.getsource(argparse))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("_", "ngettext"):
            found |= {a.value for a in node.args if isinstance(a, ast.Constant)
                      and isinstance(a.value, str)}
    return found


def test_the_catalogue_matches_this_pythons_argparse():
    msgids = _argparse_msgids()
    stale = [k for k in i18n.ARGPARSE_ZH if k not in msgids]
    stale += [s for pair in i18n.ARGPARSE_NGETTEXT_ZH for s in pair if s not in msgids]
    assert not stale, f"argparse no longer uses these texts: {stale}"
    for needed in ("usage: ", "positional arguments", "options", "show this help message and exit",
                   "the following arguments are required: %s", "unrecognized arguments: %s",
                   "expected one argument", "%(prog)s: error: %(message)s\n",
                   "invalid choice: %(value)r (choose from %(choices)s)"):
        assert needed in i18n.ARGPARSE_ZH


def test_argparse_is_left_as_it_was_after_a_chinese_parse(monkeypatch):
    from inspector_app.cli.main import build_parser

    monkeypatch.setenv("INSPECTOR_APP_LANG", "zh")
    parser = build_parser()
    parser.parse_args(["site", "list"])
    assert "用法：" in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["site", "list", "--limit"])
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    assert "usage: " in argparse.ArgumentParser(prog="x").format_help()  # others stay English


@pytest.mark.parametrize("args, zh, en", [
    (["hazard", "add"], "缺少必需的参数：--site, --description",
     "the following arguments are required: --site, --description"),
    (["nope"], "无效的选项值 'nope'", "invalid choice: 'nope'"),
    (["site", "list", "--bogus"], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
    (["site", "list", "--limit"], "参数 --limit：需要一个值", "argument --limit: expected one argument"),
    (["hazard", "list", "--level", "huge"], "无效的选项值 'huge'", "invalid choice: 'huge'"),
    (["holidays", "twenty"], "无效的值 'twenty'", "invalid int value: 'twenty'"),
])
def test_usage_errors_in_both_languages(store, args, zh, en):
    _, err = _run(*store, *args, code=2)
    assert err.startswith("用法：") and "：错误：" in err and zh in err, err
    _, err = _run(*store, *args, env=EN, code=2)
    assert err.startswith("usage: ") and ": error: " in err and en in err, err


def test_help_in_both_languages(store):
    out, _ = _run(*store, "hazard", "--help")
    for text in ("用法：", "位置参数：", "选项：", "显示本帮助并退出", "登记隐患", "挂牌督办（主管人员）"):
        assert text in out, out
    assert "show this help" not in out and "record a hazard" not in out
    out, _ = _run(*store, "hazard", "--help", env=EN)
    for text in ("usage: ", "positional arguments:", "options:", "show this help message and exit",
                 "record a hazard"):
        assert text in out, out
    # English, with the Chinese name of a term where officials use it (in brackets)
    assert not CJK.search(re.sub(r"\([^)]*\)", "", out.replace("挂牌督办 is", ""))), out
    out, _ = _run(*store, "--help")
    assert "INSPECTOR_APP_LANG=en" in out and "统计考核数据" in out


def _helps(lang: str, monkeypatch) -> dict[str, str]:
    """Every help text of every command, keyed by where it is."""
    from inspector_app.cli.main import build_parser

    monkeypatch.setenv("INSPECTOR_APP_LANG", lang)
    out: dict[str, str] = {}

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    out[f"{path} {choice.dest}"] = choice.help or ""
                for name, child in action.choices.items():
                    walk(child, f"{path} {name}")
            elif action.help is not argparse.SUPPRESS and action.dest != "help":
                out[f"{path} {'/'.join(action.option_strings) or action.dest}"] = action.help or ""

    walk(build_parser(), "inspector-app")
    return out


# help texts the same in both languages on purpose (codes with their Chinese names)
SAME_IN_BOTH = {"inspector-app hazard escalate --step"}


def test_every_help_string_exists_in_both_languages(monkeypatch):
    zh, en = _helps("zh", monkeypatch), _helps("en", monkeypatch)
    assert zh.keys() == en.keys()
    missing = [k for k, v in zh.items() if not v]
    assert not missing, f"no help: {missing}"
    not_chinese = [k for k, v in zh.items() if not CJK.search(v)]
    assert not not_chinese, f"help not in Chinese: {not_chinese}"
    untranslated = [k for k in zh if zh[k] == en[k] and k not in SAME_IN_BOTH]
    assert not untranslated, f"help the same in English and Chinese: {untranslated}"


# --------------------------------------------------------------------------- tables
def test_cell_width_counts_wide_characters_twice():
    assert i18n.cell_width("消防ab") == 6
    assert i18n.cell_width("ＡＢ") == 4  # full-width letters
    lines = i18n.format_table(["网格", "n"], [["东村第一网格", 9], ["G2", 13]], right=(1,))
    assert [i18n.cell_width(line) for line in lines] == [16, 16, 16, 16]


def _demo(store: list[str]) -> None:
    _run(*store, "demo", "--sites", "12", "--hazards", "30")


def test_stats_is_a_table_with_chinese_headers(store):
    _demo(store)
    out, _ = _run(*store, "stats")
    lines = out.splitlines()
    assert lines[0].startswith("统计（")
    for text in ("项目", "数值", "发现隐患", "整改率", "逾期未整改", "按网格", "网格", "销号",
                 "按行业领域", "按检查人员"):
        assert text in out, out
    assert "hazards_total" not in out and "\t" not in out
    # each table: the header, a rule of dashes, then rows; right-aligned numbers end together
    tables, current = [], []
    for line in lines[1:]:
        if not line.strip() or line.startswith("按"):
            if current:
                tables.append(current)
            current = []
        else:
            current.append(line)
    tables.append(current)
    assert len(tables) >= 3
    for table in tables:
        assert set(table[1].replace(" ", "")) == {"-"}, table
        assert len({i18n.cell_width(line) for line in table}) == 1, table
    figures = json.loads(_run(*store, "stats", "--json")[0])  # --json keeps the codes
    assert "hazards_total" in figures and figures["by_sector"][0]["sector"].isascii()
    out, _ = _run(*store, "stats", env=EN)
    assert "hazards found" in out and "rectification rate" in out and "By grid" in out


def test_check_names_its_checks_in_chinese(store):
    _run(*store, "site", "add", "--name", "兴旺五金厂")
    out, _ = _run(*store, "check")
    assert out.startswith("正常：已检查数据库完整性") and "照片原件" in out
    assert "integrity_check" not in out
    out, _ = _run(*store, "check", env=EN)
    assert out.startswith("ok: database integrity") and "photo originals" in out


def test_holidays_in_chinese(store):
    out, _ = _run(*store, "holidays", "2026")
    assert out.startswith("2026 年：官方安排")
    for text in ("日期", "星期", "节日", "2026-01-01  周四  元旦", "春节", "国庆节"):
        assert text in out, out
    assert "official" not in out and "spring_festival" not in out
    out, _ = _run(*store, "holidays", "2040")
    assert out.startswith("2040 年：按") and "调休安排未知" in out
    out, _ = _run(*store, "holidays", "2026", env=EN)
    assert "2026-01-01  Thu      New Year's Day" in out and "National Day" in out


# --------------------------------------------------------------------------- checklists
def test_checklists_are_named_by_title_and_sector_not_code(store):
    out, _ = _run(*store, "checklist", "list")
    assert "九小场所消防安全检查表" in out and "粉尘涉爆" in out and "检查表" in out.splitlines()[0]
    for slug in ("combustible_dust", "nine_small", "confined_space", "fire_safety"):
        assert slug not in out, out
    listed = json.loads(_run(*store, "checklist", "list", "--json")[0])
    assert {"combustible_dust", "nine_small"} <= {r["code"] for r in listed}  # codes in JSON
    only, _ = _run(*store, "checklist", "list", "--sector", "九小场所")
    assert "九小场所消防安全检查表" in only and "粉尘涉爆企业" not in only
    shown, _ = _run(*store, "checklist", "show", "nine_small")
    assert shown.splitlines()[0] == "九小场所消防安全检查表（v1，九小场所）"
    out, _ = _run(*store, "checklist", "list", env=EN)
    assert "Fire safety checklist for small premises" in out and "nine_small" not in out


def test_site_list_names_sectors_in_chinese(store):
    _run(*store, "site", "add", "--name", "李记小吃店", "--sector", "九小场所", "--sector", "燃气")
    out, _ = _run(*store, "site", "list")
    assert "九小场所、城镇燃气" in out and "nine_small" not in out


def test_list_lines_name_levels_and_statuses(store):
    site = _run(*store, "site", "add", "--name", "东风饭店")[0].strip()
    _run(*store, "hazard", "add", "--site", site, "--description", "燃气软管老化", "--level", "major",
         "--deadline-days", "3", "--found-on", "2026-01-05")
    out, _ = _run(*store, "hazard", "list")
    assert "\t重大隐患\t待通知\t" in out and "major" not in out and "open" not in out
    out, _ = _run(*store, "hazard", "list", env=EN)
    assert "\tmajor\tnot yet notified\t" in out
    assert json.loads(_run(*store, "hazard", "list", "--json")[0])[0]["status"] == "open"
