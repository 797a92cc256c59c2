"""Counts for the status bar and the dashboard (工作台)."""

from __future__ import annotations

from dataclasses import dataclass

from .session import Session


@dataclass(frozen=True)
class Overview:
    sites: int
    hazards: int
    open: int  # open + notified (rectification running)
    overdue: int
    due_soon: int  # due in the next 3 days
    awaiting_recheck: int
    major_open: int
    closed: int


def overview(session: Session, due_soon_days: int = 3) -> Overview:
    conn = session.store.read()
    today = session.clock.today().isoformat()
    sites = conn.execute("SELECT count(*) FROM site WHERE deleted = 0").fetchone()[0]
    row = conn.execute(
        """SELECT count(*),
             sum(status IN ('open', 'notified')),
             sum(status IN ('open', 'notified') AND due_date < :today),
             sum(status IN ('open', 'notified') AND due_date BETWEEN :today AND date(:today, :soon)),
             sum(status = 'awaiting_recheck'),
             sum(level = 'major' AND status NOT IN ('closed', 'draft')),
             sum(status = 'closed')
           FROM hazard WHERE deleted = 0""",
        {"today": today, "soon": f"+{int(due_soon_days)} day"},
    ).fetchone()
    total, open_, overdue, soon, awaiting, major, closed = (v or 0 for v in row)
    return Overview(sites, total, open_, overdue, soon, awaiting, major, closed)
