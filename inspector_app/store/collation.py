"""The ``PINYIN`` collation: Chinese names in the order Chinese users expect.

SQLite compares text by code point, which puts 丁 (U+4E01), 万 (U+4E07), 东 (U+4E1C) in an
order nobody looks for; a list of sites or users is read by pinyin: 丁 ding, 东 dong, 万 wan.
``ORDER BY name COLLATE PINYIN`` sorts by a key made with pypinyin (readings of whole words,
so 重庆 is chong qing), registered on every connection of the store (reader and writer).

The order within a key: symbols and digits, then Latin letters (case-insensitive), then
Chinese characters by toneless pinyin, tone, and character. Equal keys fall back to the
code points, so the collation is total and deterministic (two texts compare equal only if
they are the same text), as SQLite requires.

pypinyin is imported on the first comparison, not at store open: its dictionaries take a
moment to load and most connections never sort by name.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

NAME = "PINYIN"

_HAN_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF), (0x30000, 0x3134F),
)

Key = tuple[tuple[int, str, int, str], ...]


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


@lru_cache(maxsize=200_000)
def sort_key(text: str) -> Key:
    """The sort key of ``text`` (also usable with ``sorted(key=…)`` outside SQL)."""
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True,
                           errors=lambda chunk: list(chunk))
    # one reading per character: Han characters give their pinyin, others themselves
    if len(readings) != len(text):  # never seen; keep the code-point order rather than fail
        readings = list(text)
    out: list[tuple[int, str, int, str]] = []
    for ch, reading in zip(text, readings, strict=True):
        if _is_han(ch):
            tone = int(reading[-1]) if reading[-1:].isdigit() else 5
            out.append((2, reading.rstrip("012345"), tone, ch))
        elif ch.isascii() and ch.isalpha():
            out.append((1, ch.lower(), 0, ch))
        else:
            out.append((0, ch.casefold(), 0, ch))
    return tuple(out)


def compare(a: str, b: str) -> int:
    """SQLite collation callback: negative, zero or positive like ``strcmp``."""
    if a == b:
        return 0
    ka, kb = sort_key(a), sort_key(b)
    if ka != kb:
        return -1 if ka < kb else 1
    return -1 if a < b else 1


def register(conn: sqlite3.Connection) -> None:
    """Make ``COLLATE PINYIN`` available on this connection."""
    conn.create_collation(NAME, compare)
