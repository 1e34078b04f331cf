import { expect } from "vitest";
import { ingestCallRecords } from "../../lib/call-records/ingest/mutations";
import { prisma } from "../../lib/db/client";
import type { ClaimedJob } from "../../lib/submissions/queue";

/** A maker of claimed jobs in an id range of the test file's own (test files share one database). */
export function claimedJobs(range: { firstJob: bigint; firstRecord: bigint }) {
  let nextJob = range.firstJob;
  let nextRecord = range.firstRecord;
  /**
   * `n` records of a job of their own, claimed in a running batch as a worker
   * would have them: jobs in flight (leased for an hour, so nobody else takes
   * them), records marked in flight.
   */
  return async function claimed(n: number): Promise<{ jobId: bigint; batchId: bigint; jobs: ClaimedJob[] }> {
    const jobId = nextJob++;
    const ids = Array.from({ length: n }, () => nextRecord++);
    const r = await ingestCallRecords(
      ids.map((id) => ({
        call_record_id: id.toString(),
        robot_call_job_id: jobId.toString(),
        result_status: "ANSWERED",
        start_time: "2026-03-01 09:00:00",
        chat_duration: 30,
      })),
      { source: "api" },
    );
    expect(r.summary.rejected).toBe(0);
    const [batch] = await prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO submission_batches (kind, created_by, selection, time_zone, max_record_id, total, materialized)
      VALUES ('submit', 'test', '{"type":"job"}'::jsonb, 'UTC', 0, ${n}, true) RETURNING id`;
    const rows = await prisma.$queryRaw<{ job_id: bigint; record_id: bigint }[]>`
      WITH recs AS (UPDATE call_records SET submission_state = 'in_flight' WHERE robot_call_job_id = ${jobId} RETURNING id)
      INSERT INTO submission_jobs (batch_id, record_id, previous_state, state, attempts, lease_until)
      SELECT ${batch!.id}, id, 'not_submitted', 'in_flight', 1, now() + interval '1 hour' FROM recs ORDER BY id
      RETURNING id AS job_id, record_id`;
    const jobs = rows.map((x) => ({
      jobId: x.job_id,
      batchId: batch!.id,
      recordId: x.record_id,
      attempt: 1,
      record: {} as ClaimedJob["record"],
    }));
    return { jobId, batchId: batch!.id, jobs };
  };
}
