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


# ------------------------------------------------------------------ argument ranges
# Whole-number options by their dest: (smallest, largest). Checked before the store opens,
# so `--limit -1` or `--deadline-days 99999999999` is a clear message, not a silent
# "no limit" or a crash deep inside.
_MAX_DAYS = 3650  # core.deadlines.MAX_DAYS: a period over ten years is a typo
INT_RANGES: dict[str, tuple[int, int]] = {
    "limit": (1, 1_000_000),
    "due_within": (0, _MAX_DAYS),
    "within": (0, _MAX_DAYS),
    "sites": (1, 1_000_000),
    "hazards": (0, 10_000_000),
    "photos": (0, 1_000_000),
    "inspectors": (0, 100_000),
    "workers": (1, 256),
    "header_row": (0, 1000),
    "max_side": (16, 20_000),
    "year": (2000, 2100),
}
# Rectification periods: checked as the services check them (整改期限不能为负数 …).
DEADLINE_DAYS = ("deadline_days", "new_deadline_days", "days")
# Date options by dest, with the option a user typed (several are spelt --from/--to).
DATE_OPTIONS: dict[str, str] = {
    "found_on": "--found-on", "due_on": "--due-on", "served_on": "--served-on", "on": "--on",
    "received_on": "--received-on", "starts_on": "--from", "ends_on": "--to",
    "found_from": "--from", "found_to": "--to", "since": "--since",
}


def _option(dest: str) -> str:
    return dest if dest == "year" else "--" + dest.replace("_", "-")


def check_arguments(args: Any) -> None:
    """Refuse out-of-range numbers and impossible dates in parsed arguments (ValidationError)."""
    from ..core.errors import ValidationError

    values = vars(args)
    for dest, (low, high) in INT_RANGES.items():
        value = values.get(dest)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            raise ValidationError(
                f"{_option(dest)} must be between {low} and {high} (got {value})",
                f"{_option(dest)} 应为 {low} 到 {high} 之间的整数（收到 {value}）",
                code="out_of_range",
            )
    for dest in DEADLINE_DAYS:
        value = values.get(dest)
        if isinstance(value, int) and not isinstance(value, bool):
            from ..core.deadlines import check_days

            if dest == "days" and value < 1:  # hazard extend --days
                raise ValidationError("an extension must add at least one day", "延期天数至少为 1 天",
                                      code="bad_deadline")
            check_days(value)
    for dest, option in DATE_OPTIONS.items():
        value = values.get(dest)
        if isinstance(value, str):
            _check_day(option, value)
    received = values.get("received_at")  # YYYY-MM-DD[ HH:MM]: the day part must be sane
    if isinstance(received, str) and received.strip():
        _check_day("--received-at", received.strip()[:10])


def _check_day(option: str, value: str) -> None:
    from ..core.errors import ValidationError
    from ..core.validation import parse_date

    try:
        parse_date(option, value)
    except ValidationError as exc:  # the message names the option the user typed
        raise ValidationError(exc.en, f"{option}：{exc.zh}", code=exc.code) from None


def data_dir_option(value: str) -> str:
    """``--data-dir``: a blank value is refused, not silently the per-user store."""
    import argparse

    if not value.strip():
        raise argparse.ArgumentTypeError(
            "must name a folder (leave the option out for the default store)"
            if lang().startswith("en") else "不能为空：请写出数据目录（不写此选项则使用默认数据目录）"
        )
    return value


def login_option(value: str) -> str:
    """``--as``: a blank login is refused, not silently this device's current user."""
    import argparse

    if not value.strip():
        raise argparse.ArgumentTypeError(
            "must name a user (leave the option out to act as the current user)"
            if lang().startswith("en") else "不能为空：请写出用户登录名（不写此选项则以当前用户操作）"
        )
    return value.strip()
