"""``inspector-app report-public add|list|show|link|unfounded|reward|reporter`` and
``task add|list|done|link`` (上级交办)."""

from __future__ import annotations

import argparse

from ..services import assigned_tasks, public_reports
from ..services.session import Session
from .common import print_json, print_rows
from .i18n import add_parser, json_flag, t
from .labels import REPORT_STATUS, TASK_STATUS, label, overdue


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "report-public", "public and internal reports", "群众举报和内部报告")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|link|unfounded|reward")
    rid = t("report id", "举报 ID")

    a = add_parser(s, "add", "record a report as received", "登记收到的举报")
    a.add_argument("--channel", required=True, choices=public_reports.CHANNELS,
                   help=t("how it came in", "举报渠道"))
    a.add_argument("--content", required=True, help=t("what was reported", "举报内容"))
    a.add_argument("--received-at", help=t("YYYY-MM-DD[ HH:MM] (default now)",
                                           "收到时间 YYYY-MM-DD[ HH:MM]（默认现在）"))
    a.add_argument("--site", help=t("site id", "场所 ID"))
    a.add_argument("--location", help=t("where", "地点"))
    a.add_argument("--anonymous", action="store_true", help=t("anonymous report", "匿名举报"))
    a.add_argument("--reporter-name", help=t("protected: supervisors only", "举报人姓名（保密：仅主管人员可见）"))
    a.add_argument("--reporter-phone", help=t("protected: supervisors only", "举报人电话（保密：仅主管人员可见）"))
    json_flag(a)
    a.set_defaults(handler=cmd_add)

    ls = add_parser(s, "list", "list reports (reporter shown to supervisors only)",
                    "列出举报（举报人仅主管人员可见）")
    ls.add_argument("--status", choices=(public_reports.RECEIVED, public_reports.VERIFIED,
                                         public_reports.UNFOUNDED), help=t("only this status", "只列该状态"))
    ls.add_argument("--limit", type=int, help=t("at most N rows", "最多显示 N 条"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    sh = add_parser(s, "show", "one report", "查看一条举报")
    sh.add_argument("id", help=rid)
    json_flag(sh)
    sh.set_defaults(handler=cmd_show)

    lk = add_parser(s, "link", "verified: link a hazard the inspection found", "查实：关联核查中发现的隐患")
    lk.add_argument("id", help=rid)
    lk.add_argument("--hazard", required=True, help=t("hazard id", "隐患 ID"))
    lk.add_argument("--inspection", help=t("inspection id", "检查 ID"))
    lk.set_defaults(handler=cmd_link)

    u = add_parser(s, "unfounded", "close as unfounded (supervisors)", "核查不实并办结（主管人员）")
    u.add_argument("id", help=rid)
    u.add_argument("--reason", help=t("why it is unfounded", "不实的理由"))
    u.add_argument("--inspection", help=t("inspection id", "检查 ID"))
    u.set_defaults(handler=cmd_unfounded)

    r = add_parser(s, "reward", "reward for a verified report (supervisors)", "查实举报的奖励（主管人员）")
    r.add_argument("id", help=rid)
    r.add_argument("--amount", required=True, help=t("amount (yuan)", "金额（元）"))
    r.add_argument("--note", help=t("note", "备注"))
    r.set_defaults(handler=cmd_reward)

    tp = add_parser(sub, "task", "handed-down tasks", "上级交办任务")
    ts = tp.add_subparsers(dest="action", required=True, metavar="add|list|done|link")
    tid = t("task id", "任务 ID")
    ta = add_parser(ts, "add", "record a task handed down (supervisors)", "登记上级交办的任务（主管人员）")
    ta.add_argument("--from", dest="source", required=True, help=t("who handed it down", "交办单位"))
    ta.add_argument("--content", required=True, help=t("what is to be done", "任务内容"))
    ta.add_argument("--due-on", required=True, help=t("due date YYYY-MM-DD", "办结期限 YYYY-MM-DD"))
    ta.add_argument("--received-on", help=t("YYYY-MM-DD (default today)", "收到日期 YYYY-MM-DD（默认今天）"))
    ta.add_argument("--reference", help=t("their document number", "交办文号"))
    ta.add_argument("--site", help=t("site id", "场所 ID"))
    ta.add_argument("--grid", help=t("grid code or name", "网格代码或名称"))
    ta.add_argument("--assign", help=t("login of the user who carries it out", "承办人的登录名"))
    json_flag(ta)
    ta.set_defaults(handler=cmd_task_add)
    tl = add_parser(ts, "list", "list tasks", "列出交办任务")
    tl.add_argument("--status", choices=(assigned_tasks.OPEN, assigned_tasks.DONE, assigned_tasks.CANCELLED),
                    help=t("only this status", "只列该状态"))
    tl.add_argument("--overdue", action="store_true", help=t("only overdue", "只列已逾期"))
    json_flag(tl)
    tl.set_defaults(handler=cmd_task_list)
    td = add_parser(ts, "done", "the task is done", "任务已办结")
    td.add_argument("id", help=tid)
    td.add_argument("--result", help=t("what was done", "办理结果"))
    td.add_argument("--on", help=t("YYYY-MM-DD (default today)", "办结日期 YYYY-MM-DD（默认今天）"))
    td.set_defaults(handler=cmd_task_done)
    tk = add_parser(ts, "link", "link a hazard the task produced", "关联任务中发现的隐患")
    tk.add_argument("id", help=tid)
    tk.add_argument("--hazard", required=True, help=t("hazard id", "隐患 ID"))
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
        print_rows([[r.id, r.channel, r.received_at, label(REPORT_STATUS, r.status), r.content[:40]]
                    for r in rows])
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
        print_rows([[task.id, task.due_on,
                     label(TASK_STATUS, task.status) + (f" {overdue()}" if task.overdue else ""),
                     task.source, task.content[:40]] for task in rows])
    return 0


def cmd_task_done(session: Session, a: argparse.Namespace) -> int:
    assigned_tasks.complete_task(session, a.id, result=a.result, on=a.on)
    return 0


def cmd_task_link(session: Session, a: argparse.Namespace) -> int:
    assigned_tasks.link_hazard_to_task(session, a.id, a.hazard)
    return 0
