"""Migration 3 (media, photo_link) upgrades a store made by version 2."""

from __future__ import annotations

import contextlib
import sqlite3

from inspector_app.services.session import open_session
from inspector_app.store import schema
from inspector_app.store.migration_media import MEDIA_COLUMNS, PHOTO_LINK_COLUMNS
from inspector_app.store.store import Store

NEW = ("media", "photo_link")
SYNC = ["created_at", "updated_at", "device_id", "hlc", "deleted"]


@contextlib.contextmanager
def _as_version_2_made_it():
    """Version 2 of the app knew nothing of the photo tables (migration 1 builds the live
    schema, so take them out of it while the old store is made; order matters on restore:
    migration 1 creates tables in dict order, referenced tables first)."""
    saved = [(d, dict(d)) for d in (schema.SYNCED_TABLES, schema.FOREIGN_KEYS, schema.INDEXES)]
    try:
        for d, _ in saved:
            for table in NEW:
                d.pop(table, None)
        yield
    finally:
        for d, content in saved:
            d.clear()
            d.update(content)


def _photo_schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(tuple(r) for r in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('media', 'photo_link')"
        " AND name NOT LIKE 'oplog_%'").fetchall())


def test_version_2_store_upgrades_to_3(data_dir, clock, tmp_path):
    with _as_version_2_made_it():
        store = Store.open(data_dir, clock=clock, target_version=2)
        store.write(lambda tx: tx.insert("site", {"name": "旧场所", "sectors": "[]"}))
        store.close()
    conn = sqlite3.connect(data_dir / "inspector.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert _photo_schema(conn) == []
    conn.close()

    s = open_session(data_dir, clock=clock)
    try:
        assert s.store.schema_version >= 3
        conn = s.store.read()
        for table, cols in (("media", MEDIA_COLUMNS), ("photo_link", PHOTO_LINK_COLUMNS)):
            have = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            assert have == ["id", *cols, *SYNC]
            assert have == schema.columns_of(table)  # the live schema agrees
        fks = {(r[3], r[2]) for r in conn.execute("PRAGMA foreign_key_list(photo_link)")}
        assert fks == {("media_id", "media"), ("hazard_id", "hazard"), ("inspection_id", "inspection")}
        assert list((data_dir / "backups").glob("before-schema-3-*.db"))
        # oplog triggers were generated for the new tables
        s.store.write(lambda tx: tx.insert("media", {"id": "a" * 64, "kind": "photo"}))
        ops = conn.execute("SELECT op FROM oplog WHERE tbl = 'media'").fetchall()
        assert [r[0] for r in ops] == ["insert"]
        assert conn.execute("SELECT name FROM site").fetchall()[0][0] == "旧场所"
        upgraded = _photo_schema(conn)
    finally:
        s.close()

    # a store created by this version (migration 1 builds them, 3 is a no-op) is the same
    fresh = open_session(tmp_path / "fresh", clock=clock)
    try:
        assert _photo_schema(fresh.store.read()) == upgraded
    finally:
        fresh.close()
