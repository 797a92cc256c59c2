"""From spreadsheet rows to site candidates: header row, cell values, per-row checks.

Pure (no database): everything here can be shown in a preview before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from ..core.column_mapping import (
    ColumnMapping,
    candidates,
    is_exact_header,
    map_columns,
    normalize_header,
    recognised_count,
)
from ..core.entities import SiteInput
from ..core.errors import DomainError, ValidationError
from ..core.validation import strip_control
from .changes import Notice
from .sites import _validate as validate_site_input

HEADER_SCAN_ROWS = 30
_SPLIT_SECTORS = re.compile(r"[、,，;；/／|]+")
_TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计)")


@dataclass
class Candidate:
    """One data row, checked and shaped for the store (or rejected with reasons)."""

    row: int
    values: dict[str, str]  # field -> text as read (for previews and reports)
    site: dict[str, object] = field(default_factory=dict)
    unit: dict[str, object] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    rejected: list[Notice] = field(default_factory=list)
    key: tuple[str, str] = ("", "")  # name and address as compared for duplicates

    @property
    def name(self) -> str | None:
        return self.values.get("name")

    def given(self, field_code: str) -> bool:
        return bool(self.values.get(field_code))


def cell_text(value: object) -> str | None:
    """A cell as text: numbers without a spurious ``.0``, dates as ISO dates; control
    characters (a stray NUL or ESC from another program) are dropped."""
    if value is None:
        return None
    if isinstance(value, str):
        text = strip_control(value).strip()
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    elif isinstance(value, (date, time)):
        text = value.isoformat()
    else:
        text = str(value).strip()
    return text or None


def find_header_row(rows: list[tuple[int, list[object]]], explicit: dict[str, str]) -> tuple[int, list[object]] | None:
    """The first row that names two known columns (or every ``--map`` header); failing
    that, the first row with an exact name header (a one-column list of names)."""
    wanted = {normalize_header(c) for c in explicit if not re.fullmatch(r"[A-Za-z]{1,3}", c.strip())}
    for number, values in rows:
        names = {normalize_header(v) for v in values if v is not None}
        if wanted and wanted <= names:
            return number, values
        if recognised_count(values) >= 2:
            return number, values
    for number, values in rows:
        if any(is_exact_header(v) and candidates(v)[:1] == ["name"] for v in values):
            return number, values
    return None


def combine_two_level(top: list[object], below: list[object]) -> list[object] | None:
    """A second header row (联系方式 → 联系人 | 电话) under the first, merged into one.

    Only exact column names count here: a data row such as ``九小场所 | 东村网格`` must not
    pass for a header.
    """
    width = max(len(top), len(below))
    new = other = 0
    for i, b in enumerate(below):
        t = top[i] if i < len(top) else None
        if b in (None, ""):
            continue
        if b == t:  # a header cell merged down over both rows
            continue
        if is_exact_header(b):
            new += 1
        else:
            other += 1
    if new < 2 or other:
        return None
    out: list[object] = []
    for i in range(width):
        b = below[i] if i < len(below) else None
        t = top[i] if i < len(top) else None
        out.append(b if b not in (None, "") else t)
    return out


def mapped_values(values: list[object], mapping: ColumnMapping) -> dict[str, object]:
    return {f: values[i] for i, f in mapping.fields.items() if i < len(values) and values[i] not in (None, "")}


def parse_risk(text: str) -> str | None:
    t = unicodedata.normalize("NFKC", text).strip().lower()
    colours = [c for ch, c in (("红", "red"), ("橙", "orange"), ("黄", "yellow"), ("蓝", "blue")) if ch in t]
    if len(colours) == 1:
        return colours[0]
    for words, colour in ((("重大",), "red"), (("较大",), "orange"), (("一般",), "yellow"),
                          (("低", "较低"), "blue")):
        if any(w in t for w in words):
            return colour
    return {"red": "red", "r": "red", "orange": "orange", "o": "orange", "yellow": "yellow",
            "y": "yellow", "blue": "blue", "b": "blue"}.get(t)


def _coordinate(text: str, low: float, high: float, label: str, c: Candidate) -> float | None:
    try:
        value = float(text.replace("°", "").strip())
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        zh = "纬度" if label == "latitude" else "经度"
        c.notices.append(Notice("bad_coordinate", f"{label} {text!r} is not a coordinate; left empty",
                                f"{zh}“{text}”无效，未导入"))
        return None
    return value


def build_candidate(number: int, raw: dict[str, object]) -> Candidate:
    """Check one row; a rejected candidate says why in ``rejected``."""
    values = {f: t for f, v in raw.items() if (t := cell_text(v))}
    c = Candidate(number, values)
    name = values.get("name")
    if not name:
        c.rejected.append(Notice("no_name", "no name in this row", "缺少名称"))
        return c
    if _TOTAL_ROW.match(name) and len(values) <= 2:
        c.rejected.append(Notice("total_row", f"{name!r} looks like a total line, not a site",
                                 f"“{name}”像是合计行，不是场所"))
        return c
    uscc = values.get("uscc")
    if isinstance(raw.get("uscc"), float) and abs(raw["uscc"]) >= 1e15:  # type: ignore[arg-type]
        c.notices.append(Notice(
            "uscc_number", "the USCC was stored as a number, so Excel dropped its last digits; "
            "re-type it as text", "统一社会信用代码在表格中被存成了数字，后几位已丢失，请按文本格式重新录入"))
    risk = None
    if values.get("risk_colour"):
        risk = parse_risk(values["risk_colour"])
        if risk is None:
            c.notices.append(Notice("unknown_risk", f"unknown risk level {values['risk_colour']!r}; left empty",
                                    f"无法识别的风险等级“{values['risk_colour']}”，未导入"))
    lat = _coordinate(values["lat"], -90, 90, "latitude", c) if values.get("lat") else None
    lon = _coordinate(values["lon"], -180, 180, "longitude", c) if values.get("lon") else None
    sectors = [s for s in _SPLIT_SECTORS.split(values.get("sector", "")) if s.strip()]
    data = SiteInput(
        name=name, unit_name=values.get("unit_name"), uscc=uscc, legal_rep=values.get("legal_rep"),
        sectors=sectors, address=values.get("address"), building=values.get("building"),
        landlord=values.get("landlord"), contact=values.get("contact"), phone=values.get("phone"),
        risk_colour=risk, lat=lat, lon=lon, notes=values.get("notes"),
    )
    try:
        c.site, c.unit, notices = validate_site_input(data)
    except DomainError as exc:
        c.rejected.append(Notice(exc.code, exc.en, exc.zh))
        return c
    if values.get("grid") and len(values["grid"]) > 200:
        c.rejected.append(Notice("too_long", "grid name is too long", "网格名称太长"))
    c.notices.extend(notices)
    c.key = (norm(c.site["name"]), norm(c.site.get("address")))
    return c


def norm(text: object) -> str:
    """Comparable form of a name or address: NFKC, no spaces, lower case."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def candidates_from_rows(
    rows: Iterator[tuple[int, list[object]]], mapping: ColumnMapping, header: list[object],
    blank: list[int],
) -> Iterator[Candidate]:
    """Candidates for the data rows; blank rows (and repeated header rows) are counted in ``blank``."""
    name_col = mapping.column_of("name")
    header_name = normalize_header(header[name_col]) if name_col is not None and name_col < len(header) else ""
    for number, values in rows:
        raw = mapped_values(values, mapping)
        if not raw or (header_name and normalize_header(raw.get("name")) == header_name):
            blank[0] += 1
            continue
        yield build_candidate(number, raw)


def detect_header(
    first_rows: list[tuple[int, list[object]]], explicit: dict[str, str], header_row: int | None,
) -> tuple[int, list[object], ColumnMapping]:
    """(number of the last header row, header cells, mapping); raises if no header is found."""
    if header_row == 0:  # no header: columns only by letter
        width = max((len(v) for _, v in first_rows), default=0)
        return 0, [None] * width, map_columns([None] * width, explicit)
    if header_row:
        chosen = next(((n, v) for n, v in first_rows if n == header_row), None)
    else:
        chosen = find_header_row(first_rows, explicit)
    if chosen is None:
        raise ValidationError(
            "no header row found: none of the first rows names a known column (名称, 地址, "
            "统一社会信用代码 …); name the columns with --map COLUMN=FIELD, and give the header "
            "row with --header-row N (0: no header)",
            "找不到表头：前几行中没有可识别的列名（如 名称、地址、统一社会信用代码），"
            "请用 --map 列=字段 指定，并用 --header-row N 指明表头所在行（0 表示没有表头）",
            code="no_header",
        )
    number, header = chosen
    following = next((v for n, v in first_rows if n == number + 1), None)
    if following is not None and not header_row:
        combined = combine_two_level(header, following)
        if combined is not None:
            number, header = number + 1, combined
    mapping = map_columns(header, explicit)
    if mapping.column_of("name") is None:
        raise ValidationError(
            "no column for the site name (名称/单位名称/场所名称); map one with --map COLUMN=name",
            "没有找到名称列（名称/单位名称/场所名称），请用 --map 列名=name 指定", code="no_name_column",
        )
    return number, header, mapping
