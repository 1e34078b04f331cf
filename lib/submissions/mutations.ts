import "server-only";
import { Prisma, prisma } from "../db/client";
import { VIOLATES_LOCAL_RULES } from "./local-rules";
import { selectionCondition, type Selection } from "./selection";

const ACTIVE = Prisma.sql`('queued', 'in_flight', 'retrying')`;

export interface CreatedBatch {
  batchId: bigint;
  queued: number;
}

/**
 * Creates a batch and queues its records in ONE statement (no loop of inserts
 * from JS, so 100,000 records take well under a second). Skipped: records
 * already in flight in another batch (the partial unique index guarantees at
 * most one active job per record even against concurrent batches), records
 * that break TOP's local field rules, and accepted records unless
 * `resendAccepted`.
 */
export async function createBatch(input: {
  selection: Selection;
  kind: "submit" | "resubmit" | "retry";
  createdBy: string;
  resendAccepted: boolean;
  /** Resubmissions take only failures (rejected and given up). */
  onlyFailures?: boolean;
  timeZone: string;
}): Promise<CreatedBatch> {
  const condition = selectionCondition(input.selection, input.timeZone);
  const failures = input.onlyFailures ? Prisma.sql`AND r.submission_state IN ('rejected', 'failed')` : Prisma.empty;
  const accepted = input.resendAccepted ? Prisma.empty : Prisma.sql`AND r.submission_state <> 'accepted'`;
  // One transaction: the batch, its jobs and the records' new state appear together or not at all.
  return prisma.$transaction(async (tx) => {
    const [batch] = await tx.$queryRaw<{ id: bigint }[]>(Prisma.sql`
      INSERT INTO submission_batches (kind, created_by, selection, resend_accepted)
      VALUES (${input.kind}::batch_kind, ${input.createdBy}, ${JSON.stringify(input.selection)}::jsonb, ${input.resendAccepted})
      RETURNING id`);
    const batchId = batch!.id;
    const [counted] = await tx.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      WITH queued AS (
        INSERT INTO submission_jobs (batch_id, record_id, previous_state)
        SELECT ${batchId}, r.id, r.submission_state
        FROM call_records r
        WHERE ${condition} ${failures} ${accepted}
          AND NOT ${VIOLATES_LOCAL_RULES}
        ORDER BY r.id
        ON CONFLICT (record_id) WHERE state IN ${ACTIVE} DO NOTHING
        RETURNING record_id
      ), marked AS (
        UPDATE call_records SET submission_state = 'queued'
        FROM queued WHERE call_records.id = queued.record_id
        RETURNING 1
      )
      SELECT count(*) AS n FROM marked`);
    const queued = Number(counted?.n ?? 0);
    await tx.$executeRaw(Prisma.sql`
      UPDATE submission_batches
      SET total = ${queued},
          status = CASE WHEN ${queued} = 0 THEN 'done'::batch_status ELSE 'running'::batch_status END,
          finished_at = CASE WHEN ${queued} = 0 THEN now() END
      WHERE id = ${batchId}`);
    return { batchId, queued };
  }, { timeout: 120_000 });
}

/**
 * Cancels a batch: nothing more is sent from it (the worker only claims jobs
 * of running batches); waiting jobs are cancelled and their records go back to
 * the state they had. Calls already on the wire finish and are recorded.
 */
export async function cancelBatch(batchId: bigint): Promise<{ cancelled: number } | null> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE submission_batches SET status = 'cancelled', finished_at = now()
      WHERE id = ${batchId} AND status IN ('running', 'paused')`;
    if (!updated) return null;
    const rows = await tx.$queryRaw<{ n: bigint }[]>`
      WITH cancelled AS (
        UPDATE submission_jobs SET state = 'cancelled', updated_at = now()
        WHERE batch_id = ${batchId} AND state IN ('queued', 'retrying')
        RETURNING record_id, previous_state
      ), restored AS (
        UPDATE call_records r SET submission_state = c.previous_state
        FROM cancelled c WHERE r.id = c.record_id
        RETURNING 1
      )
      SELECT count(*) AS n FROM restored`;
    return { cancelled: Number(rows[0]?.n ?? 0) };
  });
}

/** Resumes a batch paused by a configuration error, once the configuration is fixed. */
export async function resumeBatch(batchId: bigint): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE submission_batches SET status = 'running', paused_reason = NULL WHERE id = ${batchId} AND status = 'paused'`;
  return n > 0;
}
