"""Numbered schema upgrades, one frozen step per ``PRAGMA user_version`` (``migration_sql``).

All pending steps run in one EXCLUSIVE transaction together with the oplog trigger
regeneration, so a store is either fully at the new version or untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..core.errors import StoreError
from . import search_index
from .migration_10_sync_ready import m010_sync_ready
from .migration_11_documents import m011_documents
from .migration_lifecycle import backfill_derived
from .migration_sql import STEPS, SYNCED_SINCE
from .oplog import table_columns, trigger_sql
from .version import APPLICATION_ID, SCHEMA_VERSION

Step = Callable[[sqlite3.Connection], None]


def _frozen(version: int, then: Step | None = None) -> Step:
    """Step ``version``: its frozen statements (``migration_sql``), then its data code."""

    def step(conn: sqlite3.Connection) -> None:
        for sql in STEPS[version]:
            conn.execute(sql)
        if then is not None:
            then(conn)

    step.__name__ = f"m{version:03d}"
    return step


# One code path: a fresh store runs 1..N, an old one the steps it lacks; each step reads
# nothing but its own frozen SQL and the database it upgrades.
MIGRATIONS: dict[int, Step] = {
    version: _frozen(version, backfill_derived if version == 5 else None) for version in STEPS
}
MIGRATIONS[10] = m010_sync_ready
MIGRATIONS[11] = m011_documents
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
    conn.execute("BEGIN EXCLUSIVE")
    try:
        for version in range(current + 1, target + 1):
            MIGRATIONS[version](conn)
        _regenerate_oplog_triggers(conn, target)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _regenerate_oplog_triggers(conn: sqlite3.Connection, version: int) -> None:
    """Drop and re-create the oplog triggers of the synced tables of schema ``version``.

    Which tables are synced is frozen per step (``SYNCED_SINCE``), not read from today's
    ``schema.SYNCED_TABLES``. The columns come from ``PRAGMA table_info`` of the database
    itself: the triggers must copy exactly the columns this file's table has, in its order,
    which differs between a table created whole by an old release and one grown by ALTER
    TABLE; and it is what ``oplog.expected_triggers`` (``check``) compares them with. The
    trigger text is ``oplog.trigger_sql``, shared with ``check`` for the same reason.
    """
    existing = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'oplog\\_%' ESCAPE '\\'")]
    for name in existing:
        conn.execute(f'DROP TRIGGER "{name}"')
    for table, since in SYNCED_SINCE.items():
        if since <= version:
            for sql in trigger_sql(table, table_columns(conn, table), version):
                conn.execute(sql)
