"""Export the site register to .xlsx, in columns the importer reads back.

Every text goes in as a text cell (never a formula): a name such as ``=HYPERLINK(…)`` or
``+86 …`` stays the text the user typed, and cells starting with ``= + - @`` also get
Excel's quote prefix, so editing them in Excel does not turn them into formulas either.
The file is written under a temporary name and renamed, so a cancelled or failed export
leaves no half-written file.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

from ..core.entities import RISK_ZH
from ..core.errors import Cancelled, DomainError
from ..core.sectors import sector_label
from ..core.validation import strip_control
from ..store.store import write_atomic
from .session import Session
from .sites import SiteFilter, list_site_ids, site_rows

Progress = Callable[[int, int, str], None]
# (field code as the importer knows it, header)
COLUMNS = (
    ("site_id", "编号"), ("name", "场所名称"), ("unit_name", "单位名称"),
    ("uscc", "统一社会信用代码"), ("legal_rep", "法定代表人"), ("sector", "行业"),
    ("address", "地址"), ("grid", "网格"), ("building", "楼栋"), ("landlord", "房东"),
    ("contact", "联系人"), ("phone", "联系电话"), ("risk_colour", "风险等级"), ("lat", "纬度"),
    ("lon", "经度"), ("notes", "备注"),
)
WIDTHS = {"site_id": 38, "name": 28, "unit_name": 28, "uscc": 22, "address": 36, "notes": 30}
FORMULA_START = ("=", "+", "-", "@")


def _values(row) -> list[object]:  # SiteRow
    return [
        row.id, row.name, row.unit_name, row.uscc, row.legal_rep,
        "、".join(sector_label(s) for s in row.sectors), row.address, row.grid, row.building,
        row.landlord, row.contact, row.phone, RISK_ZH.get(row.risk_colour or "", None),
        row.lat, row.lon, row.notes,
    ]


def export_register(
    session: Session, path: Path | str, flt: SiteFilter | None = None, *,
    progress: Progress | None = None, cancel: threading.Event | None = None,
) -> int:
    """Write the (filtered) register to ``path`` (.xlsx); returns the number of sites."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    path = Path(path)
    ids = list_site_ids(session, flt or SiteFilter())
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("场所台账")
    for i, (code, _) in enumerate(COLUMNS):
        ws.column_dimensions[chr(65 + i)].width = WIDTHS.get(code, 14)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _, title in COLUMNS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for start in range(0, len(ids), 500):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        for row in site_rows(session, ids[start : start + 500]):
            ws.append([_cell(ws, WriteOnlyCell, v) for v in _values(row)])
        if progress:
            progress(min(start + 500, len(ids)), len(ids), "导出场所台账")
    buffer = io.BytesIO()
    wb.save(buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except OSError as exc:
        raise DomainError(f"cannot write {path}: {exc.strerror or exc}",
                          f"无法写入文件 {path}：{exc.strerror or exc}", code="write_failed") from None
    return len(ids)


def _cell(ws, cell_type, value: object):  # openpyxl types
    if value is None or isinstance(value, (int, float)):
        return value
    # a control character saved before input was cleaned must not fail the whole export
    text = strip_control(str(value))
    cell = cell_type(ws, value=text)
    cell.data_type = "s"  # text, even when it starts with "="
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell
