"""``inspector-app site add|list|show``."""

from __future__ import annotations

import argparse

from ..core.entities import RISK_COLOURS, SiteInput
from ..core.sectors import sector_label
from ..services import sites
from ..services.session import Session
from . import site_register
from .common import lang, print_json, print_rows, print_warnings, warnings_json
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "site", "sites", "场所")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|show|import|export")

    add = add_parser(s, "add", "add a site", "新增场所")
    add.add_argument("--name", required=True, help=t("site name", "场所名称"))
    add.add_argument("--uscc", help=t("unified social credit code", "统一社会信用代码"))
    add.add_argument("--sector", action="append", default=[],
                     help=t("sector: code or Chinese name; repeatable", "行业领域：代码或中文名，可重复"))
    add.add_argument("--address", help=t("address", "地址"))
    add.add_argument("--grid", help=t("grid code or name", "网格代码或名称"))
    add.add_argument("--contact", help=t("contact person", "联系人"))
    add.add_argument("--phone", help=t("contact phone", "联系电话"))
    add.add_argument("--unit", help=t("unit (legal entity) name if not the site's name",
                                      "单位（法人）名称，与场所名称不同时填写"))
    add.add_argument("--legal-rep", help=t("legal representative", "法定代表人"))
    add.add_argument("--no-unit", action="store_true",
                     help=t("a public place with no responsible unit", "无责任单位的公共场所"))
    add.add_argument("--risk", choices=RISK_COLOURS, help=t("risk colour", "风险等级颜色"))
    add.add_argument("--notes", help=t("notes", "备注"))
    json_flag(add)
    add.set_defaults(handler=cmd_add)

    ls = add_parser(s, "list", "list sites (by name, in pinyin order)", "列出场所（按名称拼音排序）")
    ls.add_argument("--grid", help=t("grid code or name", "网格代码或名称"))
    ls.add_argument("--sector", help=t("sector code", "行业领域代码"))
    ls.add_argument("--text", help=t("words to look for", "关键词"))
    ls.add_argument("--limit", type=int, help=t("at most N rows", "最多显示 N 条"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    show = add_parser(s, "show", "one site", "查看一个场所")
    show.add_argument("id", help=t("site id", "场所 ID"))
    json_flag(show)
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
        print_rows([[r.id, r.name, r.uscc, "、".join(sector_label(c, lang()) for c in r.sectors),
                     r.grid, r.address] for r in rows])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    row = sites.get_site(session, args.id)
    if args.json:
        print_json(_site_json(row))
    else:
        for key, value in _site_json(row).items():
            print(f"{key}: {'' if value is None else value}")
    return 0
