"""Reading inspections: the form (templates, items, answers), summaries, lists, a site's history.

``get_inspection`` is what the GUI's checklist form paints from: one query for the items
and answers of all its checklists, one for its hazards, so a 60-item form opens at once.
"""

from __future__ import annotations

import json
from typing import Any

from ..core import permissions
from ..core.errors import NotFound
from . import scope
from .hazards import HazardFilter, hazard_rows, list_hazard_ids
from .session import Session
from .sites import get_site

_ITEMS_SQL = """
SELECT t.id AS template_id, t.code AS template_code, t.title, t.version, i.id, i.code, i.text,
       i.basis, i.major, i.default_days, i.hint, i.position, r.result, r.note, r.hazard_id
FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id
LEFT JOIN inspection_result r ON r.item_id = i.id AND r.inspection_id = ? AND r.deleted = 0
WHERE i.template_id IN (SELECT value FROM json_each(?)) AND i.deleted = 0
ORDER BY i.position, i.code
"""


def _row(session: Session, inspection_id: str) -> dict[str, Any]:
    cur = session.store.read().execute(
        "SELECT i.*, s.name AS site_name, s.grid_id AS site_grid FROM inspection i"
        " JOIN site s ON s.id = i.site_id WHERE i.id = ? AND i.deleted = 0", (inspection_id,))
    r = cur.fetchone()
    if r is None:
        raise NotFound(f"no inspection with id {inspection_id}", f"找不到检查记录（编号 {inspection_id}）")
    if not scope.inspection_visible(session.user, r["site_grid"], r["inspector_ids"]):
        raise permissions.out_of_scope("inspection")
    return dict(r)


def _user_names(session: Session, ids: list[str]) -> list[dict[str, str]]:
    names = dict(session.store.read().execute(
        f"SELECT id, name FROM app_user WHERE id IN ({', '.join('?' for _ in ids)})", ids).fetchall())
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def get_inspection(session: Session, inspection_id: str) -> dict[str, Any]:
    """The whole inspection as plain data: header, checklists with items and answers, hazards."""
    row = _row(session, inspection_id)
    template_ids = json.loads(row["template_ids"] or "[]")
    order = {tid: n for n, tid in enumerate(template_ids)}
    templates: dict[str, dict[str, Any]] = {}
    for r in session.store.read().execute(_ITEMS_SQL, (inspection_id, json.dumps(template_ids))):
        t = templates.setdefault(r["template_id"], {
            "id": r["template_id"], "code": r["template_code"], "title": r["title"],
            "version": r["version"], "items": []})
        t["items"].append({
            "id": r["id"], "code": r["code"], "text": r["text"], "basis": r["basis"],
            "major": bool(r["major"]), "default_days": r["default_days"], "hint": r["hint"],
            "result": r["result"], "note": r["note"], "hazard_id": r["hazard_id"],
        })
    ids = [r[0] for r in session.store.read().execute(
        "SELECT id FROM hazard WHERE inspection_id = ? AND deleted = 0 ORDER BY id", (inspection_id,))]
    hazards = [h.__dict__ for h in hazard_rows(session, ids)]
    item_hazards = {i["hazard_id"] for t in templates.values() for i in t["items"] if i["hazard_id"]}
    return {
        "id": row["id"], "site_id": row["site_id"], "site_name": row["site_name"],
        "kind": row["kind"], "status": row["status"], "campaign_id": row["campaign_id"],
        "started_at": row["started_at"], "ended_at": row["ended_at"], "location": row["location"],
        "inspectors": _user_names(session, json.loads(row["inspector_ids"] or "[]")),
        "templates": sorted(templates.values(), key=lambda t: order.get(t["id"], 99)),
        "hazards": hazards,
        "free_hazards": [h["id"] for h in hazards if h["id"] not in item_hazards],
        "summary": _summary(row, templates.values(), hazards),
    }


def _summary(row: dict[str, Any], templates, hazards: list[dict[str, Any]]) -> dict[str, Any]:
    items = [i for t in templates for i in t["items"]]
    counts = {k: sum(1 for i in items if i["result"] == k) for k in ("ok", "hazard", "na")}
    by_level = {"general": 0, "major": 0}
    for h in hazards:
        by_level[h["level"]] = by_level.get(h["level"], 0) + 1
    return {
        "id": row["id"], "status": row["status"], "items_total": len(items),
        "items_checked": sum(counts.values()), "unchecked": len(items) - sum(counts.values()),
        **counts, "hazards": len(hazards), "hazards_by_level": by_level,
        "major_unconfirmed": sum(1 for h in hazards if h["level"] == "major" and not h["level_confirmed"]),
        "hazard_ids": [h["id"] for h in hazards],
    }


def inspection_summary(session: Session, inspection_id: str) -> dict[str, Any]:
    """Items checked, ok/hazard/na counts, hazards by level (what ``finish`` reports)."""
    return get_inspection(session, inspection_id)["summary"]


def list_inspections(
    session: Session, *, site_id: str | None = None, status: str | None = None,
    mine: bool = False, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Inspections newest first (``status="in_progress", mine=True``: what I can resume)."""
    clauses, params = ["i.deleted = 0"], []
    if site_id:
        clauses.append("i.site_id = ?")
        params.append(site_id)
    if status:
        clauses.append("i.status = ?")
        params.append(status)
    if mine:
        clauses.append("EXISTS (SELECT 1 FROM json_each(i.inspector_ids) WHERE value = ?)")
        params.append(session.user.id)
    sql = ("SELECT i.id, i.site_id, s.name AS site_name, s.grid_id, i.kind, i.status, i.started_at,"
           " i.ended_at, i.inspector_ids, i.campaign_id,"
           " (SELECT count(*) FROM hazard h WHERE h.inspection_id = i.id AND h.deleted = 0) AS hazards"
           " FROM inspection i JOIN site s ON s.id = i.site_id WHERE " + " AND ".join(clauses)
           + " ORDER BY i.started_at DESC, i.id DESC")
    rows = []
    for r in session.store.read().execute(sql, params):
        inspectors = json.loads(r["inspector_ids"] or "[]")
        if not scope.inspection_visible(session.user, r["grid_id"], inspectors):
            continue
        rows.append({k: r[k] for k in ("id", "site_id", "site_name", "kind", "status", "started_at",
                                       "ended_at", "campaign_id", "hazards")} | {"inspector_ids": inspectors})
        if limit is not None and len(rows) >= limit:
            break
    return rows


def site_history(session: Session, site_id: str) -> dict[str, Any]:
    """A site with everything that happened there: inspections, hazards (newest first) and
    documents (empty until issued documents arrive with the documents work)."""
    site = get_site(session, site_id)
    hazards = hazard_rows(session, list_hazard_ids(session, HazardFilter(site_id=site_id)))
    return {
        "site": {**site.__dict__, "sectors": list(site.sectors)},
        "inspections": list_inspections(session, site_id=site_id),
        "hazards": [h.__dict__ for h in hazards],
        "documents": [],
    }
