"""The holiday calendar: official where published, computed (with a warning) past that."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from inspector_app.core import holidays
from inspector_app.core.errors import ValidationError
from inspector_app.core.holidays import HolidayCalendar, RegionalHoliday, statutory_holidays


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_computed_statutory_holiday_is_an_official_holiday(year):
    computed = statutory_holidays(year)
    assert computed
    for day, code in computed.items():
        assert chinese_calendar.is_holiday(day), f"{day} ({code}) is not an official holiday"
        assert not chinese_calendar.is_workday(day)


def test_the_statutory_days_per_rule():
    # since 2025: 13 days (元旦1 春节4 清明1 劳动2 端午1 中秋1 国庆3); 2014–2024: 11
    assert len(statutory_holidays(2025)) == 13
    assert len(statutory_holidays(2026)) == 13
    assert len(statutory_holidays(2024)) == 11
    # 2028: 中秋 falls on 10-03, inside 国庆: one day fewer
    assert len(statutory_holidays(2028)) == 12


def test_2027_fallback_dates():
    days = statutory_holidays(2027)
    spring = sorted(d for d, c in days.items() if c == "spring_festival")
    assert spring == [date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)]  # 除夕–初三
    assert days[date(2027, 4, 5)] == "qingming"
    assert days[date(2027, 6, 9)] == "dragon_boat"
    assert days[date(2027, 9, 15)] == "mid_autumn"
    assert {date(2027, 5, 1), date(2027, 5, 2), date(2027, 10, 3), date(2027, 1, 1)} <= set(days)


def test_qingming_follows_the_solar_term():
    assert {d for d, c in statutory_holidays(2024).items() if c == "qingming"} == {date(2024, 4, 4)}
    assert {d for d, c in statutory_holidays(2026).items() if c == "qingming"} == {date(2026, 4, 5)}


def test_official_calendar_knows_tiaoxiu():
    cal = HolidayCalendar()
    assert cal.is_official(2026)
    assert not cal.is_rest_day(date(2026, 10, 10))  # Saturday made a workday (调休)
    assert cal.is_rest_day(date(2026, 10, 7))  # Wednesday inside National Day
    assert cal.is_rest_day(date(2026, 10, 11))  # an ordinary Sunday


def test_fallback_year_is_reported_unknown(monkeypatch):
    monkeypatch.setattr(holidays, "official_year_known", lambda year: year <= 2026)
    cal = HolidayCalendar()
    assert cal.unknown_years(date(2026, 12, 30), date(2027, 1, 5)) == (2027,)
    assert cal.unknown_years(date(2026, 1, 1), date(2026, 12, 31)) == ()
    assert cal.is_rest_day(date(2027, 2, 8))  # Monday, 初三
    assert not cal.is_rest_day(date(2027, 2, 9))
    assert cal.is_rest_day(date(2027, 2, 13))  # Saturday: no 调休 known


def test_the_installed_calendar_does_not_know_2027_yet_or_says_so():
    # chinesecalendar 1.11 stops at 2026; a newer one may know 2027 — either way it is reported
    assert holidays.official_year_known(2026)
    assert HolidayCalendar().unknown_years(date(2031, 1, 1), date(2031, 1, 2)) == (2031,)


def test_regional_holidays_are_rest_days_too():
    sanyuesan = RegionalHoliday.from_json({"name": "三月三", "month": 3, "day": 3, "lunar": True, "days": 2})
    gurbang = RegionalHoliday.from_json({"name": "古尔邦节", "on": "2026-05-27"})
    cal = HolidayCalendar([sanyuesan, gurbang])
    # lunar 3/3 of 2026 is 2026-04-19 (Sunday) and 04-20 (Monday)
    assert cal.is_rest_day(date(2026, 4, 20))
    assert not HolidayCalendar().is_rest_day(date(2026, 4, 20))
    assert cal.is_rest_day(date(2026, 5, 27))
    assert not cal.is_rest_day(date(2027, 5, 27)) or date(2027, 5, 27).weekday() >= 5


@pytest.mark.parametrize("bad", [{"name": ""}, {"name": "x", "month": 13, "day": 1},
                                 {"name": "x", "month": 2, "day": 30}, {"name": "x", "on": "2026-13-01"},
                                 {"name": "x", "month": 1, "day": 1, "days": 0}])
def test_malformed_regional_holidays_are_refused(bad):
    with pytest.raises(ValidationError):
        RegionalHoliday.from_json(bad)


def test_rest_days_of_a_year():
    rest = HolidayCalendar().rest_days(2026)
    assert date(2026, 10, 1) in rest and date(2026, 10, 10) not in rest
    assert all(d.year == 2026 for d in rest)
