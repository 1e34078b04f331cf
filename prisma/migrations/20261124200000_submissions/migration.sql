-- Submission to TOP: batches, the durable queue (one job per record per batch) and the ledger of every HTTP call.

CREATE TYPE "batch_kind" AS ENUM ('submit', 'resubmit', 'retry');
CREATE TYPE "batch_status" AS ENUM ('running', 'paused', 'done', 'cancelled');
CREATE TYPE "job_state" AS ENUM ('queued', 'in_flight', 'retrying', 'accepted', 'rejected', 'failed', 'cancelled');
CREATE TYPE "attempt_outcome" AS ENUM ('accepted', 'rejected', 'transient', 'config');

CREATE TABLE "submission_batches" (
    "id" BIGSERIAL NOT NULL,
    "kind" "batch_kind" NOT NULL,
    "status" "batch_status" NOT NULL DEFAULT 'running',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "selection" JSONB NOT NULL,
    "resend_accepted" BOOLEAN NOT NULL DEFAULT false,
    "only_failures" BOOLEAN NOT NULL DEFAULT false,
    "time_zone" TEXT NOT NULL,
    "max_record_id" BIGINT NOT NULL,
    "cursor" BIGINT NOT NULL DEFAULT 0,
    "materialized" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "paused_reason" TEXT,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "submission_batches_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "submission_jobs" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" BIGINT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "state" "job_state" NOT NULL DEFAULT 'queued',
    "previous_state" "submission_state" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_code" TEXT,
    "last_message" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_jobs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "submission_attempts" (
    "id" BIGSERIAL NOT NULL,
    "job_id" BIGINT NOT NULL,
    "batch_id" BIGINT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "latency_ms" DOUBLE PRECISION NOT NULL,
    "http_status" INTEGER,
    "request_id" TEXT,
    "outcome" "attempt_outcome" NOT NULL,
    "result_count" INTEGER,
    "result_success" BOOLEAN,
    "result_code" TEXT,
    "result_message" TEXT,
    "error_code" INTEGER,
    "error_msg" TEXT,
    "error_sub_code" TEXT,
    "error_sub_msg" TEXT,
    "transport_error" TEXT,
    "raw_answer" TEXT,
    "params" JSONB NOT NULL,

    CONSTRAINT "submission_attempts_pkey" PRIMARY KEY ("id")
);

-- Workers share TOP's quota: each announces itself here and takes its share of TOP_MAX_QPS.
CREATE TABLE "submission_workers" (
    "id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_workers_pkey" PRIMARY KEY ("id")
);

-- A ban announced by the gateway holds every worker (TOP bans the app, not a process). One row.
CREATE TABLE "submission_throttle" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "banned_until" TIMESTAMPTZ(3),

    CONSTRAINT "submission_throttle_pkey" PRIMARY KEY ("id")
);
INSERT INTO "submission_throttle" ("id") VALUES (1);

CREATE INDEX "submission_batches_created_at_idx" ON "submission_batches"("created_at" DESC, "id" DESC);
CREATE INDEX "submission_jobs_batch_id_state_idx" ON "submission_jobs"("batch_id", "state");
CREATE INDEX "submission_jobs_record_id_idx" ON "submission_jobs"("record_id");
CREATE INDEX "submission_attempts_record_id_id_idx" ON "submission_attempts"("record_id", "id");
CREATE INDEX "submission_attempts_batch_id_id_idx" ON "submission_attempts"("batch_id", "id");
CREATE INDEX "submission_attempts_job_id_idx" ON "submission_attempts"("job_id");

-- Not expressible in schema.prisma (partial indexes); declared in lib/db/manual-indexes.ts so the drift test checks them exactly.
-- A record has at most one submission in flight, whatever the batch: enforced here, not by the application.
CREATE UNIQUE INDEX "submission_jobs_one_active_per_record" ON "submission_jobs"("record_id") WHERE "state" IN ('queued', 'in_flight', 'retrying');
-- What the worker claims next.
CREATE INDEX "submission_jobs_ready_idx" ON "submission_jobs"("next_attempt_at", "id") WHERE "state" IN ('queued', 'retrying');
-- Jobs a crashed worker left in flight, reclaimed when their lease runs out.
CREATE INDEX "submission_jobs_lease_idx" ON "submission_jobs"("lease_until") WHERE "state" = 'in_flight';

ALTER TABLE "submission_jobs" ADD CONSTRAINT "submission_jobs_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "submission_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submission_jobs" ADD CONSTRAINT "submission_jobs_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submission_attempts" ADD CONSTRAINT "submission_attempts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "submission_jobs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submission_attempts" ADD CONSTRAINT "submission_attempts_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "submission_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "submission_attempts" ADD CONSTRAINT "submission_attempts_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
