"""Numbered schema upgrades, one function per ``PRAGMA user_version`` step.

All pending steps run in one EXCLUSIVE transaction together with the oplog trigger
regeneration, so a store is either fully at the new version or untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils costs ~0.2 s to import; only migrations need it
    import sqlite_utils

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..core.errors import StoreError
from . import audit, search_index
from .migration_lifecycle import m005_lifecycle
from .migration_media import m003_media
from .migration_register import m004_register
from .migration_schedule import m009_schedule
from .migration_tallies import m007_tallies
from .oplog import regenerate_triggers
from .schema import FOREIGN_KEYS, INDEXES, SYNC_COLUMNS, SYNCED_TABLES
from .version import APPLICATION_ID, SCHEMA_VERSION


def _m001_initial(db: sqlite_utils.Database) -> None:
    """Core data model, oplog, audit log, store info."""
    for table, cols in SYNCED_TABLES.items():
        db[table].create(
            {"id": str, **cols, **SYNC_COLUMNS},
            pk="id",
            not_null={"created_at", "updated_at", "device_id", "hlc", "deleted"},
            defaults={"deleted": 0},
            foreign_keys=[(col, other, "id") for col, other in FOREIGN_KEYS.get(table, [])],
        )
        for cols_ in INDEXES.get(table, []):
            db[table].create_index(cols_, find_unique_name=True)
    conn = db.conn
    conn.execute(
        """CREATE TABLE oplog (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL,
  fields_json TEXT,
  hlc TEXT NOT NULL,
  base_hlc TEXT,
  device_id TEXT NOT NULL
)"""
    )
    conn.execute("CREATE INDEX oplog_row ON oplog(tbl, row_id)")
    conn.execute(
        "CREATE TABLE sync_guard (id INTEGER PRIMARY KEY CHECK (id = 1), applying INTEGER NOT NULL)"
    )
    conn.execute("INSERT INTO sync_guard(id, applying) VALUES (1, 0)")
    conn.execute("CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT)")
    audit.create(conn)


def _m002_search(db: sqlite_utils.Database) -> None:
    """Bigram full-text index over sites and hazards (indexes what is already there)."""
    search_index.create(db.conn)


def _m006_active_due(db: sqlite_utils.Database) -> None:
    """Running hazards by due date: the dashboard's "overdue / due soon, oldest first" lists.

    With ``status IN (…)`` no composite index gives due-date order, so SQLite sorted every
    running hazard (≈140 ms at 100k); this partial index answers in under a millisecond.
    """
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS hazard_active_due ON hazard(due_date)"
        " WHERE deleted = 0 AND status IN ('open', 'notified')"
    )


def _m008_inspections_by_site(db: sqlite_utils.Database) -> None:
    """An inspector's statistics: the inspections at the sites of their grids, found per site
    from the index alone (the JSON list of inspectors included) instead of a full scan."""
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS inspection_site_cover"
        " ON inspection(site_id, status, deleted, started_at, inspector_ids)"
    )


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _m001_initial,
    2: _m002_search,
    3: m003_media,
    4: m004_register,
    5: m005_lifecycle,
    6: _m006_active_due,
    7: m007_tallies,
    8: _m008_inspections_by_site,
    9: m009_schedule,
}
assert max(MIGRATIONS) == SCHEMA_VERSION, "bump store/version.py with a new migration"


def upgrade(
    conn: sqlite3.Connection, db_path: Path, data_dir: Path, current: int,
    target: int = SCHEMA_VERSION,
) -> None:
    """Back up (an existing store) and migrate; a failure leaves the file as it was.

    Call before the connection switches the file to WAL: the upgrade runs in the file's
    own journal mode and its rollback restores the file byte for byte. A failed upgrade of
    an existing store is reported as such, naming the backup.
    """
    backup = _backup_before_upgrade(conn, data_dir, current) if current else None
    try:
        migrate(conn, current, target)
    except Exception as exc:  # noqa: BLE001 - reported to the user, the file is unchanged
        if backup is None:
            raise
        raise StoreError(
            f"upgrading {db_path} from schema {current} to {target} failed ({exc}); the file was "
            f"left untouched - a copy made before the attempt is {backup}",
            f"数据库 {db_path} 升级失败（数据版本 {current} → {target}：{exc}），文件未做任何改动；"
            f"升级前的备份：{backup}",
            code="upgrade_failed",
        ) from exc


def _backup_before_upgrade(conn: sqlite3.Connection, data_dir: Path, version: int) -> Path:
    """Keep a copy of the store as it was before a schema upgrade (SQLite backup API)."""
    from ..core.ids import uuid7

    target = data_dir / "backups" / f"before-schema-{version + 1}-{uuid7()[:13]}.db"
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    except BaseException:
        dest.close()
        target.unlink(missing_ok=True)  # a half-written copy (full disk) is no backup
        raise
    dest.close()
    return target


def migrate(conn: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Upgrade from ``current`` to ``target`` in one exclusive transaction."""
    if current >= target:
        return
    search_index.register(conn)  # migrations that build the index call gi_tokens()
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        for version in range(current + 1, target + 1):
            MIGRATIONS[version](db)
        regenerate_triggers(conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
