"""``inspector-app report notice --hazard ID… [--preview] -o FILE.pdf``: print a 隐患整改通知书."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..services import documents
from ..services.session import Session
from .i18n import add_parser, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "report", "official documents as PDF", "开具文书（PDF）")
    s = p.add_subparsers(dest="action", required=True, metavar="notice")
    n = add_parser(s, "notice", "issue (or preview) a rectification notice", "开具（或预览）隐患整改通知书")
    n.add_argument("--hazard", required=True, nargs="+", action="extend", metavar="ID",
                   help=t("hazard id(s), of one site", "隐患 ID（同一场所，可多个）"))
    n.add_argument("--preview", action="store_true",
                   help=t("no number, watermark 样稿, nothing recorded", "预览：不编号，带“样稿”水印，不登记"))
    n.add_argument("--served-now", action="store_true",
                   help=t("served on the spot now (notifies the hazards)", "当场送达（同时通知隐患）"))
    n.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                   help=t("where to write the PDF", "PDF 输出路径"))
    n.set_defaults(handler=cmd_notice)


def cmd_notice(session: Session, args: argparse.Namespace) -> int:
    if args.preview:
        try:
            documents.save_preview(session, args.hazard, args.output)
        except OSError as exc:
            sys.stderr.write(t(f"cannot write {args.output}: {exc.strerror or exc}\n",
                               f"无法写入 {args.output}：{exc.strerror or exc}\n"))
            return 1
        sys.stdout.write(t(f"preview written to {args.output}\n", f"样稿已写入 {args.output}\n"))
        return 0
    issued = documents.issue_notice(session, args.hazard, served_now=args.served_now,
                                    output=args.output)
    for warning in issued.warnings:
        sys.stderr.write(t("warning: ", "提示：") + warning + "\n")
    sys.stdout.write(t(f"issued {issued.number} ({issued.pages} pages) → {args.output}\n",
                       f"已开具 {issued.number}（共 {issued.pages} 页）→ {args.output}\n"))
    return 0
