"""Sites (premises inspected) and their units (legal entities): add, edit, delete, list."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ..core import permissions
from ..core.entities import RISK_COLOURS, SiteInput, SiteRow
from ..core.errors import NotFound, ValidationError
from ..core.sectors import resolve_sector
from ..core.uscc import check_uscc
from ..core.validation import clean_text, strip_control
from ..store.search_index import text_filter
from ..store.store import WriteTx
from . import scope
from .changes import HAZARDS, SITES, UNITS, Changes, Notice, Saved
from .regions import resolve_grid_for_write
from .session import Session

_ROW_SQL = """
SELECT s.id, s.name, s.unit_id, u.name AS unit_name, u.uscc, u.uscc_ok, u.legal_rep, s.sectors,
       s.address, s.grid_id, g.name AS grid, s.building, s.landlord, s.contact, s.phone,
       s.risk_colour, s.lat, s.lon, s.notes, s.deleted,
       (SELECT count(*) FROM hazard h WHERE h.site_id = s.id AND h.deleted = 0
          AND h.status NOT IN ('closed', 'draft')) AS hazards_open
FROM site s LEFT JOIN unit u ON u.id = s.unit_id LEFT JOIN region g ON g.id = s.grid_id
"""

SORT_KEYS = {
    "name": "pinyin_key(s.name)",  # pinyin order (store/collation.py: one key per row)
    "unit": "pinyin_key(u.name)",
    "uscc": "u.uscc",
    "sector": "s.sectors",
    "address": "pinyin_key(s.address)",
    "grid": "pinyin_key(g.name)",
    "risk": "CASE s.risk_colour WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 "
    "WHEN 'blue' THEN 3 ELSE 4 END",
    "contact": "pinyin_key(s.contact)",
    "created": "s.id",
}


@dataclass(frozen=True)
class SiteFilter:
    text: str | None = None
    grid_id: str | None = None
    sector: str | None = None
    risk_colour: str | None = None
    include_deleted: bool = False


def _to_row(r: sqlite3.Row) -> SiteRow:
    return SiteRow(
        id=r["id"], name=r["name"], unit_id=r["unit_id"], unit_name=r["unit_name"],
        uscc=r["uscc"], uscc_ok=None if r["uscc_ok"] is None else bool(r["uscc_ok"]),
        legal_rep=r["legal_rep"], sectors=tuple(json.loads(r["sectors"] or "[]")),
        address=r["address"], grid_id=r["grid_id"], grid=r["grid"], building=r["building"],
        landlord=r["landlord"], contact=r["contact"], phone=r["phone"],
        risk_colour=r["risk_colour"], lat=r["lat"], lon=r["lon"], notes=r["notes"],
        hazards_open=r["hazards_open"], deleted=bool(r["deleted"]),
    )


# --------------------------------------------------------------------------- reading
def _where(f: SiteFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    if not f.include_deleted:
        clauses.append("s.deleted = 0")
    if f.grid_id:
        clauses.append("s.grid_id = ?")
        params.append(f.grid_id)
    if f.sector:
        clauses.append("EXISTS (SELECT 1 FROM json_each(s.sectors) WHERE value = ?)")
        params.append(f.sector)
    if f.risk_colour:
        clauses.append("s.risk_colour = ?")
        params.append(f.risk_colour)
    clause, extra = text_filter("s.id", "site", f.text)
    if clause:
        clauses.append(clause)
        params += extra
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_site_ids(
    session: Session, flt: SiteFilter = SiteFilter(), sort: str = "name", descending: bool = False
) -> list[str]:
    """Ids of matching sites in display order (the list view pages rows by these ids);
    an inspector's: their grids' and those without a grid."""
    where, params = _where(flt)
    clause, scope_params = permissions.site_scope_clause(session.user)
    if clause:
        where = (where + " AND " if where else " WHERE ") + clause
        params = [*params, *scope_params]
    order = SORT_KEYS.get(sort, SORT_KEYS["name"]) + (" DESC" if descending else "")
    sql = (
        "SELECT s.id FROM site s LEFT JOIN unit u ON u.id = s.unit_id "
        f"LEFT JOIN region g ON g.id = s.grid_id{where} ORDER BY {order}, s.id"
    )
    return session.store.read_column(sql, params)


def site_rows(session: Session, ids: list[str]) -> list[SiteRow]:
    """Rows for these ids, in the same order (missing ids are skipped)."""
    if not ids:
        return []
    conn = session.store.read()
    found: dict[str, SiteRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = _ROW_SQL + f" WHERE s.id IN ({', '.join('?' for _ in chunk)})"
        for r in conn.execute(sql, chunk):
            found[r["id"]] = _to_row(r)
    return [found[i] for i in ids if i in found]


def list_sites(
    session: Session, flt: SiteFilter = SiteFilter(), limit: int | None = None, sort: str = "name"
) -> list[SiteRow]:
    ids = list_site_ids(session, flt, sort)
    return site_rows(session, ids[:limit] if limit is not None else ids)


def get_site(session: Session, site_id: str) -> SiteRow:
    rows = site_rows(session, [site_id])
    if not rows:
        raise NotFound(f"no site with id {site_id}", f"找不到场所（编号 {site_id}）")
    permissions.require_site_scope(session.user, rows[0].grid_id)
    return rows[0]


def count_sites(session: Session) -> int:
    clause, params = permissions.site_scope_clause(session.user)
    return session.store.read().execute(
        "SELECT count(*) FROM site s WHERE s.deleted = 0" + (f" AND {clause}" if clause else ""),
        params).fetchone()[0]


# --------------------------------------------------------------------------- writing
def _validate(data: SiteInput) -> tuple[dict[str, object], dict[str, object], list[Notice]]:
    notices: list[Notice] = []
    name = clean_text("name", data.name, required=True)
    sectors: list[str] = []
    for raw in (strip_control(s or "") for s in data.sectors):
        if not raw.strip():
            continue
        sector = resolve_sector(raw)
        if sector is None:
            notices.append(
                Notice("unknown_sector", f"unknown sector {raw!r} kept as typed",
                       f"未知行业“{raw}”，已按原文保存")
            )
            sectors.append(clean_text("name", raw) or raw)
        elif sector.code not in sectors:
            sectors.append(sector.code)
    if data.risk_colour and data.risk_colour not in RISK_COLOURS:
        raise ValidationError(
            f"risk colour must be one of {', '.join(RISK_COLOURS)}",
            "风险等级只能是 红/橙/黄/蓝", code="bad_risk",
        )
    for value, lo, hi, label in ((data.lat, -90, 90, "纬度"), (data.lon, -180, 180, "经度")):
        if value is not None and not lo <= value <= hi:
            raise ValidationError(f"coordinate {value} out of range", f"{label} {value} 超出范围")
    site = {
        "name": name,
        "sectors": json.dumps(sectors, ensure_ascii=False),
        "address": clean_text("address", data.address),
        "building": clean_text("building", data.building),
        "landlord": clean_text("landlord", data.landlord),
        "contact": clean_text("contact", data.contact),
        "phone": clean_text("phone", data.phone),
        "risk_colour": data.risk_colour or None,
        "lat": data.lat,
        "lon": data.lon,
        "notes": clean_text("notes", data.notes),
    }
    unit: dict[str, object] = {}
    if not data.no_unit:
        unit["name"] = clean_text("unit_name", data.unit_name) or name
        unit["legal_rep"] = clean_text("legal_rep", data.legal_rep)
        unit["phone"] = site["phone"]
        unit["uscc"], unit["uscc_ok"] = None, None
        if data.uscc and strip_control(data.uscc).strip():
            check = check_uscc(strip_control(data.uscc))
            unit["uscc"], unit["uscc_ok"] = check.normalized, int(check.ok)
            if not check.ok:
                why = {"length": ("must have 18 characters", "应为 18 位"),
                       "charset": ("contains characters not used in codes (I, O, S, V, Z …)",
                                   "含有代码中不使用的字符（如 I、O、S、V、Z）"),
                       "checksum": ("check character does not match", "校验位不符")}[check.problem or "checksum"]
                notices.append(
                    Notice(
                        "uscc_invalid",
                        f"USCC {check.normalized} looks wrong: {why[0]} (saved anyway)",
                        f"统一社会信用代码 {check.normalized} 可能有误：{why[1]}（已保存，请核对）",
                    )
                )
    return site, unit, notices


def _save_unit(tx: WriteTx, unit: dict[str, object], unit_id: str | None) -> tuple[str, list[Notice]]:
    if unit_id:
        tx.update("unit", unit_id, unit)
        return unit_id, []
    if unit.get("uscc"):
        row = tx.conn.execute(
            "SELECT id, name FROM unit WHERE uscc = ? AND deleted = 0 LIMIT 1", (unit["uscc"],)
        ).fetchone()
        if row:
            return row[0], [
                Notice("unit_linked", f"linked to the existing unit {row[1]} with the same USCC",
                       f"已关联到统一社会信用代码相同的单位“{row[1]}”")
            ]
    return tx.insert("unit", unit), []


def add_site(session: Session, data: SiteInput) -> Saved:
    """Add a site (and its unit unless it is a public place). Bad USCC only warns."""
    site, unit, notices = _validate(data)

    def job(tx: WriteTx) -> str:
        grid_id, grid_notes = resolve_grid_for_write(tx, data.grid, session.user)
        permissions.require_site_scope(session.user, grid_id)  # not into another's grid
        notices.extend(grid_notes)
        unit_id = None
        if unit:
            unit_id, unit_notes = _save_unit(tx, unit, None)
            notices.extend(unit_notes)
        site_id = tx.insert("site", {**site, "unit_id": unit_id, "grid_id": grid_id})
        tx.audit("site_added", "site", site_id, site["name"])
        return site_id

    site_id = session.write(job)
    return Saved(site_id, Changes.of(SITES, UNITS), tuple(notices))


def update_site(session: Session, site_id: str, data: SiteInput) -> Saved:
    """Edit a site and its unit in one transaction."""
    current = get_site(session, site_id)
    site, unit, notices = _validate(data)

    def job(tx: WriteTx) -> str:
        scope.check_site(tx.conn, session.user, site_id)
        grid_id, grid_notes = resolve_grid_for_write(tx, data.grid, session.user)
        permissions.require_site_scope(session.user, grid_id)  # not into another's grid
        notices.extend(grid_notes)
        unit_id = current.unit_id
        if unit:
            unit_id, unit_notes = _save_unit(tx, unit, current.unit_id)
            notices.extend(unit_notes)
        else:
            unit_id = None
        tx.update("site", site_id, {**site, "unit_id": unit_id, "grid_id": grid_id})
        tx.audit("site_edited", "site", site_id, site["name"])
        return site_id

    session.write(job)
    return Saved(site_id, Changes.of(SITES, UNITS, HAZARDS), tuple(notices))


def delete_site(session: Session, site_id: str) -> Changes:
    """Tombstone a site and its live hazards (undone by ``restore_site``)."""
    get_site(session, site_id)

    def job(tx: WriteTx) -> None:
        scope.check_site(tx.conn, session.user, site_id)
        tx.update("site", site_id, {"deleted": 1})
        for (hid,) in tx.conn.execute(
            "SELECT id FROM hazard WHERE site_id = ? AND deleted = 0", (site_id,)
        ).fetchall():
            tx.update("hazard", hid, {"deleted": 2})  # 2: deleted together with its site
        tx.audit("site_deleted", "site", site_id)

    session.write(job)
    return Changes.of(SITES, HAZARDS)


def restore_site(session: Session, site_id: str) -> Changes:
    def job(tx: WriteTx) -> None:
        if tx.conn.execute("SELECT 1 FROM site WHERE id = ?", (site_id,)).fetchone() is None:
            raise NotFound(f"no site with id {site_id}", f"找不到场所（编号 {site_id}）")
        scope.check_site(tx.conn, session.user, site_id)
        tx.update("site", site_id, {"deleted": 0})
        for (hid,) in tx.conn.execute(
            "SELECT id FROM hazard WHERE site_id = ? AND deleted = 2", (site_id,)
        ).fetchall():
            tx.update("hazard", hid, {"deleted": 0})
        tx.audit("site_restored", "site", site_id)

    session.write(job)
    return Changes.of(SITES, HAZARDS)


def site_input_of(row: SiteRow) -> SiteInput:
    """The editable form of an existing site (for edit dialogs and undo)."""
    return SiteInput(
        name=row.name, unit_name=row.unit_name, no_unit=row.unit_id is None, uscc=row.uscc,
        legal_rep=row.legal_rep, sectors=list(row.sectors), address=row.address, grid=row.grid_id,
        building=row.building, landlord=row.landlord, contact=row.contact, phone=row.phone,
        risk_colour=row.risk_colour, lat=row.lat, lon=row.lon, notes=row.notes,
    )
