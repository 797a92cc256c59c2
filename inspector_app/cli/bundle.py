"""``inspector-app bundle export|import``: sync bundles by hand (USB stick, shared folder)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..core.errors import ValidationError
from ..services.session import Session
from ..services.sync_export import export_bundles
from ..services.sync_import import import_bundles
from .common import TerminalProgress, lang, print_json
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "bundle", "export and import sync bundles", "导出、导入同步包")
    inner = p.add_subparsers(dest="bundle_command", metavar=t("COMMAND", "子命令"), required=True)
    e = add_parser(inner, "export", "write this device's changes not yet exported as bundles",
                   "将本机尚未导出的修改写成同步包")
    e.add_argument("-o", "--output", required=True, metavar="DIR",
                   help=t("folder to write the bundles to", "同步包的保存目录"))
    e.add_argument("--since", metavar="DATE",
                   help=t("everything of this device since DATE (YYYY-MM-DD), exported or not",
                          "导出本机自该日期（YYYY-MM-DD）起的全部修改，无论是否已导出"))
    json_flag(e)
    e.set_defaults(handler=cmd_export)
    i = add_parser(inner, "import", "verify and apply bundles from other devices",
                   "校验并导入其他设备的同步包")
    i.add_argument("files", nargs="+", metavar="FILE", help=t("bundle files", "同步包文件"))
    i.add_argument("--trust-new", action="store_true",
                   help=t("trust devices not seen before (their card travels in the bundle)",
                          "信任首次出现的设备（其设备名片随同步包提供）"))
    json_flag(i)
    i.set_defaults(handler=cmd_import)


def cmd_export(session: Session, args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise ValidationError(f"--since: {args.since} is not a date (YYYY-MM-DD)",
                                  f"--since：{args.since} 不是日期（YYYY-MM-DD）") from None
    paths = export_bundles(session, Path(args.output), since=since, progress=TerminalProgress())
    if args.json:
        print_json({"bundles": [str(p) for p in paths]})
    elif not paths:
        print(t("Nothing new to export.", "没有需要导出的新修改。"))
    else:
        for p in paths:
            print(p)
    return 0


def cmd_import(session: Session, args: argparse.Namespace) -> int:
    report = import_bundles(session, [Path(f) for f in args.files], trust_new=args.trust_new)
    if args.json:
        print_json(report.to_json())
    else:
        zh = not lang().startswith("en")
        for d in report.details:
            why = d.get("message_zh" if zh else "message") or d.get("reason") or ""
            status = {"applied": "已导入", "skipped": "已跳过", "held": "已暂存",
                      "refused": "已拒绝"}.get(d.get("status", ""), d.get("status", "")) if zh \
                else d.get("status", "")
            print(f"{d['file']}: {status}" + (f" ({why})" if why and d.get("status") != "applied" else ""))
        print(t(f"applied {report.applied} changes, skipped {report.skipped}, held {report.held} bundles",
                f"导入修改 {report.applied} 条，跳过 {report.skipped} 条，暂存同步包 {report.held} 个"))
    refused = any(d.get("status") == "refused" for d in report.details)
    if refused:
        sys.stderr.write(t("some bundles were refused\n", "部分同步包被拒绝\n"))
    return 1 if refused else 0
