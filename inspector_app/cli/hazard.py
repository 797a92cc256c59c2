"""``inspector-app hazard add|list|show|set`` and the lifecycle actions (``cli/lifecycle.py``)."""

from __future__ import annotations

import argparse

from ..core.entities import FACTORS, MEASURE_TYPES, SOURCES, HazardInput, HazardRow
from ..core.hazard_status import LEVELS, STATUSES
from ..services import hazards, rectification
from ..services.session import Session
from . import lifecycle
from .common import print_json, print_rows, print_warnings, warnings_json

# `hazard set` option -> hazard field
SET_OPTIONS = {
    "responsible": "responsible_person", "responsible_phone": "responsible_phone",
    "measures": "measures", "funds": "funds_amount", "funds_source": "funds_source",
    "plan": "contingency_plan", "interim_measures": "interim_measures", "factor": "factor",
    "measure_type": "measure_type", "deadline_days": "deadline_days", "due_on": "due_on",
    "description": "description", "location": "location", "basis": "basis", "level": "level",
    "plan_target": "plan_target", "plan_methods": "plan_methods", "plan_materials": "plan_materials",
    "plan_bodies": "plan_bodies", "plan_schedule": "plan_schedule", "plan_safety": "plan_safety",
}
FIVE_HELP = {
    "responsible": "责任人", "responsible_phone": "责任人电话", "measures": "整改措施",
    "funds": "整改资金（元）", "funds_source": "资金来源", "plan": "应急预案",
    "interim_measures": "整改期间临时措施", "plan_target": "治理目标和任务",
    "plan_methods": "治理方法和措施", "plan_materials": "经费和物资", "plan_bodies": "负责治理的机构和人员",
    "plan_schedule": "治理时限和要求", "plan_safety": "安全措施和应急预案",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hazard", help="隐患 hazards")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|set|notify|...")

    add = s.add_parser("add", help="record a hazard")
    add.add_argument("--site", required=True, help="site id")
    add.add_argument("--description", required=True)
    add.add_argument("--level", choices=LEVELS, default="general")
    add.add_argument("--deadline-days", type=int)
    add.add_argument("--working-days", action="store_true")
    add.add_argument("--due-on", help="an explicit deadline date instead of days")
    add.add_argument("--found-on", help="YYYY-MM-DD (default today)")
    add.add_argument("--location")
    add.add_argument("--basis")
    add.add_argument("--source", choices=SOURCES, default="patrol")
    add.add_argument("--factor", choices=FACTORS)
    add.add_argument("--measure-type", choices=MEASURE_TYPES)
    add.add_argument("--report", help="public report id it came from")
    add.add_argument("--task", help="handed-down task id it came from")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="list hazards (with an ID: 挂牌督办, see `hazard supervise`)")
    ls.add_argument("id", nargs="?", help="put this hazard under listed supervision (needs --reason)")
    ls.add_argument("--reason", help="with an ID: why it is listed")
    ls.add_argument("--authority", help="with an ID: the listing authority")
    ls.add_argument("--status", choices=STATUSES)
    ls.add_argument("--level", choices=LEVELS)
    ls.add_argument("--site")
    ls.add_argument("--grid", help="grid id")
    ls.add_argument("--text")
    ls.add_argument("--overdue", action="store_true")
    ls.add_argument("--due-within", type=int, metavar="N")
    ls.add_argument("--listed", action="store_true", help="under listed supervision")
    ls.add_argument("--recheck-due", action="store_true", help="major: 10-day re-check window running")
    ls.add_argument("--mine", action="store_true", help="only my grids")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help="one hazard with its events")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    st = s.add_parser("set", help="set 五落实, plan, classification or (before the notice) deadline")
    st.add_argument("id")
    for opt, field in SET_OPTIONS.items():
        if opt in ("factor", "measure_type", "level", "deadline_days"):
            continue
        st.add_argument("--" + opt.replace("_", "-"), dest=opt, help=FIVE_HELP.get(opt, field))
    st.add_argument("--factor", choices=FACTORS)
    st.add_argument("--measure-type", choices=MEASURE_TYPES)
    st.add_argument("--level", choices=LEVELS)
    st.add_argument("--reason", help="with --level: why the level differs from the one the "
                                     "checklist item suggested (required then)")
    st.add_argument("--deadline-days", type=int)
    lifecycle._day_kind(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_set)

    lifecycle.register_actions(s)


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    saved = hazards.add_hazard(
        session,
        HazardInput(
            site_id=args.site, description=args.description, level=args.level,
            deadline_days=args.deadline_days, working_days=args.working_days,
            found_on=args.found_on, location=args.location, basis=args.basis,
            source=args.source, factor=args.factor, measure_type=args.measure_type,
            due_on=args.due_on, public_report_id=args.report, assigned_task_id=args.task,
        ),
    )
    if args.json:
        row = hazards.get_hazard(session, saved.id)
        print_json({"id": saved.id, "due_date": row.due_date, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def hazard_json(row: HazardRow) -> dict:
    return row.__dict__.copy()


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    if args.id:
        return lifecycle.cmd_supervise(session, args)
    flt = hazards.HazardFilter(
        text=args.text, status=args.status, level=args.level, site_id=args.site, grid_id=args.grid,
        overdue=args.overdue, due_within=args.due_within, listed=args.listed,
        recheck_window=args.recheck_due, mine=args.mine,
    )
    sort = "recheck_due" if args.recheck_due else "due_date" if (args.overdue or args.due_within) else "created"
    rows = hazards.list_hazards(session, flt, limit=args.limit, sort=sort, descending=sort == "created")
    if args.json:
        print_json([hazard_json(r) for r in rows])
    else:
        print_rows(
            [[r.id, r.level, r.status + (" overdue" if r.overdue else ""), r.due_date, r.site_name,
              r.description] for r in rows]
        )
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    details = hazards.hazard_details(session, args.id)
    if args.json:
        print_json(details)
    else:
        for key, value in details.items():
            if key not in ("events", "photos"):
                print(f"{key}: {'' if value is None else value}")
        for e in details["events"]:
            print(f"event: {e['at']} {e['kind']} {e['by'] or ''} {e['data'] or ''}")
    return 0


def cmd_set(session: Session, args: argparse.Namespace) -> int:
    changes = {field: getattr(args, opt) for opt, field in SET_OPTIONS.items()
               if getattr(args, opt, None) is not None}
    if args.working_days is not None:
        changes["working_days"] = args.working_days
    level = changes.pop("level", None)
    saved = None
    if level is not None:  # first: it refuses a missing reason before anything is written
        saved = hazards.set_level(session, args.id, level, args.reason)
    if changes or saved is None:
        saved = rectification.set_fields(session, args.id, changes)
    if args.json:
        print_json({"id": saved.id, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0
