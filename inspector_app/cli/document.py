"""``inspector-app document list|show|void|serve`` and ``verify FILE.pdf``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..services import documents
from ..services.session import Session
from .common import print_json
from .i18n import add_parser, json_flag, print_table, t

STATE_ZH = {"issued": "已开具", "served": "已送达", "refused": "拒签", "voided": "已作废"}
KIND_ZH = {"notice": "隐患整改通知书"}
VERDICT = {
    "genuine": ("genuine: the file is the stored document", "真实：与存档文书一致"),
    "voided": ("voided: the file is a document that was voided", "已作废：该文书已作废"),
    "altered": ("ALTERED: the file claims a stored document but its bytes differ",
                "已被改动：文件声称是存档文书，但内容与存档不一致"),
    "unknown": ("unknown: no such document in this store", "未知：本库中没有该文书"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "document", "issued documents (文书)", "已开具的文书")
    s = p.add_subparsers(dest="action", required=True, metavar="list|show|void|serve")
    num = t("document number", "文书编号")

    ls = add_parser(s, "list", "list documents", "列出文书")
    ls.add_argument("--state", choices=documents.STATES, help=t("only this state", "只列该状态"))
    ls.add_argument("--search", help=t("text in the number", "编号包含"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    sh = add_parser(s, "show", "one document", "查看一份文书")
    sh.add_argument("number", help=num)
    json_flag(sh)
    sh.set_defaults(handler=cmd_show)

    v = add_parser(s, "void", "void a spoiled document", "作废文书")
    v.add_argument("number", help=num)
    v.add_argument("--reason", required=True, help=t("why", "作废原因"))
    v.set_defaults(handler=cmd_void)

    sv = add_parser(s, "serve", "record how it was served", "登记送达")
    sv.add_argument("number", help=num)
    sv.add_argument("--how", required=True, choices=documents.SERVE_HOW, help=t("how", "送达方式"))
    who = sv.add_mutually_exclusive_group(required=True)
    who.add_argument("--received-by", metavar="NAME", help=t("who signed", "签收人"))
    who.add_argument("--refused", action="store_true", help=t("refused to sign", "拒签"))
    sv.add_argument("--witness", metavar="NAME", help=t("witness of a refusal", "拒签见证人"))
    sv.add_argument("--on", metavar="DATE", help=t("service date (default today)", "送达日期（默认今天）"))
    sv.set_defaults(handler=cmd_serve)

    vf = add_parser(sub, "verify", "check a PDF against the stored documents", "核验 PDF 文书真伪")
    vf.add_argument("file", type=Path, metavar="FILE.pdf", help=t("the PDF", "PDF 文件"))
    json_flag(vf)
    vf.set_defaults(handler=cmd_verify)


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = documents.list_documents(session, {"state": args.state, "text": args.search})
    if args.json:
        print_json(rows)
        return 0
    print_table([t("number", "编号"), t("kind", "类别"), t("state", "状态"), t("issued", "开具时间"),
                 t("note", "备注")],
                [[r["number"], t(r["kind"], KIND_ZH.get(r["kind"], r["kind"])),
                  t(r["state"], STATE_ZH.get(r["state"], r["state"])), (r["issued_at"] or "")[:16],
                  r["void_reason"] or ""] for r in rows])
    return 0


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    row = documents.get_document(session, args.number)
    if args.json:
        print_json(row)
        return 0
    for key, zh in (("number", "编号"), ("kind", "类别"), ("state", "状态"), ("issued_at", "开具时间"),
                    ("site_id", "场所"), ("hazard_ids", "隐患"), ("pdf_sha256", "SHA-256"),
                    ("served_on", "送达日期"), ("served_how", "送达方式"), ("received_by", "签收人"),
                    ("witness", "见证人"), ("void_reason", "作废原因")):
        value = row.get(key)
        if value:
            value = ", ".join(value) if isinstance(value, list) else value
            sys.stdout.write(f"{t(key, zh)}: {value}\n")
    return 0


def cmd_void(session: Session, args: argparse.Namespace) -> int:
    documents.void_document(session, args.number, args.reason)
    sys.stdout.write(t(f"voided {args.number}\n", f"已作废 {args.number}\n"))
    return 0


def cmd_serve(session: Session, args: argparse.Namespace) -> int:
    documents.serve_document(session, args.number, args.how, received_by=args.received_by,
                             refused=args.refused, witness=args.witness, on=args.on)
    sys.stdout.write(t(f"served {args.number}\n", f"已登记送达 {args.number}\n"))
    return 0


def cmd_verify(session: Session, args: argparse.Namespace) -> int:
    if not args.file.is_file():
        sys.stderr.write(t(f"no such file: {args.file}\n", f"找不到文件：{args.file}\n"))
        return 1
    verdict, row = documents.verify_pdf(session, args.file)
    if args.json:
        print_json({"verdict": verdict, "number": row["number"] if row else None})
    else:
        en, zh = VERDICT[verdict]
        number = f" — {row['number']}" if row else ""
        sys.stdout.write(t(en, zh) + number + "\n")
    return 0 if verdict == "genuine" else 1
