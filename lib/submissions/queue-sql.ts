import { Prisma } from "../db/client";
import { textColumn } from "../db/text-column";
import { storableTopParams } from "../privacy/redact";
import { CORRECTION_JOIN, RECORD_AS_SENT } from "./dto";
import type { AnsweredCall, ClaimedJob } from "./queue-types";

/**
 * The queue's statements, apart from running them, so that a test can
 * EXPLAIN exactly what the worker runs (queue-plans.test.ts).
 */

/** Claims up to `limit` jobs: expired leases first, then due jobs of running batches. */
export function claimStatement(limit: number, leaseMs: number): Prisma.Sql {
  return Prisma.sql`
    WITH expired AS (
      -- Leases that ran out, oldest first, from submission_jobs_leased_idx. The state is compared as text so that no
      -- index of unfinished jobs matches: statistics taken before a batch arrived call those indexes empty, and a
      -- plan that walks one reads the whole backlog on every claim (lib/submissions/queue-plans.test.ts).
      SELECT j.id FROM submission_jobs j
      WHERE j.lease_until < now() AND j.state::text = 'in_flight'
        AND EXISTS (SELECT 1 FROM submission_batches b WHERE b.id = j.batch_id AND b.status = 'running')
      ORDER BY j.lease_until
      LIMIT ${limit}
      FOR UPDATE OF j SKIP LOCKED
    ), due AS (
      -- Each running batch's due jobs in due order, from the index: never a sort
      -- of a whole batch, and jobs of paused batches are not walked over.
      SELECT d.id, d.next_attempt_at FROM submission_batches b
      CROSS JOIN LATERAL (
        SELECT j.id, j.next_attempt_at FROM submission_jobs j
        WHERE j.batch_id = b.id AND j.state IN ('queued', 'retrying') AND j.next_attempt_at <= now()
        ORDER BY j.next_attempt_at, j.id
        LIMIT ${limit}
        FOR UPDATE OF j SKIP LOCKED
      ) d
      WHERE b.status = 'running'
    ), ready AS (
      SELECT id FROM expired
      UNION ALL
      (SELECT id FROM due ORDER BY next_attempt_at, id LIMIT ${limit})
      LIMIT ${limit}
    ), claimed AS (
      -- In flight is the job's state only: the record keeps its stored state until the answer is settled (lib/submissions/in-flight.ts).
      UPDATE submission_jobs j
      SET state = 'in_flight', attempts = j.attempts + 1, lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
      FROM ready WHERE j.id = ready.id
      RETURNING j.id, j.batch_id, j.record_id, j.attempts
    )
    SELECT c.id AS job_id, c.batch_id, c.record_id, c.attempts AS attempt, r.id, ${RECORD_AS_SENT}
    FROM claimed c JOIN call_records r ON r.id = c.record_id ${CORRECTION_JOIN}
    ORDER BY c.id`;
}

/** One answer with what it means for its job (see settleJobs). */
export interface SettleRow {
  job: ClaimedJob;
  call: AnsweredCall;
  jobState: string;
  counted: boolean;
  nextAttemptAt: Date;
  code: string | null;
  message: string | null;
}

/** Writes a group of answers: ledger rows, jobs, records; returns the (job, attempt) pairs that were still the worker's. */
export function settleStatement(rows: readonly SettleRow[]): Prisma.Sql {
  const col = <T>(pick: (r: SettleRow) => T | null | undefined, str?: (v: T) => string) => textColumn(rows, pick, str);
  const iso = (d: Date) => d.toISOString();
  return Prisma.sql`
    WITH answer AS (
      SELECT * FROM unnest(
        ${col((r) => r.job.jobId)}::text[]::bigint[], ${col((r) => r.job.batchId)}::text[]::bigint[], ${col((r) => r.job.recordId)}::text[]::bigint[],
        ${col((r) => r.job.attempt)}::text[]::integer[], ${col((r) => r.call.sentAt, iso)}::text[]::timestamptz[],
        ${col((r) => r.call.answeredAt, iso)}::text[]::timestamptz[], ${col((r) => r.call.latencyMs)}::text[]::double precision[],
        ${col((r) => r.call.httpStatus)}::text[]::integer[], ${col((r) => r.call.requestId)}::text[], ${col((r) => r.call.kind)}::text[],
        ${col((r) => r.call.result?.count)}::text[]::integer[], ${col((r) => r.call.result?.success)}::text[]::boolean[],
        ${col((r) => r.call.result?.code)}::text[], ${col((r) => r.call.result?.message)}::text[], ${col((r) => r.call.error?.code)}::text[]::integer[],
        ${col((r) => r.call.error?.msg)}::text[], ${col((r) => r.call.error?.sub_code)}::text[], ${col((r) => r.call.error?.sub_msg)}::text[],
        ${col((r) => r.call.transportError)}::text[], ${col((r) => r.call.rawAnswer)}::text[], ${col((r) => JSON.stringify(storableTopParams(r.call.sentParams)))}::text[]::jsonb[],
        ${col((r) => r.jobState)}::text[], ${col((r) => r.counted)}::text[]::boolean[], ${col((r) => r.nextAttemptAt, iso)}::text[]::timestamptz[],
        ${col((r) => r.code)}::text[], ${col((r) => r.message)}::text[]
      ) AS a(job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id, outcome, result_count, result_success,
             result_code, result_message, error_code, error_msg, error_sub_code, error_sub_msg, transport_error, raw_answer, params,
             job_state, counted, next_attempt_at, code, message)
    ), attempt AS (
      INSERT INTO submission_attempts (job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id,
        outcome, result_count, result_success, result_code, result_message, error_code, error_msg, error_sub_code, error_sub_msg,
        transport_error, raw_answer, params, origin_request_id)
      SELECT job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id,
        outcome::attempt_outcome, result_count, result_success, result_code, result_message, error_code, error_msg, error_sub_code, error_sub_msg,
        transport_error, raw_answer, params, (SELECT b.request_id FROM submission_batches b WHERE b.id = answer.batch_id)
      FROM answer
      -- Written again after a lost connection (the worker retries), an answer is still one row of the ledger.
      WHERE NOT EXISTS (SELECT 1 FROM submission_attempts s WHERE s.job_id = answer.job_id AND s.attempt = answer.attempt AND s.sent_at = answer.sent_at)
      ORDER BY job_id
    ), job AS (
      UPDATE submission_jobs j SET state = a.job_state::job_state, attempts = j.attempts - CASE WHEN a.counted THEN 0 ELSE 1 END,
        next_attempt_at = a.next_attempt_at, lease_until = NULL, last_code = a.code, last_message = a.message, updated_at = now()
      FROM answer a
      -- Primary-key probes only: the state is compared as text so that no partial index of unfinished jobs matches (see the claim).
      WHERE j.id = a.job_id AND j.attempts = a.attempt AND j.state::text = 'in_flight'
      -- The answer that settled the job travels with it: a group may hold a late answer of an earlier attempt of the same job.
      RETURNING j.id, j.record_id, a.attempt, a.job_state, a.code, a.message, a.counted, a.sent_at
    ), record AS (
      UPDATE call_records r SET submission_state = job.job_state::submission_state, last_result_code = job.code, last_result_message = job.message,
        submission_attempts = r.submission_attempts + CASE WHEN job.counted THEN 1 ELSE 0 END,
        last_submitted_at = CASE WHEN job.counted THEN job.sent_at ELSE r.last_submitted_at END
      FROM job WHERE r.id = job.record_id
      RETURNING job.id AS job_id, job.attempt
    )
    SELECT job_id, attempt FROM record`;
}

/**
 * Whether batch `b` has a job waiting or on the wire. The unfinished states are
 * the enum's first three, so a range on (batch_id, state) probes the batch's own
 * unfinished jobs. Written as IN, the condition also matched the partial index
 * of every batch's unfinished jobs, which stale statistics make look empty: the
 * planner then walked the whole backlog to find this batch's.
 */
export const batchHasUnfinishedJobs = Prisma.sql`EXISTS (SELECT 1 FROM submission_jobs j
  WHERE j.batch_id = b.id AND j.state <= 'retrying'::job_state)`;

/** Marks done those of the batches that have all their jobs and none waiting or on the wire. */
export function finishStatement(batchIds: readonly bigint[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE submission_batches b SET status = 'done', finished_at = now(),
      -- Final: the lists read these instead of counting the batch's jobs on every poll.
      final_counts = COALESCE((SELECT jsonb_object_agg(s.state, s.n) FROM (
        SELECT j.state::text AS state, count(*) AS n FROM submission_jobs j WHERE j.batch_id = b.id GROUP BY 1) s), '{}'::jsonb)
    WHERE b.id = ANY(${batchIds.map(String)}::text[]::bigint[]) AND b.status = 'running' AND b.materialized
      AND NOT ${batchHasUnfinishedJobs}
    RETURNING b.id, b.final_counts`;
}
