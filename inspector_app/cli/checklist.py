"""``inspector-app checklist list|show|import|export``."""

from __future__ import annotations

import argparse

from ..services import checklist_io, checklists
from ..services.session import Session
from .common import lang, print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checklist", help="检查表 checklist templates")
    s = p.add_subparsers(dest="action", required=True, metavar="list|show|import|export")

    ls = s.add_parser("list", help="templates (newest version of each)")
    ls.add_argument("--all", action="store_true", help="every version")
    ls.add_argument("--sector")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help="one template with its items")
    show.add_argument("id", help="template id, or code for the newest version")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    imp = s.add_parser("import", help="import templates from .json or .xlsx")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    exp = s.add_parser("export", help="export a template to .json or .xlsx")
    exp.add_argument("id")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.json|FILE.xlsx")
    exp.set_defaults(handler=cmd_export)


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = checklists.list_templates(session, all_versions=args.all, sector=args.sector)
    if args.json:
        print_json([{"id": t.id, "code": t.code, "sector": t.sector, "title": t.title,
                     "version": t.version, "item_count": t.item_count, "latest": t.latest}
                    for t in rows])
    else:
        print_rows([[t.id, t.code, t.sector, f"v{t.version}", t.item_count, t.title] for t in rows])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    details = checklists.template_details(session, args.id)
    if args.json:
        print_json(details)
        return 0
    print(f"{details['title']} ({details['code']} v{details['version']}, {details['sector']})")
    for item in details["items"]:
        major = " [重大]" if item["major"] else ""
        print(f"{item['code']}{major} {item['text']}")
    return 0


def cmd_import(session: Session, args: argparse.Namespace) -> int:
    done, _ = checklist_io.import_templates(session, args.file)
    if args.json:
        print_json([{"code": d.code, "version": d.version, "id": d.id, "outcome": d.outcome,
                     "message": d.message.message(lang())} for d in done])
    else:
        print_rows([[d.id, d.code, f"v{d.version}", d.outcome, d.message.message(lang())] for d in done])
    return 0


def cmd_export(session: Session, args: argparse.Namespace) -> int:
    print(checklist_io.export_template(session, args.id, args.output))
    return 0
