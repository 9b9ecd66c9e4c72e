-- The ledger's largest tables become partitioned: self-reports, their history and their links to
-- mandates, mandates, flags and decisions on flags by province (hash partitions of province_id, so
-- that a province joining needs no DDL and each province lies whole in one partition); the audit
-- log by month. Existing rows are copied across. See docs/scale.md.

-- A unit's province: its first ancestor (or itself) of level province, else the root of its tree.
ALTER TABLE "units" ADD COLUMN "province_id" INTEGER;

CREATE FUNCTION units_set_province() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[] := string_to_array(trim(both '/' from NEW.path), '/')::integer[];
  n integer := coalesce(array_length(ids, 1), 0);
BEGIN
  -- A restore writes the province it saved (the ancestors may not be back yet).
  IF TG_OP = 'INSERT' AND NEW.province_id IS NOT NULL THEN RETURN NEW; END IF;
  IF n = 0 THEN
    NEW.province_id := NULL; -- a unit being created gets its path (and so its province) next
    RETURN NEW;
  END IF;
  SELECT a.id INTO NEW.province_id
  FROM unnest(ids[1:n - 1]) WITH ORDINALITY p(id, i) JOIN units a ON a.id = p.id
  WHERE a.level = 'province' ORDER BY p.i LIMIT 1;
  IF NEW.province_id IS NULL THEN
    NEW.province_id := CASE WHEN NEW.level = 'province' THEN NEW.id ELSE ids[1] END;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER units_province BEFORE INSERT OR UPDATE OF path, level ON "units"
  FOR EACH ROW EXECUTE FUNCTION units_set_province();

-- A unit that becomes (or stops being) a province changes its subtree's province: touching the
-- paths below runs the trigger above for each.
CREATE FUNCTION units_level_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE units SET path = path WHERE path LIKE NEW.path || '%' AND id <> NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER units_province_level AFTER UPDATE OF level ON "units"
  FOR EACH ROW WHEN ((OLD.level = 'province' OR NEW.level = 'province') AND OLD.level IS DISTINCT FROM NEW.level)
  EXECUTE FUNCTION units_level_changed();

UPDATE "units" SET path = path;

-- ---------------------------------------------------------------------------------------------
-- The ledger tables, rebuilt partitioned by province_id, rows copied with their province.

DO $$
DECLARE t text; i integer;
BEGIN
  FOREACH t IN ARRAY ARRAY['reports', 'report_history', 'mandates', 'report_mandates', 'flags', 'flag_decisions'] LOOP
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS, "province_id" INTEGER NOT NULL) PARTITION BY HASH ("province_id")', t || '_by_province', t);
    FOR i IN 0..7 LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 8, REMAINDER %s)', t || '_p' || i, t || '_by_province', i);
    END LOOP;
  END LOOP;
END $$;

INSERT INTO "reports_by_province" SELECT r.*, u.province_id FROM "reports" r JOIN "units" u ON u.id = r.unit_id;
INSERT INTO "report_history_by_province" SELECT h.*, r.province_id FROM "report_history" h JOIN "reports_by_province" r ON r.id = h.report_id;
INSERT INTO "mandates_by_province" SELECT m.*, u.province_id FROM "mandates" m JOIN "units" u ON u.id = m.target_unit_id;
INSERT INTO "report_mandates_by_province" SELECT l.*, r.province_id FROM "report_mandates" l JOIN "reports_by_province" r ON r.id = l.report_id;
INSERT INTO "flags_by_province" SELECT f.*, coalesce(u.province_id, 0) FROM "flags" f LEFT JOIN "units" u ON u.id = f.unit_id;
INSERT INTO "flag_decisions_by_province" SELECT d.*, f.province_id FROM "flag_decisions" d JOIN "flags_by_province" f ON f.id = d.flag_id;

ALTER SEQUENCE "reports_id_seq" OWNED BY NONE;
ALTER SEQUENCE "report_history_id_seq" OWNED BY NONE;
ALTER SEQUENCE "mandates_id_seq" OWNED BY NONE;
ALTER SEQUENCE "flags_id_seq" OWNED BY NONE;
ALTER SEQUENCE "flag_decisions_id_seq" OWNED BY NONE;

DROP TABLE "flag_decisions", "flags", "report_mandates", "report_history", "mandates", "reports";

ALTER TABLE "reports_by_province" RENAME TO "reports";
ALTER TABLE "report_history_by_province" RENAME TO "report_history";
ALTER TABLE "mandates_by_province" RENAME TO "mandates";
ALTER TABLE "report_mandates_by_province" RENAME TO "report_mandates";
ALTER TABLE "flags_by_province" RENAME TO "flags";
ALTER TABLE "flag_decisions_by_province" RENAME TO "flag_decisions";

ALTER SEQUENCE "reports_id_seq" OWNED BY "reports"."id";
ALTER SEQUENCE "report_history_id_seq" OWNED BY "report_history"."id";
ALTER SEQUENCE "mandates_id_seq" OWNED BY "mandates"."id";
ALTER SEQUENCE "flags_id_seq" OWNED BY "flags"."id";
ALTER SEQUENCE "flag_decisions_id_seq" OWNED BY "flag_decisions"."id";

ALTER TABLE "reports" ADD CONSTRAINT "reports_pkey" PRIMARY KEY ("id", "province_id");
ALTER TABLE "report_history" ADD CONSTRAINT "report_history_pkey" PRIMARY KEY ("id", "province_id");
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_pkey" PRIMARY KEY ("id", "province_id");
ALTER TABLE "report_mandates" ADD CONSTRAINT "report_mandates_pkey" PRIMARY KEY ("report_id", "mandate_id", "province_id");
ALTER TABLE "flags" ADD CONSTRAINT "flags_pkey" PRIMARY KEY ("id", "province_id");
ALTER TABLE "flag_decisions" ADD CONSTRAINT "flag_decisions_pkey" PRIMARY KEY ("id", "province_id");

CREATE UNIQUE INDEX "reports_province_id_reporter_id_channel_id_key" ON "reports"("province_id", "reporter_id", "channel_id");
CREATE INDEX "reports_reporter_id_channel_id_idx" ON "reports"("reporter_id", "channel_id");
CREATE INDEX "reports_unit_id_channel_id_idx" ON "reports"("unit_id", "channel_id");
CREATE INDEX "reports_channel_id_idx" ON "reports"("channel_id");
CREATE UNIQUE INDEX "report_history_province_id_report_id_version_key" ON "report_history"("province_id", "report_id", "version");
CREATE INDEX "report_history_report_id_idx" ON "report_history"("report_id");
CREATE INDEX "mandates_target_unit_id_channel_id_idx" ON "mandates"("target_unit_id", "channel_id");
CREATE INDEX "mandates_channel_id_idx" ON "mandates"("channel_id");
CREATE INDEX "mandates_issuer_unit_id_idx" ON "mandates"("issuer_unit_id");
CREATE INDEX "mandates_source_review_idx" ON "mandates"("source", "review");
CREATE INDEX "report_mandates_mandate_id_idx" ON "report_mandates"("mandate_id");
CREATE UNIQUE INDEX "flags_province_id_subject_key_key" ON "flags"("province_id", "subject_key");
CREATE INDEX "flags_subject_key_idx" ON "flags"("subject_key");
CREATE INDEX "flags_status_severity_idx" ON "flags"("status", "severity");
CREATE INDEX "flags_kind_idx" ON "flags"("kind");
CREATE INDEX "flags_unit_id_idx" ON "flags"("unit_id");
CREATE INDEX "flags_scope_unit_id_idx" ON "flags"("scope_unit_id");
CREATE INDEX "flag_decisions_flag_id_idx" ON "flag_decisions"("flag_id");

-- Keys to the catalogue, the unit tree and people (reference tables: allowed under Citus too).
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_issuer_unit_id_fkey" FOREIGN KEY ("issuer_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_target_unit_id_fkey" FOREIGN KEY ("target_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "flags" ADD CONSTRAINT "flags_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "flags" ADD CONSTRAINT "flags_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "flag_decisions" ADD CONSTRAINT "flag_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Keys between ledger tables carry the province, so that a unit moving to another province takes
-- its rows' history, links and decisions along (ON UPDATE CASCADE).
ALTER TABLE "report_mandates" ADD CONSTRAINT "report_mandates_report_id_province_id_fkey" FOREIGN KEY ("report_id", "province_id") REFERENCES "reports"("id", "province_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_history" ADD CONSTRAINT "report_history_report_id_province_id_fkey" FOREIGN KEY ("report_id", "province_id") REFERENCES "reports"("id", "province_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "flag_decisions" ADD CONSTRAINT "flag_decisions_flag_id_province_id_fkey" FOREIGN KEY ("flag_id", "province_id") REFERENCES "flags"("id", "province_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A unit whose province changes (moved, or a province above it added) takes its rows along.
CREATE FUNCTION units_move_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reports SET province_id = NEW.province_id WHERE unit_id = NEW.id AND province_id <> NEW.province_id;
  UPDATE mandates SET province_id = NEW.province_id WHERE target_unit_id = NEW.id AND province_id <> NEW.province_id;
  UPDATE flags SET province_id = NEW.province_id WHERE unit_id = NEW.id AND province_id <> NEW.province_id;
  RETURN NULL;
END $$;

CREATE TRIGGER units_province_moved AFTER UPDATE ON "units"
  FOR EACH ROW WHEN (OLD.province_id IS NOT NULL AND NEW.province_id IS NOT NULL AND OLD.province_id <> NEW.province_id)
  EXECUTE FUNCTION units_move_ledger();

-- ---------------------------------------------------------------------------------------------
-- The audit log by month: one partition a month from its first row, months ahead added at start
-- (audit_log_add_months), a default partition for anything outside them.

ALTER SEQUENCE "audit_log_id_seq" OWNED BY NONE;
CREATE TABLE "audit_log_by_month" (LIKE "audit_log" INCLUDING DEFAULTS) PARTITION BY RANGE ("at");
CREATE TABLE "audit_log_default" PARTITION OF "audit_log_by_month" DEFAULT;

CREATE FUNCTION audit_log_add_months(first_month date, last_month date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  part text;
  added integer := 0;
BEGIN
  WHILE m <= last_month LOOP
    part := 'audit_log_' || to_char(m, 'YYYY_MM');
    -- A month whose rows already went to the default partition stays there.
    IF to_regclass(part) IS NULL AND NOT EXISTS (
      SELECT 1 FROM audit_log_default WHERE at >= m AND at < (m + interval '1 month')
    ) THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', part, m, (m + interval '1 month')::date);
      added := added + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN added;
END $$;

-- The trigger refuses to delete rows: the old table goes whole, after its rows are copied.
INSERT INTO "audit_log_by_month" SELECT * FROM "audit_log";
DROP TABLE "audit_log";
ALTER TABLE "audit_log_by_month" RENAME TO "audit_log";
ALTER SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id";

-- Rows copied above sit in the default partition; they move to their months here.
CREATE TABLE "audit_log_moved" AS SELECT * FROM "audit_log_default";
ALTER TABLE "audit_log" DETACH PARTITION "audit_log_default";
DROP TABLE "audit_log_default";
DO $$
DECLARE first_month date := coalesce((SELECT min(at) FROM audit_log_moved), now())::date;
BEGIN
  EXECUTE 'CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT';
  PERFORM audit_log_add_months(first_month, (now() + interval '12 months')::date);
END $$;
INSERT INTO "audit_log" SELECT * FROM "audit_log_moved";
DROP TABLE "audit_log_moved";

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id", "at");
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
