"""A sheet read from a spreadsheet file, the limits every reader keeps, merged cells.

Shared by the readers (``spreadsheet`` for sniffing and CSV, ``spreadsheet_xls``,
``spreadsheet_xlsx``), which import this module and never each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from ..core.errors import DomainError
from ..core.notices import Notice

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all members of an .xlsx together
MAX_COLUMNS = 256
MAX_MERGES = 100_000
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\"")




class SpreadsheetError(DomainError):
    """The file cannot be read as a spreadsheet (nothing was imported)."""

    code = "unreadable_file"


RowReader = Callable[[int | None], Iterator[tuple[int, list[object]]]]


@dataclass
class Sheet:
    """An open sheet. ``rows(width)`` starts a fresh pass over its rows (each row a list
    of at most ``width`` values); ``close()`` when done."""

    format: str  # "xlsx" | "xls" | "csv"
    name: str | None
    total_estimate: int | None
    reader: RowReader
    notices: list[Notice] = field(default_factory=list)
    closer: Callable[[], None] | None = None

    def rows(self, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        return self.reader(width)

    def close(self) -> None:
        if self.closer is not None:
            self.closer()
            self.closer = None

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fail(en: str, zh: str) -> SpreadsheetError:
    return SpreadsheetError(en, zh)


# --------------------------------------------------------------------------- sniffing
def fill_merged(
    rows: Iterator[tuple[int, list[object]]], merges: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, list[object]]]:
    """Fill cells merged down a column with the value of the merge's top cell.

    ``merges``: (first_row, last_row, first_col, last_col) with 1-based rows, 0-based cols.
    """
    vertical = sorted((m for m in merges if m[1] > m[0]), key=lambda m: m[0])
    if not vertical:
        yield from rows
        return
    pending = 0
    active: list[tuple[int, int, object]] = []  # (last_row, column, value)
    for number, values in rows:
        while pending < len(vertical) and vertical[pending][0] < number:
            first, last, col, _ = vertical[pending]  # its top row was never seen (empty)
            active.append((last, col, None))
            pending += 1
        active = [a for a in active if a[0] >= number]
        if any(v not in (None, "") for v in values):  # an empty row stays empty
            for _last, col, value in active:
                if col < len(values) and values[col] in (None, ""):
                    values[col] = value
        while pending < len(vertical) and vertical[pending][0] == number:
            first, last, col, _ = vertical[pending]
            active.append((last, col, values[col] if col < len(values) else None))
            pending += 1
        yield number, values


def merges_from_sheet_xml(source: IO[bytes]) -> list[tuple[int, int, int, int]]:
    """Merge ranges of a sheet, found by a plain byte scan of its XML (no parsing), in chunks
    so a huge sheet is never held in memory at once."""
    from ..core.column_mapping import column_index

    found: list[tuple[int, int, int, int]] = []
    tail = b""
    while len(found) < MAX_MERGES:
        chunk = source.read(1 << 20)
        if not chunk:
            break
        data = tail + chunk
        end = 0
        for m in _MERGE_REF.finditer(data):
            c1, r1, c2, r2 = m.groups()
            found.append((int(r1), int(r2), column_index(c1.decode()), column_index(c2.decode())))
            end = m.end()
        tail = data[max(end, len(data) - 512):]  # an element cut by the chunk border comes again
    return found[:MAX_MERGES]


# --------------------------------------------------------------------------- CSV
