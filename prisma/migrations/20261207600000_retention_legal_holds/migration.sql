-- Retention and legal holds (docs/retention.md).
--
-- A legal hold keeps a record out of every retention class until a
-- supervisor removes it; the audit trail keeps who set and removed it.
CREATE TABLE "legal_holds" (
    "record_id" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "set_by_id" BIGINT,
    "set_by_email" TEXT,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legal_holds_pkey" PRIMARY KEY ("record_id")
);
CREATE INDEX "legal_holds_set_at_idx" ON "legal_holds"("set_at" DESC, "record_id" DESC);
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_record_id_fkey"
    FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- When a class was applied to a row: the runs skip what is done, and the
-- record page says the values are placeholders. Nullable without a default:
-- no table rewrite.
ALTER TABLE "call_records" ADD COLUMN "personal_data_removed_at" TIMESTAMPTZ(3);
ALTER TABLE "submission_attempts" ADD COLUMN "params_removed_at" TIMESTAMPTZ(3);
ALTER TABLE "audio_archives" ADD COLUMN "removed_at" TIMESTAMPTZ(3);

-- The rows a run still has to look at, oldest first: once a class is applied
-- a row leaves its index, so a daily run reads only what is due.
CREATE INDEX "call_records_personal_data_due_idx" ON "call_records"("received_at", "id") WHERE "personal_data_removed_at" IS NULL;
CREATE INDEX "submission_attempts_params_due_idx" ON "submission_attempts"("sent_at", "id") WHERE "params_removed_at" IS NULL;
CREATE INDEX "audio_archives_file_due_idx" ON "audio_archives"("archived_at", "record_id") WHERE "file_name" IS NOT NULL;
-- Archived files are content-addressed (one file for identical recordings): a
-- file is deleted only when no other row still names it.
CREATE INDEX "audio_archives_file_name_idx" ON "audio_archives"("file_name");

-- One daily run per day (in DISPLAY_TIME_ZONE), plus any an admin starts
-- ("run now"). A run that stopped half-way is resumed from its cursor by the
-- next worker tick once its owner's heartbeat is old.
CREATE TABLE "retention_runs" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'daily',
    "state" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "owner" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triggered_by" TEXT,
    "policy" JSONB NOT NULL DEFAULT '{}',
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "retention_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "retention_runs_kind_check" CHECK ("kind" IN ('daily', 'manual')),
    CONSTRAINT "retention_runs_state_check" CHECK ("state" IN ('running', 'done', 'failed'))
);
CREATE UNIQUE INDEX "retention_runs_one_daily_idx" ON "retention_runs"("day") WHERE "kind" = 'daily';
CREATE INDEX "retention_runs_started_at_idx" ON "retention_runs"("started_at" DESC, "id" DESC);

-- The audit trail stays append-only for the application, with one exception:
-- retention deletes entries past RETENTION_AUDIT_DAYS inside a transaction
-- that set lvr.audit_retention = 'on' (lib/retention/audit-class.ts) and only
-- rows older than the cutoff it gives in lvr.audit_before. Updates and
-- TRUNCATE are refused as before.
CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW'
     AND current_setting('lvr.audit_retention', true) = 'on'
     AND OLD."at" < nullif(current_setting('lvr.audit_before', true), '')::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
DROP TRIGGER "audit_events_no_update" ON "audit_events";
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
