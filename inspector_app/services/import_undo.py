"""Undo for an import saved in several short transactions (register import, issue 11).

A 100,000-row import in one transaction holds the store's write lock for a minute and
grows the WAL by hundreds of MB, so every other window or script trying to save fails
with 数据库正被其他程序占用. The import therefore commits in short batches; this journal
makes a cancelled or failed import still leave nothing behind. While a batch runs, TEMP
triggers on the writer's connection (invisible to every other connection, created and
dropped inside the batch's own transaction, so they see only the import's rows) note
each region, unit and site the batch inserts, and the old values of each one it changes,
in a TEMP table. :meth:`UndoJournal.undo` then reverts all of it in ONE transaction, newest
first: inserted rows are tombstoned (``deleted = 1``, as every deletion in the app: they
vanish from every list, the search index and the register), changed rows get their old
values back, each with a fresh HLC, so any device that already synced a batch ends where
this one does.

The journal lives in the connection's TEMP store: if the process dies mid-import, the
batches already committed stay. They are ordinary, complete sites; importing the file
again matches them and adds only the rest.
"""

from __future__ import annotations

import json
import sqlite3

from ..core.ids import uuid7
from ..store.schema import SYNCED_TABLES, columns_of
from ..store.store import WriteTx

TABLES = ("region", "unit", "site")  # parents first; undone in the reverse order of writing


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class UndoJournal:
    """What an import wrote, batch by batch, so that all of it can be reverted at once."""

    def __init__(self) -> None:
        self.table = "import_undo_" + uuid7().replace("-", "")[-12:]
        self.batches = 0  # batches committed with this journal

    def start(self, conn: sqlite3.Connection) -> None:
        """Inside a batch's transaction, before it writes: record what it writes."""
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {self.table} (n INTEGER PRIMARY KEY, "
            "tbl TEXT NOT NULL, row_id TEXT NOT NULL, old TEXT)"
        )
        for table in TABLES:
            old = ", ".join(f"'{c}', OLD.{_q(c)}" for c in columns_of(table))
            conn.execute(
                f"CREATE TEMP TRIGGER {self.table}_{table}_i AFTER INSERT ON main.{table} BEGIN "
                f"INSERT INTO {self.table}(tbl, row_id) VALUES ('{table}', NEW.id); END"
            )
            conn.execute(
                f"CREATE TEMP TRIGGER {self.table}_{table}_u BEFORE UPDATE ON main.{table} BEGIN "
                f"INSERT INTO {self.table}(tbl, row_id, old) VALUES ('{table}', OLD.id, "
                f"json_object({old})); END"
            )

    def stop(self, conn: sqlite3.Connection, *, last: bool = False) -> None:
        """Before the batch commits: stop recording (``last``: the import is done, forget it)."""
        for table in TABLES:
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{self.table}_{table}_i")
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{self.table}_{table}_u")
        if last:
            conn.execute(f"DROP TABLE IF EXISTS temp.{self.table}")
        self.batches += 1  # counted before the commit: a failed commit raises and undo finds no rows

    def undo(self, tx: WriteTx) -> int:
        """Revert every recorded write, newest first, in the caller's one transaction."""
        conn = tx.conn
        exists = conn.execute(
            "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (self.table,)
        ).fetchone()
        if not exists:
            return 0
        entries = conn.execute(f"SELECT tbl, row_id, old FROM temp.{self.table} ORDER BY n DESC").fetchall()
        run: list[str] = []
        run_table = ""
        for table, row_id, old in entries:
            if old is None and table == run_table:
                run.append(row_id)
                continue
            self._delete(tx, run_table, run)
            run, run_table = ([row_id], table) if old is None else ([], "")
            if old is not None:
                self._restore(tx, table, row_id, old)
        self._delete(tx, run_table, run)
        conn.execute(f"DROP TABLE temp.{self.table}")
        return len(entries)

    @staticmethod
    def _restore(tx: WriteTx, table: str, row_id: str, old: str) -> None:
        values = json.loads(old)
        keep = set(SYNCED_TABLES[table]) | {"deleted"}
        tx.update(table, row_id, {k: v for k, v in values.items() if k in keep})

    @staticmethod
    def _delete(tx: WriteTx, table: str, ids: list[str]) -> None:
        """Tombstone rows the import inserted (the app never deletes rows outright)."""
        if not ids:
            return
        now, device = tx.now_iso, tx.store.device_id
        tx.conn.executemany(
            f"UPDATE {table} SET deleted = 1, updated_at = ?, device_id = ?, hlc = ? "
            "WHERE id = ? AND deleted = 0",
            [(now, device, tx.stamp(), row_id) for row_id in ids],
        )
