"""Readable file names for paths whose bytes are not UTF-8.

On Linux a file name is bytes; Python turns the bytes that are not UTF-8 into lone
surrogates (``surrogateescape``), so the ``str`` opens the file but cannot be encoded: the
database (SQLite stores UTF-8), JSON output and the terminal all refuse it. Names from a
Windows zip or a USB stick written by a Chinese Windows are GBK, so a readable name is
tried in that order: UTF-8 as it is, then GBK, then GB18030 (its superset), and failing
all, UTF-8 with replacement characters. The path used to *open* the file is never changed:
only what is shown and recorded.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_FALLBACKS = ("gbk", "gb18030")


def readable(text: str) -> str:
    """``text`` (one name, or a path) with each undecodable part decoded as GBK/GB18030."""
    if not _has_surrogates(text):
        return text
    return "".join(_readable_part(p) for p in re.split(r"([\\/])", text))  # keeps separators


def readable_name(path: str | Path) -> str:
    """The last part of ``path``, readable (what the store keeps as the original name)."""
    return readable(Path(path).name)


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def _readable_part(part: str) -> str:
    if not _has_surrogates(part):
        return part  # a folder with a good UTF-8 name keeps it, whatever the file's name is
    raw = os.fsencode(part)
    for encoding in _FALLBACKS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")
