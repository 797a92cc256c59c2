"""A fast, hardened streaming parser for the rows of one .xlsx worksheet.

openpyxl (read_only) reads everything around the sheet — styles, dates, sheet paths — and
we keep using it for that; the shared strings are read here too (``read_shared_strings``),
within limits, and handed to the rows explicitly. Its row iteration, though, builds an
ElementTree element and a dict per cell, which makes it the slowest part of an import;
the register import must run at ≥ 50 % of openpyxl's bare iteration, so the sheet XML
itself is parsed here with pyexpat callbacks, about three times faster. The values are
the ones openpyxl gives with ``data_only=True`` (``tests/unit/test_register_xlsx_rows.py``
compares both on the same files).

Hostile XML: a DOCTYPE, entity declarations and external references are refused (as
defusedxml does), so neither "billion laughs" nor XXE can get through.
"""

from __future__ import annotations

import pyexpat
import re
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.utils.datetime import from_excel, from_ISO8601

CHUNK = 256 * 1024
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell; longer text cannot come from a real sheet
MAX_SHEET_ROWS = 1_048_576  # Excel's last row


class HostileXml(ValueError):
    """The sheet XML uses DTD or entity features that a workbook never needs."""


class TooLarge(Exception):  # noqa: N818 - read as "the workbook is too large"
    """The workbook holds more than a spreadsheet can (too many rows, strings or characters)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh


def _forbid(*_args: object) -> None:
    raise HostileXml("DTD/entity declarations are not allowed in a worksheet")


_DIGITS = "0123456789"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Excel's escapes in cell text: ``_x000D_`` is a carriage return, ``_x0007_`` a BEL,
    and ``_x005F_`` an underscore, so ``_x005F_x000D_`` stays the literal ``_x000D_``.
    (openpyxl only drops ``x005F_``; a CR pasted into Excel came back as ``_x000D_``.)"""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _column(ref: str, cache: dict[str, int] = {}) -> int:  # noqa: B006 - a deliberate cache
    """0-based column of a cell reference such as ``AB12``."""
    letters = ref.rstrip(_DIGITS)
    found = cache.get(letters)
    if found is None:
        n = 0
        for ch in letters.upper():
            if not "A" <= ch <= "Z":
                break
            n = n * 26 + ord(ch) - 64
        found = n - 1
        if len(cache) < 20_000:  # bounded: a hostile sheet cannot grow it without end
            cache[letters] = found
    return found


class _Handler:
    """Collects finished rows while expat walks the XML."""

    def __init__(self, shared: Any, date_styles: set[int], timedelta_styles: set[int],
                 epoch: Any, width: int) -> None:
        self.shared, self.dates, self.deltas, self.epoch = shared, date_styles, timedelta_styles, epoch
        self.width = width
        self.done: list[tuple[int, list[object]]] = []
        self.row_no = 0
        self.cells: list[object] | None = None
        self.col = -1
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.size = 0  # characters collected for the current cell
        self.collect = False
        self.value: str | None = None
        self.inline: list[str] | None = None
        self.in_phonetic = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            self.col = _column(ref) if ref else self.col + 1
            self.kind = attrs.get("t", "n")
            s = attrs.get("s")
            self.style = int(s) if s and s.isdigit() else 0
            self.value = None
            self.inline = None
        elif tag == "v":
            self.collect, self.text, self.size = True, [], 0
        elif tag == "row":
            r = attrs.get("r")
            self.row_no = int(float(r)) if r else self.row_no + 1
            if self.row_no > MAX_SHEET_ROWS:
                raise TooLarge(f"row {self.row_no} is past the last row a sheet can have",
                               f"第 {self.row_no} 行超出了表格的最大行数")
            self.cells = [None] * self.width
            self.col = -1
        elif tag == "is":
            self.inline, self.size = [], 0
        elif tag == "t" and self.inline is not None and not self.in_phonetic:
            self.collect, self.text = True, []
        elif tag == "rPh":
            self.in_phonetic = True

    def end(self, tag: str) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "c":
            if self.cells is not None and 0 <= self.col < self.width:
                self.cells[self.col] = self._convert()
        elif tag == "v":
            self.collect = False
            self.value = "".join(self.text)
        elif tag == "row":
            if self.cells is not None:
                self.done.append((self.row_no, self.cells))
            self.cells = None
        elif tag == "t" and self.collect and self.inline is not None:
            self.collect = False
            self.inline.append("".join(self.text))
        elif tag == "rPh":
            self.in_phonetic = False

    def chars(self, data: str) -> None:
        if self.collect and self.size <= MAX_CELL_CHARS:
            # past Excel's limit the rest is dropped: the cell is already too long for any
            # field, and a hostile cell cannot grow without end
            self.text.append(data)
            self.size += len(data)

    def _convert(self) -> object:
        kind, value = self.kind, self.value
        if kind == "inlineStr":
            return unescape("".join(self.inline)) if self.inline is not None else None
        if value is None or value == "":
            return None
        if kind == "s":
            try:
                index = int(value)
            except ValueError:
                raise ValueError(f"shared string index {value[:20]!r} is not a number") from None
            if not 0 <= index < len(self.shared):  # a damaged file, never an empty cell
                raise ValueError(f"row {self.row_no} refers to shared string {index}, but the "
                                 f"file has {len(self.shared)}")
            return self.shared[index]
        if kind == "str":
            return unescape(value)
        if kind == "b":
            return value.strip() in ("1", "true")
        if kind == "e":
            return None
        if kind == "d":
            try:
                return from_ISO8601(value)
            except ValueError:
                return value
        try:
            number: float | int = (float(value) if "." in value or "e" in value or "E" in value
                                   else int(value))
        except ValueError:
            return value
        if self.style in self.dates:
            try:
                return from_excel(number, self.epoch, timedelta=self.style in self.deltas)
            except (OverflowError, ValueError):
                return None
        return number


def iter_sheet_rows(source: IO[bytes], *, shared: Any, date_styles: set[int],
                    timedelta_styles: set[int], epoch: Any, width: int,
                    ) -> Iterator[tuple[int, list[object]]]:
    """(1-based row number, values) for every row present in the sheet XML ``source``."""
    handler = _Handler(shared, date_styles, timedelta_styles, epoch, width)
    parser = _hardened_parser()
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    while True:
        chunk = source.read(CHUNK)
        parser.Parse(chunk, not chunk)
        if handler.done:
            yield from handler.done
            handler.done = []
        if not chunk:
            return


class _Strings:
    """Collects the shared-string table (``xl/sharedStrings.xml``) within limits."""

    def __init__(self, max_chars: int, max_count: int) -> None:
        self.max_chars, self.max_count = max_chars, max_count
        self.strings: list[str] = []
        self.parts: list[str] | None = None
        self.text: list[str] = []
        self.collect = False
        self.in_phonetic = False
        self.total = 0
        self.cell = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "si":
            self.parts, self.cell = [], 0
        elif tag == "t" and self.parts is not None and not self.in_phonetic:
            self.collect, self.text = True, []
        elif tag == "rPh":
            self.in_phonetic = True

    def end(self, tag: str) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "t" and self.collect:
            self.collect = False
            if self.parts is not None:
                self.parts.append("".join(self.text))
        elif tag == "rPh":
            self.in_phonetic = False
        elif tag == "si" and self.parts is not None:
            self.strings.append(unescape("".join(self.parts)))
            self.parts = None
            if len(self.strings) > self.max_count:
                raise TooLarge(f"more than {self.max_count:,} different texts",
                               f"不同的文字超过 {self.max_count:,} 条")

    def chars(self, data: str) -> None:
        if self.collect and self.cell <= MAX_CELL_CHARS:
            self.text.append(data)
            self.cell += len(data)
            self.total += len(data)
            if self.total > self.max_chars:
                raise TooLarge(f"its texts hold more than {self.max_chars:,} characters",
                               f"其中文字超过 {self.max_chars:,} 个字")


def _hardened_parser() -> Any:
    parser = pyexpat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    return parser


def read_shared_strings(source: IO[bytes], *, max_chars: int, max_count: int) -> list[str]:
    """The shared-string table as openpyxl reads it (rich text flattened, phonetic runs
    left out; Excel's ``_xHHHH_`` escapes undone), refused with ``TooLarge`` as soon as it holds more than a register can."""
    handler = _Strings(max_chars, max_count)
    parser = _hardened_parser()
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    while True:
        chunk = source.read(CHUNK)
        parser.Parse(chunk, not chunk)
        if not chunk:
            return handler.strings
