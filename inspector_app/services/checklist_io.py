"""Checklist templates in and out: JSON (the resources/checklists format) and .xlsx.

A file is checked completely before anything is written; every problem is reported with
the field it is in (``items[3].text: missing``, ``检查项 第 5 行 重大隐患: …``), and a
file with any problem imports nothing. Importing the same template twice does nothing
the second time; a template whose code and version exist with other content comes in as
the next version (said so), never over the existing one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DomainError
from ..core.ids import seeded_id
from ..store.store import WriteTx, write_atomic
from .changes import CHECKLISTS, Changes, Notice
from .checklist_drafts import (  # noqa: F401 - the format's names, re-exported
    FORMAT,
    LIMITS,
    Problem,
    TemplateError,
    draft_to_dict,
    parse_template,
    validate_draft,
)
from .checklists import (
    ItemDraft,
    TemplateDraft,
    _require_editor,
    draft_of,
    get_template,
    next_version,
    write_template,
)
from .session import Session


@dataclass(frozen=True)
class ImportedTemplate:
    code: str
    version: int
    id: str
    outcome: str  # "imported" | "skipped"
    message: Notice


# --------------------------------------------------------------------------- checking

def read_template_file(path: Path | str) -> list[TemplateDraft]:
    """Every template in a .json (one object, a list, or ``{"format":1,"templates":[…]}``)
    or .xlsx file; raises ``TemplateError`` / ``DomainError`` and reads nothing on a problem."""
    path = Path(path)
    try:
        head = path.read_bytes()[:4]
    except OSError as exc:
        raise DomainError(f"cannot read {path.name}: {exc.strerror or exc}",
                          f"无法读取文件 {path.name}：{exc.strerror or exc}", code="unreadable_file") from None
    if head.startswith(b"PK\x03\x04") or head == b"\xd0\xcf\x11\xe0":  # .xlsx, or a legacy .xls
        from .checklist_xlsx import read_xlsx_template

        return [read_xlsx_template(path)]
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DomainError(f"{path.name} is not UTF-8 text", f"{path.name} 不是 UTF-8 文本",
                          code="bad_template") from None
    except json.JSONDecodeError as exc:
        raise DomainError(f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                          f"{path.name} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
                          code="bad_template") from None
    if isinstance(data, dict) and "templates" in data:
        if data.get("format") != FORMAT:
            raise TemplateError([("format", f"unknown format version {data.get('format')!r}",
                                  f"未知的格式版本 {data.get('format')!r}")])
        data = data["templates"]
    listed = data if isinstance(data, list) else [data]
    drafts, problems = [], []
    for i, item in enumerate(listed):
        try:
            drafts.append(parse_template(item, f"templates[{i}]" if isinstance(data, list) else ""))
        except TemplateError as exc:
            problems.extend(exc.problems)
    if problems:
        raise TemplateError(problems)
    return drafts


def _digest(draft: TemplateDraft) -> str:
    body = {k: v for k, v in draft_to_dict(draft).items() if k != "version"}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def import_templates(session: Session, path: Path | str) -> tuple[list[ImportedTemplate], Changes]:
    """Import every template of a file in one transaction (all or nothing).

    Ids are derived from code, version and content, so two devices importing the same file
    make the same rows and a sync never duplicates them.
    """
    _require_editor(session)
    drafts = read_template_file(path)

    def job(tx: WriteTx) -> list[ImportedTemplate]:
        done = []
        for draft in drafts:
            digest = _digest(draft)
            same = _find_same(tx, draft.code, digest)
            if same is not None:
                done.append(ImportedTemplate(draft.code, same[1], same[0], "skipped", Notice(
                    "same_content", f"already present as version {same[1]}; not imported again",
                    f"已有相同内容的版本 {same[1]}，未重复导入")))
                continue
            wanted = draft.version
            taken = wanted and tx.conn.execute(
                "SELECT 1 FROM checklist_template WHERE code = ? AND version = ?",
                (draft.code, wanted)).fetchone()
            draft.version = next_version(tx.conn, draft.code) if (not wanted or taken) else wanted
            tid = seeded_id("checklist-import", draft.code, f"{draft.version}:{digest}")
            write_template(tx, draft, template_id=tid,
                           item_id=lambda item, tid=tid: seeded_id("checklist-import-item", f"{tid}/{item.code}"))
            message = Notice(
                "renumbered" if taken else "imported",
                f"imported as version {draft.version}"
                + (f" (version {wanted} exists with other content)" if taken else ""),
                f"已导入为版本 {draft.version}" + (f"（版本 {wanted} 已存在且内容不同）" if taken else ""))
            tx.audit("checklist_imported", "checklist", tid, f"{draft.code} v{draft.version}")
            done.append(ImportedTemplate(draft.code, draft.version, tid, "imported", message))
        return done

    done = session.write(job)
    changed = any(d.outcome == "imported" for d in done)
    return done, Changes.of(CHECKLISTS) if changed else Changes()


def _find_same(tx: WriteTx, code: str, digest: str) -> tuple[str, int] | None:
    """A live version of ``code`` with exactly this content, if any."""
    for tid, version in tx.conn.execute(
            "SELECT id, version FROM checklist_template WHERE code = ? AND deleted = 0 ORDER BY version",
            (code,)).fetchall():
        if _digest(_draft_in_tx(tx, tid)) == digest:
            return tid, version
    return None


def _draft_in_tx(tx: WriteTx, template_id: str) -> TemplateDraft:
    t = tx.conn.execute("SELECT code, sector, also_sectors, title, title_en, basis_note FROM "
                        "checklist_template WHERE id = ?", (template_id,)).fetchone()
    items = [ItemDraft(text=r[1], code=r[0], basis=r[2], major=bool(r[3]), default_days=r[4], hint=r[5])
             for r in tx.conn.execute(
                 "SELECT code, text, basis, major, default_days, hint FROM checklist_item "
                 "WHERE template_id = ? AND deleted = 0 ORDER BY position, code", (template_id,))]
    return TemplateDraft(code=t[0], sector=t[1], title=t[3], items=items,
                         also_sectors=json.loads(t[2] or "[]"), title_en=t[4], basis_note=t[5])


def export_template(session: Session, template_id: str, path: Path | str) -> Path:
    """Write one template as .json or .xlsx (by the file's suffix); readable by the import."""
    path = Path(path)
    t = get_template(session, template_id)
    draft = draft_of(session, t.id)
    draft.version = t.version
    if path.suffix.lower() == ".xlsx":
        from .checklist_xlsx import xlsx_bytes

        data = xlsx_bytes(draft)
    else:
        data = (json.dumps(draft_to_dict(draft), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise DomainError(f"cannot write {path}: {exc.strerror or exc}",
                          f"无法写入文件 {path}：{exc.strerror or exc}", code="write_failed") from None
    return path
