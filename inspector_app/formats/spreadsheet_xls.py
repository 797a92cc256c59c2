"""Legacy .xls (BIFF) reading with xlrd; other OLE2 files get a clear message."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from .sheet import MAX_COLUMNS, Sheet, SpreadsheetError, fill_merged

# xlrd holds the whole file and every string of it, about four times the file's size in
# memory. A legacy sheet has at most 65,536 rows: a full one with a dozen text columns is
# about 45 MB, so anything much larger is not a register.
MAX_XLS_BYTES = 100 * 2**20


def _not_excel(path: Path, why: str = "") -> SpreadsheetError:
    return SpreadsheetError(
        f"{path.name} is an old-style Office file but not a readable Excel workbook{why} "
        "(a WPS .et file or a password-protected workbook?); open it and save it as .xlsx",
        f"{path.name} 是旧版 Office 格式文件，但不是可读取的 Excel 工作簿{why}"
        "（可能是 WPS 表格 .et 文件或设置了密码的工作簿），请打开后另存为 .xlsx 再导入",
    )


def open_xls(path: Path, sheet: str | None = None) -> Sheet:
    import xlrd

    try:
        size = path.stat().st_size
        if size > MAX_XLS_BYTES:
            raise SpreadsheetError(
                f"{path.name} is a {size // 2**20} MB legacy .xls, more than a register can be; "
                "save it as .xlsx or split it",
                f"{path.name} 是 {size // 2**20} MB 的旧版 .xls 文件，超出台账的合理范围，"
                "请另存为 .xlsx 或拆分后再导入",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(f"cannot read {path.name}: {exc}", f"无法读取文件 {path.name}：{exc}") from None
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data[:65536]:
        raise SpreadsheetError(
            f"{path.name} is password-protected; remove the password in Excel/WPS and save again",
            f"{path.name} 设置了打开密码，请在 Excel/WPS 中取消密码并保存后再导入",
        )
    book = None
    for formatting in (True, False):  # merged-cell info needs formatting_info
        try:
            book = xlrd.open_workbook(
                file_contents=data, formatting_info=formatting, on_demand=True,
                logfile=io.StringIO(),
            )
            break
        except NotImplementedError:
            continue
        except Exception as exc:  # hostile or foreign OLE2 files raise many kinds
            raise _not_excel(path, f" ({type(exc).__name__}: {str(exc)[:100]})") from None
    if book is None:
        raise _not_excel(path)
    try:
        names = book.sheet_names()
        if sheet and sheet not in names:
            raise SpreadsheetError(
                f"{path.name} has no sheet {sheet!r} (sheets: {', '.join(names)})",
                f"{path.name} 中没有名为“{sheet}”的工作表（现有：{'、'.join(names)}）",
            )
        if not names:
            raise _not_excel(path, " (no sheets)")
        ws = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)
    except SpreadsheetError:
        book.release_resources()
        raise
    except Exception as exc:
        book.release_resources()
        raise _not_excel(path, f" ({type(exc).__name__})") from None
    merges = [(r1 + 1, r2, c1, c2 - 1) for r1, r2, c1, c2 in getattr(ws, "merged_cells", [])]
    datemode = book.datemode

    def cell_value(kind: int, value: object) -> object:
        if kind == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate_as_datetime(value, datemode)
            except Exception:
                return value
        if kind == xlrd.XL_CELL_BOOLEAN:
            return bool(value)
        if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return value

    def rows(width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        cols = min(width or MAX_COLUMNS, MAX_COLUMNS, ws.ncols)

        def raw() -> Iterator[tuple[int, list[object]]]:
            for r in range(ws.nrows):
                types = ws.row_types(r, 0, cols)
                values = ws.row_values(r, 0, cols)
                yield r + 1, [cell_value(t, v) for t, v in zip(types, values, strict=False)]

        return fill_merged(raw(), merges)

    return Sheet("xls", ws.name, ws.nrows, rows, closer=book.release_resources)
