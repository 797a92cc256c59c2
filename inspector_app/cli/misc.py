"""``inspector-app search``, ``check`` and ``demo``."""

from __future__ import annotations

import argparse
import sys

from ..services import check, search
from ..services.session import Session
from .common import TerminalProgress, lang, print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="搜索 full-text search over sites and hazards")
    p.add_argument("text")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    c = sub.add_parser("check", help="检查数据完整性 verify the store")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_check)

    d = sub.add_parser("demo", help="填充演示数据 fill this store with a demo township")
    d.add_argument("--sites", type=int, default=200)
    d.add_argument("--hazards", type=int, default=1000)
    d.add_argument("--photos", type=int, default=0,
                   help="演示照片数量 generated photos attached to the demo hazards (default 0);"
                        " on a filled demo store, only adds photos")
    d.add_argument("--seed", type=int, default=2026)
    d.set_defaults(handler=cmd_demo)


def cmd_search(session: Session, args: argparse.Namespace) -> int:
    hits = search.search(session, args.text, limit=args.limit)
    if args.json:
        print_json([{"kind": h.kind, "id": h.id, "title": h.title} for h in hits])
    else:
        print_rows([[h.kind, h.id, h.title, h.subtitle] for h in hits])
    return 0


def cmd_check(session: Session, args: argparse.Namespace) -> int:
    report = check.check_store(session)
    if args.json:
        print_json({"ok": report.ok, "checked": report.checked, "problems": report.problems})
    elif report.ok:
        print(("ok: " if lang().startswith("en") else "正常：") + ", ".join(report.checked))
    for problem in report.problems:
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
