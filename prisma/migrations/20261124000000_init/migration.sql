-- Call records as pushed by robot platforms, with the console's submission and review state.

CREATE TYPE "submission_state" AS ENUM ('not_submitted', 'queued', 'in_flight', 'accepted', 'rejected', 'retrying', 'failed');
CREATE TYPE "review_state" AS ENUM ('unreviewed', 'passed', 'flagged');
CREATE TYPE "record_source" AS ENUM ('api', 'import', 'seed');

CREATE TABLE "call_records" (
    "id" BIGSERIAL NOT NULL,
    "call_record_id" BIGINT NOT NULL,
    "robot_call_job_id" BIGINT NOT NULL,
    "called_phone_number" TEXT,
    "result_status" TEXT,
    "full_audio_url" TEXT,
    "chat_duration" INTEGER,
    "start_time" TIMESTAMPTZ(3),
    "end_time" TIMESTAMPTZ(3),
    "name" TEXT,
    "properties" TEXT,
    "properties_json" JSONB,
    "intent_level_detail_name" TEXT,
    "tenant_phone_number_id" BIGINT,
    "phone_number" TEXT,
    "intent_level_code" INTEGER,
    "intent_level_tag_id" BIGINT,
    "rpc_context" JSONB,
    "source" "record_source" NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "content_hash" CHAR(64) NOT NULL,
    "submission_state" "submission_state" NOT NULL DEFAULT 'not_submitted',
    "submission_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_submitted_at" TIMESTAMPTZ(3),
    "last_result_code" TEXT,
    "last_result_message" TEXT,
    "review_state" "review_state" NOT NULL DEFAULT 'unreviewed',
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "call_records_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "call_records_call_record_id_key" ON "call_records"("call_record_id");
CREATE INDEX "call_records_start_time_id_idx" ON "call_records"("start_time" DESC, "id" DESC);
CREATE INDEX "call_records_job_start_time_idx" ON "call_records"("robot_call_job_id", "start_time" DESC, "id" DESC);
CREATE INDEX "call_records_status_start_time_idx" ON "call_records"("result_status", "start_time" DESC, "id" DESC);
CREATE INDEX "call_records_intent_start_time_idx" ON "call_records"("intent_level_tag_id", "intent_level_code", "start_time" DESC, "id" DESC);
CREATE INDEX "call_records_submission_start_time_idx" ON "call_records"("submission_state", "start_time" DESC, "id" DESC);
CREATE INDEX "call_records_review_start_time_idx" ON "call_records"("review_state", "start_time" DESC, "id" DESC);
CREATE INDEX "call_records_duration_id_idx" ON "call_records"("chat_duration", "id");
