"""China's rest days: the official holiday/调休 calendar, and a computed fallback (domain.md §6).

For the years the ``chinese_calendar`` package knows (1.11: 2004–2026) a rest day is exactly
what the State Council published, 调休 Saturdays included. Past its last year the schedule is
not yet published, so we fall back to Monday–Friday minus the statutory holidays, which the
law fixes and which can be computed for any year (lunar dates and the 清明 solar term through
``lunar_python``, imported only when a fallback year is asked for). Callers learn that a date
range used the fallback through :meth:`HolidayCalendar.unknown_years`, so they can warn that the
year's 调休 is not known yet. An admin may enter a published schedule for such a year
(:class:`OfficialYear`, a synced setting): that year then counts as official. Regional extra
holidays (广西 三月三, 古尔邦节 …) are per installation and are rest days on top of either source.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .errors import ValidationError

# statutory holiday codes -> (zh, en)
HOLIDAY_NAMES = {
    "new_year": ("元旦", "New Year's Day"),
    "spring_festival": ("春节", "Spring Festival"),
    "qingming": ("清明节", "Tomb-sweeping Day"),
    "labour_day": ("劳动节", "Labour Day"),
    "dragon_boat": ("端午节", "Dragon Boat Festival"),
    "mid_autumn": ("中秋节", "Mid-autumn Festival"),
    "national_day": ("国庆节", "National Day"),
}


# ----------------------------------------------------------------------------- official source
@lru_cache(maxsize=256)
def official_year_known(year: int) -> bool:
    """Whether the official calendar package has the published schedule for ``year``."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a broken install still counts deadlines
        return False
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_is_workday(day: date) -> bool:
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))


# ----------------------------------------------------------------------------- fallback
def _lunar_to_solar(year: int, month: int, day: int) -> date:
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def _qingming(year: int) -> date:
    """The day of the 清明 solar term (the sun at 15° ecliptic longitude), China time."""
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return date(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> Mapping[date, str]:
    """The statutory holidays of ``year`` computed from the law in force that year.

    Since 2025 (国务院令第 795 号): 元旦 1; 春节 除夕–初三 4; 清明 1; 劳动节 2; 端午 1;
    中秋 1; 国庆 3 — 13 days. 2014–2024: 春节 初一–初三 and one day of 劳动节 (11 days);
    2008–2013: 春节 除夕–初二. Before 2008 there was no 清明/端午/中秋 holiday and 劳动节 had
    three days. The 调休 swaps are not computable and are not part of this.
    """
    days: dict[date, str] = {}

    def add(first: date, count: int, code: str) -> None:
        for i in range(count):
            days.setdefault(first + timedelta(days=i), code)

    new_year_lunar = _lunar_to_solar(year, 1, 1)
    eve = new_year_lunar - timedelta(days=1)
    add(date(year, 1, 1), 1, "new_year")
    if year >= 2025:
        add(eve, 4, "spring_festival")
    elif year >= 2014:
        add(new_year_lunar, 3, "spring_festival")
    elif year >= 2008:
        add(eve, 3, "spring_festival")
    else:
        add(new_year_lunar, 3, "spring_festival")
    if year >= 2008:
        add(_qingming(year), 1, "qingming")
        add(date(year, 5, 1), 2 if year >= 2025 else 1, "labour_day")
        add(_lunar_to_solar(year, 5, 5), 1, "dragon_boat")
        add(_lunar_to_solar(year, 8, 15), 1, "mid_autumn")
    else:
        add(date(year, 5, 1), 3, "labour_day")
    add(date(year, 10, 1), 3, "national_day")
    return dict(sorted(days.items()))


# ----------------------------------------------------------------------------- regional
@dataclass(frozen=True)
class RegionalHoliday:
    """An extra rest day of this installation's region.

    Either a fixed ``on`` date (古尔邦节 follows the Islamic calendar, announced yearly), or a
    yearly rule: ``month``/``day`` in the Gregorian or (``lunar=True``) the Chinese calendar,
    lasting ``days`` days (广西 三月三: lunar 3/3, 2 days).
    """

    name: str
    month: int | None = None
    day: int | None = None
    lunar: bool = False
    days: int = 1
    on: date | None = None

    def dates_in(self, year: int) -> list[date]:
        if self.on is not None:
            first = self.on if self.on.year == year else None
        elif self.lunar:
            first = _lunar_to_solar(year, self.month or 1, self.day or 1)
        else:
            first = date(year, self.month or 1, self.day or 1)
        if first is None:
            return []
        return [first + timedelta(days=i) for i in range(self.days)]

    def to_json(self) -> dict[str, Any]:
        if self.on is not None:
            return {"name": self.name, "on": self.on.isoformat(), "days": self.days}
        return {"name": self.name, "month": self.month, "day": self.day, "lunar": self.lunar,
                "days": self.days}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RegionalHoliday:
        """Parse one rule; a malformed rule is a ``ValidationError`` naming it."""
        name = str(data.get("name") or "").strip()
        try:
            days = int(data.get("days", 1))
            if not name or not 1 <= days <= 10:
                raise ValueError("name and 1–10 days needed")
            if data.get("on"):
                return cls(name, days=days, on=date.fromisoformat(str(data["on"])))
            month, day = int(data["month"]), int(data["day"])
            lunar = bool(data.get("lunar", False))
            if not (1 <= month <= 12 and 1 <= day <= (30 if lunar else 31)):
                raise ValueError("month/day out of range")
            if not lunar:
                date(2024, month, day)  # a leap year accepts every real month/day
            return cls(name, month, day, lunar, days)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                f"regional holiday {name or data!r} is not valid: {exc}",
                f"地方节假日“{name or data}”的设置有误：{exc}",
                code="bad_regional_holiday",
            ) from None


def parse_regional(text: str | None) -> tuple[RegionalHoliday, ...]:
    """Rules from their JSON list (as kept in the store's settings)."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        raise ValidationError("regional holidays are not valid JSON", "地方节假日设置不是有效的 JSON",
                              code="bad_regional_holiday") from None
    if not isinstance(items, list):
        raise ValidationError("regional holidays must be a list", "地方节假日设置应为列表",
                              code="bad_regional_holiday")
    return tuple(RegionalHoliday.from_json(item) for item in items)


@dataclass(frozen=True)
class OfficialYear:
    """A year's published schedule entered by hand (the package does not know the year yet):
    the holidays (every day off, weekends inside the breaks included or not) and the 调休
    weekend days that are workdays."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]

    def to_json(self) -> dict[str, Any]:
        return {"holidays": sorted(d.isoformat() for d in self.holidays),
                "workdays": sorted(d.isoformat() for d in self.workdays)}

    @classmethod
    def from_json(cls, year: int | str, data: Mapping[str, Any]) -> OfficialYear:
        """Parse one year; a malformed one is a ``ValidationError`` naming it."""
        try:
            y = int(year)
            if not 2000 <= y <= 2100:
                raise ValueError("the year must be 2000–2100")
            days = {k: frozenset(date.fromisoformat(str(d)) for d in data.get(k) or ())
                    for k in ("holidays", "workdays")}
            if any(d.year != y for v in days.values() for d in v):
                raise ValueError(f"every date must be in {y}")
            if days["holidays"] & days["workdays"]:
                raise ValueError("a day cannot be both a holiday and a workday")
            if any(d.weekday() < 5 for d in days["workdays"]):
                raise ValueError("a 调休 workday is a Saturday or Sunday")
            return cls(y, days["holidays"], days["workdays"])
        except (AttributeError, TypeError, ValueError) as exc:
            raise ValidationError(
                f"the official schedule for {year} is not valid: {exc}",
                f"{year} 年的官方放假调休安排有误：{exc}", code="bad_official_year",
            ) from None


def parse_official(text: str | None) -> tuple[OfficialYear, ...]:
    """Years from their JSON object ``{"2027": {"holidays": [...], "workdays": [...]}}``."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        raise ValidationError("the official schedules are not valid JSON", "官方放假调休安排不是有效的 JSON",
                              code="bad_official_year") from None
    if not isinstance(items, dict):
        raise ValidationError("the official schedules must be an object by year",
                              "官方放假调休安排应按年份给出", code="bad_official_year")
    return tuple(OfficialYear.from_json(y, v if isinstance(v, dict) else {}) for y, v in items.items())


# ----------------------------------------------------------------------------- the calendar
class HolidayCalendar:
    """Rest days for deadline counting: official where published, computed past that."""

    def __init__(self, regional: Sequence[RegionalHoliday] = (),
                 official: Sequence[OfficialYear] = ()) -> None:
        self.regional = tuple(regional)
        # entered schedules count only for years the package does not know
        self.official = {o.year: o for o in official if not official_year_known(o.year)}
        self._regional_cache: dict[int, frozenset[date]] = {}

    def _regional_days(self, year: int) -> frozenset[date]:
        found = self._regional_cache.get(year)
        if found is None:
            found = frozenset(d for rule in self.regional for d in rule.dates_in(year))
            self._regional_cache[year] = found
        return found

    def is_official(self, year: int) -> bool:
        return year in self.official or official_year_known(year)

    def is_rest_day(self, day: date) -> bool:
        """A weekend or holiday that is not a 调休 workday, or a regional holiday."""
        if self.regional and day in self._regional_days(day.year):
            return True
        entered = self.official.get(day.year)
        if entered is not None:
            return day in entered.holidays or (day.weekday() >= 5 and day not in entered.workdays)
        if official_year_known(day.year):
            return not official_is_workday(day)
        return day.weekday() >= 5 or day in statutory_holidays(day.year)

    def is_working_day(self, day: date) -> bool:
        return not self.is_rest_day(day)

    def unknown_years(self, first: date, last: date) -> tuple[int, ...]:
        """Years in ``first..last`` counted with the fallback (their 调休 is not known yet)."""
        lo, hi = sorted((first, last))
        return tuple(y for y in range(lo.year, hi.year + 1) if not self.is_official(y))

    def rest_days(self, year: int) -> list[date]:
        """Every rest day of ``year`` (for ``holidays`` on the CLI and the settings page)."""
        day, out = date(year, 1, 1), []
        while day.year == year:
            if self.is_rest_day(day):
                out.append(day)
            day += timedelta(days=1)
        return out


OFFICIAL = HolidayCalendar()  # no regional extras: the default of ``deadlines.due_date``
