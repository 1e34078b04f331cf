import "server-only";
import { prisma } from "../db/client";
import { effectiveStatus } from "./status";

export interface ApprovalRequest {
  reasons: string[];
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
  /** The pre-submit check's held-back counts when it was requested (`code`, `reason`, `count`). */
  heldBack: { code: string; reason: string; count: number }[] | null;
  diffSample: unknown;
  /** null while waiting; `expired` as soon as the 24 h are over, marked or not. */
  decision: "approved" | "rejected" | "expired" | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

function heldBackOf(v: unknown): ApprovalRequest["heldBack"] {
  if (!Array.isArray(v)) return null;
  return v.filter(
    (h): h is { code: string; reason: string; count: number } =>
      typeof h === "object" && h !== null && typeof h.code === "string" && typeof h.count === "number",
  );
}

/** A batch's four-eyes request, if it had one. */
export async function approvalOf(batchId: bigint): Promise<ApprovalRequest | null> {
  const a = await prisma.submissionApproval.findUnique({ where: { batchId }, include: { batch: true } });
  if (!a) return null;
  const expired = effectiveStatus(a.batch.status, a) === "expired";
  return {
    reasons: a.reasons,
    requestedBy: a.requestedBy,
    requestedAt: a.requestedAt,
    expiresAt: a.expiresAt,
    heldBack: heldBackOf(a.heldBack),
    diffSample: a.diffSample ?? null,
    decision: expired ? "expired" : (a.decision as ApprovalRequest["decision"]),
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt ?? (expired ? a.expiresAt : null),
    comment: a.comment,
  };
}

export interface AwaitingBatch {
  id: string;
  kind: string;
  selection: unknown;
  total: number;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  reasons: string[];
}

/** Every batch waiting for a second supervisor now (not expired), oldest request first: the /submissions section. */
export async function awaitingApprovals(limit = 100): Promise<AwaitingBatch[]> {
  const rows = await prisma.submissionApproval.findMany({
    where: { decision: null, expiresAt: { gt: new Date() }, batch: { status: "awaiting_approval" } },
    orderBy: { requestedAt: "asc" },
    take: limit,
    include: { batch: { select: { id: true, kind: true, selection: true, total: true } } },
  });
  return rows.map((a) => ({
    id: a.batch.id.toString(),
    kind: a.batch.kind,
    selection: a.batch.selection,
    total: a.batch.total,
    requestedBy: a.requestedBy,
    requestedAt: a.requestedAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    reasons: a.reasons,
  }));
}
