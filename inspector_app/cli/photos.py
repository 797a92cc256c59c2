"""``inspector-app photos add|list|render|annotate``: evidence photos from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import threading

from ..photos.results import DUPLICATE, ERROR, OK, PHASES, flag_message
from ..services.session import Session
from .common import TerminalProgress, lang, print_json, print_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("photos", help="照片证据 evidence photos")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|render|annotate")

    add = s.add_parser("add", help="add photos, videos, scans (files or folders) to a hazard")
    add.add_argument("hazard_id")
    add.add_argument("files", nargs="+", metavar="FILE_OR_DIR")
    add.add_argument("--phase", choices=PHASES,
                     help="before 整改前 (default) | after 整改后 | scene 现场")
    add.add_argument("--inspection", action="store_true",
                     help="the id is an inspection's, not a hazard's")
    add.add_argument("--workers", type=int, help="worker processes (default: one per CPU)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="a hazard's photos")
    ls.add_argument("hazard_id")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    r = s.add_parser("render", help="write an upright, annotated (and watermarked) JPEG copy")
    r.add_argument("photo_id")
    r.add_argument("-o", "--output", required=True)
    r.add_argument("--watermark", action="store_true")
    r.add_argument("--plain", action="store_true", help="without annotation shapes")
    r.add_argument("--max-side", type=int)
    r.set_defaults(handler=cmd_render)

    a = s.add_parser("annotate", help="save annotation shapes (JSON) as a new photo version")
    a.add_argument("photo_id")
    a.add_argument("shapes", help='JSON, e.g. {"shapes": [{"type": "rect", "box": [0.1,0.1,0.5,0.5]}]}'
                   ' or @FILE')
    a.set_defaults(handler=cmd_annotate)


# the services are imported inside the handlers: other commands need not load Pillow
def cmd_add(session: Session, args: argparse.Namespace) -> int:
    from ..services import photos

    target = (photos.PhotoTarget(inspection_id=args.hazard_id) if args.inspection
              else photos.PhotoTarget(hazard_id=args.hazard_id))
    cancel = threading.Event()
    try:
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
