"""Migration 9: the inspection schedule per site, the inspection tally, overdue groups.

The inspection plan asks, for every site, "what colour is it and when was it last
inspected". Answering that from ``site`` and ``inspection`` means one index probe per site
(≈80 ms at 20k sites) before a single due site is known. ``site_schedule`` keeps the answer
per site — the normalised risk colour, the grid, whether the site was ever inspected and the
date the next inspection counts from (``base_at``: the last finished inspection's end, or the
site's registration) — indexed so that "sites of this colour whose base is before the
colour's cut-off" is a range of one index. Triggers on ``site`` and ``inspection`` keep it
exact in the same transaction as every write (local edits and applied remote ops alike);
like the statistics tally it is derived data: not synced, no oplog, compared by ``check``.

The same step splits the statistics' hazard tally in two and adds ``inspection_tally``
(see ``migration_tallies``), and ``hazard_active_groups``, the running hazards in the
order of the statistics' overdue breakdown (grid, sector, level, finder), so that query
groups without sorting, and three partial indexes holding exactly the hazards of three
dashboard panels (major hazards not closed, in supervision order; majors with a re-check
window; hazards awaiting re-check), so an inspector's panel counts a few thousand index
entries instead of their grids' hazards.

Migration 9 itself runs frozen SQL (``migration_sql.STEP_9``); the generators here are what
``check`` rebuilds the schedule with, and a test keeps their triggers equal to the frozen ones.
"""

from __future__ import annotations

COLOURS = ("red", "orange", "yellow", "blue")
UNRATED = "unrated"

def _colour(expr: str) -> str:
    listed = ", ".join(f"'{c}'" for c in COLOURS)
    return f"CASE WHEN {expr} IN ({listed}) THEN {expr} ELSE '{UNRATED}' END"


_FINISHED = "{i}status = 'finished' AND {i}deleted = 0"  # {i}: the inspection alias and a dot


def _values(site: str) -> str:
    """The schedule row of the site row ``site``, given its last finished inspection's end
    as ``l.at`` (NULL: never inspected)."""
    return (f"{site}.id, {_colour(f'{site}.risk_colour')}, {site}.grid_id,"
            f" l.at IS NOT NULL, coalesce(l.at, {site}.created_at)")


def _last_of(site_id: str) -> str:
    """One row: the end of that site's last finished inspection (``inspection_last_finished``)."""
    return f"(SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = {site_id} AND {_FINISHED.format(i='i.')}) l"


COLUMNS = "site_id, risk_colour, grid_id, inspected, base_at"


def _refresh(site_id: str) -> str:
    """Recompute the inspection columns of one site's row after its inspections changed."""
    return (f"UPDATE site_schedule SET (inspected, base_at) = (SELECT l.at IS NOT NULL,"
            f" coalesce(l.at, s.created_at) FROM site s, {_last_of(site_id)} WHERE s.id = {site_id})"
            f" WHERE site_id = {site_id};")


def schedule_triggers() -> list[str]:
    names = ("schedule_site_insert", "schedule_site_update", "schedule_site_delete",
             "schedule_inspection_insert", "schedule_inspection_update",
             "schedule_inspection_delete")
    inspection_cols = "site_id, status, ended_at, deleted"
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in names),
        f"""CREATE TRIGGER schedule_site_insert AFTER INSERT ON site WHEN new.deleted = 0 BEGIN
  INSERT OR REPLACE INTO site_schedule ({COLUMNS}) SELECT {_values('new')} FROM {_last_of('new.id')};
END""",
        f"""CREATE TRIGGER schedule_site_update AFTER UPDATE OF id, risk_colour, grid_id, deleted,
  created_at ON site BEGIN
  DELETE FROM site_schedule WHERE site_id = old.id;
  INSERT OR REPLACE INTO site_schedule ({COLUMNS}) SELECT {_values('new')} FROM {_last_of('new.id')}
    WHERE new.deleted = 0;
END""",
        """CREATE TRIGGER schedule_site_delete AFTER DELETE ON site BEGIN
  DELETE FROM site_schedule WHERE site_id = old.id;
END""",
        f"""CREATE TRIGGER schedule_inspection_insert AFTER INSERT ON inspection
WHEN new.status = 'finished' AND new.deleted = 0 BEGIN
  {_refresh('new.site_id')}
END""",
        f"""CREATE TRIGGER schedule_inspection_update AFTER UPDATE OF {inspection_cols} ON inspection
WHEN old.site_id IS NOT new.site_id OR old.status IS NOT new.status
  OR old.ended_at IS NOT new.ended_at OR old.deleted IS NOT new.deleted BEGIN
  {_refresh('old.site_id')}
  {_refresh('new.site_id')}
END""",
        f"""CREATE TRIGGER schedule_inspection_delete AFTER DELETE ON inspection
WHEN old.status = 'finished' AND old.deleted = 0 BEGIN
  {_refresh('old.site_id')}
END""",
    ]


def schedule_query() -> str:
    """The schedule rebuilt from ``site`` and ``inspection`` (the backfill, and ``check``): the
    last inspections grouped in one pass, not looked up per site as the triggers do."""
    return (f"SELECT {_values('s')} FROM site s LEFT JOIN (SELECT site_id, max(ended_at) AS at"
            f" FROM inspection INDEXED BY inspection_last_finished WHERE {_FINISHED.format(i='')} GROUP BY site_id) l"
            " ON l.site_id = s.id WHERE s.deleted = 0")
