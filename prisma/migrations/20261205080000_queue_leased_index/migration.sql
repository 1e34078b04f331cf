-- Jobs holding a lease, by the lease's end: the claim's check for leases that ran out
-- (lib/submissions/queue-sql.ts). Its predicate names no job state, so that the claim can
-- compare the state in a form no index of unfinished jobs matches: with statistics taken
-- before a batch arrived, those indexes look empty to the planner, and a plan that walks one
-- reads the whole backlog on every claim.
CREATE INDEX "submission_jobs_leased_idx" ON "submission_jobs"("lease_until") WHERE "lease_until" IS NOT NULL;
