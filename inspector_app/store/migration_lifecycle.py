"""Migration 5's data part: the derived hazard columns of rows written before it.

Its tables, columns and indexes are frozen SQL (``migration_sql.STEP_5``). The backfill is
code because it derives each hazard's report day and re-check window from its events the
same way on every device (like ``status``); it runs with the oplog triggers silent, so it
is not exported as this device's edits.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from ..core.deadlines import recheck_due
from ..core.hazard_status import derive, with_report_day
from ..core.holidays import HolidayCalendar, parse_regional


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
