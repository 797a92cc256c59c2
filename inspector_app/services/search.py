"""Instant search over sites and hazards (two-character Chinese queries included)."""

from __future__ import annotations

from dataclasses import dataclass

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
    """Records whose text contains every term of ``text``, newest first."""
    query = clean_text("search", text)
    if not query:
        return []
    conn = session.store.read()
    found = search_index.search(conn, query, limit=limit)
    by_kind: dict[str, list[str]] = {"site": [], "hazard": []}
    for kind, ref in found:
        by_kind[kind].append(ref)
    titles: dict[tuple[str, str], tuple[str, str | None]] = {}
    for start in range(0, len(by_kind["site"]), 500):
        chunk = by_kind["site"][start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in conn.execute(f"SELECT id, name, address FROM site WHERE id IN ({marks})", chunk):
            titles[("site", r[0])] = (r[1], r[2])
    for start in range(0, len(by_kind["hazard"]), 500):
        chunk = by_kind["hazard"][start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = (
            "SELECT h.id, h.description, s.name FROM hazard h LEFT JOIN site s ON s.id = h.site_id"
            f" WHERE h.id IN ({marks})"
        )
        for r in conn.execute(sql, chunk):
            titles[("hazard", r[0])] = (r[1], r[2])
    return [
        SearchHit(kind, ref, *titles[(kind, ref)]) for kind, ref in found if (kind, ref) in titles
    ]
