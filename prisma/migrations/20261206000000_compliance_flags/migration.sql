-- Compliance flags: every call is checked at ingest and on re-push (calling
-- hours, contact frequency, anomalies, phrase rules on transcripts). The
-- bitmask on the record keeps "which kinds" filterable together with the other
-- /calls filters; the findings table keeps each finding's details (which rule,
-- which earlier calls, which utterance) for the record page.
-- Bits: 1 hours, 2 frequency, 4 anomaly, 8 phrase (lib/compliance/flags.ts).
ALTER TABLE "call_records" ADD COLUMN "compliance_flags" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "compliance_findings" (
    "id" BIGSERIAL NOT NULL,
    "record_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_findings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "compliance_findings_kind_check" CHECK ("kind" IN ('hours', 'frequency', 'anomaly', 'phrase'))
);

CREATE INDEX "compliance_findings_record_id_idx" ON "compliance_findings"("record_id");

ALTER TABLE "compliance_findings" ADD CONSTRAINT "compliance_findings_record_id_fkey"
    FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
