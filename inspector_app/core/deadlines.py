"""Rectification deadlines (domain.md §6).

The start day does not count; a calendar-day period whose last day is a rest day ends on
the next working day. Rest days here are weekends only — the official holiday and 调休
calendar comes with the rectification-lifecycle work and plugs in as ``is_rest_day``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .errors import ValidationError

RestDay = Callable[[date], bool]


def weekend(day: date) -> bool:
    return day.weekday() >= 5


def due_date(
    start: date, days: int, *, working_days: bool = False, is_rest_day: RestDay = weekend
) -> date:
    """Last day of a period of ``days`` counted from ``start`` (which does not count)."""
    if days < 0:
        raise ValidationError("a deadline cannot be negative", "整改期限不能为负数", code="bad_deadline")
    if days > 3650:
        raise ValidationError("a deadline over ten years is not plausible", "整改期限超过十年，请核对",
                              code="bad_deadline")
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
