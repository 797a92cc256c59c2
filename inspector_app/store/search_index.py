"""Full-text search that finds two-character Chinese words.

FTS5's trigram tokenizer cannot match queries under three characters, yet 消防, 燃气 or
电动 are exactly what inspectors type. So the index stores Chinese text as overlapping
bigrams (消防通道 → 消防 防通 通道 道) and other text as words, under FTS5's plain
``unicode61`` tokenizer; a query is turned into the same tokens and searched as a phrase.
The last character of every Chinese run is indexed alone too, so one-character queries
work as prefix searches.

Tokens are made by ``gi_tokens()``, a Python function registered on every connection that
writes; the triggers that keep the index current call it, so the index can never drift
from the rows.
"""

from __future__ import annotations

import re
import sqlite3

_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Ext A, URO, compatibility ideographs
    "\U00020000-\U0002ebef\U00030000-\U0003134f"  # Ext B-F, G
)
_RUN = re.compile(f"([{_CJK}]+)|([^\\s{_CJK}]+)")
_WORD_CHARS = re.compile(r"\w+")


def _cjk_tokens(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_tokens(*parts: str | None) -> str:
    """The text stored in the FTS table for a record made of ``parts``."""
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        for cjk, other in _RUN.findall(str(part)):
            if cjk:
                out.extend(_cjk_tokens(cjk))
            else:
                out.extend(_WORD_CHARS.findall(other.lower()))
    return " ".join(out)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed, or None if nothing searchable.

    Every term must match (AND); Chinese runs become bigram phrases, other words prefixes.
    User text never reaches FTS5 syntax unquoted.
    """
    terms: list[str] = []
    for cjk, other in _RUN.findall(query):
        if cjk:
            if len(cjk) == 1:
                terms.append(f'"{cjk}"*')
            else:
                bigrams = [cjk[i : i + 2] for i in range(len(cjk) - 1)]
                terms.append('"' + " ".join(bigrams) + '"')
        else:
            terms.extend(f'"{w}"*' for w in _WORD_CHARS.findall(other.lower()))
    return " AND ".join(terms) if terms else None


def text_filter(id_column: str, kind: str, text: str | None) -> tuple[str | None, list[object]]:
    """A WHERE clause keeping rows of ``kind`` whose indexed text matches ``text``.

    ``(None, [])`` when there is no text; a text with nothing searchable matches nothing.
    """
    if not text:
        return None, []
    expr = match_expression(text)
    if expr is None:
        return "0", []
    return (
        f"{id_column} IN (SELECT d.ref_id FROM search_fts JOIN search_doc d"
        f" ON d.docid = search_fts.rowid WHERE search_fts MATCH ? AND d.kind = '{kind}')",
        [expr],
    )


def register(conn: sqlite3.Connection) -> None:
    """Make ``gi_tokens(a, b, …)`` available to triggers on this connection."""
    conn.create_function("gi_tokens", -1, index_tokens, deterministic=True)


# What each kind contributes to the index; expressions over NEW (the row).
_SITE_TEXT = (
    "gi_tokens(NEW.name, NEW.address, NEW.contact, NEW.phone, NEW.notes, NEW.landlord, "
    "NEW.building, (SELECT name || ' ' || coalesce(uscc, '') || ' ' || coalesce(legal_rep, '') "
    "FROM unit WHERE id = NEW.unit_id))"
)
_HAZARD_TEXT = "gi_tokens(NEW.description, NEW.location, NEW.basis, NEW.measures, NEW.responsible_person)"


def _kind_triggers(kind: str, text: str) -> list[str]:
    doc = f"(SELECT docid FROM search_doc WHERE kind = '{kind}' AND ref_id = NEW.id)"
    return [
        f"""CREATE TRIGGER search_{kind}_insert AFTER INSERT ON {kind}
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('{kind}', NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT {doc}, {text} WHERE NEW.deleted = 0;
END""",
        f"""CREATE TRIGGER search_{kind}_update AFTER UPDATE ON {kind}
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('{kind}', NEW.id);
  DELETE FROM search_fts WHERE rowid = {doc};
  INSERT INTO search_fts(rowid, body) SELECT {doc}, {text} WHERE NEW.deleted = 0;
END""",
        f"""CREATE TRIGGER search_{kind}_delete AFTER DELETE ON {kind}
BEGIN
  DELETE FROM search_fts WHERE rowid =
    (SELECT docid FROM search_doc WHERE kind = '{kind}' AND ref_id = OLD.id);
  DELETE FROM search_doc WHERE kind = '{kind}' AND ref_id = OLD.id;
END""",
    ]


def create(conn: sqlite3.Connection) -> None:
    """Create the index tables and triggers, and index the rows already there."""
    conn.execute(
        "CREATE TABLE search_doc (docid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "ref_id TEXT NOT NULL, UNIQUE (kind, ref_id))"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    for kind, text in (("site", _SITE_TEXT), ("hazard", _HAZARD_TEXT)):
        for sql in _kind_triggers(kind, text):
            conn.execute(sql)
        conn.execute(f"INSERT INTO search_doc(kind, ref_id) SELECT '{kind}', id FROM {kind}")
        row_text = text.replace("NEW.", "r.")
        conn.execute(
            f"INSERT INTO search_fts(rowid, body) SELECT d.docid, {row_text} FROM {kind} r "
            f"JOIN search_doc d ON d.kind = '{kind}' AND d.ref_id = r.id WHERE r.deleted = 0"
        )
    # a unit's name and USCC are searched through its sites
    conn.execute(
        """CREATE TRIGGER search_unit_update AFTER UPDATE OF name, uscc, legal_rep ON unit
BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT d.docid FROM search_doc d JOIN site s
    ON d.kind = 'site' AND d.ref_id = s.id WHERE s.unit_id = NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT d.docid, gi_tokens(s.name, s.address, s.contact,
    s.phone, s.notes, s.landlord, s.building, NEW.name || ' ' || coalesce(NEW.uscc, '') || ' '
    || coalesce(NEW.legal_rep, ''))
    FROM site s JOIN search_doc d ON d.kind = 'site' AND d.ref_id = s.id
    WHERE s.unit_id = NEW.id AND s.deleted = 0;
END"""
    )


def search(
    conn: sqlite3.Connection, query: str, kinds: tuple[str, ...] = ("site", "hazard"),
    limit: int | None = None,
) -> list[tuple[str, str]]:
    """(kind, id) of matching live records, newest first."""
    expr = match_expression(query)
    if expr is None:
        return []
    placeholders = ", ".join("?" for _ in kinds)
    sql = (
        "SELECT d.kind, d.ref_id FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid "
        f"WHERE search_fts MATCH ? AND d.kind IN ({placeholders}) ORDER BY search_fts.rowid DESC"
    )
    params: list[object] = [expr, *kinds]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [(k, i) for k, i in conn.execute(sql, params)]
