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


def _match(row: str) -> str:
    return " AND ".join(f"{k} IS {row}.{k}" for k in TALLY_KEYS)


def _increment(row: str) -> str:
    values = ", ".join(f"{row}.{k}" for k in TALLY_KEYS)
    return (f"INSERT INTO hazard_tally ({', '.join(TALLY_KEYS)}, n) SELECT {values}, 0"
            f" WHERE NOT EXISTS (SELECT 1 FROM hazard_tally WHERE {_match(row)});\n"
            f"  UPDATE hazard_tally SET n = n + 1 WHERE {_match(row)};")


def _decrement(row: str) -> str:
    return (f"UPDATE hazard_tally SET n = n - 1 WHERE {_match(row)};\n"
            f"  DELETE FROM hazard_tally WHERE n <= 0 AND {_match(row)};")


def tally_triggers() -> list[str]:
    changed = " OR ".join(f"old.{k} IS NOT new.{k}" for k in (*TALLY_KEYS, "deleted"))
    columns = ", ".join((*TALLY_KEYS, "deleted"))
    return [
        "DROP TRIGGER IF EXISTS tally_hazard_insert",
        "DROP TRIGGER IF EXISTS tally_hazard_delete",
        "DROP TRIGGER IF EXISTS tally_hazard_update_old",
        "DROP TRIGGER IF EXISTS tally_hazard_update_new",
        f"""CREATE TRIGGER tally_hazard_insert AFTER INSERT ON hazard
WHEN {_counted('new')} BEGIN
  {_increment('new')}
END""",
        f"""CREATE TRIGGER tally_hazard_delete AFTER DELETE ON hazard
WHEN {_counted('old')} BEGIN
  {_decrement('old')}
END""",
        f"""CREATE TRIGGER tally_hazard_update_old AFTER UPDATE OF {columns} ON hazard
WHEN ({changed}) AND {_counted('old')} BEGIN
  {_decrement('old')}
END""",
        f"""CREATE TRIGGER tally_hazard_update_new AFTER UPDATE OF {columns} ON hazard
WHEN ({changed}) AND {_counted('new')} BEGIN
  {_increment('new')}
END""",
    ]


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
