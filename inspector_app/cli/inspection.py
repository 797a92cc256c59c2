"""``inspector-app inspection start|record|hazard|finish|show|list|due|discard``."""

from __future__ import annotations

import argparse

from ..core.entities import HazardInput
from ..core.hazard_status import LEVELS
from ..services import inspection_plan, inspection_views, inspections
from ..services.session import Session
from .common import lang, print_json, print_rows, print_warnings, warnings_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspection", help="检查 on-site inspections")
    s = p.add_subparsers(dest="action", required=True,
                         metavar="start|record|hazard|finish|show|list|due|discard")

    start = s.add_parser("start", help="start an inspection at a site")
    start.add_argument("--site", required=True, help="site id")
    start.add_argument("--checklist", action="append", default=None, metavar="ID",
                       help="template id or code; repeatable (default: suggested by the site's sectors)")
    start.add_argument("--kind", choices=inspections.KINDS, default="patrol")
    start.add_argument("--campaign", help="campaign id")
    start.add_argument("--location", help="where on the premises")
    start.add_argument("--with", dest="others", action="append", default=[], metavar="USER_ID",
                       help="another inspector taking part")
    start.add_argument("--json", action="store_true")
    start.set_defaults(handler=cmd_start)

    rec = s.add_parser("record", help="record one checklist item")
    rec.add_argument("id")
    rec.add_argument("--item", required=True, help="item code (NS-03), TEMPLATE/CODE or item id")
    rec.add_argument("--result", required=True, choices=inspections.RESULTS)
    rec.add_argument("--note")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(handler=cmd_record)

    hz = s.add_parser("hazard", help="add a hazard that is on no checklist")
    hz.add_argument("id")
    hz.add_argument("--description", required=True)
    hz.add_argument("--level", choices=LEVELS, default="general")
    hz.add_argument("--location")
    hz.add_argument("--basis")
    hz.add_argument("--deadline-days", type=int)
    hz.add_argument("--json", action="store_true")
    hz.set_defaults(handler=cmd_hazard)

    fin = s.add_parser("finish", help="finish: draft hazards become open")
    fin.add_argument("id")
    fin.add_argument("--json", action="store_true")
    fin.set_defaults(handler=cmd_finish)

    show = s.add_parser("show", help="an inspection with its items and hazards")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    ls = s.add_parser("list", help="inspections, newest first")
    ls.add_argument("--site")
    ls.add_argument("--status", choices=(inspections.IN_PROGRESS, inspections.FINISHED))
    ls.add_argument("--mine", action="store_true")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    due = s.add_parser("due", help="sites due or overdue for inspection (by risk colour)")
    due.add_argument("--within", type=int, default=30, metavar="DAYS")
    due.add_argument("--all", action="store_true", help="also sites not due yet")
    due.add_argument("--json", action="store_true")
    due.set_defaults(handler=cmd_due)

    dis = s.add_parser("discard", help="throw away an unfinished inspection")
    dis.add_argument("id")
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
    print(f"{data['site_name']} {data['kind']} {data['status']} {data['started_at']}")
    for t in data["templates"]:
        print(f"[{t['code']} v{t['version']}] {t['title']}")
        for i in t["items"]:
            print(f"  {i['code']} {i['result'] or '-':6} {i['text']}")
    for h in data["hazards"]:
        print(f"隐患 {h['id']} {h['level']} {h['status']} {h['description']}")
    return 0


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = inspection_views.list_inspections(session, site_id=args.site, status=args.status,
                                             mine=args.mine, limit=args.limit)
    if args.json:
        print_json(rows)
    else:
        print_rows([[r["id"], r["started_at"][:16], r["kind"], r["status"], r["site_name"],
                     r["hazards"]] for r in rows])
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
