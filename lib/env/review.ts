import { z } from "zod";

/** Review queues, four-eyes approval and reconciliation. */
export const reviewSection = z.object({
  /** How long a reviewer holds a record of a review queue before another reviewer may get it. */
  REVIEW_CLAIM_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /**
   * Four-eyes approval: a batch above this many records, every resend of accepted records and every bulk
   * fix wait for a second supervisor. Unset (or `off`): no approval step.
   */
  SUBMISSION_APPROVAL_THRESHOLD: z.preprocess(
    (v) => (v === "" || v === "off" ? undefined : v),
    z.coerce.number().int().min(0).max(100_000_000).optional(),
  ),
  /** A record received longer ago than this and not accepted by TOP counts as overdue on /reconciliation. */
  RECONCILE_OVERDUE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  /** On /reconciliation, a job silent for longer than this during calling hours, between two of its calls of one day, is a gap. */
  RECONCILE_GAP_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});
