"""The figures the county asks for (考核, domain.md §2), as plain data.

Hazards found by level, sector and grid; 整改率 (rectification rate = closed ÷ found);
overdue; major hazards open and under listed supervision; inspections per inspector; sites
covered. Drafts (inside unfinished inspections) are not counted as found. One pass over the
hazard table grouped by (grid, sector, level, factor, measure type, finder) feeds every
breakdown, so the whole report stays fast at 100k hazards.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.entities import FACTORS, MEASURE_TYPES
from ..core.validation import parse_date
from .hazards import scope_clause
from .session import Session


@dataclass
class _Tally:
    found: int = 0
    closed: int = 0
    overdue: int = 0
    major_open: int = 0
    major_listed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "rectification_rate": rate(self.closed, self.found)}


def rate(closed: int, found: int) -> float | None:
    """整改率 as a fraction (0.989 for 98.9 %), None when nothing was found."""
    return round(closed / found, 4) if found else None


DIMENSIONS = ("grid", "sector", "level", "factor", "measure_type", "inspector")


class _Acc:
    """Sums of (found, closed, overdue, major_open, major_listed) per key of each dimension.

    Plain lists, not objects: a 100k-hazard store has thousands of groups × six dimensions.
    """

    def __init__(self) -> None:
        self.total = [0, 0, 0, 0, 0]
        self.by: dict[str, dict[Any, list[int]]] = {d: {} for d in DIMENSIONS}
        self._tables = [self.by[d] for d in DIMENSIONS]
        self._skip_late = (self.by["factor"], self.by["measure_type"])

    def add(self, keys: tuple, values: tuple[int, int, int, int, int], late: bool = False) -> None:
        """Add one group's figures under its key in every dimension (unrolled: hot loop)."""
        found, closed, overdue, major_open, listed = values
        total = self.total
        total[0] += found
        total[1] += closed
        total[2] += overdue
        total[3] += major_open
        total[4] += listed
        for table, key in zip(self._tables, keys, strict=True):
            if late and (table is self._skip_late[0] or table is self._skip_late[1]):
                continue  # overdue counts are not broken down by factor or measure type
            sums = table.get(key)
            if sums is None:
                table[key] = [found, closed, overdue, major_open, listed]
            else:
                sums[0] += found
                sums[1] += closed
                sums[2] += overdue
                sums[3] += major_open
                sums[4] += listed

    def tallies(self) -> dict[str, dict[Any, _Tally]]:
        return {d: {k: _Tally(*v) for k, v in table.items()} for d, table in self.by.items()}


def stats(session: Session, *, mine: bool = False, found_from: str | date | None = None,
          found_to: str | date | None = None) -> dict[str, Any]:
    """The statistics within the user's grids, optionally for hazards found in a period."""
    conn = session.store.read()
    today = session.clock.today().isoformat()
    lo, hi = parse_date("from", found_from), parse_date("to", found_to)
    where, params = ["h.deleted = 0", "h.status != 'draft'"], []
    scope, scope_params = scope_clause(session.user, mine)
    if scope:
        where.append(scope)
        params += scope_params
    if lo:
        where.append("h.found_on >= ?")
        params.append(lo.isoformat())
    if hi:
        where.append("h.found_on <= ?")
        params.append(hi.isoformat())
    cond = " AND ".join(where)
    acc = _Acc()
    escalations: dict[str, int] = defaultdict(int)
    # Without a period, the running tally kept by triggers (migration 7) has the groups
    # already; with one, one GROUP BY in the column order of a covering index (migration 5)
    # reads no table row and sorts nothing. Every breakdown is summed up from the groups
    # here. Rows without the cached sector (written directly, e.g. demo content) take it
    # from the site.
    cols = "h.grid_id, {sector}, h.status, h.level, h.listed, h.found_by, h.factor, h.measure_type, h.escalation"
    if lo is None and hi is None:
        tally_cond = " AND ".join(["h.n > 0", *([scope] if scope else [])])
        groups = conn.execute(f"SELECT {cols.format(sector='h.sector')}, h.n FROM hazard_tally h"
                              f" WHERE {tally_cond}", scope_params).fetchall()
    else:
        groups = conn.execute(
            f"SELECT {cols.format(sector='h.sector')}, count(*) FROM hazard h WHERE {cond}"
            " AND h.sector IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9", params).fetchall()
    groups += conn.execute(
        f"SELECT {cols.format(sector=_SITE_SECTOR)}, count(*) FROM hazard h WHERE {cond}"
        " AND h.sector IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9", params).fetchall()
    for grid, sector, status, level, listed, finder, factor, measure, step, n in groups:
        closed = n if status == "closed" else 0
        major_open = n if level == "major" and status != "closed" else 0
        acc.add((grid, sector, level, factor, measure, finder),
                (n, closed, 0, major_open, major_open if listed else 0))
        if step:
            escalations[step] += n
    late_sql = ("SELECT h.grid_id, {sector}, h.level, h.found_by, count(*) FROM hazard h WHERE {cond}"
                " AND h.status IN ('open', 'notified') AND h.due_date < ? AND h.sector IS {null}"
                " GROUP BY 1, 2, 3, 4")
    for sector, null in (("h.sector", "NOT NULL"), (_SITE_SECTOR, "NULL")):
        for grid, sector_, level, finder, n in conn.execute(
                late_sql.format(sector=sector, cond=cond, null=null), [*params, today]):
            acc.add((grid, sector_, level, None, None, finder), (0, 0, n, 0, 0), late=True)
    total = _Tally(*acc.total)
    by = acc.tallies()

    names = _names(conn)
    inspections = _inspections(session, scope is not None, lo, hi)
    per_inspector = inspections.pop("_per_inspector")
    result: dict[str, Any] = {
        "hazards_total": total.found,
        "hazards_closed": total.closed,
        "rectification_rate": rate(total.closed, total.found),
        "overdue": total.overdue,
        "major_open": total.major_open,
        "major_listed": total.major_listed,
        "period": {"from": lo.isoformat() if lo else None, "to": hi.isoformat() if hi else None},
        "scope": "all" if scope is None else "mine",
        "by_level": {lv: by["level"].get(lv, _Tally()).as_dict() for lv in ("general", "major")},
        "by_grid": sorted(
            ({"grid_id": g, "grid": names["grid"].get(g), **t.as_dict()} for g, t in by["grid"].items()),
            key=lambda r: (r["grid"] or "", r["grid_id"] or "")),
        "by_sector": sorted(({"sector": k, **t.as_dict()} for k, t in by["sector"].items()),
                            key=lambda r: -r["found"]),
        "by_factor": {k: by["factor"].get(k, _Tally()).found for k in FACTORS},
        "by_measure_type": {k: by["measure_type"].get(k, _Tally()).found for k in MEASURE_TYPES},
        "escalations": dict(escalations),
        **inspections,
    }
    result["by_inspector"] = _by_inspector(by["inspector"], per_inspector, names["user"])
    return result


_SITE_SECTOR = "(SELECT json_extract(s.sectors, '$[0]') FROM site s WHERE s.id = h.site_id)"


def _names(conn: Any) -> dict[str, dict[str, str]]:
    return {
        "grid": {r[0]: r[1] for r in conn.execute("SELECT id, name FROM region WHERE level = 'grid'")},
        "user": {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, login, name FROM app_user")},
    }


def _inspections(session: Session, scoped: bool, lo: date | None, hi: date | None) -> dict[str, Any]:
    """Inspections done (per inspector) and sites covered, in the same scope and period."""
    conn = session.store.read()
    period, period_params = [], []
    if lo:
        period.append("i.started_at >= ?")
        period_params.append(lo.isoformat())
    if hi:
        period.append("i.started_at < date(?, '+1 day')")
        period_params.append(hi.isoformat())
    grid_marks = ", ".join("?" for _ in session.user.grid_ids) or "NULL"
    grids = list(session.user.grid_ids)
    per: dict[str, int] = {}
    if scoped:
        # at a site of the user's grids (per site from the covering index of migration 8),
        # or done by the user elsewhere (matched inside the JSON list of inspectors)
        when = "".join(f" AND {p}" for p in period)
        at_grid_sites = conn.execute(
            "SELECT i.site_id, i.inspector_ids FROM site s CROSS JOIN inspection i"
            f" INDEXED BY inspection_site_cover ON i.site_id = s.id WHERE s.grid_id IN ({grid_marks})"
            f" AND i.status = 'finished' AND i.deleted = 0{when}", [*grids, *period_params])
        elsewhere = conn.execute(
            "SELECT i.site_id, i.inspector_ids FROM inspection i WHERE i.deleted = 0"
            f" AND i.status = 'finished' AND i.inspector_ids LIKE ?{when} AND (i.site_id IS NULL"
            f" OR i.site_id NOT IN (SELECT id FROM site WHERE grid_id IN ({grid_marks})))",
            [f'%"{session.user.id}"%', *period_params, *grids])
        rows = at_grid_sites.fetchall() + elsewhere.fetchall()
        total, covered = len(rows), len({site_id for site_id, _ in rows} - {None})
        for ids, n in Counter(ids for _, ids in rows).items():  # few distinct lists
            for uid in _json_ids(ids):
                per[uid] = per.get(uid, 0) + n
    else:
        base = "FROM inspection i WHERE " + " AND ".join(["i.deleted = 0", "i.status = 'finished'", *period])
        # unfiltered, the partial index of finished inspections by site (migration 7) has the
        # site ids in order; the planner would rather scan the wider covering index
        counted = base if lo or hi else base.replace(
            "FROM inspection i", "FROM inspection i INDEXED BY inspection_last_finished", 1)
        total, covered = conn.execute(f"SELECT count(*), count(DISTINCT i.site_id) {counted}",
                                      period_params).fetchone()
        # grouped in the order of the covering index (inspector_ids is a JSON list of user ids)
        for ids, n in conn.execute(f"SELECT i.inspector_ids, count(*) {base} GROUP BY 1", period_params):
            for uid in _json_ids(ids):
                per[uid] = per.get(uid, 0) + n
    sites_total = conn.execute(
        "SELECT count(*) FROM site WHERE deleted = 0" + (f" AND grid_id IN ({grid_marks})" if scoped else ""),
        grids if scoped else []).fetchone()[0]
    return {"inspections_total": total, "sites_covered": covered, "sites_total": sites_total,
            "_per_inspector": per}


def _json_ids(text: str | None) -> list[str]:
    if not text:
        return []
    if text.startswith('["') and '"' not in text[2:-2]:  # the common single-id case, no parsing
        return [text[2:-2]]
    return [str(v) for v in json.loads(text)]


def _by_inspector(found_by: dict[Any, _Tally], inspections: dict[str, int], users: dict[str, tuple[str, str]]
                  ) -> list[dict[str, Any]]:
    ids = set(inspections) | {k for k in found_by if k}
    rows = []
    for uid in ids:
        tally = found_by.get(uid, _Tally())
        login, name = users.get(uid, (None, None))
        rows.append({"user_id": uid, "login": login, "name": name, "hazards_found": tally.found,
                     "hazards_closed": tally.closed, "inspections": inspections.get(uid, 0)})
    return sorted(rows, key=lambda r: (-r["inspections"], -r["hazards_found"], r["login"] or ""))
