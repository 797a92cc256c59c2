"""Checklist templates: list, show, suggest for a site, and edit by making a new version.

Templates are versioned by ``code``: an edit never changes a template in place, it adds
version n+1 with new item ids, so an inspection keeps the exact items it was run with
(its results point at those item ids). Lists show the newest live version of each code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from ..core import permissions
from ..core.errors import NotFound
from ..core.ids import uuid7
from ..core.permissions import Action
from ..store.store import WriteTx
from .changes import CHECKLISTS, Changes, Notice, Saved
from .checklist_drafts import (  # noqa: F401 - ItemDraft, TemplateDraft re-exported
    ItemDraft,
    TemplateDraft,
    TemplateError,
    draft_to_dict,
    validate_draft,
)
from .session import Session

_TEMPLATE_SQL = """
SELECT t.id, t.code, t.sector, t.also_sectors, t.version, t.title, t.title_en, t.basis_note,
       t.deleted,
       (SELECT count(*) FROM checklist_item i WHERE i.template_id = t.id AND i.deleted = 0) AS item_count,
       (SELECT max(version) FROM checklist_template t2 WHERE t2.code = t.code AND t2.deleted = 0)
         AS latest_version
FROM checklist_template t
"""


@dataclass(frozen=True)
class TemplateRow:
    id: str
    code: str
    sector: str
    also_sectors: tuple[str, ...]
    version: int
    title: str
    title_en: str | None
    basis_note: str | None
    item_count: int
    latest: bool
    deleted: bool = False


def _row(r) -> TemplateRow:  # sqlite3.Row
    return TemplateRow(
        id=r["id"], code=r["code"], sector=r["sector"],
        also_sectors=tuple(json.loads(r["also_sectors"] or "[]")), version=r["version"],
        title=r["title"], title_en=r["title_en"], basis_note=r["basis_note"],
        item_count=r["item_count"], latest=r["version"] == r["latest_version"],
        deleted=bool(r["deleted"]),
    )


# --------------------------------------------------------------------------- reading
def list_templates(
    session: Session, *, all_versions: bool = False, sector: str | None = None,
) -> list[TemplateRow]:
    """Newest live version of each template (every live version with ``all_versions``)."""
    rows = [_row(r) for r in session.store.read().execute(
        _TEMPLATE_SQL + " WHERE t.deleted = 0 ORDER BY t.sector, t.code, t.version")]
    if not all_versions:
        rows = [r for r in rows if r.latest]
    if sector:
        rows = [r for r in rows if sector == r.sector or sector in r.also_sectors]
    return rows


def get_template(session: Session, template_id: str) -> TemplateRow:
    """A template by id (any version, even a deleted one) or by code (newest version)."""
    conn = session.store.read()
    r = conn.execute(_TEMPLATE_SQL + " WHERE t.id = ?", (template_id,)).fetchone()
    if r is None:
        r = conn.execute(_TEMPLATE_SQL + " WHERE t.code = ? AND t.deleted = 0 ORDER BY t.version DESC"
                         " LIMIT 1", (template_id,)).fetchone()
    if r is None:
        raise NotFound(f"no checklist {template_id}", f"找不到检查表（{template_id}）")
    return _row(r)


def template_items(session: Session, template_id: str) -> list[ItemDraft]:
    return [
        ItemDraft(text=r["text"], code=r["code"], basis=r["basis"], major=bool(r["major"]),
                  default_days=r["default_days"], hint=r["hint"], id=r["id"])
        for r in session.store.read().execute(
            "SELECT id, code, text, basis, major, default_days, hint FROM checklist_item"
            " WHERE template_id = ? AND deleted = 0 ORDER BY position, code", (template_id,))
    ]


def template_details(session: Session, template_id: str) -> dict:
    """Everything about one template as plain data (``checklist show --json``, exports)."""
    t = get_template(session, template_id)
    return {
        "id": t.id, "code": t.code, "sector": t.sector, "also_sectors": list(t.also_sectors),
        "version": t.version, "latest": t.latest, "title": t.title, "title_en": t.title_en,
        "basis_note": t.basis_note, "item_count": t.item_count,
        "items": [{"id": i.id, "code": i.code, "text": i.text, "basis": i.basis, "major": i.major,
                   "default_days": i.default_days, "hint": i.hint}
                  for i in template_items(session, t.id)],
    }


def template_versions(session: Session, code: str) -> list[TemplateRow]:
    return [_row(r) for r in session.store.read().execute(
        _TEMPLATE_SQL + " WHERE t.code = ? ORDER BY t.version", (code,))]


def suggest_templates(session: Session, site_id: str) -> list[TemplateRow]:
    """Newest templates for the site's sectors: main-sector matches first, then those that
    list one of the sectors under ``also_sectors``."""
    row = session.store.read().execute(
        "SELECT sectors FROM site WHERE id = ? AND deleted = 0", (site_id,)).fetchone()
    if row is None:
        raise NotFound(f"no site with id {site_id}", f"找不到场所（编号 {site_id}）")
    sectors = json.loads(row[0] or "[]")
    templates = list_templates(session)
    main = [t for s in sectors for t in templates if t.sector == s]
    also = [t for t in templates if t not in main and set(t.also_sectors) & set(sectors)]
    return list(dict.fromkeys(main + also))


def draft_of(session: Session, template_id: str) -> TemplateDraft:
    """An editable copy of a template (for the editor; save with ``save_new_version``)."""
    t = get_template(session, template_id)
    return TemplateDraft(
        code=t.code, sector=t.sector, title=t.title, items=template_items(session, t.id),
        also_sectors=list(t.also_sectors), title_en=t.title_en, basis_note=t.basis_note,
    )


# --------------------------------------------------------------------------- writing
def _require_editor(session: Session) -> None:
    permissions.require(session.user, Action.MANAGE_TEMPLATES)


def _number_items(items: list[ItemDraft]) -> list[ItemDraft]:
    """Give items without a code the next code of the common prefix (NS-16 after NS-15)."""
    codes = [i.code for i in items if i.code]
    prefix, width, top = "X", 2, 0
    for code in codes:
        m = re.match(r"^(.*?)(\d+)$", code)
        if m:
            prefix, width, top = m.group(1), len(m.group(2)), max(top, int(m.group(2)))
    out = []
    for item in items:
        if not item.code:
            top += 1
            item = replace(item, code=f"{prefix}{top:0{width}d}")
        out.append(item)
    return out


def next_version(conn, code: str) -> int:
    return (conn.execute("SELECT max(version) FROM checklist_template WHERE code = ?",
                         (code,)).fetchone()[0] or 0) + 1


def write_template(tx: WriteTx, draft: TemplateDraft, *, template_id: str | None = None,
                   item_id=None) -> str:
    """Insert a validated draft as a template with its items (inside a write job)."""
    version = draft.version or next_version(tx.conn, draft.code)
    tid = tx.insert("checklist_template", {
        "id": template_id or uuid7(), "code": draft.code, "sector": draft.sector,
        "also_sectors": json.dumps(list(draft.also_sectors), ensure_ascii=False),
        "version": version, "title": draft.title, "title_en": draft.title_en,
        "basis_note": draft.basis_note,
    })
    for pos, item in enumerate(draft.items, start=1):
        tx.insert("checklist_item", {
            "id": item_id(item) if item_id else uuid7(), "template_id": tid, "position": pos,
            "code": item.code, "text": item.text, "basis": item.basis, "major": int(item.major),
            "default_days": item.default_days, "hint": item.hint,
        })
    return tid


def _same_content(session: Session, template_id: str, draft: TemplateDraft) -> bool:
    current = draft_to_dict(draft_of(session, template_id))
    return draft_to_dict(draft) == current


def save_new_version(session: Session, template_id: str, draft: TemplateDraft) -> Saved:
    """Save an edited template as the next version of its code (the old one stays as it was).

    Items may be added, removed, reordered (list order is the new order), edited, marked
    major or given a basis. An unchanged draft makes no new version.
    """
    _require_editor(session)
    base = get_template(session, template_id)
    draft = validate_draft(replace(draft, code=base.code, version=None,
                                   items=_number_items(list(draft.items))))
    if _same_content(session, base.id, draft):
        return Saved(base.id, Changes(), (Notice("unchanged", "nothing changed; no new version",
                                                 "内容没有变化，未生成新版本"),))

    def job(tx: WriteTx) -> str:
        draft.version = next_version(tx.conn, draft.code)
        tid = write_template(tx, draft)
        tx.audit("checklist_version", "checklist", tid, f"{draft.code} v{draft.version}")
        return tid

    return Saved(session.write(job), Changes.of(CHECKLISTS))


def create_template(session: Session, draft: TemplateDraft) -> Saved:
    """A new template (a new code, version 1)."""
    _require_editor(session)
    draft = validate_draft(replace(draft, version=None, items=_number_items(list(draft.items))))
    if session.store.read().execute("SELECT 1 FROM checklist_template WHERE code = ?",
                                    (draft.code,)).fetchone():
        raise TemplateError([("code", f"a checklist with code {draft.code!r} exists; edit it instead",
                              f"已有代码为“{draft.code}”的检查表，请在其上修改")])

    def job(tx: WriteTx) -> str:
        tid = write_template(tx, draft)
        tx.audit("checklist_created", "checklist", tid, draft.code)
        return tid

    return Saved(session.write(job), Changes.of(CHECKLISTS))


def delete_template(session: Session, template_id: str) -> Changes:
    """Retire one version (tombstone). Inspections that used it still show it."""
    _require_editor(session)
    t = get_template(session, template_id)

    def job(tx: WriteTx) -> None:
        tx.update("checklist_template", t.id, {"deleted": 1})
        tx.audit("checklist_deleted", "checklist", t.id, f"{t.code} v{t.version}")

    session.write(job)
    return Changes.of(CHECKLISTS)
