"""A checklist template as an .xlsx workbook: sheet 模板 (field | value), sheet 检查项 (items).

Headers are bilingual (``标题 title``); either word is understood on import. The workbook
is read with the register's safe reader (size checks, defusedxml, our hardened parser),
then goes through exactly the checks of a JSON file.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from ..core.errors import DomainError
from ..core.sectors import sector_label
from ..core.validation import strip_control
from ..formats.spreadsheet import SpreadsheetError, open_sheet
from .checklist_drafts import FORMAT, TemplateDraft, TemplateError, parse_template

TEMPLATE_SHEET, ITEMS_SHEET = "模板", "检查项"
MAX_BYTES = 16 * 2**20  # a template is a few hundred items: far less, packed or unpacked
FIELDS = (  # (key, Chinese label)
    ("format", "格式版本"), ("code", "代码"), ("version", "版本"), ("sector", "行业"),
    ("also_sectors", "兼适用行业"), ("title", "标题"), ("title_en", "英文标题"),
    ("basis_note", "依据说明"),
)
ITEM_FIELDS = (
    ("code", "编号"), ("text", "检查内容"), ("basis", "依据"), ("major", "重大隐患"),
    ("default_days", "默认期限(天)"), ("hint", "提示"),
)
YES = {"是", "y", "yes", "true", "1", "√", "✓", "重大", "x"}
NO = {"否", "n", "no", "false", "0", "", "一般"}


def _key(cell: Any, fields: tuple[tuple[str, str], ...]) -> str | None:
    text = unicodedata.normalize("NFKC", str(cell or "")).strip().lower()
    for key, label in fields:
        if text in (key, label.lower(), f"{label} {key}".lower()) or text.split(" ")[0] in (key, label.lower()) \
                or text.endswith(" " + key):
            return key
    return None


def _rows(path, sheet: str) -> list[tuple[int, list[object]]]:
    try:
        with open_sheet(path, sheet, limit=MAX_BYTES) as opened:
            return list(opened.rows(20))
    except SpreadsheetError as exc:
        raise DomainError(exc.en, exc.zh, code="bad_template") from None


def read_xlsx_template(path) -> TemplateDraft:
    data: dict[str, Any] = {}
    for _, values in _rows(path, TEMPLATE_SHEET):
        key = _key(values[0] if values else None, FIELDS)
        if key is None:
            continue
        value = values[1] if len(values) > 1 else None
        if key == "also_sectors":
            value = [s.strip() for s in str(value or "").replace("，", "、").replace(",", "、").split("、") if s.strip()]
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, str) and key in ("format", "version") and value.strip().isdigit():
            value = int(value.strip())
        if value not in (None, "", []):
            data[key] = value
    rows = _rows(path, ITEMS_SHEET)
    header = next(((n, v) for n, v in rows if sum(1 for c in v if _key(c, ITEM_FIELDS)) >= 2), None)
    if header is None:
        raise TemplateError([(ITEMS_SHEET, "no header row (编号, 检查内容 …)", "找不到表头（编号、检查内容 …）")])
    columns = {i: k for i, c in enumerate(header[1]) if (k := _key(c, ITEM_FIELDS))}
    items, names, problems = [], {}, []
    for number, values in rows:
        if number <= header[0] or not any(v not in (None, "") for v in values):
            continue
        item: dict[str, Any] = {}
        where = f"{ITEMS_SHEET} 第 {number} 行"
        for i, key in columns.items():
            value = values[i] if i < len(values) else None
            if isinstance(value, str):
                value = value.strip()
            if key == "major":
                text = str(value if value is not None else "").strip().lower()
                if text in YES or value is True:
                    value = True
                elif text in NO or value is False:
                    value = False
                else:
                    problems.append((f"{where} 重大隐患", f"{value!r} is not yes/no", f"“{value}”应为 是/否"))
                    continue
            elif key == "default_days" and value not in (None, ""):
                value = _days(value)
            elif key in ("code",) and isinstance(value, (int, float)):
                value = str(value)
            if value not in (None, ""):
                item[key] = value
        names[len(items)] = where
        items.append(item)
    data["items"] = items
    try:
        draft = parse_template(data, rows=names)
    except TemplateError as exc:
        problems = problems + exc.problems
        raise TemplateError(problems) from None
    if problems:
        raise TemplateError(problems)
    return draft


def _days(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip().replace("天", "")
    if text in ("立即", "当场", "立即整改"):
        return 0
    return int(text) if text.isdigit() else value


def xlsx_bytes(draft: TemplateDraft) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = TEMPLATE_SHEET
    values = {
        "format": FORMAT, "code": draft.code, "version": draft.version, "sector": sector_label(draft.sector),
        "also_sectors": "、".join(sector_label(s) for s in draft.also_sectors), "title": draft.title,
        "title_en": draft.title_en, "basis_note": draft.basis_note,
    }
    for key, label in FIELDS:
        ws.append([f"{label} {key}", _text(values[key])])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 70
    items = wb.create_sheet(ITEMS_SHEET)
    items.append([f"{label} {key}" for key, label in ITEM_FIELDS])
    for cell in items[1]:
        cell.font = Font(bold=True)
    for item in draft.items:
        items.append([_text(item.code), _text(item.text), _text(item.basis), "是" if item.major else "否",
                      item.default_days, _text(item.hint)])
    for col, width in zip("ABCDEF", (10, 60, 40, 10, 14, 40), strict=True):
        items.column_dimensions[col].width = width
    for row in (*ws.iter_rows(), *items.iter_rows()):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, even if it starts with "="
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _text(value: Any) -> Any:
    # a control character saved before input was cleaned must not fail the whole export
    return value if value is None or isinstance(value, (int, float)) else strip_control(str(value))
