"""The hazard status machine (design.md §3).

A hazard's status is never stored as the truth: it is derived from its immutable events
in HLC order, so the union of two devices' events gives the same answer everywhere.
``apply`` raises ``IllegalTransition`` before anything is written; ``derive`` replays a
(possibly merged) log and skips events that no longer fit, so a later reopen still wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from . import escalation
from .errors import IllegalTransition

DRAFT, OPEN, NOTIFIED, AWAITING_RECHECK, CLOSED = (
    "draft",
    "open",
    "notified",
    "awaiting_recheck",
    "closed",
)
STATUSES = (DRAFT, OPEN, NOTIFIED, AWAITING_RECHECK, CLOSED)
LEVELS = ("general", "major")
CHINA = timezone(timedelta(hours=8))

STATUS_ZH = {
    DRAFT: "草稿",
    OPEN: "待通知",
    NOTIFIED: "整改中",
    AWAITING_RECHECK: "待复查",
    CLOSED: "已销号",
}
LEVEL_ZH = {"general": "一般隐患", "major": "重大隐患"}

# The shipped escalation ladder's codes (domain.md §2); the configured one: core/escalation.py.
ESCALATION_STEPS = (
    "reminder", "summons", "warning_circular", "listed_supervision", "investigation", "enforcement",
)


class EventKind:
    DRAFTED = "drafted"  # recorded inside an unfinished inspection
    RECORDED = "recorded"
    PUBLISHED = "published"  # draft -> open when the inspection is finished
    NOTIFIED = "notified"  # notice served, deadline running
    FIXED_ON_SPOT = "fixed_on_spot"  # 当场整改 (general hazards only)
    REPORTED_DONE = "reported_done"  # the unit reports completion
    RECHECK_PASSED = "recheck_passed"
    RECHECK_FAILED = "recheck_failed"
    REOPENED = "reopened"
    EXTENDED = "extended"
    ESCALATED = "escalated"
    LISTED = "listed"  # 挂牌督办
    DELISTED = "delisted"  # 摘牌
    LEVEL_CHANGED = "level_changed"
    DEADLINE_SET = "deadline_set"  # provisional deadline edited before a notice is served
    LEVEL_CONFIRMED = "level_confirmed"  # a supervisor confirms (or sets) the level


EVENT_KINDS = tuple(v for k, v in vars(EventKind).items() if k.isupper())

# Which statuses each event may start from, and where it leads (None: status unchanged).
_TRANSITIONS: dict[str, tuple[frozenset[str | None], str | None]] = {
    EventKind.DRAFTED: (frozenset({None}), DRAFT),
    EventKind.RECORDED: (frozenset({None}), OPEN),
    EventKind.PUBLISHED: (frozenset({DRAFT}), OPEN),
    EventKind.NOTIFIED: (frozenset({OPEN}), NOTIFIED),
    EventKind.FIXED_ON_SPOT: (frozenset({DRAFT, OPEN}), CLOSED),
    EventKind.REPORTED_DONE: (frozenset({NOTIFIED}), AWAITING_RECHECK),
    EventKind.RECHECK_PASSED: (frozenset({NOTIFIED, AWAITING_RECHECK}), CLOSED),
    EventKind.RECHECK_FAILED: (frozenset({NOTIFIED, AWAITING_RECHECK}), NOTIFIED),
    EventKind.REOPENED: (frozenset({CLOSED}), NOTIFIED),
    EventKind.EXTENDED: (frozenset({OPEN, NOTIFIED}), None),
    EventKind.ESCALATED: (frozenset({OPEN, NOTIFIED, AWAITING_RECHECK}), None),
    EventKind.LISTED: (frozenset({OPEN, NOTIFIED, AWAITING_RECHECK}), None),
    EventKind.DELISTED: (frozenset({OPEN, NOTIFIED, AWAITING_RECHECK, CLOSED}), None),
    EventKind.LEVEL_CHANGED: (frozenset({DRAFT, OPEN, NOTIFIED, AWAITING_RECHECK}), None),
    EventKind.DEADLINE_SET: (frozenset({DRAFT, OPEN}), None),
    EventKind.LEVEL_CONFIRMED: (frozenset({DRAFT, OPEN, NOTIFIED, AWAITING_RECHECK}), None),
}


@dataclass(frozen=True)
class HazardState:
    """What the event log says about a hazard at its end."""

    status: str | None = None
    level: str = "general"
    due_date: date | None = None
    served_on: date | None = None
    closed_on: date | None = None
    extended: bool = False
    listed: bool = False
    escalation: str | None = None
    reopened: int = 0
    reported_on: date | None = None  # the unit's completion report (starts the re-check window)

    def is_overdue(self, today: date, count_provisional: bool = False) -> bool:
        """Overdue is a flag derived from the due date, never a stored status."""
        return (
            self.status in overdue_statuses(count_provisional) and self.due_date is not None
            and self.due_date < today
        )


# A deadline runs from the notice's service (domain.md §6): before it is served (``open``) the
# due date is provisional, counted from the found date, and it makes nothing overdue unless
# the township chooses to count provisional deadlines too (``services/overdue_rule.py``).
RUNNING = (OPEN, NOTIFIED)


def overdue_statuses(count_provisional: bool = False) -> tuple[str, ...]:
    """The statuses whose passed due date makes a hazard overdue."""
    return RUNNING if count_provisional else (NOTIFIED,)


def overdue_status_sql(column: str = "h.status", count_provisional: bool = False) -> str:
    """The SQL condition on ``column`` for :func:`overdue_statuses` (literals only).

    The running-hazards term stays in both forms: SQLite uses a partial index over running
    hazards only when the query repeats that index's condition word for word.
    """
    running = f"{column} IN ('open', 'notified')"
    return running if count_provisional else f"{running} AND {column} = 'notified'"


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def apply(state: HazardState, kind: str, data: Mapping[str, Any] | None = None) -> HazardState:
    """The state after one event; raises ``IllegalTransition`` if it is not allowed now."""
    data = data or {}
    if kind not in _TRANSITIONS:
        raise IllegalTransition(f"unknown hazard event {kind!r}", f"未知的隐患事件：{kind}")
    allowed_from, target = _TRANSITIONS[kind]
    if state.status not in allowed_from:
        raise IllegalTransition(
            f"cannot {EVENT_EN.get(kind, kind)} a hazard whose status is {state.status or 'new'}",
            f"当前状态“{STATUS_ZH.get(state.status or '', '新建')}”下不能执行“{EVENT_ZH.get(kind, kind)}”",
        )
    if kind == EventKind.FIXED_ON_SPOT and state.level == "major":
        raise IllegalTransition(
            "a major hazard cannot be closed as fixed on the spot",
            "重大隐患不能按当场整改销号，须经复查",
        )
    if kind == EventKind.LISTED and state.listed:
        raise IllegalTransition("the hazard is already listed", "该隐患已挂牌督办")
    if kind == EventKind.DELISTED and not state.listed:
        raise IllegalTransition("the hazard is not listed", "该隐患未挂牌，无需摘牌")

    changes: dict[str, Any] = {}
    if target is not None:
        changes["status"] = target
    if kind in (EventKind.DRAFTED, EventKind.RECORDED):
        changes["level"] = data.get("level", state.level)
    if kind in (EventKind.LEVEL_CHANGED, EventKind.LEVEL_CONFIRMED):
        level = data.get("level")
        if level not in LEVELS:
            raise IllegalTransition(f"unknown level {level!r}", f"未知的隐患等级：{level}")
        changes["level"] = level
    if "due_date" in data:
        changes["due_date"] = _date(data["due_date"])
    if kind == EventKind.NOTIFIED:
        changes["served_on"] = _date(data.get("served_on"))
    if kind == EventKind.REPORTED_DONE:
        changes["reported_on"] = _date(data.get("on"))
    if kind in (EventKind.NOTIFIED, EventKind.RECHECK_FAILED, EventKind.REOPENED):
        changes["reported_on"] = None  # a new deadline runs: a new report is awaited
    if target == CLOSED:
        changes["closed_on"] = _date(data.get("on"))
    if kind == EventKind.REOPENED:
        changes["closed_on"] = None
        changes["reopened"] = state.reopened + 1
    if kind == EventKind.EXTENDED:
        changes["extended"] = True
    if kind == EventKind.ESCALATED:
        # the highest rung reached, so concurrent escalations merge to the same answer
        changes["escalation"] = escalation.higher(state.escalation, data.get("step") or "reminder")
    if kind == EventKind.LISTED:
        changes["listed"] = True
    if kind == EventKind.DELISTED:
        changes["listed"] = False
    return replace(state, **changes)


def with_report_day(kind: str, data: dict, at: str | None) -> dict:
    """A completion report recorded before schema 5 has no ``on``: take its day (China time)."""
    if kind == EventKind.REPORTED_DONE and not data.get("on") and at:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
        data = {**data, "on": moment.astimezone(CHINA).date().isoformat()}
    return data


def derive(events: Iterable[tuple[str, Mapping[str, Any] | None]]) -> HazardState:
    """Replay an ordered event log; events that do not fit any more are skipped."""
    state = HazardState()
    for kind, data in events:
        try:
            state = apply(state, kind, data)
        except IllegalTransition:
            continue
    return state


def allowed_events(state: HazardState) -> list[str]:
    """Events the machine accepts now (for menus and the CLI's error hints)."""
    result = []
    for kind in EVENT_KINDS:
        try:
            level_events = (EventKind.LEVEL_CHANGED, EventKind.LEVEL_CONFIRMED)
            apply(state, kind, {"level": state.level} if kind in level_events else {})
        except IllegalTransition:
            continue
        result.append(kind)
    return result


EVENT_ZH = {
    EventKind.DRAFTED: "记录草稿",
    EventKind.RECORDED: "登记隐患",
    EventKind.PUBLISHED: "提交",
    EventKind.NOTIFIED: "送达整改通知",
    EventKind.FIXED_ON_SPOT: "当场整改",
    EventKind.REPORTED_DONE: "报告整改完成",
    EventKind.RECHECK_PASSED: "复查通过",
    EventKind.RECHECK_FAILED: "复查未通过",
    EventKind.REOPENED: "重新打开",
    EventKind.EXTENDED: "延期",
    EventKind.ESCALATED: "升级督办",
    EventKind.LISTED: "挂牌督办",
    EventKind.DELISTED: "摘牌",
    EventKind.LEVEL_CHANGED: "调整等级",
    EventKind.DEADLINE_SET: "修改整改期限",
    EventKind.LEVEL_CONFIRMED: "确认等级",
}
EVENT_EN = {  # verbs for refusals ("cannot … a hazard whose status is …")
    EventKind.DRAFTED: "record a draft of",
    EventKind.RECORDED: "record",
    EventKind.PUBLISHED: "submit",
    EventKind.NOTIFIED: "serve a notice for",
    EventKind.FIXED_ON_SPOT: "record as fixed on the spot",
    EventKind.REPORTED_DONE: "report the completion of",
    EventKind.RECHECK_PASSED: "close (re-check passed)",
    EventKind.RECHECK_FAILED: "record a failed re-check of",
    EventKind.REOPENED: "reopen",
    EventKind.EXTENDED: "extend the deadline of",
    EventKind.ESCALATED: "escalate",
    EventKind.LISTED: "list",
    EventKind.DELISTED: "de-list",
    EventKind.LEVEL_CHANGED: "change the level of",
    EventKind.DEADLINE_SET: "change the provisional deadline of",
    EventKind.LEVEL_CONFIRMED: "confirm the level of",
}
