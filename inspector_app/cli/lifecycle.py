"""``inspector-app hazard notify|fix-on-spot|report-done|recheck|close|reopen|extend|escalate|
supervise|delist|confirm-level ID …`` — the rectification lifecycle on the command line.

Every action prints the hazard's id (``--json``: id, status, due date, warnings); a refused
action exits 1 with the reason on stderr and changes nothing. ``hazard list ID --reason …``
(with an id) is the same as ``hazard supervise``: 挂牌督办.
"""

from __future__ import annotations

import argparse

from ..core.escalation import ladder
from ..services import hazards, rectification
from ..services.changes import Saved
from ..services.session import Session
from .common import print_json, print_warnings, warnings_json


def _day_kind(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--working-days", dest="working_days", action="store_true", default=None,
                   help="count working days (official holiday calendar)")
    g.add_argument("--calendar-days", dest="working_days", action="store_false",
                   help="count calendar days")


def _action(s: argparse._SubParsersAction, name: str, help_: str, handler, *, json_: bool = True
            ) -> argparse.ArgumentParser:
    p = s.add_parser(name, help=help_)
    p.add_argument("id", help="hazard id")
    if json_:
        p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handler)
    return p


def register_actions(s: argparse._SubParsersAction) -> None:
    """Add the lifecycle actions to the ``hazard`` sub-command's parsers."""
    p = _action(s, "notify", "整改通知已送达 the notice was served (deadline runs from then)", cmd_notify)
    p.add_argument("--served-on", help="YYYY-MM-DD (default today)")
    p.add_argument("--deadline-days", type=int)
    _day_kind(p)

    p = _action(s, "fix-on-spot", "当场整改 a general hazard fixed at once", cmd_fix_on_spot)
    p.add_argument("--note", help="what was done")
    p.add_argument("--photo", help="the 'after' photo: photo_link id or media sha256")
    p.add_argument("--on", help="YYYY-MM-DD (default today)")

    p = _action(s, "report-done", "单位报告整改完成 the unit reports completion", cmd_report_done)
    p.add_argument("--on", help="YYYY-MM-DD (default today)")
    p.add_argument("--note")

    p = _action(s, "recheck", "复查 re-check: --passed closes, --failed sets a new deadline or escalates",
                cmd_recheck)
    result = p.add_mutually_exclusive_group(required=True)
    result.add_argument("--passed", action="store_true", help="rectified (closes the hazard)")
    result.add_argument("--failed", action="store_true", help="not rectified")
    p.add_argument("--opinion", help="复查意见 (required)")
    p.add_argument("--on", help="YYYY-MM-DD (default today)")
    p.add_argument("--new-deadline-days", type=int)
    _day_kind(p)
    p.add_argument("--escalate", metavar="STEP", help="also escalate: " + ", ".join(x.code for x in ladder()))
    p.add_argument("--escalate-reason")

    p = _action(s, "close", "销号 close = a passed re-check (needs --opinion)", cmd_close)
    p.add_argument("--opinion", help="复查意见 (required: no closing without a re-check)")
    p.add_argument("--on", help="YYYY-MM-DD (default today)")

    p = _action(s, "reopen", "重新打开 reopen a closed hazard with a new deadline", cmd_reopen)
    p.add_argument("--reason")
    p.add_argument("--deadline-days", type=int)
    _day_kind(p)

    p = _action(s, "extend", "延期 extend the deadline (supervisors)", cmd_extend)
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--reason")
    p.add_argument("--approver", help="who approved it, if not you")
    _day_kind(p)

    p = _action(s, "escalate", "升级督办 escalate (supervisors)", cmd_escalate)
    p.add_argument("--step", required=True, help=", ".join(f"{x.code} ({x.zh})" for x in ladder()))
    p.add_argument("--reason")

    p = _action(s, "supervise", "挂牌督办 put under listed supervision (supervisors)", cmd_supervise)
    p.add_argument("--reason")
    p.add_argument("--authority", help="the listing authority (挂牌单位)")

    p = _action(s, "delist", "摘牌 end listed supervision (supervisors)", cmd_delist)
    p.add_argument("--reason")

    p = _action(s, "confirm-level", "确认等级 confirm or change the level (supervisors)", cmd_confirm)
    p.add_argument("--level", choices=("general", "major"))
    p.add_argument("--reason")


def _done(session: Session, saved: Saved, as_json: bool) -> int:
    if as_json:
        row = hazards.get_hazard(session, saved.id)
        print_json({"id": saved.id, "status": row.status, "due_date": row.due_date,
                    "listed": row.listed, "escalation": row.escalation,
                    "recheck_due": row.recheck_due, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def cmd_notify(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.notify(
        session, a.id, served_on=a.served_on, deadline_days=a.deadline_days,
        working_days=a.working_days), a.json)


def cmd_fix_on_spot(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.fix_on_spot(session, a.id, note=a.note, after_photo=a.photo,
                                                    on=a.on), a.json)


def cmd_report_done(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.report_done(session, a.id, on=a.on, note=a.note), a.json)


def cmd_recheck(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.recheck(
        session, a.id, passed=a.passed, opinion=a.opinion, on=a.on,
        new_deadline_days=a.new_deadline_days, working_days=a.working_days,
        escalate_step=a.escalate, escalate_reason=a.escalate_reason), a.json)


def cmd_close(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.close(session, a.id, opinion=a.opinion, on=a.on), a.json)


def cmd_reopen(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.reopen(session, a.id, reason=a.reason,
                                               deadline_days=a.deadline_days,
                                               working_days=a.working_days), a.json)


def cmd_extend(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.extend(session, a.id, days=a.days, reason=a.reason,
                                               working_days=a.working_days, approver=a.approver), a.json)


def cmd_escalate(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.escalate(session, a.id, step=a.step, reason=a.reason), a.json)


def cmd_supervise(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.list_hazard(session, a.id, reason=a.reason,
                                                    authority=getattr(a, "authority", None)), a.json)


def cmd_delist(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.delist(session, a.id, reason=a.reason), a.json)


def cmd_confirm(session: Session, a: argparse.Namespace) -> int:
    return _done(session, rectification.confirm_level(session, a.id, a.level, a.reason), a.json)
