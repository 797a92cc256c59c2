"""Migration 5: the rectification lifecycle.

Adds public reports (群众举报) with their protected reporter table, handed-down tasks
(上级交办), the hazard's interim measures and governance-plan fields, the cached re-check
window and sector, and the covering indexes that keep the dashboard and the statistics fast
at 100k hazards.

``_m001_initial`` builds every synced table from the *current* ``schema.SYNCED_TABLES``, so a
store created by this version already has the synced part: each step below only adds what a
store made by an older version lacks, and is a no-op otherwise. The backfill of the derived
columns (computed the same way on every device, like ``status``) runs with the oplog
triggers silent, so it is not exported as this device's edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils costs ~0.2 s to import; only migrations need it
    import sqlite_utils

import json
import sqlite3
from datetime import date

from ..core.deadlines import recheck_due
from ..core.hazard_status import derive, with_report_day
from ..core.holidays import HolidayCalendar, parse_regional
from .schema import INDEXES, SYNC_COLUMNS, SYNCED_TABLES

NEW_TABLES = ("public_report", "assigned_task")
NEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "hazard": (
        "interim_measures", "plan_target", "plan_methods", "plan_materials", "plan_bodies",
        "plan_schedule", "plan_safety", "reported_on", "recheck_due", "public_report_id",
        "assigned_task_id", "sector",
    ),
}
NEW_INDEXES: dict[str, list[list[str]]] = {
    "public_report": INDEXES["public_report"],
    "assigned_task": INDEXES["assigned_task"],
    "hazard": [
        ["found_by"],  # an inspector's scope: "my grids or what I recorded"
        ["level", "recheck_due"],  # the 10-day re-check window of majors
        ["public_report_id"],
        ["assigned_task_id"],
        # covering indexes: dashboard counts and the statistics' GROUP BYs read no table row
        ["deleted", "status", "due_date", "level", "listed", "grid_id", "found_by", "sector"],
        ["deleted", "grid_id", "sector", "status", "level", "listed", "found_by", "factor",
         "measure_type", "escalation", "found_on"],
    ],
    "inspection": [["deleted", "inspector_ids", "status", "site_id", "started_at"]],
}

REPORTER_TABLE = """CREATE TABLE IF NOT EXISTS public_report_reporter (
  report_id TEXT PRIMARY KEY,
  name TEXT,
  phone TEXT,
  contact_note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT
)"""


def m005_lifecycle(db: sqlite_utils.Database) -> None:
    """Add the lifecycle tables, columns and indexes where they are missing; backfill."""
    for table in NEW_TABLES:
        if not db[table].exists():
            db[table].create(
                {"id": str, **SYNCED_TABLES[table], **SYNC_COLUMNS},
                pk="id",
                not_null={"created_at", "updated_at", "device_id", "hlc", "deleted"},
                defaults={"deleted": 0},
            )
    for table, columns in NEW_COLUMNS.items():
        have = set(db[table].columns_dict)
        for column in columns:
            if column not in have:
                db[table].add_column(column, SYNCED_TABLES[table][column])
    for table, indexes in NEW_INDEXES.items():
        for cols in indexes:
            db[table].create_index(cols, if_not_exists=True)
    # not a synced table: no sync columns, no oplog triggers (schema.PROTECTED_TABLES)
    db.conn.execute(REPORTER_TABLE)
    backfill_derived(db.conn)


def backfill_derived(conn: sqlite3.Connection) -> None:
    """Fill the derived hazard columns of rows written before this version (idempotent)."""
    conn.execute("UPDATE sync_guard SET applying = 1")
    try:
        conn.execute(
            "UPDATE hazard SET sector = (SELECT json_extract(s.sectors, '$[0]') FROM site s"
            " WHERE s.id = hazard.site_id) WHERE sector IS NULL AND site_id IS NOT NULL")
        row = conn.execute("SELECT value FROM store_info WHERE key = 'regional_holidays'").fetchone()
        calendar = HolidayCalendar(parse_regional(row[0] if row else None))
        todo = conn.execute(
            "SELECT id FROM hazard WHERE reported_on IS NULL AND recheck_due IS NULL AND"
            " (status = 'awaiting_recheck' OR (level = 'major' AND status = 'notified'))").fetchall()
        for (hazard_id,) in todo:
            events = [(k, with_report_day(k, json.loads(d or "{}"), at)) for k, d, at in conn.execute(
                "SELECT kind, data, at FROM hazard_event WHERE hazard_id = ? ORDER BY hlc", (hazard_id,))]
            state = derive(events)
            start = state.reported_on or state.due_date
            window = recheck_due(start, calendar) if state.level == "major" and start else None
            conn.execute("UPDATE hazard SET reported_on = ?, recheck_due = ? WHERE id = ?",
                         (_iso(state.reported_on), _iso(window), hazard_id))
    finally:
        conn.execute("UPDATE sync_guard SET applying = 0")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
