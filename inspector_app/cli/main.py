"""The command line (design.md §8): global options, then a sub-command.

With no sub-command the launcher opens the GUI instead; this package never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..core.errors import Cancelled, DomainError
from ..services.session import default_data_dir, open_session
from . import (
    agency,
    bundle,
    campaign,
    checklist,
    device,
    document,
    hazard,
    inspection,
    misc,
    photos,
    report,
    report_public,
    site,
    stats,
    user,
)
from .common import check_arguments, data_dir_option, force_utf8, lang, login_option
from .i18n import Parser, t

log = logging.getLogger("inspector_app.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="inspector-app",
        description=t("Grid Inspector (网格安全巡查); with no command it opens the GUI",
                      "网格安全巡查；不带子命令时打开图形界面"),
        epilog=t("Messages are Chinese; set INSPECTOR_APP_LANG=en for English.",
                 "设置环境变量 INSPECTOR_APP_LANG=en 可改为英文。"),
    )
    parser.add_argument("--data-dir", type=data_dir_option, help=t(
        "data folder (default: INSPECTOR_APP_DATA or the per-user folder)",
        "数据目录（默认：环境变量 INSPECTOR_APP_DATA 或当前用户的数据目录）"))
    parser.add_argument("--as", dest="as_user", metavar="USER", type=login_option,
                        help=t("act as this user (login)", "以该用户身份操作（登录名）"))
    parser.add_argument("--quit-after", type=float, metavar="N",
                        help=t("GUI: run the event loop N seconds, then exit 0",
                               "图形界面：运行 N 秒后退出（返回 0）"))
    parser.add_argument("--version", action="store_true",
                        help=t("print app, schema and Qt versions", "显示程序、数据库结构和 Qt 版本"))
    sub = parser.add_subparsers(dest="command", metavar=t("COMMAND", "子命令"))
    for module in (site, hazard, misc, photos, stats, report_public, user, checklist, inspection,
                   campaign, bundle, device, report, document, agency):
        module.register(sub)
    return parser


def versions(qt_version: str | None) -> str:
    from ..services.session import SCHEMA_VERSION  # the CLI reaches the store through services

    return f"inspector-app {__version__} (schema {SCHEMA_VERSION}, Qt {qt_version or 'not installed'})"


def _log_crash(data_dir: Path | None) -> Path | None:
    """Write the traceback of an unexpected error to the data dir's log."""
    if data_dir is None:
        return None
    try:
        path = data_dir / "logs" / "cli.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return path
    except OSError:
        return None


# Sub-commands that only read (by module and handler): they open the store read-only, so
# they work on a full disk and in a folder this user cannot write.
READING: dict[str, frozenset[str]] = {
    "site": frozenset({"cmd_list", "cmd_show"}),
    "site_register": frozenset({"cmd_export"}),
    "hazard": frozenset({"cmd_list", "cmd_show"}),
    "inspection": frozenset({"cmd_show", "cmd_list", "cmd_due"}),
    "photos": frozenset({"cmd_list", "cmd_render"}),
    "checklist": frozenset({"cmd_list", "cmd_show", "cmd_export"}),
    "campaign": frozenset({"cmd_show", "cmd_list", "cmd_verify"}),
    "report_public": frozenset({"cmd_list", "cmd_show", "cmd_task_list"}),
    "user": frozenset({"cmd_list", "cmd_whoami"}),
    "stats": frozenset({"cmd_stats", "cmd_dashboard", "cmd_overdue_news", "cmd_holidays"}),
    "misc": frozenset({"cmd_search", "cmd_check"}),
    "device": frozenset({"cmd_show"}),
    "document": frozenset({"cmd_list", "cmd_show", "cmd_verify"}),
    "agency": frozenset({"cmd_show"}),
}


def reads_only(args: argparse.Namespace) -> bool:
    handler = args.handler
    module = getattr(handler, "__module__", "").rsplit(".", 1)[-1]
    if getattr(handler, "__name__", "") not in READING.get(module, ()):
        return False
    return not getattr(args, "mark", False)  # overdue-news --mark records the check


def run(args: argparse.Namespace) -> int:
    """Run the sub-command in ``args``; returns the exit code, never raises."""
    data_dir = Path(args.data_dir) if args.data_dir is not None else default_data_dir()
    session = None
    try:
        check_arguments(args)
        session = open_session(data_dir, as_user=args.as_user, lang=lang(),
                               read_only=reads_only(args))
        user.warn_password_less_admin(session, args)
        return args.handler(session, args)
    except DomainError as exc:
        sys.stderr.write(("error: " if lang().startswith("en") else "错误：") + exc.message(lang()) + "\n")
        return 1
    except Cancelled:
        sys.stderr.write("cancelled\n" if lang().startswith("en") else "已取消\n")
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line here, the traceback in the log
        where = _log_crash(data_dir if data_dir.exists() else None)
        sys.stderr.write(
            f"内部错误 internal error: {type(exc).__name__}: {exc}"
            + (f" (details in {where})" if where else "") + "\n"
        )
        return 3
    finally:
        if session is not None:
            session.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Sub-commands only (the ``inspector-app`` launcher adds the GUI and ``--version``)."""
    force_utf8()
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
