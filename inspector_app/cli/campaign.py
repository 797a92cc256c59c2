"""``inspector-app campaign add|draw|show|list|verify`` (专项整治, 双随机)."""

from __future__ import annotations

import argparse

from ..services import campaigns
from ..services.session import Session
from .common import print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("campaign", help="专项整治 campaigns and their 双随机 draw")
    s = p.add_subparsers(dest="action", required=True, metavar="add|draw|show|list|verify")

    add = s.add_parser("add", help="create a campaign")
    add.add_argument("--name", required=True)
    add.add_argument("--sector", required=True, help="code or Chinese name")
    add.add_argument("--from", dest="starts_on", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--to", dest="ends_on", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--grid", help="limit the draw to one grid")
    add.add_argument("--notes")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    dr = s.add_parser("draw", help="draw sites and inspectors at random (once)")
    dr.add_argument("id")
    dr.add_argument("--sites", type=int, required=True)
    dr.add_argument("--inspectors", type=int, default=0)
    dr.add_argument("--seed", help="a public number or text; default: a random one (recorded)")
    dr.add_argument("--json", action="store_true")
    dr.set_defaults(handler=cmd_draw)

    show = s.add_parser("show", help="a campaign with its draw and progress")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    ls = s.add_parser("list", help="campaigns")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    ver = s.add_parser("verify", help="re-run the recorded draw from its seed")
    ver.add_argument("id")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(handler=cmd_verify)


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    saved = campaigns.create_campaign(session, campaigns.CampaignInput(
        name=args.name, sector=args.sector, starts_on=args.starts_on, ends_on=args.ends_on,
        grid=args.grid, notes=args.notes,
    ))
    print_json({"id": saved.id}) if args.json else print(saved.id)
    return 0


def cmd_draw(session: Session, args: argparse.Namespace) -> int:
    result = campaigns.draw(session, args.id, sites=args.sites, inspectors=args.inspectors,
                            seed=args.seed)
    if args.json:
        print_json(result)
    else:
        print(f"seed {result.seed}")
        print_rows([["site", s] for s in result.sites] + [["inspector", i] for i in result.inspectors])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    data = campaigns.get_campaign(session, args.id)
    if args.json:
        print_json(data)
    else:
        print(f"{data['name']} {data['sector_name']} {data['starts_on']}..{data['ends_on']}"
              f" seed={data['seed'] or '-'}")
        print_rows([[s["id"], s["name"], "已检查" if s["finished"] else "-"] for s in data["sites"]])
    return 0


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = campaigns.list_campaigns(session)
    if args.json:
        print_json(rows)
    else:
        print_rows([[r["id"], r["name"], r["sector_name"], r["starts_on"], r["ends_on"]] for r in rows])
    return 0


def cmd_verify(session: Session, args: argparse.Namespace) -> int:
    result = campaigns.verify_draw(session, args.id)
    if args.json:
        print_json(result)
    else:
        print("ok" if result["ok"] else "MISMATCH")
    return 0 if result["ok"] else 1
