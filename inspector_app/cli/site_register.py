"""``inspector-app site import FILE`` and ``site export -o FILE.xlsx`` (registered by cli/site.py)."""

from __future__ import annotations

import argparse
import sys

from ..services import register_export, register_import
from ..services.session import Session
from ..services.sites import SiteFilter
from .common import TerminalProgress, lang, print_json


def register_subcommands(s: argparse._SubParsersAction) -> None:
    imp = s.add_parser("import", help="import sites from .xlsx, .xls or .csv")
    imp.add_argument("file")
    imp.add_argument("--map", action="append", default=[], metavar="COL=FIELD",
                     help="column (header or letter) to field (name, uscc, address, grid, phone …; - to ignore)")
    imp.add_argument("--update", action="store_true",
                     help="apply differences to sites already in the register (default: skip them)")
    imp.add_argument("--create-grids", action="store_true", help="create unknown grids (supervisors)")
    imp.add_argument("--sheet", help="sheet name (default: the active sheet)")
    imp.add_argument("--header-row", type=int, metavar="N", help="row of the column names (0: none)")
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    imp.add_argument("--verbose", "-v", action="store_true", help="one line per row")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    exp = s.add_parser("export", help="export the register to .xlsx")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    exp.add_argument("--grid")
    exp.add_argument("--sector")
    exp.add_argument("--json", action="store_true")
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
