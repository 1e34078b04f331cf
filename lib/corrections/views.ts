import type { FieldError } from "../call-records/schema";
import type { BulkFixPlan } from "./bulk-plan";
import type { RecordPayload } from "./data";

/** A record's payload as the console and the REST API show it (ids as strings, dates as ISO 8601). */
export function payloadView(p: RecordPayload) {
  return {
    call_record_id: p.callRecordId.toString(),
    correction: p.correction
      ? {
          fields: p.correction.fields,
          reason: p.correction.reason,
          corrected_by: p.correction.correctedBy,
          corrected_at: p.correction.correctedAt.toISOString(),
          repushed_at: p.correction.repushedAt?.toISOString() ?? null,
        }
      : null,
    last_sent_at: p.lastSentAt?.toISOString() ?? null,
    diff: p.diff,
  };
}
export type PayloadView = ReturnType<typeof payloadView>;

export function planView(plan: BulkFixPlan) {
  return {
    total: plan.total,
    changing: plan.changing,
    invalid: plan.invalid,
    invalidSamples: plan.invalidSamples,
    preview: plan.preview.map(payloadView),
    pendingBatchId: plan.pendingBatchId?.toString() ?? null,
    needsApproval: plan.needsApproval,
  };
}
export type PlanView = ReturnType<typeof planView>;

export type CorrectionAnswer = { saved: true; payload: PayloadView } | { saved: false; errors: FieldError[] };
