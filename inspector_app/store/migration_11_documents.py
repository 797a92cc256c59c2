"""Migration 11: issued official documents (文书) and their number blocks.

Frozen like the steps before it: fixed SQL only. What it adds:

- ``document``: one row per issued (or voided) document: kind, its number parts (agency,
  code, year, n) and the printed number, the hazards and site it covers, the sha256 of the
  stored PDF (``documents/ab/<sha256>.pdf``), who issued it and when, the officers printed on
  it, its state (issued | served | refused | voided) and how it was served. Previews are
  never stored.
- ``number_block``: a range of numbers [first, last] of one (agency, code, year) held by one
  device (``holder_device``; ``device_id`` is the sync column of the last writer); ``next``
  is the next number it hands out. Numbers are never reused: a failed write voids its number.

Both are synced (``SYNCED_SINCE``): their oplog triggers come from ``migrations.migrate``.
"""

from __future__ import annotations

import sqlite3

STEP_11: tuple[str, ...] = (
    """CREATE TABLE "document" (
   "id" TEXT PRIMARY KEY,
   "kind" TEXT,
   "number" TEXT,
   "agency_id" TEXT,
   "code" TEXT,
   "year" INTEGER,
   "n" INTEGER,
   "hazard_ids" TEXT,
   "site_id" TEXT,
   "pdf_sha256" TEXT,
   "issued_at" TEXT,
   "issued_by" TEXT,
   "officers" TEXT,
   "state" TEXT,
   "void_reason" TEXT,
   "served_on" TEXT,
   "served_how" TEXT,
   "received_by" TEXT,
   "witness" TEXT,
   "scan_sha256" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """CREATE INDEX "idx_document_number" ON "document" ("number");""",
    """CREATE INDEX "idx_document_pdf_sha256" ON "document" ("pdf_sha256");""",
    """CREATE INDEX "idx_document_site_id" ON "document" ("site_id");""",
    """CREATE INDEX "idx_document_sequence" ON "document" ("agency_id", "code", "year", "n");""",
    """CREATE TABLE "number_block" (
   "id" TEXT PRIMARY KEY,
   "agency_id" TEXT,
   "code" TEXT,
   "year" INTEGER,
   "holder_device" TEXT,
   "first" INTEGER,
   "last" INTEGER,
   "next" INTEGER,
   "returned_at" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """CREATE INDEX "idx_number_block_sequence" ON "number_block" ("agency_id", "code", "year");""",
)


def m011_documents(conn: sqlite3.Connection) -> None:
    for sql in STEP_11:
        conn.execute(sql)
