-- Alerts (issue 18): notification channels that admins manage, and the
-- durable delivery queue the worker drains (claimed with FOR UPDATE SKIP
-- LOCKED and a lease, like audio_archives). Every attempt is kept for the
-- delivery log on the channel's page.

CREATE TYPE "alert_channel_type" AS ENUM ('webhook', 'dingtalk', 'wecom', 'feishu');
CREATE TYPE "alert_delivery_state" AS ENUM ('queued', 'in_flight', 'retrying', 'delivered', 'failed');

CREATE TABLE "alert_channels" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "type" "alert_channel_type" NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "events" TEXT[] NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alert_channels_name_key" ON "alert_channels" ("name");

CREATE TABLE "alert_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "channel_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "alert_delivery_state" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "alert_deliveries_channel_id_created_at_idx" ON "alert_deliveries" ("channel_id", "created_at");
CREATE INDEX "alert_deliveries_state_next_attempt_at_idx" ON "alert_deliveries" ("state", "next_attempt_at");
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "alert_delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duration_ms" INTEGER NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "response_body" TEXT,

    CONSTRAINT "alert_delivery_attempts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alert_delivery_attempts_delivery_id_attempt_key" ON "alert_delivery_attempts" ("delivery_id", "attempt");
ALTER TABLE "alert_delivery_attempts" ADD CONSTRAINT "alert_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "alert_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Occurrences counted per kind and hour (ingest rejections, recording archive
-- failures), shared by every process: the one whose count crosses the
-- threshold raises the alert, once per hour.
CREATE TABLE "alert_counters" (
    "kind" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alert_counters_pkey" PRIMARY KEY ("kind", "window_start")
);
