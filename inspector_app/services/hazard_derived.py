"""A hazard's derived columns, from its events: the one rule the writer and a receiver share.

The columns ``schema.DERIVED_COLUMNS["hazard"]`` travel in no op. The device that records an
event refreshes them (``hazards.record_event``); a device that applies another device's ops
refreshes them with :func:`rederive` for every hazard whose events it applied, so both end up
with the same values from the same events.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..core import hazard_status as hs
from ..core.deadlines import recheck_due
from ..core.hazard_status import with_report_day
from ..core.holidays import HolidayCalendar
from ..store.store import WriteTx
from .lifecycle_common import calendar_from_conn


def recheck_window(state: hs.HazardState, calendar: HolidayCalendar) -> date | None:
    """End of the 10-day re-check window of a major hazard (domain.md §2), or None.

    The window runs from the unit's completion report or, without one, from the deadline's
    end. A 责改 order (enforcement documents, a later issue) will be tracked the same way.
    """
    if state.level != "major" or state.status not in (hs.NOTIFIED, hs.AWAITING_RECHECK):
        return None
    start = state.reported_on or state.due_date
    return recheck_due(start, calendar) if start else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def derived_columns(state: hs.HazardState, calendar: HolidayCalendar) -> dict[str, Any]:
    """The values of the derived hazard columns for ``state``."""
    return {
        "status": state.status,
        "level": state.level,
        "due_date": _iso(state.due_date),
        "served_on": _iso(state.served_on),
        "closed_on": _iso(state.closed_on),
        "extended": int(state.extended),
        "listed": int(state.listed),
        "escalation": state.escalation,
        "reported_on": _iso(state.reported_on),
        "recheck_due": _iso(recheck_window(state, calendar)),
    }


def events_of(conn: Any, hazard_id: str) -> list[tuple[str, dict]]:
    return [
        (k, with_report_day(k, json.loads(d or "{}"), at))
        for k, d, at in conn.execute(
            "SELECT kind, data, at FROM hazard_event WHERE hazard_id = ? ORDER BY hlc", (hazard_id,)
        )
    ]


def rederive(tx: WriteTx, hazard_ids: list[str]) -> int:
    """Refresh the derived columns of ``hazard_ids`` from their events, inside
    ``tx.applying_remote()``: no op and no new HLC (the columns travel in no op); returns how
    many hazards changed."""
    if tx.conn.execute("SELECT applying FROM sync_guard WHERE id = 1").fetchone()[0] != 1:
        raise RuntimeError("rederive runs while remote ops are applied (tx.applying_remote())")
    calendar = calendar_from_conn(tx.conn)
    changed = 0
    for hazard_id in dict.fromkeys(hazard_ids):
        events = events_of(tx.conn, hazard_id)
        if not events:
            continue
        values = derived_columns(hs.derive(events), calendar)
        sets = ", ".join(f"{c} = ?" for c in values)
        where = " OR ".join(f"{c} IS NOT ?" for c in values)
        cur = tx.conn.execute(f"UPDATE hazard SET {sets} WHERE id = ? AND ({where})",  # noqa: S608
                              [*values.values(), hazard_id, *values.values()])
        changed += cur.rowcount
    return changed
