"""What every store has from its first start: its identity, an admin, the checklists."""

from __future__ import annotations

import json
import logging

from .. import __version__
from ..core.ids import seeded_id, uuid7
from ..resources_path import resource_path
from ..store.store import Store, WriteTx, set_info

log = logging.getLogger(__name__)


def _lacking(store: Store) -> tuple[bool, list[dict]]:
    """Whether the store has its identity, and the shipped templates it lacks."""
    conn = store.read()
    have_info = conn.execute("SELECT count(*) FROM store_info WHERE key = 'store_id'").fetchone()[0]
    templates = _shipped_templates()
    have = {
        r[0] for r in conn.execute("SELECT id FROM checklist_template")
    }
    missing = [t for t in templates if seeded_id("checklist", t["code"], t["version"]) not in have]
    return bool(have_info), missing


REDERIVE_KEY = "rederive_hazards"  # set by migration 10 on an upgraded store with hazards


def _rederive_pending(store: Store) -> bool:
    return store.read().execute("SELECT 1 FROM store_info WHERE key = ?", (REDERIVE_KEY,)).fetchone() is not None


def needs_seeding(store: Store) -> bool:
    """Whether :func:`ensure_seeded` would write (else a reading command opens read-only)."""
    have_info, missing = _lacking(store)
    return not have_info or bool(missing) or _rederive_pending(store)


def _rederive_all(tx: WriteTx) -> None:
    """Once after the upgrade to schema 10: every hazard's derived columns from its events
    (by today's rules, as every receiver of its ops derives them), then the mark goes."""
    from .hazard_derived import rederive  # the lifecycle rules, needed only this once

    ids = [r[0] for r in tx.conn.execute("SELECT id FROM hazard")]
    with tx.applying_remote():
        changed = rederive(tx, ids)
    tx.conn.execute("DELETE FROM store_info WHERE key = ?", (REDERIVE_KEY,))
    if changed:
        tx.audit("hazards_rederived", "hazard", None, f"{changed} hazard(s) after the upgrade")


def ensure_seeded(store: Store) -> None:
    """Idempotent: fills what a fresh store lacks; touches nothing that exists."""
    have_info, missing = _lacking(store)
    if _rederive_pending(store):
        store.write(_rederive_all)
    if have_info and not missing:
        return

    def job(tx: WriteTx) -> None:
        if not have_info:
            _seed_identity(tx)
        for template in missing:
            _seed_template(tx, template)
        if missing:
            tx.audit("checklists_seeded", "checklist", None, ", ".join(t["code"] for t in missing))

    store.write(job)


def _seed_identity(tx: WriteTx) -> None:
    store = tx.store
    set_info(tx, "store_id", uuid7())
    set_info(tx, "created_at", tx.now_iso)
    set_info(tx, "created_by_app", __version__)
    set_info(tx, "demo", "0")
    admin_id = tx.insert(
        "app_user",
        {"login": "admin", "name": "管理员", "role": "admin", "grid_ids": "[]", "active": 1},
    )
    set_info(tx, "current_user_id", admin_id)
    if tx.conn.execute("SELECT 1 FROM device WHERE id = ?", (store.device_id,)).fetchone() is None:
        tx.insert("device", {"id": store.device_id, "name": "本机", "trusted_at": tx.now_iso})
    tx.user_id = admin_id
    tx.audit("store_created", "store", None, f"schema {store.schema_version}")


def _shipped_templates() -> list[dict]:
    folder = resource_path("checklists")
    templates = []
    for path in sorted(folder.glob("*.json")):
        try:
            templates.append(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError) as exc:  # a broken shipped file must not stop the app
            log.error("shipped checklist %s unreadable: %s", path.name, exc)
    return templates


def _seed_template(tx: WriteTx, t: dict) -> None:
    template_id = seeded_id("checklist", t["code"], t["version"])
    tx.insert(
        "checklist_template",
        {
            "id": template_id,
            "code": t["code"],
            "sector": t["sector"],
            "also_sectors": json.dumps(t.get("also_sectors", []), ensure_ascii=False),
            "version": t["version"],
            "title": t["title"],
            "title_en": t.get("title_en"),
            "basis_note": t.get("basis_note"),
        },
    )
    for pos, item in enumerate(t["items"], start=1):
        tx.insert(
            "checklist_item",
            {
                "id": seeded_id("checklist_item", f"{t['code']}/{item['code']}", t["version"]),
                "template_id": template_id,
                "position": pos,
                "code": item["code"],
                "text": item["text"],
                "basis": item.get("basis"),
                "major": 1 if item.get("major") else 0,
                "default_days": item.get("default_days"),
                "hint": item.get("hint"),
            },
        )
