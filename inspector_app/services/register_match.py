"""Match imported rows against the register and write them (inside the import transaction).

Matching, in order: the 编号 column (ids from our own export) → USCC → name + address →
name alone when the row has no address. A USCC match needs the name or the address to
agree too; otherwise the row is another premises of the same unit (a new site linked to
that unit). Each existing site is matched by at most one row of a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core import permissions
from ..core.column_mapping import FIELDS
from ..core.entities import User
from ..store.store import WriteTx
from .bulk_write import BulkWriter
from .changes import Notice
from .regions import add_region, find_grid
from .register_rows import Candidate, norm

if TYPE_CHECKING:
    from .register_import import RowResult

SITE_FIELDS = ("name", "address", "building", "landlord", "contact", "phone", "notes",
               "risk_colour", "lat", "lon")
HOW = {
    "id": ("the same id", "编号相同"),
    "uscc": ("the same USCC", "统一社会信用代码相同"),
    "name_address": ("the same name and address", "名称和地址相同"),
    "name": ("the same name (the row has no address)", "名称相同（该行没有地址）"),
}


@dataclass
class Known:
    """A live site of the store as the import sees it."""

    row: dict[str, object]

    def __post_init__(self) -> None:
        self.id = str(self.row["id"])
        self.key = (norm(self.row["name"]), norm(self.row["address"]))


def _label(field_code: str) -> str:
    return FIELDS.get(field_code, (field_code,))[0]


class Matcher:
    def __init__(self, tx: WriteTx, user: User, *, update: bool, create_grids: bool) -> None:
        self.tx, self.user, self.update, self.create_grids = tx, user, update, create_grids
        self.by_id: dict[str, Known] = {}
        self.by_uscc: dict[str, list[Known]] = {}
        self.by_key: dict[tuple[str, str], list[Known]] = {}
        self.by_name: dict[str, list[Known]] = {}
        cur = tx.conn.execute(
            "SELECT s.id, s.name, s.address, s.unit_id, s.sectors, s.grid_id, s.building, s.landlord,"
            " s.contact, s.phone, s.risk_colour, s.lat, s.lon, s.notes, u.name AS unit_name, u.uscc,"
            " u.legal_rep FROM site s LEFT JOIN unit u ON u.id = s.unit_id WHERE s.deleted = 0")
        names = [d[0] for d in cur.description]
        for values in cur:
            k = Known(dict(zip(names, values, strict=True)))
            self.by_id[k.id] = k
            if k.row["uscc"]:
                self.by_uscc.setdefault(str(k.row["uscc"]), []).append(k)
            self.by_key.setdefault(k.key, []).append(k)
            self.by_name.setdefault(k.key[0], []).append(k)
        self.units_by_uscc: dict[str, str] = dict(tx.conn.execute(
            "SELECT uscc, id FROM unit WHERE deleted = 0 AND uscc IS NOT NULL ORDER BY id DESC"))
        self.file_keys: dict[tuple[str, str], int] = {}
        self.file_uscc: dict[str, int] = {}
        self.claimed: dict[str, int] = {}
        self.grids: dict[str, tuple[str | None, list[Notice]]] = {}
        self.grids_created = False
        self.bulk = BulkWriter(tx)

    def finish(self) -> None:
        """Write what the bulk writer still holds (call once, after the last row)."""
        self.bulk.finish()

    # ------------------------------------------------------------------ per row
    def apply(self, c: Candidate, result: RowResult) -> None:
        key = c.key
        if key in self.file_keys:
            result.messages = [Notice(
                "duplicate_in_file", f"same name and address as row {self.file_keys[key]}; not imported twice",
                f"与第 {self.file_keys[key]} 行名称、地址相同，重复行未导入")]
            return  # stays "rejected"
        self.file_keys[key] = c.row
        uscc = c.unit.get("uscc")
        if uscc and uscc in self.file_uscc:
            result.messages.append(Notice(
                "uscc_shared", f"same USCC as row {self.file_uscc[uscc]}: both sites belong to one unit",
                f"与第 {self.file_uscc[uscc]} 行统一社会信用代码相同，两处场所归属同一单位，请核对"))
        elif uscc:
            self.file_uscc[str(uscc)] = c.row
        grid_id, notes = self._grid(c.values.get("grid"))
        result.messages.extend(notes)
        known, how = self._match(c, key)
        if how == "ambiguous":
            result.outcome = "skipped"
            result.messages.append(Notice(
                "ambiguous", "several sites of this unit could be meant; not changed - edit it by hand",
                "该单位有多处场所，无法确定对应哪一处，未导入，请手工处理"))
        elif known is None:
            self._insert(c, grid_id, result)
        else:
            self._existing(c, known, how, grid_id, result)

    def _match(self, c: Candidate, key: tuple[str, str]) -> tuple[Known | None, str | None]:
        site_id = c.values.get("site_id")
        if site_id:
            found = self.by_id.get(site_id)
            if found is not None and found.id not in self.claimed:
                return found, "id"
            if found is None:
                c.notices.append(Notice("unknown_id", f"id {site_id} is not in this store; matched by content",
                                        f"编号 {site_id} 不在本数据库中，按内容比对"))
        uscc = c.unit.get("uscc")
        if uscc:
            pool = [k for k in self.by_uscc.get(str(uscc), []) if k.id not in self.claimed]
            exact = [k for k in pool if k.key == key]
            if exact:
                return exact[0], "uscc"
            near = [k for k in pool if k.key[0] == key[0] or (key[1] and k.key[1] == key[1])]
            if len(near) == 1:
                return near[0], "uscc"
            if len(near) > 1:
                return None, "ambiguous"
        same = [k for k in self.by_key.get(key, []) if k.id not in self.claimed]
        if same:
            return same[0], "name_address"
        if not key[1]:
            named = [k for k in self.by_name.get(key[0], []) if k.id not in self.claimed]
            if len(named) == 1:
                return named[0], "name"
            if len(named) > 1:
                return None, "ambiguous"
        return None, None

    def _grid(self, text: str | None) -> tuple[str | None, list[Notice]]:
        if not text:
            return None, []
        if text not in self.grids:
            found = find_grid(self.tx.conn, text)
            if found is not None:
                self.grids[text] = (found.id, [])
            elif self.create_grids:
                grid_id = add_region(self.tx, "grid", text, code=text)
                self.grids_created = True
                self.grids[text] = (grid_id, [])
                return grid_id, [Notice("grid_created", f"new grid {text!r} created", f"已新建网格“{text}”")]
            else:
                self.grids[text] = (None, [Notice(
                    "grid_unknown", f"unknown grid {text!r}: the site is left unassigned",
                    f"没有名为“{text}”的网格，该场所暂未分配网格，请导入后分配")])
        return self.grids[text]

    # ------------------------------------------------------------------ writing
    def _insert(self, c: Candidate, grid_id: str | None, result: RowResult) -> None:
        result.messages.extend(c.notices)
        uscc = c.unit.get("uscc")
        unit_id = self.units_by_uscc.get(str(uscc)) if uscc else None
        if unit_id is None:
            unit_id = self.bulk.insert("unit", c.unit)
            if uscc:
                self.units_by_uscc[str(uscc)] = unit_id
        elif uscc not in self.file_uscc or self.file_uscc[str(uscc)] == c.row:
            result.messages.append(Notice("unit_linked", "linked to the existing unit with the same USCC",
                                          "已关联到统一社会信用代码相同的已有单位"))
        result.site_id = self.bulk.insert("site", {**c.site, "unit_id": unit_id, "grid_id": grid_id})
        result.outcome = "imported"
        result.unassigned = grid_id is None

    def diff(self, c: Candidate, k: Known, grid_id: str | None) -> dict[str, tuple[object, object]]:
        """Fields the row gives a value for that differ from the store (empty cells never erase)."""
        old, changes = k.row, {}
        for f in SITE_FIELDS:
            new = c.site.get(f)
            if new is not None and new != old[f]:
                changes[f] = (old[f], new)
        if c.given("sector") and json.loads(str(c.site["sectors"])) != json.loads(str(old["sectors"] or "[]")):
            changes["sector"] = (json.loads(str(old["sectors"] or "[]")), json.loads(str(c.site["sectors"])))
        if grid_id is not None and grid_id != old["grid_id"]:
            changes["grid"] = (old["grid_id"], grid_id)
        for f, unit_key in (("uscc", "uscc"), ("legal_rep", "legal_rep"), ("unit_name", "name")):
            old_value = old["unit_name" if f == "unit_name" else f]
            if c.given(f) and c.unit.get(unit_key) != old_value:
                changes[f] = (old_value, c.unit.get(unit_key))
        return changes

    def _existing(self, c: Candidate, k: Known, how: str | None, grid_id: str | None,
                  result: RowResult) -> None:
        self.claimed[k.id] = c.row
        result.site_id = k.id
        changes = self.diff(c, k, grid_id)
        en_how, zh_how = HOW[how or "name_address"]
        result.changes = changes
        if not changes:
            result.outcome = "skipped"
            result.messages.append(Notice("unchanged", f"already in the register ({en_how}); unchanged",
                                          f"已在台账中（{zh_how}），内容无变化"))
            return
        labels_en = ", ".join(changes)
        labels_zh = "、".join(_label(f) for f in changes)
        if not self.update:
            result.outcome = "skipped"
            result.messages.append(Notice(
                "exists", f"already in the register ({en_how}); differs in {labels_en} - not changed "
                "(import with update to apply)",
                f"已在台账中（{zh_how}），{labels_zh} 与表格不同，未修改（如需更新请选择“更新已有场所”）"))
            return
        if not (permissions.site_in_scope(self.user, k.row["grid_id"])
                and permissions.site_in_scope(self.user, grid_id if "grid" in changes else None)):
            result.outcome = "skipped"  # the same grid scope as editing the site by hand
            result.messages.append(Notice("out_of_grid", "this site is outside your grids - not changed",
                                          "该场所不在您负责的网格内，未修改"))
            return
        result.messages.extend(c.notices)
        site_values = {f: new for f, (_, new) in changes.items() if f in SITE_FIELDS}
        if "sector" in changes:
            site_values["sectors"] = c.site["sectors"]
        if "grid" in changes:
            site_values["grid_id"] = grid_id
        unit_values = {"uscc": c.unit.get("uscc"), "uscc_ok": c.unit.get("uscc_ok")} if "uscc" in changes else {}
        if "legal_rep" in changes:
            unit_values["legal_rep"] = c.unit.get("legal_rep")
        if "unit_name" in changes:
            unit_values["name"] = c.unit.get("name")
        if unit_values and k.row["unit_id"]:
            self.tx.update("unit", str(k.row["unit_id"]), unit_values)
        elif unit_values:
            site_values["unit_id"] = self.tx.insert("unit", {**c.unit, **unit_values})
        if site_values:
            self.tx.update("site", k.id, site_values)
        result.outcome = "updated"
        result.unassigned = (site_values.get("grid_id") or k.row["grid_id"]) is None
        result.messages.append(Notice("updated", f"updated ({en_how}): {labels_en}",
                                      f"已更新（{zh_how}）：{labels_zh}"))
