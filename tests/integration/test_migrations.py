"""Each migration upgrades a store made by the version before it."""

from __future__ import annotations

import sqlite3

from inspector_app.core.entities import SiteInput
from inspector_app.services import search, sites
from inspector_app.services.session import open_session
from inspector_app.store import search_index
from inspector_app.store.migrations import SCHEMA_VERSION, migrate
from inspector_app.store.store import Store
from tests.helpers import undo_sync_ready


def test_version_1_store_upgrades_to_2_and_indexes_existing_rows(data_dir, clock):
    # a store as version 1 made it (no search index yet), with a row in it
    store = Store.open(data_dir, clock=clock, target_version=1)

    def add(tx):
        tx.insert("site", {"name": "消防器材店", "sectors": "[]"})

    store.write(add)
    store.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0] == 0
    conn.close()

    s = open_session(data_dir, clock=clock)
    try:
        assert s.store.schema_version == SCHEMA_VERSION
        hits = search.search(s, "消防")
        assert [h.title for h in hits] == ["消防器材店"]
        # the old file was kept before the upgrade
        assert list((data_dir / "backups").glob("before-schema-2-*.db"))
        # triggers regenerated: new rows get ops and index entries
        sites.add_site(s, SiteInput(name="消防站"))
        assert len(search.search(s, "消防")) == 2
    finally:
        s.close()


def test_a_failing_migration_leaves_the_store_as_it_was(data_dir, clock, monkeypatch):
    store = Store.open(data_dir, clock=clock, target_version=1)
    store.close()
    from inspector_app.store import migrations

    def broken(conn):
        search_index.create(conn)
        raise RuntimeError("power cut during upgrade")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    conn = sqlite3.connect(data_dir / "inspector.db", isolation_level=None)
    try:
        migrate(conn, 1, 2)
    except RuntimeError:
        pass
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0] == 0
    conn.close()


def test_version_5_store_gets_the_running_hazards_due_date_index(data_dir, clock):
    store = Store.open(data_dir, clock=clock, target_version=5)
    store.close()
    s = open_session(data_dir, clock=clock)
    try:
        conn = s.store.read()
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'hazard_active_due'").fetchone()[0] == 1
    finally:
        s.close()


def test_version_6_store_gets_the_statistics_tally_filled(data_dir, clock):
    from inspector_app.core.entities import HazardInput
    from inspector_app.services.hazards import add_hazard

    s = open_session(data_dir, clock=clock)
    try:
        site = sites.add_site(s, SiteInput(name="五金店", sectors=("small_places",))).id
        for text in ("灭火器过期", "疏散通道堵塞"):
            add_hazard(s, HazardInput(site_id=site, description=text, level="general"))
    finally:
        s.close()
    # take the store back to what version 6 had: no tally, no plan indexes
    conn = sqlite3.connect(data_dir / "inspector.db")
    for name in ("tally_hazard_insert", "tally_hazard_delete", "tally_hazard_update_old",
                 "tally_hazard_update_new"):
        conn.execute(f"DROP TRIGGER {name}")
    for name in ("inspection_last_finished", "hazard_without_sector"):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DROP TABLE hazard_tally")
    undo_sync_ready(conn)  # and version 10's
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    s = open_session(data_dir, clock=clock)
    try:
        conn = s.store.read()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT sum(n) FROM hazard_tally").fetchone()[0] == 2
        for name in ("inspection_last_finished", "hazard_without_sector", "tally_hazard_insert"):
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0] == 1
    finally:
        s.close()


def test_the_schema_version_is_the_last_migration():
    from inspector_app.store.migrations import MIGRATIONS
    from inspector_app.store.version import SCHEMA_VERSION as written

    assert written == max(MIGRATIONS) == SCHEMA_VERSION


def test_version_7_store_gets_the_inspections_by_site_index(data_dir, clock):
    store = Store.open(data_dir, clock=clock, target_version=7)
    store.close()
    s = open_session(data_dir, clock=clock)
    try:
        conn = s.store.read()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 8
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'inspection_site_cover'").fetchone()[0] == 1
    finally:
        s.close()
