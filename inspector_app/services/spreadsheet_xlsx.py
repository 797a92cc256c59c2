"""Streaming .xlsx reading with openpyxl (read_only, data_only, defusedxml)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .spreadsheet import (
    MAX_COLUMNS,
    MAX_UNPACKED_BYTES,
    Sheet,
    SpreadsheetError,
    fill_merged,
    merges_from_sheet_xml,
)

MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024


def _check_archive(path: Path) -> None:
    """Refuse zip bombs before openpyxl unpacks anything (declared sizes are enforced by zipfile)."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    strings = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    if total > MAX_UNPACKED_BYTES or strings > MAX_SHARED_STRINGS_BYTES:
        raise SpreadsheetError(
            f"{path.name} unpacks to {total // 2**20} MB, more than a register can be; not read",
            f"{path.name} 解压后达 {total // 2**20} MB，超出合理范围，未读取（文件可能有问题）",
        )


def _require_defusedxml() -> None:
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):  # pragma: no cover - packaging error
        raise SpreadsheetError(
            "defusedxml is not active, so .xlsx files are not read (set OPENPYXL_DEFUSEDXML=True)",
            "缺少安全的 XML 解析组件 defusedxml，无法读取 .xlsx",
        )


def open_xlsx(path: Path, sheet: str | None = None) -> Sheet:
    import openpyxl

    _require_defusedxml()
    try:
        _check_archive(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
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
        return fill_merged(_guarded(path, _fast_rows(wb, ws, cols) or _openpyxl_rows(ws, cols)), merges)

    return Sheet("xlsx", ws.title, estimate, rows, closer=wb.close)


def _fast_rows(wb, ws, width: int) -> Iterator[tuple[int, list[object]]] | None:  # openpyxl types
    """Rows through our pyexpat parser (see xlsx_rows), or None if openpyxl hides the sheet."""
    from .xlsx_rows import iter_sheet_rows

    sheet_path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if sheet_path is None or archive is None:
        return None

    def rows() -> Iterator[tuple[int, list[object]]]:
        with archive.open(sheet_path) as source:
            yield from iter_sheet_rows(
                source, shared=wb.shared_strings, date_styles=set(wb._date_formats),
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
    kind = type(exc).__name__
    chain: BaseException | None = exc
    hostile = False
    while chain is not None and not hostile:  # openpyxl wraps the defusedxml error
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
