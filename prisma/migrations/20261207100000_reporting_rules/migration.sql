-- Reporting rules: a saved /calls filter that the worker reports to TOP on its
-- own, once each record has settled. A rule walks call_records in
-- (updated_at, id) order from its own high-water mark (cursor_updated_at,
-- cursor_id), so each tick reads only what changed since the last one instead
-- of rescanning the table (lib/rules/engine.ts).
CREATE TABLE "reporting_rules" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "settle_seconds" INTEGER NOT NULL DEFAULT 600,
    "daily_cap" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" BIGINT,
    "updated_by" TEXT NOT NULL,
    "cursor_updated_at" TIMESTAMPTZ(3),
    "cursor_id" BIGINT NOT NULL DEFAULT 0,
    "paused_kind" TEXT,
    "paused_reason" TEXT,
    "paused_at" TIMESTAMPTZ(3),
    "breaker_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reporting_rules_settle_check" CHECK ("settle_seconds" BETWEEN 0 AND 604800),
    CONSTRAINT "reporting_rules_cap_check" CHECK ("daily_cap" IS NULL OR "daily_cap" > 0),
    CONSTRAINT "reporting_rules_paused_check" CHECK ("paused_kind" IN ('config', 'rejections'))
);

CREATE UNIQUE INDEX "reporting_rules_name_key" ON "reporting_rules"("name");

-- A rule's batches: one per rule and calendar day (DISPLAY_TIME_ZONE).
ALTER TABLE "submission_batches" ADD COLUMN "rule_id" BIGINT, ADD COLUMN "rule_day" DATE;
CREATE INDEX "submission_batches_rule_id_rule_day_idx" ON "submission_batches"("rule_id", "rule_day");
ALTER TABLE "submission_batches" ADD CONSTRAINT "submission_batches_rule_id_fkey"
    FOREIGN KEY ("rule_id") REFERENCES "reporting_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The rules' walk order: what changed after a point, oldest change first.
CREATE INDEX "call_records_updated_at_id_idx" ON "call_records"("updated_at", "id");
