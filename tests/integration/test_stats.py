"""Statistics, dashboard panels and the overdue notification on a small known data set."""

from __future__ import annotations

import json

import pytest

from inspector_app.services import dashboard, notifications, overdue_rule, rectification, stats
from tests.lifecycle_helpers import make_town


@pytest.fixture
def town(session):
    """Clock 2026-09-28. G1 (li): h1 closed, h2 overdue (gas site), h3 major listed and reported
    done. G2 (zhao): h4 open, h5 closed, h7 due 09-30. Inspections: li 2 (s1, s2), zhao 1 (s3)
    plus one still in progress."""
    t = make_town(session)
    t.h1 = t.hazard(t.li, t.s1, factor="管", measure_type="管理防")
    rectification.notify(t.li, t.h1)
    rectification.close(t.li, t.h1, opinion="已整改")
    t.h2 = t.hazard(t.li, t.s2, deadline_days=3, found_on="2026-09-01", factor="机")
    rectification.notify(t.li, t.h2, served_on="2026-09-01")
    t.h3 = t.major_ready(deadline_days=5)
    rectification.notify(t.li, t.h3)
    rectification.list_hazard(t.wang, t.h3, reason="重大隐患")
    rectification.report_done(t.li, t.h3)
    t.h4 = t.hazard(t.zhao, t.s3, deadline_days=30)
    t.h5 = t.hazard(t.zhao, t.s3)
    rectification.notify(t.zhao, t.h5)
    rectification.close(t.zhao, t.h5, opinion="已整改")
    t.h7 = t.hazard(t.zhao, t.s3, deadline_days=2)

    def inspections(tx):
        for user, site, status in ((t.li, t.s1, "finished"), (t.li, t.s2, "finished"),
                                   (t.zhao, t.s3, "finished"), (t.zhao, t.s3, "in_progress")):
            tx.insert("inspection", {"site_id": site, "inspector_ids": json.dumps([user.user.id]),
                                     "kind": "patrol", "started_at": "2026-09-28T01:00:00.000Z",
                                     "ended_at": "2026-09-28T01:30:00.000Z",
                                     "status": status})

    session.write(inspections)
    return t


def test_stats_figures(town):
    s = stats.stats(town.wang)
    assert (s["hazards_total"], s["hazards_closed"], s["overdue"], s["major_open"], s["major_listed"]) == (
        6, 2, 1, 1, 1)
    assert s["rectification_rate"] == 0.3333
    assert s["by_level"]["general"]["found"] == 5 and s["by_level"]["general"]["closed"] == 2
    assert s["by_level"]["major"] == {"found": 1, "closed": 0, "overdue": 0, "major_open": 1,
                                      "major_listed": 1, "rectification_rate": 0.0}
    grids = {g["grid"]: g for g in s["by_grid"]}
    assert (grids["东村第一网格"]["found"], grids["东村第一网格"]["closed"], grids["东村第一网格"]["overdue"]) == (3, 1, 1)
    assert (grids["西村第一网格"]["found"], grids["西村第一网格"]["rectification_rate"]) == (3, 0.3333)
    sectors = {x["sector"]: x for x in s["by_sector"]}
    assert (sectors["nine_small"]["found"], sectors["gas"]["found"], sectors["gas"]["overdue"]) == (5, 1, 1)
    assert s["by_factor"]["管"] == 1 and s["by_factor"]["机"] == 1 and s["by_measure_type"]["管理防"] == 1
    people = {p["login"]: p for p in s["by_inspector"]}
    assert (people["li"]["hazards_found"], people["li"]["inspections"]) == (3, 2)
    assert (people["zhao"]["hazards_found"], people["zhao"]["inspections"]) == (3, 1)
    assert (s["inspections_total"], s["sites_covered"], s["sites_total"]) == (3, 3, 3)


def test_stats_of_an_inspector_cover_their_grids(town):
    s = stats.stats(town.li)
    assert (s["hazards_total"], s["hazards_closed"], s["overdue"], s["scope"]) == (3, 1, 1, "mine")
    assert [g["grid"] for g in s["by_grid"]] == ["东村第一网格"]
    assert (s["inspections_total"], s["sites_covered"], s["sites_total"]) == (2, 2, 2)


def test_stats_for_a_period(town):
    s = stats.stats(town.wang, found_from="2026-09-10", found_to="2026-09-28")
    assert s["hazards_total"] == 5 and s["overdue"] == 0
    assert stats.stats(town.wang, found_to="2026-09-02")["hazards_total"] == 1


def test_dashboard_mine_and_all(town):
    board = dashboard.dashboard(town.wang)
    assert (board.overdue.count, board.due_soon.count, board.awaiting_recheck.count,
            board.major_supervised.count, board.recheck_due.count) == (1, 1, 1, 1, 1)
    assert [r.id for r in board.overdue.rows] == [town.h2]
    assert [r.id for r in board.due_soon.rows] == [town.h7]
    assert board.recheck_due.rows[0].recheck_due == "2026-10-08"  # 10 days from the report
    assert board.major_supervised.rows[0].listed
    li = dashboard.dashboard(town.li)
    assert (li.overdue.count, li.due_soon.count) == (1, 0)
    zhao = dashboard.dashboard(town.zhao)
    assert (zhao.overdue.count, zhao.due_soon.count, zhao.major_supervised.count) == (0, 1, 0)
    assert isinstance(board.sites_due.available, bool)


def test_dashboard_panels_limit_rows_but_count_all(town):
    panel = dashboard.due_soon(town.wang, days=60, limit=1)
    assert panel.count == 2 and len(panel.rows) == 1  # h4 (10-28), h7 (09-30); h3 awaits re-check
    assert panel.rows[0].id == town.h7


def test_new_overdue_since(town, clock):
    # h7's deadline is provisional (no notice served): it makes nothing overdue by default
    clock.advance(days=3)
    assert notifications.new_overdue_since(town.wang, "2026-09-28").count == 0
    clock.advance(days=-3)
    overdue_rule.set_counts_provisional(town.admin, True)  # this township chases unserved ones too
    assert notifications.new_overdue_since(town.wang, None).count == 1
    assert notifications.new_overdue_since(town.wang, "2026-09-01").count == 1
    assert notifications.new_overdue_since(town.wang, "2026-09-05").count == 0
    assert notifications.should_check(town.wang)
    news = notifications.check_and_mark(town.wang)
    assert news is not None and news.count == 1 and "逾期" in news.message()
    assert notifications.check_and_mark(town.wang) is None  # once a day
    clock.advance(days=3)  # 10-01: h7 (due 09-30) became overdue
    news = notifications.check_and_mark(town.wang)
    assert news.since.isoformat() == "2026-09-28" and [r.id for r in news.rows] == [town.h7]
    assert news.message("en") == "1 hazard(s) became overdue since 2026-09-28"
    assert notifications.new_overdue_since(town.li, "2026-09-28").count == 0  # not in li's grids


def _same_as_counted_live(session, who) -> None:
    """The trigger-kept tally equals a fresh count, and the statistics read from it equal
    the statistics grouped from the hazard rows (a period covering everything)."""
    from inspector_app.services.check import tally_problems

    assert tally_problems(session.store.read()) == []
    fast = stats.stats(who)
    slow = stats.stats(who, found_from="2000-01-01", found_to="2099-12-31")
    fast.pop("period"), slow.pop("period")
    assert fast == slow


def test_the_statistics_tally_follows_every_kind_of_change(town, session):
    from inspector_app.services import hazards, sites

    _same_as_counted_live(session, town.wang)
    _same_as_counted_live(session, town.li)  # an inspector: their grids only
    rectification.escalate(town.wang, town.h2, step="reminder", reason="逾期未整改")
    rectification.reopen(town.li, town.h1, reason="复查发现反弹", deadline_days=5)
    _same_as_counted_live(session, town.wang)
    hazards.delete_hazard(town.wang, town.h4)
    _same_as_counted_live(session, town.wang)
    hazards.restore_hazard(town.wang, town.h4)
    sites.delete_site(town.wang, town.s3)  # its hazards go with it (deleted = 2)
    _same_as_counted_live(session, town.wang)
    assert stats.stats(town.wang)["hazards_total"] == 3
    sites.restore_site(town.wang, town.s3)
    _same_as_counted_live(session, town.wang)
    assert stats.stats(town.wang)["hazards_total"] == 6


def test_check_reports_a_tally_that_drifted(town, session):
    from inspector_app.services.check import check_store

    assert check_store(session).ok
    session.write(lambda tx: tx.conn.execute("UPDATE hazard_tally SET n = n + 1 WHERE rowid = (SELECT min(rowid) FROM hazard_tally)"))
    report = check_store(session)
    assert any("statistics tally" in p for p in report.problems)


def test_an_inspectors_inspections_count_their_grids_and_their_own_visits_elsewhere(town, session):
    """li (grid G1) joined zhao at a G2 site: counted for li once, with the site covered."""
    def co_inspection(tx):
        tx.insert("inspection", {"site_id": town.s3, "kind": "patrol", "status": "finished",
                                 "inspector_ids": json.dumps([town.zhao.user.id, town.li.user.id]),
                                 "started_at": "2026-09-27T01:00:00.000Z",
                                 "ended_at": "2026-09-27T02:00:00.000Z"})

    session.write(co_inspection)
    s = stats.stats(town.li)
    assert (s["inspections_total"], s["sites_covered"], s["sites_total"]) == (3, 3, 2)
    people = {p["login"]: p["inspections"] for p in s["by_inspector"]}
    assert people["li"] == 3 and people["zhao"] == 1
    assert stats.stats(town.li, found_from="2026-09-01", found_to="2026-09-30")["inspections_total"] == 3
    assert stats.stats(town.li, found_from="2026-09-28", found_to="2026-09-30")["inspections_total"] == 2
