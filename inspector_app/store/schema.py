"""Table definitions of the store (design.md §3), as today's code reads and writes them.

Every *synced* table has the same sync columns, so the oplog triggers and the bundle
import can be generated from this module instead of being written by hand per table.
The migrations do not read this module (their SQL is frozen in ``migration_sql``): a
change here needs a new step there, and the upgrade tests compare the two.
"""

from __future__ import annotations

SYNC_COLUMNS: dict[str, type] = {
    "created_at": str,
    "updated_at": str,
    "device_id": str,
    "hlc": str,
    "deleted": int,
}

# table -> its own columns (id and the sync columns are added to each)
SYNCED_TABLES: dict[str, dict[str, type]] = {
    "region": {"parent_id": str, "level": str, "name": str, "code": str},
    "agency": {
        "name": str,
        "short_name": str,
        "region_id": str,
        "enforcement_power": int,
        "seal_text": str,
    },
    "app_user": {
        "login": str,
        "name": str,
        "role": str,
        "grid_ids": str,  # JSON list of region ids
        "cert_no": str,  # 执法证号
        "password_hash": str,
        "active": int,
    },
    "device": {
        "name": str,
        "public_key": str,
        "trusted_by": str,
        "trusted_at": str,
        "revoked_at": str,
    },
    "unit": {"name": str, "uscc": str, "uscc_ok": int, "legal_rep": str, "phone": str},
    "site": {
        "unit_id": str,
        "name": str,
        "sectors": str,  # JSON list of sector codes
        "address": str,
        "grid_id": str,
        "building": str,
        "landlord": str,
        "contact": str,
        "phone": str,
        "risk_colour": str,
        "lat": float,
        "lon": float,
        "notes": str,
    },
    "checklist_template": {
        "code": str,
        "sector": str,
        "also_sectors": str,
        "version": int,
        "title": str,
        "title_en": str,
        "basis_note": str,
    },
    "checklist_item": {
        "template_id": str,
        "position": int,
        "code": str,
        "text": str,
        "basis": str,
        "major": int,
        "default_days": int,
        "hint": str,
    },
    "inspection": {
        "site_id": str,
        "inspector_ids": str,
        "kind": str,
        "campaign_id": str,
        "started_at": str,
        "ended_at": str,
        "location": str,
        "status": str,
        "template_ids": str,  # JSON list of checklist_template ids used (migration 4)
    },
    "inspection_result": {
        "inspection_id": str,
        "item_id": str,
        "result": str,
        "note": str,
        "hazard_id": str,  # the draft/open hazard this result created (migration 4)
    },
    "hazard": {
        "site_id": str,
        "grid_id": str,
        "inspection_id": str,
        "item_id": str,
        "source": str,
        "description": str,
        "location": str,
        "basis": str,
        "level": str,
        "level_confirmed": int,
        "factor": str,
        "measure_type": str,
        "responsible_person": str,
        "responsible_phone": str,
        "measures": str,
        "funds_amount": float,
        "funds_source": str,
        "contingency_plan": str,
        "deadline_days": int,
        "working_days": int,
        "found_on": str,
        "found_by": str,
        "served_on": str,
        "due_date": str,
        "closed_on": str,
        # derived from hazard_event, cached for fast lists; recomputed on every event
        "status": str,
        "extended": int,
        "listed": int,
        "escalation": str,
        # rectification lifecycle (migration 5): interim measures, governance plan of a major
        # hazard, the re-check window, where the hazard came from
        "interim_measures": str,
        "plan_target": str,  # 治理目标和任务
        "plan_methods": str,  # 采取的方法和措施
        "plan_materials": str,  # 经费和物资的落实
        "plan_bodies": str,  # 负责治理的机构和人员
        "plan_schedule": str,  # 治理的时限和要求
        "plan_safety": str,  # 安全措施和应急预案
        "reported_on": str,  # derived: the unit's completion report
        "recheck_due": str,  # derived: end of the 10-day re-check window (major hazards)
        "public_report_id": str,
        "assigned_task_id": str,
        "sector": str,  # the site's primary sector when the hazard was recorded (statistics)
    },
    "hazard_event": {
        "hazard_id": str,
        "kind": str,
        "at": str,
        "by_user": str,
        "data": str,
        "supersedes": str,
    },
    # photo evidence (migration 3): media keyed by sha256, one photo_link per use
    "media": {
        "kind": str,  # photo / video / scan
        "mime": str,
        "size": int,
        "width": int,  # as displayed (after EXIF orientation)
        "height": int,
        "taken_at": str,
        "taken_at_source": str,  # exif / file
        "lat": float,
        "lon": float,
        "original_name": str,
        "notes": str,  # JSON list of skipped metadata notes
    },
    "photo_link": {
        "media_id": str,
        "hazard_id": str,
        "inspection_id": str,
        "document_id": str,
        "phase": str,  # before / after / scene
        "annotation": str,  # JSON shapes over the untouched original
        "supersedes": str,  # the link version this one replaces (annotation edit)
        "flags": str,  # JSON: reused_elsewhere, after_before_notice
    },
    # 专项整治 with its 双随机 draw (migration 4); pools kept so anyone can re-run the draw
    "campaign": {
        "name": str,
        "sector": str,
        "grid_id": str,
        "starts_on": str,
        "ends_on": str,
        "notes": str,
        "seed": str,
        "site_pool": str,  # JSON list of candidate site ids at draw time
        "inspector_pool": str,  # JSON list of candidate user ids at draw time
        "drawn_sites": str,  # JSON list
        "drawn_inspectors": str,  # JSON list
        "drawn_at": str,
        "drawn_by": str,
    },
    # 群众举报 / 企业内部报告 (migration 5); the reporter's identity is NOT here, see
    # PROTECTED_TABLES
    "public_report": {
        "channel": str,  # 12350 | 12345 | in_person | internal
        "received_at": str,
        "content": str,
        "site_id": str,
        "grid_id": str,
        "location": str,
        "status": str,  # received | verified | unfounded
        "inspection_id": str,
        "closed_reason": str,
        "closed_at": str,
        "reward_amount": float,
        "reward_note": str,
        "anonymous": int,
        "received_by": str,
    },
    # 上级交办: tasks handed down with a due date (migration 5)
    "assigned_task": {
        "source": str,  # who handed it down (县应急管理局 …)
        "reference": str,  # their document number, if any
        "received_on": str,
        "due_on": str,
        "content": str,
        "site_id": str,
        "grid_id": str,
        "assigned_to": str,
        "status": str,  # open | done | cancelled
        "done_on": str,
        "result": str,
    },
    # settings that change derived results (regional holidays, inspection intervals, the
    # overdue rule): one row per setting, id = its key (services/settings_registry.py), synced
    # so every device derives the same deadlines and plans (migration 10)
    "setting": {"value_json": str},
    # issued official documents (文书) and the number blocks they draw from (migration 11)
    "document": {
        "kind": str, "number": str, "agency_id": str, "code": str, "year": int, "n": int,
        "hazard_ids": str, "site_id": str, "pdf_sha256": str, "issued_at": str,
        "issued_by": str, "officers": str,
        "state": str,  # issued | served | refused | voided
        "void_reason": str, "served_on": str, "served_how": str, "received_by": str,
        "witness": str, "scan_sha256": str,
    },
    "number_block": {
        "agency_id": str, "code": str, "year": int, "holder_device": str, "first": int,
        "last": int, "next": int, "returned_at": str,
    },
}

# Columns every receiver derives itself; the oplog triggers leave them out of ops (migration
# 10), so a bundle never carries them and a receiver recomputes them from what it holds.
# hazard: what services/hazards.record_event refreshes from the hazard's events.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "hazard": frozenset({"status", "level", "due_date", "served_on", "closed_on", "extended",
                         "listed", "escalation", "reported_on", "recheck_due"}),
}

# Columns that stay on the device that wrote them (credentials): left out of ops, never synced.
DEVICE_LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "app_user": frozenset({"password_hash"}),
}


def unsynced_columns(table: str) -> frozenset[str]:
    """The columns of ``table`` that never travel in an op (derived or device-local)."""
    return DERIVED_COLUMNS.get(table, frozenset()) | DEVICE_LOCAL_COLUMNS.get(table, frozenset())


# Local tables holding protected personal data (migration 5): no sync columns, no oplog
# triggers, so nothing in them reaches a bundle by accident; a later sync layer may carry them
# between supervisor devices only, never to an inspector's device. The public reporter's name
# and phone live here (domain.md §2: the reporter must be protected).
PROTECTED_TABLES = ("public_report_reporter",)

FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "site": [("unit_id", "unit"), ("grid_id", "region")],
    "checklist_item": [("template_id", "checklist_template")],
    "inspection": [("site_id", "site")],
    "inspection_result": [("inspection_id", "inspection"), ("item_id", "checklist_item")],
    "hazard": [("site_id", "site"), ("inspection_id", "inspection"), ("grid_id", "region")],
    "hazard_event": [("hazard_id", "hazard")],
    "photo_link": [("media_id", "media"), ("hazard_id", "hazard"), ("inspection_id", "inspection")],
}

INDEXES: dict[str, list[list[str]]] = {
    "region": [["parent_id"], ["level", "code"]],
    "app_user": [["login"]],
    "unit": [["uscc"], ["name"]],
    "site": [["grid_id"], ["unit_id"], ["name"], ["deleted", "grid_id"]],
    "checklist_template": [["code", "version"]],
    "checklist_item": [["template_id", "position"]],
    "inspection": [["site_id"], ["started_at"], ["campaign_id"], ["status", "site_id"]],
    "inspection_result": [["inspection_id"]],
    "hazard": [
        ["site_id"],
        ["inspection_id"],
        ["status", "due_date"],
        ["grid_id", "status"],
        ["found_on"],
        ["level", "status"],
    ],
    "hazard_event": [["hazard_id", "hlc"]],
    "media": [["taken_at"]],
    "photo_link": [["media_id"], ["hazard_id"], ["inspection_id"], ["document_id"], ["supersedes"]],
    "campaign": [["sector"], ["starts_on"]],
    "public_report": [["status", "received_at"], ["site_id"]],
    "assigned_task": [["status", "due_on"]],
}


def columns_of(table: str) -> list[str]:
    """All columns of a synced table in creation order."""
    return ["id", *SYNCED_TABLES[table], *SYNC_COLUMNS]
