"""The inspection plan: due and overdue sites by risk colour, moved along with the clock."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import PermissionDenied, ValidationError
from inspector_app.services import inspection_plan, inspections, sites
from inspector_app.services.inspection_plan import add_months
from inspector_app.services.regions import add_region
from inspector_app.services.session import open_session
from tests.helpers import cli


def _status(session, **kw) -> dict[str, tuple[str, str]]:
    return {r.name: (r.status, r.due_on) for r in inspection_plan.plan(session, **kw)}


def _inspect(session, site_id):
    run = inspections.start_inspection(session, inspections.StartInput(site_id=site_id, template_ids=[]))
    inspections.finish_inspection(session, run.id)


@pytest.fixture
def town(session, clock):
    clock.set(datetime.fromisoformat("2026-09-28T12:00:00+00:00"))  # midday: the same date in any zone
    g1 = session.write(lambda tx: add_region(tx, "grid", "东村网格", code="G1"))
    session.write(lambda tx: add_region(tx, "grid", "西村网格", code="G2"))
    ids = {}
    for name, colour, grid in (("红店", "red", "G1"), ("橙店", "orange", "G1"), ("黄店", "yellow", "G2"),
                               ("蓝店", "blue", "G2"), ("未评级", None, "G1")):
        ids[name] = sites.add_site(session, SiteInput(name=name, risk_colour=colour, grid=grid)).id
    session.write(lambda tx: tx.insert("app_user", {"login": "li", "name": "李", "role": "inspector",
                                                    "grid_ids": json.dumps([g1]), "active": 1}))
    return ids


def test_due_and_overdue_follow_the_risk_colour_and_the_clock(session, clock, town):
    # never inspected: all listed at once as a first inspection (never as "due" with a date months
    # away), each overdue after its interval since registration
    assert _status(session) == {
        "红店": ("first", "2026-10-28"), "橙店": ("first", "2026-11-28"), "黄店": ("first", "2026-12-28"),
        "蓝店": ("first", "2027-03-28"), "未评级": ("first", "2027-03-28")}
    assert all(r.status != "due" or r.due_on <= "2026-10-28" for r in inspection_plan.plan(session))
    clock.advance(days=40)  # 2026-11-07
    plan = inspection_plan.plan(session)
    assert plan[0].name == "红店" and (plan[0].status, plan[0].days_overdue) == ("overdue", 10)

    for name in ("红店", "橙店", "黄店", "蓝店"):
        _inspect(session, town[name])
    assert _status(session) == {"红店": ("due", "2026-12-07"), "未评级": ("first", "2027-03-28")}
    every = {r.name: r for r in inspection_plan.plan(session, include_ok=True)}
    assert every["橙店"].status == "ok" and every["橙店"].last_inspected_on == "2026-11-07"

    clock.advance(days=33)  # 2026-12-10
    assert _status(session) == {"红店": ("overdue", "2026-12-07"), "橙店": ("due", "2027-01-07"),
                                "未评级": ("first", "2027-03-28")}
    # an unfinished inspection does not count
    inspections.start_inspection(session, inspections.StartInput(site_id=town["红店"], template_ids=[]))
    assert _status(session)["红店"][0] == "overdue"


def test_inspectors_see_their_grids_and_intervals_are_a_setting(session, town):
    li = open_session(session.store.data_dir, as_user="li", clock=session.clock)
    try:
        assert set(_status(li)) == {"红店", "橙店", "未评级"}
        with pytest.raises(PermissionDenied):
            inspection_plan.set_intervals(li, {"red": 2})
    finally:
        li.close()
    inspection_plan.set_intervals(session, {"red": 2, "unrated": 12})
    assert inspection_plan.get_intervals(session)["red"] == 2
    assert _status(session)["红店"] == ("first", "2026-11-28")
    assert _status(session)["未评级"] == ("first", "2027-09-28")
    with pytest.raises(ValidationError):
        inspection_plan.set_intervals(session, {"purple": 1})
    with pytest.raises(ValidationError):
        inspection_plan.set_intervals(session, {"red": 0})


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 5, 15), 12) == date(2027, 5, 15)


def test_cli_due_json(data_dir):
    store = ["--data-dir", str(data_dir)]
    assert cli(*store, "site", "add", "--name", "红店", "--risk", "red").returncode == 0
    result = cli(*store, "inspection", "due", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["name"], r["status"], r["last_inspected_on"]) for r in rows] == [("红店", "first", None)]
    today = date.today()
    assert rows[0]["due_on"] in {add_months(today + timedelta(days=d), 1).isoformat() for d in (-1, 0, 1)}
