"""``inspector-app agency show|set``: the issuing agency whose short name numbers the documents."""

from __future__ import annotations

import argparse

from ..services import agency
from ..services.session import Session
from .common import print_json
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "agency", "the issuing agency (发文单位)", "发文单位")
    inner = p.add_subparsers(dest="agency_command", metavar=t("COMMAND", "子命令"), required=True)
    s = add_parser(inner, "show", "show the issuing agency", "显示发文单位")
    json_flag(s)
    s.set_defaults(handler=cmd_show)
    st = add_parser(inner, "set", "set the issuing agency (admins)", "设置发文单位（管理员）")
    st.add_argument("--name", required=True, help=t("full name, e.g. 某镇应急管理办公室", "全称，如 某镇应急管理办公室"))
    st.add_argument("--short", required=True,
                    help=t("short name in document numbers, e.g. 某镇应急", "文书编号中的简称，如 某镇应急"))
    st.add_argument("--enforcement", action="store_true",
                    help=t("the agency has enforcement power (执法权)", "该单位具有执法权"))
    st.add_argument("--seal-text", help=t("text of the seal", "印章文字"))
    st.set_defaults(handler=cmd_set)


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    found = agency.get_agency(session)
    if args.json:
        print_json(None if found is None else found.__dict__)
    elif found is None:
        print(t("no issuing agency yet: inspector-app agency set --name N --short S",
                "尚未设置发文单位：inspector-app agency set --name 名称 --short 简称"))
    else:
        power = t("with enforcement power", "有执法权") if found.enforcement_power else t(
            "no enforcement power", "无执法权")
        print(f"{found.name}（{found.short_name}） · {power}")
    return 0


def cmd_set(session: Session, args: argparse.Namespace) -> int:
    agency.set_agency(session, args.name, args.short, enforcement_power=args.enforcement,
                      seal_text=args.seal_text)
    print(t("issuing agency saved", "发文单位已保存"))
    return 0
