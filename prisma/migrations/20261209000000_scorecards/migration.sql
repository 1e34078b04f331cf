-- Scorecards: what a reviewer scores a call against, as data an admin edits
-- on /admin/scorecards. A scorecard is versioned: editing one writes a new
-- row in scorecard_versions, and a review keeps the version it was scored
-- with. The version's sections and items live in `sections` (JSONB, validated
-- by lib/scorecards/schema.ts), so a past version can never change under the
-- reviews that used it.
CREATE TABLE "scorecards" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    -- The scorecard for jobs no other scorecard names (at most one: the partial unique index below).
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    -- The jobs it applies to; empty with is_default false: none yet.
    "job_ids" BIGINT[] NOT NULL,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scorecards_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "scorecards_one_default_idx" ON "scorecards" ("is_default") WHERE "is_default" AND "archived_at" IS NULL;

CREATE TABLE "scorecard_versions" (
    "id" BIGSERIAL NOT NULL,
    "scorecard_id" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    -- [{ key, title, items: [{ key, label, kind: "weight" | "passfail", weight, critical }] }]
    "sections" JSONB NOT NULL,
    "created_by_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scorecard_versions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "scorecard_versions_scorecard_id_version_key" ON "scorecard_versions" ("scorecard_id", "version");

ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_scorecard_id_fkey"
    FOREIGN KEY ("scorecard_id") REFERENCES "scorecards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A review's scorecard: the version, the answers by item key, the score
-- (0-100, two decimals) and whether a critical item failed (which fails the
-- call whatever the score).
ALTER TABLE "reviews"
    ADD COLUMN "scorecard_version_id" BIGINT,
    ADD COLUMN "answers" JSONB,
    ADD COLUMN "score" DOUBLE PRECISION,
    ADD COLUMN "critical_failed" BOOLEAN;

ALTER TABLE "reviews" ADD CONSTRAINT "reviews_scorecard_version_id_fkey"
    FOREIGN KEY ("scorecard_version_id") REFERENCES "scorecard_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_score_range_check" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= 100));

-- Scores by week, job and reviewer are read from the scored reviews only.
CREATE INDEX "reviews_scored_created_at_idx" ON "reviews" ("created_at") WHERE "score" IS NOT NULL;

-- The current score beside the current verdict on call_records, for the list's
-- minScore / maxScore / critical=failed filters and the export. Scored records
-- are few next to all records: a partial index.
ALTER TABLE "call_records"
    ADD COLUMN "review_score" DOUBLE PRECISION,
    ADD COLUMN "review_critical_failed" BOOLEAN;

CREATE INDEX "call_records_review_score_idx" ON "call_records" ("review_score", "id") WHERE "review_score" IS NOT NULL;

-- Calibration: a supervisor gives the same calls to several reviewers; their
-- answers are kept apart from the calls' verdicts and compared item by item.
CREATE TABLE "calibration_sessions" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "scorecard_version_id" BIGINT NOT NULL,
    "created_by_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "calibration_sessions_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_scorecard_version_id_fkey"
    FOREIGN KEY ("scorecard_version_id") REFERENCES "scorecard_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calibration_sessions" ADD CONSTRAINT "calibration_sessions_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "calibration_assignments" (
    "session_id" BIGINT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "reviewer_id" BIGINT NOT NULL,
    "answers" JSONB,
    "score" DOUBLE PRECISION,
    "critical_failed" BOOLEAN,
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "calibration_assignments_pkey" PRIMARY KEY ("session_id", "record_id", "reviewer_id")
);

CREATE INDEX "calibration_assignments_reviewer_id_idx" ON "calibration_assignments" ("reviewer_id", "submitted_at");

ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_session_id_fkey"
    FOREIGN KEY ("session_id") REFERENCES "calibration_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_record_id_fkey"
    FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_reviewer_id_fkey"
    FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
