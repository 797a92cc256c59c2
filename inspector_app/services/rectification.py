"""The rectification lifecycle (整改): notice, fix on the spot, report, re-check, close, reopen.

One function per user action, each in one transaction: the role and grid checks, the rules
of the action, the immutable hazard event(s), the audit entry; a refusal changes nothing.
Deadlines run from the served date (送达) with the store's holiday calendar. Supervisor
actions (confirm level, extend, escalate, list/de-list) are in ``supervision.py`` and the
五落实/plan setters in ``rectification_fields.py``; all are re-exported here, so the GUI
imports this one module.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.deadlines import Deadline, deadline
from ..core.errors import IllegalTransition, ValidationError
from ..store.store import WriteTx
from .changes import Saved
from .hazards import record_event
from .lifecycle_common import calendar_of, day_of, precheck, required_text, run_action
from .rectification_fields import (  # noqa: F401  (re-exported for the GUI)
    GovernancePlan,
    missing_error,
    missing_for_notice,
    set_fields,
    set_five_implementations,
    set_governance_plan,
)
from .session import Session
from .supervision import confirm_level, delist, escalate, escalate_in, extend, list_hazard  # noqa: F401

E = hs.EventKind


def _deadline_of(row: dict[str, Any], start: date, days: int | None, working: bool | None,
                 session: Session) -> tuple[Deadline, int | None, bool]:
    days = row["deadline_days"] if days is None else days
    working = bool(row["working_days"]) if working is None else working
    if days is None:
        raise ValidationError("set a deadline (days) first", "请先设定整改期限（天数）", code="no_deadline")
    return deadline(start, int(days), working_days=working, calendar=calendar_of(session)), days, working


# ----------------------------------------------------------------------------- notice
def notify(session: Session, hazard_id: str, *, served_on: str | date | None = None,
           deadline_days: int | None = None, working_days: bool | None = None) -> Saved:
    """The rectification notice was served (送达): the deadline now runs from that day.

    A major hazard needs its level confirmed by a supervisor and 五落实 plus the governance
    plan complete first.
    """
    return run_action(session, hazard_id, "hazard_notified",
                      notify_body(session, served_on, deadline_days, working_days))


def notify_body(session: Session, served_on: str | date | None = None,
                deadline_days: int | None = None, working_days: bool | None = None):
    """The checks and event of :func:`notify` for one hazard row, to run inside a write job
    (serving a rectification notice notifies its hazards in its own transaction)."""
    today = session.clock.today()

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.NOTIFIED, row["level"])
        precheck(row, E.NOTIFIED)
        served = day_of("served_on", "送达日期", served_on, today, row["found_on"], "发现日期")
        if deadline_days is None and row["deadline_days"] is None and row["due_date"]:
            due = date.fromisoformat(row["due_date"])  # an explicit date set before the notice
            if due < served:
                raise ValidationError(f"the deadline {due} is before the served date {served}",
                                      f"整改期限 {due} 早于送达日期 {served}，请重新设定期限",
                                      code="deadline_before_served")
            d, days, working = Deadline(served, due), None, bool(row["working_days"])
        else:
            d, days, working = _deadline_of(row, served, deadline_days, working_days, session)
        if row["level"] == "major":
            if not row["level_confirmed"]:
                raise ValidationError(
                    "a supervisor must confirm the major level before the notice is served",
                    "重大隐患等级须经监管人员确认后才能送达整改通知", code="level_unconfirmed")
            missing = missing_for_notice({**row, "deadline_days": days})
            if missing:
                raise missing_error(missing)
        record_event(tx, row["id"], E.NOTIFIED, {"served_on": served, "due_date": d.due,
                                                 "deadline_days": days, "working_days": working})
        if days is not None:
            tx.update("hazard", row["id"], {"deadline_days": days, "working_days": int(working)})
        return f"served {served}, due {d.due}", [d]

    return body


# ----------------------------------------------------------------------------- on the spot
def photos_available(tx: WriteTx) -> bool:
    """Whether the store has the ``photo_link`` table (migration 3)."""
    return tx.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'photo_link'").fetchone() is not None


def _after_photo_ok(tx: WriteTx, hazard_id: str, ref: str | None) -> bool:
    """An 'after' photo linked to this hazard: the given photo_link id or media sha256, or
    (no ``ref``) any current one."""
    cols = [r[1] for r in tx.conn.execute("PRAGMA table_info(photo_link)")]
    media_col = "media_id" if "media_id" in cols else next((c for c in cols if "sha" in c), "id")
    where = "hazard_id = ? AND phase = 'after'" + (" AND deleted = 0" if "deleted" in cols else "")
    params: list[str] = [hazard_id]
    if ref:
        where += f" AND (id = ? OR {media_col} = ?)"
        params += [ref, ref]
    return tx.conn.execute(f"SELECT 1 FROM photo_link WHERE {where} LIMIT 1", params).fetchone() is not None


def fix_on_spot(session: Session, hazard_id: str, *, note: str | None = None,
                after_photo: str | None = None, on: str | date | None = None) -> Saved:
    """当场整改: a general hazard fixed while the inspector is there, closed at once.

    Evidence: an 'after' photo (a photo_link id or media sha256, or one already linked to the
    hazard) once the photo work is installed; until then a note saying what was done.
    """
    today = session.clock.today()

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.FIXED_ON_SPOT, row["level"])
        precheck(row, E.FIXED_ON_SPOT)
        day = day_of("on", "整改日期", on, today, row["found_on"], "发现日期")
        text = (note or "").strip() or None
        if photos_available(tx):
            if not _after_photo_ok(tx, row["id"], after_photo):
                raise ValidationError("fixed on the spot needs an 'after' photo",
                                      "当场整改须有整改后照片", code="after_photo_required")
        elif not text:
            raise ValidationError("fixed on the spot needs a note of what was done (no photos yet)",
                                  "当场整改须填写整改情况说明", code="note_required")
        record_event(tx, row["id"], E.FIXED_ON_SPOT, {"on": day, "note": text, "after_photo": after_photo})
        return f"fixed on the spot {day}", []

    return run_action(session, hazard_id, "hazard_fixed_on_spot", body)


# ----------------------------------------------------------------------------- report, re-check
def report_done(session: Session, hazard_id: str, *, on: str | date | None = None,
                note: str | None = None) -> Saved:
    """The unit reports the hazard fixed: it awaits the re-check (starts the 10-day window)."""
    today = session.clock.today()

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.REPORTED_DONE, row["level"])
        precheck(row, E.REPORTED_DONE)
        day = day_of("on", "报告日期", on, today, row["served_on"], "送达日期")
        record_event(tx, row["id"], E.REPORTED_DONE, {"on": day, "note": (note or "").strip() or None})
        return f"reported done {day}", []

    return run_action(session, hazard_id, "hazard_reported_done", body)


def recheck(session: Session, hazard_id: str, *, passed: bool, opinion: str | None,
            on: str | date | None = None, new_deadline_days: int | None = None,
            working_days: bool | None = None, escalate_step: str | None = None,
            escalate_reason: str | None = None) -> Saved:
    """复查: rectified → closed (销号); not rectified → a new deadline and/or an escalation.

    Closing a major hazard (acceptance) is for supervisors; the opinion is the re-check record.
    """
    return _recheck(session, hazard_id, passed=passed, opinion=opinion, on=on,
                    new_deadline_days=new_deadline_days, working_days=working_days,
                    escalate_step=escalate_step, escalate_reason=escalate_reason)


def _recheck(session: Session, hazard_id: str, *, passed: bool, opinion: str | None,
             on: str | date | None = None, new_deadline_days: int | None = None,
             working_days: bool | None = None, escalate_step: str | None = None,
             escalate_reason: str | None = None, closing: bool = False) -> Saved:
    today = session.clock.today()
    text = required_text("opinion", "复查意见", opinion)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        if closing and row["status"] in (hs.DRAFT, hs.OPEN):
            raise IllegalTransition(
                "no notice was served, so there is no re-check to close it by; serve the notice, "
                "or record a general hazard fixed at once as fixed on the spot",
                "尚未送达整改通知，无从复查销号；请先送达通知，一般隐患当场整改的请按当场整改记录",
                code="no_recheck")
        day = day_of("on", "复查日期", on, today, row["served_on"], "送达日期")
        if passed:
            permissions.require_event(session.user, E.RECHECK_PASSED, row["level"])
            precheck(row, E.RECHECK_PASSED)
            record_event(tx, row["id"], E.RECHECK_PASSED,
                         {"on": day, "result": "rectified", "opinion": text})
            return f"re-check passed {day}: {text}", []
        permissions.require_event(session.user, E.RECHECK_FAILED, row["level"])
        precheck(row, E.RECHECK_FAILED)
        if new_deadline_days is None and not escalate_step:
            raise ValidationError("a failed re-check needs a new deadline or an escalation",
                                  "复查未通过，须设定新的整改期限或升级督办", code="failed_recheck_needs_action")
        if escalate_step:
            permissions.require_event(session.user, E.ESCALATED, row["level"])
        data: dict[str, Any] = {"on": day, "result": "not_rectified", "opinion": text}
        found: list[Deadline] = []
        if new_deadline_days is not None:
            d, days, working = _deadline_of(row, day, new_deadline_days, working_days, session)
            data.update(due_date=d.due, deadline_days=days, working_days=working)
            tx.update("hazard", row["id"], {"deadline_days": days, "working_days": int(working)})
            found.append(d)
        state = record_event(tx, row["id"], E.RECHECK_FAILED, data)
        if escalate_step:
            escalate_in(tx, {**row, "listed": int(state.listed)}, escalate_step,
                        (escalate_reason or "").strip() or text)
        return f"re-check failed {day}: {text}", found

    return run_action(session, hazard_id,
                      "hazard_recheck_passed" if passed else "hazard_recheck_failed", body)


def close(session: Session, hazard_id: str, *, opinion: str | None, on: str | date | None = None) -> Saved:
    """销号: only through a passed re-check, so it needs the re-check's opinion.

    Closing without a re-check is refused: no opinion, or a hazard whose notice was never served
    (nothing to re-check — a general hazard fixed at once is recorded as fixed on the spot).
    """
    if not (opinion or "").strip():
        raise ValidationError(
            "a hazard is closed only by a passed re-check: give the re-check opinion",
            "隐患须经复查合格才能销号：请填写复查意见", code="no_recheck")
    return _recheck(session, hazard_id, passed=True, opinion=opinion, on=on, closing=True)


def reopen(session: Session, hazard_id: str, *, reason: str | None, deadline_days: int | None = None,
           working_days: bool | None = None) -> Saved:
    """A closed hazard is back (it recurred, or the closure was wrong): a new deadline runs."""
    today = session.clock.today()
    why = required_text("reason", "重新打开的原因", reason)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.REOPENED, row["level"])
        precheck(row, E.REOPENED)
        d, days, working = _deadline_of(row, today, deadline_days, working_days, session)
        record_event(tx, row["id"], E.REOPENED, {"reason": why, "due_date": d.due,
                                                 "deadline_days": days, "working_days": working})
        tx.update("hazard", row["id"], {"deadline_days": days, "working_days": int(working)})
        return f"reopened: {why}", [d]

    return run_action(session, hazard_id, "hazard_reopened", body)
