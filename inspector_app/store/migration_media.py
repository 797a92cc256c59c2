"""Migration 3: photo evidence — ``media`` (keyed by sha256) and ``photo_link`` (each use).

Self-contained on purpose: the columns are spelled out here, not read from
``schema.SYNCED_TABLES``, so later migrations that add columns to these tables cannot change
what step 3 builds. ``_m001_initial`` creates every table of the *current* schema, so a store
created by this version already has both tables; then this step does nothing (a test checks
that both routes end with the same tables, foreign keys and indexes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils costs ~0.2 s to import; only migrations need it
    import sqlite_utils


_SYNC = {"created_at": str, "updated_at": str, "device_id": str, "hlc": str, "deleted": int}

MEDIA_COLUMNS: dict[str, type] = {
    "kind": str,
    "mime": str,
    "size": int,
    "width": int,
    "height": int,
    "taken_at": str,
    "taken_at_source": str,
    "lat": float,
    "lon": float,
    "original_name": str,
    "notes": str,
}
PHOTO_LINK_COLUMNS: dict[str, type] = {
    "media_id": str,
    "hazard_id": str,
    "inspection_id": str,
    "document_id": str,
    "phase": str,
    "annotation": str,
    "supersedes": str,
    "flags": str,
}
_TABLES: dict[str, tuple[dict[str, type], list[tuple[str, str]], list[list[str]]]] = {
    "media": (MEDIA_COLUMNS, [], [["taken_at"]]),
    "photo_link": (
        PHOTO_LINK_COLUMNS,
        [("media_id", "media"), ("hazard_id", "hazard"), ("inspection_id", "inspection")],
        [["media_id"], ["hazard_id"], ["inspection_id"], ["document_id"], ["supersedes"]],
    ),
}


def m003_media(db: sqlite_utils.Database) -> None:
    """Create ``media`` and ``photo_link`` where a version-2 store lacks them."""
    for table, (columns, foreign_keys, indexes) in _TABLES.items():
        if db[table].exists():
            continue
        db[table].create(
            {"id": str, **columns, **_SYNC},
            pk="id",
            not_null={"created_at", "updated_at", "device_id", "hlc", "deleted"},
            defaults={"deleted": 0},
            foreign_keys=[(col, other, "id") for col, other in foreign_keys],
        )
        for cols in indexes:
            db[table].create_index(cols, if_not_exists=True)
