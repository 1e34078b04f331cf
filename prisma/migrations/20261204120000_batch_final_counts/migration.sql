-- A finished batch's counts by job state, kept when it finishes (none of its
-- jobs can change after that). The submissions list polls every 2 s while any
-- batch runs, and counted every listed batch's jobs each time: fifty batches of
-- 100,000 records were five million index entries a poll. Now only the
-- batches still running (or paused, or cancelled, whose calls on the wire may
-- still come back) are counted.
ALTER TABLE "submission_batches" ADD COLUMN "final_counts" JSONB;

UPDATE "submission_batches" b
SET "final_counts" = COALESCE(
  (SELECT jsonb_object_agg(s.state, s.n) FROM (
     SELECT j."state"::text AS state, count(*) AS n FROM "submission_jobs" j WHERE j."batch_id" = b."id" GROUP BY 1) s),
  '{}'::jsonb)
WHERE b."status" = 'done';
