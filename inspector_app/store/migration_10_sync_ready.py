"""Migration 10: an oplog another device can rely on, and settings that sync.

Frozen like steps 1-9 (``migration_sql``): fixed SQL plus a data step that reads only the
database it upgrades. What it adds:

- ``oplog.op_id``: a UUIDv7 per op (time = the op's HLC wall clock, the rest random), unique;
  existing ops get one here, new ones from the regenerated triggers (``oplog.trigger_sql``).
- earlier ops lose the columns no op carries from now on (password hashes, the derived
  hazard columns), so a first export of the whole oplog leaks none of them.
- ``hlc_state``: the last stamp any writer's clock issued on this store (every process
  starts each write above it), seeded with the highest stamp of the oplog.
- ``applied_op``: every remote op applied here (op id, sending device, its seq there, HLC):
  re-applying is detected, the highest seq per device is the cursor for that peer, and the
  writer's clock stays above the stamps applied.
- ``setting``: the settings that change derived results, one synced row per key. The values
  kept so far in the device-local ``store_info`` move there (see :func:`carry_settings`).

The oplog triggers are regenerated after the step by ``migrations.migrate`` as for every
step; from this version they leave derived and device-local columns out of the ops and want
a greater HLC on every local update.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

# a UUIDv7 from an HLC column: its first 12 hex digits are the wall clock in milliseconds
_OP_ID = ("lower(substr(hlc, 1, 8) || '-' || substr(hlc, 9, 4) || '-7'"
          " || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (random() & 3), 1)"
          " || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))")

STEP_10: tuple[str, ...] = (
    """ALTER TABLE oplog ADD COLUMN op_id TEXT;""",
    f"""UPDATE oplog SET op_id = {_OP_ID} WHERE op_id IS NULL;""",
    """CREATE UNIQUE INDEX oplog_op_id ON oplog(op_id);""",
    # what earlier ops carried and no op may carry from now on: a user's password hash stays
    # on its device, a hazard's derived columns are derived by every receiver from the events
    """UPDATE oplog SET fields_json = json_remove(fields_json, '$.password_hash')
  WHERE tbl = 'app_user' AND fields_json IS NOT NULL;""",
    """UPDATE oplog SET fields_json = json_remove(fields_json, '$.status', '$.level', '$.due_date',
    '$.served_on', '$.closed_on', '$.extended', '$.listed', '$.escalation', '$.reported_on',
    '$.recheck_due')
  WHERE tbl = 'hazard' AND fields_json IS NOT NULL;""",
    """CREATE TABLE hlc_state (id INTEGER PRIMARY KEY CHECK (id = 1), hlc TEXT NOT NULL);""",
    """CREATE TABLE applied_op (
  op_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  applied_at TEXT NOT NULL
);""",
    """CREATE INDEX applied_op_peer ON applied_op(device_id, seq);""",
    """CREATE INDEX applied_op_hlc ON applied_op(hlc);""",
    """CREATE TABLE "setting" (
   "id" TEXT PRIMARY KEY,
   "value_json" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
)

# store_info key -> (the audit action that set it, how its text becomes the JSON value)
_CARRIED: dict[str, tuple[str, str]] = {
    "regional_holidays": ("regional_holidays_set", "json"),
    "inspection_intervals": ("inspection_intervals_set", "json"),
    "overdue_counts_provisional": ("overdue_rule_set", "flag"),
}


def _value_json(text: str | None, kind: str) -> str | None:
    if text is None:
        return None
    if kind == "flag":
        return "true" if text == "1" else "false"
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)
    except ValueError:
        return None  # a broken value meant the default; it stays behind in store_info


def _hlc_at(at: str, device: str) -> str:
    moment = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(UTC)
    return f"{int(moment.timestamp() * 1000):012x}{0:04x}-{device}"


def carry_settings(conn: sqlite3.Connection) -> None:
    """Move the derived-result settings from ``store_info`` into synced ``setting`` rows.

    Each row is stamped with the moment and device of the audit entry that last set it, so
    when two devices each had their own value the one set last wins the merge; a value with
    no such entry takes the store's first audited moment (any later edit anywhere wins). Its
    insert op is written here as the regenerated trigger would have written it, so ``check``
    replays the row and a bundle carries it.
    """
    for key, (action, kind) in _CARRIED.items():
        row = conn.execute("SELECT value FROM store_info WHERE key = ?", (key,)).fetchone()
        value = _value_json(row[0] if row else None, kind)
        if value is None:
            continue
        when = conn.execute("SELECT at, device_id FROM audit_log WHERE action = ?"
                            " ORDER BY seq DESC LIMIT 1", (action,)).fetchone()
        when = when or conn.execute("SELECT at, device_id FROM audit_log ORDER BY seq LIMIT 1").fetchone()
        if when is None:
            continue  # no audited moment to stamp it with (not a store the app wrote)
        at, device = when
        hlc = _hlc_at(at, device)
        conn.execute("INSERT INTO setting(id, value_json, created_at, updated_at, device_id, hlc,"
                     " deleted) VALUES (?, ?, ?, ?, ?, ?, 0)", (key, value, at, at, device, hlc))
        conn.execute(
            "INSERT INTO oplog(op_id, tbl, row_id, op, fields_json, hlc, base_hlc, device_id)"
            f" SELECT {_OP_ID}, 'setting', id, 'insert', json_object('id', id, 'value_json',"
            " value_json, 'created_at', created_at, 'updated_at', updated_at, 'device_id',"
            " device_id, 'hlc', hlc, 'deleted', deleted), hlc, NULL, device_id FROM setting"
            " WHERE id = ?", (key,))
        conn.execute("DELETE FROM store_info WHERE key = ?", (key,))


# after carry_settings: its ops are stamps of this store too
SEED_CLOCK = """INSERT INTO hlc_state(id, hlc) VALUES (1, coalesce((SELECT max(hlc) FROM oplog), ''));"""


# Derived hazard columns now travel in no op and every receiver derives them from the events
# (services/hazard_derived.py); stores written by older releases cached some of them by older
# rules (a completion report without a date kept reported_on empty). The store cannot derive
# (that rule lives in services), so it leaves a mark that the services' opening step honours
# once: ``setup.ensure_seeded`` re-derives every hazard and removes the mark.
REDERIVE_MARK = """INSERT INTO store_info(key, value)
    SELECT 'rederive_hazards', '1' WHERE EXISTS (SELECT 1 FROM hazard)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;"""


def m010_sync_ready(conn: sqlite3.Connection) -> None:
    for sql in STEP_10:
        conn.execute(sql)
    carry_settings(conn)
    conn.execute(SEED_CLOCK)
    conn.execute(REDERIVE_MARK)
