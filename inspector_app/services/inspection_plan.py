"""The inspection plan: which sites are due for an inspection, which are overdue.

How often a site is checked follows its risk colour (domain.md §2: red monthly, orange every
2 months, yellow quarterly, blue half-yearly; unrated sites like blue). The intervals are a
setting (``store_info.inspection_intervals``, months per colour). A site is due again
``interval`` months after its last *finished* inspection; a site never inspected is due at
once and overdue once ``interval`` months have passed since it was registered. Inspectors
see the sites of their grids, supervisors and admins every site.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..core import permissions
from ..core.entities import RISK_COLOURS
from ..core.errors import ValidationError
from ..core.permissions import Action
from ..store.store import WriteTx, set_info
from .changes import STORE, Changes
from .session import Session

INTERVALS_KEY = "inspection_intervals"
DEFAULT_INTERVALS = {"red": 1, "orange": 2, "yellow": 3, "blue": 6, "unrated": 6}


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
    status: str  # "overdue" | "due" | "ok"
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
    raw = session.store.info(INTERVALS_KEY)
    intervals = dict(DEFAULT_INTERVALS)
    if raw:
        try:
            intervals.update({k: int(v) for k, v in json.loads(raw).items() if k in intervals})
        except (ValueError, TypeError, AttributeError):
            pass  # a broken setting falls back to the defaults
    return intervals


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
        set_info(tx, INTERVALS_KEY, json.dumps(merged))
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


def plan(session: Session, *, within_days: int = 30, include_ok: bool = False,
         today: date | None = None) -> list[PlanRow]:
    """Sites overdue, then those due within ``within_days`` (all with ``include_ok``).

    SQLite picks the candidates: never inspected, or last inspected before the colour's
    cut-off (from ``latest_base``); the last finished inspection per site comes from the
    partial index ``inspection_last_finished`` (migration 7). Python only dates the few.
    """
    today = today or session.clock.today()
    horizon = today + timedelta(days=within_days)
    intervals = get_intervals(session)
    conn = session.store.read()
    colours = (*RISK_COLOURS, "unrated")
    cutoff = {c: utc_stamp_before(latest_base(horizon, intervals[c]) + timedelta(days=1))
              for c in colours}
    sql = ("SELECT s.id, s.name, s.grid_id, (SELECT name FROM region g WHERE g.id = s.grid_id) AS grid,"
           " s.risk_colour, s.created_at, (SELECT max(i.ended_at) FROM inspection i"
           " WHERE i.site_id = s.id AND i.status = 'finished' AND i.deleted = 0) AS last"
           " FROM site s WHERE s.deleted = 0")
    params: list[object] = []
    if not permissions.sees_all_grids(session.user):
        sql += f" AND s.grid_id IN ({', '.join('?' for _ in session.user.grid_ids) or 'NULL'})"
        params += list(session.user.grid_ids)
    if not include_ok:
        cases = " ".join(f"WHEN '{c}' THEN ?" for c in RISK_COLOURS)
        sql = (f"SELECT * FROM ({sql}) WHERE last IS NULL"
               f" OR last < CASE risk_colour {cases} ELSE ? END")
        params += [cutoff[c] for c in colours]
    rows = []
    for r in conn.execute(sql, params):
        colour = r["risk_colour"] if r["risk_colour"] in RISK_COLOURS else None
        months = intervals[colour or "unrated"]
        last = r["last"]
        inspected = local_date(last) if last else None
        due = add_months(inspected or local_date(r["created_at"]), months)
        if due < today:
            status = "overdue"
        elif inspected is None or due <= horizon:
            status = "due"
        else:
            status = "ok"
        if status == "ok" and not include_ok:
            continue
        rows.append(PlanRow(r["id"], r["name"], r["grid_id"], r["grid"], colour, months,
                            inspected.isoformat() if inspected else None, due.isoformat(), status,
                            max((today - due).days, 0)))
    order = {"overdue": 0, "due": 1, "ok": 2}
    return sorted(rows, key=lambda p: (order[p.status], p.due_on, p.name))
