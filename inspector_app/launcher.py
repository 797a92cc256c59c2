"""The ``inspector-app`` entry point: a sub-command runs the CLI, none opens the GUI.

This module sits above both ``cli`` and ``ui`` so that neither imports the other.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from .cli.common import force_utf8
from .cli.main import build_parser, run, versions


def qt_version() -> str | None:
    try:
        from .ui.qt import qt_runtime_version
    except ImportError:
        return None
    return qt_runtime_version()


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # worker processes in a frozen build
    force_utf8()
    args = build_parser().parse_args(argv)
    if args.version:
        print(versions(qt_version()))
        return 0
    if args.command is None:
        from .ui.app import run_gui

        return run_gui(args.data_dir, args.as_user, args.quit_after)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
