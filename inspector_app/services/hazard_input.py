"""Checking what a user typed for a hazard, before anything is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core import hazard_status as hs
from ..core.deadlines import Deadline, deadline
from ..core.entities import FACTORS, MEASURE_TYPES, SOURCES, HazardInput
from ..core.errors import NotFound, ValidationError
from ..core.holidays import HolidayCalendar
from ..core.validation import clean_text, parse_date, strip_control
from ..store.store import WriteTx
from .changes import Notice

FIELD_ZH = {
    "responsible_person": "责任人", "responsible_phone": "责任人电话", "measures": "整改措施",
    "funds_amount": "整改资金", "funds_source": "资金来源", "contingency_plan": "应急预案",
    "interim_measures": "整改期间的临时安全措施", "plan_target": "治理目标和任务",
    "plan_methods": "治理方法和措施", "plan_materials": "经费和物资",
    "plan_bodies": "负责治理的机构和人员", "plan_schedule": "治理时限和要求",
    "plan_safety": "安全措施和应急预案", "deadline": "整改期限", "factor": "隐患因素",
    "measure_type": "措施类型",
}


def item_is_major(tx: WriteTx, item_id: str) -> bool:
    row = tx.conn.execute("SELECT major FROM checklist_item WHERE id = ?", (item_id,)).fetchone()
    return bool(row and row[0])


def check_links(tx: WriteTx, values: dict[str, Any]) -> None:
    for column, table, zh in (("public_report_id", "public_report", "举报"),
                              ("assigned_task_id", "assigned_task", "交办任务")):
        ref = values.get(column)
        if ref and tx.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted = 0",
                                   (ref,)).fetchone() is None:
            raise NotFound(f"no {table} with id {ref}", f"找不到{zh}（编号 {ref}）")


_OPTIONAL_TEXT = {  # HazardInput field -> length limit; None in the input keeps the stored value
    "responsible_person": 100, "responsible_phone": 40, "measures": 2000, "funds_source": 200,
    "contingency_plan": 2000, "interim_measures": 2000,
}


def validate_input(
    data: HazardInput, today: date, calendar: HolidayCalendar
) -> tuple[dict[str, Any], Deadline | None, list[Notice]]:
    """Check what the user typed; the column values, the computed deadline, warnings."""
    notes: list[Notice] = []
    if data.level not in hs.LEVELS:
        raise ValidationError(f"level must be general or major, not {data.level!r}",
                              "隐患等级只能是“一般”或“重大”", code="bad_level")
    if data.source not in SOURCES:
        raise ValidationError(f"unknown source {data.source!r}", f"未知的隐患来源：{data.source}")
    if data.factor and data.factor not in FACTORS:
        raise ValidationError(f"unknown factor {data.factor!r}", "隐患因素只能是 人/机/环/管")
    if data.measure_type and data.measure_type not in MEASURE_TYPES:
        raise ValidationError(f"unknown measure type {data.measure_type!r}",
                              "措施类型只能是 人防/技防/工程防/管理防")
    found_on = parse_date("found_on", data.found_on) or today
    if found_on > today:
        raise ValidationError(
            f"the found date {found_on} is in the future", f"发现日期 {found_on} 晚于今天，请核对",
            code="future_date",
        )
    if found_on.year < 2000:
        raise ValidationError(f"the found date {found_on} is not plausible",
                              f"发现日期 {found_on} 不合理，请核对", code="bad_date")
    days, due = data.deadline_days, None
    if days is not None:
        due = deadline(found_on, days, working_days=data.working_days, calendar=calendar)
    elif data.due_on:
        on = parse_date("due_on", data.due_on)
        assert on is not None
        if on < found_on:
            raise ValidationError(
                f"the deadline {on} is before the found date {found_on}",
                f"整改期限 {on} 早于发现日期 {found_on}，请核对", code="deadline_before_found",
            )
        due = Deadline(found_on, on)
    values: dict[str, Any] = {
        "site_id": data.site_id,
        "description": clean_text("description", data.description, required=True),
        "location": clean_text("location", data.location),
        "basis": clean_text("basis", data.basis),
        "level": data.level,
        "source": data.source,
        "factor": data.factor,
        "measure_type": data.measure_type,
        "deadline_days": days,
        "working_days": int(data.working_days),
        "found_on": found_on.isoformat(),
        "due_date": due.due.isoformat() if due else None,
        "inspection_id": data.inspection_id,
        "item_id": data.item_id,
    }
    for name, limit in _OPTIONAL_TEXT.items():
        value = getattr(data, name)
        if value is not None:
            values[name] = limited(name, value, limit)
    if data.funds_amount is not None:
        values["funds_amount"] = funds(data.funds_amount)
    for name in ("public_report_id", "assigned_task_id"):
        if getattr(data, name):
            values[name] = getattr(data, name)
    return values, due, notes


def limited(name: str, value: str, limit: int) -> str | None:
    """Stripped text within its length limit; blank becomes None (clears the field)."""
    text = strip_control(str(value)).strip()
    if len(text) > limit:
        zh = FIELD_ZH.get(name, name)
        raise ValidationError(f"{name} is too long (at most {limit} characters)",
                              f"“{zh}”太长（最多 {limit} 个字）", code="too_long")
    return text or None


def funds(value: float | str) -> float:
    """An amount of money in yuan: a number, not negative."""
    try:
        amount = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"funds {value!r} is not a number", f"资金“{value}”不是有效金额",
                              code="bad_amount") from None
    if amount < 0 or amount != amount or amount > 1e12:
        raise ValidationError(f"funds {value!r} is not a plausible amount", f"资金“{value}”不合理",
                              code="bad_amount")
    return amount
