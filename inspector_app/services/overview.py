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


RUNNING = "deleted = 0 AND status IN ('open', 'notified')"
# One COUNT per figure: each is a range of an index (status/due-date, the partial index of
# running hazards), together ~2x faster at 100k hazards than one pass summing expressions.
_COUNTS = {
    "hazards": "SELECT count(*) FROM hazard WHERE deleted = 0",
    "open": f"SELECT count(*) FROM hazard WHERE {RUNNING}",
    "overdue": f"SELECT count(*) FROM hazard WHERE {RUNNING} AND due_date < :today",
    "due_soon": f"SELECT count(*) FROM hazard WHERE {RUNNING}"
    " AND due_date BETWEEN :today AND date(:today, :soon)",
    "awaiting_recheck": "SELECT count(*) FROM hazard WHERE deleted = 0 AND status = 'awaiting_recheck'",
    "major_open": "SELECT count(*) FROM hazard WHERE deleted = 0 AND level = 'major'"
    " AND status NOT IN ('closed', 'draft')",
    "closed": "SELECT count(*) FROM hazard WHERE deleted = 0 AND status = 'closed'",
    "sites": "SELECT count(*) FROM site WHERE deleted = 0",
}


def overview(session: Session, due_soon_days: int = 3) -> Overview:
    """The store's headline counts (all grids)."""
    conn = session.store.read()
    params = {"today": session.clock.today().isoformat(), "soon": f"+{int(due_soon_days)} day"}
    counts = {
        name: conn.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql}).fetchone()[0]
        for name, sql in _COUNTS.items()
    }
    return Overview(**counts)
