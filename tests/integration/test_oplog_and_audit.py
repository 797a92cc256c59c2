"""Sync-readiness: every change makes an op, remote applies stay silent, audit chains hold."""

from __future__ import annotations

import json
import sqlite3

import pytest

from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.services import check, hazards, sites
from inspector_app.store.schema import SYNCED_TABLES


def _ops(session, table=None):
    sql = "SELECT tbl, row_id, op, fields_json, hlc, base_hlc, device_id FROM oplog"
    rows = session.store.read().execute(sql + " ORDER BY seq").fetchall()
    return [dict(r) for r in rows if table is None or r["tbl"] == table]


def test_every_synced_table_has_its_triggers(session):
    names = {r[0] for r in session.store.read().execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in SYNCED_TABLES:
        for kind in ("insert", "update", "delete", "stamp"):
            assert f"oplog_{table}_{kind}" in names


def test_insert_update_delete_make_ops_with_base_hlc(session):
    saved = sites.add_site(session, SiteInput(name="东村五金厂", address="东村 1 号"))
    row = sites.get_site(session, saved.id)
    sites.update_site(session, saved.id, SiteInput(name="东村五金加工厂", address="东村 1 号"))
    ops = _ops(session, "site")
    insert, update = ops[-2], ops[-1]
    assert insert["op"] == "insert" and json.loads(insert["fields_json"])["name"] == "东村五金厂"
    assert update["op"] == "update"
    changed = json.loads(update["fields_json"])
    assert changed["name"] == "东村五金加工厂"
    assert "address" not in changed  # only what changed travels
    assert update["base_hlc"] == insert["hlc"] and update["hlc"] > insert["hlc"]
    assert update["device_id"] == session.store.device_id
    assert row.name == "东村五金厂"


def test_hlc_is_monotonic_even_if_the_clock_goes_back(session, clock):
    first = sites.add_site(session, SiteInput(name="甲"))
    clock.advance(hours=-5)
    second = sites.add_site(session, SiteInput(name="乙"))
    hlcs = [o["hlc"] for o in _ops(session, "site") if o["row_id"] in (first.id, second.id)]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 2


def test_an_update_without_a_new_hlc_is_refused(session):
    saved = sites.add_site(session, SiteInput(name="丙"))

    def sneaky(tx):
        tx.conn.execute("UPDATE site SET name = 'x' WHERE id = ?", (saved.id,))

    with pytest.raises(sqlite3.IntegrityError):
        session.write(sneaky)
    assert sites.get_site(session, saved.id).name == "丙"


def test_remote_ops_are_applied_silently(session):
    before = len(_ops(session))

    def apply_remote(tx):
        with tx.applying_remote():
            tx.conn.execute(
                "INSERT INTO site (id, name, sectors, created_at, updated_at, device_id, hlc, deleted)"
                " VALUES ('remote-1', '远端场所', '[]', 'x', 'x', 'other-device', '0000000000010000-other', 0)"
            )
            tx.conn.execute(
                "UPDATE site SET name = '远端场所2', hlc = '0000000000020000-other' WHERE id = 'remote-1'"
            )

    session.write(apply_remote)
    assert len(_ops(session)) == before
    assert sites.get_site(session, "remote-1").name == "远端场所2"
    # and the guard is down again afterwards: local writes are recorded
    sites.add_site(session, SiteInput(name="本地场所"))
    assert len(_ops(session)) > before


def test_a_failed_remote_apply_leaves_the_guard_down(session):
    def broken(tx):
        with tx.applying_remote():
            raise RuntimeError("bundle went bad half way")

    with pytest.raises(RuntimeError):
        session.write(broken)
    assert session.store.read().execute("SELECT applying FROM sync_guard").fetchone()[0] == 0


def test_hazard_events_and_status_are_logged(session):
    site = sites.add_site(session, SiteInput(name="李记小吃店"))
    h = hazards.add_hazard(session, HazardInput(site_id=site.id, description="燃气软管老化", deadline_days=7))
    hazards.transition(session, h.id, "notified", {"served_on": "2026-09-28", "due_date": "2026-10-08"})
    tables = [o["tbl"] for o in _ops(session)]
    assert tables.count("hazard_event") == 2
    assert hazards.get_hazard(session, h.id).status == "notified"


def test_audit_chain_verifies_and_detects_tampering(session, data_dir):
    sites.add_site(session, SiteInput(name="审计场所"))
    assert check.check_store(session).ok
    session.store.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute("UPDATE audit_log SET summary = '篡改' WHERE action = 'site_added'")
    conn.commit()
    conn.close()
    from inspector_app.services.session import open_session

    reopened = open_session(data_dir)
    try:
        report = check.check_store(reopened)
        assert not report.ok
        assert any("altered" in p for p in report.problems)
    finally:
        reopened.close()


def test_audit_chain_gap_is_found(session, data_dir):
    for n in range(3):
        sites.add_site(session, SiteInput(name=f"场所{n}"))
    session.store.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    conn.execute("DELETE FROM audit_log WHERE n = 2")
    conn.commit()
    conn.close()
    from inspector_app.services.session import open_session

    reopened = open_session(data_dir)
    try:
        problems = check.check_store(reopened).problems
        assert any("missing" in p for p in problems)
    finally:
        reopened.close()
