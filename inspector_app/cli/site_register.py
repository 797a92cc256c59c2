"""``inspector-app site import FILE`` and ``site export -o FILE.xlsx`` (registered by cli/site.py)."""

from __future__ import annotations

import argparse
import sys

from ..services import register_export, register_import
from ..services.session import Session
from ..services.sites import SiteFilter
from .common import TerminalProgress, lang, print_json
from .i18n import add_parser, json_flag, t


def register_subcommands(s: argparse._SubParsersAction) -> None:
    imp = add_parser(s, "import", "import sites from .xlsx, .xls or .csv", "从 .xlsx、.xls 或 .csv 导入场所台账")
    imp.add_argument("file", help=t("the register file", "台账文件"))
    imp.add_argument("--map", action="append", default=[], metavar="COL=FIELD",
                     help=t("column (header or letter) to field (name, uscc, address, grid, phone …;"
                            " - to ignore)",
                            "列（列名或列字母）对应的字段（name、uscc、address、grid、phone 等；- 表示忽略）"))
    imp.add_argument("--update", action="store_true",
                     help=t("apply differences to sites already in the register (default: skip them)",
                            "更新台账中已有场所的不同之处（默认跳过）"))
    imp.add_argument("--create-grids", action="store_true",
                     help=t("create unknown grids (supervisors)", "新建未知的网格（主管人员）"))
    imp.add_argument("--sheet", help=t("sheet name (default: the active sheet)", "工作表名称（默认当前工作表）"))
    imp.add_argument("--header-row", type=int, metavar="N",
                     help=t("row of the column names (0: none)", "列名所在行（0 表示没有列名）"))
    imp.add_argument("--dry-run", action="store_true",
                     help=t("check and report, write nothing", "只检查并报告，不保存"))
    imp.add_argument("--verbose", "-v", action="store_true", help=t("one line per row", "逐行报告"))
    json_flag(imp)
    imp.set_defaults(handler=cmd_import)

    exp = add_parser(s, "export", "export the register to .xlsx", "导出场所台账为 .xlsx")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help=t("the file to write", "输出文件"))
    exp.add_argument("--grid", help=t("only this grid (code or name)", "只导出该网格（代码或名称）"))
    exp.add_argument("--sector", help=t("only this sector code", "只导出该行业领域（代码）"))
    json_flag(exp)
    exp.set_defaults(handler=cmd_export)


def _message(n) -> str:  # Notice
    return n.message(lang())


def report_json(report: register_import.ImportReport) -> dict:
    return {
        **report.counts,
        "file": report.file, "format": report.format, "sheet": report.sheet,
        "header_row": report.header_row, "mapping": report.mapping,
        "unused_columns": report.unused_columns, "blank_rows": report.blank_rows,
        "dry_run": report.dry_run,
        "notices": [{"code": n.code, "message": _message(n)} for n in report.notices],
        "unassigned": [{"row": r.row, "site_id": r.site_id, "name": r.name} for r in report.unassigned],
        "report": [
            {"row": r.row, "outcome": r.outcome, "name": r.name, "site_id": r.site_id,
             "messages": [{"code": m.code, "message": _message(m)} for m in r.messages],
             "changes": {k: [old, new] for k, (old, new) in r.changes.items()}}
            for r in report.rows
        ],
    }


def cmd_import(session: Session, args: argparse.Namespace) -> int:
    report = register_import.import_register(
        session, args.file, mapping=args.map, update=args.update, create_grids=args.create_grids,
        sheet=args.sheet, header_row=args.header_row, dry_run=args.dry_run,
        progress=TerminalProgress(),
    )
    if args.json:
        print_json(report_json(report))
        return 0
    en = lang().startswith("en")
    c = report.counts
    if en:
        print(f"imported {c['imported']}, updated {c['updated']}, skipped {c['skipped']}, "
              f"rejected {c['rejected']}" + (" (dry run, nothing saved)" if report.dry_run else ""))
    else:
        print(f"导入 {c['imported']} 条，更新 {c['updated']} 条，跳过 {c['skipped']} 条，"
              f"拒绝 {c['rejected']} 条" + ("（试运行，未保存）" if report.dry_run else ""))
    for n in report.notices:
        sys.stderr.write(_message(n) + "\n")
    if report.unused_columns:
        print(("columns not used: " if en else "未使用的列：") + "、".join(report.unused_columns))
    if report.unassigned:
        print(f"{len(report.unassigned)} sites have no grid yet; assign them"
               if en else f"{len(report.unassigned)} 个场所尚未分配网格，请分配")
    if args.verbose:
        for r in report.rows:
            text = "; ".join(_message(m) for m in r.messages)
            line = (f"row {r.row}: {r.outcome}" if en else f"第 {r.row} 行：{r.outcome}")
            print(f"{line} {r.name or ''} {text}".rstrip())
    elif c["rejected"]:
        first = next(r for r in report.rows if r.outcome == "rejected")
        why = "; ".join(_message(m) for m in first.messages)
        sys.stderr.write(
            f"{c['rejected']} rows rejected (first: row {first.row}, {why}); --verbose lists every row\n"
            if en else f"{c['rejected']} 行未导入（如第 {first.row} 行：{why}），加 --verbose 查看每一行\n")
    return 0


def cmd_export(session: Session, args: argparse.Namespace) -> int:
    grid_id = None
    if args.grid:
        from ..services.regions import find_grid

        grid = find_grid(session.store.read(), args.grid)
        grid_id = grid.id if grid else "-"
    count = register_export.export_register(
        session, args.output, SiteFilter(grid_id=grid_id, sector=args.sector),
        progress=TerminalProgress(),
    )
    if args.json:
        print_json({"file": args.output, "sites": count})
    else:
        print(args.output)
    return 0
