import type { FieldError } from "../call-records/schema";
import type { RecordPayload } from "./data";

/** What a bulk fix of a failure group would do, shown before it is confirmed. */
export interface BulkFixPlan {
  /** Records of the group still to fix: still rejected or given up, and not being sent again by another batch. */
  total: number;
  /** Records whose sent value the fix changes (the others already send it). */
  changing: number;
  /** Records the new value is not valid for, with the errors of the first ones. */
  invalid: number;
  invalidSamples: { callRecordId: string; errors: FieldError[] }[];
  /** The first records' diffs: what TOP received last against what the resubmission will send. */
  preview: RecordPayload[];
  /** A bulk fix of this group already waiting for a second supervisor (its batch id): no second one is asked. */
  pendingBatchId: bigint | null;
  /** With approval on, the resubmission waits for a second supervisor (lib/approvals). */
  needsApproval: boolean;
}
