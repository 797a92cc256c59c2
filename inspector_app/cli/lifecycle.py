"""``inspector-app hazard notify|fix-on-spot|report-done|recheck|close|reopen|extend|escalate|
supervise|delist|confirm-level ID …`` — the rectification lifecycle on the command line.

Every action prints the hazard's id (``--json``: id, status, due date, warnings); a refused
action exits 1 with the reason on stderr and changes nothing. 挂牌督办 is ``hazard supervise``
(``hazard list`` only lists: a list command never writes).
"""

from __future__ import annotations

import argparse

from ..core.escalation import ladder
from ..services import hazards, rectification
from ..services.changes import Saved
from ..services.session import Session
from .common import print_json, print_warnings, warnings_json
from .i18n import json_flag, t


def _day_kind(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--working-days", dest="working_days", action="store_true", default=None,
                   help=t("count working days (official holiday calendar)",
                          "按工作日计算（法定节假日安排）"))
    g.add_argument("--calendar-days", dest="working_days", action="store_false",
                   help=t("count calendar days", "按自然日计算"))


def _action(s: argparse._SubParsersAction, name: str, help_: str, handler, *, json_: bool = True
            ) -> argparse.ArgumentParser:
    p = s.add_parser(name, help=help_, description=help_)
    p.add_argument("id", help=t("hazard id", "隐患 ID"))
    if json_:
        json_flag(p)
    p.set_defaults(handler=handler)
    return p


def register_actions(s: argparse._SubParsersAction) -> None:
    """Add the lifecycle actions to the ``hazard`` sub-command's parsers."""
    day = t("YYYY-MM-DD (default today)", "日期 YYYY-MM-DD（默认今天）")
    p = _action(s, "notify", t("the rectification notice was served (the deadline runs from then)",
                               "整改通知已送达（整改期限自送达起算）"), cmd_notify)
    p.add_argument("--served-on", help=t("YYYY-MM-DD (default today)", "送达日期 YYYY-MM-DD（默认今天）"))
    p.add_argument("--deadline-days", type=int, help=t("days to rectify", "整改期限（天）"))
    _day_kind(p)

    p = _action(s, "fix-on-spot", t("a general hazard fixed at once", "一般隐患当场整改"),
                cmd_fix_on_spot)
    p.add_argument("--note", help=t("what was done", "整改情况"))
    p.add_argument("--photo", help=t("the 'after' photo: photo_link id or media sha256",
                                     "整改后照片：照片 ID 或 sha256"))
    p.add_argument("--on", help=day)

    p = _action(s, "report-done", t("the unit reports completion", "单位报告整改完成"), cmd_report_done)
    p.add_argument("--on", help=day)
    p.add_argument("--note", help=t("what the unit reported", "单位报告的整改情况"))

    p = _action(s, "recheck", t("re-check: --passed closes, --failed sets a new deadline or escalates",
                                "复查：--passed 通过并销号，--failed 重新限期或升级督办"), cmd_recheck)
    result = p.add_mutually_exclusive_group(required=True)
    result.add_argument("--passed", action="store_true", help=t("rectified (closes the hazard)",
                                                                "已整改到位（销号）"))
    result.add_argument("--failed", action="store_true", help=t("not rectified", "未整改到位"))
    p.add_argument("--opinion", help=t("re-check opinion (required)", "复查意见（必填）"))
    p.add_argument("--on", help=day)
    p.add_argument("--new-deadline-days", type=int, help=t("new deadline in days", "新的整改期限（天）"))
    _day_kind(p)
    p.add_argument("--escalate", metavar="STEP", help=t("also escalate: ", "同时升级督办：")
                   + ", ".join(x.code for x in ladder()))
    p.add_argument("--escalate-reason", help=t("why it is escalated", "升级督办的理由"))

    p = _action(s, "close", t("close = a passed re-check (needs --opinion)",
                              "销号 = 复查通过（需要 --opinion）"), cmd_close)
    p.add_argument("--opinion", help=t("re-check opinion (required: no closing without a re-check)",
                                       "复查意见（必填：未经复查不能销号）"))
    p.add_argument("--on", help=day)

    p = _action(s, "reopen", t("reopen a closed hazard with a new deadline",
                               "重新打开已销号的隐患并重新限期"), cmd_reopen)
    p.add_argument("--reason", help=t("why it is reopened", "重新打开的理由"))
    p.add_argument("--deadline-days", type=int, help=t("days to rectify", "整改期限（天）"))
    _day_kind(p)

    p = _action(s, "extend", t("extend the deadline (supervisors)", "延期（主管人员）"), cmd_extend)
    p.add_argument("--days", type=int, required=True, help=t("days to add", "延长天数"))
    p.add_argument("--reason", help=t("why it is extended", "延期理由"))
    p.add_argument("--approver", help=t("who approved it, if not you", "批准人（不是本人时）"))
    _day_kind(p)

    p = _action(s, "escalate", t("escalate (supervisors)", "升级督办（主管人员）"), cmd_escalate)
    p.add_argument("--step", required=True, help=", ".join(
        f"{x.code} ({x.zh})" for x in ladder()))
    p.add_argument("--reason", help=t("why it is escalated", "升级督办的理由"))

    p = _action(s, "supervise", t("put under listed supervision (挂牌督办, supervisors)",
                                  "挂牌督办（主管人员）"), cmd_supervise)
    p.add_argument("--reason", help=t("why it is listed", "挂牌督办的理由"))
    p.add_argument("--authority", help=t("the listing authority", "挂牌单位"))

    p = _action(s, "delist", t("end listed supervision (摘牌, supervisors)", "摘牌（主管人员）"),
                cmd_delist)
    p.add_argument("--reason", help=t("why it is delisted", "摘牌理由"))

    p = _action(s, "confirm-level", t("confirm or change the level (supervisors)",
                                      "确认或更改隐患等级（主管人员）"), cmd_confirm)
    p.add_argument("--level", choices=("general", "major"),
                   help=t("general or major", "一般（general）或重大（major）"))
    p.add_argument("--reason", help=t("why the level is changed", "更改等级的理由"))


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
