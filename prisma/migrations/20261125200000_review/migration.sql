-- Audio review: the recording archive (queue and result), verdicts with reasons and notes,
-- comments pinned to an audio position, claims, and the reviewer's corrected intent.

CREATE TYPE "audio_archive_state" AS ENUM ('queued', 'in_flight', 'retrying', 'archived', 'failed');
CREATE TYPE "review_verdict" AS ENUM ('passed', 'flagged');

ALTER TABLE "call_records"
    ADD COLUMN "reviewed_by_id" BIGINT,
    ADD COLUMN "corrected_intent_tag_id" BIGINT,
    ADD COLUMN "corrected_intent_code" INTEGER,
    ADD COLUMN "corrected_intent_name" TEXT;
CREATE INDEX "call_records_reviewer_start_time_idx" ON "call_records"("reviewed_by_id", "start_time" DESC, "id" DESC);
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "audio_archives" (
    "record_id" BIGINT NOT NULL,
    "source_url" TEXT NOT NULL,
    "state" "audio_archive_state" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "file_name" TEXT,
    "size_bytes" BIGINT,
    "content_type" TEXT,
    "sha256" CHAR(64),
    "last_error" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audio_archives_pkey" PRIMARY KEY ("record_id")
);
ALTER TABLE "audio_archives" ADD CONSTRAINT "audio_archives_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- The archiver's claim query: due entries, and entries whose worker died.
CREATE INDEX "audio_archives_ready_idx" ON "audio_archives"("next_attempt_at", "record_id") WHERE "state" IN ('queued', 'retrying');
CREATE INDEX "audio_archives_lease_idx" ON "audio_archives"("lease_until") WHERE "state" = 'in_flight';

CREATE TABLE "review_reasons" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "review_reasons_pkey" PRIMARY KEY ("code")
);
INSERT INTO "review_reasons" ("code", "label", "position") VALUES
    ('wrong_intent', 'Wrong intent label', 1),
    ('compliance', 'Compliance concern', 2),
    ('abusive_language', 'Abusive language', 3),
    ('audio_problem', 'Audio problem', 4),
    ('robot_error', 'Robot error', 5);

CREATE TABLE "reviews" (
    "id" BIGSERIAL NOT NULL,
    "record_id" BIGINT NOT NULL,
    "reviewer_id" BIGINT NOT NULL,
    "verdict" "review_verdict" NOT NULL,
    "reasons" TEXT[] NOT NULL,
    "notes" TEXT,
    "corrected_intent_tag_id" BIGINT,
    "corrected_intent_code" INTEGER,
    "corrected_intent_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reviews_record_id_id_idx" ON "reviews"("record_id", "id" DESC);
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "review_comments" (
    "id" BIGSERIAL NOT NULL,
    "record_id" BIGINT NOT NULL,
    "author_id" BIGINT NOT NULL,
    "position_ms" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "review_comments_record_id_position_idx" ON "review_comments"("record_id", "position_ms");
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "review_claims" (
    "record_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_claims_pkey" PRIMARY KEY ("record_id")
);
CREATE INDEX "review_claims_user_id_idx" ON "review_claims"("user_id");
ALTER TABLE "review_claims" ADD CONSTRAINT "review_claims_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "review_claims" ADD CONSTRAINT "review_claims_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
