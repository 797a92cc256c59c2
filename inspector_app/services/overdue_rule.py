"""Whether a provisional deadline (no notice served yet) can make a hazard overdue.

By default it cannot: the deadline binds from the day the notice is served (domain.md §6), so
a hazard still waiting for its notice is shown with a provisional due date and is counted
neither in the overdue cards nor in the statistics. A township that wants to chase unserved
notices as well can switch this on (admins). The choice is a synced setting
(settings_registry), so every device counts the same hazards as overdue.
"""

from __future__ import annotations

from ..core import permissions
from ..core.hazard_status import overdue_status_sql, overdue_statuses
from ..core.permissions import Action
from ..store.store import WriteTx
from . import settings_registry
from .changes import HAZARDS, STORE, Changes
from .session import Session

SETTING = settings_registry.OVERDUE_COUNTS_PROVISIONAL
KEY = SETTING.key


def counts_provisional(session: Session) -> bool:
    """True when a passed provisional due date counts as overdue."""
    return settings_registry.get(session.store.read(), SETTING)


def statuses(session: Session) -> tuple[str, ...]:
    """The statuses that can be overdue in this installation."""
    return overdue_statuses(counts_provisional(session))


def status_sql(session: Session, column: str = "h.status") -> str:
    """The SQL condition on ``column`` for :func:`statuses` (see ``overdue_status_sql``)."""
    return overdue_status_sql(column, counts_provisional(session))


def set_counts_provisional(session: Session, on: bool) -> Changes:
    """Count provisional deadlines as overdue, or not (admins)."""
    permissions.require(session.user, Action.MANAGE_SETTINGS)

    def job(tx: WriteTx) -> None:
        settings_registry.put(tx, SETTING, bool(on))
        tx.audit("overdue_rule_set", "settings", None, "provisional counted" if on else "served only")

    session.write(job)
    return Changes.of(STORE, HAZARDS)
