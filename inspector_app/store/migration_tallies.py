"""Migration 7: running tallies for the statistics, indexes for the inspection plan.

``hazard_tally`` holds the count of counted hazards (not deleted, not a draft) per
combination of the columns the 考核 statistics break down by. Triggers on ``hazard`` keep it
exact in the same transaction as every insert, update and delete — local edits and applied
remote ops alike (it is derived data, like the search index, so it is not synced and has no
oplog). ``stats`` then sums a few thousand tally rows instead of grouping 100k hazards.
Hazards without the cached ``sector`` (written directly, e.g. by demo content) are not in
the tally: the statistics read those live, through a small partial index.

``inspection_last_finished`` answers "when was this site last inspected" per site from the
index alone (the inspection plan asks it for every site).
"""

from __future__ import annotations

import sqlite3

TALLY_KEYS = ("grid_id", "sector", "status", "level", "listed", "found_by", "factor",
              "measure_type", "escalation")

TALLY_TABLE = f"""CREATE TABLE IF NOT EXISTS hazard_tally (
  {", ".join(f"{k} {'INTEGER' if k == 'listed' else 'TEXT'}" for k in TALLY_KEYS)},
  n INTEGER NOT NULL DEFAULT 0
)"""


def _counted(row: str) -> str:
    return f"{row}.deleted = 0 AND {row}.status != 'draft' AND {row}.sector IS NOT NULL"


def _match(row: str, keys: tuple[str, ...] = TALLY_KEYS) -> str:
    return " AND ".join(f"{k} IS {row}.{k}" for k in keys)


def _increment(row: str, table: str = "hazard_tally", keys: tuple[str, ...] = TALLY_KEYS) -> str:
    values = ", ".join(f"{row}.{k}" for k in keys)
    return (f"INSERT INTO {table} ({', '.join(keys)}, n) SELECT {values}, 0"
            f" WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {_match(row, keys)});\n"
            f"  UPDATE {table} SET n = n + 1 WHERE {_match(row, keys)};")


def _decrement(row: str, table: str = "hazard_tally", keys: tuple[str, ...] = TALLY_KEYS) -> str:
    return (f"UPDATE {table} SET n = n - 1 WHERE {_match(row, keys)};\n"
            f"  DELETE FROM {table} WHERE n <= 0 AND {_match(row, keys)};")


def _tally_triggers(name: str, source: str, table: str, keys: tuple[str, ...], counted: str,
                    watched: tuple[str, ...]) -> list[str]:
    """Four triggers keeping ``table`` (count per ``keys``) equal to the ``counted`` rows of
    ``source``; ``counted`` is a condition on the row alias ``{row}``."""
    changed = " OR ".join(f"old.{k} IS NOT new.{k}" for k in watched)
    return [
        *(f"DROP TRIGGER IF EXISTS {name}_{event}"
          for event in ("insert", "delete", "update_old", "update_new")),
        f"""CREATE TRIGGER {name}_insert AFTER INSERT ON {source}
WHEN {counted.format(row='new')} BEGIN
  {_increment('new', table, keys)}
END""",
        f"""CREATE TRIGGER {name}_delete AFTER DELETE ON {source}
WHEN {counted.format(row='old')} BEGIN
  {_decrement('old', table, keys)}
END""",
        f"""CREATE TRIGGER {name}_update_old AFTER UPDATE OF {', '.join(watched)} ON {source}
WHEN ({changed}) AND {counted.format(row='old')} BEGIN
  {_decrement('old', table, keys)}
END""",
        f"""CREATE TRIGGER {name}_update_new AFTER UPDATE OF {', '.join(watched)} ON {source}
WHEN ({changed}) AND {counted.format(row='new')} BEGIN
  {_increment('new', table, keys)}
END""",
    ]


def tally_triggers() -> list[str]:
    return _tally_triggers("tally_hazard", "hazard", "hazard_tally", TALLY_KEYS,
                           _counted("{row}"), (*TALLY_KEYS, "deleted"))


# Migration 9: finished inspections per (list of inspectors, site) — the statistics'
# inspections per inspector and sites covered, without reading every inspection.
INSPECTION_TALLY_KEYS = ("inspector_ids", "site_id")
INSPECTION_COUNTED = "{row}.status = 'finished' AND {row}.deleted = 0"

INSPECTION_TALLY_TABLE = """CREATE TABLE IF NOT EXISTS inspection_tally (
  inspector_ids TEXT,
  site_id TEXT,
  n INTEGER NOT NULL DEFAULT 0
)"""


def inspection_tally_triggers() -> list[str]:
    return _tally_triggers("tally_inspection", "inspection", "inspection_tally",
                           INSPECTION_TALLY_KEYS, INSPECTION_COUNTED,
                           (*INSPECTION_TALLY_KEYS, "status", "deleted"))


def inspection_tally_query() -> str:
    keys = ", ".join(INSPECTION_TALLY_KEYS)
    return (f"SELECT {keys}, count(*) FROM inspection i WHERE {INSPECTION_COUNTED.format(row='i')}"
            f" GROUP BY {keys}")


def create_inspection_tally(conn: sqlite3.Connection) -> None:
    conn.execute(INSPECTION_TALLY_TABLE)
    conn.execute("CREATE INDEX IF NOT EXISTS inspection_tally_key"
                 " ON inspection_tally(inspector_ids, site_id, n)")
    conn.execute("CREATE INDEX IF NOT EXISTS inspection_tally_site"
                 " ON inspection_tally(site_id, inspector_ids, n)")
    for sql in inspection_tally_triggers():
        conn.execute(sql)
    conn.execute("DELETE FROM inspection_tally")
    conn.execute(f"INSERT INTO inspection_tally ({', '.join(INSPECTION_TALLY_KEYS)}, n)"
                 f" {inspection_tally_query()}")


def tally_query() -> str:
    """The tally rebuilt from ``hazard`` (the backfill, and ``check``'s comparison)."""
    keys = ", ".join(TALLY_KEYS)
    return f"SELECT {keys}, count(*) FROM hazard h WHERE {_counted('h')} GROUP BY {keys}"


def m007_tallies(db: object) -> None:
    conn: sqlite3.Connection = db.conn  # type: ignore[attr-defined]
    conn.execute(TALLY_TABLE)
    conn.execute("CREATE INDEX IF NOT EXISTS hazard_tally_key ON hazard_tally"
                 f" ({', '.join(TALLY_KEYS)})")
    for sql in tally_triggers():
        conn.execute(sql)
    conn.execute("DELETE FROM hazard_tally")
    conn.execute(f"INSERT INTO hazard_tally ({', '.join(TALLY_KEYS)}, n) {tally_query()}")
    conn.execute("CREATE INDEX IF NOT EXISTS hazard_without_sector ON hazard(site_id)"
                 " WHERE deleted = 0 AND sector IS NULL")
    conn.execute("CREATE INDEX IF NOT EXISTS inspection_last_finished ON inspection(site_id, ended_at)"
                 " WHERE status = 'finished' AND deleted = 0")
