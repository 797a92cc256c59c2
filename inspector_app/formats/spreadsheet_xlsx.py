"""Streaming .xlsx reading with openpyxl (read_only, data_only, defusedxml)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .sheet import (
    MAX_COLUMNS,
    MAX_UNPACKED_BYTES,
    Sheet,
    SpreadsheetError,
    fill_merged,
    merges_from_sheet_xml,
)

# What a register can be. A 100,000-row register saved by Excel-like programs has a sheet of
# about 30-45 MB and shared strings of about 13 MB, each packed 8-16 times; the limits leave
# room for several times that, and stop bombs (packed hundreds of times) before any parsing.
MAX_SHEET_BYTES = 512 * 2**20  # one worksheet's XML (streamed, never held whole)
MAX_SHARED_STRINGS_BYTES = 64 * 2**20  # the shared-string table (held in memory)
MAX_PART_BYTES = 32 * 2**20  # styles, workbook, theme and every other part (parsed whole)
MAX_RATIO = 100  # unpacked / packed, for sheets and shared strings larger than RATIO_FROM
RATIO_FROM = 2**20
MAX_STRING_CHARS = 48 * 2**20  # characters in the shared strings, counted while reading
MAX_STRING_COUNT = 2_000_000


def _too_large(path: Path, en: str, zh: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"{path.name} is larger inside than a register can be ({en}); not read - the file may be "
        "damaged or hostile, or split it into smaller files",
        f"{path.name} 内部内容超出台账的合理范围（{zh}），未读取：文件可能已损坏或有问题，"
        "如确为大表请拆分后分批导入",
    )


def _check_archive(path: Path, limit: int | None = None) -> None:
    """Refuse zip bombs from the declared sizes before anything is unpacked.

    zipfile never unpacks more than a member declares (a lying member fails its CRC), so
    checking the declared sizes and the packing ratio bounds all later work. ``limit``
    caps every member and the total (a checklist template is far smaller than a register).
    """
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    if total > min(MAX_UNPACKED_BYTES, limit or MAX_UNPACKED_BYTES):
        raise _too_large(path, f"unpacks to {total // 2**20} MB", f"解压后达 {total // 2**20} MB")
    for info in infos:
        name = info.filename.lower()
        # the ratio matters where the bulk is: a bloated styles.xml (thousands of identical
        # formats, a known Excel ailment) packs far better, and its declared cap bounds it
        bulk = True
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            cap = MAX_SHEET_BYTES
        elif name.endswith("sharedstrings.xml"):
            cap = MAX_SHARED_STRINGS_BYTES
        else:
            cap, bulk = MAX_PART_BYTES, False
        cap = min(cap, limit or cap)
        mb = f"{info.file_size / 2**20:.0f} MB"
        if info.file_size > cap:
            raise _too_large(path, f"{info.filename} unpacks to {mb}", f"{info.filename} 解压后达 {mb}")
        ratio = info.file_size / max(info.compress_size, 1)
        if bulk and info.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise _too_large(path, f"{info.filename} is packed {ratio:.0f} times ({mb} unpacked)",
                             f"{info.filename} 压缩了 {ratio:.0f} 倍（解压后 {mb}）")


def _load(path: Path):  # -> (openpyxl Workbook, shared strings)
    """openpyxl's read-only reader, with the shared strings read by our bounded parser.

    The strings go to the rows explicitly: ``wb.shared_strings`` is the workbook's own
    (empty) list in read-only mode, not the table the reader loaded.
    """
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader

    from .xlsx_rows import read_shared_strings

    class Reader(ExcelReader):
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as src:
                    self.shared_strings = read_shared_strings(
                        src, max_chars=MAX_STRING_CHARS, max_count=MAX_STRING_COUNT)

    reader = Reader(path, read_only=True, data_only=True, keep_links=False)
    try:
        reader.read()
    except BaseException:
        reader.archive.close()
        raise
    return reader.wb, reader.shared_strings


def _require_defusedxml() -> None:
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):  # pragma: no cover - packaging error
        raise SpreadsheetError(
            "defusedxml is not active, so .xlsx files are not read (set OPENPYXL_DEFUSEDXML=True)",
            "缺少安全的 XML 解析组件 defusedxml，无法读取 .xlsx",
        )


def open_xlsx(path: Path, sheet: str | None = None, *, limit: int | None = None) -> Sheet:
    _require_defusedxml()
    try:
        _check_archive(path, limit)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb, shared = _load(path)
    except SpreadsheetError:
        raise
    except Exception as exc:  # hostile or damaged input can raise almost anything
        raise _damaged(path, exc) from None
    try:
        ws = _pick_sheet(wb, sheet, path)
        try:
            with wb._archive.open(ws._worksheet_path) as xml:
                merges = merges_from_sheet_xml(xml)
        except (AttributeError, KeyError, zipfile.BadZipFile):
            merges = []
        estimate = ws.max_row
        ws.reset_dimensions()  # a wrong <dimension> must neither cut nor pad rows
    except BaseException:
        wb.close()
        raise

    def rows(width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        cols = min(width or MAX_COLUMNS, MAX_COLUMNS)
        fast = _fast_rows(wb, ws, shared, cols)
        return fill_merged(_guarded(path, fast or _openpyxl_rows(ws, cols)), merges)

    return Sheet("xlsx", ws.title, estimate, rows, closer=wb.close)


def _fast_rows(wb, ws, shared: list[str], width: int) -> Iterator[tuple[int, list[object]]] | None:  # openpyxl types
    """Rows through our pyexpat parser (see xlsx_rows), or None if openpyxl hides the sheet."""
    from .xlsx_rows import iter_sheet_rows

    sheet_path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if sheet_path is None or archive is None:
        return None

    def rows() -> Iterator[tuple[int, list[object]]]:
        with archive.open(sheet_path) as source:
            yield from iter_sheet_rows(
                source, shared=shared, date_styles=set(wb._date_formats),
                timedelta_styles=set(wb._timedelta_formats), epoch=wb.epoch, width=width,
            )

    return rows()


def _openpyxl_rows(ws, width: int) -> Iterator[tuple[int, list[object]]]:
    for number, values in enumerate(ws.iter_rows(max_col=width, values_only=True), 1):
        yield number, list(values)


def _guarded(path: Path, rows: Iterator[tuple[int, list[object]]]) -> Iterator[tuple[int, list[object]]]:
    try:
        yield from rows
    except SpreadsheetError:
        raise
    except Exception as exc:  # hostile or damaged input can raise almost anything
        raise _damaged(path, exc) from None


def _pick_sheet(wb, name: str | None, path: Path):  # openpyxl types
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if name:
        if name not in wb.sheetnames:
            raise SpreadsheetError(
                f"{path.name} has no sheet {name!r} (sheets: {', '.join(wb.sheetnames)})",
                f"{path.name} 中没有名为“{name}”的工作表（现有：{'、'.join(wb.sheetnames)}）",
            )
        ws = wb[name]
    else:
        ws = wb.active if isinstance(wb.active, ReadOnlyWorksheet) else None
        ws = ws or (wb.worksheets[0] if wb.worksheets else None)
    if not isinstance(ws, ReadOnlyWorksheet):
        raise SpreadsheetError(f"{path.name} has no worksheet with data",
                               f"{path.name} 中没有可读取的工作表")
    return ws


def _damaged(path: Path, exc: Exception) -> SpreadsheetError:
    from .xlsx_rows import TooLarge

    kind = type(exc).__name__
    chain: BaseException | None = exc
    hostile = False
    while chain is not None and not hostile:  # openpyxl wraps the defusedxml error
        if isinstance(chain, TooLarge):
            return _too_large(path, chain.en, chain.zh)
        name = type(chain).__name__
        hostile = "Forbidden" in name or "DefusedXml" in name or name == "HostileXml"
        kind = name if hostile else kind
        chain = chain.__cause__ or chain.__context__
    if hostile:
        return SpreadsheetError(
            f"{path.name} contains XML constructs not allowed in a workbook ({kind}); not read",
            f"{path.name} 含有工作簿中不应出现的 XML 内容（{kind}），可能是恶意文件，未读取",
        )
    return SpreadsheetError(
        f"{path.name} is damaged or not a valid .xlsx file ({kind}: {str(exc)[:120]})",
        f"{path.name} 已损坏或不是有效的 .xlsx 文件（{kind}：{str(exc)[:120]}）",
    )
