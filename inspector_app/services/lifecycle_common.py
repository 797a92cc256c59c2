"""Helpers shared by the rectification-lifecycle services (no user action of its own).

The store's holiday calendar (official + this installation's regional holidays), the
warnings every dated action may carry (fallback calendar, a clock that went backwards), and
loading a hazard inside a write job with the user's grid scope checked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.deadlines import Deadline
from ..core.errors import NotFound, ValidationError
from ..core.holidays import HolidayCalendar, parse_official, parse_regional
from ..core.validation import parse_date, strip_control
from ..store.store import Store, WriteTx
from . import settings_registry
from .changes import HAZARDS, SITES, Changes, Notice, Saved

if TYPE_CHECKING:  # annotations only: sessions stand on the setup that uses these rules
    from .session import Session

REGIONAL_KEY = settings_registry.REGIONAL_HOLIDAYS.key  # a synced setting: JSON list of rules
CLOCK_TOLERANCE_MS = 5 * 60 * 1000  # NTP corrections and sleep/resume jitter stay quiet


@lru_cache(maxsize=8)
def _calendar_for(regional: str | None, official: str | None = None) -> HolidayCalendar:
    return HolidayCalendar(parse_regional(regional), parse_official(official))


def calendar_from_conn(conn: sqlite3.Connection) -> HolidayCalendar:
    """The calendar configured in the store this connection belongs to (synced settings)."""
    return _calendar_for(settings_registry.raw(conn, settings_registry.REGIONAL_HOLIDAYS),
                         settings_registry.raw(conn, settings_registry.OFFICIAL_YEARS))


def calendar_of(session: Session) -> HolidayCalendar:
    return calendar_from_conn(session.store.read())


def deadline_notices(d: Deadline | None) -> list[Notice]:
    """A warning when a deadline was counted past the official calendar's last year."""
    if d is None or not d.unknown_years:
        return []
    years = ", ".join(str(y) for y in d.unknown_years)
    years_zh = "、".join(str(y) for y in d.unknown_years)
    return [Notice(
        "holiday_calendar_unknown",
        f"the official holiday schedule for {years} is not published in this app yet: the due "
        f"date {d.due} was counted with the statutory holidays only (Mon–Fri otherwise, no 调休); "
        "check it when the schedule is out",
        f"本程序尚无 {years_zh} 年的官方放假调休安排，截止日期 {d.due} 按法定节假日推算（不含调休），"
        "公布后请核对",
    )]


def clock_notice(store: Store) -> Notice | None:
    """A warning when this device's clock is earlier than the last record it saved.

    The hybrid logical clock keeps order anyway, but dates typed as "today" (served, re-checked,
    closed) would be wrong, so the user should fix the clock.
    """
    now_ms = int(store.clock.now().timestamp() * 1000)
    last_ms = store.hlc.last_wall_ms
    if last_ms and now_ms < last_ms - CLOCK_TOLERANCE_MS:
        minutes = (last_ms - now_ms) // 60000
        return Notice(
            "clock_behind",
            f"this computer's clock is {minutes} minutes earlier than the last saved record: "
            "check the date and time (dates of today's actions may be wrong)",
            f"本机时间比最近一条记录早 {minutes} 分钟，请检查系统日期和时间（今天操作的日期可能不对）",
        )
    return None


def notices(store: Store, *deadlines: Deadline | None) -> tuple[Notice, ...]:
    found: list[Notice] = []
    clock = clock_notice(store)
    if clock:
        found.append(clock)
    for d in deadlines:
        found.extend(deadline_notices(d))
    return tuple(found)


def row_dict(conn: sqlite3.Connection, sql: str, params: tuple | list) -> dict[str, Any] | None:
    cur = conn.execute(sql, params)
    row = cur.fetchone()
    if row is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, row, strict=True)}


def hazard_for_write(tx: WriteTx, session: Session, hazard_id: str) -> dict[str, Any]:
    """The hazard row inside a write job; NotFound, or PermissionDenied outside the user's grids."""
    row = row_dict(tx.conn, "SELECT * FROM hazard WHERE id = ? AND deleted = 0", (hazard_id,))
    if row is None:
        raise NotFound(f"no hazard with id {hazard_id}", f"找不到隐患（编号 {hazard_id}）")
    permissions.require_scope(session.user, row["grid_id"], row["found_by"])
    return row


def day_of(field: str, zh: str, value: str | date | None, today: date,
           not_before: str | date | None = None, not_before_zh: str = "") -> date:
    """A date the user gives (default today): not in the future, not before ``not_before``."""
    day = parse_date(field, value) or today
    if day > today:
        raise ValidationError(f"{field} {day} is in the future", f"{zh} {day} 晚于今天，请核对",
                              code="future_date")
    floor = parse_date(field, not_before) if not_before else None
    if floor and day < floor:
        raise ValidationError(
            f"{field} {day} is before {floor}", f"{zh} {day} 早于{not_before_zh} {floor}，请核对",
            code="date_order",
        )
    return day


def required_text(field: str, zh: str, value: str | None, limit: int = 2000) -> str:
    text = strip_control(value or "").strip()
    if not text:
        raise ValidationError(f"{field} is required", f"请填写{zh}", code="empty")
    if len(text) > limit:
        raise ValidationError(f"{field} is too long (at most {limit} characters)",
                              f"{zh}太长（最多 {limit} 个字）", code="too_long")
    return text


Body = Callable[[WriteTx, dict[str, Any]], tuple[str, list[Deadline]]]


def precheck(row: dict[str, Any], kind: str, data: dict[str, Any] | None = None) -> None:
    """Raise the status machine's refusal before any other rule is looked at."""
    state = hs.HazardState(status=row["status"], level=row["level"], listed=bool(row["listed"]),
                           escalation=row["escalation"])
    hs.apply(state, kind, data or {"level": row["level"]})


def run_action(session: Session, hazard_id: str, audit_action: str, body: Body) -> Saved:
    """Load the hazard (grid scope checked), run ``body`` and audit it, in one transaction.

    ``body`` returns the audit summary and the deadlines it computed (for their warnings).
    """
    found: list[Deadline] = []

    def job(tx: WriteTx) -> None:
        row = hazard_for_write(tx, session, hazard_id)
        summary, deadlines = body(tx, row)
        found.extend(deadlines)
        tx.audit(audit_action, "hazard", hazard_id, summary[:200])

    session.write(job)
    return Saved(hazard_id, Changes.of(HAZARDS, SITES), notices(session.store, *found))
