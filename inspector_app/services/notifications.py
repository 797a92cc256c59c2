"""What became overdue since the last look — for the tray notification (Qt-free).

The GUI asks at start and then once a day (:func:`should_check`); :func:`new_overdue_since`
says which hazards crossed their due date after the last check, and :func:`mark_checked`
remembers the check per user in this device's local settings (``store_info``, not synced).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..core.entities import HazardRow
from ..core.validation import parse_date
from ..store.store import WriteTx, set_info
from . import overdue_rule
from .hazards import hazard_rows, scope_clause
from .session import Session


@dataclass(frozen=True)
class OverdueNews:
    since: date | None  # the last check (None: never checked — everything overdue is new)
    today: date
    count: int
    rows: list[HazardRow] = field(default_factory=list)

    def message(self, lang: str = "zh") -> str | None:
        """The notification's text, or None when there is nothing new."""
        if not self.count:
            return None
        if lang.startswith("en"):
            return f"{self.count} hazard(s) became overdue" + (f" since {self.since}" if self.since else "")
        return (f"自 {self.since} 以来" if self.since else "") + f"新增 {self.count} 条逾期隐患"


def _key(session: Session) -> str:
    return f"overdue_checked:{session.user.id}"


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    return parse_date("last_check", str(value)[:10])


def new_overdue_since(session: Session, last_check: date | datetime | str | None, *,
                      mine: bool = True, limit: int = 20) -> OverdueNews:
    """Hazards in the user's grids that became overdue after ``last_check`` (a day or moment).

    A hazard becomes overdue on the day after its due date; so those due on or after the last
    check's day and before today are new. Never checked: every overdue hazard counts.
    """
    today = session.clock.today()
    since = _as_date(last_check)
    where = ["h.deleted = 0", overdue_rule.status_sql(session), "h.due_date < ?"]
    params: list[object] = [today.isoformat()]
    if since is not None:
        where.append("h.due_date >= ?")
        params.append(since.isoformat())
    scope, scope_params = scope_clause(session.user, mine)
    if scope:
        where.append(scope)
        params += scope_params
    conn = session.store.read()
    cond = " AND ".join(where)
    count = conn.execute(f"SELECT count(*) FROM hazard h WHERE {cond}", params).fetchone()[0]
    ids = [r[0] for r in conn.execute(
        f"SELECT h.id FROM hazard h WHERE {cond} ORDER BY h.due_date DESC, h.id LIMIT ?", [*params, limit])]
    return OverdueNews(since, today, count, hazard_rows(session, ids))


def last_check(session: Session) -> date | None:
    return _as_date(session.store.info(_key(session)))


def mark_checked(session: Session, when: date | None = None) -> None:
    """Remember that the user has seen the overdue news up to ``when`` (default today)."""
    day = (when or session.clock.today()).isoformat()

    def job(tx: WriteTx) -> None:
        set_info(tx, _key(session), day)

    session.write(job)


def should_check(session: Session) -> bool:
    """True at the first look of a day (start, or once a day while the app runs)."""
    seen = last_check(session)
    return seen is None or seen < session.clock.today()


def check_and_mark(session: Session) -> OverdueNews | None:
    """Once a day: the news since the last check, marking this one (None if already done today)."""
    if not should_check(session):
        return None
    news = new_overdue_since(session, last_check(session))
    mark_checked(session)
    return news
