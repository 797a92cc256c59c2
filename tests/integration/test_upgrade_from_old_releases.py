"""Stores written by old releases (``tests/fixtures/stores/v*``, made by that release's own
code, see its README) upgrade to exactly what a fresh store is, with all their rows."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector_app.services.check import check_store
from inspector_app.services.session import open_session
from inspector_app.store import migration_sql, migrations, schema
from inspector_app.store.migration_schedule import schedule_triggers
from inspector_app.store.migration_tallies import SITE_GRID_TRIGGERS, TALLIES
from inspector_app.store.oplog import table_columns, trigger_sql
from inspector_app.store.version import SCHEMA_VERSION

FIXTURES = Path(__file__).parents[1] / "fixtures" / "stores"
VERSIONS = (1, 5, 9)
# derived from other tables (rebuilt by migrations, compared with a fresh count by check)
DERIVED = re.compile(r"^(search_|sqlite_stat|.*_tally$|site_schedule$)")
# Releases before the report day defaulted to the event's day cached reported_on NULL for a
# completion report without a date; ``check`` now derives that day and flags these hazards.
# No step re-derives them (that needs a new migration), so the full check is expected to
# fail for those fixtures until one does (see test_check_is_clean_after_the_upgrade).


def _copy(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"旧版 v{version} 数据"
    shutil.copytree(FIXTURES / f"v{version}", target,
                    ignore=shutil.ignore_patterns("README.md"))
    return target


def _connect(data_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data_dir / 'inspector.db'}?mode=ro", uri=True)


def _where(sql: str | None) -> str | None:
    match = re.search(r"\bWHERE\b(.*)$", sql or "", re.S | re.I)
    return " ".join(match.group(1).split()) if match else None


def shape(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns, indexes, triggers and versions, independent of how the
    file got them (column order differs: ALTER TABLE appends, an old release created whole)."""
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    tables = {name for kind, name, _, _ in objects if kind == "table" and name != "sqlite_stat1"}
    columns = {t: sorted((r[1], r[2].upper(), r[3], r[4], r[5])
                         for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}
    indexes = {
        name: (table, tuple((r[2], r[3]) for r in conn.execute(f'PRAGMA index_xinfo("{name}")')
                            if r[5]), _where(sql))
        for kind, name, table, sql in objects if kind == "index"
    }
    triggers = {name: (table, None if name.startswith("oplog_") else sql)
                for kind, name, table, sql in objects if kind == "trigger"}
    return {
        "tables": columns,
        "indexes": indexes,
        "triggers": triggers,
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
    }


def oplog_triggers_match_their_table(conn: sqlite3.Connection) -> None:
    """Each oplog trigger copies exactly its table's columns, in the file's own order."""
    live = {n: s for n, s in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'oplog%'")}
    expected = {sql.split()[2]: sql for table in schema.SYNCED_TABLES
                for sql in trigger_sql(table, table_columns(conn, table))}
    assert live == expected


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> set[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return set(conn.execute(f'SELECT {cols} FROM "{table}"'))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict[str, object]:
    data_dir = tmp_path_factory.mktemp("fresh") / "新 数据"
    open_session(data_dir).close()
    conn = _connect(data_dir)
    try:
        oplog_triggers_match_their_table(conn)
        return shape(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_store_written_by_an_old_release_upgrades_to_the_fresh_schema(version, tmp_path, fresh):
    data_dir = _copy(version, tmp_path)
    old = _connect(data_dir)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    before = {t: ([r[1] for r in old.execute(f'PRAGMA table_info("{t}")')], None)
              for (t,) in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not DERIVED.match(t)}
    before = {t: (cols, _rows(old, t, cols)) for t, (cols, _) in before.items()}
    old.close()

    session = open_session(data_dir)  # today's code: upgrades the file
    try:
        assert session.store.schema_version == SCHEMA_VERSION
        problems = check_store(session).problems
        assert problems == [], "\n".join(problems)  # tallies, schedule, search, triggers, media
    finally:
        session.close()

    conn = _connect(data_dir)
    try:
        assert shape(conn) == fresh
        oplog_triggers_match_their_table(conn)
        for table, (columns, rows) in before.items():
            assert rows, f"the v{version} fixture has no row in {table}"
            if table in ("sync_guard",):
                continue
            if table == "oplog":  # migration 10 strips password hashes and derived columns
                i = columns.index("fields_json")
                columns, rows = columns[:i] + columns[i + 1:], {r[:i] + r[i + 1:] for r in rows}
            derived = schema.DERIVED_COLUMNS.get(table, frozenset())
            if derived:  # re-derived from the events after the upgrade (setup.ensure_seeded)
                keep = [i for i, c in enumerate(columns) if c not in derived]
                columns, rows = [columns[i] for i in keep], {tuple(r[i] for i in keep) for r in rows}
            missing = rows - _rows(conn, table, columns)
            assert not missing, f"{table}: {len(missing)} rows of the old store changed or lost"
    finally:
        conn.close()
    if version < SCHEMA_VERSION:
        assert list((data_dir / "backups").glob(f"before-schema-{version + 1}-*.db"))


@pytest.mark.parametrize("version", [1, 5, 9])
def test_check_is_clean_after_the_upgrade(version, tmp_path):
    # old releases cached some derived hazard columns by older rules (a completion report
    # without a date kept reported_on empty): the first opening after the upgrade re-derives
    session = open_session(_copy(version, tmp_path))
    try:
        assert check_store(session).problems == []
        assert session.store.info("rederive_hazards") is None  # done once, at the first opening
    finally:
        session.close()


def test_every_fixture_table_holds_rows():
    """Each fixture has data in every table its version had (so upgrades move real rows)."""
    for version in VERSIONS:
        conn = _connect(FIXTURES / f"v{version}")
        try:
            empty = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                     if conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0]
            assert empty == [], f"v{version}"
        finally:
            conn.close()


def _build(target: int = SCHEMA_VERSION) -> dict[str, object]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn, 0, target)
    try:
        return shape(conn)
    finally:
        conn.close()


def test_migrations_do_not_read_the_live_schema_definitions(monkeypatch):
    before = {v: _build(v) for v in (1, 5, SCHEMA_VERSION)}
    # edited in place, as a later change of schema.py would (any module holding them sees it)
    monkeypatch.setitem(schema.SYNCED_TABLES, "other", {"x": str})
    monkeypatch.delitem(schema.SYNCED_TABLES, "campaign")
    monkeypatch.setitem(schema.SYNCED_TABLES, "hazard", {"description": str, "extra": int})
    monkeypatch.setitem(schema.INDEXES, "site", [["name", "address"]])
    monkeypatch.setitem(schema.FOREIGN_KEYS, "hazard", [])
    monkeypatch.setitem(schema.SYNC_COLUMNS, "origin", str)
    for version, built in before.items():
        assert _build(version) == built


def test_version_1_is_the_schema_the_first_release_created():
    conn = _connect(FIXTURES / "v1")
    try:
        released = shape(conn)
    finally:
        conn.close()
    assert _build(1) == released


def test_the_frozen_synced_tables_are_todays_synced_tables():
    """A synced table added to ``schema`` needs a step that creates it (and its triggers)."""
    assert set(migration_sql.SYNCED_SINCE) == set(schema.SYNCED_TABLES)
    assert max(migration_sql.SYNCED_SINCE.values()) <= SCHEMA_VERSION == max(migrations.MIGRATIONS)


def test_checks_view_of_the_derived_triggers_is_what_migration_9_created():
    """``check`` rebuilds tallies and the schedule from the generators; their triggers are
    the frozen ones of step 9 (a change to a generator needs a new step)."""
    step_9 = set(migration_sql.STEP_9)
    generated = [*schedule_triggers(), *SITE_GRID_TRIGGERS]
    for tally in TALLIES:
        generated += tally.triggers()
    assert [sql for sql in generated if sql not in step_9] == []
