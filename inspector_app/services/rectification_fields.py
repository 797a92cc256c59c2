"""五落实, the governance plan and the classification of a hazard: setters and checks.

五落实 (domain.md §2) pins down for every hazard: 责任 (responsible person and phone), 措施
(measures), 资金 (amount and source), 时限 (deadline) and 预案 (contingency plan or interim
measures). A major hazard needs all five, and the six governance-plan fields, before its
notice can be served (:func:`missing_for_notice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.deadlines import Deadline, deadline
from ..core.entities import FACTORS, MEASURE_TYPES
from ..core.errors import IllegalTransition, ValidationError
from ..core.permissions import Action
from ..core.validation import clean_text, parse_date
from ..store.store import WriteTx
from .changes import HAZARDS, SITES, Changes, Saved
from .hazard_input import FIELD_ZH, funds, limited
from .hazards import change_level, record_event
from .lifecycle_common import calendar_of, hazard_for_write, notices
from .session import Session

FIVE_FIELDS = ("responsible_person", "responsible_phone", "measures", "funds_amount",
               "funds_source", "contingency_plan", "interim_measures")
PLAN_FIELDS = ("plan_target", "plan_methods", "plan_materials", "plan_bodies", "plan_schedule",
               "plan_safety")
TEXT_LIMITS = {
    "responsible_person": 100, "responsible_phone": 40, "measures": 2000, "funds_source": 200,
    "contingency_plan": 2000, "interim_measures": 2000, **{f: 2000 for f in PLAN_FIELDS},
}
DEADLINE_FIELDS = ("deadline_days", "working_days", "due_on")
SETTABLE = (*FIVE_FIELDS, *PLAN_FIELDS, *DEADLINE_FIELDS, "factor", "measure_type",
            "description", "location", "basis", "level", "level_reason")


@dataclass(frozen=True)
class GovernancePlan:
    """治理方案 of a major hazard (domain.md §2); None leaves a field as it is."""

    target: str | None = None  # 治理的目标和任务
    methods: str | None = None  # 采取的方法和措施
    materials: str | None = None  # 经费和物资的落实
    bodies: str | None = None  # 负责治理的机构和人员
    schedule: str | None = None  # 治理的时限和要求
    safety: str | None = None  # 安全措施和应急预案

    def fields(self) -> dict[str, str | None]:
        return {f"plan_{k}": v for k, v in self.__dict__.items() if v is not None}


def shared_plan(row: dict[str, Any]) -> dict[str, str]:
    """The governance-plan fields that 五落实 already answers, worded from it.

    The plan and 五落实 overlap (domain.md §2): 经费和物资 is the 资金, 负责治理的机构和人员 the
    责任人, 治理的时限 the deadline, 安全措施和应急预案 the 预案. A plan field left empty takes
    this wording — on screen, in the notice check and on paper — so nobody types it twice.
    """
    shared: dict[str, str] = {}
    if row.get("funds_amount") is not None and row.get("funds_source"):
        shared["plan_materials"] = f"资金 {row['funds_amount']:g} 元，来源：{row['funds_source']}"
    if row.get("responsible_person"):
        phone = f"（{row['responsible_phone']}）" if row.get("responsible_phone") else ""
        shared["plan_bodies"] = f"{row['responsible_person']}{phone}"
    if row.get("due_date"):
        shared["plan_schedule"] = f"{row['due_date']} 前完成整改"
    plan = row.get("contingency_plan") or row.get("interim_measures")
    if plan:
        shared["plan_safety"] = str(plan)
    return shared


def effective_plan(row: dict[str, Any]) -> dict[str, str | None]:
    """Each plan field as typed, or else as :func:`shared_plan` words it."""
    shared = shared_plan(row)
    return {f: row.get(f) or shared.get(f) for f in PLAN_FIELDS}


def missing_for_notice(row: dict[str, Any]) -> list[str]:
    """What a major hazard still lacks before its notice (field codes; [] when complete)."""
    if row.get("level") != "major":
        return [] if row.get("deadline_days") is not None or row.get("due_date") else ["deadline"]
    missing = [f for f in ("responsible_person", "responsible_phone", "measures", "funds_source")
               if not row.get(f)]
    if row.get("funds_amount") is None:
        missing.append("funds_amount")
    if row.get("deadline_days") is None and not row.get("due_date"):
        missing.append("deadline")
    if not (row.get("contingency_plan") or row.get("interim_measures")):
        missing.append("contingency_plan")
    plan = effective_plan(row)
    missing += [f for f in PLAN_FIELDS if not plan[f]]
    return missing


def missing_error(missing: list[str]) -> ValidationError:
    return ValidationError(
        "before the notice of a major hazard, fill in: " + ", ".join(missing),
        "重大隐患送达整改通知前须落实五落实和治理方案，尚缺：" + "、".join(FIELD_ZH.get(m, m) for m in missing),
        code="five_implementations_missing",
    )


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(SETTABLE)
    if unknown:
        raise ValidationError(f"unknown hazard fields: {', '.join(sorted(unknown))}",
                              f"未知的隐患字段：{'、'.join(sorted(unknown))}", code="bad_field")
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name in TEXT_LIMITS:
            values[name] = limited(name, value, TEXT_LIMITS[name]) if value is not None else None
        elif name == "funds_amount":
            values[name] = None if value in (None, "") else funds(value)
        elif name == "factor" and value and value not in FACTORS:
            raise ValidationError(f"unknown factor {value!r}", "隐患因素只能是 人/机/环/管", code="bad_factor")
        elif name == "measure_type" and value and value not in MEASURE_TYPES:
            raise ValidationError(f"unknown measure type {value!r}",
                                  "措施类型只能是 人防/技防/工程防/管理防", code="bad_measure_type")
        elif name == "description":
            values[name] = clean_text("description", value, required=True)
        elif name in ("location", "basis"):
            values[name] = clean_text(name, value)
        elif name == "level_reason":
            values[name] = value
        elif name == "level" and value not in hs.LEVELS:
            raise ValidationError(f"level must be general or major, not {value!r}",
                                  "隐患等级只能是“一般”或“重大”", code="bad_level")
        else:
            values[name] = value or None if name in ("factor", "measure_type") else value
    return values


def set_fields(session: Session, hazard_id: str, changes: dict[str, Any]) -> Saved:
    """Set 五落实, plan, classification, text, level or (before the notice) deadline fields.

    ``None`` or "" clears a field. A level change is an event (a major hazard's level is
    changed by supervisors only); the deadline of a notified hazard moves only by an extension.
    """
    permissions.require(session.user, Action.EDIT_HAZARD)
    values = _clean(changes)
    today, calendar = session.clock.today(), calendar_of(session)
    computed: list[Deadline] = []

    def job(tx: WriteTx) -> None:
        row = hazard_for_write(tx, session, hazard_id)
        if row["status"] == hs.CLOSED and set(values) & {"level", *DEADLINE_FIELDS}:
            raise IllegalTransition("a closed hazard's level and deadline stay as closed; reopen it first",
                                    "已销号隐患的等级和期限不能修改，如需修改请先重新打开", code="closed")
        level = values.pop("level", None)
        reason = values.pop("level_reason", None)
        if level and level != row["level"]:
            # role rules, and a reason when moving away from a checklist item's suggestion
            values["level_confirmed"] = change_level(tx, session, row, level, reason)
        if set(values) & set(DEADLINE_FIELDS):
            computed.extend(_set_deadline(tx, row, values, today, calendar))
        if values:
            tx.update("hazard", hazard_id, values)
        tx.audit("hazard_fields_set", "hazard", hazard_id,
                 ", ".join(sorted(changes))[:200])

    session.write(job)
    return Saved(hazard_id, Changes.of(HAZARDS, SITES), notices(session.store, *computed))


def _set_deadline(tx: WriteTx, row: dict[str, Any], values: dict[str, Any], today, calendar
                  ) -> list[Deadline]:
    """A provisional deadline (counted from the found date) before the notice is served."""
    if row["status"] not in (hs.DRAFT, hs.OPEN):
        raise IllegalTransition(
            "the notice is served: the deadline moves only by an extension (hazard extend)",
            "整改通知已送达，期限只能通过延期（审批）调整", code="deadline_fixed",
        )
    found = parse_date("found_on", row["found_on"]) or today
    days = values.get("deadline_days", row["deadline_days"])
    working = bool(values.get("working_days", row["working_days"]))
    due_on = parse_date("due_on", values.pop("due_on", None))
    if due_on is not None:
        if due_on < found:
            raise ValidationError(f"the deadline {due_on} is before the found date {found}",
                                  f"整改期限 {due_on} 早于发现日期 {found}，请核对",
                                  code="deadline_before_found")
        values["deadline_days"], d = None, Deadline(found, due_on)
    elif days is not None:
        d = deadline(found, int(days), working_days=working, calendar=calendar)
        values["deadline_days"] = int(days)
    else:
        return []
    values["working_days"] = int(working)
    if d.due.isoformat() != row["due_date"]:
        record_event(tx, row["id"], hs.EventKind.DEADLINE_SET, {"due_date": d.due})
    return [d]


def set_governance_plan(session: Session, hazard_id: str, plan: GovernancePlan) -> Saved:
    """治理方案 fields of a (major) hazard."""
    return set_fields(session, hazard_id, plan.fields())


def set_five_implementations(
    session: Session, hazard_id: str, *, responsible_person: str | None = None,
    responsible_phone: str | None = None, measures: str | None = None,
    funds_amount: float | None = None, funds_source: str | None = None,
    contingency_plan: str | None = None, interim_measures: str | None = None,
    deadline_days: int | None = None, working_days: bool | None = None,
) -> Saved:
    """五落实 in one call (None leaves a field as it is)."""
    given = {k: v for k, v in locals().items() if k not in ("session", "hazard_id") and v is not None}
    return set_fields(session, hazard_id, given)
