"""Domain entities as plain dataclasses (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("inspector", "supervisor", "admin")
RISK_COLOURS = ("red", "orange", "yellow", "blue")
RISK_ZH = {"red": "红", "orange": "橙", "yellow": "黄", "blue": "蓝"}
FACTORS = ("人", "机", "环", "管")
MEASURE_TYPES = ("人防", "技防", "工程防", "管理防")
SOURCES = ("patrol", "public_report", "internal_report", "assigned", "campaign")
REGION_LEVELS = ("county", "township", "village", "grid")


@dataclass(frozen=True)
class User:
    id: str
    login: str
    name: str
    role: str
    grid_ids: tuple[str, ...] = ()

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


@dataclass(frozen=True)
class Region:
    id: str
    level: str
    name: str
    code: str | None = None
    parent_id: str | None = None


@dataclass
class SiteInput:
    """What a user types to add or edit a site (and its unit)."""

    name: str
    unit_name: str | None = None  # defaults to the site's name; None + no_unit: public place
    no_unit: bool = False
    uscc: str | None = None
    legal_rep: str | None = None
    sectors: list[str] = field(default_factory=list)
    address: str | None = None
    grid: str | None = None  # grid id, code or name
    building: str | None = None
    landlord: str | None = None
    contact: str | None = None
    phone: str | None = None
    risk_colour: str | None = None
    lat: float | None = None
    lon: float | None = None
    notes: str | None = None


@dataclass(frozen=True)
class SiteRow:
    id: str
    name: str
    unit_id: str | None
    unit_name: str | None
    uscc: str | None
    uscc_ok: bool | None
    legal_rep: str | None
    sectors: tuple[str, ...]
    address: str | None
    grid_id: str | None
    grid: str | None
    building: str | None
    landlord: str | None
    contact: str | None
    phone: str | None
    risk_colour: str | None
    lat: float | None
    lon: float | None
    notes: str | None
    hazards_open: int = 0
    deleted: bool = False

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


@dataclass
class HazardInput:
    site_id: str
    description: str
    level: str = "general"
    location: str | None = None
    basis: str | None = None
    deadline_days: int | None = None
    working_days: bool = False
    found_on: str | None = None  # ISO date; default today
    source: str = "patrol"
    factor: str | None = None
    measure_type: str | None = None
    inspection_id: str | None = None
    item_id: str | None = None
    # an explicit due date instead of a number of days (ISO date, not before the found date)
    due_on: str | None = None
    # 五落实 and the rest of the lifecycle fields: None leaves a stored value as it is
    responsible_person: str | None = None
    responsible_phone: str | None = None
    measures: str | None = None
    funds_amount: float | None = None
    funds_source: str | None = None
    contingency_plan: str | None = None
    interim_measures: str | None = None
    public_report_id: str | None = None
    assigned_task_id: str | None = None
    # why the level differs from the one a checklist item suggested (needed then; an edit only)
    level_reason: str | None = None


@dataclass(frozen=True)
class HazardRow:
    id: str
    site_id: str | None
    site_name: str | None
    grid_id: str | None
    grid: str | None
    description: str
    location: str | None
    level: str
    level_confirmed: bool
    status: str
    overdue: bool
    extended: bool
    listed: bool
    escalation: str | None
    found_on: str | None
    served_on: str | None
    due_date: str | None
    closed_on: str | None
    deadline_days: int | None
    working_days: bool
    source: str | None
    basis: str | None
    factor: str | None
    measure_type: str | None
    deleted: bool = False
    reported_on: str | None = None  # the unit's completion report
    recheck_due: str | None = None  # end of the 10-day re-check window (major hazards)
