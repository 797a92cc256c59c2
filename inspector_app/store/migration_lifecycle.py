"""Migration 5: the rectification lifecycle.

Adds public reports (群众举报) with their protected reporter table, handed-down tasks
(上级交办), the hazard's interim measures and governance-plan fields, the cached re-check
window, and the indexes the dashboard needs at 100k hazards.

``_m001_initial`` builds every synced table from the *current* ``schema.SYNCED_TABLES``, so a
store created by this version already has the synced part: each step below only adds what a
store made by an older version lacks, and is a no-op otherwise.
"""

from __future__ import annotations

import sqlite_utils

from .schema import INDEXES, SYNC_COLUMNS, SYNCED_TABLES

NEW_TABLES = ("public_report", "assigned_task")
NEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "hazard": (
        "interim_measures", "plan_target", "plan_methods", "plan_materials", "plan_bodies",
        "plan_schedule", "plan_safety", "reported_on", "recheck_due", "public_report_id",
        "assigned_task_id",
    ),
}
NEW_INDEXES: dict[str, list[list[str]]] = {
    "public_report": INDEXES["public_report"],
    "assigned_task": INDEXES["assigned_task"],
    # an inspector's scope is "my grids or what I recorded"; the 10-day window of majors
    "hazard": [["found_by"], ["level", "recheck_due"], ["public_report_id"]],
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
    """Add the lifecycle tables, columns and indexes where they are missing."""
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
