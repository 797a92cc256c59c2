"""Shared CLI plumbing: UTF-8 output, JSON, messages, the terminal progress bar."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from ..services.changes import Notice


def lang() -> str:
    """CLI messages are Chinese unless INSPECTOR_APP_LANG says otherwise."""
    return os.environ.get("INSPECTOR_APP_LANG", "zh")


def force_utf8() -> None:
    """Output is UTF-8 whatever the console's code page (design.md §8)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False, indent=2) + "\n")


def print_warnings(notices: tuple[Notice, ...] | list[Notice]) -> None:
    for n in notices:
        sys.stderr.write(("warning: " if lang().startswith("en") else "提示：") + n.message(lang()) + "\n")


def warnings_json(notices: tuple[Notice, ...] | list[Notice]) -> list[dict[str, str]]:
    return [{"code": n.code, "message": n.message(lang())} for n in notices]


def print_rows(rows: list[list[Any]]) -> None:
    for row in rows:
        sys.stdout.write("\t".join("" if v is None else str(v) for v in row) + "\n")


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message[:40]}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


Handler = Callable[..., int]
