"""Limits on what users type, checked before anything is written."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

# Characters no XML document (so no .xlsx cell) may hold, and that no one types on purpose:
# C0 controls but tab, newline and carriage return; DEL; U+FFFE/U+FFFF; lone surrogates.
# A single one would make a whole register export fail, so they never get into the store.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

MAX_LENGTH = {
    "name": 200,
    "unit_name": 200,
    "address": 300,
    "contact": 100,
    "phone": 40,
    "legal_rep": 100,
    "landlord": 100,
    "building": 200,
    "notes": 5000,
    "description": 2000,
    "location": 300,
    "basis": 1000,
    "search": 200,
}
FIELD_ZH = {
    "name": "名称",
    "unit_name": "单位名称",
    "address": "地址",
    "contact": "联系人",
    "phone": "电话",
    "legal_rep": "法定代表人/负责人",
    "landlord": "房东",
    "building": "楼栋",
    "notes": "备注",
    "description": "隐患描述",
    "location": "隐患部位",
    "basis": "依据",
    "search": "搜索词",
}


def strip_control(text: str) -> str:
    """``text`` without control characters (a vertical tab or form feed becomes a space)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


def clean_text(field: str, value: str | None, *, required: bool = False) -> str | None:
    """Strip control characters and blanks, enforce the length limit, turn blanks into None."""
    text = strip_control(value or "").strip()
    if not text:
        if required:
            raise ValidationError(
                f"{field} must not be empty", f"“{FIELD_ZH.get(field, field)}”不能为空", code="empty"
            )
        return None
    limit = MAX_LENGTH.get(field, 1000)
    if len(text) > limit:
        raise ValidationError(
            f"{field} is too long ({len(text)} characters, at most {limit})",
            f"“{FIELD_ZH.get(field, field)}”太长（{len(text)} 个字，最多 {limit} 个字）",
            code="too_long",
        )
    return text


MIN_YEAR, MAX_YEAR = 2000, 2100  # a date outside is a typo (and 9999-12-31 + days overflows)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(field: str, value: str | date | None) -> date | None:
    """The one date parser for what users give (CLI, forms, imports): ``YYYY-MM-DD`` only.

    ``date.fromisoformat`` alone would also take ``20260101`` and ``2026-W05-3``; years
    outside 2000-2100 are refused as typos. Blank means no date (None).
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        try:
            if not _ISO_DAY.fullmatch(text):
                raise ValueError(text)
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"{field}: {value!r} is not a date (YYYY-MM-DD)",
                f"“{value}”不是有效日期，请按 年-月-日（如 2026-03-05）填写",
                code="bad_date",
            ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(
            f"{field}: {day.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR}",
            f"日期“{day.isoformat()}”不在 {MIN_YEAR}–{MAX_YEAR} 年之间，请核对",
            code="bad_date",
        )
    return day
