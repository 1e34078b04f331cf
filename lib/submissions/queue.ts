import "server-only";
import { Prisma, prisma, readRows } from "../db/client";
import { textColumn } from "../db/text-column";
import { storableTopParams } from "../privacy/redact";
import type { TopCallResult } from "../top/client";
import { retryDelayMs } from "./backoff";
import type { WorkerConfig } from "./config";
import { RECORD_AS_SENT, type RecordForSubmission } from "./dto";

/**
 * The queue's two operations: claim ready jobs (FOR UPDATE SKIP LOCKED, so
 * any number of workers share it) and settle answers, writing the ledger rows
 * and the state changes of a whole group of answers in one statement.
 */

export interface ClaimedJob {
  jobId: bigint;
  batchId: bigint;
  recordId: bigint;
  attempt: number;
  record: RecordForSubmission;
}

/**
 * Takes up to `limit` jobs of running batches that are due, plus jobs whose
 * worker died while they were in flight (their lease ran out: at-least-once).
 */
export async function claimJobs(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const rows = await readRows<RecordForSubmission & { job_id: bigint; batch_id: bigint; record_id: bigint; attempt: number }>(Prisma.sql`
    WITH expired AS (
      SELECT j.id FROM submission_jobs j
      WHERE j.state = 'in_flight' AND j.lease_until < now()
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
    FROM claimed c JOIN call_records r ON r.id = c.record_id
    ORDER BY c.id`);
  return rows.map(({ job_id, batch_id, record_id, attempt, ...record }) => {
    const { id: _id, ...dto } = record as RecordForSubmission & { id: bigint };
    return { jobId: job_id, batchId: batch_id, recordId: record_id, attempt, record: dto };
  });
}

export type Settlement = "accepted" | "rejected" | "retrying" | "failed" | "paused" | "stale";

export type AnsweredCall = TopCallResult & { sentAt: Date; answeredAt: Date };

export interface Answer {
  job: ClaimedJob;
  call: AnsweredCall;
}

export type SettleConfig = Pick<WorkerConfig, "maxAttempts" | "backoffBaseMs" | "backoffMaxMs">;

/** Records one HTTP call and what it means for the job, the record and the batch. */
export async function settleJob(job: ClaimedJob, call: AnsweredCall, config: SettleConfig): Promise<Settlement> {
  const [settlement] = await settleJobs([{ job, call }], config);
  return settlement!;
}

/**
 * Records a group of HTTP calls: their ledger rows, jobs and records change in
 * ONE statement (one round trip, one commit, one firing of the rollup trigger
 * on call_records), whatever the group's size. Per-record statements made the
 * worker database-bound: each record cost a commit and a trigger run of its
 * own. Returns each call's settlement, in the order given.
 *
 * Only the worker still holding a job (same attempt, still in flight) changes
 * its state; a job taken over after a lost lease is left to its new worker,
 * but the call is on the ledger ("stale").
 */
export async function settleJobs(answers: readonly Answer[], config: SettleConfig): Promise<Settlement[]> {
  if (answers.length === 0) return [];
  const rows = answers.map(({ job, call }) => ({ job, call, ...decide(job, call, config), ...outcomeText(call) }));
  const col = <T>(pick: (r: (typeof rows)[number]) => T | null | undefined, str?: (v: T) => string) => textColumn(rows, pick, str);
  const iso = (d: Date) => d.toISOString();

  const settled = await readRows<{ job_id: bigint; attempt: number }>(Prisma.sql`
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
        transport_error, raw_answer, params)
      SELECT job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id,
        outcome::attempt_outcome, result_count, result_success, result_code, result_message, error_code, error_msg, error_sub_code, error_sub_msg,
        transport_error, raw_answer, params
      FROM answer ORDER BY job_id
    ), job AS (
      UPDATE submission_jobs j SET state = a.job_state::job_state, attempts = j.attempts - CASE WHEN a.counted THEN 0 ELSE 1 END,
        next_attempt_at = a.next_attempt_at, lease_until = NULL, last_code = a.code, last_message = a.message, updated_at = now()
      FROM answer a
      WHERE j.id = a.job_id AND j.state = 'in_flight' AND j.attempts = a.attempt
      -- The answer that settled the job travels with it: a group may hold a late answer of an earlier attempt of the same job.
      RETURNING j.id, j.record_id, a.attempt, a.job_state, a.code, a.message, a.counted, a.sent_at
    ), record AS (
      UPDATE call_records r SET submission_state = job.job_state::submission_state, last_result_code = job.code, last_result_message = job.message,
        submission_attempts = r.submission_attempts + CASE WHEN job.counted THEN 1 ELSE 0 END,
        last_submitted_at = CASE WHEN job.counted THEN job.sent_at ELSE r.last_submitted_at END
      FROM job WHERE r.id = job.record_id
      RETURNING job.id AS job_id, job.attempt
    )
    SELECT job_id, attempt FROM record`);
  const done = new Set(settled.map((r) => `${r.job_id}:${r.attempt}`));

  const settlements = rows.map((r): Settlement => {
    if (!done.has(`${r.job.jobId}:${r.job.attempt}`)) return "stale";
    if (r.call.kind === "config") return "paused";
    return r.jobState as Settlement;
  });

  // Configuration errors stop their batch (rare: one statement per such batch and reason).
  const paused = new Map<bigint, string>();
  rows.forEach((r, i) => {
    if (settlements[i] === "paused" && !paused.has(r.job.batchId)) paused.set(r.job.batchId, `TOP refused the app's configuration: ${r.code} ${r.message ?? ""}`.trim());
  });
  for (const [batchId, reason] of paused) {
    await prisma.$executeRaw(Prisma.sql`
      UPDATE submission_batches SET status = 'paused', paused_reason = ${reason} WHERE id = ${batchId} AND status = 'running'`);
  }
  // A final outcome may have been its batch's last job: one look per batch in the group.
  const finished = [...new Set(rows.filter((_, i) => settlements[i] === "accepted" || settlements[i] === "rejected" || settlements[i] === "failed").map((r) => r.job.batchId))];
  if (finished.length > 0) await finishBatchesIfDone(finished);
  return settlements;
}

/** The job's next state after a call: final, back in line, or retried later. */
function decide(job: ClaimedJob, call: TopCallResult, config: SettleConfig): { jobState: "accepted" | "rejected" | "retrying" | "failed" | "queued"; nextAttemptAt: Date; counted: boolean } {
  const counted = call.kind !== "config";
  if (call.kind === "accepted" || call.kind === "rejected") return { jobState: call.kind, nextAttemptAt: new Date(), counted };
  if (call.kind === "config") return { jobState: "queued", nextAttemptAt: new Date(), counted }; // not the record's fault: back in line, the attempt not counted
  if (job.attempt >= config.maxAttempts) return { jobState: "failed", nextAttemptAt: new Date(), counted };
  const delay = retryDelayMs(job.attempt, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs, retryAfterMs: call.retryAfterMs });
  return { jobState: "retrying", nextAttemptAt: new Date(Date.now() + delay), counted };
}

/** A batch is done when all its jobs exist and none is waiting or on the wire. */
export async function finishBatchIfDone(batchId: bigint, db: Pick<typeof prisma, "$executeRaw"> = prisma): Promise<void> {
  await finishBatchesIfDone([batchId], db);
}

async function finishBatchesIfDone(batchIds: bigint[], db: Pick<typeof prisma, "$executeRaw"> = prisma): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    UPDATE submission_batches b SET status = 'done', finished_at = now(),
      -- Final: the lists read these instead of counting the batch's jobs on every poll.
      final_counts = COALESCE((SELECT jsonb_object_agg(s.state, s.n) FROM (
        SELECT j.state::text AS state, count(*) AS n FROM submission_jobs j WHERE j.batch_id = b.id GROUP BY 1) s), '{}'::jsonb)
    WHERE b.id = ANY(${batchIds.map(String)}::text[]::bigint[]) AND b.status = 'running' AND b.materialized
      AND NOT EXISTS (SELECT 1 FROM submission_jobs j WHERE j.batch_id = b.id AND j.state IN ('queued', 'in_flight', 'retrying'))`);
}

/** Puts a claimed job back without an attempt (the worker is stopping before it was sent). */
export async function releaseJob(job: ClaimedJob): Promise<void> {
  await prisma.$executeRaw`UPDATE submission_jobs SET state = 'queued', attempts = attempts - 1, lease_until = NULL, updated_at = now()
    WHERE id = ${job.jobId} AND state = 'in_flight' AND attempts = ${job.attempt}`;
}

/** The code and message a person needs: the platform's own, else what went wrong on the way. */
export function outcomeText(call: TopCallResult): { code: string | null; message: string | null } {
  if (call.error) {
    return {
      code: call.error.sub_code ? `${call.error.code}/${call.error.sub_code}` : String(call.error.code),
      message: call.error.sub_msg ?? call.error.msg,
    };
  }
  if (call.result) return { code: call.result.code ?? null, message: call.result.message ?? null };
  return { code: "transport", message: call.transportError ?? "no answer" };
}
