"""``inspector-app site add|list|show``."""

from __future__ import annotations

import argparse

from ..core.entities import RISK_COLOURS, SiteInput
from ..services import sites
from ..services.session import Session
from . import site_register
from .common import print_json, print_rows, print_warnings, warnings_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("site", help="场所 sites")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|import|export")

    add = s.add_parser("add", help="add a site")
    add.add_argument("--name", required=True)
    add.add_argument("--uscc")
    add.add_argument("--sector", action="append", default=[], help="code or Chinese name; repeatable")
    add.add_argument("--address")
    add.add_argument("--grid", help="grid code or name")
    add.add_argument("--contact")
    add.add_argument("--phone")
    add.add_argument("--unit", help="unit (legal entity) name if not the site's name")
    add.add_argument("--legal-rep")
    add.add_argument("--no-unit", action="store_true", help="a public place with no responsible unit")
    add.add_argument("--risk", choices=RISK_COLOURS)
    add.add_argument("--notes")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="list sites")
    ls.add_argument("--grid")
    ls.add_argument("--sector")
    ls.add_argument("--text")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help="one site")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    site_register.register_subcommands(s)  # import FILE, export -o FILE.xlsx


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    saved = sites.add_site(
        session,
        SiteInput(
            name=args.name, unit_name=args.unit, no_unit=args.no_unit, uscc=args.uscc,
            legal_rep=args.legal_rep, sectors=args.sector, address=args.address, grid=args.grid,
            contact=args.contact, phone=args.phone, risk_colour=args.risk, notes=args.notes,
        ),
    )
    if args.json:
        print_json({"id": saved.id, "warnings": warnings_json(saved.warnings)})
    else:
        print_warnings(saved.warnings)
        print(saved.id)
    return 0


def _site_json(row: sites.SiteRow) -> dict:
    data = row.__dict__.copy()
    data["sector"] = row.sector
    data["sectors"] = list(row.sectors)
    return data


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    grid_id = None
    if args.grid:
        from ..services.regions import find_grid

        grid = find_grid(session.store.read(), args.grid)
        grid_id = grid.id if grid else "-"
    flt = sites.SiteFilter(text=args.text, grid_id=grid_id, sector=args.sector)
    rows = sites.list_sites(session, flt, limit=args.limit)
    if args.json:
        print_json([_site_json(r) for r in rows])
    else:
        print_rows([[r.id, r.name, r.uscc, r.sector, r.grid, r.address] for r in rows])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    row = sites.get_site(session, args.id)
    if args.json:
        print_json(_site_json(row))
    else:
        for key, value in _site_json(row).items():
            print(f"{key}: {'' if value is None else value}")
    return 0
