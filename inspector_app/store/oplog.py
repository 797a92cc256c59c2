"""Oplog triggers, generated from the live schema (design.md §2).

Every insert/update/delete of a synced table is copied into ``oplog`` in the same
transaction, so nothing changes without an op. Updates record only the fields that
changed plus ``base_hlc`` (the row's previous HLC), which is what makes a concurrent
edit of the same field decidable at merge time. While remote ops are applied the guard
row ``sync_guard.applying`` is 1 and the triggers stay silent, so imported changes are
never re-exported as this device's own.
"""

from __future__ import annotations

import sqlite3

from .schema import SYNCED_TABLES

GUARD = "(SELECT applying FROM sync_guard WHERE id = 1) = 0"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({_q(table)})")]


def trigger_sql(table: str, columns: list[str]) -> list[str]:
    """CREATE TRIGGER statements for one synced table."""
    t = _q(table)
    all_fields = ", ".join(f"'{c}', NEW.{_q(c)}" for c in columns)
    changed = " UNION ALL ".join(
        f"SELECT '{c}' AS k, NEW.{_q(c)} AS v WHERE NEW.{_q(c)} IS NOT OLD.{_q(c)}"
        for c in columns
        if c != "id"
    )
    return [
        f"""CREATE TRIGGER oplog_{table}_insert AFTER INSERT ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog(tbl, row_id, op, fields_json, hlc, base_hlc, device_id)
  VALUES ('{table}', NEW.id, 'insert', json_object({all_fields}), NEW.hlc, NULL, NEW.device_id);
END""",
        # a local edit must carry a fresh HLC, or merging could not order it
        f"""CREATE TRIGGER oplog_{table}_stamp BEFORE UPDATE ON {t}
WHEN {GUARD} AND NEW.hlc IS OLD.hlc
BEGIN
  SELECT RAISE(ABORT, 'update of {table} without a new hlc');
END""",
        f"""CREATE TRIGGER oplog_{table}_update AFTER UPDATE ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog(tbl, row_id, op, fields_json, hlc, base_hlc, device_id)
  VALUES ('{table}', NEW.id, 'update',
          (SELECT json_group_object(k, v) FROM ({changed})),
          NEW.hlc, OLD.hlc, NEW.device_id);
END""",
        f"""CREATE TRIGGER oplog_{table}_delete AFTER DELETE ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog(tbl, row_id, op, fields_json, hlc, base_hlc, device_id)
  VALUES ('{table}', OLD.id, 'delete', NULL, OLD.hlc, OLD.hlc, OLD.device_id);
END""",
    ]


def expected_triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """Name → SQL of every oplog trigger this store should have (``check`` compares them)."""
    expected = {}
    for table in SYNCED_TABLES:
        for sql in trigger_sql(table, table_columns(conn, table)):
            expected[sql.split()[2]] = sql
    return expected


def regenerate_triggers(conn: sqlite3.Connection) -> None:
    """Drop and re-create all oplog triggers from the current columns of each table."""
    existing = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'oplog\\_%' ESCAPE '\\'"
        )
    ]
    for name in existing:
        conn.execute(f"DROP TRIGGER {_q(name)}")
    for table in SYNCED_TABLES:
        for sql in trigger_sql(table, table_columns(conn, table)):
            conn.execute(sql)


class RemoteApply:
    """Context manager (inside a write transaction) that silences the oplog triggers."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> RemoteApply:
        self.conn.execute("UPDATE sync_guard SET applying = 1 WHERE id = 1")
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("UPDATE sync_guard SET applying = 0 WHERE id = 1")
