"""The on-site inspection (检查): start at a site, record each checklist item, finish.

Every call is one transaction and the state lives in the database, so an inspection can be
saved at any moment and resumed later, and a crash loses nothing. Marking an item
``hazard`` creates a *draft* hazard filled from the item (description, basis, a level
suggested by the item's major criterion — unconfirmed unless a supervisor records it — and
the item's default deadline); changing the result away from ``hazard`` tombstones that
draft. Finishing publishes the drafts (event ``published``: status ``open``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.entities import HazardInput
from ..core.errors import NotFound, PermissionDenied, ValidationError
from ..core.permissions import Action
from ..core.validation import clean_text
from ..store.store import WriteTx
from .changes import HAZARDS, INSPECTIONS, SITES, Changes, Notice, Saved
from .checklists import get_template, suggest_templates
from .hazard_input import validate_input
from .hazards import record_event
from .lifecycle_common import calendar_from_conn
from .session import Session

KINDS = ("patrol", "recheck", "campaign", "report", "random")
KIND_ZH = {"patrol": "日常巡查", "recheck": "复查", "campaign": "专项整治", "report": "举报核查",
           "random": "双随机抽查"}
KIND_SOURCE = {"patrol": "patrol", "recheck": "patrol", "campaign": "campaign",
               "report": "public_report", "random": "campaign"}
RESULTS = ("ok", "hazard", "na")
IN_PROGRESS, FINISHED = "in_progress", "finished"
NOTE_LIMIT = 900


@dataclass
class StartInput:
    site_id: str
    template_ids: list[str] | None = None  # ids or codes; None: suggested by the site's sectors
    kind: str = "patrol"
    campaign_id: str | None = None
    location: str | None = None  # typed place (e.g. "二楼后厨"), optional
    inspector_ids: list[str] | None = None  # None: the current user


@dataclass(frozen=True)
class Recorded:
    """What ``record_result`` did: the result row, the draft hazard (if any), what changed."""

    result_id: str
    hazard_id: str | None
    changes: Changes
    warnings: tuple[Notice, ...] = ()


# --------------------------------------------------------------------------- helpers
def load_for_write(tx: WriteTx, session: Session, inspection_id: str, *,
                   open_only: bool = True) -> dict[str, Any]:
    """The inspection row (with its site's grid), checked: exists, the user may work on it."""
    cur = tx.conn.execute(
        "SELECT i.*, s.grid_id AS site_grid FROM inspection i JOIN site s ON s.id = i.site_id"
        " WHERE i.id = ? AND i.deleted = 0", (inspection_id,))
    r = cur.fetchone()
    if r is None:
        raise NotFound(f"no inspection with id {inspection_id}", f"找不到检查记录（编号 {inspection_id}）")
    row = dict(zip([d[0] for d in cur.description], r, strict=True))
    if session.user.id not in json.loads(row["inspector_ids"] or "[]") and \
            not permissions.sees_all_grids(session.user):
        raise PermissionDenied("you are not one of this inspection's inspectors",
                               "您不是本次检查的检查人员", code="not_inspector")
    if open_only and row["status"] != IN_PROGRESS:
        raise ValidationError("this inspection is finished; it cannot be changed",
                              "本次检查已结束，不能再修改", code="inspection_finished")
    return row


def _items(tx: WriteTx, template_ids: list[str]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in template_ids)
    cur = tx.conn.execute(
        "SELECT i.id, i.code, i.text, i.basis, i.major, i.default_days, t.code AS template_code"
        f" FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id"
        f" WHERE i.template_id IN ({marks}) AND i.deleted = 0", template_ids)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _find_item(tx: WriteTx, inspection: dict[str, Any], item: str) -> dict[str, Any]:
    """An item of the inspection's checklists by id, code, or ``TEMPLATE/CODE``."""
    items = _items(tx, json.loads(inspection["template_ids"] or "[]"))
    found = [i for i in items if item in (i["id"], i["code"], f"{i['template_code']}/{i['code']}")]
    if len(found) > 1:
        raise ValidationError(f"item code {item!r} is in several checklists; use TEMPLATE/CODE",
                              f"检查项编号“{item}”在多张检查表中出现，请用 检查表代码/编号 指定",
                              code="ambiguous_item")
    if not found:
        raise NotFound(f"no item {item!r} in this inspection's checklists",
                       f"本次检查的检查表中没有检查项“{item}”")
    return found[0]


def describe(item_text: str, note: str | None) -> str:
    """The draft hazard's description: the inspector's note first (what is wrong here),
    then the item; without a note, the item phrased as the problem."""
    if note:
        return f"{note}（检查项：{item_text}）"[:2000]
    return f"不符合要求：{item_text}"[:2000]


def _draft_hazard(tx: WriteTx, session: Session, inspection: dict[str, Any],
                  values: HazardInput, *, suggested_major: bool = False) -> tuple[str, list[Notice]]:
    row, _due, notes = validate_input(values, session.clock.today(), calendar_from_conn(tx.conn))
    confirmed = row["level"] == "general" or permissions.can(session.user, Action.CONFIRM_LEVEL)
    hazard_id = tx.insert("hazard", {
        **row, "grid_id": inspection["site_grid"], "found_by": session.user.id,
        "level_confirmed": int(confirmed), "status": hs.DRAFT, "extended": 0, "listed": 0,
    })
    record_event(tx, hazard_id, hs.EventKind.DRAFTED, {"level": row["level"], "due_date": row["due_date"]})
    if suggested_major and not confirmed:
        notes.append(Notice("level_from_checklist",
                            "major-hazard criterion: level set to major, to be confirmed by a supervisor",
                            "该检查项属于重大隐患判定标准，等级已设为“重大隐患”，待监管人员确认"))
    return hazard_id, notes


# --------------------------------------------------------------------------- actions
def start_inspection(session: Session, data: StartInput) -> Saved:
    """Open an inspection at a site with its checklists (suggested ones unless given)."""
    permissions.require(session.user, Action.ADD_HAZARD)
    if data.kind not in KINDS:
        raise ValidationError(f"unknown inspection kind {data.kind!r}; one of {', '.join(KINDS)}",
                              f"未知的检查类型“{data.kind}”", code="bad_kind")
    kind = "campaign" if data.campaign_id and data.kind == "patrol" else data.kind
    location = clean_text("location", data.location)
    notes: list[Notice] = []
    if data.template_ids is None:
        templates = [t.id for t in suggest_templates(session, data.site_id)]
        if not templates:
            notes.append(Notice("no_checklist", "no checklist for this site's sectors: record hazards freely",
                                "该场所所属行业没有对应的检查表，可直接登记隐患"))
    else:
        templates = list(dict.fromkeys(get_template(session, t).id for t in data.template_ids))
    inspectors = list(dict.fromkeys([session.user.id, *(data.inspector_ids or [])]))

    def job(tx: WriteTx) -> str:
        site = tx.conn.execute("SELECT grid_id, name FROM site WHERE id = ? AND deleted = 0",
                               (data.site_id,)).fetchone()
        if site is None:
            raise NotFound(f"no site with id {data.site_id}", f"找不到场所（编号 {data.site_id}）")
        permissions.require_site_scope(session.user, site[0])  # the refusal names the site
        for uid in inspectors:
            if tx.conn.execute("SELECT 1 FROM app_user WHERE id = ? AND active = 1 AND deleted = 0",
                               (uid,)).fetchone() is None:
                raise NotFound(f"no active user {uid}", f"找不到在岗用户（{uid}）")
        if data.campaign_id and tx.conn.execute(
                "SELECT 1 FROM campaign WHERE id = ? AND deleted = 0", (data.campaign_id,)).fetchone() is None:
            raise NotFound(f"no campaign {data.campaign_id}", f"找不到专项整治（{data.campaign_id}）")
        inspection_id = tx.insert("inspection", {
            "site_id": data.site_id, "inspector_ids": json.dumps(inspectors), "kind": kind,
            "campaign_id": data.campaign_id, "started_at": tx.now_iso, "ended_at": None,
            "location": location, "status": IN_PROGRESS, "template_ids": json.dumps(templates),
        })
        tx.audit("inspection_started", "inspection", inspection_id, f"{KIND_ZH[kind]} {site[1]}")
        return inspection_id

    return Saved(session.write(job), Changes.of(INSPECTIONS, SITES), tuple(notes))


def record_result(session: Session, inspection_id: str, item: str, result: str,
                  note: str | None = None) -> Recorded:
    """Record ok / hazard / na for one item (again: the new answer replaces the old one)."""
    if result not in RESULTS:
        raise ValidationError(f"result must be one of {', '.join(RESULTS)}", "结果只能是 合格/隐患/不适用",
                              code="bad_result")
    note = clean_text("notes", note)
    if note and len(note) > NOTE_LIMIT:
        raise ValidationError(f"the note is too long (at most {NOTE_LIMIT} characters)",
                              f"备注太长（最多 {NOTE_LIMIT} 个字）", code="too_long")

    def job(tx: WriteTx) -> Recorded:
        inspection = load_for_write(tx, session, inspection_id)
        it = _find_item(tx, inspection, item)
        old = tx.conn.execute(
            "SELECT id, note, hazard_id FROM inspection_result WHERE inspection_id = ? AND item_id = ?"
            " AND deleted = 0", (inspection_id, it["id"])).fetchone()
        hazard_id = old[2] if old else None
        hazard = tx.conn.execute("SELECT status, description, deleted FROM hazard WHERE id = ?",
                                 (hazard_id,)).fetchone() if hazard_id else None
        notes: list[Notice] = []
        if result == "hazard":
            if hazard is None or hazard[2]:
                hazard_id, notes = _draft_hazard(tx, session, inspection, HazardInput(
                    site_id=inspection["site_id"], description=describe(it["text"], note),
                    level="major" if it["major"] else "general", basis=it["basis"],
                    deadline_days=it["default_days"], source=KIND_SOURCE[inspection["kind"]],
                    inspection_id=inspection_id, item_id=it["id"]), suggested_major=bool(it["major"]))
                tx.audit("hazard_drafted", "hazard", hazard_id, f"{it['code']} {it['text'][:60]}")
            elif hazard[0] == hs.DRAFT and hazard[1] == describe(it["text"], old[1]):
                tx.update("hazard", hazard_id, {"description": describe(it["text"], note)})
        elif hazard_id and hazard is not None and not hazard[2]:
            if hazard[0] == hs.DRAFT:
                tx.update("hazard", hazard_id, {"deleted": 1})
                hazard_id = None
            else:
                notes.append(Notice("hazard_kept", f"the hazard stays (status {hazard[0]})",
                                    f"该隐患已是“{hs.STATUS_ZH.get(hazard[0], hazard[0])}”状态，保留不删"))
        values = {"result": result, "note": note, "hazard_id": hazard_id}
        if old:
            tx.update("inspection_result", old[0], values)
            result_id = old[0]
        else:
            result_id = tx.insert("inspection_result",
                                  {"inspection_id": inspection_id, "item_id": it["id"], **values})
        return Recorded(result_id, hazard_id, Changes.of(INSPECTIONS, HAZARDS, SITES), tuple(notes))

    return session.write(job)


def add_free_hazard(session: Session, inspection_id: str, data: HazardInput) -> Saved:
    """A hazard seen during the inspection that is on no checklist (a draft until finished)."""
    permissions.require(session.user, Action.ADD_HAZARD)

    def job(tx: WriteTx) -> tuple[str, list[Notice]]:
        inspection = load_for_write(tx, session, inspection_id)
        values = replace(data, site_id=inspection["site_id"], inspection_id=inspection_id,
                         item_id=None, source=KIND_SOURCE[inspection["kind"]])
        hazard_id, notes = _draft_hazard(tx, session, inspection, values)
        tx.audit("hazard_drafted", "hazard", hazard_id, values.description[:80])
        return hazard_id, notes

    hazard_id, notes = session.write(job)
    return Saved(hazard_id, Changes.of(INSPECTIONS, HAZARDS, SITES), tuple(notes))


class FinishedSummary(dict[str, Any]):
    """A finished inspection's summary (a plain dict to the CLI and its JSON) and what changed."""

    changes = Changes.of(INSPECTIONS, HAZARDS, SITES)


def finish_inspection(session: Session, inspection_id: str) -> FinishedSummary:
    """End the inspection: its draft hazards become ``open``; returns the summary."""
    from .inspection_views import inspection_summary

    def job(tx: WriteTx) -> None:
        load_for_write(tx, session, inspection_id)
        for (hazard_id,) in tx.conn.execute(
                "SELECT id FROM hazard WHERE inspection_id = ? AND deleted = 0 AND status = ?",
                (inspection_id, hs.DRAFT)).fetchall():
            record_event(tx, hazard_id, hs.EventKind.PUBLISHED)
        tx.update("inspection", inspection_id, {"status": FINISHED, "ended_at": tx.now_iso})
        tx.audit("inspection_finished", "inspection", inspection_id)

    session.write(job)
    return FinishedSummary(inspection_summary(session, inspection_id))


def discard_inspection(session: Session, inspection_id: str) -> Changes:
    """Throw away an unfinished inspection with its results and draft hazards (tombstones)."""

    def job(tx: WriteTx) -> None:
        load_for_write(tx, session, inspection_id)
        for table, status in (("inspection_result", None), ("hazard", hs.DRAFT)):
            sql = f"SELECT id FROM {table} WHERE inspection_id = ? AND deleted = 0"
            params: list[object] = [inspection_id]
            if status:
                sql += " AND status = ?"
                params.append(status)
            for (row_id,) in tx.conn.execute(sql, params).fetchall():
                tx.update(table, row_id, {"deleted": 1})
        tx.update("inspection", inspection_id, {"deleted": 1})
        tx.audit("inspection_discarded", "inspection", inspection_id)

    session.write(job)
    return Changes.of(INSPECTIONS, HAZARDS, SITES)
