-- The console request (X-Request-Id) behind an audit event, a submission batch
-- and each TOP attempt of that batch: one submission followed across the web
-- app's log, the worker's log, the ledger and TOP.
ALTER TABLE "audit_events" ADD COLUMN "request_id" TEXT;
ALTER TABLE "submission_batches" ADD COLUMN "request_id" TEXT;
ALTER TABLE "submission_attempts" ADD COLUMN "origin_request_id" TEXT;
