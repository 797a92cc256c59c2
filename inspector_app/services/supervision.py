"""Supervisor actions on a hazard: confirm its level, approve an extension, escalate, list/de-list.

Each is a dated hazard event carrying who did it and why, so the ladder of pressure tools
(提醒函 → 约谈 → 警示通报 → 挂牌督办 → 提级调查/移交执法) and every 挂牌/摘牌 can be followed to
the end. Roles are checked against ``core/permissions.py`` (supervisors and admins only).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core import escalation, permissions
from ..core import hazard_status as hs
from ..core.deadlines import Deadline
from ..core.deadlines import extend as extend_deadline
from ..core.errors import ValidationError
from ..core.validation import strip_control
from ..store.store import WriteTx
from . import overdue_rule
from .changes import Saved
from .hazards import record_event
from .lifecycle_common import calendar_of, precheck, required_text, run_action
from .session import Session

E = hs.EventKind


def confirm_level(session: Session, hazard_id: str, level: str | None = None,
                  reason: str | None = None) -> Saved:
    """A supervisor confirms the hazard's level, or sets another one (and confirms that)."""

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        new = level or row["level"]
        permissions.require_event(session.user, E.LEVEL_CONFIRMED, row["level"])
        precheck(row, E.LEVEL_CONFIRMED, {"level": new})
        record_event(tx, row["id"], E.LEVEL_CONFIRMED,
                     {"level": new, "previous": row["level"], "reason": strip_control(reason or "").strip() or None})
        tx.update("hazard", row["id"], {"level_confirmed": 1})
        return f"level confirmed: {new}", []

    return run_action(session, hazard_id, "hazard_level_confirmed", body)


def extend(session: Session, hazard_id: str, *, days: int, reason: str | None,
           working_days: bool | None = None, approver: str | None = None) -> Saved:
    """延期: more days counted on from the current due date, approved by a supervisor.

    ``approver`` names who approved it when that is not the supervisor recording it.
    """
    why = required_text("reason", "延期理由", reason)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.EXTENDED, row["level"])
        precheck(row, E.EXTENDED)
        if not row["due_date"]:
            raise ValidationError("the hazard has no deadline to extend", "该隐患没有整改期限，无法延期",
                                  code="no_deadline")
        working = bool(row["working_days"]) if working_days is None else working_days
        d = extend_deadline(date.fromisoformat(row["due_date"]), int(days), working_days=working,
                            calendar=calendar_of(session))
        record_event(tx, row["id"], E.EXTENDED, {
            "days": int(days), "working_days": working, "reason": why, "previous_due": row["due_date"],
            "due_date": d.due, "approved_by": session.user.id,
            "approver": strip_control(approver or "").strip() or session.user.name,
        })
        return f"extended to {d.due}: {why}", [d]

    return run_action(session, hazard_id, "hazard_extended", body)


def escalate_in(tx: WriteTx, row: dict[str, Any], step_code: str, reason: str) -> None:
    """Record an escalation (and the listing it implies) inside a running transaction."""
    step = escalation.step(step_code)
    record_event(tx, row["id"], E.ESCALATED, {"step": step.code, "reason": reason})
    if step.lists and not row["listed"]:
        record_event(tx, row["id"], E.LISTED, {"reason": reason, "via": step.code})


def escalate(session: Session, hazard_id: str, *, step: str, reason: str | None) -> Saved:
    """Use one of the ladder's pressure tools on the unit (each a dated event: who and why)."""
    why = required_text("reason", "督办理由", reason)
    chosen = escalation.step(step)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.ESCALATED, row["level"])
        precheck(row, E.ESCALATED, {"step": chosen.code})
        escalate_in(tx, row, chosen.code, why)
        return f"escalated: {chosen.zh} ({chosen.code}): {why}", []

    return run_action(session, hazard_id, "hazard_escalated", body)


def list_hazard(session: Session, hazard_id: str, *, reason: str | None,
                authority: str | None = None) -> Saved:
    """挂牌督办: a major hazard, or one overdue after escalation, under listed supervision."""
    why = required_text("reason", "挂牌理由", reason)
    today = session.clock.today().isoformat()
    late = overdue_rule.statuses(session)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.LISTED, row["level"])
        precheck(row, E.LISTED)
        overdue = bool(row["due_date"] and row["due_date"] < today
                       and row["status"] in late)
        if row["level"] != "major" and not (overdue and row["escalation"]):
            raise ValidationError(
                "only a major hazard, or one overdue after an escalation, is listed",
                "只有重大隐患，或经督办后仍逾期的隐患，才能挂牌督办", code="not_listable")
        record_event(tx, row["id"], E.LISTED, {"reason": why, "authority": strip_control(authority or "").strip() or None})
        return f"listed: {why}", []

    return run_action(session, hazard_id, "hazard_listed", body)


def delist(session: Session, hazard_id: str, *, reason: str | None) -> Saved:
    """摘牌: the listed supervision ends (who and when are on the event)."""
    why = required_text("reason", "摘牌理由", reason)

    def body(tx: WriteTx, row: dict[str, Any]) -> tuple[str, list[Deadline]]:
        permissions.require_event(session.user, E.DELISTED, row["level"])
        precheck(row, E.DELISTED)
        record_event(tx, row["id"], E.DELISTED, {"reason": why})
        return f"de-listed: {why}", []

    return run_action(session, hazard_id, "hazard_delisted", body)
