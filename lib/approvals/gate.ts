import "server-only";
import { Prisma } from "../db/client";
import { getEnv } from "../env";
import type { ApprovalReason } from "./status";

/**
 * When a batch must wait for a second supervisor (four-eyes, maker–checker).
 * The decision is made where every batch is created (createBatch), so that no
 * way of sending (the console's dialog, the REST API, a record's retry
 * button, the corrections' bulk fix) can go around it.
 */

/** A request nobody decided within this long expires: it cannot be approved after. */
export const APPROVAL_TTL_HOURS = 24;

export { APPROVAL_REASONS, type ApprovalReason } from "./status";

/** What createBatch's callers may say about approval. */
export interface ApprovalOptions {
  /**
   * A bulk fix (the corrections' resubmission of a failure group with a field
   * set for every record) always waits when approval is on; the diff sample is
   * what the approver sees of it.
   */
  requireApproval?: { reason: "bulk_fix"; diffSample?: unknown };
  /**
   * Automatic reporting rules' batches do not wait: the rule itself is the
   * reviewed decision, its records are never accepted ones, and a rule's daily
   * cap bounds it. Nothing else is exempt.
   */
  exemptFromApproval?: boolean;
  /** The pre-submit check's held-back counts, read only when the batch has to wait. */
  describeHeldBack?: () => Promise<{ code: string; reason: string; count: number }[]>;
}

/** SUBMISSION_APPROVAL_THRESHOLD, or null when approval is off. */
export function approvalThreshold(): number | null {
  return getEnv().SUBMISSION_APPROVAL_THRESHOLD ?? null;
}

/**
 * The SQL condition, over the batch's `n` records of which `acc` are accepted
 * ones being sent again, under which the batch waits (false when approval is off).
 */
export function needsApprovalSql(opts: ApprovalOptions, resendAccepted: boolean): Prisma.Sql {
  const threshold = approvalThreshold();
  if (threshold === null || opts.exemptFromApproval) return Prisma.sql`false`;
  const forced = opts.requireApproval !== undefined;
  return Prisma.sql`(counted.n > ${threshold} OR (${resendAccepted} AND counted.acc > 0) OR ${forced})`;
}

/** Why a created batch waits, in the order the approver reads them. */
export function approvalReasons(
  batch: { total: number; accepted: number; resendAccepted: boolean },
  opts: ApprovalOptions,
): ApprovalReason[] {
  const threshold = approvalThreshold();
  if (threshold === null || opts.exemptFromApproval) return [];
  const reasons: ApprovalReason[] = [];
  if (batch.total > threshold) reasons.push("threshold");
  if (batch.resendAccepted && batch.accepted > 0) reasons.push("resend_accepted");
  if (opts.requireApproval) reasons.push("bulk_fix");
  return reasons;
}
