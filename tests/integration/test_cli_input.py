"""What a user types on the command line: dates, numbers, ids, the data folder.

A wrong value is one clear line and a non-zero exit, before anything is stored.
"""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.cli.main import main
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.core.validation import parse_date
from inspector_app.services import hazards, sites
from inspector_app.services.session import open_session


@pytest.fixture
def store(data_dir, clock):
    s = open_session(data_dir, clock=clock)
    try:
        site_id = sites.add_site(s, SiteInput(name="输入测试场所")).id
    finally:
        s.close()
    return data_dir, site_id


def run_cli(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def hazard_count(data_dir) -> int:
    s = open_session(data_dir)
    try:
        return s.store.read().execute("SELECT count(*) FROM hazard").fetchone()[0]
    finally:
        s.close()


# ---------------------------------------------------------------- dates
BAD_DATES = ["20260101", "2026-W05-3", "2026-02-30", "9999-12-31", "1900-01-01", "26-01-05",
             "2026-1-5", "2026-09-01T10:00"]


@pytest.mark.parametrize("option", ["--found-on", "--due-on"])
@pytest.mark.parametrize("value", BAD_DATES)
def test_hazard_dates_must_be_plain_year_month_day(store, capsys, option, value):
    data_dir, site_id = store
    code = run_cli(data_dir, "hazard", "add", "--site", site_id, "--description", "灭火器过期",
                   option, value)
    err = capsys.readouterr().err
    assert code == 1, err
    assert option in err and ("不是有效日期" in err or "年之间" in err)
    assert "Traceback" not in err and "内部错误" not in err
    assert hazard_count(data_dir) == 0


@pytest.mark.parametrize("value", BAD_DATES)
def test_the_date_parser_refuses_what_is_not_yyyy_mm_dd(value):
    with pytest.raises(ValidationError) as err:
        parse_date("found_on", value)
    assert err.value.code == "bad_date"


def test_the_date_parser_keeps_good_dates_and_refuses_far_years_as_objects():
    assert parse_date("d", " 2026-03-05 ") == date(2026, 3, 5)
    assert parse_date("d", "") is None
    assert parse_date("d", date(2100, 12, 31)) == date(2100, 12, 31)
    with pytest.raises(ValidationError):
        parse_date("d", date(9999, 12, 31))


def test_services_refuse_impossible_dates(session):
    site_id = sites.add_site(session, SiteInput(name="服务层场所")).id
    for data in (HazardInput(site_id, "描述", found_on="20260101"),
                 HazardInput(site_id, "描述", found_on="2026-W05-3"),
                 HazardInput(site_id, "描述", due_on="9999-12-31")):
        with pytest.raises(ValidationError):
            hazards.add_hazard(session, data)
    assert session.store.read().execute("SELECT count(*) FROM hazard").fetchone()[0] == 0


def test_the_latest_due_date_can_still_be_extended(store, capsys):
    data_dir, site_id = store
    assert run_cli(data_dir, "hazard", "add", "--site", site_id, "--description", "远期隐患",
                   "--due-on", "2100-12-31") == 0
    hazard_id = capsys.readouterr().out.strip().splitlines()[-1]
    code = run_cli(data_dir, "hazard", "extend", hazard_id, "--days", "3650", "--reason", "延期")
    err = capsys.readouterr().err
    assert code == 0, err
    assert "内部错误" not in err


# ---------------------------------------------------------------- numbers
@pytest.mark.parametrize("args", [
    ("site", "list", "--limit", "-1"),
    ("site", "list", "--limit", "0"),
    ("search", "场所", "--limit", "-1"),
    ("hazard", "list", "--limit", "-5"),
    ("hazard", "list", "--due-within", "-1"),
    ("inspection", "due", "--within", "-3"),
    ("holidays", "99999"),
])
def test_numbers_out_of_range_are_refused_in_one_line(store, capsys, args):
    data_dir, _ = store
    code = run_cli(data_dir, *args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "应为" in err and "之间的整数" in err
    assert "内部错误" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("hazard", "add", "--site", "S", "--description", "x", "--deadline-days", "-1"), "负数"),
    (("hazard", "add", "--site", "S", "--description", "x", "--deadline-days",
      "99999999999999999999"), "超过十年"),
    (("hazard", "set", "H", "--deadline-days", "99999999999999999999"), "超过十年"),
    (("hazard", "notify", "H", "--deadline-days", "-2"), "负数"),
    (("hazard", "extend", "H", "--days", "0", "--reason", "r"), "至少为 1 天"),
    (("hazard", "extend", "H", "--days", "100000", "--reason", "r"), "超过十年"),
])
def test_rectification_periods_are_checked_before_the_store_opens(store, capsys, args, message):
    data_dir, _ = store
    code = run_cli(data_dir, *args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert message in err and "找不到" not in err  # refused before the unknown id is looked up
    assert "内部错误" not in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- the data folder
@pytest.mark.parametrize("value", ["", "   "])
def test_a_blank_data_dir_is_refused_not_the_per_user_store(tmp_path, monkeypatch, capsys, value):
    home = tmp_path / "家 目录"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.delenv("INSPECTOR_APP_DATA", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", value, "site", "list"])
    assert exit_.value.code == 2
    assert "--data-dir" in capsys.readouterr().err
    assert not (home / "share").exists()


def test_a_blank_login_for_as_is_refused_not_the_current_user(store, monkeypatch, capsys):
    data_dir, _ = store
    monkeypatch.delenv("INSPECTOR_APP_LANG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(data_dir), "--as", " ", "user", "whoami"])
    assert exit_.value.code == 2
    assert "不能为空" in capsys.readouterr().err


def test_the_launcher_refuses_a_blank_data_dir_before_the_gui(monkeypatch, capsys):
    from inspector_app.launcher import main as launch

    monkeypatch.delenv("INSPECTOR_APP_LANG", raising=False)  # Chinese, the default
    with pytest.raises(SystemExit) as exit_:
        launch(["--data-dir", ""])
    assert exit_.value.code == 2
    assert "不能为空" in capsys.readouterr().err


# ---------------------------------------------------------------- unknown ids
def test_photos_of_an_unknown_hazard_is_an_error(store, capsys):
    data_dir, _ = store
    code = run_cli(data_dir, "photos", "list", "UNKNOWN")
    captured = capsys.readouterr()
    assert code == 1
    assert "找不到隐患" in captured.err and captured.out == ""


@pytest.mark.parametrize("args", [
    ("site", "show", "NOPE"), ("hazard", "show", "NOPE"), ("inspection", "show", "NOPE"),
    ("campaign", "show", "NOPE"), ("campaign", "verify", "NOPE"), ("checklist", "show", "NOPE"),
    ("report-public", "show", "NOPE"), ("photos", "list", "NOPE"),
])
def test_every_show_of_an_unknown_id_says_not_found(store, capsys, args):
    data_dir, _ = store
    code = run_cli(data_dir, *args)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "找不到" in err
