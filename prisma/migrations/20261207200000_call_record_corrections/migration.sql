-- A supervisor's correction of a record's reported fields, kept beside the
-- received record and never written over it: a vendor re-push updates
-- call_records and leaves the correction in place, and every later submission
-- sends the received values with the corrected ones laid over them
-- (lib/submissions/dto.ts). `fields` names the corrected fields, so that a
-- correction can also clear a value (the column then holds NULL). One row per
-- record; withdrawing the correction deletes it (the audit trail keeps both).
CREATE TABLE "call_record_corrections" (
    "record_id" BIGINT NOT NULL,
    "fields" TEXT[] NOT NULL,
    "robot_call_job_id" BIGINT,
    "called_phone_number" TEXT,
    "result_status" TEXT,
    "full_audio_url" TEXT,
    "chat_duration" INTEGER,
    "start_time" TIMESTAMPTZ(3),
    "end_time" TIMESTAMPTZ(3),
    "name" TEXT,
    "properties" TEXT,
    "intent_level_detail_name" TEXT,
    "tenant_phone_number_id" BIGINT,
    "phone_number" TEXT,
    "intent_level_code" INTEGER,
    "intent_level_tag_id" BIGINT,
    "reason" TEXT NOT NULL,
    "corrected_by" TEXT NOT NULL,
    "corrected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_record_corrections_pkey" PRIMARY KEY ("record_id"),
    CONSTRAINT "call_record_corrections_fields_check" CHECK (
        cardinality("fields") > 0 AND "fields" <@ ARRAY['robot_call_job_id', 'called_phone_number', 'result_status',
        'full_audio_url', 'chat_duration', 'start_time', 'end_time', 'name', 'properties', 'intent_level_detail_name',
        'tenant_phone_number_id', 'phone_number', 'intent_level_code', 'intent_level_tag_id']::TEXT[]
    ),
    -- The job id is required in a record: a correction may change it, never clear it.
    CONSTRAINT "call_record_corrections_job_check" CHECK (
        NOT ('robot_call_job_id' = ANY ("fields")) OR "robot_call_job_id" IS NOT NULL
    )
);

ALTER TABLE "call_record_corrections" ADD CONSTRAINT "call_record_corrections_record_id_fkey"
    FOREIGN KEY ("record_id") REFERENCES "call_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
