"""Migration 4 (campaign, inspection.template_ids, inspection_result.hazard_id) upgrades a
store made by version 3, and ends with the same schema as a store created fresh."""

from __future__ import annotations

import json
import sqlite3

from inspector_app.core.entities import SiteInput
from inspector_app.services import campaigns, inspection_views, inspections, sites
from inspector_app.services.session import open_session
from inspector_app.store.store import Store

TABLES = ("campaign", "inspection", "inspection_result")
CAMPAIGN_COLUMNS = ("name", "sector", "grid_id", "starts_on", "ends_on", "notes", "seed",
                    "site_pool", "inspector_pool", "drawn_sites", "drawn_inspectors", "drawn_at",
                    "drawn_by")  # as migration 4 created them


def _shape(conn: sqlite3.Connection) -> dict[str, object]:
    shape: dict[str, object] = {}
    for table in TABLES:
        shape[table] = sorted(tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({table})"))
        shape[f"{table} indexes"] = sorted(
            (r[1], tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")))
            for r in conn.execute(f"PRAGMA index_list({table})"))
    return shape


def test_version_3_store_upgrades_to_the_fresh_schema(data_dir, clock, tmp_path):
    # migrations are frozen SQL: stopping at 3 builds the schema version 3 had
    old = Store.open(data_dir, clock=clock, target_version=3)
    old.write(lambda tx: tx.insert("site", {"name": "老店", "sectors": '["gas"]'}))
    old.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'campaign'").fetchone()[0] == 0
    assert "template_ids" not in [r[1] for r in conn.execute("PRAGMA table_info(inspection)")]
    conn.close()

    s = open_session(data_dir, clock=clock)
    try:
        assert s.store.schema_version >= 4
        assert list((data_dir / "backups").glob("before-schema-4-*.db"))
        # the new table and columns work, and the regenerated triggers log them
        site = sites.list_sites(s)[0].id
        cid = campaigns.create_campaign(s, campaigns.CampaignInput(
            name="燃气", sector="gas", starts_on="2026-11-01", ends_on="2026-11-30")).id
        assert campaigns.draw(s, cid, sites=1, inspectors=0).sites == [site]
        run = inspections.start_inspection(s, inspections.StartInput(
            site_id=site, template_ids=["gas_catering"], campaign_id=cid)).id
        rec = inspections.record_result(s, run, "GS-01", "hazard")
        assert inspection_views.get_inspection(s, run)["templates"][0]["items"][0]["hazard_id"] == rec.hazard_id
        ops = {(r[0], r[1]) for r in s.store.read().execute("SELECT tbl, op FROM oplog")}
        assert {("campaign", "insert"), ("campaign", "update"), ("inspection", "insert")} <= ops
        fields = json.loads(s.store.read().execute(
            "SELECT fields_json FROM oplog WHERE tbl = 'inspection_result' ORDER BY seq DESC").fetchone()[0])
        assert fields["hazard_id"] == rec.hazard_id
        upgraded = _shape(s.store.read())
    finally:
        s.close()

    fresh = open_session(tmp_path / "fresh", clock=clock)
    try:
        assert _shape(fresh.store.read()) == upgraded
        cols = [r[1] for r in fresh.store.read().execute("PRAGMA table_info(campaign)")]
        assert set(CAMPAIGN_COLUMNS) <= set(cols)
        sites.add_site(fresh, SiteInput(name="新店"))
    finally:
        fresh.close()
