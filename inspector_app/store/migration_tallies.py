"""Running tallies for the statistics (migrations 7 and 9), indexes for the inspection plan.

A tally holds the count of counted rows per combination of the columns the 考核 statistics
break down by. Triggers keep it exact in the same transaction as every insert, update and
delete — local edits and applied remote ops alike (it is derived data, like the search
index, so it is not synced and has no oplog). ``stats`` then sums a few hundred or thousand
tally rows instead of grouping 100k hazards; ``check`` compares each with a fresh count.

Migration 7 kept one hazard tally over every key. Its size is the product of the keys'
variety, and once hazards carry their factor and measure type (五落实) that product grows
about sixteen-fold, so migration 9 splits it: ``hazard_tally`` by grid, sector, status,
level, listing and finder (every figure but the classification), ``hazard_class_tally`` by
grid, finder and the classification (factor, measure type, escalation rung). Both keep grid
and finder, which the scope of an inspector's statistics needs. Counted hazards are those not
deleted, not drafts, with the cached ``sector``; the few without it (written directly, e.g.
by demo content) are read live through a small partial index.

Migration 9 also adds ``inspection_tally``: finished inspections per (list of inspectors,
site), for inspections per inspector and sites covered.

``inspection_last_finished`` answers "when was this site last inspected" per site from the
index alone.

Migrations 7 and 9 run frozen SQL (``migration_sql``); these definitions are what ``check``
counts afresh with, and a test keeps their triggers equal to the frozen ones of step 9.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """A count of the ``counted`` rows of ``source`` per combination of ``keys``."""

    table: str
    trigger: str  # name prefix of its four triggers
    source: str
    alias: str  # of ``source`` in the fresh count
    keys: tuple[str, ...]
    counted: str  # a condition on the row alias ``{row}``
    integer_keys: tuple[str, ...] = ()
    derived: tuple[tuple[str, str], ...] = ()  # key → expression over ``{row}`` (not a column)

    def _value(self, key: str, row: str) -> str:
        return dict(self.derived).get(key, f"{{row}}.{key}").format(row=row)

    @property
    def watched(self) -> tuple[str, ...]:
        """The columns whose change can move a row between groups or in/out of the tally."""
        extra = ("status", "deleted", "sector")
        columns = tuple(k for k in self.keys if k not in dict(self.derived))
        used = "".join(e for _, e in self.derived)
        return (*columns, *(c for c in extra if c not in columns and f".{c}" in self.counted + used))

    def create_table(self) -> str:
        columns = ", ".join(f"{k} {'INTEGER' if k in self.integer_keys else 'TEXT'}" for k in self.keys)
        return f"CREATE TABLE IF NOT EXISTS {self.table} ({columns}, n INTEGER NOT NULL DEFAULT 0)"

    def _match(self, row: str) -> str:
        return " AND ".join(f"{k} IS {self._value(k, row)}" for k in self.keys)

    def _increment(self, row: str) -> str:
        values = ", ".join(self._value(k, row) for k in self.keys)
        return (f"INSERT INTO {self.table} ({', '.join(self.keys)}, n) SELECT {values}, 0"
                f" WHERE NOT EXISTS (SELECT 1 FROM {self.table} WHERE {self._match(row)});\n"
                f"  UPDATE {self.table} SET n = n + 1 WHERE {self._match(row)};")

    def _decrement(self, row: str) -> str:
        return (f"UPDATE {self.table} SET n = n - 1 WHERE {self._match(row)};\n"
                f"  DELETE FROM {self.table} WHERE n <= 0 AND {self._match(row)};")

    def triggers(self) -> list[str]:
        name, source, watched = self.trigger, self.source, ", ".join(self.watched)
        changed = " OR ".join(f"old.{k} IS NOT new.{k}" for k in self.watched)
        counted_old, counted_new = self.counted.format(row="old"), self.counted.format(row="new")
        return [
            *(f"DROP TRIGGER IF EXISTS {name}_{event}"
              for event in ("insert", "delete", "update_old", "update_new")),
            f"""CREATE TRIGGER {name}_insert AFTER INSERT ON {source}
WHEN {counted_new} BEGIN
  {self._increment('new')}
END""",
            f"""CREATE TRIGGER {name}_delete AFTER DELETE ON {source}
WHEN {counted_old} BEGIN
  {self._decrement('old')}
END""",
            f"""CREATE TRIGGER {name}_update_old AFTER UPDATE OF {watched} ON {source}
WHEN ({changed}) AND {counted_old} BEGIN
  {self._decrement('old')}
END""",
            f"""CREATE TRIGGER {name}_update_new AFTER UPDATE OF {watched} ON {source}
WHEN ({changed}) AND {counted_new} BEGIN
  {self._increment('new')}
END""",
        ]

    def fresh_query(self) -> str:
        """The tally rebuilt from ``source`` (the backfill, and ``check``'s comparison)."""
        values = ", ".join(self._value(k, self.alias) for k in self.keys)
        groups = ", ".join(str(n + 1) for n in range(len(self.keys)))
        return (f"SELECT {values}, count(*) FROM {self.source} {self.alias}"
                f" WHERE {self.counted.format(row=self.alias)} GROUP BY {groups}")

    def kept_query(self) -> str:
        return f"SELECT {', '.join(self.keys)}, n FROM {self.table} WHERE n != 0"


HAZARD_COUNTED = "{row}.deleted = 0 AND {row}.status != 'draft' AND {row}.sector IS NOT NULL"

HAZARD_TALLY = Tally("hazard_tally", "tally_hazard", "hazard", "h",
                     ("grid_id", "sector", "status", "level", "listed", "found_by"),
                     HAZARD_COUNTED, ("listed",))
CLASS_TALLY = Tally("hazard_class_tally", "tally_hazard_class", "hazard", "h",
                    ("grid_id", "found_by", "factor", "measure_type", "escalation"), HAZARD_COUNTED)
# the site's grid is a key too (an inspector's statistics: the inspections at their grids'
# sites), kept when a site moves to another grid by ``SITE_GRID_TRIGGERS``
INSPECTION_TALLY = Tally("inspection_tally", "tally_inspection", "inspection", "i",
                         ("grid_id", "inspector_ids", "site_id"),
                         "{row}.status = 'finished' AND {row}.deleted = 0",
                         derived=(("grid_id", "(SELECT grid_id FROM site WHERE id = {row}.site_id)"),))
SITE_GRID_TRIGGERS = (
    """CREATE TRIGGER tally_inspection_site_grid AFTER UPDATE OF grid_id ON site
WHEN old.grid_id IS NOT new.grid_id BEGIN
  UPDATE inspection_tally SET grid_id = new.grid_id WHERE site_id = new.id;
END""",
    """CREATE TRIGGER tally_inspection_site_insert AFTER INSERT ON site BEGIN
  UPDATE inspection_tally SET grid_id = new.grid_id WHERE site_id = new.id;
END""",
    """CREATE TRIGGER tally_inspection_site_delete AFTER DELETE ON site BEGIN
  UPDATE inspection_tally SET grid_id = NULL WHERE site_id = old.id;
END""",
)
TALLIES = (HAZARD_TALLY, CLASS_TALLY, INSPECTION_TALLY)  # what the current schema keeps
