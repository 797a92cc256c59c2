"""Many inserts in one transaction, fast: batched ``executemany`` and one search-index pass.

``WriteTx.insert`` builds and runs one statement per row, and the search-index trigger on
``site`` makes FTS5 flush once per statement; for a 50,000-row import that is most of the
time. Rows here get exactly the same id and sync columns (a fresh HLC each, stamped as the
row is written so that HLCs increase in oplog order, and the oplog triggers record every
insert as usual); only the site search trigger is lifted for the
duration and the new sites are indexed in one statement before the transaction ends —
the same SQL ``search_index.create`` uses for rows that exist before the index does.
Everything stays inside the caller's transaction: a rollback restores the trigger too.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.ids import uuid7
from ..store import search_index
from ..store.schema import columns_of
from ..store.store import WriteTx

BATCH = 1000
_ORDER = ("region", "unit", "site")  # parents before children (foreign keys are immediate)


class BulkWriter:
    def __init__(self, tx: WriteTx) -> None:
        self.tx = tx
        self.pending: dict[str, list[list[Any]]] = {}
        self.columns: dict[str, list[str]] = {}
        self.new_sites: list[str] = []
        self._allowed: dict[str, frozenset[str]] = {}
        self._now = tx.now_iso  # the transaction's moment: the same for every row
        self._device = tx.store.device_id
        self._trigger_sql: str | None = None
        self._suspended = False

    def insert(self, table: str, values: dict[str, Any]) -> str:
        cols = self.columns.get(table)
        if cols is None:
            cols = self.columns[table] = columns_of(table)
            self._allowed[table] = frozenset(cols)
        if not self._allowed[table].issuperset(values):
            raise ValueError(f"unknown columns for {table}: {sorted(set(values) - self._allowed[table])}")
        row = dict(values)
        row.setdefault("id", uuid7())
        row.update(created_at=row.get("created_at") or self._now, updated_at=self._now,
                   device_id=self._device, hlc=None, deleted=0)  # stamped when written, in order
        self.pending.setdefault(table, []).append(list(map(row.get, cols)))
        if table == "site":
            self._suspend_search()
            self.new_sites.append(row["id"])
        if len(self.pending[table]) >= BATCH:
            self.flush()
        return str(row["id"])

    def flush(self) -> None:
        for table in sorted(self.pending, key=lambda t: _ORDER.index(t) if t in _ORDER else 99):
            rows = self.pending[table]
            if rows:
                cols = self.columns[table]
                at = cols.index("hlc")
                for row in rows:  # in the order the oplog records them: stamps increase with seq
                    row[at] = self.tx.stamp()
                self.tx.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                    rows,
                )
                rows.clear()

    def finish(self) -> None:
        """Write what is pending, put the search trigger back, index the new sites."""
        self.flush()
        if not self._suspended:
            return
        conn = self.tx.conn
        if self._trigger_sql:
            conn.execute(self._trigger_sql)
        ids = json.dumps(self.new_sites)
        conn.execute(
            "INSERT OR IGNORE INTO search_doc(kind, ref_id) SELECT 'site', value FROM json_each(?)",
            (ids,),
        )
        text = search_index._SITE_TEXT.replace("NEW.", "r.")
        conn.execute(
            # CROSS JOIN keeps json_each outermost: one index lookup per new site
            f"INSERT INTO search_fts(rowid, body) SELECT d.docid, {text} FROM json_each(?) j "
            "CROSS JOIN site r ON r.id = j.value "
            "CROSS JOIN search_doc d ON d.kind = 'site' AND d.ref_id = r.id WHERE r.deleted = 0",
            (ids,),
        )
        self._suspended = False

    def _suspend_search(self) -> None:
        if self._suspended:
            return
        self._suspended = True
        row = self.tx.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_site_insert'"
        ).fetchone()
        self._trigger_sql = row[0] if row else None
        if row:
            self.tx.conn.execute("DROP TRIGGER search_site_insert")
