"""Oplog triggers, generated from the live schema (design.md §2).

Every insert/update/delete of a synced table is copied into ``oplog`` in the same
transaction, so nothing changes without an op. Updates record only the fields that
changed plus ``base_hlc`` (the row's previous HLC), which is what makes a concurrent
edit of the same field decidable at merge time. While remote ops are applied the guard
row ``sync_guard.applying`` is 1 and the triggers stay silent, so imported changes are
never re-exported as this device's own.

From schema 10 on (migration_10_sync_ready) each op also has an ``op_id``, a UUIDv7 made in
the trigger whose time is the op's HLC wall clock, unique in the store; the ops leave out the
derived and device-local columns (``schema.unsynced_columns``); and a local update must carry
a *greater* HLC than the row had. Remote ops applied here are recorded in ``applied_op``
(:meth:`RemoteApply.record`): re-applying one is detected by its op id, the highest ``seq``
per sending device is the cursor for that peer, and the writer's clock never stamps below
any HLC recorded there nor below ``hlc_state``, the last stamp any writer's clock issued. The op format is docs/ARCHITECTURE.md, "Op format".
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .schema import SYNCED_TABLES, unsynced_columns

GUARD = "(SELECT applying FROM sync_guard WHERE id = 1) = 0"
SYNC_READY = 10  # the schema version whose oplog has op ids (migration_10_sync_ready)


def op_id_sql(hlc: str) -> str:
    """SQL for a fresh UUIDv7 whose 48-bit time is the wall clock of the HLC ``hlc`` (its
    first 12 hex digits, the same milliseconds), the rest random: unique, time-ordered."""
    return (f"lower(substr({hlc}, 1, 8) || '-' || substr({hlc}, 9, 4) || '-7'"
            " || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (random() & 3), 1)"
            " || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({_q(table)})")]


def trigger_sql(table: str, columns: list[str], version: int | None = None) -> list[str]:
    """CREATE TRIGGER statements for one synced table of a store at schema ``version``.

    ``version`` None means today's schema; below :data:`SYNC_READY` the triggers are the
    ones earlier releases made (every column, no op id, any new HLC).
    """
    ready = version is None or version >= SYNC_READY
    t = _q(table)
    skip = unsynced_columns(table) if ready else frozenset()
    columns = [c for c in columns if c not in skip]
    all_fields = ", ".join(f"'{c}', NEW.{_q(c)}" for c in columns)
    changed = " UNION ALL ".join(
        f"SELECT '{c}' AS k, NEW.{_q(c)} AS v WHERE NEW.{_q(c)} IS NOT OLD.{_q(c)}"
        for c in columns
        if c != "id"
    )
    if ready:
        cols = "op_id, tbl, row_id, op, fields_json, hlc, base_hlc, device_id"
        new_id, old_id = op_id_sql("NEW.hlc") + ", ", op_id_sql("OLD.hlc") + ", "
        # a local edit must sort after the row it changes, or merging would undo it
        stale, what = "NOT coalesce(NEW.hlc > OLD.hlc, 0)", "a greater"
    else:
        cols, new_id, old_id = "tbl, row_id, op, fields_json, hlc, base_hlc, device_id", "", ""
        stale, what = "NEW.hlc IS OLD.hlc", "a new"
    return [
        f"""CREATE TRIGGER oplog_{table}_insert AFTER INSERT ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog({cols})
  VALUES ({new_id}'{table}', NEW.id, 'insert', json_object({all_fields}), NEW.hlc, NULL, NEW.device_id);
END""",
        f"""CREATE TRIGGER oplog_{table}_stamp BEFORE UPDATE ON {t}
WHEN {GUARD} AND {stale}
BEGIN
  SELECT RAISE(ABORT, 'update of {table} without {what} hlc');
END""",
        f"""CREATE TRIGGER oplog_{table}_update AFTER UPDATE ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog({cols})
  VALUES ({new_id}'{table}', NEW.id, 'update',
          (SELECT json_group_object(k, v) FROM ({changed})),
          NEW.hlc, OLD.hlc, NEW.device_id);
END""",
        f"""CREATE TRIGGER oplog_{table}_delete AFTER DELETE ON {t} WHEN {GUARD}
BEGIN
  INSERT INTO oplog({cols})
  VALUES ({old_id}'{table}', OLD.id, 'delete', NULL, OLD.hlc, OLD.hlc, OLD.device_id);
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


@dataclass(frozen=True)
class Op:
    """One op as it travels between devices (docs/ARCHITECTURE.md, "Op format")."""

    op_id: str  # UUIDv7, unique across devices: re-applying an op is detected by it
    device_id: str  # the device that made it
    seq: int  # its place in that device's oplog (increasing, gapless there)
    tbl: str
    row_id: str
    op: str  # insert | update | delete
    fields: dict[str, object] | None  # insert: every synced column; update: what changed
    hlc: str  # the row's HLC after the op (delete: the row's last HLC)
    base_hlc: str | None  # update/delete: the row's HLC before it; insert: None

    def to_json(self) -> dict[str, object]:
        return {"op_id": self.op_id, "device_id": self.device_id, "seq": self.seq,
                "tbl": self.tbl, "row_id": self.row_id, "op": self.op, "fields": self.fields,
                "hlc": self.hlc, "base_hlc": self.base_hlc}


def local_ops(conn: sqlite3.Connection, device_id: str, after_seq: int = 0) -> list[Op]:
    """This device's ops after ``after_seq``, in seq order: what a bundle carries."""
    rows = conn.execute(
        "SELECT op_id, device_id, seq, tbl, row_id, op, fields_json, hlc, base_hlc FROM oplog"
        " WHERE device_id = ? AND seq > ? ORDER BY seq", (device_id, after_seq))
    return [Op(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None, r[7], r[8])
            for r in rows]


def high_stamp(conn: sqlite3.Connection, bound: str | None = None) -> str | None:
    """The highest HLC this store holds: the clock's last stamp or an applied remote op's.

    ``hlc_state`` keeps the last stamp any writer's clock issued (:func:`note_clock`, in the
    same transaction), so processes sharing the store stamp above each other. Applied remote
    ops count too, except those whose stamp is more than 24 h ahead (``bound``, a wall-clock
    prefix from ``HybridClock.drift_bound``): such a stamp is not adopted (design.md §7); an
    edit of its row is stamped just above it instead (``HybridClock.tick_after``), which the
    clock does not adopt either.
    """
    top = bound if bound is not None else "g"  # "g" sorts after every hex digit
    try:
        row = conn.execute(
            "SELECT max(h) FROM (SELECT hlc AS h FROM hlc_state WHERE id = 1"
            " UNION ALL SELECT * FROM (SELECT hlc FROM applied_op WHERE hlc < :top"
            " ORDER BY hlc DESC LIMIT 1))", {"top": top}).fetchone()
    except sqlite3.OperationalError:  # a store below schema 10 (tests open old versions)
        row = conn.execute("SELECT hlc FROM oplog ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row and row[0] else None


def note_clock(conn: sqlite3.Connection, stamp: str | None) -> None:
    """Keep the clock's last stamp in the store, inside the write transaction that used it."""
    if not stamp:
        return
    try:
        conn.execute("UPDATE hlc_state SET hlc = :s WHERE id = 1 AND hlc < :s", {"s": stamp})
    except sqlite3.OperationalError:  # a store below schema 10
        pass


def peer_cursors(conn: sqlite3.Connection) -> dict[str, int]:
    """Per sending device, the highest op ``seq`` applied here (where its next bundle starts)."""
    return {d: n for d, n in conn.execute("SELECT device_id, max(seq) FROM applied_op GROUP BY device_id")}


class RemoteApply:
    """Context manager (inside a write transaction) that silences the oplog triggers."""

    def __init__(self, conn: sqlite3.Connection, applied_at: str = "") -> None:
        self.conn = conn
        self.applied_at = applied_at

    def __enter__(self) -> RemoteApply:
        self.conn.execute("UPDATE sync_guard SET applying = 1 WHERE id = 1")
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("UPDATE sync_guard SET applying = 0 WHERE id = 1")

    def record(self, op: Op) -> bool:
        """Note that ``op`` is applied; False if it was already (then skip it: idempotent).

        Call it for every remote op before writing its row: the writer's clock then never
        stamps a local edit below it, and :func:`peer_cursors` moves on.
        """
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO applied_op(op_id, device_id, seq, hlc, applied_at)"
            " VALUES (?, ?, ?, ?, ?)", (op.op_id, op.device_id, op.seq, op.hlc, self.applied_at))
        return cur.rowcount == 1
