"""A fast, hardened streaming parser for the rows of one .xlsx worksheet.

openpyxl (read_only) reads everything around the sheet — shared strings, styles, dates,
sheet paths — and we keep using it for that. Its row iteration, though, builds an
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
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.utils.datetime import from_excel, from_ISO8601

CHUNK = 256 * 1024


class HostileXml(ValueError):
    """The sheet XML uses DTD or entity features that a workbook never needs."""


def _forbid(*_args: object) -> None:
    raise HostileXml("DTD/entity declarations are not allowed in a worksheet")


_DIGITS = "0123456789"


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
            self.collect, self.text = True, []
        elif tag == "row":
            r = attrs.get("r")
            self.row_no = int(float(r)) if r else self.row_no + 1
            self.cells = [None] * self.width
            self.col = -1
        elif tag == "is":
            self.inline = []
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
        if self.collect:
            self.text.append(data)

    def _convert(self) -> object:
        kind, value = self.kind, self.value
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        if value is None or value == "":
            return None
        if kind == "s":
            try:
                return self.shared[int(value)]
            except (ValueError, IndexError):
                return None
        if kind == "str":
            return value
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
    parser = pyexpat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
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
