"""``inspector-app report-public add|list|show|link|unfounded|reward|reporter`` and
``task add|list|done|link`` (上级交办)."""

from __future__ import annotations

import argparse

from ..services import assigned_tasks, public_reports
from ..services.session import Session
from .common import print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report-public", help="群众举报 public and internal reports")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|link|unfounded|reward")

    a = s.add_parser("add", help="record a report as received")
    a.add_argument("--channel", required=True, choices=public_reports.CHANNELS)
    a.add_argument("--content", required=True)
    a.add_argument("--received-at", help="YYYY-MM-DD[ HH:MM] (default now)")
    a.add_argument("--site", help="site id")
    a.add_argument("--location")
    a.add_argument("--anonymous", action="store_true")
    a.add_argument("--reporter-name", help="protected: supervisors only")
    a.add_argument("--reporter-phone", help="protected: supervisors only")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="list reports (reporter shown to supervisors only)")
    ls.add_argument("--status", choices=(public_reports.RECEIVED, public_reports.VERIFIED,
                                         public_reports.UNFOUNDED))
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    sh = s.add_parser("show", help="one report")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_show)

    lk = s.add_parser("link", help="verified: link a hazard the inspection found")
    lk.add_argument("id")
    lk.add_argument("--hazard", required=True)
    lk.add_argument("--inspection")
    lk.set_defaults(handler=cmd_link)

    u = s.add_parser("unfounded", help="close as unfounded (supervisors)")
    u.add_argument("id")
    u.add_argument("--reason")
    u.add_argument("--inspection")
    u.set_defaults(handler=cmd_unfounded)

    r = s.add_parser("reward", help="reward for a verified report (supervisors)")
    r.add_argument("id")
    r.add_argument("--amount", required=True)
    r.add_argument("--note")
    r.set_defaults(handler=cmd_reward)

    t = sub.add_parser("task", help="上级交办 handed-down tasks")
    ts = t.add_subparsers(dest="action", required=True, metavar="add|list|done|link")
    ta = ts.add_parser("add", help="record a task handed down (supervisors)")
    ta.add_argument("--from", dest="source", required=True, help="who handed it down")
    ta.add_argument("--content", required=True)
    ta.add_argument("--due-on", required=True)
    ta.add_argument("--received-on")
    ta.add_argument("--reference", help="their document number")
    ta.add_argument("--site")
    ta.add_argument("--grid")
    ta.add_argument("--assign", help="login of the user who carries it out")
    ta.add_argument("--json", action="store_true")
    ta.set_defaults(handler=cmd_task_add)
    tl = ts.add_parser("list", help="list tasks")
    tl.add_argument("--status", choices=(assigned_tasks.OPEN, assigned_tasks.DONE, assigned_tasks.CANCELLED))
    tl.add_argument("--overdue", action="store_true")
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(handler=cmd_task_list)
    td = ts.add_parser("done", help="the task is done")
    td.add_argument("id")
    td.add_argument("--result")
    td.add_argument("--on")
    td.set_defaults(handler=cmd_task_done)
    tk = ts.add_parser("link", help="link a hazard the task produced")
    tk.add_argument("id")
    tk.add_argument("--hazard", required=True)
    tk.set_defaults(handler=cmd_task_link)


def cmd_add(session: Session, a: argparse.Namespace) -> int:
    saved = public_reports.add_report(session, public_reports.ReportInput(
        channel=a.channel, content=a.content, received_at=a.received_at, site_id=a.site,
        location=a.location, anonymous=a.anonymous, reporter_name=a.reporter_name,
        reporter_phone=a.reporter_phone))
    print_json({"id": saved.id}) if a.json else print(saved.id)
    return 0


def cmd_list(session: Session, a: argparse.Namespace) -> int:
    rows = public_reports.list_reports(session, a.status, a.limit)
    if a.json:
        print_json([public_reports.report_json(r) for r in rows])
    else:
        print_rows([[r.id, r.channel, r.received_at, r.status, r.content[:40]] for r in rows])
    return 0


def cmd_show(session: Session, a: argparse.Namespace) -> int:
    data = public_reports.report_json(public_reports.get_report(session, a.id))
    if a.json:
        print_json(data)
    else:
        for k, v in data.items():
            print(f"{k}: {'' if v is None else v}")
    return 0


def cmd_link(session: Session, a: argparse.Namespace) -> int:
    public_reports.link_hazard(session, a.id, a.hazard, inspection_id=a.inspection)
    return 0


def cmd_unfounded(session: Session, a: argparse.Namespace) -> int:
    public_reports.close_unfounded(session, a.id, reason=a.reason, inspection_id=a.inspection)
    return 0


def cmd_reward(session: Session, a: argparse.Namespace) -> int:
    public_reports.set_reward(session, a.id, amount=a.amount, note=a.note)
    return 0


def cmd_task_add(session: Session, a: argparse.Namespace) -> int:
    saved = assigned_tasks.add_task(session, assigned_tasks.TaskInput(
        source=a.source, content=a.content, due_on=a.due_on, received_on=a.received_on,
        reference=a.reference, site_id=a.site, grid=a.grid, assigned_to=a.assign))
    print_json({"id": saved.id}) if a.json else print(saved.id)
    return 0


def cmd_task_list(session: Session, a: argparse.Namespace) -> int:
    rows = assigned_tasks.list_tasks(session, a.status, a.overdue)
    if a.json:
        print_json(rows)
    else:
        print_rows([[t.id, t.due_on, t.status + (" overdue" if t.overdue else ""), t.source,
                     t.content[:40]] for t in rows])
    return 0


def cmd_task_done(session: Session, a: argparse.Namespace) -> int:
    assigned_tasks.complete_task(session, a.id, result=a.result, on=a.on)
    return 0


def cmd_task_link(session: Session, a: argparse.Namespace) -> int:
    assigned_tasks.link_hazard_to_task(session, a.id, a.hazard)
    return 0
