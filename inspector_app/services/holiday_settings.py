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
from ..core.errors import ValidationError
from ..core.holidays import OfficialYear, RegionalHoliday, official_year_known, statutory_holidays
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


def official_years(session: Session) -> list[OfficialYear]:
    """The schedules entered by hand for years this app's calendar does not know yet."""
    return sorted(calendar_of(session).official.values(), key=lambda o: o.year)


def set_official_year(session: Session, year: int, holidays: list[date], workdays: list[date]
                      ) -> Changes:
    """Enter the State Council's published schedule of ``year``: its holidays and its 调休
    workdays (admins). Deadlines in that year then count it instead of the fallback, on
    every device (a synced setting); ``holidays`` empty removes the entry."""
    permissions.require(session.user, Action.MANAGE_SETTINGS)
    if official_year_known(year):
        raise ValidationError(f"this app already has the official schedule for {year}",
                              f"本程序已有 {year} 年的官方放假调休安排，无需录入", code="official_year_known")
    entry = OfficialYear.from_json(year, {"holidays": [str(d) for d in holidays],
                                          "workdays": [str(d) for d in workdays]})
    setting = settings_registry.OFFICIAL_YEARS

    def job(tx: WriteTx) -> None:
        years = dict(settings_registry.get(tx.conn, setting))
        if entry.holidays:
            years[str(year)] = entry.to_json()
        else:
            years.pop(str(year), None)
        settings_registry.put(tx, setting, years)
        tx.audit("official_year_set", "settings", None,
                 f"{year}: {len(entry.holidays)} holidays, {len(entry.workdays)} workdays")

    session.write(job)
    return Changes.of(STORE)


def year_calendar(session: Session, year: int) -> YearCalendar:
    cal = calendar_of(session)
    return YearCalendar(year, cal.is_official(year), cal.rest_days(year), dict(statutory_holidays(year)))
