"""The dashboard's queries (工作台): what needs attention, in "my grids" or in all of them.

Each panel is a count plus the first rows, sorted by urgency, so the GUI can show a number
and a short list without loading 100k hazards. Inspectors always see their own grids only;
``mine=True`` restricts a supervisor to the grids assigned to them (all, if none are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.entities import HazardRow
from . import inspection_plan
from .assigned_tasks import list_tasks
from .hazards import HazardFilter, count_hazards, hazard_rows, list_hazard_ids
from .session import Session

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class Panel:
    """One dashboard panel: how many, and the most urgent ``rows``."""

    count: int
    rows: list[HazardRow] = field(default_factory=list)


@dataclass(frozen=True)
class SitesDue:
    """Sites due for inspection (risk colour → frequency), from the inspections work."""

    available: bool  # False when the dashboard was asked to skip the inspection plan
    count: int = 0
    rows: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Dashboard:
    mine: bool
    overdue: Panel
    due_soon: Panel
    awaiting_recheck: Panel
    major_supervised: Panel
    recheck_due: Panel
    sites_due: SitesDue
    tasks_overdue: int


def _panel(session: Session, flt: HazardFilter, sort: str, limit: int, index: str | None = None) -> Panel:
    """``index``: the partial index holding exactly this panel's hazards (migrations 6, 9)."""
    ids = list_hazard_ids(session, flt, sort=sort, descending=False, limit=limit, index=index)
    return Panel(count_hazards(session, flt, index=index), hazard_rows(session, ids))


def overdue(session: Session, *, mine: bool = False, limit: int = 50) -> Panel:
    """Past the due date and not reported done (oldest due date first)."""
    return _panel(session, HazardFilter(overdue=True, mine=mine), "due_date", limit)


def due_soon(session: Session, *, days: int = DUE_SOON_DAYS, mine: bool = False, limit: int = 50) -> Panel:
    """Due today or within ``days`` days."""
    return _panel(session, HazardFilter(due_within=days, mine=mine), "due_date", limit)


def awaiting_recheck(session: Session, *, mine: bool = False, limit: int = 50) -> Panel:
    """The unit reported completion: an inspector has to go back (earliest due date first)."""
    return _panel(session, HazardFilter(status="awaiting_recheck", mine=mine), "due_date", limit,
                  "hazard_awaiting_recheck")


def major_under_supervision(session: Session, *, mine: bool = False, limit: int = 50) -> Panel:
    """Major hazards not yet closed (listed ones first, then by due date)."""
    return _panel(session, HazardFilter(level="major", active=True, mine=mine), "supervision", limit,
                  "hazard_major_active")


def rechecks_due(session: Session, *, mine: bool = False, limit: int = 50) -> Panel:
    """Major hazards whose 10-day re-check/acceptance window is running (earliest end first).

    The window starts at the unit's completion report or at the deadline's end; a row whose
    ``recheck_due`` is before today is late.
    """
    return _panel(session, HazardFilter(recheck_window=True, mine=mine), "recheck_due", limit,
                  "hazard_recheck_window")


def sites_due_for_inspection(session: Session, *, mine: bool = False, limit: int = 50) -> SitesDue:
    """Sites overdue, then due soon (``inspection_plan``): the count and the first ``limit``."""
    return SitesDue(True, inspection_plan.due_count(session, mine=mine),
                    inspection_plan.first_due(session, limit=limit, mine=mine))


def dashboard(session: Session, *, mine: bool = False, due_soon_days: int = DUE_SOON_DAYS,
              limit: int = 20, with_sites_due: bool = True) -> Dashboard:
    """Every panel at once (the GUI may also call the panel functions one by one).

    ``with_sites_due=False`` skips the inspection plan (the GUI may load it separately).
    """
    return Dashboard(
        mine=mine,
        overdue=overdue(session, mine=mine, limit=limit),
        due_soon=due_soon(session, days=due_soon_days, mine=mine, limit=limit),
        awaiting_recheck=awaiting_recheck(session, mine=mine, limit=limit),
        major_supervised=major_under_supervision(session, mine=mine, limit=limit),
        recheck_due=rechecks_due(session, mine=mine, limit=limit),
        sites_due=(sites_due_for_inspection(session, mine=mine, limit=limit) if with_sites_due
                   else SitesDue(False)),
        tasks_overdue=len(list_tasks(session, overdue=True)),
    )
