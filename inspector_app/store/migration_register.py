"""Migration 4: campaigns, checklists used by an inspection, result → hazard link.

``_m001_initial`` builds every table from the *current* ``schema.SYNCED_TABLES``, so a
store created by this version already has all of this: the step below only adds what a
store made by an older version lacks, and is a no-op otherwise.
"""

from __future__ import annotations

import sqlite_utils

from .schema import INDEXES, SYNC_COLUMNS, SYNCED_TABLES

NEW_TABLES = ("campaign",)
NEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "inspection": ("template_ids",),
    "inspection_result": ("hazard_id",),
}
NEW_INDEXES: dict[str, list[list[str]]] = {
    "inspection": [["campaign_id"], ["status", "site_id"]],
    "campaign": INDEXES["campaign"],
}


def m004_register(db: sqlite_utils.Database) -> None:
    """Add the campaign table and the new inspection columns where they are missing."""
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
