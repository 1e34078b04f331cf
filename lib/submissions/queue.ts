import "server-only";
import { alertFinishedBatches, alertPausedBatch, type FinishedBatch } from "../alerts/batch-alerts";
import { Prisma, prisma, readRows } from "../db/client";
import type { TopCallResult } from "../top/client";
import { retryDelayMs } from "./backoff";
import type { WorkerConfig } from "./config";
import type { RecordForSubmission } from "./dto";
import { claimStatement, finishStatement, settleStatement } from "./queue-sql";
import type { AnsweredCall, ClaimedJob } from "./queue-types";

export type { AnsweredCall, ClaimedJob };

/**
 * The queue's two operations: claim ready jobs (FOR UPDATE SKIP LOCKED, so
 * any number of workers share it) and settle answers, writing the ledger rows
 * and the state changes of a whole group of answers in one statement.
 */

/**
 * Takes up to `limit` jobs of running batches that are due, plus jobs whose
 * worker died while they were in flight (their lease ran out: at-least-once).
 */
export async function claimJobs(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const rows = await readRows<
    RecordForSubmission & { job_id: bigint; batch_id: bigint; record_id: bigint; attempt: number }
  >(claimStatement(limit, leaseMs));
  return rows.map(({ job_id, batch_id, record_id, attempt, ...record }) => {
    const { id: _id, ...dto } = record as RecordForSubmission & { id: bigint };
    return { jobId: job_id, batchId: batch_id, recordId: record_id, attempt, record: dto };
  });
}

export type Settlement = "accepted" | "rejected" | "retrying" | "failed" | "paused" | "stale";

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

  const settled = await readRows<{ job_id: bigint; attempt: number }>(settleStatement(rows));
  const done = new Set(settled.map((r) => `${r.job_id}:${r.attempt}`));

  const settlements = rows.map((r): Settlement => {
    if (!done.has(`${r.job.jobId}:${r.job.attempt}`)) return "stale";
    if (r.call.kind === "config") return "paused";
    return r.jobState as Settlement;
  });

  // Configuration errors stop their batch (rare: one statement per such batch and reason).
  const paused = new Map<bigint, string>();
  rows.forEach((r, i) => {
    if (settlements[i] === "paused" && !paused.has(r.job.batchId))
      paused.set(r.job.batchId, `TOP refused the app's configuration: ${r.code} ${r.message ?? ""}`.trim());
  });
  for (const [batchId, reason] of paused) {
    const changed = await prisma.$executeRaw(Prisma.sql`
      UPDATE submission_batches SET status = 'paused', paused_reason = ${reason} WHERE id = ${batchId} AND status = 'running'`);
    if (changed === 1) await alertPausedBatch(batchId, reason);
  }
  // A final outcome may have been its batch's last job: one look per batch in the group.
  // "stale" too: a group written again after a lost connection finds its jobs already settled, and its batch may not have been looked at.
  const finished = [
    ...new Set(
      rows
        .filter((_, i) => ["accepted", "rejected", "failed", "stale"].includes(settlements[i]!))
        .map((r) => r.job.batchId),
    ),
  ];
  if (finished.length > 0) await alertFinishedBatches(await finishBatchesIfDone(finished));
  return settlements;
}

/** The job's next state after a call: final, back in line, or retried later. */
function decide(
  job: ClaimedJob,
  call: TopCallResult,
  config: SettleConfig,
): { jobState: "accepted" | "rejected" | "retrying" | "failed" | "queued"; nextAttemptAt: Date; counted: boolean } {
  const counted = call.kind !== "config";
  if (call.kind === "accepted" || call.kind === "rejected")
    return { jobState: call.kind, nextAttemptAt: new Date(), counted };
  if (call.kind === "config") return { jobState: "queued", nextAttemptAt: new Date(), counted }; // not the record's fault: back in line, the attempt not counted
  if (job.attempt >= config.maxAttempts) return { jobState: "failed", nextAttemptAt: new Date(), counted };
  const delay = retryDelayMs(job.attempt, {
    baseMs: config.backoffBaseMs,
    maxMs: config.backoffMaxMs,
    retryAfterMs: call.retryAfterMs,
  });
  return { jobState: "retrying", nextAttemptAt: new Date(Date.now() + delay), counted };
}

/** A batch is done when all its jobs exist and none is waiting or on the wire; answers it when this call finished it. */
export async function finishBatchIfDone(
  batchId: bigint,
  db: Pick<typeof prisma, "$queryRaw"> = prisma,
): Promise<FinishedBatch[]> {
  return finishBatchesIfDone([batchId], db);
}

async function finishBatchesIfDone(
  batchIds: bigint[],
  db: Pick<typeof prisma, "$queryRaw"> = prisma,
): Promise<FinishedBatch[]> {
  const rows = await db.$queryRaw<{ id: bigint; final_counts: Record<string, number> }[]>(finishStatement(batchIds));
  return rows.map((r) => ({ id: r.id, counts: r.final_counts }));
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
