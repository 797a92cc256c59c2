"""Migration 3 (media, photo_link) upgrades a store made by version 2."""

from __future__ import annotations

import sqlite3

from inspector_app.services.session import open_session
from inspector_app.store import schema
from inspector_app.store.store import Store

NEW = ("media", "photo_link")
SYNC = ["created_at", "updated_at", "device_id", "hlc", "deleted"]
# the columns migration 3 created (frozen: a later step never changes what step 3 built)
MEDIA_COLUMNS = ["kind", "mime", "size", "width", "height", "taken_at", "taken_at_source", "lat",
                 "lon", "original_name", "notes"]
PHOTO_LINK_COLUMNS = ["media_id", "hazard_id", "inspection_id", "document_id", "phase",
                      "annotation", "supersedes", "flags"]


def _photo_schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(tuple(r) for r in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('media', 'photo_link')"
        " AND name NOT LIKE 'oplog_%'").fetchall())


def test_version_2_store_upgrades_to_3(data_dir, clock, tmp_path):
    # migrations are frozen SQL: stopping at 2 builds the schema version 2 had
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

    # a store created by this version (the same steps, from 1) is the same
    fresh = open_session(tmp_path / "fresh", clock=clock)
    try:
        assert _photo_schema(fresh.store.read()) == upgraded
    finally:
        fresh.close()
