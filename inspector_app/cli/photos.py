"""``inspector-app photos add|list|render|annotate``: evidence photos from the command line."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator

from ..photos.results import DUPLICATE, ERROR, OK, PHASES, flag_message
from ..services.session import Session
from .common import TerminalProgress, lang, print_json, print_rows
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "photos", "evidence photos", "照片证据")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|render|annotate")

    add = add_parser(s, "add", "add photos, videos, scans (files or folders) to a hazard",
                     "为隐患添加照片、视频、扫描件（文件或文件夹）")
    add.add_argument("hazard_id", help=t("hazard id", "隐患 ID"))
    add.add_argument("files", nargs="+", metavar="FILE_OR_DIR", help=t("files or folders", "文件或文件夹"))
    add.add_argument("--phase", choices=PHASES,
                     help=t("before (default) | after | scene", "before 整改前（默认）| after 整改后 | scene 现场"))
    add.add_argument("--inspection", action="store_true",
                     help=t("the id is an inspection's, not a hazard's", "ID 是检查记录的，而不是隐患的"))
    add.add_argument("--workers", type=int, help=t("worker processes (default: one per CPU)",
                                                   "工作进程数（默认每个 CPU 一个）"))
    json_flag(add)
    add.set_defaults(handler=cmd_add)

    ls = add_parser(s, "list", "a hazard's photos", "列出隐患的照片")
    ls.add_argument("hazard_id", help=t("hazard id", "隐患 ID"))
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    r = add_parser(s, "render", "write an upright, annotated (and watermarked) JPEG copy",
                   "输出摆正、带标注（和水印）的 JPEG 副本")
    r.add_argument("photo_id", help=t("photo id", "照片 ID"))
    r.add_argument("-o", "--output", required=True, help=t("the file to write", "输出文件"))
    r.add_argument("--watermark", action="store_true", help=t("add the watermark", "加水印"))
    r.add_argument("--plain", action="store_true", help=t("without annotation shapes", "不带标注图形"))
    r.add_argument("--max-side", type=int, help=t("longest side in pixels", "最长边像素数"))
    r.set_defaults(handler=cmd_render)

    a = add_parser(s, "annotate", "save annotation shapes (JSON) as a new photo version",
                   "保存标注图形（JSON）为照片的新版本")
    a.add_argument("photo_id", help=t("photo id", "照片 ID"))
    a.add_argument("shapes", help=t("JSON", "JSON，") + ' e.g. {"shapes": [{"type": "rect", "box": '
                   '[0.1,0.1,0.5,0.5]}]} ' + t("or @FILE", "或 @文件"))
    a.set_defaults(handler=cmd_annotate)


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops the import like Ctrl+C: the worker pool is terminated and the files
    stored so far stay (the default action would end this process with no clean-up)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# the services are imported inside the handlers: other commands need not load Pillow
def cmd_add(session: Session, args: argparse.Namespace) -> int:
    from ..services import photos

    target = (photos.PhotoTarget(inspection_id=args.hazard_id) if args.inspection
              else photos.PhotoTarget(hazard_id=args.hazard_id))
    cancel = threading.Event()
    try:
        with _sigterm_interrupts():
            batch = photos.import_photos(session, target, args.files, args.phase,
                                         progress=TerminalProgress(), cancel=cancel,
                                         workers=args.workers)
    except KeyboardInterrupt:
        cancel.set()
        raise
    en = lang().startswith("en")
    if args.json:
        print_json({
            "results": [r.as_dict(lang()) for r in batch.results],
            "imported": batch.count(OK), "duplicates": batch.count(DUPLICATE),
            "failed": batch.count(ERROR), "skipped": batch.skipped,
        })
    else:
        print_rows([[r.status, r.link_id or "", r.path] for r in batch.results])
    for r in batch.results:
        if r.status == ERROR:
            sys.stderr.write(("error: " if en else "错误：") + (r.message(lang()) or "") + "\n")
        for code in r.flags:
            sys.stderr.write(("warning: " if en else "提示：")
                             + f"{r.path}: {flag_message(code, lang())}\n")
    for path in batch.skipped:
        sys.stderr.write(("skipped (not a photo/video/PDF name): " if en else "已跳过（非照片/视频/PDF）：")
                         + path + "\n")
    return 0 if batch.all_imported else 1


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    from ..services import hazards, photos

    hazards.get_hazard(session, args.hazard_id)  # an unknown id: 找不到隐患, not an empty list
    rows = photos.photos_of_hazard(session, args.hazard_id)
    if args.json:
        print_json(rows)
    else:
        print_rows([[r["id"], r["phase"], r["taken_at"], f"{r['width']}x{r['height']}",
                     r["sha256"][:12], ",".join(r["flags"])] for r in rows])
    return 0


def cmd_render(session: Session, args: argparse.Namespace) -> int:
    from ..services import photo_edits

    out = photo_edits.save_rendered(session, args.photo_id, args.output, watermark=args.watermark,
                                     annotated=not args.plain, max_side=args.max_side)
    print(out)
    return 0


def cmd_annotate(session: Session, args: argparse.Namespace) -> int:
    from ..services import photo_edits

    text = args.shapes
    if text.startswith("@"):
        with open(text[1:], encoding="utf-8") as fh:
            text = fh.read()
    try:
        shapes = json.loads(text)
    except ValueError:
        shapes = text  # parse() reports it as invalid JSON, in both languages
    saved = photo_edits.set_annotation(session, args.photo_id, shapes)
    print(saved.id)
    return 0
