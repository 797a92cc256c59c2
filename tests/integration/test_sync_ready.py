"""An oplog another device can rely on (migration 10): op ids, a clock that never stamps below
what the store holds, greater stamps only, no derived or device-local column in any op, and
the settings that change derived results as synced rows (services/settings_registry.py)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector_app.core.clock import FixedClock
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.hlc import MAX_DRIFT_MS, Timestamp
from inspector_app.services import (
    check,
    hazards,
    holiday_settings,
    inspection_plan,
    overdue_rule,
    rectification,
    settings_registry,
    sites,
    users,
)
from inspector_app.services.session import open_session
from inspector_app.store import oplog
from inspector_app.store.oplog import Op, high_stamp, peer_cursors
from inspector_app.store.schema import SYNCED_TABLES, columns_of, unsynced_columns
from inspector_app.store.store import Store, set_info
from inspector_app.store.version import SCHEMA_VERSION
from tests.lifecycle_helpers import make_town

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
SYNC = ["created_at", "updated_at", "device_id", "hlc", "deleted"]

# Every column that travels in an op, per table. Adding a column to a synced table fails this
# test until someone decides: synced (list it here) or derived / device-local (schema.py).
SYNCED_COLUMNS: dict[str, list[str]] = {
    "region": ["id", "parent_id", "level", "name", "code"],
    "agency": ["id", "name", "short_name", "region_id", "enforcement_power", "seal_text"],
    "app_user": ["id", "login", "name", "role", "grid_ids", "cert_no", "active"],  # no password_hash
    "device": ["id", "name", "public_key", "trusted_by", "trusted_at", "revoked_at"],
    "unit": ["id", "name", "uscc", "uscc_ok", "legal_rep", "phone"],
    "site": ["id", "unit_id", "name", "sectors", "address", "grid_id", "building", "landlord",
             "contact", "phone", "risk_colour", "lat", "lon", "notes"],
    "checklist_template": ["id", "code", "sector", "also_sectors", "version", "title", "title_en",
                           "basis_note"],
    "checklist_item": ["id", "template_id", "position", "code", "text", "basis", "major",
                       "default_days", "hint"],
    "inspection": ["id", "site_id", "inspector_ids", "kind", "campaign_id", "started_at",
                   "ended_at", "location", "status", "template_ids"],
    "inspection_result": ["id", "inspection_id", "item_id", "result", "note", "hazard_id"],
    # no status, level, due_date, served_on, closed_on, extended, listed, escalation,
    # reported_on, recheck_due: every receiver derives them from the hazard's events
    "hazard": ["id", "site_id", "grid_id", "inspection_id", "item_id", "source", "description",
               "location", "basis", "level_confirmed", "factor", "measure_type",
               "responsible_person", "responsible_phone", "measures", "funds_amount",
               "funds_source", "contingency_plan", "deadline_days", "working_days", "found_on",
               "found_by", "interim_measures", "plan_target", "plan_methods", "plan_materials",
               "plan_bodies", "plan_schedule", "plan_safety", "public_report_id",
               "assigned_task_id", "sector"],
    "hazard_event": ["id", "hazard_id", "kind", "at", "by_user", "data", "supersedes"],
    "media": ["id", "kind", "mime", "size", "width", "height", "taken_at", "taken_at_source",
              "lat", "lon", "original_name", "notes"],
    "photo_link": ["id", "media_id", "hazard_id", "inspection_id", "document_id", "phase",
                   "annotation", "supersedes", "flags"],
    "campaign": ["id", "name", "sector", "grid_id", "starts_on", "ends_on", "notes", "seed",
                 "site_pool", "inspector_pool", "drawn_sites", "drawn_inspectors", "drawn_at",
                 "drawn_by"],
    "public_report": ["id", "channel", "received_at", "content", "site_id", "grid_id", "location",
                      "status", "inspection_id", "closed_reason", "closed_at", "reward_amount",
                      "reward_note", "anonymous", "received_by"],
    "assigned_task": ["id", "source", "reference", "received_on", "due_on", "content", "site_id",
                      "grid_id", "assigned_to", "status", "done_on", "result"],
    "setting": ["id", "value_json"],
    "document": ["id", "kind", "number", "agency_id", "code", "year", "n", "hazard_ids", "site_id",
                 "pdf_sha256", "issued_at", "issued_by", "officers", "state", "void_reason",
                 "served_on", "served_how", "received_by", "witness", "scan_sha256"],
    "number_block": ["id", "agency_id", "code", "year", "holder_device", "first", "last", "next",
                     "returned_at"],
}
UUID7 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _ops(session, table=None):
    rows = session.store.read().execute(
        "SELECT op_id, tbl, row_id, op, fields_json, hlc, device_id FROM oplog ORDER BY seq")
    return [dict(r) for r in rows if table is None or r["tbl"] == table]


def _site_hlc(session, site_id):
    return session.store.read().execute("SELECT hlc FROM site WHERE id = ?", (site_id,)).fetchone()[0]


def _remote(session, site_id: str, hlc: str, name: str, seq: int = 1) -> bool:
    """Apply one remote update of a site as the sync import will: recorded, triggers silent."""
    op = Op(f"0190a000-0000-7000-8000-{seq:012x}", "other-device", seq, "site", site_id, "update",
            {"name": name}, hlc, None)

    def job(tx):
        with tx.applying_remote() as apply:
            if not apply.record(op):
                return False
            tx.conn.execute("UPDATE site SET name = ?, hlc = ?, device_id = ? WHERE id = ?",
                            (name, hlc, op.device_id, site_id))
        return True

    return session.write(job)


def _later(session, ms: int) -> str:
    now = int(session.clock.now().timestamp() * 1000)
    return Timestamp(now + ms, 7, "other-device").encode()


# --------------------------------------------------------------------------- what travels
def test_every_synced_column_is_declared(session):
    """The live insert triggers copy exactly the expected columns (plus the sync columns)."""
    conn = session.store.read()
    assert set(SYNCED_TABLES) == set(SYNCED_COLUMNS)
    for table, expected in SYNCED_COLUMNS.items():
        assert [c for c in columns_of(table) if c not in unsynced_columns(table)] == [*expected, *SYNC]
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                           (f"oplog_{table}_insert",)).fetchone()[0]
        copied = re.findall(r"'(\w+)', NEW\.", sql.split("json_object(", 1)[1])
        assert sorted(copied) == sorted([*expected, *SYNC]), table


def test_a_password_hash_never_reaches_an_op(session):
    users.set_password(session, session.user.login, "巡查密码-2026")
    users.add_user(session, "zhangsan", "张三", "inspector", password="另一个密码-2026")
    stored = session.store.read().execute("SELECT count(*) FROM app_user WHERE password_hash IS NOT NULL")
    assert stored.fetchone()[0] == 2  # the hashes are here, on this device
    ops = _ops(session, "app_user")
    assert ops and all("password_hash" not in json.loads(o["fields_json"] or "{}") for o in ops)
    assert "zhangsan" in "".join(o["fields_json"] or "" for o in ops)  # the user itself travels
    assert check.check_store(session).problems == []


def test_derived_hazard_columns_never_reach_an_op(session):
    site = sites.add_site(session, SiteInput(name="东村五金厂")).id
    h = hazards.add_hazard(session, HazardInput(site_id=site, description="灭火器过期", deadline_days=7)).id
    rectification.notify(session, h, served_on="2026-09-28")
    row = session.store.read().execute("SELECT status, due_date, served_on FROM hazard WHERE id = ?",
                                       (h,)).fetchone()
    assert row["status"] == "notified" and row["due_date"] and row["served_on"]
    derived = unsynced_columns("hazard")
    for o in _ops(session, "hazard"):
        assert not derived & set(json.loads(o["fields_json"] or "{}")), o
    assert any(o["tbl"] == "hazard_event" for o in _ops(session))  # what they are derived from
    assert check.check_store(session).problems == []


def test_each_op_has_its_own_time_ordered_op_id(session):
    for name in ("甲", "乙", "丙"):
        saved = sites.add_site(session, SiteInput(name=name))
        sites.update_site(session, saved.id, SiteInput(name=name + "厂"))
    ops = _ops(session)
    ids = [o["op_id"] for o in ops]
    assert len(set(ids)) == len(ids) and all(UUID7.match(i) for i in ids)
    for o in ops:  # the UUIDv7 time is the op's HLC wall clock
        assert o["op_id"].replace("-", "")[:12] == o["hlc"][:12]

    def duplicate(tx):
        tx.conn.execute("INSERT INTO oplog(op_id, tbl, row_id, op, hlc, device_id)"
                        " VALUES (?, 'site', 'x', 'delete', 'x', 'x')", (ids[0],))

    with pytest.raises(sqlite3.IntegrityError):
        session.write(duplicate)


# --------------------------------------------------------------------------- the clock
def test_a_local_edit_sorts_after_an_applied_remote_op(session):
    a = sites.add_site(session, SiteInput(name="甲厂")).id
    b = sites.add_site(session, SiteInput(name="乙厂")).id
    remote = _later(session, 3600 * 1000)  # another device, an hour ahead: adopted
    assert _remote(session, a, remote, "甲厂（远端）")
    sites.update_site(session, b, SiteInput(name="乙厂改"))
    assert _site_hlc(session, b) > remote
    # and after a restart the clock still starts above it
    session.close()
    s = open_session(session.store.data_dir, clock=session.clock)
    try:
        c = sites.add_site(s, SiteInput(name="丙厂")).id
        assert _site_hlc(s, c) > remote
        assert high_stamp(s.store.read()) >= _site_hlc(s, c)
    finally:
        s.close()


def test_a_remote_stamp_far_ahead_is_not_adopted_but_its_row_can_be_edited(session):
    a = sites.add_site(session, SiteInput(name="甲厂")).id
    b = sites.add_site(session, SiteInput(name="乙厂")).id
    ahead = _later(session, MAX_DRIFT_MS + 3600 * 1000)  # a device whose clock is a day off
    assert _remote(session, a, ahead, "甲厂（远端）")
    sites.update_site(session, b, SiteInput(name="乙厂改"))
    assert _site_hlc(session, b) < ahead  # the local clock did not jump forward
    sites.update_site(session, a, SiteInput(name="甲厂改"))  # still the row's next version
    assert _site_hlc(session, a) > ahead
    assert Timestamp.decode(_site_hlc(session, a)).device == session.store.device_id
    sites.update_site(session, b, SiteInput(name="乙厂再改"))
    assert _site_hlc(session, b) < ahead  # that one edit did not move the clock either


def test_a_local_update_needs_a_greater_hlc(session):
    saved = sites.add_site(session, SiteInput(name="丁厂"))
    lower = Timestamp(1, 0, session.store.device_id).encode()

    def backwards(tx):
        tx.conn.execute("UPDATE site SET name = 'x', hlc = ? WHERE id = ?", (lower, saved.id))

    with pytest.raises(sqlite3.IntegrityError, match="greater hlc"):
        session.write(backwards)
    assert sites.get_site(session, saved.id).name == "丁厂"


def test_reapplying_an_op_is_detected_and_the_peer_cursor_moves(session):
    a = sites.add_site(session, SiteInput(name="甲厂")).id
    first = _later(session, 1000)
    assert _remote(session, a, first, "甲厂 1", seq=1)
    assert _remote(session, a, _later(session, 2000), "甲厂 2", seq=2)
    assert not _remote(session, a, first, "甲厂 1", seq=1)  # the same op again: skipped
    assert sites.get_site(session, a).name == "甲厂 2"
    assert peer_cursors(session.store.read()) == {"other-device": 2}
    assert oplog.local_ops(session.store.read(), "other-device") == []  # not re-exported
    mine = oplog.local_ops(session.store.read(), session.store.device_id)
    assert mine and mine[-1].tbl == "site" and mine[-1].fields["name"] == "甲厂"


# --------------------------------------------------------------------------- settings
def test_derived_result_settings_are_synced_rows(session):
    holiday_settings.set_regional_holidays(session, [{"name": "三月三", "month": 3, "day": 3,
                                                      "lunar": True, "days": 2}])
    inspection_plan.set_intervals(session, {"red": 2})
    overdue_rule.set_counts_provisional(session, True)
    users.set_stay_logged_in(session, False)
    conn = session.store.read()
    rows = {r["id"]: r for r in conn.execute("SELECT * FROM setting")}
    assert set(rows) == {"regional_holidays", "inspection_intervals", "overdue_counts_provisional"}
    assert json.loads(rows["inspection_intervals"]["value_json"])["red"] == 2
    assert rows["overdue_counts_provisional"]["value_json"] == "true"
    assert {o["row_id"] for o in _ops(session, "setting")} == set(rows)
    assert all(r["hlc"] and r["device_id"] == session.store.device_id for r in rows.values())
    # read back through the services, as before
    assert [r.name for r in holiday_settings.regional_holidays(session)] == ["三月三"]
    assert inspection_plan.get_intervals(session)["red"] == 2
    assert overdue_rule.counts_provisional(session) is True
    # staying logged in is this device's business: store_info, no row, no op
    assert session.store.info("stay_logged_in") == "0" and not users.stays_logged_in(session.store)
    for key in rows:
        assert session.store.info(key) is None
    # an edit is a new version of the row
    before = rows["inspection_intervals"]["hlc"]
    inspection_plan.set_intervals(session, {"red": 1})
    after = conn.execute("SELECT hlc FROM setting WHERE id = 'inspection_intervals'").fetchone()[0]
    assert after > before and _ops(session, "setting")[-1]["op"] == "update"
    assert check.check_store(session).problems == []


def test_an_entered_official_schedule_counts_on_every_device(session):
    from datetime import date, timedelta

    from inspector_app.core.holidays import official_year_known
    from inspector_app.services.lifecycle_common import calendar_of

    year = next(y for y in range(2024, 2100) if not official_year_known(y))
    day = date(year, 3, 1)
    saturday = day + timedelta(days=(5 - day.weekday()) % 7)
    weekday = saturday + timedelta(days=2)  # a Monday
    before = calendar_of(session)
    assert before.is_rest_day(saturday) and not before.is_rest_day(weekday)
    assert year in before.unknown_years(date(year, 1, 1), date(year, 12, 31))
    holiday_settings.set_official_year(session, year, [weekday], [saturday])
    after = calendar_of(session)
    assert after.is_rest_day(weekday) and not after.is_rest_day(saturday)
    assert holiday_settings.year_calendar(session, year).official
    assert after.unknown_years(date(year, 1, 1), date(year, 12, 31)) == ()
    assert [o.year for o in holiday_settings.official_years(session)] == [year]
    row = session.store.read().execute("SELECT value_json FROM setting WHERE id = 'official_years'")
    assert json.loads(row.fetchone()[0]) == {str(year): {"holidays": [weekday.isoformat()],
                                                        "workdays": [saturday.isoformat()]}}
    assert any(o["row_id"] == "official_years" for o in _ops(session, "setting"))
    from inspector_app.core.errors import ValidationError

    with pytest.raises(ValidationError):
        holiday_settings.set_official_year(session, year, [weekday], [weekday])  # both at once
    with pytest.raises(ValidationError):
        holiday_settings.set_official_year(session, 2020, [date(2020, 10, 1)], [])  # known already
    holiday_settings.set_official_year(session, year, [], [])  # removed again
    assert calendar_of(session).is_rest_day(saturday)


def test_the_registry_declares_each_setting_once():
    reg = settings_registry.REGISTRY
    assert {k: (s.scope, s.type, s.default) for k, s in reg.items()} == {
        "regional_holidays": ("synced", list, []),
        "official_years": ("synced", dict, {}),
        "inspection_intervals": ("synced", dict, {"red": 1, "orange": 2, "yellow": 3, "blue": 6,
                                                  "unrated": 6}),
        "overdue_counts_provisional": ("synced", bool, False),
        "stay_logged_in": ("device_local", bool, True),
    }
    assert settings_registry.STAY_LOGGED_IN.key == users.STAY_KEY
    assert settings_registry.OVERDUE_COUNTS_PROVISIONAL.key == overdue_rule.KEY
    assert settings_registry.INSPECTION_INTERVALS.key == inspection_plan.INTERVALS_KEY
    with pytest.raises(ValueError):
        settings_registry.encode(settings_registry.OVERDUE_COUNTS_PROVISIONAL, "yes")  # type: ignore[arg-type]


def test_a_broken_synced_setting_falls_back_and_check_names_it(session):
    inspection_plan.set_intervals(session, {"red": 2})
    db = session.store.db_path
    session.close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE sync_guard SET applying = 1")  # as a bad bundle would apply it
    conn.execute("UPDATE setting SET value_json = '\"weekly\"', device_id = 'other-device',"
                 " hlc = 'ffff00000000000-other-device'")
    conn.execute("UPDATE sync_guard SET applying = 0")
    conn.execute("INSERT INTO device(id, name, created_at, updated_at, device_id, hlc)"
                 " VALUES ('other-device', '乙', 'x', 'x', 'other-device', '0')")
    conn.commit()
    conn.close()
    s = open_session(session.store.data_dir, clock=session.clock)
    try:
        assert inspection_plan.get_intervals(s) == settings_registry.DEFAULT_INTERVALS
        report = check.check_store(s)
        assert "setting_invalid" in {p.code for p in report.issues}
        assert any("inspection_intervals" in m and "设置项" in m for m in report.messages("zh"))
    finally:
        s.close()


# --------------------------------------------------------------------------- check
def _raw(db: Path, *statements: str | tuple[str, tuple]) -> None:
    from inspector_app.store import search_index

    conn = sqlite3.connect(db)
    search_index.register(conn)
    for st in statements:
        sql, params = (st, ()) if isinstance(st, str) else st
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def _codes(data_dir: Path) -> set[str]:
    s = open_session(data_dir)
    try:
        return {p.code for p in check.check_store(s).issues}
    finally:
        s.close()


def test_check_finds_an_op_that_would_leak_a_password_hash(session):
    users.set_password(session, session.user.login, "巡查密码-2026")
    data_dir, uid = session.store.data_dir, session.user.id
    session.close()
    _raw(data_dir / "inspector.db", (
        "UPDATE oplog SET fields_json = json_set(fields_json, '$.password_hash', 'pbkdf2$x')"
        " WHERE seq = (SELECT max(seq) FROM oplog WHERE tbl = 'app_user' AND row_id = ?)", (uid,)))
    assert "oplog_leak" in _codes(data_dir)


def test_check_finds_an_op_without_an_op_id(session):
    sites.add_site(session, SiteInput(name="甲厂"))
    data_dir = session.store.data_dir
    session.close()
    _raw(data_dir / "inspector.db",
         "UPDATE oplog SET op_id = NULL WHERE seq = (SELECT max(seq) FROM oplog WHERE tbl = 'site')")
    assert "oplog_no_id" in _codes(data_dir)


# --------------------------------------------------------------------------- upgrade
def test_a_version_9_store_upgrades_with_its_settings_carried_over(tmp_path):
    if not (FIXTURES / "v9" / "inspector.db").exists():
        pytest.skip("no version-9 fixture")
    data_dir = tmp_path / "九版 数据"
    shutil.copytree(FIXTURES / "v9", data_dir)
    clock = FixedClock("2026-12-05T02:00:00+00:00")
    # what the version-9 app did: store_info values, audited
    store = Store.open(data_dir, clock=clock, target_version=9)
    rules = json.dumps([{"name": "三月三", "month": 3, "day": 3, "lunar": True, "days": 2}],
                       ensure_ascii=False)

    def v9_settings(tx):
        set_info(tx, "regional_holidays", rules)
        set_info(tx, "inspection_intervals", json.dumps({"red": 2, "blue": 12}))
        tx.audit("regional_holidays_set", "settings", None, "三月三")

    store.write(v9_settings)
    audited_at = store.read().execute(
        "SELECT at FROM audit_log WHERE action = 'regional_holidays_set'").fetchone()[0]
    store.write(lambda tx: set_info(tx, "overdue_counts_provisional", "1"))  # never audited
    before = store.read().execute("SELECT count(*) FROM oplog").fetchone()[0]
    leaked = store.read().execute("SELECT count(*) FROM oplog WHERE tbl = 'app_user'"
                                  " AND fields_json LIKE '%password_hash%'").fetchone()[0]
    assert leaked  # the version-9 ops carried the hash
    store.close()

    s = open_session(data_dir, clock=clock)
    try:
        conn = s.store.read()
        assert s.store.schema_version == SCHEMA_VERSION
        seeded = conn.execute("SELECT hlc FROM hlc_state").fetchone()[0]
        assert seeded == conn.execute("SELECT max(hlc) FROM oplog").fetchone()[0]
        assert [r.name for r in holiday_settings.regional_holidays(s)] == ["三月三"]
        assert inspection_plan.get_intervals(s)["blue"] == 12
        assert overdue_rule.counts_provisional(s) is True
        rows = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM setting")}
        assert rows["regional_holidays"]["updated_at"] == audited_at  # stamped when it was set
        first_at = conn.execute("SELECT at FROM audit_log ORDER BY seq LIMIT 1").fetchone()[0]
        assert rows["overdue_counts_provisional"]["updated_at"] == first_at
        for key in rows:
            assert s.store.info(key) is None
        ops = conn.execute("SELECT op_id, tbl, fields_json FROM oplog").fetchall()
        assert len(ops) == before + 3  # one insert op per carried setting
        assert len({o[0] for o in ops}) == len(ops) and all(UUID7.match(o[0]) for o in ops)
        for _op_id, tbl, fields in ops:
            assert not unsynced_columns(tbl) & set(json.loads(fields or "{}")), (tbl, fields)
        mine = {"oplog_leak", "oplog_no_id", "oplog_unlogged", "oplog_unaudited", "setting_invalid",
                "trigger_missing", "trigger_altered", "trigger_extra"}
        assert not mine & {p.code for p in check.check_store(s).issues}
        # and the store keeps working: a local edit carries an op id and a greater stamp
        site = conn.execute("SELECT id FROM site WHERE deleted = 0 LIMIT 1").fetchone()[0]
        old = conn.execute("SELECT hlc FROM site WHERE id = ?", (site,)).fetchone()[0]
        current = sites.get_site(s, site)
        sites.update_site(s, site, SiteInput(name=current.name + "（改）"))
        assert conn.execute("SELECT hlc FROM site WHERE id = ?", (site,)).fetchone()[0] > old
    finally:
        s.close()


# --------------------------------------------------------------------------- a receiver
def _apply_all(session, ops: list[Op]) -> int:
    """Apply another device's ops the way the op format allows (a minimal sync import)."""
    from inspector_app.services.hazard_derived import rederive

    def job(tx):
        touched: list[str] = []
        with tx.applying_remote() as apply:
            for op in ops:
                if not apply.record(op):
                    continue
                allowed = set(columns_of(op.tbl))
                fields = {k: v for k, v in (op.fields or {}).items() if k in allowed}
                assert fields.keys() == (op.fields or {}).keys()
                if op.op == "insert":
                    cols = ", ".join(fields)
                    tx.conn.execute(
                        f"INSERT INTO {op.tbl} ({cols}) VALUES ({', '.join('?' * len(fields))})"
                        f" ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in fields)}",
                        list(fields.values()))
                elif op.op == "update":
                    tx.conn.execute(f"UPDATE {op.tbl} SET {', '.join(f'{c} = ?' for c in fields)}"
                                    " WHERE id = ?", [*fields.values(), op.row_id])
                if op.tbl == "hazard":
                    touched.append(op.row_id)
                elif op.tbl == "hazard_event" and op.op == "insert":
                    touched.append(str(fields["hazard_id"]))
            return rederive(tx, touched)

    return session.write(job)


def test_a_receiver_derives_the_hazard_columns_the_sender_has(tmp_path, clock):
    a = open_session(tmp_path / "甲 设备", clock=clock)
    b = open_session(tmp_path / "乙 设备", clock=clock)
    try:
        town = make_town(a)  # users with passwords, grids, sites
        holiday_settings.set_regional_holidays(a, [{"name": "三月三", "on": "2026-10-12", "days": 1}])
        major = town.major_ready(description="液化气瓶无防倒措施", deadline_days=7)
        plain = town.hazard(description="灭火器过期")
        for h in (major, plain):
            rectification.notify(town.li, h, served_on="2026-09-28")
        rectification.report_done(town.li, major, note="已加装固定链条")
        ops = oplog.local_ops(a.store.read(), a.store.device_id)
        assert any(o.tbl == "app_user" for o in ops)
        assert not any(o.tbl == "app_user" and "password_hash" in (o.fields or {}) for o in ops)
        assert _apply_all(b, ops) == 2  # both hazards had their derived columns filled in
        assert _apply_all(b, ops) == 0  # applying the same ops again changes nothing

        def row(s, h):
            return dict(s.store.read().execute("SELECT * FROM hazard WHERE id = ?", (h,)).fetchone())

        for h in (major, plain):
            assert row(b, h) == row(a, h)
        hashes = "SELECT count(*) FROM app_user WHERE password_hash IS NOT NULL"
        assert a.store.read().execute(hashes).fetchone()[0] >= 1
        assert b.store.read().execute(hashes).fetchone()[0] == 0  # the users came, their hashes not
        assert row(b, major)["recheck_due"]  # counted with the synced regional holiday
        assert inspection_plan.get_intervals(b) == inspection_plan.get_intervals(a)
        assert [r.name for r in holiday_settings.regional_holidays(b)] == ["三月三"]
        from inspector_app.services.check import derived

        assert derived.hazard_problems(b.store.read()) == []
        assert peer_cursors(b.store.read()) == {a.store.device_id: ops[-1].seq}
    finally:
        a.close()
        b.close()


def test_the_command_line_enters_a_published_schedule(session):
    from inspector_app.core.holidays import official_year_known
    from tests.helpers import cli

    year = next(y for y in range(2024, 2100) if not official_year_known(y))
    data_dir = str(session.store.data_dir)
    session.close()
    done = cli("--data-dir", data_dir, "holidays-set", str(year), "--holiday",
               f"{year}-10-01..{year}-10-07", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["official"] is True and f"{year}-10-05" in shown["rest_days"]
    bad = cli("--data-dir", data_dir, "holidays-set", str(year), "--holiday", f"{year}-13-01")
    assert bad.returncode == 1 and "错误" in bad.stderr
    cleared = cli("--data-dir", data_dir, "holidays-set", str(year), "--clear", "--json")
    assert cleared.returncode == 0 and json.loads(cleared.stdout)["official"] is False
