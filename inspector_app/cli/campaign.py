"""``inspector-app campaign add|draw|show|list|verify`` (专项整治, 双随机)."""

from __future__ import annotations

import argparse

from ..services import campaigns
from ..services.session import Session
from .common import print_json, print_rows
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "campaign", "campaigns and their random draw (双随机)", "专项整治及其双随机抽取")
    s = p.add_subparsers(dest="action", required=True, metavar="add|draw|show|list|verify")

    add = add_parser(s, "add", "create a campaign", "新建专项整治")
    add.add_argument("--name", required=True, help=t("campaign name", "专项整治名称"))
    add.add_argument("--sector", required=True, help=t("sector: code or Chinese name", "行业领域：代码或中文名"))
    add.add_argument("--from", dest="starts_on", required=True, metavar="YYYY-MM-DD",
                     help=t("first day", "开始日期"))
    add.add_argument("--to", dest="ends_on", required=True, metavar="YYYY-MM-DD",
                     help=t("last day", "结束日期"))
    add.add_argument("--grid", help=t("limit the draw to one grid", "只在该网格内抽取"))
    add.add_argument("--notes", help=t("notes", "备注"))
    json_flag(add)
    add.set_defaults(handler=cmd_add)

    dr = add_parser(s, "draw", "draw sites and inspectors at random (once)", "随机抽取检查对象和检查人员（只抽一次）")
    dr.add_argument("id", help=t("campaign id", "专项整治 ID"))
    dr.add_argument("--sites", type=int, required=True, help=t("sites to draw", "抽取场所数量"))
    dr.add_argument("--inspectors", type=int, default=0, help=t("inspectors to draw", "抽取检查人员数量"))
    dr.add_argument("--seed", help=t("a public number or text; default: a random one (recorded)",
                                     "公开的随机数或文字；默认随机生成（会记录）"))
    json_flag(dr)
    dr.set_defaults(handler=cmd_draw)

    show = add_parser(s, "show", "a campaign with its draw and progress", "查看专项整治及抽取结果和进度")
    show.add_argument("id", help=t("campaign id", "专项整治 ID"))
    json_flag(show)
    show.set_defaults(handler=cmd_show)

    ls = add_parser(s, "list", "campaigns", "列出专项整治")
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    ver = add_parser(s, "verify", "re-run the recorded draw from its seed", "用记录的种子重新抽取以核验结果")
    ver.add_argument("id", help=t("campaign id", "专项整治 ID"))
    json_flag(ver)
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
        print(t(f"seed {result.seed}", f"随机种子 {result.seed}"))
        print_rows([[t("site", "场所"), s] for s in result.sites]
                   + [[t("inspector", "检查人员"), i] for i in result.inspectors])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    data = campaigns.get_campaign(session, args.id)
    if args.json:
        print_json(data)
    else:
        print(f"{data['name']} {data['sector_name']} {data['starts_on']}..{data['ends_on']}"
              f" seed={data['seed'] or '-'}")
        print_rows([[s["id"], s["name"], t("inspected", "已检查") if s["finished"] else "-"]
                    for s in data["sites"]])
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
        print(t("ok: the draw matches its seed", "一致：抽取结果与种子相符") if result["ok"]
              else t("MISMATCH: the draw does not match its seed", "不一致：抽取结果与种子不符"))
    return 0 if result["ok"] else 1
