"""The ``PINYIN`` collation: Chinese names in the order Chinese users expect.

SQLite compares text by code point, which puts 丁 (U+4E01), 万 (U+4E07), 东 (U+4E1C) in an
order nobody looks for; a list of sites or users is read by pinyin: 丁 ding, 东 dong, 万 wan.
``ORDER BY name COLLATE PINYIN`` sorts by a key made from pypinyin's tables (a polyphonic
character is read as in the word it is part of: 长沙 chang, 重庆 chong), registered on every
connection of the store (reader and writer).

The order within a key: symbols and digits, then Latin letters (case-insensitive), then
Chinese characters by toneless pinyin, tone, and character. Equal keys fall back to the
code points, so the collation is total and deterministic (two texts compare equal only if
they are the same text), as SQLite requires.

pypinyin's tables are loaded on the first comparison, not at store open: they take about
0.3 s of CPU to load and most connections never sort by name.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

NAME = "PINYIN"

_HAN_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF), (0x30000, 0x3134F),
)

Key = str
_END = "\x01"  # ends a reading: lower than any letter, so xi sorts before xian


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


_TONE_MARKS = {
    **{ch: ("a", i + 1) for i, ch in enumerate("āáǎà")}, **{ch: ("e", i + 1) for i, ch in enumerate("ēéěè")},
    **{ch: ("i", i + 1) for i, ch in enumerate("īíǐì")}, **{ch: ("o", i + 1) for i, ch in enumerate("ōóǒò")},
    **{ch: ("u", i + 1) for i, ch in enumerate("ūúǔù")}, **{ch: ("v", i + 1) for i, ch in enumerate("ǖǘǚǜ")},
    "ü": ("v", 5), "ń": ("n", 2), "ň": ("n", 3), "ǹ": ("n", 4), "ḿ": ("m", 2),
}
_tables: tuple[dict[int, str], dict[str, list[list[str]]]] | None = None


def _dictionaries() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    """pypinyin's character readings (most common first) and its word readings."""
    global _tables
    if _tables is None:
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

        _tables = (PINYIN_DICT, PHRASES_DICT)
    return _tables


@lru_cache(maxsize=4096)
def _toneless(reading: str) -> tuple[str, int]:
    """'zhòng' -> ('zhong', 4); a reading without a mark is the neutral tone 5; ü sorts as v."""
    tone, out = 5, []
    for ch in reading:
        plain = _TONE_MARKS.get(ch)
        if plain is None:
            out.append(ch)
        else:
            out.append(plain[0])
            tone = plain[1] if ch != "ü" else tone
    return "".join(out), tone


def _reading(text: str, i: int, readings: str, phrases: dict[str, list[list[str]]]) -> str:
    """The reading of ``text[i]``: a word of 3 or 2 characters around it decides between
    several (长沙 chang, 行长 hang zhang, 重庆 chong); else the most common one."""
    first = readings.split(",", 1)[0]
    if "," not in readings:
        return first
    for length in (3, 2):
        for start in range(max(0, i - length + 1), i + 1):
            word = phrases.get(text[start:start + length]) if start + length <= len(text) else None
            if word and len(word) == length:
                return word[i - start][0]
    return first


_POLYPHONIC = None  # marks a character whose entry depends on the word around it
_entries: dict[str, str | None] = {}


def _han(reading: str, ch: str) -> str:
    toneless, tone = _toneless(reading)
    return f"2{toneless}{_END}{tone}{ch}"


def _entry(ch: str) -> str | None:
    """The key entry of one character on its own (cached), or _POLYPHONIC.

    An entry is: class (0 symbols and digits, 1 Latin letters, 2 Chinese by pinyin, 3 Chinese
    characters pypinyin does not know), the sort text, END, the tone (0-5), the character
    itself. Entries compare correctly when concatenated, so a key is one string that SQLite
    (and Python) compare by code point."""
    if ch in _entries:
        return _entries[ch]
    entry: str | None
    if _is_han(ch):
        readings = _dictionaries()[0].get(ord(ch))
        if readings is None:
            entry = f"3{_END}0{ch}"
        elif "," in readings:
            entry = _POLYPHONIC
        else:
            entry = _han(readings, ch)
    elif ch.isascii() and ch.isalpha():
        entry = f"1{ch.lower()}{_END}0{ch}"
    else:
        entry = f"0{ch.casefold()}{_END}0{ch}"
    _entries[ch] = entry
    return entry


@lru_cache(maxsize=200_000)
def sort_key(text: str) -> Key:
    """The sort key of ``text`` (also usable with ``sorted(key=…)`` outside SQL).

    One character after the other, like a dictionary (and ICU's pinyin collation): readings
    come from pypinyin's tables directly, which is much faster than its word segmentation,
    with the reading of a polyphonic character taken from a word it is part of."""
    out: list[str] = []
    for i, ch in enumerate(text):
        entry = _entry(ch)
        if entry is _POLYPHONIC:
            chars, phrases = _dictionaries()
            entry = _han(_reading(text, i, chars[ord(ch)], phrases), ch)
        out.append(entry)
    return "".join(out)


def key_function(text: str | None) -> str | None:
    """``pinyin_key(name)`` in SQL: ``ORDER BY pinyin_key(name)`` sorts like ``COLLATE
    PINYIN`` but computes each row's key once and lets SQLite compare plain strings, instead
    of calling Python for each of the n·log n comparisons (several times faster on 20,000
    sites; tests/benchmarks/bench_pinyin_sort.py)."""
    return None if text is None else sort_key(str(text))


def compare(a: str, b: str) -> int:
    """SQLite collation callback: negative, zero or positive like ``strcmp``."""
    if a == b:
        return 0
    ka, kb = sort_key(a), sort_key(b)
    if ka != kb:
        return -1 if ka < kb else 1
    return -1 if a < b else 1


def register(conn: sqlite3.Connection) -> None:
    """Make ``COLLATE PINYIN`` and ``pinyin_key()`` available on this connection."""
    conn.create_collation(NAME, compare)
    conn.create_function("pinyin_key", 1, key_function, deterministic=True)
