"""Derived data recomputed and compared: statistics tallies, the inspection schedule, and
the cached status columns of each hazard against its event log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from itertools import groupby

from ...core import hazard_status as hs
from ...store.migration_schedule import COLUMNS as SCHEDULE_COLUMNS
from ...store.migration_schedule import schedule_query
from ...store.migration_tallies import HAZARD_TALLY, TALLIES
from ..lifecycle_common import calendar_from_conn
from .problems import Problem

# hazard columns record_event refreshes from the events (services/hazards.py)
DERIVED = ("status", "level", "due_date", "served_on", "closed_on", "extended", "listed",
           "escalation", "reported_on", "recheck_due")


def tally_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Compare the statistics tallies kept by triggers with fresh counts."""
    problems = []
    for tally in TALLIES:
        kept = {tuple(r[:-1]): r[-1] for r in conn.execute(tally.kept_query())}
        fresh = {tuple(r[:-1]): r[-1] for r in conn.execute(tally.fresh_query())}
        if kept != fresh:
            wrong = sum(1 for k in kept.keys() | fresh.keys() if kept.get(k) != fresh.get(k))
            what = "statistics tally" if tally is HAZARD_TALLY else tally.table.replace("_", " ")
            problems.append(Problem(
                "tally",
                f"{what}: {wrong} group(s) differ from the {tally.source} table"
                " (the statistics would be wrong; report this)",
                f"统计汇总 {tally.table}：{wrong} 组与 {tally.source} 表的实际数量不符（统计结果会出错，请报告）"))
    return problems


def schedule_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Compare the trigger-kept inspection schedule (migration 9) with a fresh query."""
    kept = sorted(map(tuple, conn.execute(f"SELECT {SCHEDULE_COLUMNS} FROM site_schedule")), key=repr)
    fresh = sorted(map(tuple, conn.execute(schedule_query())), key=repr)
    if kept == fresh:
        return []
    n = len(set(kept) ^ set(fresh))
    return [Problem(
        "schedule",
        f"inspection schedule: {n} row(s) differ from the sites and inspections"
        " (the inspection plan would be wrong; report this)",
        f"巡查计划：{n} 行与场所和检查记录不符（巡查计划会出错，请报告）")]


def _events(conn: sqlite3.Connection) -> Iterator[tuple[str, list[tuple[str, dict]]]]:
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute("SELECT hazard_id, kind, data, at FROM hazard_event ORDER BY hazard_id, hlc")
    for hazard_id, group in groupby(rows, key=lambda r: r[0]):
        events = []
        for _, kind, data, at in group:
            try:
                parsed = json.loads(data or "{}")
            except ValueError:
                parsed = {}
            events.append((kind, hs.with_report_day(kind, parsed if isinstance(parsed, dict) else {}, at)))
        yield hazard_id, events


def _iso(day: object) -> str | None:
    return day.isoformat() if day is not None else None  # type: ignore[attr-defined]


def hazard_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Each hazard's cached status columns, recomputed from its events (HLC order)."""
    from ..hazards import _recheck_due  # the very rule record_event applies

    calendar = calendar_from_conn(conn)
    cur = conn.cursor()
    cur.row_factory = None
    cached = {r[0]: r[1:] for r in cur.execute(f"SELECT id, {', '.join(DERIVED)} FROM hazard")}
    problems: list[Problem] = []
    with_events = set()
    for hazard_id, events in _events(conn):
        with_events.add(hazard_id)
        row = cached.get(hazard_id)
        if row is None:
            continue  # an event of a missing hazard: the foreign key check names it
        state = hs.derive(events)
        window = _recheck_due(state, calendar)
        expected = (state.status, state.level, _iso(state.due_date), _iso(state.served_on),
                    _iso(state.closed_on), int(state.extended), int(state.listed),
                    state.escalation, _iso(state.reported_on), _iso(window))
        wrong = [c for c, kept, fresh in zip(DERIVED, row, expected, strict=True)
                 if _norm(kept) != _norm(fresh)]
        if wrong:
            cols = ", ".join(wrong)
            problems.append(Problem(
                "hazard_derived",
                f"hazard {hazard_id}: {cols} differ from its event log (edited outside the app)",
                f"隐患 {hazard_id}：{cols} 与其事件记录推算的结果不符（被绕过程序改动）"))
    for hazard_id in cached.keys() - with_events:
        problems.append(Problem(
            "hazard_no_events",
            f"hazard {hazard_id} has no events (its history was deleted)",
            f"隐患 {hazard_id} 没有任何事件记录（其历史被删除）"))
    return problems


def _norm(value: object) -> object:
    if isinstance(value, str):
        return value[:10] if len(value) >= 10 and value[4:5] == "-" else value  # a day
    return value
