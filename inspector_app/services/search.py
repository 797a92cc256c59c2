"""Instant search over sites and hazards (two-character Chinese queries included)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core import permissions
from ..core.validation import clean_text
from ..store import search_index
from .session import Session


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "site" | "hazard"
    id: str
    title: str
    subtitle: str | None = None


def search(session: Session, text: str, limit: int | None = None) -> list[SearchHit]:
    """Records whose text contains every term of ``text``, newest first — only those the user
    may open (``core/permissions.py``: an inspector's grids, what they recorded without one)."""
    query = clean_text("search", text)
    if not query:
        return []
    conn = session.store.read()
    ask = limit
    while True:  # an inspector's hits are filtered afterwards: ask for more until enough
        found = search_index.search(conn, query, limit=ask)
        titles = _titles(session, found)
        hits = [SearchHit(kind, ref, *titles[(kind, ref)]) for kind, ref in found
                if (kind, ref) in titles]
        if ask is None or len(found) < ask or len(hits) >= (limit or 0):
            return hits[:limit] if limit is not None else hits
        ask *= 4


def _titles(session: Session, found: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Title and subtitle of each found record the user may see (others are left out)."""
    conn = session.store.read()
    by_kind: dict[str, list[str]] = {"site": [], "hazard": []}
    for kind, ref in found:
        by_kind[kind].append(ref)
    titles: dict[tuple[str, str], tuple[str, str | None]] = {}
    site_scope, site_params = permissions.site_scope_clause(session.user, alias="s")
    hazard_scope, hazard_params = permissions.scope_clause(session.user, alias="h")
    for start in range(0, len(by_kind["site"]), 500):
        chunk = by_kind["site"][start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT s.id, s.name, s.address FROM site s WHERE s.id IN ({marks})"
        if site_scope:
            sql += " AND " + site_scope
        for r in conn.execute(sql, [*chunk, *site_params]):
            titles[("site", r[0])] = (r[1], r[2])
    for start in range(0, len(by_kind["hazard"]), 500):
        chunk = by_kind["hazard"][start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = (
            "SELECT h.id, h.description, s.name FROM hazard h LEFT JOIN site s ON s.id = h.site_id"
            f" WHERE h.id IN ({marks})"
        )
        if hazard_scope:
            sql += " AND " + hazard_scope
        for r in conn.execute(sql, [*chunk, *hazard_params]):
            titles[("hazard", r[0])] = (r[1], r[2])
    return titles
