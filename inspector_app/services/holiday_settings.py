"""This installation's holiday calendar: the official one plus regional extra holidays.

Regional holidays (广西 三月三, 新疆/宁夏 古尔邦节 …) are per installation (domain.md §6), kept
as a synced setting (settings_registry) so every device counts the same deadlines; admins
change them. Deadlines count them as rest days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import permissions
from ..core.holidays import RegionalHoliday, official_year_known, statutory_holidays
from ..core.permissions import Action
from ..store.store import WriteTx
from . import settings_registry
from .changes import STORE, Changes
from .lifecycle_common import calendar_of
from .session import Session


@dataclass(frozen=True)
class YearCalendar:
    year: int
    official: bool  # False: computed fallback, the year's 调休 is not known yet
    rest_days: list[date]
    statutory: dict[date, str]  # the statutory holidays computed by the fallback rule


def regional_holidays(session: Session) -> list[RegionalHoliday]:
    return list(calendar_of(session).regional)


def set_regional_holidays(session: Session, rules: list[dict[str, Any]]) -> Changes:
    """Replace the regional holidays (each rule checked first: all or nothing)."""
    permissions.require(session.user, Action.MANAGE_SETTINGS)
    parsed = [RegionalHoliday.from_json(r) for r in rules]

    def job(tx: WriteTx) -> None:
        settings_registry.put(tx, settings_registry.REGIONAL_HOLIDAYS, [r.to_json() for r in parsed])
        tx.audit("regional_holidays_set", "settings", None, ", ".join(r.name for r in parsed)[:200])

    session.write(job)
    return Changes.of(STORE)


def year_calendar(session: Session, year: int) -> YearCalendar:
    cal = calendar_of(session)
    return YearCalendar(year, official_year_known(year), cal.rest_days(year), dict(statutory_holidays(year)))
