"""The trigger-kept inspection schedule and inspection tally (migration 9), and the
dashboard's "sites due" read from them: checked against a plain re-computation from the
sites and inspections after every kind of change, ties included."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from inspector_app.core.entities import RISK_COLOURS, SiteInput
from inspector_app.services import dashboard, inspection_plan, inspections, sites, stats
from inspector_app.services.check import check_store, schedule_problems, tally_problems
from inspector_app.services.inspection_plan import add_months, local_date
from inspector_app.services.regions import add_region
from inspector_app.services.session import Session, load_user, open_session
from inspector_app.store.collation import sort_key
from inspector_app.store.version import SCHEMA_VERSION
from tests.helpers import undo_sync_ready

NEW_INDEXES = ("hazard_active_groups", "hazard_major_active", "hazard_recheck_window",
               "hazard_awaiting_recheck")
NAMES = ["甲五金店", "乙餐馆", "丙网吧", "丁仓库", "戊加油站", "己幼儿园", "庚出租屋", "辛作坊", "壬超市", "癸宾馆"]


def reference_plan(session: Session, today: date, within_days: int = 30) -> list[tuple]:
    """The plan computed the slow, obvious way: every site, all its inspections."""
    conn = session.store.read()
    intervals = inspection_plan.get_intervals(session)
    horizon = today + timedelta(days=within_days)
    user = session.user
    rows = []
    for site_id, name, colour, created, grid in conn.execute(
            "SELECT id, name, risk_colour, created_at, grid_id FROM site WHERE deleted = 0"):
        if user.role == "inspector" and grid not in user.grid_ids:
            continue
        ends = [e for (e,) in conn.execute(
            "SELECT ended_at FROM inspection WHERE site_id = ? AND status = 'finished'"
            " AND deleted = 0", (site_id,))]
        last = max(ends) if ends else None
        months = intervals[colour if colour in RISK_COLOURS else "unrated"]
        due = add_months(local_date(last or created), months)
        status = "overdue" if due < today else "first" if last is None else "due" if due <= horizon else "ok"
        if status != "ok":
            rows.append(({"overdue": 0, "due": 1, "first": 1}[status], due.isoformat(), sort_key(name), site_id,
                         status, name))
    return [(r[4], r[1], r[5], r[3]) for r in sorted(rows)]  # names in pinyin order


def _plain(rows) -> list[tuple]:
    return [(r.status, r.due_on, r.name, r.site_id) for r in rows]


def assert_consistent(session: Session, today: date) -> None:
    assert schedule_problems(session.store.read()) == tally_problems(session.store.read()) == []
    expected = reference_plan(session, today)
    assert _plain(inspection_plan.plan(session, today=today)) == expected
    assert inspection_plan.due_count(session, today=today) == len(expected)
    for limit in (1, 2, 3, 5, 50):
        assert _plain(inspection_plan.first_due(session, limit=limit, today=today)) == expected[:limit]


def _finish(session: Session, site_id: str) -> str:
    run = inspections.start_inspection(session, inspections.StartInput(site_id=site_id, template_ids=[]))
    inspections.finish_inspection(session, run.id)
    return run.id


@pytest.fixture
def grids(session):
    return [session.write(lambda tx, n=n: add_region(tx, "grid", f"第{n}网格", code=f"G{n}"))
            for n in (1, 2)]


def test_every_change_keeps_the_schedule_exact(session, clock, grids):
    rng = random.Random(7)
    clock.set(datetime.fromisoformat("2026-01-01T04:00:00+00:00"))
    # red sites inspected on Jan 29, 30 and 31 are all due again on Feb 28; their names sort
    # the other way round, so only a plan that takes every tie by name gets them right
    trio = {day: sites.add_site(session, SiteInput(name=name, risk_colour="red", grid="G1")).id
            for day, name in ((29, "红甲"), (30, "红乙"), (31, "红丙"))}
    for day, site_id in trio.items():
        clock.set(datetime.fromisoformat(f"2026-01-{day}T04:00:00+00:00"))
        _finish(session, site_id)
    clock.set(datetime.fromisoformat("2026-02-10T04:00:00+00:00"))
    ids = list(trio.values())
    # a register import's worth of sites on one day: one due day per colour, names decide
    for i, name in enumerate(NAMES):
        colour = (*RISK_COLOURS, None)[i % 5]
        ids.append(sites.add_site(session, SiteInput(name=name, risk_colour=colour,
                                                     grid=f"G{i % 2 + 1}")).id)
    assert [r.name for r in inspection_plan.first_due(session, limit=1, today=date(2026, 3, 1))] == ["红丙"]
    for today in (date(2026, 2, 10), date(2026, 3, 1), date(2026, 3, 11), date(2026, 8, 11)):
        assert_consistent(session, today)

    clock.set(datetime.fromisoformat("2026-04-10T04:00:00+00:00"))
    done = [_finish(session, site_id) for site_id in rng.sample(ids, 6)]
    unfinished = inspections.start_inspection(session, inspections.StartInput(site_id=ids[0], template_ids=[]))
    assert_consistent(session, date(2026, 5, 1))

    # colour and grid changes, a site deleted and restored
    sites.update_site(session, ids[1], SiteInput(name=NAMES[1], risk_colour="red", grid="G2"))
    sites.delete_site(session, ids[2])
    assert_consistent(session, date(2026, 5, 1))
    sites.restore_site(session, ids[2])
    assert_consistent(session, date(2026, 7, 1))

    # what a sync may do: tombstone a finished inspection, move one to another site
    session.write(lambda tx: tx.update("inspection", done[0], {"deleted": 1}))
    session.write(lambda tx: tx.update("inspection", done[1], {"site_id": ids[3]}))
    inspections.discard_inspection(session, unfinished.id)
    for today in (date(2026, 5, 1), date(2026, 10, 1), date(2027, 6, 1)):
        assert_consistent(session, today)


def test_an_inspector_sees_the_schedule_of_their_grids(session, clock, grids):
    for i, name in enumerate(NAMES):
        sites.add_site(session, SiteInput(name=name, risk_colour=("red", "blue")[i % 2], grid=f"G{i % 2 + 1}"))
    session.write(lambda tx: tx.insert("app_user", {"login": "li", "name": "李", "role": "inspector",
                                                    "grid_ids": json.dumps([grids[0]]), "active": 1}))
    li = Session(session.store, load_user(session.store, "li"))
    today = date(2026, 11, 1)
    assert_consistent(li, today)
    due = dashboard.sites_due_for_inspection(li, limit=3)
    assert due.count == 5 and [r.name for r in due.rows] == [r[2] for r in reference_plan(li, today)[:3]]
    assert {r.grid_id for r in inspection_plan.plan(li, today=today)} == {grids[0]}


def test_check_reports_a_schedule_or_tally_that_drifted(session, grids):
    site = sites.add_site(session, SiteInput(name="五金店", risk_colour="red", grid="G1")).id
    _finish(session, site)
    assert check_store(session).ok
    session.write(lambda tx: tx.conn.execute("UPDATE site_schedule SET base_at = '2000-01-01'"))
    assert any("inspection schedule" in p for p in check_store(session).problems)
    session.write(lambda tx: tx.conn.execute(
        "UPDATE site_schedule SET base_at = (SELECT ended_at FROM inspection)"))
    assert check_store(session).ok
    session.write(lambda tx: tx.conn.execute("UPDATE inspection_tally SET n = 5"))
    assert any("inspection tally" in p for p in check_store(session).problems)


def test_inspection_figures_from_the_tally_equal_a_live_count(session, clock, grids):
    """Without a period the statistics read the tally; an all-time period reads the
    inspections themselves: both must agree (co-inspectors, discarded and deleted ones)."""
    ids = [sites.add_site(session, SiteInput(name=n, grid=f"G{i % 2 + 1}")).id for i, n in enumerate(NAMES)]
    session.write(lambda tx: tx.insert("app_user", {"login": "li", "name": "李", "role": "inspector",
                                                    "grid_ids": json.dumps([grids[0]]), "active": 1}))
    li = Session(session.store, load_user(session.store, "li"))
    for site_id in ids[:6]:
        _finish(session, site_id)
    for site_id in ids[::4]:  # G1 sites, li's grid
        _finish(li, site_id)
    co = session.write(lambda tx: tx.insert("inspection", {
        "site_id": ids[1], "kind": "patrol", "status": "finished",
        "inspector_ids": json.dumps([session.user.id, li.user.id]),
        "started_at": "2026-09-27T01:00:00.000Z", "ended_at": "2026-09-27T02:00:00.000Z"}))
    session.write(lambda tx: tx.update("inspection", co, {"deleted": 1}))
    session.write(lambda tx: tx.insert("inspection", {
        "site_id": ids[3], "kind": "patrol", "status": "finished",
        "inspector_ids": json.dumps([session.user.id, li.user.id]),
        "started_at": "2026-09-27T01:00:00.000Z", "ended_at": "2026-09-27T02:00:00.000Z"}))
    keys = ("inspections_total", "sites_covered", "sites_total", "by_inspector")
    for who in (session, li):
        tallied = stats.stats(who)
        live = stats.stats(who, found_from="2000-01-01")
        assert {k: tallied[k] for k in keys} == {k: live[k] for k in keys}
        assert tallied["inspections_total"] > 0


def test_a_version_8_store_gets_the_schedule_and_the_tally(data_dir, clock):
    s = open_session(data_dir, clock=clock)
    try:
        s.write(lambda tx: add_region(tx, "grid", "东村网格", code="G1"))
        site = sites.add_site(s, SiteInput(name="五金店", risk_colour="red", grid="G1")).id
        sites.add_site(s, SiteInput(name="餐馆", grid="G1"))
        _finish(s, site)
    finally:
        s.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                " AND (name LIKE 'schedule_%' OR name LIKE 'tally_inspection_%'"
                                " OR name LIKE 'tally_hazard_class_%')").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE site_schedule")
    conn.execute("DROP TABLE inspection_tally")
    conn.execute("DROP TABLE hazard_class_tally")
    for index in NEW_INDEXES:
        conn.execute(f"DROP INDEX {index}")
    undo_sync_ready(conn)  # and version 10's
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    s = open_session(data_dir, clock=clock)
    try:
        conn = s.store.read()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 9
        assert tuple(conn.execute("SELECT count(*), sum(inspected) FROM site_schedule").fetchone()) == (2, 1)
        assert conn.execute("SELECT sum(n) FROM inspection_tally").fetchone()[0] == 1
        assert schedule_problems(conn) == tally_problems(conn) == []
        assert conn.execute("SELECT count(*) FROM hazard_class_tally").fetchone()[0] == 0
        for index in NEW_INDEXES:
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0] == 1
    finally:
        s.close()
