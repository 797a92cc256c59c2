"""Table definitions of the store (design.md §3), as data the migrations build from.

Every *synced* table has the same sync columns, so the oplog triggers and the bundle
import can be generated from this module instead of being written by hand per table.
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
    },
    "inspection_result": {
        "inspection_id": str,
        "item_id": str,
        "result": str,
        "note": str,
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
    },
    "hazard_event": {
        "hazard_id": str,
        "kind": str,
        "at": str,
        "by_user": str,
        "data": str,
        "supersedes": str,
    },
}

FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "site": [("unit_id", "unit"), ("grid_id", "region")],
    "checklist_item": [("template_id", "checklist_template")],
    "inspection": [("site_id", "site")],
    "inspection_result": [("inspection_id", "inspection"), ("item_id", "checklist_item")],
    "hazard": [("site_id", "site"), ("inspection_id", "inspection"), ("grid_id", "region")],
    "hazard_event": [("hazard_id", "hazard")],
}

INDEXES: dict[str, list[list[str]]] = {
    "region": [["parent_id"], ["level", "code"]],
    "app_user": [["login"]],
    "unit": [["uscc"], ["name"]],
    "site": [["grid_id"], ["unit_id"], ["name"], ["deleted", "grid_id"]],
    "checklist_template": [["code", "version"]],
    "checklist_item": [["template_id", "position"]],
    "inspection": [["site_id"], ["started_at"]],
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
}


def columns_of(table: str) -> list[str]:
    """All columns of a synced table in creation order."""
    return ["id", *SYNCED_TABLES[table], *SYNC_COLUMNS]
