"""Regions: county > township > village > grid (domain.md §1)."""

from __future__ import annotations

import sqlite3

from ..core.entities import Region, User
from ..core.errors import NotFound
from ..core.validation import clean_text, strip_control
from ..services.changes import Notice
from ..store.store import WriteTx

_COLS = "id, level, name, code, parent_id"


def _region(row: tuple) -> Region:
    return Region(*row)


def list_regions(conn: sqlite3.Connection, level: str | None = None) -> list[Region]:
    sql = f"SELECT {_COLS} FROM region WHERE deleted = 0"
    params: tuple = ()
    if level:
        sql += " AND level = ?"
        params = (level,)
    return [_region(r) for r in conn.execute(sql + " ORDER BY code, name", params)]


def find_grid(conn: sqlite3.Connection, text: str) -> Region | None:
    """A grid by id, code or name (exact)."""
    row = conn.execute(
        f"SELECT {_COLS} FROM region WHERE level = 'grid' AND deleted = 0"
        " AND (id = ? OR code = ? OR name = ?)"
        " ORDER BY code LIMIT 1",
        (text, text, text),
    ).fetchone()
    return _region(row) if row else None


def add_region(
    tx: WriteTx, level: str, name: str, *, code: str | None = None, parent_id: str | None = None,
    region_id: str | None = None,
) -> str:
    name, code = strip_control(name), strip_control(code) if code else code
    values = {"level": level, "name": name, "code": code, "parent_id": parent_id}
    if region_id:
        values["id"] = region_id
    rid = tx.insert("region", values)
    tx.audit("region_added", "region", rid, f"{level} {name}")
    return rid


def resolve_grid_for_write(
    tx: WriteTx, text: str | None, user: User
) -> tuple[str | None, list[Notice]]:
    """Grid id for a site; an unknown grid is created for supervisors, refused otherwise."""
    if not text:
        return None, []
    text = text.strip()
    found = find_grid(tx.conn, text)
    if found:
        return found.id, []
    if not user.is_supervisor:
        raise NotFound(
            f"unknown grid {text!r}; ask a supervisor to add it",
            f"没有名为“{text}”的网格，请联系管理员添加",
        )
    text = clean_text("name", text, required=True) or text
    grid_id = add_region(tx, "grid", text, code=text)
    return grid_id, [
        Notice("grid_created", f"new grid {text!r} created", f"已新建网格“{text}”")
    ]
