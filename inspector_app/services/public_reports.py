"""Public reports (群众举报: 12350, 12345, in person) and internal reports (企业内部报告).

A report is verified by an inspection and linked to the hazards it produced, or closed as
unfounded with a reason. The reporter's identity is protected (domain.md §2): it lives in the
local, never-synced ``public_report_reporter`` table, only supervisors record or see it, and
the report rows that do sync say no more than whether the reporter stayed anonymous.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..core import permissions
from ..core.entities import HazardInput
from ..core.errors import NotFound, ValidationError
from ..core.permissions import Action
from ..store.store import WriteTx
from . import scope
from .changes import HAZARDS, Changes, Saved
from .hazard_input import funds
from .hazards import add_hazard, get_hazard, scope_clause
from .lifecycle_common import required_text, row_dict
from .session import Session

CHANNELS = ("12350", "12345", "in_person", "internal")
CHANNEL_ZH = {"12350": "12350 安全生产举报热线", "12345": "12345 政务服务热线", "in_person": "当面/来信举报",
              "internal": "企业内部报告"}
RECEIVED, VERIFIED, UNFOUNDED = "received", "verified", "unfounded"
REPORTS = "public_report"  # Changes kind


@dataclass
class ReportInput:
    channel: str
    content: str
    received_at: str | None = None  # ISO date or date-time; default now
    site_id: str | None = None
    location: str | None = None
    anonymous: bool = False
    reporter_name: str | None = None  # protected: supervisors only
    reporter_phone: str | None = None
    contact_note: str | None = None


@dataclass(frozen=True)
class Reporter:
    name: str | None
    phone: str | None
    contact_note: str | None


@dataclass(frozen=True)
class ReportRow:
    id: str
    channel: str
    received_at: str
    content: str
    site_id: str | None
    site_name: str | None
    grid_id: str | None
    location: str | None
    status: str
    inspection_id: str | None
    closed_reason: str | None
    closed_at: str | None
    reward_amount: float | None
    reward_note: str | None
    anonymous: bool
    hazard_ids: tuple[str, ...]
    reporter: Reporter | None = None  # None for inspectors, whatever is stored


def _received_at(value: str | None, now: datetime) -> str:
    if not value:
        return now.astimezone().isoformat(timespec="minutes")
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "T"))
    except ValueError:
        raise ValidationError(f"received_at {value!r} is not a date/time", f"受理时间“{value}”格式不对",
                              code="bad_date") from None
    check = moment if moment.tzinfo else moment.replace(tzinfo=now.astimezone().tzinfo)
    if check > now:
        raise ValidationError("the report's time is in the future", "受理时间晚于现在，请核对",
                              code="future_date")
    return moment.isoformat(timespec="minutes")


def add_report(session: Session, data: ReportInput) -> Saved:
    """Record a report as received; the reporter's identity only from a supervisor."""
    permissions.require(session.user, Action.ADD_REPORT)
    if data.channel not in CHANNELS:
        raise ValidationError(f"channel must be one of {', '.join(CHANNELS)}",
                              "举报渠道只能是 " + "、".join(CHANNELS), code="bad_channel")
    content = required_text("content", "举报内容", data.content, 5000)
    identity = any((data.reporter_name, data.reporter_phone, data.contact_note))
    if identity:
        permissions.require(session.user, Action.SEE_REPORTER)
    received = _received_at(data.received_at, session.clock.now())

    def job(tx: WriteTx) -> str:
        grid_id = None
        if data.site_id:
            site = tx.conn.execute("SELECT grid_id FROM site WHERE id = ? AND deleted = 0",
                                   (data.site_id,)).fetchone()
            if site is None:
                raise NotFound(f"no site with id {data.site_id}", f"找不到场所（编号 {data.site_id}）")
            permissions.require_site_scope(session.user, site[0])
            grid_id = site[0]
        report_id = tx.insert("public_report", {
            "channel": data.channel, "received_at": received, "content": content,
            "site_id": data.site_id, "grid_id": grid_id, "location": (data.location or "").strip() or None,
            "status": RECEIVED, "anonymous": int(data.anonymous or not identity),
            "received_by": session.user.id,
        })
        if identity:
            _write_reporter(tx, report_id, data.reporter_name, data.reporter_phone, data.contact_note)
        tx.audit("public_report_added", "public_report", report_id, f"{data.channel}: {content[:60]}")
        return report_id

    return Saved(session.write(job), Changes.of(REPORTS))


def _write_reporter(tx: WriteTx, report_id: str, name: str | None, phone: str | None,
                    note: str | None) -> None:
    tx.conn.execute(
        "INSERT INTO public_report_reporter(report_id, name, phone, contact_note, recorded_at, recorded_by)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(report_id) DO UPDATE SET name = excluded.name,"
        " phone = excluded.phone, contact_note = excluded.contact_note,"
        " recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by",
        (report_id, (name or "").strip()[:100] or None, (phone or "").strip()[:40] or None,
         (note or "").strip()[:500] or None, tx.now_iso, tx.user_id),
    )
    tx.audit("public_reporter_recorded", "public_report", report_id, "reporter identity (protected)")


def set_reporter(session: Session, report_id: str, *, name: str | None, phone: str | None,
                 contact_note: str | None = None) -> Changes:
    permissions.require(session.user, Action.SEE_REPORTER)

    def job(tx: WriteTx) -> None:
        _report_for_write(tx, session, report_id)
        _write_reporter(tx, report_id, name, phone, contact_note)
        tx.update("public_report", report_id, {"anonymous": 0})

    session.write(job)
    return Changes.of(REPORTS)


# ----------------------------------------------------------------------------- reading
_SQL = """SELECT r.*, s.name AS site_name FROM public_report r LEFT JOIN site s ON s.id = r.site_id
WHERE r.deleted = 0"""


def list_reports(session: Session, status: str | None = None, limit: int | None = None) -> list[ReportRow]:
    """Reports in the user's grids (inspectors also see the ones they received); newest first."""
    sql, params = _SQL, []
    scope, scope_params = scope_clause(session.user, alias="r", owner="received_by", owner_any_grid=True)
    if scope:
        sql += " AND " + scope
        params += scope_params
    if status:
        sql += " AND r.status = ?"
        params.append(status)
    sql += " ORDER BY r.received_at DESC, r.id DESC" + (f" LIMIT {int(limit)}" if limit else "")
    rows = session.store.read().execute(sql, params).fetchall()
    return [_row(session, r) for r in rows]


def get_report(session: Session, report_id: str) -> ReportRow:
    r = session.store.read().execute(_SQL + " AND r.id = ?", (report_id,)).fetchone()
    if r is None:
        raise NotFound(f"no public report {report_id}", f"找不到举报（编号 {report_id}）")
    permissions.require_scope(session.user, r["grid_id"], r["received_by"], any_grid=True,
                              kind="report")
    return _row(session, r)


def _row(session: Session, r: Any) -> ReportRow:
    conn = session.store.read()
    hazards = tuple(x[0] for x in conn.execute(
        "SELECT id FROM hazard WHERE public_report_id = ? AND deleted = 0 ORDER BY id", (r["id"],)))
    reporter = None
    if permissions.can(session.user, Action.SEE_REPORTER):
        p = conn.execute("SELECT name, phone, contact_note FROM public_report_reporter WHERE report_id = ?",
                         (r["id"],)).fetchone()
        reporter = Reporter(*p) if p else None
    return ReportRow(
        r["id"], r["channel"], r["received_at"], r["content"], r["site_id"], r["site_name"],
        r["grid_id"], r["location"], r["status"], r["inspection_id"], r["closed_reason"],
        r["closed_at"], r["reward_amount"], r["reward_note"], bool(r["anonymous"]), hazards, reporter,
    )


def report_json(row: ReportRow) -> dict[str, Any]:
    """Plain data for the CLI: the reporter key only when the user may see it."""
    data = {k: v for k, v in row.__dict__.items() if k != "reporter"}
    if row.reporter is not None:
        data["reporter"] = row.reporter.__dict__
    return json.loads(json.dumps(data, ensure_ascii=False))


# ----------------------------------------------------------------------------- handling
def _report_for_write(tx: WriteTx, session: Session, report_id: str) -> dict[str, Any]:
    row = row_dict(tx.conn, "SELECT * FROM public_report WHERE id = ? AND deleted = 0", (report_id,))
    if row is None:
        raise NotFound(f"no public report {report_id}", f"找不到举报（编号 {report_id}）")
    permissions.require_scope(session.user, row["grid_id"], row["received_by"], any_grid=True,
                              kind="report")
    return row


def link_hazard(session: Session, report_id: str, hazard_id: str, *,
                inspection_id: str | None = None) -> Changes:
    """The report is verified: this hazard (found by the inspection) came from it."""
    permissions.require(session.user, Action.LINK_REPORT)
    get_hazard(session, hazard_id)  # exists and in scope

    def job(tx: WriteTx) -> None:
        report = _report_for_write(tx, session, report_id)
        if report["status"] == UNFOUNDED:
            raise ValidationError("the report was closed as unfounded", "该举报已按查无实据办结",
                                  code="report_closed")
        tx.update("hazard", hazard_id, {"public_report_id": report_id})
        values: dict[str, Any] = {"status": VERIFIED}
        if inspection_id:
            scope.check_inspection(tx.conn, session.user, inspection_id)
            values["inspection_id"] = inspection_id
        tx.update("public_report", report_id, values)
        tx.audit("public_report_linked", "public_report", report_id, f"hazard {hazard_id}")

    session.write(job)
    return Changes.of(REPORTS, HAZARDS)


def add_hazard_from_report(session: Session, report_id: str, data: HazardInput) -> Saved:
    """Record a hazard the report led to, linked to it (source 群众举报 or 企业内部报告)."""
    report = get_report(session, report_id)
    data.source = "internal_report" if report.channel == "internal" else "public_report"
    data.public_report_id = report_id
    saved = add_hazard(session, data)
    link_hazard(session, report_id, saved.id)
    return Saved(saved.id, saved.changes | Changes.of(REPORTS), saved.warnings)


def close_unfounded(session: Session, report_id: str, *, reason: str | None,
                    inspection_id: str | None = None) -> Changes:
    """查无实据: the inspection found nothing; a supervisor closes the report with the reason."""
    permissions.require(session.user, Action.CLOSE_REPORT)
    why = required_text("reason", "办结理由", reason)

    def job(tx: WriteTx) -> None:
        report = _report_for_write(tx, session, report_id)
        if report["status"] != RECEIVED:
            raise ValidationError(f"the report is already {report['status']}", "该举报已处理",
                                  code="report_closed")
        tx.update("public_report", report_id, {
            "status": UNFOUNDED, "closed_reason": why, "closed_at": tx.now_iso,
            **({"inspection_id": inspection_id} if inspection_id else {})})
        tx.audit("public_report_unfounded", "public_report", report_id, why[:100])

    session.write(job)
    return Changes.of(REPORTS)


def set_reward(session: Session, report_id: str, *, amount: float | str, note: str | None = None) -> Changes:
    """举报奖励 for a true report (supervisors)."""
    permissions.require(session.user, Action.SET_REWARD)
    value = funds(amount)

    def job(tx: WriteTx) -> None:
        report = _report_for_write(tx, session, report_id)
        if report["status"] != VERIFIED:
            raise ValidationError("a reward is for a verified report", "只有经核实的举报才能奖励",
                                  code="report_not_verified")
        tx.update("public_report", report_id, {"reward_amount": value,
                                               "reward_note": (note or "").strip() or None})
        tx.audit("public_report_reward", "public_report", report_id, f"{value:.2f}")

    session.write(job)
    return Changes.of(REPORTS)
