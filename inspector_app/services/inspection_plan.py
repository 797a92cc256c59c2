"""The inspection plan: which sites are due for an inspection, which are overdue.

How often a site is checked follows its risk colour (domain.md §2: red monthly, orange every
2 months, yellow quarterly, blue half-yearly; unrated sites like blue). The intervals are a
synced setting (``settings_registry.INSPECTION_INTERVALS``, months per colour). A site is due again
``interval`` months after its last *finished* inspection; a site never inspected is due at
once and overdue once ``interval`` months have passed since it was registered; until then its
status is ``first`` (首次检查) and its due date is the deadline of that first inspection, so a
list titled "due in the next 30 days" never calls a site due whose date is months away.
Inspectors see the sites of their grids, supervisors and admins every site.
"""

from __future__ import annotations

import calendar
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..core import permissions
from ..core.entities import RISK_COLOURS
from ..core.errors import ValidationError
from ..core.permissions import Action
from ..store.collation import sort_key
from ..store.store import WriteTx
from . import settings_registry
from .changes import STORE, Changes
from .session import Session

INTERVALS_KEY = settings_registry.INSPECTION_INTERVALS.key
DEFAULT_INTERVALS = settings_registry.DEFAULT_INTERVALS


@dataclass(frozen=True)
class PlanRow:
    site_id: str
    name: str
    grid_id: str | None
    grid: str | None
    risk_colour: str | None
    interval_months: int
    last_inspected_on: str | None
    due_on: str
    status: str  # "overdue" | "due" | "first" (never inspected, not yet overdue) | "ok"
    days_overdue: int


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month: Jan 31 + 1 → Feb 28)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_date(stamp: str) -> date:
    """The calendar date where the user is of a stored UTC timestamp."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().date()


def get_intervals(session: Session) -> dict[str, int]:
    return dict(settings_registry.get(session.store.read(), settings_registry.INSPECTION_INTERVALS))


def set_intervals(session: Session, intervals: dict[str, int]) -> Changes:
    """Change the months between inspections per risk colour (admins)."""
    permissions.require(session.user, Action.MANAGE_SETTINGS)
    merged = get_intervals(session)
    for key, months in intervals.items():
        if key not in DEFAULT_INTERVALS:
            raise ValidationError(f"unknown risk colour {key!r}", f"未知风险等级“{key}”", code="bad_risk")
        if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
            raise ValidationError(f"{key}: months must be 1 to 60", "检查间隔应为 1 到 60 个月",
                                  code="bad_interval")
        merged[key] = months

    def job(tx: WriteTx) -> None:
        settings_registry.put(tx, settings_registry.INSPECTION_INTERVALS, merged)
        tx.audit("inspection_intervals_set", "store", None, json.dumps(merged))

    session.write(job)
    return Changes.of(STORE)


def latest_base(horizon: date, months: int) -> date:
    """The last day ``d`` with ``add_months(d, months) <= horizon`` (add_months never
    decreases as ``d`` grows, so everything inspected up to ``d`` is due by ``horizon``)."""
    day = horizon - timedelta(days=28 * months)  # add_months(d, m) >= d + 28·m days
    while add_months(day, months) > horizon:
        day -= timedelta(days=1)
    return day


def utc_stamp_before(day: date) -> str:
    """The stored-timestamp prefix of the local midnight starting ``day``: a UTC stamp
    compares lower than it exactly when its local date is before ``day``."""
    local_midnight = datetime.combine(day, datetime.min.time()).astimezone()
    return local_midnight.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


_COLOURS = (*RISK_COLOURS, "unrated")
# "first" ranks with "due": the plan stays in due-date order (``first_due`` relies on it).
_ORDER = {"overdue": 0, "due": 1, "first": 1, "ok": 2}
_ROW_SQL = ("SELECT ss.site_id, s.name, ss.grid_id, g.name AS grid, ss.risk_colour, ss.inspected,"
            " ss.base_at FROM ({branches}) ss JOIN site s ON s.id = ss.site_id"
            " LEFT JOIN region g ON g.id = ss.grid_id")


@dataclass(frozen=True)
class _Scope:
    """What every query of one plan shares: the day, the horizon, intervals, cut-offs, grids."""

    today: date
    horizon: date
    intervals: dict[str, int]
    cutoff: dict[str, str]  # colour -> stamp: inspected before it means due by the horizon
    grids: tuple[str, ...] | None  # None: every grid

    def branch(self, colour: str, inspected: int, *, include_ok: bool = False,
               since: str | None = None, before: str | None = None, order: bool = False,
               first_by_name: int | None = None) -> tuple[str, list[object]]:
        """One range of ``site_schedule_due`` (or ``…_grid_due``): a colour, never or ever
        inspected, base before the colour's cut-off (unless ``include_ok``), in
        [``since``, ``before``); ordered by base, or only the first few by site name."""
        where = "ss.risk_colour = ? AND ss.inspected = ?"
        params: list[object] = [colour, inspected]
        if self.grids is not None:
            where += f" AND ss.grid_id IN ({', '.join('?' for _ in self.grids) or 'NULL'})"
            params += self.grids
        bounds = [b for b in (before, None if include_ok or not inspected else self.cutoff[colour]) if b]
        if bounds:
            where += " AND ss.base_at < ?"
            params.append(min(bounds))
        if since:
            where += " AND ss.base_at >= ?"
            params.append(since)
        columns = "ss.site_id, ss.risk_colour, ss.grid_id, ss.inspected, ss.base_at"
        if first_by_name is not None:
            return (f"SELECT * FROM (SELECT {columns} FROM site_schedule ss JOIN site n"
                    f" ON n.id = ss.site_id WHERE {where} ORDER BY pinyin_key(n.name), n.id LIMIT ?)",
                    [*params, first_by_name])
        sql = f"SELECT {columns} FROM site_schedule ss WHERE {where}"
        return (sql + " ORDER BY ss.base_at" if order else sql), params

    def row(self, r: sqlite3.Row) -> PlanRow:
        colour = r["risk_colour"] if r["risk_colour"] in RISK_COLOURS else None
        months = self.intervals[colour or "unrated"]
        base = local_date(r["base_at"])
        inspected = base if r["inspected"] else None
        due = add_months(base, months)
        if due < self.today:
            status = "overdue"
        elif inspected is None:
            status = "first"
        elif due <= self.horizon:
            status = "due"
        else:
            status = "ok"
        return PlanRow(r["site_id"], r["name"], r["grid_id"], r["grid"], colour, months,
                       inspected.isoformat() if inspected else None, due.isoformat(), status,
                       max((self.today - due).days, 0))


def _scope(session: Session, within_days: int, today: date | None, mine: bool = False) -> _Scope:
    today = today or session.clock.today()
    horizon = today + timedelta(days=within_days)
    intervals = get_intervals(session)
    cutoff = {c: utc_stamp_before(latest_base(horizon, intervals[c]) + timedelta(days=1))
              for c in _COLOURS}
    user = session.user
    everywhere = permissions.sees_all_grids(user) and (not mine or not user.grid_ids)
    grids = None if everywhere else tuple(user.grid_ids)
    return _Scope(today, horizon, intervals, cutoff, grids)


def _rows(session: Session, scope: _Scope, branches: list[tuple[str, list[object]]]) -> list[PlanRow]:
    sql = _ROW_SQL.format(branches=" UNION ALL ".join(b for b, _ in branches))
    params = [p for _, ps in branches for p in ps]
    rows = [scope.row(r) for r in session.store.read().execute(sql, params)]
    # names in pinyin order, the same key as the SQL of ``first_by_name`` (ties must agree)
    return sorted(rows, key=lambda p: (_ORDER[p.status], p.due_on, sort_key(p.name), p.site_id))


def plan(session: Session, *, within_days: int = 30, include_ok: bool = False,
         today: date | None = None) -> list[PlanRow]:
    """Sites overdue, then those due within ``within_days`` (all with ``include_ok``).

    ``site_schedule`` (migration 9) gives the candidates as one index range per colour:
    never inspected, or last inspected before the colour's cut-off (from ``latest_base``).
    Python only dates the few.
    """
    scope = _scope(session, within_days, today)
    branches = [scope.branch(c, f, include_ok=include_ok) for c in _COLOURS for f in (0, 1)]
    rows = _rows(session, scope, branches)
    return rows if include_ok else [r for r in rows if r.status != "ok"]


def due_count(session: Session, *, within_days: int = 30, today: date | None = None,
              mine: bool = False) -> int:
    """How many sites :func:`plan` lists, counted in the index (``mine``: a supervisor's
    own grids, if they have any)."""
    scope = _scope(session, within_days, today, mine)
    branches = [scope.branch(c, f) for c in _COLOURS for f in (0, 1)]
    sql = f"SELECT count(*) FROM ({' UNION ALL '.join(b for b, _ in branches)})"
    return session.store.read().execute(sql, [p for _, ps in branches for p in ps]).fetchone()[0]


def first_due(session: Session, *, limit: int = 50, within_days: int = 30,
              today: date | None = None, mine: bool = False) -> list[PlanRow]:
    """The first ``limit`` rows of :func:`plan` without dating every due site.

    The plan's order is the due date, then the name (overdue sites are exactly those due
    before today). Within one colour and inspected-or-not the due date never decreases with
    ``base_at``, so each range contributes a prefix: everything due before the due date ``D``
    of its ``limit``-th row (fewer than ``limit``), and of the rows due on ``D`` the first
    ``limit`` by name. Several base days can share a due day (Jan 29–31 + 1 month are all
    Feb 28), and a register import gives thousands of sites one registration day: the
    bounds are base days from ``latest_base``, and SQLite picks the names.
    """
    scope = _scope(session, within_days, today, mine)
    conn = session.store.read()
    branches = []
    for colour in _COLOURS:
        months = scope.intervals[colour]
        for flag in (0, 1):
            sql, params = scope.branch(colour, flag, order=True)
            nth = conn.execute(f"{sql} LIMIT 1 OFFSET ?", [*params, limit - 1]).fetchone()
            if nth is None:  # fewer than ``limit``: all of them
                branches.append(scope.branch(colour, flag))
                continue
            last_due = add_months(local_date(nth["base_at"]), months)
            due_before = utc_stamp_before(latest_base(last_due - timedelta(days=1), months)
                                          + timedelta(days=1))
            due_on = utc_stamp_before(latest_base(last_due, months) + timedelta(days=1))
            branches.append(scope.branch(colour, flag, before=due_before))
            branches.append(scope.branch(colour, flag, since=due_before, before=due_on,
                                         first_by_name=limit))
    return [r for r in _rows(session, scope, branches) if r.status != "ok"][:limit]
