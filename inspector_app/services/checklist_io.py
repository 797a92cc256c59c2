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
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..core.errors import DomainError
from ..core.ids import seeded_id
from ..core.sectors import resolve_sector
from ..core.validation import strip_control
from ..store.store import WriteTx, write_atomic
from .changes import CHECKLISTS, Changes, Notice
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

FORMAT = 1
TOP_KEYS = ("format", "code", "version", "sector", "also_sectors", "title", "title_en",
            "basis_note", "items")
ITEM_KEYS = ("code", "text", "basis", "major", "default_days", "hint")
REQUIRED_TOP = ("format", "code", "sector", "title", "items")
REQUIRED_ITEM = ("code", "text")
LIMITS = {"code": 60, "title": 200, "title_en": 200, "basis_note": 2000, "text": 1000,
          "basis": 1000, "hint": 1000, "item_code": 20}

Problem = tuple[str, str, str]  # (field path, English, Chinese)


class TemplateError(DomainError):
    """A checklist file or draft with problems; ``problems`` lists each with its field."""

    code = "bad_template"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = problems[:8]
        more = len(problems) - len(shown)
        en = "; ".join(f"{p}: {e}" for p, e, _ in shown) + (f"; … {more} more" if more > 0 else "")
        zh = "；".join(f"{p}：{z}" for p, _, z in shown) + (f"；……另有 {more} 处" if more > 0 else "")
        super().__init__(f"checklist not imported ({len(problems)} problems): {en}",
                         f"检查表未导入（{len(problems)} 处问题）：{zh}")


@dataclass(frozen=True)
class ImportedTemplate:
    code: str
    version: int
    id: str
    outcome: str  # "imported" | "skipped"
    message: Notice


# --------------------------------------------------------------------------- checking
def _text(data: dict, key: str, path: str, problems: list[Problem], *, required: bool,
          limit: int) -> str | None:
    value = data.get(key)
    if isinstance(value, str):
        value = strip_control(value)  # an export of the template must never fail on one
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append((path, "missing", "缺少此项"))
        return None
    if not isinstance(value, str):
        problems.append((path, f"must be text, not {type(value).__name__}", "应为文字"))
        return None
    if len(value.strip()) > limit:
        problems.append((path, f"too long (at most {limit} characters)", f"太长（最多 {limit} 个字）"))
    return value.strip()


def _sector(value: Any, path: str, problems: list[Problem]) -> str | None:
    sector = resolve_sector(value) if isinstance(value, str) and value.strip() else None
    if sector is None:
        problems.append((path, f"unknown sector {value!r}", f"未知行业“{value}”"))
        return None
    return sector.code


def parse_template(data: Any, where: str = "", rows: dict[int, str] | None = None) -> TemplateDraft:
    """A draft from a template object; raises ``TemplateError`` listing every problem.

    ``rows`` names item positions differently (the .xlsx importer passes sheet rows).
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise TemplateError([(where or "template", "must be an object", "应为模板对象")])
    p = (where + ".") if where else ""
    for key in data:
        if key not in TOP_KEYS:
            problems.append((f"{p}{key}", "unknown field", "不认识的字段"))
    for key in REQUIRED_TOP:
        if key not in data:
            problems.append((f"{p}{key}", "missing", "缺少此项"))
    fmt = data.get("format")
    if "format" in data and (not isinstance(fmt, int) or isinstance(fmt, bool) or fmt != FORMAT):
        problems.append((f"{p}format", f"unknown format version {fmt!r} (this app reads {FORMAT})",
                         f"未知的格式版本 {fmt!r}（本程序支持 {FORMAT}）"))
    version = data.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool) or version < 1):
        problems.append((f"{p}version", "must be a whole number from 1", "应为不小于 1 的整数"))
        version = None
    code = _text(data, "code", f"{p}code", problems, required="code" in data, limit=LIMITS["code"])
    title = _text(data, "title", f"{p}title", problems, required="title" in data, limit=LIMITS["title"])
    title_en = _text(data, "title_en", f"{p}title_en", problems, required=False, limit=LIMITS["title_en"])
    note = _text(data, "basis_note", f"{p}basis_note", problems, required=False, limit=LIMITS["basis_note"])
    sector = _sector(data["sector"], f"{p}sector", problems) if "sector" in data else None
    also_raw = data.get("also_sectors") or []
    also: list[str] = []
    if not isinstance(also_raw, list):
        problems.append((f"{p}also_sectors", "must be a list", "应为行业列表"))
    else:
        for i, s in enumerate(also_raw):
            code_ = _sector(s, f"{p}also_sectors[{i}]", problems)
            if code_ and code_ != sector and code_ not in also:
                also.append(code_)
    items: list[ItemDraft] = []
    raw_items = data.get("items")
    if "items" in data and (not isinstance(raw_items, list) or not raw_items):
        problems.append((f"{p}items", "must be a non-empty list", "至少要有一个检查项"))
    seen: dict[str, str] = {}
    for i, item in enumerate(raw_items if isinstance(raw_items, list) else []):
        ip = (rows or {}).get(i, f"{p}items[{i}]")
        parsed = _parse_item(item, ip, problems)
        if parsed is None:
            continue
        if parsed.code in seen:
            problems.append((f"{ip}.code", f"duplicate item code {parsed.code!r} (also {seen[parsed.code]})",
                             f"检查项编号“{parsed.code}”重复（另见 {seen[parsed.code]}）"))
        seen.setdefault(parsed.code or "", ip)
        items.append(parsed)
    if problems:
        raise TemplateError(problems)
    return TemplateDraft(code=code or "", sector=sector or "", title=title or "", items=items,
                         also_sectors=also, title_en=title_en, basis_note=note, version=version)


def _parse_item(item: Any, ip: str, problems: list[Problem]) -> ItemDraft | None:
    if not isinstance(item, dict):
        problems.append((ip, "must be an object", "应为检查项对象"))
        return None
    for key in item:
        if key not in ITEM_KEYS and key != "id":
            problems.append((f"{ip}.{key}", "unknown field", "不认识的字段"))
    code = _text(item, "code", f"{ip}.code", problems, required=True, limit=LIMITS["item_code"])
    text = _text(item, "text", f"{ip}.text", problems, required=True, limit=LIMITS["text"])
    basis = _text(item, "basis", f"{ip}.basis", problems, required=False, limit=LIMITS["basis"])
    hint = _text(item, "hint", f"{ip}.hint", problems, required=False, limit=LIMITS["hint"])
    major = item.get("major", False)
    if not isinstance(major, bool):
        problems.append((f"{ip}.major", "must be true or false", "应为 是/否"))
        major = False
    days = item.get("default_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365):
        problems.append((f"{ip}.default_days", "must be a number of days from 0 to 365",
                         "应为 0 到 365 之间的天数"))
        days = None
    return ItemDraft(text=text or "", code=code, basis=basis, major=major, default_days=days, hint=hint)


def draft_to_dict(draft: TemplateDraft) -> dict[str, Any]:
    """The resources/checklists shape (format 1) of a draft; version only when set."""
    data: dict[str, Any] = {"format": FORMAT, "code": draft.code}
    if draft.version:
        data["version"] = draft.version
    data.update(sector=draft.sector, also_sectors=list(draft.also_sectors), title=draft.title,
                title_en=draft.title_en, basis_note=draft.basis_note)
    data["items"] = [{k: v for k, v in asdict(i).items() if k != "id"} for i in draft.items]
    return data


def validate_draft(draft: TemplateDraft) -> TemplateDraft:
    """The same checks as an import, for what the template editor produced."""
    data = draft_to_dict(draft)
    data = {k: v for k, v in data.items() if v is not None}
    data["items"] = [{k: v for k, v in i.items() if v is not None} for i in data["items"]]
    parsed = parse_template(data)
    parsed.version = draft.version
    return parsed


# --------------------------------------------------------------------------- files
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
