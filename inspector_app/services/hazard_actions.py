"""Which actions a user may take on a hazard now: the rules the GUI, the CLI and the documents share.

An action is *visible* when the user's role may ever take it and *enabled* when the hazard's
status (and level, deadline, listing …) allows it now. The services enforce the same rules
when the action is taken; this module only answers the question before anyone asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.entities import User
from ..core.permissions import Action

E = hs.EventKind

NOTIFY, REPORT_DONE, RECHECK, FIX_ON_SPOT = "notify", "report_done", "recheck", "fix_on_spot"
EXTEND, ESCALATE, LIST, DELIST = "extend", "escalate", "list", "delist"
REOPEN, CONFIRM_LEVEL, FIVE, PLAN = "reopen", "confirm_level", "five", "plan"
ACTIONS = (NOTIFY, REPORT_DONE, RECHECK, FIX_ON_SPOT, EXTEND, ESCALATE, LIST, DELIST, REOPEN,
           CONFIRM_LEVEL, FIVE, PLAN)

# the event each action records (None: no status rule) and the permission it needs
_RULE: dict[str, tuple[str | None, Callable[[str], str]]] = {
    NOTIFY: (E.NOTIFIED, lambda _lvl: Action.NOTIFY),
    REPORT_DONE: (E.REPORTED_DONE, lambda _lvl: Action.REPORT_DONE),
    RECHECK: (E.RECHECK_FAILED, lambda _lvl: Action.RECHECK),
    FIX_ON_SPOT: (E.FIXED_ON_SPOT, lambda _lvl: Action.FIX_ON_SPOT),
    EXTEND: (E.EXTENDED, lambda _lvl: Action.EXTEND),
    ESCALATE: (E.ESCALATED, lambda _lvl: Action.ESCALATE),
    LIST: (E.LISTED, lambda _lvl: Action.LIST),
    DELIST: (E.DELISTED, lambda _lvl: Action.DELIST),
    REOPEN: (E.REOPENED, lambda lvl: Action.REOPEN_MAJOR if lvl == "major" else Action.REOPEN_GENERAL),
    CONFIRM_LEVEL: (E.LEVEL_CONFIRMED, lambda _lvl: Action.CONFIRM_LEVEL),
    FIVE: (None, lambda _lvl: Action.EDIT_HAZARD),
    PLAN: (None, lambda _lvl: Action.EDIT_HAZARD),
}
# the notice's missing fields that the 五落实 form fills in (the plan form does PLAN_FIELDS)
FIVE_MISSING = ("responsible_person", "responsible_phone", "measures", "funds_amount", "funds_source",
                "contingency_plan")
SUPERVISOR_ONLY = (EXTEND, ESCALATE, LIST, DELIST, CONFIRM_LEVEL)


@dataclass(frozen=True)
class Availability:
    visible: bool  # the user's role may ever do it
    enabled: bool  # … and the hazard's status allows it now


def available_actions(user: User, d: dict[str, Any]) -> dict[str, Availability]:
    """Per action: shown for this user's role, and usable for this hazard now."""
    state = hs.HazardState(status=d["status"], level=d["level"], listed=bool(d["listed"]))
    allowed = set(hs.allowed_events(state))
    result = {}
    for action in ACTIONS:
        kind, needs = _RULE[action]
        visible = permissions.can(user, needs(d["level"]))
        if action == REOPEN and not visible:
            visible = permissions.can(user, Action.REOPEN_GENERAL)  # shown, disabled for a major
        enabled = permissions.can(user, needs(d["level"])) and (kind is None or kind in allowed)
        if action == EXTEND:
            enabled = enabled and bool(d["due_date"])
        elif action == LIST:
            enabled = enabled and (d["level"] == "major" or (bool(d["overdue"]) and bool(d["escalation"])))
        elif action == CONFIRM_LEVEL:
            enabled = enabled and d["level"] == "major" and not d["level_confirmed"]
        elif action == FIVE:
            enabled = enabled and d["status"] != hs.CLOSED
        elif action == PLAN:  # 治理方案: the major hazards' form
            enabled = enabled and d["status"] != hs.CLOSED and d["level"] == "major"
        result[action] = Availability(visible, enabled)
    return result
