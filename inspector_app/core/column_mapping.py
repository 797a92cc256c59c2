"""Which spreadsheet column holds which site field, from its header (or ``--map``).

Registers come from many hands: 单位名称, 企业名称（全称）, 联系电话(手机), *名称 … A header is
normalised (NFKC, no spaces, no markers such as ``*`` or ``（必填）``) and looked up among
the synonyms below; a header that ends with a known one (经营场所地址 → 地址) is accepted
too. A header that fits several fields (负责人: contact or legal representative) goes to
the first of them that no other column claims.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .errors import ValidationError

# field code -> (Chinese label, synonyms in priority order); the label is a synonym too
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "site_id": ("编号", ("场所编号", "系统编号", "id", "siteid", "site_id")),
    "name": ("场所名称", (
        "名称", "场所", "店名", "门店名称", "商户名称", "店铺名称", "单位名称", "企业名称",
        "单位(场所)名称", "单位场所名称", "单位全称", "企业全称", "name", "sitename", "site",
    )),
    "unit_name": ("单位名称", (
        "企业名称", "所属单位", "法人单位", "单位全称", "企业全称", "unit", "unitname", "company",
    )),
    "uscc": ("统一社会信用代码", (
        "社会信用代码", "信用代码", "统一代码", "统一信用代码", "营业执照号", "营业执照号码",
        "注册号", "uscc", "creditcode", "socialcreditcode",
    )),
    "contact": ("联系人", (
        "负责人", "安全负责人", "安全管理人员", "联系人姓名", "contact", "contactperson",
    )),
    "legal_rep": ("法定代表人", (
        "法人", "法人代表", "主要负责人", "法定代表人/主要负责人", "法定代表人(负责人)",
        "经营者", "负责人", "legalrep", "legalrepresentative",
    )),
    "sector": ("行业", (
        "行业类别", "类别", "类型", "场所类型", "所属行业", "行业领域", "行业分类", "专项",
        "sector", "sectors", "industry", "category", "type",
    )),
    "address": ("地址", (
        "详细地址", "经营地址", "场所地址", "经营场所", "住所", "位置", "注册地址", "address",
    )),
    "grid": ("网格", ("所属网格", "网格名称", "网格编号", "grid", "gridname")),
    "building": ("楼栋", ("所在楼宇", "楼宇", "所在建筑", "建筑", "building")),
    "landlord": ("房东", ("业主", "出租人", "房主", "产权人", "landlord", "owner")),
    "phone": ("联系电话", (
        "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "phone", "tel", "telephone",
        "mobile",
    )),
    "risk_colour": ("风险等级", (
        "风险", "风险级别", "风险颜色", "风险分级", "等级", "risk", "risklevel", "riskcolour",
        "riskcolor", "risk_colour",
    )),
    "lat": ("纬度", ("lat", "latitude")),
    "lon": ("经度", ("lon", "lng", "longitude")),
    "notes": ("备注", ("说明", "notes", "note", "remarks", "remark", "comment")),
}
IGNORE_WORDS = ("-", "ignore", "skip", "忽略", "不导入")
_MARKERS = re.compile(r"[\s*★☆※:：_]+")
_PAREN = re.compile(r"\((必填|选填|可选|必须|非必填|全称|如有)\)")
_COLUMN_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


def normalize_header(text: object) -> str:
    """Comparable form of a header cell: NFKC, lower case, no spaces or markers."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _MARKERS.sub("", s)
    return _PAREN.sub("", s)


def _build_lookup() -> dict[str, list[str]]:
    lookup: dict[str, list[str]] = {}
    for code, (label, synonyms) in FIELDS.items():
        for word in (label, *synonyms):
            key = normalize_header(word)
            lookup.setdefault(key, [])
            if code not in lookup[key]:
                lookup[key].append(code)
    # 单位名称 alone means the site (registers rarely split site and unit); with a 场所名称
    # column next to it, it names the unit — handled by the greedy assignment below
    return lookup


_LOOKUP = _build_lookup()


def candidates(header: object) -> list[str]:
    """Fields a header may mean, best first (empty: not recognised)."""
    key = normalize_header(header)
    if not key:
        return []
    if key in _LOOKUP:
        return list(_LOOKUP[key])
    bare = re.sub(r"\(.*?\)", "", key)  # 联系电话(手机) -> 联系电话
    if bare and bare in _LOOKUP:
        return list(_LOOKUP[bare])
    # 经营场所地址 -> 地址; the longest known ending wins
    endings = sorted(
        (k for k in _LOOKUP if len(k) >= (3 if k.isascii() else 2) and key.endswith(k)),
        key=len, reverse=True,
    )
    return list(_LOOKUP[endings[0]]) if endings else []


def is_exact_header(header: object) -> bool:
    """True if ``header`` is a known column name as it stands (no partial match)."""
    key = normalize_header(header)
    return bool(key) and (key in _LOOKUP or re.sub(r"\(.*?\)", "", key) in _LOOKUP)


def resolve_field(text: str) -> str | None:
    """A field code from a code, a Chinese label or a synonym (for ``--map``)."""
    t = text.strip()
    if t in FIELDS:
        return t
    found = candidates(t)
    return found[0] if found else None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass
class ColumnMapping:
    """Column index -> field; which columns were left out and why."""

    fields: dict[int, str] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    unused: list[int] = field(default_factory=list)

    def column_of(self, field_code: str) -> int | None:
        return next((i for i, f in self.fields.items() if f == field_code), None)

    def describe(self) -> dict[str, str]:
        """``{"B 单位名称": "name", …}`` for reports."""
        return {self.label(i): f for i, f in sorted(self.fields.items())}

    def unused_labels(self) -> list[str]:
        return [self.label(i) for i in self.unused]

    def label(self, index: int) -> str:
        header = self.headers[index] if index < len(self.headers) else ""
        return f"{column_letter(index)} {header}".strip()


def parse_map_options(options: list[str] | None) -> dict[str, str]:
    """``["电话号码=phone", "C=name", "序号=-"]`` -> {column: field or "-"}."""
    result: dict[str, str] = {}
    for option in options or []:
        column, sep, target = option.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise ValidationError(
                f"--map needs COLUMN=FIELD, not {option!r}",
                f"--map 的格式是 列名=字段，例如 “电话号码=phone”，而不是“{option}”", code="bad_map",
            )
        code = "-" if target.strip().lower() in IGNORE_WORDS else resolve_field(target)
        if code is None:
            raise ValidationError(
                f"--map {option}: unknown field {target!r}; fields: {', '.join(FIELDS)}",
                f"--map {option}：未知字段“{target}”，可用字段：{', '.join(FIELDS)}",
                code="bad_map",
            )
        result[column.strip()] = code
    return result


def recognised_count(headers: list[object]) -> int:
    return sum(1 for h in headers if candidates(h))


def map_columns(headers: list[object], explicit: dict[str, str] | None = None) -> ColumnMapping:
    """Decide the field of each column. ``explicit`` (from ``--map``) wins over headers.

    An explicit column is a header text or a column letter (A, B … AA); a target of ``-``
    leaves the column out.
    """
    texts = ["" if h is None else str(h).strip() for h in headers]
    mapping = ColumnMapping(headers=texts)
    taken: set[str] = set()
    fixed: dict[int, str] = {}
    for column, target in (explicit or {}).items():
        key = normalize_header(column)
        index = next((i for i, t in enumerate(texts) if key and normalize_header(t) == key), None)
        if index is None and _COLUMN_LETTERS.match(column.strip()):
            index = column_index(column.strip())
        if index is None:
            shown = "、".join(t for t in texts if t) or "-"
            raise ValidationError(
                f"--map: no column {column!r} in the file (columns: {shown})",
                f"--map：文件中没有“{column}”这一列（现有列：{shown}）", code="bad_map",
            )
        fixed[index] = target
        if target != "-":
            taken.add(target)
    for index, target in fixed.items():
        if target != "-":
            mapping.fields[index] = target
    # single-meaning headers first, so an ambiguous one gets what is left
    options = {i: candidates(t) for i, t in enumerate(texts) if i not in fixed}
    for index in sorted(options, key=lambda i: (len(options[i]) != 1, i)):
        choice = next((f for f in options[index] if f not in taken), None)
        if choice is not None:
            mapping.fields[index] = choice
            taken.add(choice)
    width = max(len(texts), max(mapping.fields, default=-1) + 1)
    mapping.unused = [
        i for i in range(width)
        if i not in mapping.fields and (i < len(texts) and texts[i] or i in fixed)
    ]
    return mapping
