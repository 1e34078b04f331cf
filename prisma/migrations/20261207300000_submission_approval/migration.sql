-- Four-eyes approval (maker-checker): with SUBMISSION_APPROVAL_THRESHOLD set,
-- a batch above the threshold, a resend of accepted records or a bulk fix is
-- created waiting for a second supervisor. It is not turned into jobs (the
-- workers only materialize running batches) until approved; a rejection or
-- the 24 h expiry ends it with nothing sent.
ALTER TYPE "batch_status" ADD VALUE IF NOT EXISTS 'awaiting_approval';
ALTER TYPE "batch_status" ADD VALUE IF NOT EXISTS 'rejected';
ALTER TYPE "batch_status" ADD VALUE IF NOT EXISTS 'expired';

-- The request beside its batch: what the approver is shown, and the decision.
CREATE TABLE "submission_approvals" (
    "batch_id" BIGINT NOT NULL,
    "reasons" TEXT[] NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "held_back" JSONB,
    "diff_sample" JSONB,
    "decision" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "comment" TEXT,

    CONSTRAINT "submission_approvals_pkey" PRIMARY KEY ("batch_id"),
    CONSTRAINT "submission_approvals_decision_check" CHECK ("decision" IN ('approved', 'rejected', 'expired'))
);

ALTER TABLE "submission_approvals" ADD CONSTRAINT "submission_approvals_batch_id_fkey"
    FOREIGN KEY ("batch_id") REFERENCES "submission_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
