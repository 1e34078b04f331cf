import "server-only";
import { Prisma, prisma } from "../db/client";
import { APPROVAL_TTL_HOURS, type ApprovalReason } from "./gate";

type Tx = Pick<typeof prisma, "$queryRaw" | "$executeRaw">;

/** Writes a batch's four-eyes request, in the transaction that created the batch `awaiting_approval`. */
export async function requestApproval(
  tx: Tx,
  input: {
    batchId: bigint;
    requestedBy: string;
    reasons: ApprovalReason[];
    heldBack: unknown;
    diffSample: unknown;
  },
): Promise<{ batchId: bigint; requestedBy: string; reasons: ApprovalReason[]; expiresAt: Date }> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const [row] = await tx.$queryRaw<{ expires_at: Date }[]>(Prisma.sql`
    INSERT INTO submission_approvals (batch_id, reasons, requested_by, expires_at, held_back, diff_sample)
    VALUES (${input.batchId}, ${input.reasons}::text[], ${input.requestedBy},
            now() + make_interval(hours => ${APPROVAL_TTL_HOURS}), ${json(input.heldBack)}::jsonb, ${json(input.diffSample)}::jsonb)
    RETURNING expires_at`);
  return { batchId: input.batchId, requestedBy: input.requestedBy, reasons: input.reasons, expiresAt: row!.expires_at };
}

export type DecisionOutcome =
  | { ok: true; state: "running" | "rejected" }
  | { ok: false; code: "not_found" | "not_awaiting" | "own_request" | "expired"; state?: string };

/**
 * Approves (the batch starts as any other: the workers pick it up) or rejects
 * (it ends with nothing sent) a batch waiting for approval. Refused to the
 * requester, to a batch no longer waiting, and to an expired request (marked
 * expired on the way). The batch row is locked: two approvers cannot both decide.
 */
export async function decideApproval(
  batchId: bigint,
  decision: "approved" | "rejected",
  by: { email: string },
  comment: string | null,
): Promise<DecisionOutcome> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string; requested_by: string | null; expired: boolean | null }[]
    >(Prisma.sql`
      SELECT b.status::text AS status, a.requested_by, a.expires_at <= now() AS expired
      FROM submission_batches b LEFT JOIN submission_approvals a ON a.batch_id = b.id
      WHERE b.id = ${batchId} FOR UPDATE OF b`);
    if (!row) return { ok: false, code: "not_found" };
    if (row.status !== "awaiting_approval" || row.requested_by === null)
      return { ok: false, code: "not_awaiting", state: row.status };
    if (row.expired) {
      await expireStatement(tx, Prisma.sql`b.id = ${batchId}`);
      return { ok: false, code: "expired", state: "expired" };
    }
    // Emails are the accounts' identity (unique, case-insensitively).
    if (row.requested_by.toLowerCase() === by.email.toLowerCase()) return { ok: false, code: "own_request" };
    const status = decision === "approved" ? "running" : "rejected";
    await tx.$executeRaw(Prisma.sql`
      UPDATE submission_batches SET status = ${status}::batch_status,
        finished_at = CASE WHEN ${status} = 'rejected' THEN now() END
      WHERE id = ${batchId}`);
    await tx.$executeRaw(Prisma.sql`
      UPDATE submission_approvals SET decision = ${decision}, decided_by = ${by.email}, decided_at = now(), comment = ${comment}
      WHERE batch_id = ${batchId}`);
    return { ok: true, state: status };
  });
}

/**
 * Marks every request older than APPROVAL_TTL_HOURS expired (the worker runs
 * this; the read path already shows them expired). Returns the batches marked.
 */
export async function expireApprovals(): Promise<bigint[]> {
  return prisma.$transaction((tx) => expireStatement(tx, Prisma.sql`a.expires_at <= now()`));
}

async function expireStatement(tx: Tx, where: Prisma.Sql): Promise<bigint[]> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    WITH due AS (
      SELECT b.id, a.expires_at FROM submission_batches b JOIN submission_approvals a ON a.batch_id = b.id
      WHERE b.status = 'awaiting_approval' AND a.decision IS NULL AND ${where}
      FOR UPDATE OF b SKIP LOCKED
    ), batches AS (
      UPDATE submission_batches b SET status = 'expired', finished_at = due.expires_at FROM due WHERE b.id = due.id RETURNING b.id
    )
    UPDATE submission_approvals a SET decision = 'expired', decided_at = due.expires_at
    FROM due WHERE a.batch_id = due.id RETURNING a.batch_id AS id`);
  return rows.map((r) => r.id);
}
