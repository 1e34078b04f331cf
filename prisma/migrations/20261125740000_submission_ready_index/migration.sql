-- The worker's claim reads due jobs per running batch in due order. With the
-- index on (next_attempt_at, id) alone, the planner joined the running batches
-- first and sorted every job of theirs on each claim (2,000 rows for a
-- 2,000-record batch; a batch of 100,000 would sort 100,000 rows per claim of
-- 16), and jobs of paused batches were in the way.
DROP INDEX "submission_jobs_ready_idx";
CREATE INDEX "submission_jobs_ready_idx" ON "submission_jobs"("batch_id", "next_attempt_at", "id") WHERE "state" IN ('queued', 'retrying');
