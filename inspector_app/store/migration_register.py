"""Migration 4: campaigns (专项整治 with the 双随机 draw), the checklists an inspection
used, and the link from a checklist result to the hazard it created.

Self-contained on purpose (as migration 3): the columns are spelled out here rather than
read from ``schema.SYNCED_TABLES``, so a later migration that adds campaign columns cannot
change what step 4 builds. ``_m001_initial`` creates every table of the *current* schema,
so a store created by this version already has all of this; then the step does nothing
(``tests/integration/test_campaigns_migration.py`` checks both routes end the same).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils costs ~0.2 s to import; only migrations need it
    import sqlite_utils


_SYNC = {"created_at": str, "updated_at": str, "device_id": str, "hlc": str, "deleted": int}

CAMPAIGN_COLUMNS: dict[str, type] = {
    "name": str,
    "sector": str,
    "grid_id": str,
    "starts_on": str,
    "ends_on": str,
    "notes": str,
    "seed": str,
    "site_pool": str,
    "inspector_pool": str,
    "drawn_sites": str,
    "drawn_inspectors": str,
    "drawn_at": str,
    "drawn_by": str,
}
NEW_COLUMNS: dict[str, dict[str, type]] = {
    "inspection": {"template_ids": str},
    "inspection_result": {"hazard_id": str},
}
NEW_INDEXES: dict[str, list[list[str]]] = {
    "inspection": [["campaign_id"], ["status", "site_id"]],
    "campaign": [["sector"], ["starts_on"]],
}


def m004_register(db: sqlite_utils.Database) -> None:
    """Add the campaign table and the new inspection columns where a store lacks them."""
    if not db["campaign"].exists():
        db["campaign"].create(
            {"id": str, **CAMPAIGN_COLUMNS, **_SYNC},
            pk="id",
            not_null={"created_at", "updated_at", "device_id", "hlc", "deleted"},
            defaults={"deleted": 0},
        )
    for table, columns in NEW_COLUMNS.items():
        have = set(db[table].columns_dict)
        for column, kind in columns.items():
            if column not in have:
                db[table].add_column(column, kind)
    for table, indexes in NEW_INDEXES.items():
        for cols in indexes:
            db[table].create_index(cols, if_not_exists=True)
