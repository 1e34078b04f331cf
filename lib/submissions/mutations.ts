import "server-only";
import { alertFinishedBatches, type FinishedBatch } from "../alerts/batch-alerts";
import { Prisma, prisma } from "../db/client";
import { approvalReasons, needsApprovalSql, type ApprovalOptions } from "../approvals/gate";
import { onApprovalRequested } from "../approvals/notify";
import { requestApproval } from "../approvals/mutations";
import { VIOLATES_LOCAL_RULES } from "./local-rules";
import { finishBatchIfDone } from "./queue";
import { selectionCondition, selectionSchema, type Selection } from "./selection";

const ACTIVE = Prisma.sql`('queued', 'in_flight', 'retrying')`;

export interface CreatedBatch {
  batchId: bigint;
  queued: number;
  /** The batch waits for a second supervisor (lib/approvals): nothing is sent until approved. */
  awaitingApproval: boolean;
}

/**
 * Creates a batch. Nothing is copied here: the batch keeps its selection,
 * the newest record id that exists now (later records are not part of it)
 * and a count of what it will send, so that a batch of a million records is
 * accepted as fast as a batch of one. The workers then turn it into jobs in
 * chunks (materializeBatchChunk), durably and resumably.
 *
 * With SUBMISSION_APPROVAL_THRESHOLD set, a batch that needs a second
 * supervisor is created `awaiting_approval` with its request beside it: the
 * workers leave it alone until it is approved (lib/approvals).
 */
export async function createBatch(
  input: {
    selection: Selection;
    kind: "submit" | "resubmit" | "retry";
    createdBy: string;
    /**
     * Accepted records are held back unless this is true: re-sending what TOP
     * already holds is an explicit choice, never a side effect of a selection.
     */
    resendAccepted?: boolean;
    /** Resubmissions take only failures (rejected and given up). */
    onlyFailures?: boolean;
    timeZone: string;
    /** The console request creating the batch (X-Request-Id), carried onto its TOP attempts. */
    requestId?: string;
  } & ApprovalOptions,
): Promise<CreatedBatch> {
  const onlyFailures = input.onlyFailures ?? false;
  const resendAccepted = input.resendAccepted === true;
  const eligible = eligibleRecords(input.selection, { resendAccepted, onlyFailures, timeZone: input.timeZone });
  const needsApproval = needsApprovalSql(input, resendAccepted);
  const created = await prisma.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ id: bigint; total: number; status: string; accepted: number }[]>(Prisma.sql`
    WITH bound AS (SELECT COALESCE(max(id), 0) AS max_id FROM call_records),
    counted AS (
      SELECT count(*)::int AS n, count(*) FILTER (WHERE r.submission_state = 'accepted')::int AS acc
      FROM call_records r, bound WHERE r.id <= bound.max_id AND ${eligible}
    ), created AS (
    INSERT INTO submission_batches (kind, created_by, selection, resend_accepted, only_failures, time_zone, max_record_id, total, status, materialized, finished_at, request_id)
    SELECT ${input.kind}::batch_kind, ${input.createdBy}, ${JSON.stringify(input.selection)}::jsonb, ${resendAccepted}, ${onlyFailures},
           ${input.timeZone}, bound.max_id, counted.n,
           CASE WHEN counted.n = 0 THEN 'done'::batch_status
                WHEN ${needsApproval} THEN 'awaiting_approval'::batch_status
                ELSE 'running'::batch_status END,
           counted.n = 0, CASE WHEN counted.n = 0 THEN now() END, ${input.requestId ?? null}
    FROM bound, counted
    RETURNING id, total, status::text AS status)
    SELECT created.*, counted.acc AS accepted FROM created, counted`);
      const batch = row!;
      if (batch.status !== "awaiting_approval") return { batch, request: null };
      const request = await requestApproval(tx, {
        batchId: batch.id,
        requestedBy: input.createdBy,
        reasons: approvalReasons({ total: batch.total, accepted: batch.accepted, resendAccepted }, input),
        heldBack: (await input.describeHeldBack?.()) ?? null,
        diffSample: input.requireApproval?.diffSample ?? null,
      });
      return { batch, request };
    },
    { timeout: 60_000 },
  );
  if (created.request) await onApprovalRequested({ ...created.request, total: created.batch.total });
  return { batchId: created.batch.id, queued: created.batch.total, awaitingApproval: created.request !== null };
}

/** Records of a selection that a batch would send now. */
export function eligibleRecords(
  selection: Selection,
  opts: { resendAccepted: boolean; onlyFailures: boolean; timeZone: string },
): Prisma.Sql {
  return Prisma.sql`${selectionCondition(selection, opts.timeZone)}
    ${opts.onlyFailures ? Prisma.sql`AND r.submission_state IN ('rejected', 'failed')` : Prisma.empty}
    ${opts.resendAccepted ? Prisma.empty : Prisma.sql`AND r.submission_state <> 'accepted'`}
    AND NOT ${VIOLATES_LOCAL_RULES}
    AND NOT EXISTS (SELECT 1 FROM submission_jobs a WHERE a.record_id = r.id AND a.state IN ${ACTIVE})`;
}

const CHUNK = 5_000;
// A batch's first chunk is small, so that its first records go out within a
// fraction of a second while the worker writes the rest beside the sending.
const FIRST_CHUNK = 500;

/**
 * Turns the next chunk of one running batch into jobs (one statement, in
 * call_records.id order from the batch's cursor) and marks those records
 * queued. Workers call this between sends; the batch row lock keeps two
 * workers off the same batch. Returns false when no batch needed it.
 */
export async function materializeBatchChunk(): Promise<boolean> {
  // A batch whose every job settled while it was still being written finishes here; its alert waits for the commit.
  let finished: FinishedBatch[] = [];
  const worked = await prisma.$transaction(
    async (tx) => {
      const [batch] = await tx.$queryRaw<
        {
          id: bigint;
          selection: unknown;
          resend_accepted: boolean;
          only_failures: boolean;
          time_zone: string;
          max_record_id: bigint;
          cursor: bigint;
        }[]
      >(Prisma.sql`
      SELECT id, selection, resend_accepted, only_failures, time_zone, max_record_id, cursor FROM submission_batches
      WHERE status = 'running' AND NOT materialized
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`);
      if (!batch) return false;
      const parsed = selectionSchema.safeParse(batch.selection);
      if (!parsed.success) {
        // One unreadable row must not stop every batch behind it: this one waits, visibly, for a person.
        const reason = `the batch's selection cannot be read (${parsed.error.issues[0]?.message ?? "invalid"})`;
        await tx.$executeRaw`
          UPDATE submission_batches SET status = 'paused', paused_reason = ${reason} WHERE id = ${batch.id}`;
        return true;
      }
      const selection = parsed.data;
      const eligible = eligibleRecords(selection, {
        resendAccepted: batch.resend_accepted,
        onlyFailures: batch.only_failures,
        timeZone: batch.time_zone,
      });
      const size = BigInt(batch.cursor) === 0n ? FIRST_CHUNK : CHUNK;
      const [chunk] = await tx.$queryRaw<{ last_id: bigint | null; seen: number; queued: number }[]>(Prisma.sql`
      WITH next AS (
        SELECT r.id, r.submission_state FROM call_records r
        WHERE r.id > ${batch.cursor} AND r.id <= ${batch.max_record_id} AND ${eligible}
        ORDER BY r.id LIMIT ${size}
      ), queued AS (
        INSERT INTO submission_jobs (batch_id, record_id, previous_state)
        SELECT ${batch.id}, id, submission_state FROM next ORDER BY id
        ON CONFLICT (record_id) WHERE state IN ${ACTIVE} DO NOTHING
        RETURNING record_id
      ), marked AS (
        UPDATE call_records SET submission_state = 'queued' FROM queued WHERE call_records.id = queued.record_id RETURNING 1
      )
      SELECT (SELECT max(id) FROM next) AS last_id, (SELECT count(*) FROM next)::int AS seen, (SELECT count(*) FROM marked)::int AS queued`);
      const done = !chunk || chunk.seen < size;
      if (done) {
        // Exact now: what was really queued (records may have been taken by another batch meanwhile).
        await tx.$executeRaw(Prisma.sql`
        UPDATE submission_batches SET materialized = true, cursor = ${chunk?.last_id ?? batch.cursor},
          total = (SELECT count(*) FROM submission_jobs WHERE batch_id = ${batch.id})
        WHERE id = ${batch.id}`);
        finished = await finishBatchIfDone(batch.id, tx);
      } else {
        await tx.$executeRaw(
          Prisma.sql`UPDATE submission_batches SET cursor = ${chunk.last_id} WHERE id = ${batch.id}`,
        );
      }
      return true;
    },
    { timeout: 60_000 },
  );
  await alertFinishedBatches(finished);
  return worked;
}

/**
 * Cancels a batch: nothing more is sent from it (the worker only claims jobs
 * of running batches); waiting jobs are cancelled and their records go back to
 * the state they had. Calls already on the wire finish and are recorded.
 */
export async function cancelBatch(batchId: bigint): Promise<{ cancelled: number } | null> {
  return prisma.$transaction(
    async (tx) => {
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
      // A batch may hold a hundred thousand waiting records, each restored here (and counted again in the rollups).
    },
    { timeout: 60_000 },
  );
}

/** Resumes a batch paused by a configuration error, once the configuration is fixed. */
export async function resumeBatch(batchId: bigint): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE submission_batches SET status = 'running', paused_reason = NULL WHERE id = ${batchId} AND status = 'paused'`;
  return n > 0;
}
