"""Rows cross-checked against the oplog, and the live triggers against the expected set.

Every local change of a synced row goes through a trigger into ``oplog`` (store/oplog.py),
so replaying a row's ops gives its current fields. A row that differs from its replay was
changed with the triggers silenced or dropped; an op whose row is gone was deleted the same
way; a gap in ``oplog.seq`` means ops were deleted. Rows applied from another device's
bundle have no local ops; they are accepted when their device is known to this store.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from ...store import oplog as store_oplog
from ...store.schema import SYNCED_TABLES, unsynced_columns
from .problems import Problem

# derived columns written by a migration's backfill with the triggers silent (migration 5);
# check compares them with the hazard events instead (derived.py)
UNLOGGED = {"hazard": {"sector", "reported_on", "recheck_due"}}
IMMUTABLE = ("hazard_event", "media")  # never edited: a correction is a new row (design.md §2)
LISTED = 5  # rows named per problem kind before "and N more"


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return a == b


def _ops(conn: sqlite3.Connection, table: str) -> Iterator[tuple[str, list[tuple]]]:
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute(
        "SELECT row_id, op, fields_json, hlc, device_id, op_id FROM oplog WHERE tbl = ?"
        " ORDER BY row_id, seq", (table,))
    for row_id, group in groupby(rows, key=lambda r: r[0]):
        yield row_id, list(group)


def known_devices(conn: sqlite3.Connection, local: str) -> set[str]:
    devices = {local}
    devices.update(r[0] for r in conn.execute("SELECT DISTINCT device_id FROM audit_log"))
    devices.update(r[0] for r in conn.execute("SELECT id FROM device"))
    return devices


class _Found:
    """Row ids per problem kind, turned into a few lines each."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], list[str]] = {}

    def add(self, kind: str, table: str, row_id: str) -> None:
        self.rows.setdefault((kind, table), []).append(row_id)

    def problems(self) -> list[Problem]:
        out = []
        for (kind, table), ids in self.rows.items():
            shown = ", ".join(ids[:LISTED]) + (f" … (+{len(ids) - LISTED})" if len(ids) > LISTED else "")
            en, zh = _TEXT[kind]
            out.append(Problem(f"oplog_{kind}", en.format(table=table, n=len(ids), ids=shown),
                               zh.format(table=table, n=len(ids), ids=shown)))
        return out


_TEXT = {
    "unlogged": ("{table}: {n} row(s) changed without an oplog entry (edited outside the app): {ids}",
                 "{table} 表：{n} 条记录的改动没有操作日志（被绕过程序修改）：{ids}"),
    "missing": ("{table}: {n} row(s) in the oplog are gone from the table (deleted outside the app): {ids}",
                "{table} 表：{n} 条记录在操作日志中存在，但表中已不存在（被绕过程序删除）：{ids}"),
    "deleted": ("{table}: {n} row(s) were deleted outright; the app only marks rows deleted: {ids}",
                "{table} 表：{n} 条记录被直接删除（本程序只做删除标记，不会真正删除）：{ids}"),
    "edited": ("{table}: {n} row(s) were edited, but they never change: {ids}",
               "{table} 表：{n} 条记录被修改，但此类记录一经写入不得修改：{ids}"),
    "unaudited": ("{table}: {n} row(s) changed by this device in a write with no audit entry"
                  " (written outside the app): {ids}",
                  "{table} 表：{n} 条记录由本机改动，但没有对应的审计日志（被绕过程序写入）：{ids}"),
    "leak": ("{table}: {n} op(s) carry a derived or device-local column (a password hash or a"
             " derived status would be exported): {ids}",
             "{table} 表：{n} 条操作日志含有不应同步的字段（密码哈希或推算字段会被导出）：{ids}"),
    "no_id": ("{table}: {n} op(s) have no op id (written outside the app): {ids}",
              "{table} 表：{n} 条操作日志没有操作编号（被绕过程序写入）：{ids}"),
    "unknown_device": ("{table}: {n} row(s) claim a device this store does not know: {ids}",
                       "{table} 表：{n} 条记录来自本库不认识的设备（疑似伪造）：{ids}"),
}


def row_problems(conn: sqlite3.Connection, local_device: str) -> list[Problem]:
    """Replay each synced row's ops and compare with the row (see the module doc)."""
    found = _Found()
    known = known_devices(conn, local_device)
    # every write of the app audits in its transaction, stamped with the same moment as the
    # rows' updated_at: a local op whose moment no audit entry has was not written by the app
    audited = {r[0] for r in conn.execute(
        "SELECT at FROM audit_log WHERE device_id = ?", (local_device,))}
    for table in SYNCED_TABLES:
        # derived and device-local columns travel in no op: compared elsewhere, or not at all
        never = unsynced_columns(table)
        skip = UNLOGGED.get(table, set()) | never
        cur = conn.cursor()
        cur.row_factory = None
        cur.execute(f"SELECT * FROM {table}")  # noqa: S608 - table names from the schema
        cols = [d[0] for d in cur.description]
        live = {r[0]: r for r in cur}
        i_hlc, i_dev = cols.index("hlc"), cols.index("device_id")
        compared = [c for c in cols if c not in skip]
        pick = itemgetter(*(cols.index(c) for c in compared))
        for row_id, ops in _ops(conn, table):
            row = live.pop(row_id, None)
            kinds = [o[1] for o in ops]
            if "delete" in kinds:
                found.add("deleted", table, row_id)
            if table in IMMUTABLE and "update" in kinds:
                found.add("edited", table, row_id)
            if row is None:
                if kinds[-1] != "delete":
                    found.add("missing", table, row_id)
                continue
            state: dict[str, object] = {}
            unaudited = False
            leak = no_id = False
            for _, op, fields, hlc, dev, op_id in ops:
                if op == "insert":
                    state = {}
                try:
                    changed = json.loads(fields or "{}")
                except ValueError:
                    changed = {}
                leak = leak or bool(never.intersection(changed))
                no_id = no_id or not op_id
                state.update(changed)
                state["hlc"] = hlc
                if dev == local_device and op != "delete" and state.get("updated_at") not in audited:
                    unaudited = True
            if unaudited:
                found.add("unaudited", table, row_id)
            if leak:
                found.add("leak", table, row_id)
            if no_id:
                found.add("no_id", table, row_id)
            if row[i_hlc] != state.get("hlc"):
                remote_later = (row[i_dev] != local_device and row[i_dev] in known
                                and str(row[i_hlc]) > str(state.get("hlc")))
                if not remote_later:
                    found.add("unlogged", table, row_id)
                continue
            expected, actual = tuple(state.get(c) for c in compared), pick(row)
            if expected != actual and not all(map(_same, expected, actual)):  # fast path first
                found.add("unlogged", table, row_id)
        for row_id, row in live.items():  # rows without any op
            if row[i_dev] == local_device:
                found.add("unlogged", table, row_id)
            elif row[i_dev] not in known:
                found.add("unknown_device", table, row_id)
    return found.problems() + _seq_gaps(conn)


def _seq_gaps(conn: sqlite3.Connection) -> list[Problem]:
    first, last, count = conn.execute("SELECT min(seq), max(seq), count(*) FROM oplog").fetchone()
    if not count or last - first + 1 == count:
        return []
    missing = last - first + 1 - count
    return [Problem("oplog_gap", f"oplog: {missing} entries were deleted from the middle of the log",
                    f"操作日志：中间有 {missing} 条记录被删除")]


# ----------------------------------------------------------------------------- triggers
def _norm_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def expected_triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """Trigger name → SQL the schema code creates at this store's version.

    The other triggers come from migrating an empty in-memory database to the same version;
    the oplog triggers are generated from the live columns, as ``regenerate_triggers`` does.
    """
    from ...store import search_index
    from ...store.migrations import migrate

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        search_index.register(fresh)
        migrate(fresh, 0, version)
        expected = {name: sql for name, sql in fresh.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        fresh.close()
    expected = {k: v for k, v in expected.items() if not k.startswith("oplog_")}
    expected.update(store_oplog.expected_triggers(conn))
    return expected


def trigger_problems(conn: sqlite3.Connection) -> list[Problem]:
    live = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    expected = expected_triggers(conn)
    problems = []
    missing = sorted(expected.keys() - live.keys())
    extra = sorted(live.keys() - expected.keys())
    altered = sorted(n for n in expected.keys() & live.keys()
                     if _norm_sql(expected[n]) != _norm_sql(live[n]))
    if missing:
        problems.append(Problem(
            "trigger_missing",
            f"triggers missing (changes would go unrecorded): {', '.join(missing)}",
            f"数据库触发器缺失（改动将不被记录）：{', '.join(missing)}"))
    if altered:
        problems.append(Problem(
            "trigger_altered", f"triggers altered: {', '.join(altered)}",
            f"数据库触发器被改动：{', '.join(altered)}"))
    if extra:
        problems.append(Problem(
            "trigger_extra", f"unexpected triggers: {', '.join(extra)}",
            f"数据库中有多余的触发器：{', '.join(extra)}"))
    return problems
