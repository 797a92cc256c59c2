"""``inspector-app search``, ``check`` and ``demo``."""

from __future__ import annotations

import argparse
import sys

from ..services import check, search
from ..services.session import Session
from .common import TerminalProgress, lang, print_json, print_rows
from .i18n import add_parser, json_flag, t

# `check`'s checks (services/check) -> (English, Chinese), for the human output
CHECK_NAMES = {
    "integrity_check": ("database integrity", "数据库完整性"),
    "foreign_key_check": ("references between records", "记录之间的关联"),
    "audit_chain": ("audit log chain", "审计日志链"),
    "audit_anchor": ("audit log anchor", "审计日志锚点"),
    "triggers": ("database triggers", "数据库触发器"),
    "oplog": ("change log", "变更日志"),
    "settings": ("shared settings", "共享设置"),
    "hazard_status": ("hazard status", "隐患状态"),
    "statistics_tally": ("statistics tallies", "统计汇总"),
    "inspection_schedule": ("inspection schedule", "检查计划"),
    "media": ("photo originals", "照片原件"),
    "files": ("files in the data folder", "数据目录中的文件"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "search", "full-text search over sites and hazards", "全文搜索场所和隐患")
    p.add_argument("text", help=t("what to look for (two Chinese characters are enough)",
                                  "搜索内容（两个汉字即可）"))
    p.add_argument("--limit", type=int, help=t("at most N results", "最多显示 N 条"))
    json_flag(p)
    p.set_defaults(handler=cmd_search)

    c = add_parser(sub, "check", "verify the store", "检查数据完整性")
    json_flag(c)
    c.add_argument("--repair", action="store_true",
                   help=t("remove leftover temp files and orphan thumbnails, move orphan originals "
                          "aside (to orphans/)",
                          "清理残留临时文件和多余缩略图，将无记录的照片原件移到 orphans/"))
    c.set_defaults(handler=cmd_check)

    d = add_parser(sub, "demo", "fill this store with a demo township", "填充演示数据（一个演示乡镇）")
    d.add_argument("--sites", type=int, default=200, help=t("sites (default 200)", "场所数量（默认 200）"))
    d.add_argument("--hazards", type=int, default=1000,
                   help=t("hazards (default 1000)", "隐患数量（默认 1000）"))
    d.add_argument("--photos", type=int, default=0,
                   help=t("generated photos attached to the demo hazards (default 0); on a filled "
                          "demo store, only adds photos",
                          "演示照片数量（默认 0）；演示数据已生成时只添加照片"))
    d.add_argument("--seed", type=int, default=2026,
                   help=t("random seed (default 2026)", "随机种子（默认 2026）"))
    d.set_defaults(handler=cmd_demo)


def cmd_search(session: Session, args: argparse.Namespace) -> int:
    hits = search.search(session, args.text, limit=args.limit)
    if args.json:
        print_json([{"kind": h.kind, "id": h.id, "title": h.title} for h in hits])
    else:
        print_rows([[h.kind, h.id, h.title, h.subtitle] for h in hits])
    return 0


def cmd_check(session: Session, args: argparse.Namespace) -> int:
    report = check.check_store(session, repair=args.repair)
    language = lang()
    if args.json:
        print_json({"ok": report.ok, "checked": report.checked,
                    "problems": report.messages(language),
                    "details": [{"code": p.code, "en": p.en, "zh": p.zh} for p in report.issues],
                    "repaired": [p.message(language) for p in report.repaired]})
    else:
        for done in report.repaired:
            print(done.message(language))
        if report.ok:
            print(t("ok: ", "正常：已检查") + t(", ", "、").join(
                t(*CHECK_NAMES[c]) if c in CHECK_NAMES else c for c in report.checked))
    for problem in report.messages(language):
        sys.stderr.write(problem + "\n")
    return 0 if report.ok else 1


def cmd_demo(session: Session, args: argparse.Namespace) -> int:
    from ..services import demo

    en = lang().startswith("en")
    if args.photos and demo.is_filled(session):  # more photos for an existing demo store
        return _demo_photos(session, args.photos, args.seed, en)
    demo.fill_demo(
        session, sites=args.sites, hazards=args.hazards, seed=args.seed,
        progress=TerminalProgress(),
    )
    print(("demo store filled: " if en else "演示数据已生成：") + str(session.store.data_dir))
    if args.photos:
        return _demo_photos(session, args.photos, args.seed, en)
    return 0


def _demo_photos(session: Session, count: int, seed: int, en: bool) -> int:
    from ..services.demo_photos import add_demo_photos

    print(f"adding {count} demo photos…" if en else f"正在添加 {count} 张演示照片…", flush=True)
    bar = TerminalProgress()
    shown = [-1]  # the last tenth logged

    def progress(done: int, total: int, message: str = "") -> None:
        bar(done, total, message)
        tenth = done * 10 // total if total else 10
        if not bar.enabled and tenth != shown[0]:  # no terminal: a short log instead of a bar
            shown[0] = tenth
            print(f"  {done}/{total} {message}", flush=True)

    result = add_demo_photos(session, count, seed=seed, progress=progress)
    for failure in result.failed:
        sys.stderr.write(("error: " if en else "错误：") + failure + "\n")
    print(f"demo photos added: {result.added}" if en else f"演示照片已添加：{result.added} 张")
    return 1 if result.failed else 0
