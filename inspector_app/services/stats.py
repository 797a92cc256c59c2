"""The figures the county asks for (考核, domain.md §2), as plain data.

Hazards found by level, sector and grid; 整改率 (rectification rate = closed ÷ found);
overdue; major hazards open and under listed supervision; inspections per inspector; sites
covered. Drafts (inside unfinished inspections) are not counted as found. One pass over the
hazard table grouped by (grid, sector, level, factor, measure type, finder) feeds every
breakdown, so the whole report stays fast at 100k hazards.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.entities import FACTORS, MEASURE_TYPES
from ..core.validation import parse_date
from . import overdue_rule
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
    """Sums of (found, closed, overdue, major_open, major_listed) per key of each dimension."""

    def __init__(self) -> None:
        self.total = [0, 0, 0, 0, 0]
        self.by: dict[str, dict[Any, list[int]]] = {d: {} for d in DIMENSIONS}

    def add_overdue(self, grid: Any, sector: Any, level: Any, finder: Any, n: int) -> None:
        """Overdue counts are broken down by grid, sector, level and finder only."""
        self.total[2] += n
        for dim, key in (("grid", grid), ("sector", sector), ("level", level), ("inspector", finder)):
            sums = self.by[dim].setdefault(key, [0, 0, 0, 0, 0])
            sums[2] += n

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
    escalations: dict[str, int] = {}
    # Without a period, the running tallies kept by triggers (migrations 7, 9) have the groups
    # already: one by grid/sector/status/level/listing/finder, one by the classification;
    # with a period, GROUP BYs over the hazards. Rows without the cached sector (written
    # directly, e.g. demo content) take it from the site. SQLite sums every breakdown.
    main_cols = "h.grid_id, {sector}, h.status, h.level, h.listed, h.found_by"
    class_cols = "h.factor, h.measure_type, h.escalation"
    live = f"FROM hazard h INDEXED BY hazard_without_sector WHERE {cond} AND h.sector IS NULL"
    if lo is None and hi is None:
        tally_cond = " AND ".join(["h.n > 0", *([scope] if scope else [])])
        main = (f"SELECT {main_cols.format(sector='h.sector')}, h.n FROM hazard_tally h WHERE {tally_cond}"
                f" UNION ALL SELECT {main_cols.format(sector=_SITE_SECTOR)}, count(*) {live}"
                " GROUP BY 1, 2, 3, 4, 5, 6")
        classes = (f"SELECT {class_cols}, h.n FROM hazard_class_tally h WHERE {tally_cond}"
                   f" UNION ALL SELECT {class_cols}, count(*) {live} GROUP BY 1, 2, 3")
        sql = _breakdown_sql(main, classes)
        sql_params = [*scope_params, *params, *scope_params, *params]
    else:
        # one pass in the column order of the covering index (migration 5), split after
        every = f"{main_cols}, {class_cols}"
        period = (f"p({_GROUP_COLUMNS}) AS MATERIALIZED (SELECT {every.format(sector='h.sector')}, count(*)"
                  f" FROM hazard h WHERE {cond} AND h.sector IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
                  f" UNION ALL SELECT {every.format(sector=_SITE_SECTOR)}, count(*) {live}"
                  " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9)")
        sql = _breakdown_sql(f"SELECT {_MAIN_COLUMNS} FROM p",
                             "SELECT factor, measure_type, escalation, n FROM p", period)
        sql_params = [*params, *params]
    for dim, key, *sums in conn.execute(sql, sql_params):
        if dim == "escalation":
            escalations[key] = sums[0]
        else:
            acc.by[dim][key] = sums
    # every group has exactly one level: the totals are the sums over the levels
    acc.total = [sum(sums[i] for sums in acc.by["level"].values()) for i in range(5)]
    late_sql = ("SELECT h.grid_id, {sector}, h.level, h.found_by, count(*) FROM hazard h {index}"
                " WHERE {cond} AND {late} AND h.due_date < ?"
                " AND h.sector IS {null} GROUP BY 1, 2, 3, 4")
    # with a sector: in the order of ``hazard_active_groups`` (no sort); without: the few rows
    # of ``hazard_without_sector`` (the planner would scan every overdue hazard for them)
    for sector, null, index in (("h.sector", "NOT NULL", ""),
                                (_SITE_SECTOR, "NULL", "INDEXED BY hazard_without_sector")):
        for grid, sector_, level, finder, n in conn.execute(
                late_sql.format(sector=sector, cond=cond, null=null, index=index,
                                late=overdue_rule.status_sql(session)), [*params, today]):
            acc.add_overdue(grid, sector_, level, finder, n)
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
                            key=lambda r: (-r["found"], r["sector"] or "")),
        "by_factor": {k: by["factor"].get(k, _Tally()).found for k in FACTORS},
        "by_measure_type": {k: by["measure_type"].get(k, _Tally()).found for k in MEASURE_TYPES},
        "escalations": dict(escalations),
        **inspections,
    }
    result["by_inspector"] = _by_inspector(by["inspector"], per_inspector, names["user"])
    return result


_SITE_SECTOR = "(SELECT json_extract(s.sectors, '$[0]') FROM site s WHERE s.id = h.site_id)"
_MAIN_COLUMNS = "grid_id, sector, status, level, listed, found_by, n"
_GROUP_COLUMNS = ("grid_id, sector, status, level, listed, found_by, factor, measure_type,"
                  " escalation, n")
_FIGURES = ("SELECT grid_id, sector, level, found_by, n AS found,"
            " CASE WHEN status = 'closed' THEN n ELSE 0 END AS closed,"
            " CASE WHEN level = 'major' AND status != 'closed' THEN n ELSE 0 END AS major_open,"
            " CASE WHEN level = 'major' AND status != 'closed' AND listed THEN n ELSE 0 END AS major_listed"
            " FROM g")


def _breakdown_sql(main: str, classes: str, first: str = "") -> str:
    """Every breakdown in one statement: rows of (dimension, key, found, closed, 0, major
    open, major listed). ``main`` gives hazard counts per (grid, sector, status, level,
    listed, finder), ``classes`` per (factor, measure type, escalation rung); each figure is
    worked out once per group, then summed per dimension. ``first``: a CTE they read."""
    sums = "sum(found), sum(closed), 0, sum(major_open), sum(major_listed)"
    parts = [f"SELECT '{dim}', {col}, {sums} FROM f GROUP BY {col}"
             for dim, col in (("grid", "grid_id"), ("sector", "sector"), ("level", "level"),
                              ("inspector", "found_by"))]
    parts += [f"SELECT '{dim}', {dim}, sum(n), 0, 0, 0, 0 FROM k GROUP BY {dim}"
              for dim in ("factor", "measure_type")]
    parts.append("SELECT 'escalation', escalation, sum(n), 0, 0, 0, 0 FROM k"
                 " WHERE escalation != '' GROUP BY escalation")
    return (f"WITH {first + ', ' if first else ''}g({_MAIN_COLUMNS}) AS MATERIALIZED ({main}),"
            f" f AS MATERIALIZED ({_FIGURES}),"
            f" k(factor, measure_type, escalation, n) AS MATERIALIZED ({classes})"
            f" {' UNION ALL '.join(parts)}")


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
    if lo is None and hi is None:
        total, covered = _inspections_from_tally(session, scoped, grid_marks, grids, per)
    elif scoped:
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
        _count_inspectors(Counter(ids for _, ids in rows).items(), per)  # few distinct lists
    else:
        base = "FROM inspection i WHERE " + " AND ".join(["i.deleted = 0", "i.status = 'finished'", *period])
        by_site = base.replace("FROM inspection i", "FROM inspection i INDEXED BY inspection_site_cover", 1)
        covered = conn.execute(  # distinct in the index's site order: nothing to sort
            f"SELECT count(*) FROM (SELECT DISTINCT i.site_id {by_site} AND i.site_id IS NOT NULL)",
            period_params).fetchone()[0]
        # grouped in the order of the covering index (inspector_ids is a JSON list of user ids);
        # every inspection is in exactly one group, so the groups also give the total
        lists = conn.execute(f"SELECT i.inspector_ids, count(*) {base} GROUP BY 1", period_params).fetchall()
        total = sum(n for _, n in lists)
        _count_inspectors(lists, per)
    sites_total = conn.execute(
        "SELECT count(*) FROM site WHERE deleted = 0" + (f" AND grid_id IN ({grid_marks})" if scoped else ""),
        grids if scoped else []).fetchone()[0]
    return {"inspections_total": total, "sites_covered": covered, "sites_total": sites_total,
            "_per_inspector": per}


def _inspections_from_tally(session: Session, scoped: bool, grid_marks: str, grids: list[str],
                            per: dict[str, int]) -> tuple[int, int]:
    """Inspections done and sites covered, without a period: from ``inspection_tally``
    (finished inspections per list of inspectors and site, migration 9)."""
    conn = session.store.read()
    if not scoped:
        covered = conn.execute(  # distinct in the order of the index: nothing to sort
            "SELECT count(*) FROM (SELECT DISTINCT site_id FROM inspection_tally"
            " INDEXED BY inspection_tally_site WHERE site_id IS NOT NULL)").fetchone()[0]
        lists = conn.execute("SELECT inspector_ids, sum(n) FROM inspection_tally GROUP BY 1").fetchall()
        _count_inspectors(lists, per)
        return sum(n for _, n in lists), covered  # every inspection is in one list's group
    # at the sites of the user's grids (the tally keeps each site's grid), summed by SQLite
    in_grids = f"grid_id IN ({grid_marks})"
    lists: Counter[str | None] = Counter(dict(conn.execute(
        f"SELECT inspector_ids, sum(n) FROM inspection_tally WHERE {in_grids} GROUP BY 1", grids)))
    covered = conn.execute("SELECT count(*) FROM (SELECT DISTINCT grid_id, site_id FROM inspection_tally"
                           f" INDEXED BY inspection_tally_grid WHERE {in_grids})", grids).fetchone()[0]
    # the user's own visits elsewhere: the few distinct lists of inspectors naming them first
    # (in the order of the index, nothing sorted), then those lists' rows outside the grids
    own = [ids for (ids,) in conn.execute(
        "SELECT DISTINCT inspector_ids FROM inspection_tally INDEXED BY inspection_tally_key")
        if session.user.id in _json_ids(ids)]
    elsewhere = conn.execute(
        "SELECT site_id, inspector_ids, n FROM inspection_tally INDEXED BY inspection_tally_key"
        f" WHERE inspector_ids IN ({', '.join('?' for _ in own) or 'NULL'})"
        f" AND (grid_id IS NULL OR NOT {in_grids})", [*own, *grids]).fetchall()
    for _, ids, n in elsewhere:
        lists[ids] += n
    _count_inspectors(lists.items(), per)
    return sum(lists.values()), covered + len({site_id for site_id, _, _ in elsewhere} - {None})


def _count_inspectors(lists: Iterable[tuple[str | None, int]], per: dict[str, int]) -> None:
    """Credit each inspector on a list (JSON) with the list's count of inspections."""
    for ids, n in lists:
        for uid in _json_ids(ids):
            per[uid] = per.get(uid, 0) + n


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
