"""Hazards: record, edit, delete/restore, list, and move through the status machine."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.entities import HazardInput, HazardRow, User
from ..core.errors import IllegalTransition, NotFound, ValidationError
from ..core.hazard_status import with_report_day
from ..core.permissions import Action, scope_clause  # scope_clause: re-exported
from ..store.search_index import text_filter
from ..store.store import WriteTx
from . import overdue_rule
from .changes import HAZARDS, SITES, Changes, Notice, Saved
from .hazard_derived import derived_columns, recheck_window
from .hazard_input import check_links, item_is_major, validate_input
from .lifecycle_common import (
    calendar_from_conn,
    calendar_of,
    hazard_for_write,
    notices,
    row_dict,
)
from .session import Session

_ROW_SQL = """
SELECT h.id, h.site_id, s.name AS site_name, h.grid_id, g.name AS grid, h.description,
       h.location, h.level, h.level_confirmed, h.status, h.extended, h.listed, h.escalation,
       h.found_on, h.served_on, h.due_date, h.closed_on, h.deadline_days, h.working_days,
       h.source, h.basis, h.factor, h.measure_type, h.deleted, h.reported_on, h.recheck_due
FROM hazard h LEFT JOIN site s ON s.id = h.site_id LEFT JOIN region g ON g.id = h.grid_id
"""

SORT_KEYS = {
    "description": "h.description",  # long texts: code-point order (a pinyin key per row costs)
    "site": "pinyin_key(s.name)",  # pinyin order (store/collation.py: one key per row)
    "level": "CASE h.level WHEN 'major' THEN 0 ELSE 1 END",
    "status": "CASE h.status WHEN 'draft' THEN 0 WHEN 'open' THEN 1 WHEN 'notified' THEN 2 "
    "WHEN 'awaiting_recheck' THEN 3 ELSE 4 END",
    "due_date": "h.due_date",
    "found_on": "h.found_on",
    "grid": "pinyin_key(g.name)",
    "created": "h.id",
    "recheck_due": "h.recheck_due",
    "listed": "h.listed",
    "supervision": "h.listed DESC, h.due_date",  # listed first, then the earliest due date
}
OPEN_STATUSES = (hs.OPEN, hs.NOTIFIED)


@dataclass(frozen=True)
class HazardFilter:
    text: str | None = None
    status: str | None = None
    level: str | None = None
    site_id: str | None = None
    grid_id: str | None = None
    overdue: bool = False
    due_within: int | None = None
    include_deleted: bool = False
    mine: bool = False  # only the user's own grids, even for a supervisor
    listed: bool = False
    recheck_window: bool = False  # majors whose 10-day re-check window is running
    active: bool = False  # recorded and not closed: open, notified or awaiting re-check


def _to_row(r: sqlite3.Row, today: date, overdue_statuses: tuple[str, ...]) -> HazardRow:
    due = r["due_date"]
    return HazardRow(
        id=r["id"], site_id=r["site_id"], site_name=r["site_name"], grid_id=r["grid_id"],
        grid=r["grid"], description=r["description"], location=r["location"], level=r["level"],
        level_confirmed=bool(r["level_confirmed"]), status=r["status"],
        overdue=bool(r["status"] in overdue_statuses and due and due < today.isoformat()),
        extended=bool(r["extended"]), listed=bool(r["listed"]), escalation=r["escalation"],
        found_on=r["found_on"], served_on=r["served_on"], due_date=due, closed_on=r["closed_on"],
        deadline_days=r["deadline_days"], working_days=bool(r["working_days"]), source=r["source"],
        basis=r["basis"], factor=r["factor"], measure_type=r["measure_type"],
        deleted=bool(r["deleted"]), reported_on=r["reported_on"], recheck_due=r["recheck_due"],
    )


# --------------------------------------------------------------------------- reading
def _where(f: HazardFilter, today: date, user: User | None = None,
           overdue_sql: str = hs.overdue_status_sql()) -> tuple[str, list[object]]:
    clauses, params = [], []
    if not f.include_deleted:
        clauses.append("h.deleted = 0")
    if user is not None:
        scope, scope_params = scope_clause(user, f.mine)
        if scope:
            clauses.append(scope)
            params += scope_params
    if f.listed:
        clauses.append("h.listed = 1")
    if f.active:
        clauses.append("h.status IN ('open', 'notified', 'awaiting_recheck')")
    if f.recheck_window:
        clauses.append("h.level = 'major' AND h.recheck_due IS NOT NULL"
                       " AND (h.status = 'awaiting_recheck' OR h.due_date < ?)")
        params.append(today.isoformat())
    if f.status:
        if f.status not in hs.STATUSES:
            raise ValidationError(f"unknown status {f.status!r}", f"未知状态：{f.status}")
        clauses.append(f"h.status = '{f.status}'")  # known words as literals: a bound
    if f.level:  # value would keep SQLite from proving a partial index applies
        if f.level not in hs.LEVELS:
            raise ValidationError(f"unknown level {f.level!r}", f"未知隐患等级：{f.level}")
        clauses.append(f"h.level = '{f.level}'")
    if f.site_id:
        clauses.append("h.site_id = ?")
        params.append(f.site_id)
    if f.grid_id:
        clauses.append("h.grid_id = ?")
        params.append(f.grid_id)
    if f.overdue:
        clauses.append(f"{overdue_sql} AND h.due_date < ?")
        params.append(today.isoformat())
    if f.due_within is not None:
        clauses.append("h.status IN ('open', 'notified') AND h.due_date BETWEEN ? AND date(?, ?)")
        params += [today.isoformat(), today.isoformat(), f"+{int(f.due_within)} day"]
    clause, extra = text_filter("h.id", "hazard", f.text)
    name = (f.text or "").strip().lower()
    if clause and name:
        # the filter searches what the list shows: the hazard's text or its site's name
        clauses.append(f"({clause} OR h.site_id IN (SELECT id FROM site"
                       " WHERE instr(lower(name), ?) > 0))")
        params += [*extra, name]
    elif clause:
        clauses.append(clause)
        params += extra
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_hazard_ids(
    session: Session, flt: HazardFilter = HazardFilter(), sort: str = "created",
    descending: bool = True, limit: int | None = None, index: str | None = None,
) -> list[str]:
    """Ids of the hazards matching ``flt`` within the user's grids, sorted.

    ``index`` names a partial index the filter implies (the dashboard's panels): SQLite's
    planner misjudges how few rows those hold and would scan a wider one instead.
    """
    where, params = _where(flt, session.clock.today(), session.user, overdue_rule.status_sql(session))
    order = SORT_KEYS.get(sort, "h.id") + (" DESC" if descending else "")
    join = f"INDEXED BY {index} " if index else ""
    join += "LEFT JOIN site s ON s.id = h.site_id " if sort == "site" else ""
    join += "LEFT JOIN region g ON g.id = h.grid_id " if sort == "grid" else ""
    sql = f"SELECT h.id FROM hazard h {join}{where} ORDER BY {order}, h.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return session.store.read_column(sql, params)


def count_hazards(session: Session, flt: HazardFilter = HazardFilter(), index: str | None = None) -> int:
    """How many hazards match ``flt`` within the user's grids (``index``: as for
    :func:`list_hazard_ids`)."""
    where, params = _where(flt, session.clock.today(), session.user, overdue_rule.status_sql(session))
    hint = f" INDEXED BY {index}" if index else ""
    return session.store.read().execute(f"SELECT count(*) FROM hazard h{hint}{where}", params).fetchone()[0]


def hazard_rows(session: Session, ids: list[str]) -> list[HazardRow]:
    if not ids:
        return []
    conn, today = session.store.read(), session.clock.today()
    late = overdue_rule.statuses(session)
    found: dict[str, HazardRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = _ROW_SQL + f" WHERE h.id IN ({', '.join('?' for _ in chunk)})"
        for r in conn.execute(sql, chunk):
            found[r["id"]] = _to_row(r, today, late)
    return [found[i] for i in ids if i in found]


def list_hazards(
    session: Session, flt: HazardFilter = HazardFilter(), limit: int | None = None,
    sort: str = "created", descending: bool = True,
) -> list[HazardRow]:
    return hazard_rows(session, list_hazard_ids(session, flt, sort, descending, limit))


def get_hazard(session: Session, hazard_id: str) -> HazardRow:
    rows = hazard_rows(session, [hazard_id])
    if not rows:
        raise NotFound(f"no hazard with id {hazard_id}", f"找不到隐患（编号 {hazard_id}）")
    found_by = session.store.read().execute(
        "SELECT found_by FROM hazard WHERE id = ?", (hazard_id,)).fetchone()[0]
    permissions.require_scope(session.user, rows[0].grid_id, found_by)
    return rows[0]


def hazard_events(session: Session, hazard_id: str) -> list[dict[str, Any]]:
    rows = session.store.read().execute(
        "SELECT e.id, e.kind, e.at, e.by_user, u.name AS by_name, e.data, e.hlc FROM hazard_event e"
        " LEFT JOIN app_user u ON u.id = e.by_user WHERE e.hazard_id = ? ORDER BY e.hlc",
        (hazard_id,),
    )
    return [
        {"id": r["id"], "kind": r["kind"], "at": r["at"], "by": r["by_name"] or r["by_user"],
         "data": json.loads(r["data"] or "{}")}
        for r in rows
    ]


def hazard_details(session: Session, hazard_id: str) -> dict[str, Any]:
    """Everything about one hazard, as plain data (for ``hazard show`` and the detail pane)."""
    row = get_hazard(session, hazard_id)
    r = session.store.read().execute("SELECT * FROM hazard WHERE id = ?", (hazard_id,)).fetchone()
    extra = {k: r[k] for k in (
        "inspection_id", "item_id", "responsible_person", "responsible_phone", "measures",
        "funds_amount", "funds_source", "contingency_plan", "found_by", "created_at", "updated_at",
        "interim_measures", "plan_target", "plan_methods", "plan_materials", "plan_bodies",
        "plan_schedule", "plan_safety", "public_report_id", "assigned_task_id", "sector",
    )}
    from .photos import photos_of_hazard  # here: Pillow loads only when details are asked for

    return {**row.__dict__, **extra, "events": hazard_events(session, hazard_id),
            "photos": photos_of_hazard(session, hazard_id)}


def count_by_status(session: Session) -> dict[str, int]:
    rows = session.store.read().execute(
        "SELECT status, count(*) FROM hazard WHERE deleted = 0 GROUP BY status"
    )
    counts = {s: 0 for s in hs.STATUSES}
    counts.update({r[0]: r[1] for r in rows})
    return counts


# --------------------------------------------------------------------------- writing
def _events_of(tx: WriteTx, hazard_id: str) -> list[tuple[str, dict]]:
    return [
        (k, with_report_day(k, json.loads(d or "{}"), at))
        for k, d, at in tx.conn.execute(
            "SELECT kind, data, at FROM hazard_event WHERE hazard_id = ? ORDER BY hlc", (hazard_id,)
        )
    ]


_recheck_due = recheck_window  # the rule lives with the derived columns (check uses it)


def record_event(tx: WriteTx, hazard_id: str, kind: str, data: dict[str, Any] | None = None) -> hs.HazardState:
    """Check the transition, append the immutable event, refresh the cached status columns."""
    data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in (data or {}).items()}
    state = hs.derive(_events_of(tx, hazard_id))
    new_state = hs.apply(state, kind, data)  # raises IllegalTransition before any write
    tx.insert(
        "hazard_event",
        {"hazard_id": hazard_id, "kind": kind, "at": tx.now_iso, "by_user": tx.user_id,
         "data": json.dumps(data, ensure_ascii=False, sort_keys=True)},
    )
    # the derived columns: the same rule a receiver applies (hazard_derived.rederive)
    tx.update("hazard", hazard_id, derived_columns(new_state, calendar_from_conn(tx.conn)))
    return new_state


def add_hazard(session: Session, data: HazardInput) -> Saved:
    """Record a hazard at a site (status ``open``, provisional due date from the found day).

    A level suggested by a checklist item's major criterion is ``major``; a major level stays
    unconfirmed (``level_confirmed`` false) until a supervisor confirms or changes it.
    """
    permissions.require(session.user, Action.ADD_HAZARD)
    values, due, notes = validate_input(data, session.clock.today(), calendar_of(session))

    def job(tx: WriteTx) -> str:
        site = tx.conn.execute(
            "SELECT grid_id, json_extract(sectors, '$[0]') FROM site WHERE id = ? AND deleted = 0",
            (data.site_id,),
        ).fetchone()
        if site is None:
            raise NotFound(f"no site with id {data.site_id}", f"找不到场所（编号 {data.site_id}）")
        permissions.require_site_scope(session.user, site[0])
        check_links(tx, values)
        if data.item_id and item_is_major(tx, data.item_id) and values["level"] != "major":
            values["level"] = "major"
            notes.append(Notice("level_from_checklist",
                                "the checklist item is a major-hazard criterion: level set to major",
                                "该检查项属于重大隐患判定标准，等级已设为“重大隐患”，待监管人员确认"))
        hazard_id = tx.insert(
            "hazard",
            {
                **values,
                "grid_id": site[0],
                "sector": site[1],
                "found_by": session.user.id,
                # a major level from an inspector stays unconfirmed until a supervisor looks
                "level_confirmed": int(values["level"] == "general"
                                       or permissions.can(session.user, Action.CONFIRM_LEVEL)),
                "status": hs.OPEN,
                "extended": 0,
                "listed": 0,
            },
        )
        record_event(tx, hazard_id, hs.EventKind.RECORDED,
                     {"level": values["level"], "due_date": values["due_date"]})
        tx.audit("hazard_added", "hazard", hazard_id, values["description"][:80])
        return hazard_id

    hazard_id = session.write(job)
    return Saved(hazard_id, Changes.of(HAZARDS, SITES), (*notes, *notices(session.store, due)))


LEVEL_REASON_LIMIT = 500


def _suggested_in(conn: sqlite3.Connection, item_id: str | None) -> str | None:
    if not item_id:
        return None
    row = conn.execute("SELECT major FROM checklist_item WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else ("major" if row[0] else "general")


def suggested_level(session: Session, hazard_id: str) -> str | None:
    """The level the hazard's checklist item suggests (its major criterion), or None when the
    hazard did not come from a checklist item."""
    row = session.store.read().execute("SELECT item_id FROM hazard WHERE id = ?", (hazard_id,)).fetchone()
    return _suggested_in(session.store.read(), row[0]) if row else None


def _earlier_reason(tx: WriteTx, hazard_id: str, level: str) -> str | None:
    """The reason given the last time the hazard was set to ``level`` (undo/redo restores it)."""
    for kind, data, _at in reversed(tx.conn.execute(
            "SELECT kind, data, at FROM hazard_event WHERE hazard_id = ? ORDER BY hlc", (hazard_id,)).fetchall()):
        values = json.loads(data or "{}")
        if kind == hs.EventKind.LEVEL_CHANGED and values.get("level") == level and values.get("reason"):
            return str(values["reason"])
    return None


def change_level(tx: WriteTx, session: Session, row: dict[str, Any], level: str,
                 reason: str | None) -> int:
    """Record a level change of ``row`` (a hazard row) as a ``LEVEL_CHANGED`` event.

    The role rules of ``core/permissions.py`` apply first. A hazard that came from a checklist
    item had its level suggested by the item's major criterion; moving away from that level
    needs a reason, which is kept in the event (``{"level": ..., "reason": ...}``). Returns
    the new ``level_confirmed`` value for the caller to write.
    """
    permissions.require_event(session.user, hs.EventKind.LEVEL_CHANGED, row["level"])
    why = (reason or "").strip() or None
    if why and len(why) > LEVEL_REASON_LIMIT:
        raise ValidationError(
            f"level_reason is too long (at most {LEVEL_REASON_LIMIT} characters)",
            f"调整等级的理由太长（最多 {LEVEL_REASON_LIMIT} 个字）", code="too_long")
    suggested = _suggested_in(tx.conn, row.get("item_id"))
    if suggested and level != suggested and why is None:
        why = _earlier_reason(tx, row["id"], level)
        if why is None:
            raise ValidationError(
                f"level_reason: the checklist item suggests the level {suggested}; "
                f"give a reason for changing it to {level}",
                f"该隐患来自检查项，建议等级为“{hs.LEVEL_ZH.get(suggested, suggested)}”，"
                f"改为“{hs.LEVEL_ZH.get(level, level)}”须填写理由",
                code="level_reason_required")
    data: dict[str, Any] = {"level": level}
    if why:
        data["reason"] = why
    record_event(tx, row["id"], hs.EventKind.LEVEL_CHANGED, data)
    return int(level == "general" or permissions.can(session.user, Action.CONFIRM_LEVEL))


def set_level(session: Session, hazard_id: str, level: str, reason: str | None = None) -> Saved:
    """Change only the level (``hazard set --level``), with the reason rule of ``change_level``."""
    permissions.require(session.user, Action.EDIT_HAZARD)
    if level not in hs.LEVELS:
        raise ValidationError(f"level must be general or major, not {level!r}",
                              "隐患等级只能是“一般”或“重大”", code="bad_level")

    def job(tx: WriteTx) -> None:
        row = hazard_for_write(tx, session, hazard_id)
        if level == row["level"]:
            return
        tx.update("hazard", hazard_id, {"level_confirmed": change_level(tx, session, row, level, reason)})
        tx.audit("hazard_level_changed", "hazard", hazard_id, level)

    session.write(job)
    return Saved(hazard_id, Changes.of(HAZARDS, SITES))


def update_hazard(session: Session, hazard_id: str, data: HazardInput) -> Saved:
    """Edit a hazard's fields; a level change is recorded as an event.

    A level moved away from the one its checklist item suggested needs ``data.level_reason``
    (see ``change_level``). The links to the inspection and checklist item are set when the
    hazard is recorded and stay: an edit form does not carry them.
    """
    permissions.require(session.user, Action.EDIT_HAZARD)
    current = get_hazard(session, hazard_id)
    values, due, notes = validate_input(data, session.clock.today(), calendar_of(session))
    values.pop("site_id")
    values.pop("inspection_id")
    values.pop("item_id")
    new_level = values.pop("level")
    if current.status not in (hs.DRAFT, hs.OPEN):
        # once a notice is served the deadline only moves by an extension
        for key in ("deadline_days", "working_days", "due_date", "found_on"):
            values.pop(key)
        due = None

    def job(tx: WriteTx) -> str:
        row = hazard_for_write(tx, session, hazard_id)
        if row["status"] == hs.CLOSED:
            raise closed_refusal()
        check_links(tx, values)
        if new_level != row["level"]:
            values["level_confirmed"] = change_level(tx, session, row, new_level, data.level_reason)
        if "due_date" in values and values["due_date"] != row["due_date"]:
            # the cached due date is derived from events, so a new one is an event too
            record_event(tx, hazard_id, hs.EventKind.DEADLINE_SET, {"due_date": values["due_date"]})
        values.pop("due_date", None)
        tx.update("hazard", hazard_id, values)
        tx.audit("hazard_edited", "hazard", hazard_id, values["description"][:80])
        return hazard_id

    session.write(job)
    return Saved(hazard_id, Changes.of(HAZARDS, SITES), (*notes, *notices(session.store, due)))


def closed_refusal() -> IllegalTransition:
    """A closed (销号) hazard's record is final: edits, and undoing earlier ones, are refused."""
    return IllegalTransition(
        "the hazard has been closed: its record can no longer be changed (reopen it first)",
        "该隐患已销号，记录不能再修改（如需修改请先重新打开）",
        code="hazard_closed",
    )


def delete_hazard(session: Session, hazard_id: str) -> Changes:
    permissions.require(session.user, Action.DELETE_HAZARD)
    get_hazard(session, hazard_id)

    def job(tx: WriteTx) -> None:
        tx.update("hazard", hazard_id, {"deleted": 1})
        tx.audit("hazard_deleted", "hazard", hazard_id)

    session.write(job)
    return Changes.of(HAZARDS, SITES)


def restore_hazard(session: Session, hazard_id: str) -> Changes:
    permissions.require(session.user, Action.DELETE_HAZARD)

    def job(tx: WriteTx) -> None:
        row = row_dict(tx.conn, "SELECT grid_id, found_by FROM hazard WHERE id = ?", (hazard_id,))
        if row is None:
            raise NotFound(f"no hazard with id {hazard_id}", f"找不到隐患（编号 {hazard_id}）")
        permissions.require_scope(session.user, row["grid_id"], row["found_by"])
        tx.update("hazard", hazard_id, {"deleted": 0})
        tx.audit("hazard_restored", "hazard", hazard_id)

    session.write(job)
    return Changes.of(HAZARDS, SITES)


def hazard_input_of(row: HazardRow) -> HazardInput:
    return HazardInput(
        site_id=row.site_id or "", description=row.description, level=row.level,
        location=row.location, basis=row.basis, deadline_days=row.deadline_days,
        working_days=row.working_days, found_on=row.found_on, source=row.source or "patrol",
        factor=row.factor, measure_type=row.measure_type,
        due_on=row.due_date if row.deadline_days is None else None,
    )


def transition(session: Session, hazard_id: str, kind: str, data: dict[str, Any] | None = None) -> Changes:
    """Apply one status-machine event (notify, report done, re-check …) to a hazard.

    The lifecycle services in ``services/rectification.py`` check each action's rules (五落实
    before a notice, a re-check opinion, an approver…); this is the bare event, with the role
    and grid checks every event has.
    """

    def job(tx: WriteTx) -> None:
        row = hazard_for_write(tx, session, hazard_id)
        permissions.require_event(session.user, kind, row["level"])
        record_event(tx, hazard_id, kind, data)
        tx.audit(f"hazard_{kind}", "hazard", hazard_id)

    session.write(job)
    return Changes.of(HAZARDS, SITES)
