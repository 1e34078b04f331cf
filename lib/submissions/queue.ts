import "server-only";
import { Prisma, prisma } from "../db/client";
import type { TopCallResult } from "../top/client";
import { retryDelayMs } from "./backoff";
import type { WorkerConfig } from "./config";
import { RECORD_AS_SENT, type RecordForSubmission } from "./dto";

/**
 * The queue's two operations: claim ready jobs (FOR UPDATE SKIP LOCKED, so
 * any number of workers share it) and settle a job with the answer, writing
 * the ledger row and the state changes in one transaction.
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
  const rows = await prisma.$queryRaw<(RecordForSubmission & { job_id: bigint; batch_id: bigint; record_id: bigint; attempt: number })[]>(Prisma.sql`
    WITH ready AS (
      SELECT j.id FROM submission_jobs j
      JOIN submission_batches b ON b.id = j.batch_id AND b.status = 'running'
      WHERE (j.state IN ('queued', 'retrying') AND j.next_attempt_at <= now())
         OR (j.state = 'in_flight' AND j.lease_until < now())
      ORDER BY j.next_attempt_at, j.id
      LIMIT ${limit}
      FOR UPDATE OF j SKIP LOCKED
    ), claimed AS (
      UPDATE submission_jobs j
      SET state = 'in_flight', attempts = j.attempts + 1, lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
      FROM ready WHERE j.id = ready.id
      RETURNING j.id, j.batch_id, j.record_id, j.attempts
    ), marked AS (
      UPDATE call_records r SET submission_state = 'in_flight'
      FROM claimed c WHERE r.id = c.record_id
      RETURNING r.id, ${RECORD_AS_SENT}
    )
    SELECT c.id AS job_id, c.batch_id, c.record_id, c.attempts AS attempt, m.*
    FROM claimed c JOIN marked m ON m.id = c.record_id
    ORDER BY c.id`);
  return rows.map(({ job_id, batch_id, record_id, attempt, ...record }) => {
    const { id: _id, ...dto } = record as RecordForSubmission & { id: bigint };
    return { jobId: job_id, batchId: batch_id, recordId: record_id, attempt, record: dto };
  });
}

export type Settlement = "accepted" | "rejected" | "retrying" | "failed" | "paused" | "stale";

/** Records one HTTP call and what it means for the job, the record and the batch. */
export async function settleJob(
  job: ClaimedJob,
  call: TopCallResult & { sentAt: Date; answeredAt: Date },
  config: Pick<WorkerConfig, "maxAttempts" | "backoffBaseMs" | "backoffMaxMs">,
): Promise<Settlement> {
  const { code, message } = outcomeText(call);
  let jobState: "accepted" | "rejected" | "retrying" | "failed" | "queued";
  let nextAttemptAt = new Date();
  if (call.kind === "accepted") jobState = "accepted";
  else if (call.kind === "rejected") jobState = "rejected";
  else if (call.kind === "config") jobState = "queued"; // not the record's fault: back in line, the attempt not counted
  else if (job.attempt >= config.maxAttempts) jobState = "failed";
  else {
    jobState = "retrying";
    nextAttemptAt = new Date(Date.now() + retryDelayMs(job.attempt, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs, retryAfterMs: call.retryAfterMs }));
  }
  const counted = call.kind !== "config";

  // One statement, so one round trip and atomic: the ledger row, the job and
  // the record change together. Only the worker still holding the job (same
  // attempt, still in flight) changes its state; a job taken over after a
  // lost lease is left to its new worker, but the call is on the ledger.
  const [row] = await prisma.$queryRaw<{ settled: boolean }[]>(Prisma.sql`
    WITH attempt AS (
      INSERT INTO submission_attempts (job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id,
        outcome, result_count, result_success, result_code, result_message, error_code, error_msg, error_sub_code, error_sub_msg,
        transport_error, raw_answer, params)
      VALUES (${job.jobId}, ${job.batchId}, ${job.recordId}, ${job.attempt}, ${call.sentAt}, ${call.answeredAt}, ${call.latencyMs},
        ${call.httpStatus ?? null}, ${call.requestId ?? null}, ${call.kind}::attempt_outcome, ${call.result?.count ?? null},
        ${call.result?.success ?? null}, ${call.result?.code ?? null}, ${call.result?.message ?? null}, ${call.error?.code ?? null},
        ${call.error?.msg ?? null}, ${call.error?.sub_code ?? null}, ${call.error?.sub_msg ?? null}, ${call.transportError ?? null},
        ${call.rawAnswer ?? null}, ${JSON.stringify(call.sentParams)}::jsonb)
    ), job AS (
      UPDATE submission_jobs SET state = ${jobState}::job_state, attempts = attempts - ${counted ? 0 : 1}, next_attempt_at = ${nextAttemptAt},
        lease_until = NULL, last_code = ${code}, last_message = ${message}, updated_at = now()
      WHERE id = ${job.jobId} AND state = 'in_flight' AND attempts = ${job.attempt}
      RETURNING record_id
    ), record AS (
      UPDATE call_records r SET submission_state = ${jobState}::text::submission_state, last_result_code = ${code}, last_result_message = ${message},
        submission_attempts = r.submission_attempts + ${counted ? 1 : 0},
        last_submitted_at = CASE WHEN ${counted} THEN ${call.sentAt}::timestamptz ELSE r.last_submitted_at END
      FROM job WHERE r.id = job.record_id
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM record) AS settled`);
  if (!row?.settled) return "stale";

  if (call.kind === "config") {
    await prisma.$executeRaw(Prisma.sql`
      UPDATE submission_batches SET status = 'paused', paused_reason = ${`TOP refused the app's configuration: ${code} ${message ?? ""}`.trim()}
      WHERE id = ${job.batchId} AND status = 'running'`);
    return "paused";
  }
  if (jobState !== "retrying") await finishBatchIfDone(job.batchId);
  return jobState as Settlement;
}

/** A batch is done when all its jobs exist and none is waiting or on the wire. */
export async function finishBatchIfDone(batchId: bigint, db: Pick<typeof prisma, "$executeRaw"> = prisma): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    UPDATE submission_batches SET status = 'done', finished_at = now()
    WHERE id = ${batchId} AND status = 'running' AND materialized
      AND NOT EXISTS (SELECT 1 FROM submission_jobs WHERE batch_id = ${batchId} AND state IN ('queued', 'in_flight', 'retrying'))`);
}

/** Puts a claimed job back without an attempt (the worker is stopping before it was sent). */
export async function releaseJob(job: ClaimedJob): Promise<void> {
  await prisma.$transaction([
    prisma.$executeRaw`UPDATE submission_jobs SET state = 'queued', attempts = attempts - 1, lease_until = NULL, updated_at = now()
      WHERE id = ${job.jobId} AND state = 'in_flight' AND attempts = ${job.attempt}`,
    prisma.$executeRaw`UPDATE call_records SET submission_state = 'queued' WHERE id = ${job.recordId} AND submission_state = 'in_flight'`,
  ]);
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
