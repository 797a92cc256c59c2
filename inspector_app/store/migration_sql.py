"""The SQL of each schema step, frozen: the exact statements each migration runs.

Nothing here is computed from today's definitions (``schema.SYNCED_TABLES``, the tally and
schedule generators, the search index text): a step must build tomorrow what it built the
day it was released, or a store upgraded from an old release ends up different from a fresh
one. Step 1 is the schema of version 1 as the first release created it (copied from
``sqlite_master`` of ``tests/fixtures/stores/v1``); steps 2-9 are the statements those
migrations executed, captured once from their code. A change to the schema is a new step
appended here, never an edit of an old one (``tests/integration/test_upgrade_from_old_releases.py``
upgrades stores written by old releases and compares them with a fresh store).

The oplog triggers are not here: ``migrations`` regenerates them after the steps, for the
synced tables of the target version (``SYNCED_SINCE``), from the columns each table has in
the database file.
"""

from __future__ import annotations

# synced table -> the step that created it (each gets oplog triggers from that version on)
SYNCED_SINCE: dict[str, int] = {
    "region": 1,
    "agency": 1,
    "app_user": 1,
    "device": 1,
    "unit": 1,
    "site": 1,
    "checklist_template": 1,
    "checklist_item": 1,
    "inspection": 1,
    "inspection_result": 1,
    "hazard": 1,
    "hazard_event": 1,
    "media": 3,
    "photo_link": 3,
    "campaign": 4,
    "public_report": 5,
    "assigned_task": 5,
    "setting": 10,  # migration_10_sync_ready
    "document": 11,  # migration_11_documents
    "number_block": 11,
}

# the core data model, oplog, sync guard, store info, audit log (as the first release built it)
STEP_1: tuple[str, ...] = (
    """CREATE TABLE "region" (
   "id" TEXT PRIMARY KEY,
   "parent_id" TEXT,
   "level" TEXT,
   "name" TEXT,
   "code" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "agency" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "short_name" TEXT,
   "region_id" TEXT,
   "enforcement_power" INTEGER,
   "seal_text" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "app_user" (
   "id" TEXT PRIMARY KEY,
   "login" TEXT,
   "name" TEXT,
   "role" TEXT,
   "grid_ids" TEXT,
   "cert_no" TEXT,
   "password_hash" TEXT,
   "active" INTEGER,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "device" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "public_key" TEXT,
   "trusted_by" TEXT,
   "trusted_at" TEXT,
   "revoked_at" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "unit" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "uscc" TEXT,
   "uscc_ok" INTEGER,
   "legal_rep" TEXT,
   "phone" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "site" (
   "id" TEXT PRIMARY KEY,
   "unit_id" TEXT REFERENCES "unit"("id"),
   "name" TEXT,
   "sectors" TEXT,
   "address" TEXT,
   "grid_id" TEXT REFERENCES "region"("id"),
   "building" TEXT,
   "landlord" TEXT,
   "contact" TEXT,
   "phone" TEXT,
   "risk_colour" TEXT,
   "lat" REAL,
   "lon" REAL,
   "notes" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "checklist_template" (
   "id" TEXT PRIMARY KEY,
   "code" TEXT,
   "sector" TEXT,
   "also_sectors" TEXT,
   "version" INTEGER,
   "title" TEXT,
   "title_en" TEXT,
   "basis_note" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "checklist_item" (
   "id" TEXT PRIMARY KEY,
   "template_id" TEXT REFERENCES "checklist_template"("id"),
   "position" INTEGER,
   "code" TEXT,
   "text" TEXT,
   "basis" TEXT,
   "major" INTEGER,
   "default_days" INTEGER,
   "hint" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "inspection" (
   "id" TEXT PRIMARY KEY,
   "site_id" TEXT REFERENCES "site"("id"),
   "inspector_ids" TEXT,
   "kind" TEXT,
   "campaign_id" TEXT,
   "started_at" TEXT,
   "ended_at" TEXT,
   "location" TEXT,
   "status" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "inspection_result" (
   "id" TEXT PRIMARY KEY,
   "inspection_id" TEXT REFERENCES "inspection"("id"),
   "item_id" TEXT REFERENCES "checklist_item"("id"),
   "result" TEXT,
   "note" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "hazard" (
   "id" TEXT PRIMARY KEY,
   "site_id" TEXT REFERENCES "site"("id"),
   "grid_id" TEXT REFERENCES "region"("id"),
   "inspection_id" TEXT REFERENCES "inspection"("id"),
   "item_id" TEXT,
   "source" TEXT,
   "description" TEXT,
   "location" TEXT,
   "basis" TEXT,
   "level" TEXT,
   "level_confirmed" INTEGER,
   "factor" TEXT,
   "measure_type" TEXT,
   "responsible_person" TEXT,
   "responsible_phone" TEXT,
   "measures" TEXT,
   "funds_amount" REAL,
   "funds_source" TEXT,
   "contingency_plan" TEXT,
   "deadline_days" INTEGER,
   "working_days" INTEGER,
   "found_on" TEXT,
   "found_by" TEXT,
   "served_on" TEXT,
   "due_date" TEXT,
   "closed_on" TEXT,
   "status" TEXT,
   "extended" INTEGER,
   "listed" INTEGER,
   "escalation" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE "hazard_event" (
   "id" TEXT PRIMARY KEY,
   "hazard_id" TEXT REFERENCES "hazard"("id"),
   "kind" TEXT,
   "at" TEXT,
   "by_user" TEXT,
   "data" TEXT,
   "supersedes" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
)""",
    """CREATE TABLE oplog (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL,
  fields_json TEXT,
  hlc TEXT NOT NULL,
  base_hlc TEXT,
  device_id TEXT NOT NULL
)""",
    "CREATE TABLE sync_guard (id INTEGER PRIMARY KEY CHECK (id = 1), applying INTEGER NOT NULL)",
    "INSERT INTO sync_guard(id, applying) VALUES (1, 0)",
    "CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT)",
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
)""",
    """CREATE INDEX "idx_region_parent_id"
    ON "region" ("parent_id")""",
    """CREATE INDEX "idx_region_level_code"
    ON "region" ("level", "code")""",
    """CREATE INDEX "idx_app_user_login"
    ON "app_user" ("login")""",
    """CREATE INDEX "idx_unit_uscc"
    ON "unit" ("uscc")""",
    """CREATE INDEX "idx_unit_name"
    ON "unit" ("name")""",
    """CREATE INDEX "idx_site_grid_id"
    ON "site" ("grid_id")""",
    """CREATE INDEX "idx_site_unit_id"
    ON "site" ("unit_id")""",
    """CREATE INDEX "idx_site_name"
    ON "site" ("name")""",
    """CREATE INDEX "idx_site_deleted_grid_id"
    ON "site" ("deleted", "grid_id")""",
    """CREATE INDEX "idx_checklist_template_code_version"
    ON "checklist_template" ("code", "version")""",
    """CREATE INDEX "idx_checklist_item_template_id_position"
    ON "checklist_item" ("template_id", "position")""",
    """CREATE INDEX "idx_inspection_site_id"
    ON "inspection" ("site_id")""",
    """CREATE INDEX "idx_inspection_started_at"
    ON "inspection" ("started_at")""",
    """CREATE INDEX "idx_inspection_result_inspection_id"
    ON "inspection_result" ("inspection_id")""",
    """CREATE INDEX "idx_hazard_site_id"
    ON "hazard" ("site_id")""",
    """CREATE INDEX "idx_hazard_inspection_id"
    ON "hazard" ("inspection_id")""",
    """CREATE INDEX "idx_hazard_status_due_date"
    ON "hazard" ("status", "due_date")""",
    """CREATE INDEX "idx_hazard_grid_id_status"
    ON "hazard" ("grid_id", "status")""",
    """CREATE INDEX "idx_hazard_found_on"
    ON "hazard" ("found_on")""",
    """CREATE INDEX "idx_hazard_level_status"
    ON "hazard" ("level", "status")""",
    """CREATE INDEX "idx_hazard_event_hazard_id_hlc"
    ON "hazard_event" ("hazard_id", "hlc")""",
    "CREATE INDEX oplog_row ON oplog(tbl, row_id)",
)

# bigram full-text index over sites and hazards, filled from the rows already there
STEP_2: tuple[str, ...] = (
    "CREATE TABLE search_doc (docid INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL, UNIQUE (kind, ref_id))",
    "CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')",
    """CREATE TRIGGER search_site_insert AFTER INSERT ON site
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('site', NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT (SELECT docid FROM search_doc WHERE kind = 'site' AND ref_id = NEW.id), gi_tokens(NEW.name, NEW.address, NEW.contact, NEW.phone, NEW.notes, NEW.landlord, NEW.building, (SELECT name || ' ' || coalesce(uscc, '') || ' ' || coalesce(legal_rep, '') FROM unit WHERE id = NEW.unit_id)) WHERE NEW.deleted = 0;
END""",
    """CREATE TRIGGER search_site_update AFTER UPDATE ON site
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('site', NEW.id);
  DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE kind = 'site' AND ref_id = NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT (SELECT docid FROM search_doc WHERE kind = 'site' AND ref_id = NEW.id), gi_tokens(NEW.name, NEW.address, NEW.contact, NEW.phone, NEW.notes, NEW.landlord, NEW.building, (SELECT name || ' ' || coalesce(uscc, '') || ' ' || coalesce(legal_rep, '') FROM unit WHERE id = NEW.unit_id)) WHERE NEW.deleted = 0;
END""",
    """CREATE TRIGGER search_site_delete AFTER DELETE ON site
BEGIN
  DELETE FROM search_fts WHERE rowid =
    (SELECT docid FROM search_doc WHERE kind = 'site' AND ref_id = OLD.id);
  DELETE FROM search_doc WHERE kind = 'site' AND ref_id = OLD.id;
END""",
    "INSERT INTO search_doc(kind, ref_id) SELECT 'site', id FROM site",
    "INSERT INTO search_fts(rowid, body) SELECT d.docid, gi_tokens(r.name, r.address, r.contact, r.phone, r.notes, r.landlord, r.building, (SELECT name || ' ' || coalesce(uscc, '') || ' ' || coalesce(legal_rep, '') FROM unit WHERE id = r.unit_id)) FROM site r JOIN search_doc d ON d.kind = 'site' AND d.ref_id = r.id WHERE r.deleted = 0",
    """CREATE TRIGGER search_hazard_insert AFTER INSERT ON hazard
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('hazard', NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT (SELECT docid FROM search_doc WHERE kind = 'hazard' AND ref_id = NEW.id), gi_tokens(NEW.description, NEW.location, NEW.basis, NEW.measures, NEW.responsible_person) WHERE NEW.deleted = 0;
END""",
    """CREATE TRIGGER search_hazard_update AFTER UPDATE ON hazard
BEGIN
  INSERT OR IGNORE INTO search_doc(kind, ref_id) VALUES ('hazard', NEW.id);
  DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE kind = 'hazard' AND ref_id = NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT (SELECT docid FROM search_doc WHERE kind = 'hazard' AND ref_id = NEW.id), gi_tokens(NEW.description, NEW.location, NEW.basis, NEW.measures, NEW.responsible_person) WHERE NEW.deleted = 0;
END""",
    """CREATE TRIGGER search_hazard_delete AFTER DELETE ON hazard
BEGIN
  DELETE FROM search_fts WHERE rowid =
    (SELECT docid FROM search_doc WHERE kind = 'hazard' AND ref_id = OLD.id);
  DELETE FROM search_doc WHERE kind = 'hazard' AND ref_id = OLD.id;
END""",
    "INSERT INTO search_doc(kind, ref_id) SELECT 'hazard', id FROM hazard",
    "INSERT INTO search_fts(rowid, body) SELECT d.docid, gi_tokens(r.description, r.location, r.basis, r.measures, r.responsible_person) FROM hazard r JOIN search_doc d ON d.kind = 'hazard' AND d.ref_id = r.id WHERE r.deleted = 0",
    """CREATE TRIGGER search_unit_update AFTER UPDATE OF name, uscc, legal_rep ON unit
BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT d.docid FROM search_doc d JOIN site s
    ON d.kind = 'site' AND d.ref_id = s.id WHERE s.unit_id = NEW.id);
  INSERT INTO search_fts(rowid, body) SELECT d.docid, gi_tokens(s.name, s.address, s.contact,
    s.phone, s.notes, s.landlord, s.building, NEW.name || ' ' || coalesce(NEW.uscc, '') || ' '
    || coalesce(NEW.legal_rep, ''))
    FROM site s JOIN search_doc d ON d.kind = 'site' AND d.ref_id = s.id
    WHERE s.unit_id = NEW.id AND s.deleted = 0;
END""",
)

# photo evidence: media (keyed by sha256) and photo_link (each use)
STEP_3: tuple[str, ...] = (
    """CREATE TABLE "media" (
   "id" TEXT PRIMARY KEY,
   "kind" TEXT,
   "mime" TEXT,
   "size" INTEGER,
   "width" INTEGER,
   "height" INTEGER,
   "taken_at" TEXT,
   "taken_at_source" TEXT,
   "lat" REAL,
   "lon" REAL,
   "original_name" TEXT,
   "notes" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """CREATE INDEX IF NOT EXISTS "idx_media_taken_at"
    ON "media" ("taken_at");""",
    """CREATE TABLE "photo_link" (
   "id" TEXT PRIMARY KEY,
   "media_id" TEXT REFERENCES "media"("id"),
   "hazard_id" TEXT REFERENCES "hazard"("id"),
   "inspection_id" TEXT REFERENCES "inspection"("id"),
   "document_id" TEXT,
   "phase" TEXT,
   "annotation" TEXT,
   "supersedes" TEXT,
   "flags" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """CREATE INDEX IF NOT EXISTS "idx_photo_link_media_id"
    ON "photo_link" ("media_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_photo_link_hazard_id"
    ON "photo_link" ("hazard_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_photo_link_inspection_id"
    ON "photo_link" ("inspection_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_photo_link_document_id"
    ON "photo_link" ("document_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_photo_link_supersedes"
    ON "photo_link" ("supersedes");""",
)

# campaigns, the checklists an inspection used, the hazard a checklist result created
STEP_4: tuple[str, ...] = (
    """CREATE TABLE "campaign" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "sector" TEXT,
   "grid_id" TEXT,
   "starts_on" TEXT,
   "ends_on" TEXT,
   "notes" TEXT,
   "seed" TEXT,
   "site_pool" TEXT,
   "inspector_pool" TEXT,
   "drawn_sites" TEXT,
   "drawn_inspectors" TEXT,
   "drawn_at" TEXT,
   "drawn_by" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """ALTER TABLE "inspection" ADD COLUMN "template_ids" TEXT;""",
    """ALTER TABLE "inspection_result" ADD COLUMN "hazard_id" TEXT;""",
    """CREATE INDEX IF NOT EXISTS "idx_inspection_campaign_id"
    ON "inspection" ("campaign_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_inspection_status_site_id"
    ON "inspection" ("status", "site_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_campaign_sector"
    ON "campaign" ("sector");""",
    """CREATE INDEX IF NOT EXISTS "idx_campaign_starts_on"
    ON "campaign" ("starts_on");""",
)

# rectification lifecycle: public reports, handed-down tasks, hazard lifecycle columns, the covering indexes, the protected reporter table (the backfill is code: migration_lifecycle.backfill_derived)
STEP_5: tuple[str, ...] = (
    """CREATE TABLE "public_report" (
   "id" TEXT PRIMARY KEY,
   "channel" TEXT,
   "received_at" TEXT,
   "content" TEXT,
   "site_id" TEXT,
   "grid_id" TEXT,
   "location" TEXT,
   "status" TEXT,
   "inspection_id" TEXT,
   "closed_reason" TEXT,
   "closed_at" TEXT,
   "reward_amount" REAL,
   "reward_note" TEXT,
   "anonymous" INTEGER,
   "received_by" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """CREATE TABLE "assigned_task" (
   "id" TEXT PRIMARY KEY,
   "source" TEXT,
   "reference" TEXT,
   "received_on" TEXT,
   "due_on" TEXT,
   "content" TEXT,
   "site_id" TEXT,
   "grid_id" TEXT,
   "assigned_to" TEXT,
   "status" TEXT,
   "done_on" TEXT,
   "result" TEXT,
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT NOT NULL,
   "device_id" TEXT NOT NULL,
   "hlc" TEXT NOT NULL,
   "deleted" INTEGER NOT NULL DEFAULT 0
);""",
    """ALTER TABLE "hazard" ADD COLUMN "interim_measures" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_target" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_methods" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_materials" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_bodies" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_schedule" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "plan_safety" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "reported_on" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "recheck_due" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "public_report_id" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "assigned_task_id" TEXT;""",
    """ALTER TABLE "hazard" ADD COLUMN "sector" TEXT;""",
    """CREATE INDEX IF NOT EXISTS "idx_public_report_status_received_at"
    ON "public_report" ("status", "received_at");""",
    """CREATE INDEX IF NOT EXISTS "idx_public_report_site_id"
    ON "public_report" ("site_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_assigned_task_status_due_on"
    ON "assigned_task" ("status", "due_on");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_found_by"
    ON "hazard" ("found_by");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_level_recheck_due"
    ON "hazard" ("level", "recheck_due");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_public_report_id"
    ON "hazard" ("public_report_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_assigned_task_id"
    ON "hazard" ("assigned_task_id");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_deleted_status_due_date_level_listed_grid_id_found_by_sector"
    ON "hazard" ("deleted", "status", "due_date", "level", "listed", "grid_id", "found_by", "sector");""",
    """CREATE INDEX IF NOT EXISTS "idx_hazard_deleted_grid_id_sector_status_level_listed_found_by_factor_measure_type_escalation_found_on"
    ON "hazard" ("deleted", "grid_id", "sector", "status", "level", "listed", "found_by", "factor", "measure_type", "escalation", "found_on");""",
    """CREATE INDEX IF NOT EXISTS "idx_inspection_deleted_inspector_ids_status_site_id_started_at"
    ON "inspection" ("deleted", "inspector_ids", "status", "site_id", "started_at");""",
    """CREATE TABLE IF NOT EXISTS public_report_reporter (
  report_id TEXT PRIMARY KEY,
  name TEXT,
  phone TEXT,
  contact_note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT
)""",
)

# running hazards by due date (the dashboard's overdue / due soon lists)
STEP_6: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS hazard_active_due ON hazard(due_date) WHERE deleted = 0 AND status IN ('open', 'notified')",
)

# the statistics' hazard tally (one tally over every key) and the plan's indexes
STEP_7: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS hazard_tally (grid_id TEXT, sector TEXT, status TEXT, level TEXT, listed INTEGER, found_by TEXT, factor TEXT, measure_type TEXT, escalation TEXT, n INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS hazard_tally_key ON hazard_tally (grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation)",
    "DROP TRIGGER IF EXISTS tally_hazard_insert",
    "DROP TRIGGER IF EXISTS tally_hazard_delete",
    "DROP TRIGGER IF EXISTS tally_hazard_update_old",
    "DROP TRIGGER IF EXISTS tally_hazard_update_new",
    """CREATE TRIGGER tally_hazard_insert AFTER INSERT ON hazard
WHEN new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation, n) SELECT new.grid_id, new.sector, new.status, new.level, new.listed, new.found_by, new.factor, new.measure_type, new.escalation, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_tally WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation);
  UPDATE hazard_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation;
END""",
    """CREATE TRIGGER tally_hazard_delete AFTER DELETE ON hazard
WHEN old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
  DELETE FROM hazard_tally WHERE n <= 0 AND grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
END""",
    """CREATE TRIGGER tally_hazard_update_old AFTER UPDATE OF grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation, deleted ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.sector IS NOT new.sector OR old.status IS NOT new.status OR old.level IS NOT new.level OR old.listed IS NOT new.listed OR old.found_by IS NOT new.found_by OR old.factor IS NOT new.factor OR old.measure_type IS NOT new.measure_type OR old.escalation IS NOT new.escalation OR old.deleted IS NOT new.deleted) AND old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
  DELETE FROM hazard_tally WHERE n <= 0 AND grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
END""",
    """CREATE TRIGGER tally_hazard_update_new AFTER UPDATE OF grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation, deleted ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.sector IS NOT new.sector OR old.status IS NOT new.status OR old.level IS NOT new.level OR old.listed IS NOT new.listed OR old.found_by IS NOT new.found_by OR old.factor IS NOT new.factor OR old.measure_type IS NOT new.measure_type OR old.escalation IS NOT new.escalation OR old.deleted IS NOT new.deleted) AND new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation, n) SELECT new.grid_id, new.sector, new.status, new.level, new.listed, new.found_by, new.factor, new.measure_type, new.escalation, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_tally WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation);
  UPDATE hazard_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation;
END""",
    "DELETE FROM hazard_tally",
    "INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, factor, measure_type, escalation, n) SELECT h.grid_id, h.sector, h.status, h.level, h.listed, h.found_by, h.factor, h.measure_type, h.escalation, count(*) FROM hazard h WHERE h.deleted = 0 AND h.status != 'draft' AND h.sector IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
    "CREATE INDEX IF NOT EXISTS hazard_without_sector ON hazard(site_id) WHERE deleted = 0 AND sector IS NULL",
    "CREATE INDEX IF NOT EXISTS inspection_last_finished ON inspection(site_id, ended_at) WHERE status = 'finished' AND deleted = 0",
)

# an inspector's statistics: inspections per site from a covering index
STEP_8: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS inspection_site_cover ON inspection(site_id, status, deleted, started_at, inspector_ids)",
)

# inspection schedule per site, hazard tally split in two, inspection tally, panel indexes
STEP_9: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS site_schedule (
  site_id TEXT PRIMARY KEY,
  risk_colour TEXT NOT NULL,
  grid_id TEXT,
  inspected INTEGER NOT NULL,
  base_at TEXT NOT NULL
) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS site_schedule_due ON site_schedule(risk_colour, inspected, base_at)",
    "CREATE INDEX IF NOT EXISTS site_schedule_grid_due ON site_schedule(grid_id, risk_colour, inspected, base_at)",
    "DROP TRIGGER IF EXISTS schedule_site_insert",
    "DROP TRIGGER IF EXISTS schedule_site_update",
    "DROP TRIGGER IF EXISTS schedule_site_delete",
    "DROP TRIGGER IF EXISTS schedule_inspection_insert",
    "DROP TRIGGER IF EXISTS schedule_inspection_update",
    "DROP TRIGGER IF EXISTS schedule_inspection_delete",
    """CREATE TRIGGER schedule_site_insert AFTER INSERT ON site WHEN new.deleted = 0 BEGIN
  INSERT OR REPLACE INTO site_schedule (site_id, risk_colour, grid_id, inspected, base_at) SELECT new.id, CASE WHEN new.risk_colour IN ('red', 'orange', 'yellow', 'blue') THEN new.risk_colour ELSE 'unrated' END, new.grid_id, l.at IS NOT NULL, coalesce(l.at, new.created_at) FROM (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = new.id AND i.status = 'finished' AND i.deleted = 0) l;
END""",
    """CREATE TRIGGER schedule_site_update AFTER UPDATE OF id, risk_colour, grid_id, deleted,
  created_at ON site BEGIN
  DELETE FROM site_schedule WHERE site_id = old.id;
  INSERT OR REPLACE INTO site_schedule (site_id, risk_colour, grid_id, inspected, base_at) SELECT new.id, CASE WHEN new.risk_colour IN ('red', 'orange', 'yellow', 'blue') THEN new.risk_colour ELSE 'unrated' END, new.grid_id, l.at IS NOT NULL, coalesce(l.at, new.created_at) FROM (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = new.id AND i.status = 'finished' AND i.deleted = 0) l
    WHERE new.deleted = 0;
END""",
    """CREATE TRIGGER schedule_site_delete AFTER DELETE ON site BEGIN
  DELETE FROM site_schedule WHERE site_id = old.id;
END""",
    """CREATE TRIGGER schedule_inspection_insert AFTER INSERT ON inspection
WHEN new.status = 'finished' AND new.deleted = 0 BEGIN
  UPDATE site_schedule SET (inspected, base_at) = (SELECT l.at IS NOT NULL, coalesce(l.at, s.created_at) FROM site s, (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = new.site_id AND i.status = 'finished' AND i.deleted = 0) l WHERE s.id = new.site_id) WHERE site_id = new.site_id;
END""",
    """CREATE TRIGGER schedule_inspection_update AFTER UPDATE OF site_id, status, ended_at, deleted ON inspection
WHEN old.site_id IS NOT new.site_id OR old.status IS NOT new.status
  OR old.ended_at IS NOT new.ended_at OR old.deleted IS NOT new.deleted BEGIN
  UPDATE site_schedule SET (inspected, base_at) = (SELECT l.at IS NOT NULL, coalesce(l.at, s.created_at) FROM site s, (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = old.site_id AND i.status = 'finished' AND i.deleted = 0) l WHERE s.id = old.site_id) WHERE site_id = old.site_id;
  UPDATE site_schedule SET (inspected, base_at) = (SELECT l.at IS NOT NULL, coalesce(l.at, s.created_at) FROM site s, (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = new.site_id AND i.status = 'finished' AND i.deleted = 0) l WHERE s.id = new.site_id) WHERE site_id = new.site_id;
END""",
    """CREATE TRIGGER schedule_inspection_delete AFTER DELETE ON inspection
WHEN old.status = 'finished' AND old.deleted = 0 BEGIN
  UPDATE site_schedule SET (inspected, base_at) = (SELECT l.at IS NOT NULL, coalesce(l.at, s.created_at) FROM site s, (SELECT max(i.ended_at) AS at FROM inspection i WHERE i.site_id = old.site_id AND i.status = 'finished' AND i.deleted = 0) l WHERE s.id = old.site_id) WHERE site_id = old.site_id;
END""",
    "DELETE FROM site_schedule",
    "INSERT INTO site_schedule (site_id, risk_colour, grid_id, inspected, base_at) SELECT s.id, CASE WHEN s.risk_colour IN ('red', 'orange', 'yellow', 'blue') THEN s.risk_colour ELSE 'unrated' END, s.grid_id, l.at IS NOT NULL, coalesce(l.at, s.created_at) FROM site s LEFT JOIN (SELECT site_id, max(ended_at) AS at FROM inspection INDEXED BY inspection_last_finished WHERE status = 'finished' AND deleted = 0 GROUP BY site_id) l ON l.site_id = s.id WHERE s.deleted = 0",
    "DROP TRIGGER IF EXISTS tally_hazard_insert",
    "DROP TRIGGER IF EXISTS tally_hazard_delete",
    "DROP TRIGGER IF EXISTS tally_hazard_update_old",
    "DROP TRIGGER IF EXISTS tally_hazard_update_new",
    "DROP TABLE IF EXISTS hazard_tally",
    "DROP TABLE IF EXISTS hazard_class_tally",
    "DROP TABLE IF EXISTS inspection_tally",
    "CREATE TABLE IF NOT EXISTS hazard_tally (grid_id TEXT, sector TEXT, status TEXT, level TEXT, listed INTEGER, found_by TEXT, n INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS hazard_tally_key ON hazard_tally (grid_id, sector, status, level, listed, found_by)",
    "DROP TRIGGER IF EXISTS tally_hazard_insert",
    "DROP TRIGGER IF EXISTS tally_hazard_delete",
    "DROP TRIGGER IF EXISTS tally_hazard_update_old",
    "DROP TRIGGER IF EXISTS tally_hazard_update_new",
    """CREATE TRIGGER tally_hazard_insert AFTER INSERT ON hazard
WHEN new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, n) SELECT new.grid_id, new.sector, new.status, new.level, new.listed, new.found_by, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_tally WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by);
  UPDATE hazard_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by;
END""",
    """CREATE TRIGGER tally_hazard_delete AFTER DELETE ON hazard
WHEN old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by;
  DELETE FROM hazard_tally WHERE n <= 0 AND grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by;
END""",
    """CREATE TRIGGER tally_hazard_update_old AFTER UPDATE OF grid_id, sector, status, level, listed, found_by, deleted ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.sector IS NOT new.sector OR old.status IS NOT new.status OR old.level IS NOT new.level OR old.listed IS NOT new.listed OR old.found_by IS NOT new.found_by OR old.deleted IS NOT new.deleted) AND old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by;
  DELETE FROM hazard_tally WHERE n <= 0 AND grid_id IS old.grid_id AND sector IS old.sector AND status IS old.status AND level IS old.level AND listed IS old.listed AND found_by IS old.found_by;
END""",
    """CREATE TRIGGER tally_hazard_update_new AFTER UPDATE OF grid_id, sector, status, level, listed, found_by, deleted ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.sector IS NOT new.sector OR old.status IS NOT new.status OR old.level IS NOT new.level OR old.listed IS NOT new.listed OR old.found_by IS NOT new.found_by OR old.deleted IS NOT new.deleted) AND new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, n) SELECT new.grid_id, new.sector, new.status, new.level, new.listed, new.found_by, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_tally WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by);
  UPDATE hazard_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND sector IS new.sector AND status IS new.status AND level IS new.level AND listed IS new.listed AND found_by IS new.found_by;
END""",
    "DELETE FROM hazard_tally",
    "INSERT INTO hazard_tally (grid_id, sector, status, level, listed, found_by, n) SELECT h.grid_id, h.sector, h.status, h.level, h.listed, h.found_by, count(*) FROM hazard h WHERE h.deleted = 0 AND h.status != 'draft' AND h.sector IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6",
    "CREATE TABLE IF NOT EXISTS hazard_class_tally (grid_id TEXT, found_by TEXT, factor TEXT, measure_type TEXT, escalation TEXT, n INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS hazard_class_tally_key ON hazard_class_tally (grid_id, found_by, factor, measure_type, escalation)",
    "DROP TRIGGER IF EXISTS tally_hazard_class_insert",
    "DROP TRIGGER IF EXISTS tally_hazard_class_delete",
    "DROP TRIGGER IF EXISTS tally_hazard_class_update_old",
    "DROP TRIGGER IF EXISTS tally_hazard_class_update_new",
    """CREATE TRIGGER tally_hazard_class_insert AFTER INSERT ON hazard
WHEN new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_class_tally (grid_id, found_by, factor, measure_type, escalation, n) SELECT new.grid_id, new.found_by, new.factor, new.measure_type, new.escalation, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_class_tally WHERE grid_id IS new.grid_id AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation);
  UPDATE hazard_class_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation;
END""",
    """CREATE TRIGGER tally_hazard_class_delete AFTER DELETE ON hazard
WHEN old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_class_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
  DELETE FROM hazard_class_tally WHERE n <= 0 AND grid_id IS old.grid_id AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
END""",
    """CREATE TRIGGER tally_hazard_class_update_old AFTER UPDATE OF grid_id, found_by, factor, measure_type, escalation, status, deleted, sector ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.found_by IS NOT new.found_by OR old.factor IS NOT new.factor OR old.measure_type IS NOT new.measure_type OR old.escalation IS NOT new.escalation OR old.status IS NOT new.status OR old.deleted IS NOT new.deleted OR old.sector IS NOT new.sector) AND old.deleted = 0 AND old.status != 'draft' AND old.sector IS NOT NULL BEGIN
  UPDATE hazard_class_tally SET n = n - 1 WHERE grid_id IS old.grid_id AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
  DELETE FROM hazard_class_tally WHERE n <= 0 AND grid_id IS old.grid_id AND found_by IS old.found_by AND factor IS old.factor AND measure_type IS old.measure_type AND escalation IS old.escalation;
END""",
    """CREATE TRIGGER tally_hazard_class_update_new AFTER UPDATE OF grid_id, found_by, factor, measure_type, escalation, status, deleted, sector ON hazard
WHEN (old.grid_id IS NOT new.grid_id OR old.found_by IS NOT new.found_by OR old.factor IS NOT new.factor OR old.measure_type IS NOT new.measure_type OR old.escalation IS NOT new.escalation OR old.status IS NOT new.status OR old.deleted IS NOT new.deleted OR old.sector IS NOT new.sector) AND new.deleted = 0 AND new.status != 'draft' AND new.sector IS NOT NULL BEGIN
  INSERT INTO hazard_class_tally (grid_id, found_by, factor, measure_type, escalation, n) SELECT new.grid_id, new.found_by, new.factor, new.measure_type, new.escalation, 0 WHERE NOT EXISTS (SELECT 1 FROM hazard_class_tally WHERE grid_id IS new.grid_id AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation);
  UPDATE hazard_class_tally SET n = n + 1 WHERE grid_id IS new.grid_id AND found_by IS new.found_by AND factor IS new.factor AND measure_type IS new.measure_type AND escalation IS new.escalation;
END""",
    "DELETE FROM hazard_class_tally",
    "INSERT INTO hazard_class_tally (grid_id, found_by, factor, measure_type, escalation, n) SELECT h.grid_id, h.found_by, h.factor, h.measure_type, h.escalation, count(*) FROM hazard h WHERE h.deleted = 0 AND h.status != 'draft' AND h.sector IS NOT NULL GROUP BY 1, 2, 3, 4, 5",
    "CREATE TABLE IF NOT EXISTS inspection_tally (grid_id TEXT, inspector_ids TEXT, site_id TEXT, n INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS inspection_tally_key ON inspection_tally (inspector_ids, grid_id, site_id, n)",
    "CREATE INDEX IF NOT EXISTS inspection_tally_grid ON inspection_tally (grid_id, site_id, inspector_ids, n)",
    "CREATE INDEX IF NOT EXISTS inspection_tally_site ON inspection_tally (site_id)",
    "DROP TRIGGER IF EXISTS tally_inspection_insert",
    "DROP TRIGGER IF EXISTS tally_inspection_delete",
    "DROP TRIGGER IF EXISTS tally_inspection_update_old",
    "DROP TRIGGER IF EXISTS tally_inspection_update_new",
    """CREATE TRIGGER tally_inspection_insert AFTER INSERT ON inspection
WHEN new.status = 'finished' AND new.deleted = 0 BEGIN
  INSERT INTO inspection_tally (grid_id, inspector_ids, site_id, n) SELECT (SELECT grid_id FROM site WHERE id = new.site_id), new.inspector_ids, new.site_id, 0 WHERE NOT EXISTS (SELECT 1 FROM inspection_tally WHERE grid_id IS (SELECT grid_id FROM site WHERE id = new.site_id) AND inspector_ids IS new.inspector_ids AND site_id IS new.site_id);
  UPDATE inspection_tally SET n = n + 1 WHERE grid_id IS (SELECT grid_id FROM site WHERE id = new.site_id) AND inspector_ids IS new.inspector_ids AND site_id IS new.site_id;
END""",
    """CREATE TRIGGER tally_inspection_delete AFTER DELETE ON inspection
WHEN old.status = 'finished' AND old.deleted = 0 BEGIN
  UPDATE inspection_tally SET n = n - 1 WHERE grid_id IS (SELECT grid_id FROM site WHERE id = old.site_id) AND inspector_ids IS old.inspector_ids AND site_id IS old.site_id;
  DELETE FROM inspection_tally WHERE n <= 0 AND grid_id IS (SELECT grid_id FROM site WHERE id = old.site_id) AND inspector_ids IS old.inspector_ids AND site_id IS old.site_id;
END""",
    """CREATE TRIGGER tally_inspection_update_old AFTER UPDATE OF inspector_ids, site_id, status, deleted ON inspection
WHEN (old.inspector_ids IS NOT new.inspector_ids OR old.site_id IS NOT new.site_id OR old.status IS NOT new.status OR old.deleted IS NOT new.deleted) AND old.status = 'finished' AND old.deleted = 0 BEGIN
  UPDATE inspection_tally SET n = n - 1 WHERE grid_id IS (SELECT grid_id FROM site WHERE id = old.site_id) AND inspector_ids IS old.inspector_ids AND site_id IS old.site_id;
  DELETE FROM inspection_tally WHERE n <= 0 AND grid_id IS (SELECT grid_id FROM site WHERE id = old.site_id) AND inspector_ids IS old.inspector_ids AND site_id IS old.site_id;
END""",
    """CREATE TRIGGER tally_inspection_update_new AFTER UPDATE OF inspector_ids, site_id, status, deleted ON inspection
WHEN (old.inspector_ids IS NOT new.inspector_ids OR old.site_id IS NOT new.site_id OR old.status IS NOT new.status OR old.deleted IS NOT new.deleted) AND new.status = 'finished' AND new.deleted = 0 BEGIN
  INSERT INTO inspection_tally (grid_id, inspector_ids, site_id, n) SELECT (SELECT grid_id FROM site WHERE id = new.site_id), new.inspector_ids, new.site_id, 0 WHERE NOT EXISTS (SELECT 1 FROM inspection_tally WHERE grid_id IS (SELECT grid_id FROM site WHERE id = new.site_id) AND inspector_ids IS new.inspector_ids AND site_id IS new.site_id);
  UPDATE inspection_tally SET n = n + 1 WHERE grid_id IS (SELECT grid_id FROM site WHERE id = new.site_id) AND inspector_ids IS new.inspector_ids AND site_id IS new.site_id;
END""",
    "DELETE FROM inspection_tally",
    "INSERT INTO inspection_tally (grid_id, inspector_ids, site_id, n) SELECT (SELECT grid_id FROM site WHERE id = i.site_id), i.inspector_ids, i.site_id, count(*) FROM inspection i WHERE i.status = 'finished' AND i.deleted = 0 GROUP BY 1, 2, 3",
    "DROP TRIGGER IF EXISTS tally_inspection_site_grid",
    """CREATE TRIGGER tally_inspection_site_grid AFTER UPDATE OF grid_id ON site
WHEN old.grid_id IS NOT new.grid_id BEGIN
  UPDATE inspection_tally SET grid_id = new.grid_id WHERE site_id = new.id;
END""",
    "DROP TRIGGER IF EXISTS tally_inspection_site_insert",
    """CREATE TRIGGER tally_inspection_site_insert AFTER INSERT ON site BEGIN
  UPDATE inspection_tally SET grid_id = new.grid_id WHERE site_id = new.id;
END""",
    "DROP TRIGGER IF EXISTS tally_inspection_site_delete",
    """CREATE TRIGGER tally_inspection_site_delete AFTER DELETE ON site BEGIN
  UPDATE inspection_tally SET grid_id = NULL WHERE site_id = old.id;
END""",
    "CREATE INDEX IF NOT EXISTS hazard_active_groups ON hazard(grid_id, sector, level, found_by, due_date, status, deleted, found_on) WHERE deleted = 0 AND status IN ('open', 'notified')",
    "CREATE INDEX IF NOT EXISTS hazard_major_active ON hazard(listed DESC, due_date, id, grid_id, found_by) WHERE deleted = 0 AND level = 'major' AND status IN ('open', 'notified', 'awaiting_recheck')",
    "CREATE INDEX IF NOT EXISTS hazard_recheck_window ON hazard(recheck_due, id, grid_id, found_by, status, due_date) WHERE deleted = 0 AND level = 'major' AND recheck_due IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS hazard_awaiting_recheck ON hazard(due_date, id, grid_id, found_by) WHERE deleted = 0 AND status = 'awaiting_recheck'",
)

STEPS: dict[int, tuple[str, ...]] = {
    1: STEP_1,
    2: STEP_2,
    3: STEP_3,
    4: STEP_4,
    5: STEP_5,
    6: STEP_6,
    7: STEP_7,
    8: STEP_8,
    9: STEP_9,
}
