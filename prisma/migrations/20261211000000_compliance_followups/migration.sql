-- The later calls an ingest changed the count of: a call that arrived late,
-- moved or changed number changes the contact-frequency check of the calls
-- that follow it. The ingest checks its own calls and queues here where each
-- one stood; the worker rechecks the calls after it (at most the checks' cap
-- of them) and deletes the row. No foreign key: the place is what counts,
-- even when the record is gone.
CREATE TABLE "compliance_followups" (
    "id" BIGSERIAL NOT NULL,
    "called_phone_number" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "after_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_followups_pkey" PRIMARY KEY ("id")
);
