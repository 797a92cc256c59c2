"""``inspector-app checklist list|show|import|export``."""

from __future__ import annotations

import argparse

from ..core.sectors import resolve_sector, sector_label
from ..services import checklist_io, checklists
from ..services.session import Session
from .common import lang, print_json, print_rows
from .i18n import add_parser, json_flag, print_table, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "checklist", "checklist templates", "检查表模板")
    s = p.add_subparsers(dest="action", required=True, metavar="list|show|import|export")

    ls = add_parser(s, "list", "templates (newest version of each)", "列出检查表（每种的最新版本）")
    ls.add_argument("--all", action="store_true", help=t("every version", "列出所有版本"))
    ls.add_argument("--sector", help=t("only this sector (code or Chinese name)",
                                       "只列该行业领域（代码或中文名，如 九小场所）"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    show = add_parser(s, "show", "one template with its items", "查看一份检查表及其检查项")
    show.add_argument("id", help=t("template id, or code for the newest version",
                                   "检查表 ID，或代码（取最新版本）"))
    json_flag(show)
    show.set_defaults(handler=cmd_show)

    imp = add_parser(s, "import", "import templates from .json or .xlsx",
                     "从 .json 或 .xlsx 导入检查表")
    imp.add_argument("file", help=t("the .json or .xlsx file", ".json 或 .xlsx 文件"))
    json_flag(imp)
    imp.set_defaults(handler=cmd_import)

    exp = add_parser(s, "export", "export a template to .json or .xlsx", "导出检查表为 .json 或 .xlsx")
    exp.add_argument("id", help=t("template id or code", "检查表 ID 或代码"))
    exp.add_argument("-o", "--output", required=True, metavar="FILE.json|FILE.xlsx",
                     help=t("the file to write", "输出文件"))
    exp.set_defaults(handler=cmd_export)


def _title(title: str, title_en: str | None) -> str:
    return (title_en or title) if lang().startswith("en") else title


def _sectors(code: str, also: tuple[str, ...] | list[str] = ()) -> str:
    return "、".join(sector_label(c, lang()) for c in (code, *also) if c)


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    sector = args.sector
    if sector:  # a Chinese name (九小场所) or part of one (燃气) works as well as the code
        found = resolve_sector(sector)
        sector = found.code if found else sector
    rows = checklists.list_templates(session, all_versions=args.all, sector=sector)
    if args.json:
        print_json([{"id": r.id, "code": r.code, "sector": r.sector, "title": r.title,
                     "version": r.version, "item_count": r.item_count, "latest": r.latest}
                    for r in rows])
    else:
        print_table([t("title", "检查表"), t("sector", "行业领域"), t("version", "版本"),
                     t("items", "检查项"), "ID"],
                    [[_title(r.title, r.title_en), _sectors(r.sector, r.also_sectors),
                      f"v{r.version}", r.item_count, r.id] for r in rows], right=(3,))
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    details = checklists.template_details(session, args.id)
    if args.json:
        print_json(details)
        return 0
    title = _title(details["title"], details.get("title_en"))
    print(f"{title}（v{details['version']}，{_sectors(details['sector'], details.get('also_sectors', []))}）"
          if not lang().startswith("en") else
          f"{title} (v{details['version']}, {_sectors(details['sector'], details.get('also_sectors', []))})")
    for item in details["items"]:
        major = t(" [major]", " [重大]") if item["major"] else ""
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
