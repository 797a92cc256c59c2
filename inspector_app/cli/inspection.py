"""``inspector-app inspection start|record|hazard|finish|show|list|due|discard``."""

from __future__ import annotations

import argparse

from ..core.entities import HazardInput
from ..core.hazard_status import LEVELS
from ..services import inspection_plan, inspection_views, inspections
from ..services.session import Session
from .common import lang, print_json, print_rows, print_warnings, warnings_json
from .i18n import add_parser, json_flag, t
from .labels import INSPECTION_KIND, INSPECTION_STATUS, LEVEL, STATUS, label


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "inspection", "on-site inspections", "现场检查")
    s = p.add_subparsers(dest="action", required=True,
                         metavar="start|record|hazard|finish|show|list|due|discard")
    iid = t("inspection id", "检查 ID")

    start = add_parser(s, "start", "start an inspection at a site", "开始对一个场所的检查")
    start.add_argument("--site", required=True, help=t("site id", "场所 ID"))
    start.add_argument("--checklist", action="append", default=None, metavar="ID",
                       help=t("template id or code; repeatable (default: suggested by the site's sectors)",
                              "检查表 ID 或代码，可重复（默认按场所的行业领域推荐）"))
    start.add_argument("--kind", choices=inspections.KINDS, default="patrol",
                       help=t("kind of inspection", "检查类型"))
    start.add_argument("--campaign", help=t("campaign id", "专项整治 ID"))
    start.add_argument("--location", help=t("where on the premises", "检查部位"))
    start.add_argument("--with", dest="others", action="append", default=[], metavar="USER_ID",
                       help=t("another inspector taking part", "共同参加检查的人员"))
    json_flag(start)
    start.set_defaults(handler=cmd_start)

    rec = add_parser(s, "record", "record one checklist item", "记录一个检查项的结果")
    rec.add_argument("id", help=iid)
    rec.add_argument("--item", required=True, help=t("item code (NS-03), TEMPLATE/CODE or item id",
                                                     "检查项代码（如 NS-03）、检查表/代码或检查项 ID"))
    rec.add_argument("--result", required=True, choices=inspections.RESULTS,
                     help=t("the result", "检查结果"))
    rec.add_argument("--note", help=t("note", "备注"))
    json_flag(rec)
    rec.set_defaults(handler=cmd_record)

    hz = add_parser(s, "hazard", "add a hazard that is on no checklist", "登记检查表以外的隐患")
    hz.add_argument("id", help=iid)
    hz.add_argument("--description", required=True, help=t("what is wrong", "隐患描述"))
    hz.add_argument("--level", choices=LEVELS, default="general",
                    help=t("general or major", "一般（general）或重大（major）"))
    hz.add_argument("--location", help=t("where on the premises", "隐患部位"))
    hz.add_argument("--basis", help=t("legal basis", "判定依据"))
    hz.add_argument("--deadline-days", type=int, help=t("days to rectify", "整改期限（天）"))
    json_flag(hz)
    hz.set_defaults(handler=cmd_hazard)

    fin = add_parser(s, "finish", "finish: draft hazards become open", "完成检查：草稿隐患转为待整改")
    fin.add_argument("id", help=iid)
    json_flag(fin)
    fin.set_defaults(handler=cmd_finish)

    show = add_parser(s, "show", "an inspection with its items and hazards", "查看检查记录及其检查项和隐患")
    show.add_argument("id", help=iid)
    json_flag(show)
    show.set_defaults(handler=cmd_show)

    ls = add_parser(s, "list", "inspections, newest first", "列出检查记录（最新的在前）")
    ls.add_argument("--site", help=t("site id", "场所 ID"))
    ls.add_argument("--status", choices=(inspections.IN_PROGRESS, inspections.FINISHED),
                    help=t("in progress or finished", "进行中或已完成"))
    ls.add_argument("--mine", action="store_true", help=t("only mine", "只看我的"))
    ls.add_argument("--limit", type=int, help=t("at most N rows", "最多显示 N 条"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    due = add_parser(s, "due", "sites due or overdue for inspection (by risk colour)",
                     "到期或逾期应检查的场所（按风险等级）")
    due.add_argument("--within", type=int, default=30, metavar="DAYS",
                     help=t("due within DAYS days (default 30)", "DAYS 天内到期（默认 30）"))
    due.add_argument("--all", action="store_true", help=t("also sites not due yet", "也列出未到期的场所"))
    json_flag(due)
    due.set_defaults(handler=cmd_due)

    dis = add_parser(s, "discard", "throw away an unfinished inspection", "放弃未完成的检查")
    dis.add_argument("id", help=iid)
    dis.set_defaults(handler=cmd_discard)


def cmd_start(session: Session, args: argparse.Namespace) -> int:
    saved = inspections.start_inspection(session, inspections.StartInput(
        site_id=args.site, template_ids=args.checklist, kind=args.kind, campaign_id=args.campaign,
        location=args.location, inspector_ids=args.others,
    ))
    if args.json:
        print_json({"id": saved.id, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def cmd_record(session: Session, args: argparse.Namespace) -> int:
    done = inspections.record_result(session, args.id, args.item, args.result, args.note)
    if args.json:
        print_json({"id": done.result_id, "hazard_id": done.hazard_id,
                    "warnings": warnings_json(done.warnings)})
    else:
        print_warnings(done.warnings)
        if done.hazard_id:
            print(done.hazard_id)
    return 0


def cmd_hazard(session: Session, args: argparse.Namespace) -> int:
    saved = inspections.add_free_hazard(session, args.id, HazardInput(
        site_id="", description=args.description, level=args.level, location=args.location,
        basis=args.basis, deadline_days=args.deadline_days,
    ))
    if args.json:
        print_json({"id": saved.id, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def cmd_finish(session: Session, args: argparse.Namespace) -> int:
    summary = inspections.finish_inspection(session, args.id)
    if args.json:
        print_json(summary)
    else:
        by = summary["hazards_by_level"]
        print(f"检查项 {summary['items_checked']}/{summary['items_total']}：合格 {summary['ok']}，"
              f"隐患 {summary['hazard']}，不适用 {summary['na']}；隐患 {summary['hazards']} 条"
              f"（一般 {by.get('general', 0)}，重大 {by.get('major', 0)}）"
              if not lang().startswith("en") else
              f"items {summary['items_checked']}/{summary['items_total']}: ok {summary['ok']}, "
              f"hazard {summary['hazard']}, n/a {summary['na']}; hazards {summary['hazards']} "
              f"(general {by.get('general', 0)}, major {by.get('major', 0)})")
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    data = inspection_views.get_inspection(session, args.id)
    if args.json:
        print_json(data)
        return 0
    print(f"{data['site_name']} {label(INSPECTION_KIND, data['kind'])} "
          f"{label(INSPECTION_STATUS, data['status'])} {data['started_at']}")
    for tpl in data["templates"]:
        print(f"[{tpl['title']} v{tpl['version']}]")
        for i in tpl["items"]:
            print(f"  {i['code']} {i['result'] or '-':6} {i['text']}")
    for h in data["hazards"]:
        print(f"{t('hazard', '隐患')} {h['id']} {label(LEVEL, h['level'])} {label(STATUS, h['status'])} "
              f"{h['description']}")
    return 0


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = inspection_views.list_inspections(session, site_id=args.site, status=args.status,
                                             mine=args.mine, limit=args.limit)
    if args.json:
        print_json(rows)
    else:
        print_rows([[r["id"], r["started_at"][:16], label(INSPECTION_KIND, r["kind"]),
                     label(INSPECTION_STATUS, r["status"]), r["site_name"], r["hazards"]] for r in rows])
    return 0


def cmd_due(session: Session, args: argparse.Namespace) -> int:
    rows = inspection_plan.plan(session, within_days=args.within, include_ok=args.all)
    if args.json:
        print_json(rows)
    else:
        print_rows([[r.site_id, r.status, r.due_on, r.last_inspected_on or "-", r.risk_colour or "-",
                     r.grid or "-", r.name] for r in rows])
    return 0


def cmd_discard(session: Session, args: argparse.Namespace) -> int:
    inspections.discard_inspection(session, args.id)
    return 0
