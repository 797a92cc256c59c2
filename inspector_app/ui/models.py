"""Table models over id lists: nothing is built per row until a view asks for it.

A model holds only the ordered ids from ``list_*_ids`` (100,000 strings are a few MB) and
fetches the rows a view actually paints with ``*_rows`` in pages of ``PAGE`` ids, keeping at
most ``CACHE_ROWS`` of them in an LRU cache. Sorting and filtering re-query the ids through
the service's own sort keys and filter objects, so the database does the work.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..core.entities import HazardRow, SiteRow
from ..services import hazards, sites
from ..services.hazards import HazardFilter
from ..services.sites import SiteFilter
from . import labels
from .context import AppContext
from .qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    translate,
)

R = TypeVar("R", SiteRow, HazardRow)
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
DECORATION = Qt.ItemDataRole.DecorationRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text, marked for lupdate with QT_TRANSLATE_NOOP("Models", …)
    sort_key: str | None  # the service's sort key; None: not sortable
    width: int
    fit: Callable[[], list[str]] | None = None  # every text it can show: sized to the widest


class IdTableModel(QAbstractTableModel, Generic[R]):
    """Base: ids in display order, rows fetched lazily page by page."""

    PAGE = 200
    CACHE_ROWS = 2000
    columns: tuple[Column, ...] = ()
    default_sort: tuple[str, bool] = ("created", True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._ids: list[str] = []
        self._pos: dict[str, int] | None = None
        self._cache: OrderedDict[str, R] = OrderedDict()
        self.sort_key, self.descending = self.default_sort
        self.fetches = 0  # how many page queries ran (tests and benchmarks read it)
        self._held, self._pending = False, False

    # ------------------------------------------------------------------ subclass hooks
    def list_ids(self) -> list[str]:
        raise NotImplementedError

    def fetch_rows(self, ids: list[str]) -> list[R]:
        raise NotImplementedError

    def cell(self, row: R, column: Column, role: int) -> Any:
        raise NotImplementedError

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return translate("Models", self.columns[section].title)
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role not in (DISPLAY, TOOLTIP, FOREGROUND, DECORATION, ALIGN, ID_ROLE):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == DISPLAY and index.column() == 0 else None
        return self.cell(row, self.columns[index.column()], role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload(keep_cache=True)

    # ------------------------------------------------------------------ ids and rows
    def reload(self, keep_cache: bool = False) -> None:
        """Query the ids again (after a filter, a sort or a change in the store)."""
        if self._held:
            self._pending = True
            return
        self.beginResetModel()
        self._ids = self.list_ids()
        self._pos = None
        if not keep_cache:
            self._cache.clear()
        self.endResetModel()

    def hold(self) -> None:
        """Stay empty until :meth:`release`: a page's model waits until the page is first
        shown, so start-up does not query 100,000 ids for a page nobody has opened."""
        self._held, self._pending = True, True

    def release(self) -> None:
        """Start querying (the page is shown or a record in it is asked for)."""
        if self._held:
            self._held = False
            if self._pending:
                self.reload()

    @property
    def ids(self) -> list[str]:
        return self._ids

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        """Position of an id, or -1 (the index map is built on first use, once per reload)."""
        if self._pos is None:
            self._pos = {rid: i for i, rid in enumerate(self._ids)}
        return self._pos.get(record_id, -1)

    def row_at(self, row: int) -> R | None:
        record_id = self._ids[row]
        hit = self._cache.get(record_id)
        if hit is not None:
            self._cache.move_to_end(record_id)
            return hit
        self._fetch_page(row)
        return self._cache.get(record_id)

    def record(self, record_id: str) -> R | None:
        row = self.row_of(record_id)
        return self.row_at(row) if row >= 0 else None

    def _fetch_page(self, row: int) -> None:
        start = row - row % self.PAGE
        wanted = [i for i in self._ids[start : start + self.PAGE] if i not in self._cache]
        self.fetches += 1
        for fetched in self.fetch_rows(wanted):
            self._cache[fetched.id] = fetched
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)


# --------------------------------------------------------------------------- sites
class SiteTableModel(IdTableModel[SiteRow]):
    columns = (
        Column("name", QT_TRANSLATE_NOOP("Models", "Name"), "name", 190),
        Column("sector", QT_TRANSLATE_NOOP("Models", "Sector"), "sector", 100),
        Column("risk", QT_TRANSLATE_NOOP("Models", "Risk"), "risk", 70,
               lambda: [labels.risk(c) for c in labels.RISK]),
        Column("open", QT_TRANSLATE_NOOP("Models", "Open hazards"), None, 80),
        Column("grid", QT_TRANSLATE_NOOP("Models", "Grid"), "grid", 120),
        Column("address", QT_TRANSLATE_NOOP("Models", "Address"), "address", 210),
        Column("unit", QT_TRANSLATE_NOOP("Models", "Unit"), "unit", 200),
        Column("contact", QT_TRANSLATE_NOOP("Models", "Contact"), "contact", 80),
        Column("phone", QT_TRANSLATE_NOOP("Models", "Phone"), None, 110),
    )
    default_sort = ("name", False)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.filter = SiteFilter()

    def set_filter(self, flt: SiteFilter) -> None:
        self.filter = flt
        self.reload(keep_cache=True)

    def list_ids(self) -> list[str]:
        return sites.list_site_ids(self.ctx.session, self.filter, sort=self.sort_key,
                                   descending=self.descending)

    def fetch_rows(self, ids: list[str]) -> list[SiteRow]:
        return sites.site_rows(self.ctx.session, ids)

    def cell(self, row: SiteRow, column: Column, role: int) -> Any:
        key = column.key
        if role == DECORATION:
            return labels.RISK_COLOUR.get(row.risk_colour or "") if key == "risk" else None
        if role == ALIGN:
            return Qt.AlignmentFlag.AlignCenter if key == "open" else None
        if role == FOREGROUND:
            return labels.OVERDUE_COLOUR if key == "open" and row.hazards_open else None
        value: Callable[[SiteRow], str] = _SITE_TEXT[key]
        text = value(row) if key != "sector" else labels.sectors(row.sectors, self.ctx.lang)
        if role == TOOLTIP:
            return text if key in ("name", "unit", "address", "sector") and text else None
        return text


_SITE_TEXT: dict[str, Callable[[SiteRow], str]] = {
    "name": lambda r: r.name,
    "unit": lambda r: r.unit_name or "",
    "sector": lambda r: "",
    "address": lambda r: r.address or "",
    "grid": lambda r: r.grid or "",
    "risk": lambda r: labels.risk(r.risk_colour),
    "contact": lambda r: r.contact or "",
    "phone": lambda r: r.phone or "",
    "open": lambda r: str(r.hazards_open) if r.hazards_open else "",
}


# --------------------------------------------------------------------------- hazards
class HazardTableModel(IdTableModel[HazardRow]):
    columns = (
        Column("description", QT_TRANSLATE_NOOP("Models", "Hazard"), "description", 270),
        Column("site", QT_TRANSLATE_NOOP("Models", "Site"), "site", 150),
        Column("status", QT_TRANSLATE_NOOP("Models", "Status"), "status", 76,
               lambda: [labels.status(c) for c in labels.STATUS]),
        Column("due_date", QT_TRANSLATE_NOOP("Models", "Due date"), "due_date", 94),
        Column("flags", QT_TRANSLATE_NOOP("Models", "Flags"), None, 60,
               lambda: [labels.text(labels.OVERDUE) + " " + labels.text(labels.LISTED)]),
        Column("level", QT_TRANSLATE_NOOP("Models", "Level"), "level", 76,
               lambda: [labels.level(c) for c in labels.LEVEL]),
        Column("grid", QT_TRANSLATE_NOOP("Models", "Grid"), "grid", 120),
        Column("found_on", QT_TRANSLATE_NOOP("Models", "Found on"), "found_on", 94),
    )
    default_sort = ("created", True)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.filter = HazardFilter()

    def set_filter(self, flt: HazardFilter) -> None:
        self.filter = flt
        self.reload(keep_cache=True)

    def list_ids(self) -> list[str]:
        return hazards.list_hazard_ids(self.ctx.session, self.filter, sort=self.sort_key,
                                       descending=self.descending)

    def fetch_rows(self, ids: list[str]) -> list[HazardRow]:
        return hazards.hazard_rows(self.ctx.session, ids)

    def cell(self, row: HazardRow, column: Column, role: int) -> Any:
        key = column.key
        if role == FOREGROUND:
            if key in ("flags", "due_date") and row.overdue:
                return labels.OVERDUE_COLOUR
            if key == "level" and row.level == "major":
                return labels.MAJOR_COLOUR
            return None
        if role in (DECORATION, ALIGN):
            return None
        if key == "description":
            first = row.description.splitlines()[0] if row.description else ""
            return row.description if role == TOOLTIP else first
        if role == TOOLTIP:
            return row.site_name if key == "site" else None
        if key == "flags":
            flags = [labels.text(labels.OVERDUE)] if row.overdue else []
            flags += [labels.text(labels.LISTED)] if row.listed else []
            flags += [labels.text(labels.EXTENDED)] if row.extended else []
            return " ".join(flags)
        return _HAZARD_TEXT[key](row)


_HAZARD_TEXT: dict[str, Callable[[HazardRow], str]] = {
    "site": lambda r: r.site_name or "",
    "level": lambda r: labels.level(r.level),
    "status": lambda r: labels.status(r.status),
    # before the notice is served the due date is provisional: the list says so
    "due_date": lambda r: (f"{r.due_date} {labels.text(labels.PROVISIONAL)}"
                           if r.due_date and r.status in ("draft", "open") else r.due_date or ""),
    "grid": lambda r: r.grid or "",
    "found_on": lambda r: r.found_on or "",
}
