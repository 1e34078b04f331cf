/**
 * A batch's status as people should read it: an unanswered request past its
 * 24 h is expired even before the worker marks it so (it cannot be approved
 * any more either way: lib/approvals/mutations.ts checks the time itself).
 */
export function effectiveStatus(
  status: string,
  approval: { expiresAt: Date; decision: string | null } | null,
  now = Date.now(),
): string {
  return status === "awaiting_approval" && approval && approval.decision === null && approval.expiresAt.getTime() <= now
    ? "expired"
    : status;
}

/** Batch statuses of the four-eyes step: waiting, and the two ends with nothing sent. */
export const APPROVAL_STATUSES = ["awaiting_approval", "rejected", "expired"] as const;

/** Why a batch waits: above the threshold, a resend of accepted records, a bulk fix. */
export const APPROVAL_REASONS = ["threshold", "resend_accepted", "bulk_fix"] as const;
export type ApprovalReason = (typeof APPROVAL_REASONS)[number];
