"""``inspector-app hazard add|list|show`` (and status actions as they arrive)."""

from __future__ import annotations

import argparse

from ..core.entities import HazardInput, HazardRow
from ..core.hazard_status import LEVELS, STATUSES
from ..services import hazards
from ..services.session import Session
from .common import print_json, print_rows, print_warnings, warnings_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hazard", help="隐患 hazards")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show")

    add = s.add_parser("add", help="record a hazard")
    add.add_argument("--site", required=True, help="site id")
    add.add_argument("--description", required=True)
    add.add_argument("--level", choices=LEVELS, default="general")
    add.add_argument("--deadline-days", type=int)
    add.add_argument("--working-days", action="store_true")
    add.add_argument("--found-on", help="YYYY-MM-DD (default today)")
    add.add_argument("--location")
    add.add_argument("--basis")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="list hazards")
    ls.add_argument("--status", choices=STATUSES)
    ls.add_argument("--level", choices=LEVELS)
    ls.add_argument("--site")
    ls.add_argument("--text")
    ls.add_argument("--overdue", action="store_true")
    ls.add_argument("--due-within", type=int, metavar="N")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help="one hazard with its events")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    saved = hazards.add_hazard(
        session,
        HazardInput(
            site_id=args.site, description=args.description, level=args.level,
            deadline_days=args.deadline_days, working_days=args.working_days,
            found_on=args.found_on, location=args.location, basis=args.basis,
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
    flt = hazards.HazardFilter(
        text=args.text, status=args.status, level=args.level, site_id=args.site,
        overdue=args.overdue, due_within=args.due_within,
    )
    rows = hazards.list_hazards(session, flt, limit=args.limit)
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
