"""Migration 5 (rectification lifecycle) upgrades a store made by the version before it."""

from __future__ import annotations

import sqlite3

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import hazards, public_reports, rectification, sites
from inspector_app.services.session import open_session
from inspector_app.store.migrations import MIGRATIONS, SCHEMA_VERSION
from inspector_app.store.store import Store

PREVIOUS = max(v for v in MIGRATIONS if v < 5)
NEW_TABLES = ("public_report", "assigned_task")  # what migration 5 created


def _shape(path):
    conn = sqlite3.connect(path)
    try:
        tables = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
                  for t in ("hazard", *NEW_TABLES, "public_report_reporter")}
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")}
        return tables, indexes
    finally:
        conn.close()


def _old_store(data_dir, clock):
    """A store as the version before 5 made it (migrations are frozen SQL: stopping at 4
    builds that schema, without the lifecycle tables and columns)."""
    store = Store.open(data_dir, clock=clock, target_version=PREVIOUS)

    def add(tx):
        site = tx.insert("site", {"name": "老数据场所", "sectors": '["gas"]'})
        hazard = tx.insert("hazard", {"site_id": site, "description": "老隐患", "level": "general",
                                      "status": "open", "found_on": "2026-09-20", "deadline_days": 3,
                                      "due_date": "2026-09-23", "level_confirmed": 1})
        tx.insert("hazard_event", {"hazard_id": hazard, "kind": "recorded", "at": tx.now_iso,
                                   "data": '{"due_date": "2026-09-23", "level": "general"}'})
        major = tx.insert("hazard", {"site_id": site, "description": "老重大隐患", "level": "major",
                                     "status": "awaiting_recheck", "found_on": "2026-09-20",
                                     "due_date": "2026-09-25", "level_confirmed": 1})
        for kind, data in (("recorded", '{"level": "major"}'),
                           ("notified", '{"served_on": "2026-09-20", "due_date": "2026-09-25"}'),
                           ("reported_done", "{}")):  # before v5 a report carried no day
            tx.insert("hazard_event", {"hazard_id": major, "kind": kind, "at": tx.now_iso, "data": data})
        return hazard, major

    old, old_major = store.write(add)
    store.close()
    return old, old_major


def test_previous_version_upgrades_to_5(data_dir, clock, tmp_path):
    old, old_major = _old_store(data_dir, clock)
    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == PREVIOUS
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'public_report'").fetchone()[0] == 0
    conn.close()

    s = open_session(data_dir, clock=clock)
    try:
        assert s.store.schema_version == SCHEMA_VERSION >= 5
        assert list((data_dir / "backups").glob(f"before-schema-{PREVIOUS + 1}-*.db"))
        # derived columns of old rows are backfilled (the report's day from its time, China)
        row = hazards.get_hazard(s, old_major)
        assert (row.reported_on, row.recheck_due) == ("2026-09-28", "2026-10-08")
        assert hazards.hazard_details(s, old)["sector"] == "gas"
        # old rows carry on through the lifecycle, new tables get oplog entries
        rectification.notify(s, old, served_on="2026-09-28")
        rectification.report_done(s, old)
        assert hazards.get_hazard(s, old).reported_on == "2026-09-28"
        rid = public_reports.add_report(s, public_reports.ReportInput(channel="12350", content="举报",
                                                                      reporter_name="某人")).id
        ops = s.store.read().execute("SELECT count(*) FROM oplog WHERE tbl = 'public_report' AND row_id = ?",
                                     (rid,)).fetchone()[0]
        assert ops == 1
        site = sites.add_site(s, SiteInput(name="新场所")).id
        hazards.add_hazard(s, HazardInput(site_id=site, description="新隐患", deadline_days=3))
    finally:
        s.close()

    # a fresh store ends with the same tables, columns and indexes
    fresh = tmp_path / "fresh"
    open_session(fresh, clock=clock).close()
    assert _shape(data_dir / "inspector.db") == _shape(fresh / "inspector.db")


def test_migration_5_backfill_changes_nothing_when_run_again(data_dir, clock):
    """The backfill fills only what an older store lacks: on a current store it is a no-op."""
    old, _ = _old_store(data_dir, clock)
    open_session(data_dir, clock=clock).close()
    conn = sqlite3.connect(data_dir / "inspector.db", isolation_level=None)
    try:
        from inspector_app.store import search_index
        from inspector_app.store.migration_lifecycle import backfill_derived

        search_index.register(conn)  # as migrate() does: the index triggers call it
        before = _shape(data_dir / "inspector.db"), conn.execute("SELECT * FROM hazard").fetchall()
        conn.execute("BEGIN")
        backfill_derived(conn)
        conn.execute("COMMIT")
        assert (_shape(data_dir / "inspector.db"), conn.execute("SELECT * FROM hazard").fetchall()) == before
        assert conn.execute("SELECT sector FROM hazard WHERE id = ?", (old,)).fetchone()[0] == "gas"
    finally:
        conn.close()
