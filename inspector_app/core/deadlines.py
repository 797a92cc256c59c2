"""Rectification deadlines (domain.md §6).

The start day does not count; a calendar-day period whose last day is a rest day ends on
the next working day; a working-day period counts only working days. Rest days come from
China's official holiday/调休 calendar (``core/holidays.py``) — with a computed fallback, and
a warning, past the calendar's last published year. ``due_date`` keeps its signature: pass
``is_rest_day`` to count with another calendar (a region's extra holidays, or weekends only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import ValidationError
from .holidays import OFFICIAL, HolidayCalendar

RestDay = Callable[[date], bool]
MAX_DAYS = 3650
# A major hazard's acceptance, and the re-check of a 责改 order, take place within 10 days of
# the unit's completion report or of the deadline's end (domain.md §2, §3).
RECHECK_WINDOW_DAYS = 10


def weekend(day: date) -> bool:
    return day.weekday() >= 5


def check_days(days: int) -> None:
    if days < 0:
        raise ValidationError("a deadline cannot be negative", "整改期限不能为负数", code="bad_deadline")
    if days > MAX_DAYS:
        raise ValidationError("a deadline over ten years is not plausible", "整改期限超过十年，请核对",
                              code="bad_deadline")


def due_date(
    start: date, days: int, *, working_days: bool = False, is_rest_day: RestDay = OFFICIAL.is_rest_day
) -> date:
    """Last day of a period of ``days`` counted from ``start`` (which does not count).

    ``days == 0`` means "immediately": the start day itself.
    """
    check_days(days)
    if days == 0:
        return start
    if working_days:
        day, left = start, days
        while left:
            day += timedelta(days=1)
            if not is_rest_day(day):
                left -= 1
        return day
    day = start + timedelta(days=days)
    while is_rest_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Deadline:
    """A computed due date and the years it was counted in without the official calendar."""

    start: date
    due: date
    unknown_years: tuple[int, ...] = ()

    @property
    def provisional_calendar(self) -> bool:
        return bool(self.unknown_years)


def deadline(
    start: date, days: int, *, working_days: bool = False, calendar: HolidayCalendar = OFFICIAL
) -> Deadline:
    """``due_date`` with the calendar, telling which years used the fallback (warn the user)."""
    due = due_date(start, days, working_days=working_days, is_rest_day=calendar.is_rest_day)
    # the days looked at are those after the start, up to and including the due date
    unknown = calendar.unknown_years(start + timedelta(days=1), due) if due > start else ()
    return Deadline(start, due, unknown)


def extend(
    current_due: date, days: int, *, working_days: bool = False, calendar: HolidayCalendar = OFFICIAL
) -> Deadline:
    """An extension of ``days`` more days counted on from the current due date."""
    if days <= 0:
        raise ValidationError("an extension must add at least one day", "延期天数至少为 1 天",
                              code="bad_deadline")
    return deadline(current_due, days, working_days=working_days, calendar=calendar)


def recheck_due(start: date, calendar: HolidayCalendar = OFFICIAL) -> date:
    """Last day of the 10-day re-check window that starts at ``start`` (calendar days)."""
    return due_date(start, RECHECK_WINDOW_DAYS, is_rest_day=calendar.is_rest_day)
