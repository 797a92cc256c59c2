"""The grid scope of one record, looked up and checked: every service reads and writes
through these (the rules themselves are ``core/permissions.py``: ``in_scope``/``scope_clause``).

An inspector sees and acts on their grids only, plus what they recorded (a hazard), received
(a public report), were assigned (a task) or inspect (an inspection) at a site without a
grid; a site is theirs when it is in their grids or in none; a photo is as visible as the
hazard or inspection it is evidence for. Supervisors and admins see every grid. Each check
raises ``PermissionDenied`` (code ``out_of_grid``) whose message names the kind of record.
"""

from __future__ import annotations

import json
import sqlite3

from ..core import permissions
from ..core.entities import User
from ..core.errors import NotFound


def hazard_visible(conn: sqlite3.Connection, user: User, hazard_id: str) -> bool | None:
    """Whether the hazard is the user's (None: no such hazard, deleted or not)."""
    row = conn.execute("SELECT grid_id, found_by FROM hazard WHERE id = ?", (hazard_id,)).fetchone()
    return None if row is None else permissions.in_scope(user, row[0], row[1])


def check_hazard(conn: sqlite3.Connection, user: User, hazard_id: str) -> None:
    if hazard_visible(conn, user, hazard_id) is False:
        raise permissions.out_of_scope("hazard")


def inspection_visible(user: User, site_grid: str | None, inspector_ids: str | list[str] | None) -> bool:
    """An inspection is the user's when its site is in their grids, or they inspect it."""
    ids = json.loads(inspector_ids or "[]") if not isinstance(inspector_ids, list) else inspector_ids
    return permissions.in_scope(user, site_grid) or user.id in ids


def check_inspection(conn: sqlite3.Connection, user: User, inspection_id: str) -> None:
    row = conn.execute(
        "SELECT s.grid_id, i.inspector_ids FROM inspection i JOIN site s ON s.id = i.site_id"
        " WHERE i.id = ?", (inspection_id,)).fetchone()
    if row is not None and not inspection_visible(user, row[0], row[1]):
        raise permissions.out_of_scope("inspection")


def check_site(conn: sqlite3.Connection, user: User, site_id: str) -> None:
    row = conn.execute("SELECT grid_id FROM site WHERE id = ?", (site_id,)).fetchone()
    if row is not None:
        permissions.require_site_scope(user, row[0])


def _link_visible(conn: sqlite3.Connection, user: User, hazard_id: str | None,
                  inspection_id: str | None) -> bool:
    if hazard_id:
        return bool(hazard_visible(conn, user, hazard_id))
    if inspection_id:
        row = conn.execute(
            "SELECT s.grid_id, i.inspector_ids FROM inspection i JOIN site s ON s.id = i.site_id"
            " WHERE i.id = ?", (inspection_id,)).fetchone()
        return row is not None and inspection_visible(user, row[0], row[1])
    return True  # a document's photo: documents (not built yet) carry no grid to check


def check_photo_target(conn: sqlite3.Connection, user: User, hazard_id: str | None,
                       inspection_id: str | None) -> None:
    """Refuse adding a photo to a hazard or inspection outside the user's grids."""
    if not permissions.sees_all_grids(user) and not _link_visible(conn, user, hazard_id, inspection_id):
        raise permissions.out_of_scope("hazard" if hazard_id else "inspection")


def check_photo_link(conn: sqlite3.Connection, user: User, link_id: str) -> None:
    """Refuse a photo link whose hazard or inspection is outside the user's grids."""
    if permissions.sees_all_grids(user):
        return
    row = conn.execute("SELECT hazard_id, inspection_id FROM photo_link WHERE id = ?",
                       (link_id,)).fetchone()
    if row is not None and not _link_visible(conn, user, row[0], row[1]):
        raise permissions.out_of_scope("photo")


def check_media(conn: sqlite3.Connection, user: User, sha256: str) -> None:
    """Refuse a stored file (original, thumbnail) unless one of its uses is the user's."""
    if permissions.sees_all_grids(user):
        return
    links = conn.execute("SELECT hazard_id, inspection_id FROM photo_link WHERE media_id = ?",
                         (sha256,)).fetchall()
    if not links:
        if conn.execute("SELECT 1 FROM media WHERE id = ?", (sha256,)).fetchone() is None:
            raise NotFound(f"no media {sha256}", f"找不到媒体文件 {sha256[:12]}")
        raise permissions.out_of_scope("photo")
    if not any(_link_visible(conn, user, h, i) for h, i in links):
        raise permissions.out_of_scope("photo")
