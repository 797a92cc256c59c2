"""The CLI's two languages: Chinese by default, English with ``INSPECTOR_APP_LANG=en``.

* ``t(en, zh)`` picks one of two texts written side by side where they are used (help
  strings, labels), so no text can lack its translation.
* ``Parser`` is an ``ArgumentParser`` whose own texts (usage, section titles, -h, every
  error message) come out in the CLI's language.
* ``print_table`` prints rows under headers in columns aligned for CJK text (a Chinese
  character takes two terminal cells).

How argparse's texts are translated: argparse (3.8-3.13) looks every text up through the
module-level names ``argparse._`` and ``argparse.ngettext`` (``from gettext import gettext
as _, ngettext``), i.e. gettext's *global default* domain, not one of its own. Installing a
gettext catalogue would mean shipping a .mo file and changing the domain of the whole
process. Instead ``Parser`` swaps those two names for a lookup in ``ARGPARSE_ZH`` only while
one of its own methods runs (creating a parser, parsing, formatting help, reporting an
error) and puts the originals back afterwards, so nothing outside the CLI parser sees a
change. ``tests/integration/test_cli_chinese.py`` checks that every text in ``ARGPARSE_ZH``
is still spelt that way in the running Python's argparse, so a renamed text fails a test
instead of silently turning English.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from .common import lang


def english() -> bool:
    return lang().startswith("en")


def t(en: str, zh: str) -> str:
    """The text for the CLI's language."""
    return en if english() else zh


# argparse's own texts (Python 3.11 spelling) -> Chinese
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r（应为 %(type)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "ignored explicit argument %r": "多余的参数值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
# ngettext texts: (singular, plural) -> Chinese (no plural forms)
ARGPARSE_NGETTEXT_ZH: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "需要 %s 个值",
    ("conflicting option string: %s", "conflicting option strings: %s"): "选项冲突：%s",
}


def _gettext_zh(message: str) -> str:
    return ARGPARSE_ZH.get(message, message)


def _ngettext_zh(singular: str, plural: str, n: int) -> str:
    found = ARGPARSE_NGETTEXT_ZH.get((singular, plural))
    if found is not None:
        return found
    return singular if n == 1 else plural


_swap_lock = threading.RLock()
_swap_depth = 0


@contextlib.contextmanager
def argparse_language() -> Iterator[None]:
    """argparse's texts in the CLI's language while this block runs (re-entrant)."""
    global _swap_depth
    if english() or not hasattr(argparse, "_") or not hasattr(argparse, "ngettext"):
        yield
        return
    with _swap_lock:
        saved = (argparse._, argparse.ngettext) if _swap_depth == 0 else None
        _swap_depth += 1
        if saved is not None:
            argparse._ = _gettext_zh  # type: ignore[attr-defined]
            argparse.ngettext = _ngettext_zh  # type: ignore[attr-defined]
        try:
            yield
        finally:
            _swap_depth -= 1
            if saved is not None:
                argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser speaking the CLI's language (its sub-parsers are Parsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with argparse_language():  # section titles and -h's help are made here
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        with argparse_language():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None
                         ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_language():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with argparse_language():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_language():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_language():
            text = super().format_help()
        if not english():  # "选项:" -> "选项：" (the formatter adds an ASCII colon to headings)
            for group in self._action_groups:
                if group.title:
                    text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        with argparse_language():
            super().error(message)


def json_flag(p: argparse.ArgumentParser) -> None:
    """The ``--json`` option every command has."""
    p.add_argument("--json", action="store_true",
                   help=t("print JSON (machine-readable, codes instead of labels)",
                          "输出 JSON（供程序读取，使用代码而非中文名称）"))


def add_parser(sub: argparse._SubParsersAction, name: str, en: str, zh: str,
               **kwargs: Any) -> argparse.ArgumentParser:
    """A sub-command whose help (in the command list and its own -h) is in the CLI's language."""
    text = t(en, zh)
    return sub.add_parser(name, help=text, description=text, **kwargs)


# --------------------------------------------------------------------------- tables
def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide and full-width characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - cell_width(text))
    return gap + text if right else text + gap


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 right: Sequence[int] = ()) -> list[str]:
    """Lines of a table: headers, a rule, the rows; columns in ``right`` align right."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [cell_width(h) for h in headers]
    for row in cells:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], cell_width(v))
    last = len(headers) - 1

    def line(values: Sequence[str]) -> str:
        parts = [_pad(v, widths[i], i in right) if (i < last or i in right) else v
                 for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    return [line(list(headers)), "  ".join("-" * w for w in widths), *(line(r) for r in cells)]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                right: Sequence[int] = (), write: Callable[[str], Any] | None = None) -> None:
    out = write or sys.stdout.write
    for text in format_table(headers, rows, right):
        out(text + "\n")
