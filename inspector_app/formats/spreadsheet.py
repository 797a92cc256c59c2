"""Read the rows of a spreadsheet safely: .xlsx, legacy .xls and CSV, whatever the name says.

The real format is sniffed from the bytes (a .xls renamed .xlsx is read as .xls, with a
note); formats we cannot read (WPS .et, .ods, .xlsb, password-protected files) get a
message that says what to do. Hostile files: XML goes through defusedxml (openpyxl uses it
when installed, and we refuse to run if it is not) or our own hardened parser (sheets and
shared strings, see xlsx_rows), workbooks are streamed with ``read_only=True``, the declared
sizes and packing ratio of every zip member are checked before anything is unpacked (see
spreadsheet_xlsx), and columns, rows, cell length and shared strings are capped.

Rows come out as ``(row_number, values)`` with 1-based sheet row numbers (what the user
sees in Excel). Cells merged down a column are filled down, so every row of a merged 网格
cell carries the grid; a merge across columns keeps its value in the first column only.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..core.notices import Notice
from .sheet import (  # noqa: F401 - the readers' shared names, re-exported
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_MERGES,
    MAX_UNPACKED_BYTES,
    OLE2_MAGIC,
    Sheet,
    SpreadsheetError,
    _fail,
    fill_merged,
    merges_from_sheet_xml,
)

_CLAIMED = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv"}


def sniff(path: Path) -> str:
    """The real format of ``path``: xlsx, xls or csv; raises for anything else."""
    name = path.name
    if path.suffix.lower() in (".et", ".ett"):
        raise _fail(
            f"{name} is a WPS spreadsheet (.et), which cannot be read: open it in WPS and save it "
            "as an Excel workbook (.xlsx)",
            f"{name} 是 WPS 表格文件（.et），无法直接导入：请在 WPS 中打开，"
            "“文件 → 另存为”选择 Excel 工作簿（.xlsx）后再导入",
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _fail(f"cannot read {name}: {exc.strerror or exc}",
                    f"无法读取文件 {name}：{exc.strerror or exc}") from None
    if size == 0:
        raise _fail(f"{name} is empty", f"文件 {name} 是空的")
    if size > MAX_FILE_BYTES:
        raise _fail(f"{name} is too large ({size // 2**20} MB); split it into smaller files",
                    f"文件 {name} 太大（{size // 2**20} MB），请拆分后分批导入")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head == OLE2_MAGIC:
        return "xls"
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf")):
        raise _not_a_spreadsheet(name)
    return "csv"


def _not_a_spreadsheet(name: str) -> SpreadsheetError:
    return _fail(f"{name} is not a spreadsheet (Excel .xlsx/.xls or CSV)",
                 f"{name} 不是表格文件（请使用 Excel .xlsx/.xls 或 CSV）")


def _sniff_zip(path: Path) -> str:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:
                with zf.open("mimetype") as fh:  # never unpack all of a (hostile) huge member
                    mimetype = fh.read(100)
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise _fail(f"{name} is damaged (not a readable zip/xlsx file: {exc})",
                    f"文件 {name} 已损坏，无法读取（{exc}）") from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise _fail(f"{name} is a binary Excel workbook (.xlsb); save it as .xlsx",
                    f"{name} 是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后再导入")
    if b"opendocument.spreadsheet" in mimetype:
        raise _fail(f"{name} is an OpenDocument spreadsheet (.ods); save it as .xlsx",
                    f"{name} 是 OpenDocument 表格（.ods），请另存为 .xlsx 后再导入")
    if "word/document.xml" in names:
        raise _fail(f"{name} is a Word document, not a spreadsheet",
                    f"{name} 是 Word 文档，不是表格")
    raise _fail(f"{name} is a zip archive but not an Excel workbook",
                f"{name} 是压缩包，不是 Excel 工作簿")


def open_sheet(path: Path | str, sheet: str | None = None, *, limit: int | None = None) -> Sheet:
    """Open the first (or the named) sheet of ``path`` for streaming its rows.

    ``limit``: at most this many bytes in the file, and unpacked in any .xlsx member (a
    checklist template is far smaller than a register).
    """
    path = Path(path)
    real = sniff(path)
    if limit is not None and path.stat().st_size > limit:
        raise _fail(f"{path.name} is too large ({path.stat().st_size // 2**20} MB)",
                    f"文件 {path.name} 太大（{path.stat().st_size // 2**20} MB）")
    notices: list[Notice] = []
    claimed = _CLAIMED.get(path.suffix.lower())
    if claimed and claimed != real:
        notices.append(Notice(
            "format_differs", f"{path.name} is really a .{real} file; read as .{real}",
            f"{path.name} 实际是 .{real} 格式，已按 .{real} 读取"))
    if real == "xlsx":
        from .spreadsheet_xlsx import open_xlsx

        result = open_xlsx(path, sheet, limit=limit)
    elif real == "xls":
        from .spreadsheet_xls import open_xls

        result = open_xls(path, sheet)
    else:
        result = open_csv(path)
    result.notices[:0] = notices
    return result


# --------------------------------------------------------------------------- merges
def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): BOMs first, then strict UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if head.count(0) > len(head) // 10:  # UTF-16 without a BOM, or binary; a stray NUL is cleaned later
        raise _not_a_spreadsheet(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _fail(f"{name}: unknown text encoding; save the CSV as UTF-8 or the sheet as .xlsx",
                f"{name}：无法识别文本编码，请另存为 UTF-8 编码的 CSV 或 .xlsx")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";", "|", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def open_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(f"cannot read {path.name}: {exc.strerror or exc}",
                    f"无法读取文件 {path.name}：{exc.strerror or exc}") from None
    text, encoding = decode_text(data, path.name)
    del data
    delimiter = _delimiter(text)

    def rows(width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        cols = min(width or MAX_COLUMNS, MAX_COLUMNS)
        # csv's default field limit (128 K characters) would reject the whole file for one
        # oversized cell; the text is in memory anyway, so any field fits, and the row
        # checks reject only the row whose cell is too long (as for .xlsx)
        csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for number, record in enumerate(reader, start=1):
                yield number, list(record[:cols])
        except csv.Error as exc:
            raise _fail(f"{path.name}: not a valid CSV file ({exc})",
                        f"{path.name} 不是有效的 CSV 文件（{exc}）") from None

    sheet = Sheet("csv", None, text.count("\n") + 1, rows)
    if encoding == "gb18030":
        sheet.notices.append(Notice("encoding", "read as GB18030/GBK text", "已按 GBK/GB18030 编码读取"))
    return sheet
