"""A checklist template as the editor and the files hold it, and the checks it must pass.

The draft types and their validation stand apart from the store operations
(``checklists``) and the file formats (``checklist_io``, ``checklist_xlsx``), which both
use them: each of those imports this module, and this module imports neither.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..core.errors import DomainError
from ..core.sectors import resolve_sector
from ..core.validation import strip_control


@dataclass
class ItemDraft:
    """One item as the template editor holds it (``id`` of the version it came from)."""

    text: str
    code: str | None = None  # None: numbered automatically (prefix of the others + next number)
    basis: str | None = None
    major: bool = False
    default_days: int | None = None
    hint: str | None = None
    id: str | None = None


@dataclass
class TemplateDraft:
    code: str
    sector: str
    title: str
    items: list[ItemDraft] = field(default_factory=list)
    also_sectors: list[str] = field(default_factory=list)
    title_en: str | None = None
    basis_note: str | None = None
    version: int | None = None  # None: next free version of the code


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
