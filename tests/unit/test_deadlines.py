"""Deadline counting (domain.md §6) with the official calendar and the fallback."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.core import deadlines, holidays
from inspector_app.core.deadlines import deadline, due_date, extend, recheck_due
from inspector_app.core.errors import ValidationError
from inspector_app.core.holidays import HolidayCalendar


@pytest.fixture
def calendar_ends_2026(monkeypatch):
    """The calendar package knows up to 2026 (as chinesecalendar 1.11): 2027 is the fallback."""
    monkeypatch.setattr(holidays, "official_year_known", lambda year: 2004 <= year <= 2026)
    return HolidayCalendar()


def test_domain_examples():
    # 5 working days from 2026-09-30: the National Day holiday 10-01…10-07, 10-10 a 调休 workday
    assert due_date(date(2026, 9, 30), 5, working_days=True) == date(2026, 10, 13)
    # 7 calendar days from 2026-09-27 -> 10-04, inside the holiday -> the next working day 10-08
    assert due_date(date(2026, 9, 27), 7) == date(2026, 10, 8)


def test_start_day_does_not_count_and_zero_is_today():
    assert due_date(date(2026, 9, 28), 1) == date(2026, 9, 29)
    assert due_date(date(2026, 9, 28), 0) == date(2026, 9, 28)
    assert due_date(date(2026, 9, 28), 1, working_days=True) == date(2026, 9, 29)


def test_a_tiaoxiu_saturday_counts_as_a_working_day():
    assert due_date(date(2026, 10, 9), 1, working_days=True) == date(2026, 10, 10)
    assert due_date(date(2026, 10, 8), 2) == date(2026, 10, 10)  # a calendar deadline may end on it


def test_mid_autumn_2026_is_skipped():
    # 2026-09-24 + 1 working day: 09-25…09-27 are the 中秋 holiday
    assert due_date(date(2026, 9, 24), 1, working_days=True) == date(2026, 9, 28)


def test_year_end_official():
    # 2025-12-28 + 4 days = 2026-01-01 (元旦 holiday 01-01…01-03) -> 01-04, a 调休 Sunday workday
    assert due_date(date(2025, 12, 28), 4) == date(2026, 1, 4)
    assert due_date(date(2024, 12, 31), 1, working_days=True) == date(2025, 1, 2)


def test_year_end_into_the_fallback_warns(calendar_ends_2026):
    d = deadline(date(2026, 12, 31), 1, working_days=True, calendar=calendar_ends_2026)
    assert d.due == date(2027, 1, 4)  # 01-01 元旦, then a weekend; no 调休 known
    assert d.unknown_years == (2027,) and d.provisional_calendar
    inside = deadline(date(2026, 12, 1), 5, working_days=True, calendar=calendar_ends_2026)
    assert inside.unknown_years == ()


def test_spring_festival_2027_fallback(calendar_ends_2026):
    # 除夕 02-05 (Fri) … 初三 02-08 (Mon)
    d = deadline(date(2027, 2, 4), 1, working_days=True, calendar=calendar_ends_2026)
    assert d.due == date(2027, 2, 9) and d.unknown_years == (2027,)
    d = deadline(date(2027, 2, 1), 4, calendar=calendar_ends_2026)  # -> 02-05 除夕
    assert d.due == date(2027, 2, 9)
    d = deadline(date(2027, 2, 3), 5, working_days=True, calendar=calendar_ends_2026)
    assert d.due == date(2027, 2, 12)  # 04, 09, 10, 11, 12


def test_regional_holiday_moves_a_deadline():
    cal = HolidayCalendar([holidays.RegionalHoliday("三月三", 3, 3, True, 2)])
    # lunar 3/3 2026 = 04-19 (Sun), 04-20 (Mon): 04-17 + 1 working day -> 04-21
    assert deadline(date(2026, 4, 17), 1, working_days=True, calendar=cal).due == date(2026, 4, 21)
    assert due_date(date(2026, 4, 17), 1, working_days=True) == date(2026, 4, 20)


def test_extension_counts_on_from_the_due_date():
    assert extend(date(2026, 9, 30), 5, working_days=True).due == date(2026, 10, 13)
    with pytest.raises(ValidationError):
        extend(date(2026, 9, 30), 0)


def test_recheck_window_is_ten_calendar_days_ending_on_a_working_day():
    assert deadlines.RECHECK_WINDOW_DAYS == 10
    assert recheck_due(date(2026, 9, 21)) == date(2026, 10, 8)  # 10-01 is a holiday
    assert recheck_due(date(2026, 11, 2)) == date(2026, 11, 12)


@pytest.mark.parametrize("days", [-1, 3651])
def test_implausible_deadlines(days):
    with pytest.raises(ValidationError):
        due_date(date(2026, 9, 28), days)


def test_weekend_only_calendar_still_available():
    assert due_date(date(2026, 9, 28), 5, is_rest_day=deadlines.weekend) == date(2026, 10, 5)
