"""The audit log: who did what, with one sha256 hash chain per device (design.md §2).

``hash = sha256(prev_hash + canonical JSON of the row)``; the chain travels in bundles so
a receiver can verify each device's history, and ``inspector-app check`` verifies all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from ..core.ids import uuid7

GENESIS = "0" * 64
HASHED_FIELDS = ("id", "device_id", "n", "at", "user_id", "action", "entity", "entity_id", "summary")


@dataclass(frozen=True)
class Head:
    """The newest entry of a device's chain: its number and hash (what device.json anchors)."""

    n: int
    hash: str


def head(conn: sqlite3.Connection, device_id: str) -> Head | None:
    row = conn.execute(
        "SELECT n, hash FROM audit_log WHERE device_id = ? ORDER BY n DESC LIMIT 1", (device_id,)
    ).fetchone()
    return Head(row[0], row[1]) if row else None


def row_hash(prev_hash: str, row: dict[str, object]) -> str:
    body = json.dumps({k: row.get(k) for k in HASHED_FIELDS}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def create(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  device_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  summary TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (device_id, n)
)"""
    )


def append(
    conn: sqlite3.Connection,
    *,
    device_id: str,
    at: str,
    user_id: str | None,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    summary: str | None = None,
) -> Head:
    """Append one entry to this device's chain (call inside the write transaction)."""
    last = conn.execute(
        "SELECT n, hash FROM audit_log WHERE device_id = ? ORDER BY n DESC LIMIT 1", (device_id,)
    ).fetchone()
    n, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    row = {
        "id": uuid7(),
        "device_id": device_id,
        "n": n,
        "at": at,
        "user_id": user_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary,
    }
    digest = row_hash(prev, row)
    conn.execute(
        "INSERT INTO audit_log(id, device_id, n, at, user_id, action, entity, entity_id, summary,"
        " prev_hash, hash) VALUES (:id, :device_id, :n, :at, :user_id, :action, :entity,"
        " :entity_id, :summary, :prev_hash, :hash)",
        {**row, "prev_hash": prev, "hash": digest},
    )
    return Head(n, digest)


@dataclass(frozen=True)
class ChainProblem:
    device_id: str
    n: int
    problem: str  # "gap" | "prev_hash" | "hash"


def verify(conn: sqlite3.Connection) -> list[ChainProblem]:
    """Every break in every device's chain (empty when all is well)."""
    problems: list[ChainProblem] = []
    cur = conn.execute(
        "SELECT id, device_id, n, at, user_id, action, entity, entity_id, summary, prev_hash, hash"
        " FROM audit_log ORDER BY device_id, n"
    )
    cols = [d[0] for d in cur.description]
    device, expected_n, prev = None, 1, GENESIS
    for values in cur:
        row = dict(zip(cols, values, strict=True))
        if row["device_id"] != device:
            device, expected_n, prev = row["device_id"], 1, GENESIS
        if row["n"] != expected_n:
            problems.append(ChainProblem(device, row["n"], "gap"))
        if row["prev_hash"] != prev:
            problems.append(ChainProblem(device, row["n"], "prev_hash"))
        if row_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(ChainProblem(device, row["n"], "hash"))
        prev, expected_n = row["hash"], row["n"] + 1
    return problems


def verify_head(conn: sqlite3.Connection, device_id: str, n: int, digest: str) -> str | None:
    """Compare a device's chain with its anchored head ``(n, hash)`` kept outside the database.

    The chain may extend past the anchor (a crash between commit and anchor leaves the anchor
    behind); it may not end before entry ``n`` ("truncated") nor hold another entry ``n``
    ("rewritten": edited and re-hashed from some entry on). None when it matches.
    """
    last = head(conn, device_id)
    if last is None or last.n < n:
        return "truncated"
    row = conn.execute(
        "SELECT hash FROM audit_log WHERE device_id = ? AND n = ?", (device_id, n)).fetchone()
    if row is None or row[0] != digest:
        return "rewritten"
    return None
