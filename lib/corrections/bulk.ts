import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { FieldError } from "../call-records/schema";
import { Prisma, prisma } from "../db/client";
import { int64IdSchema } from "../input/schema";
import { maskText } from "../privacy/redact";
import { CORRECTION_JOIN } from "../submissions/dto";
import { createBatch, type CreatedBatch } from "../submissions/mutations";
import { effectiveFields, payloadsOf, RECEIVED_COLUMNS, type RecordPayload } from "./data";
import { CORRECTABLE_FIELDS, sameValue, type CorrectableField, type ReportedFields, type StoredValue } from "./fields";
import { approvalThreshold } from "../approvals/gate";
import { correctionRow, mergedValues, type Actor } from "./mutations";
import { validateCorrection } from "./validate";
import type { BulkFixPlan } from "./bulk-plan";
import { payloadView } from "./views";

/** A failure group larger than this is fixed in parts (by filter on /calls) rather than in one step. */
export const BULK_FIX_MAX = 5_000;
/** Records whose diff the preview shows. */
export const PREVIEW_RECORDS = 5;

export const bulkFixSchema = z.object({
  batchId: int64IdSchema,
  /** The failure group: the records of the batch whose last answer had this code (null: no code). */
  failureCode: z.string().max(200).nullable(),
  field: z.enum(CORRECTABLE_FIELDS),
  /** `set`: one value for every record; `end_from_duration`: end_time = start_time + chat_duration, per record. */
  mode: z.enum(["set", "end_from_duration"]),
  value: z.union([z.string().max(4_000), z.number(), z.null()]).optional(),
  reason: z.string().trim().min(1, "give a reason").max(500),
});
export type BulkFix = z.infer<typeof bulkFixSchema>;

export type { BulkFixPlan };

interface GroupRecord {
  id: bigint;
  call_record_id: bigint;
  received: ReportedFields;
  correction: ReportedFields | null;
  fields: string[];
}

type Row = ReportedFields & { id: bigint; call_record_id: bigint; c_fields: string[] | null } & {
  [K in `c_${CorrectableField}`]: StoredValue;
};

async function groupRecords(fix: Pick<BulkFix, "batchId" | "failureCode">): Promise<GroupRecord[] | "too_many"> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r.id, r.call_record_id, ${RECEIVED_COLUMNS}, rc.fields AS c_fields,
           ${Prisma.raw(CORRECTABLE_FIELDS.map((f) => `rc.${f} AS c_${f}`).join(", "))}
    FROM submission_jobs j JOIN call_records r ON r.id = j.record_id ${CORRECTION_JOIN}
    WHERE j.batch_id = ${BigInt(fix.batchId)} AND j.state IN ('rejected', 'failed')
      AND j.last_code IS NOT DISTINCT FROM ${fix.failureCode}
      -- The batch's history keeps the group; what is left to fix are the records that still fail and
      -- are not on their way again (a fix already resubmitted, then the back button or a second click).
      AND r.submission_state IN ('rejected', 'failed')
      AND NOT EXISTS (SELECT 1 FROM submission_jobs a WHERE a.record_id = r.id AND a.state IN ('queued', 'in_flight', 'retrying'))
    ORDER BY r.id LIMIT ${BULK_FIX_MAX + 1}`);
  if (rows.length > BULK_FIX_MAX) return "too_many";
  return rows.map((row) => {
    const received = Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, row[f]])) as ReportedFields;
    const correction = row.c_fields
      ? (Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, row[`c_${f}`]])) as ReportedFields)
      : null;
    return { id: row.id, call_record_id: row.call_record_id, received, correction, fields: row.c_fields ?? [] };
  });
}

/** The value the fix gives one record, as the ingest would take it; or why it cannot. */
function newValue(
  fix: BulkFix,
  current: ReportedFields,
): { ok: true; value: unknown } | { ok: false; error: FieldError } {
  if (fix.mode === "set") return { ok: true, value: fix.value ?? null };
  const start = current.start_time;
  const seconds = current.chat_duration;
  if (!(start instanceof Date) || typeof seconds !== "number")
    return {
      ok: false,
      error: { field: "end_time", message: "cannot be computed: start_time or chat_duration is missing" },
    };
  return { ok: true, value: new Date(start.getTime() + seconds * 1000).toISOString() };
}

interface Planned {
  plan: BulkFixPlan;
  /** The records the fix changes, with their whole correction after it. */
  writes: { record: GroupRecord; values: Map<CorrectableField, StoredValue> }[];
}

/** A bulk fix of the same group still waiting for approval: it holds no jobs yet, so the group query cannot see it. */
async function pendingFix(fix: Pick<BulkFix, "batchId" | "failureCode">): Promise<bigint | null> {
  const selection = JSON.stringify({ type: "batch", batchId: fix.batchId, failureCode: fix.failureCode });
  const [row] = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    SELECT b.id FROM submission_batches b JOIN submission_approvals a ON a.batch_id = b.id
    WHERE b.status = 'awaiting_approval' AND a.decision IS NULL AND a.expires_at > now()
      AND 'bulk_fix' = ANY (a.reasons) AND b.selection = ${selection}::jsonb
    ORDER BY b.id LIMIT 1`);
  return row?.id ?? null;
}

async function planFix(fix: BulkFix): Promise<Planned | "too_many"> {
  const [records, pendingBatchId] = await Promise.all([groupRecords(fix), pendingFix(fix)]);
  if (records === "too_many") return records;
  const field: CorrectableField = fix.mode === "end_from_duration" ? "end_time" : fix.field;
  const writes: Planned["writes"] = [];
  const invalid: BulkFixPlan["invalidSamples"] = [];
  let invalidCount = 0;
  for (const record of records) {
    const current = effectiveFields(record.received, record.correction, record.fields);
    const value = newValue(fix, current);
    const checked = value.ok
      ? validateCorrection(record.call_record_id, current, { [field]: value.value })
      : { ok: false as const, errors: [value.error] };
    if (!checked.ok) {
      invalidCount++;
      if (invalid.length < PREVIEW_RECORDS)
        invalid.push({ callRecordId: record.call_record_id.toString(), errors: checked.errors });
      continue;
    }
    if (sameValue(current[field], checked.values.get(field) ?? null)) continue;
    writes.push({ record, values: mergedValues(record.correction, record.fields, checked.values) });
  }
  const sample = writes.slice(0, PREVIEW_RECORDS);
  const overrides = new Map(sample.map((w) => [w.record.id, new Map([[field, w.values.get(field) ?? null]])]));
  const payloads = await payloadsOf(
    sample.map((w) => w.record.id),
    overrides,
  );
  return {
    plan: {
      total: records.length,
      changing: writes.length,
      invalid: invalidCount,
      invalidSamples: invalid,
      preview: sample.map((w) => payloads.get(w.record.id)).filter((p): p is RecordPayload => p !== undefined),
      pendingBatchId,
      needsApproval: approvalThreshold() !== null,
    },
    writes,
  };
}

/** What a bulk fix would do, without doing it: the count, the first records' diffs, the records it is not valid for. */
export async function previewBulkFix(fix: BulkFix): Promise<BulkFixPlan | "too_many"> {
  const planned = await planFix(fix);
  return planned === "too_many" ? planned : planned.plan;
}

export type BulkFixOutcome =
  | { ok: true; corrected: number; batch: CreatedBatch }
  | { ok: false; code: "too_many" | "invalid" | "empty" | "pending"; plan?: BulkFixPlan };

/**
 * The bulk fix of a failure group, in one step: every record of the group gets
 * the correction (all of them valid, or none is written), then the group is
 * resubmitted through createBatch (kind resubmit, failures only). The one
 * place a bulk fix creates a batch: an approval step goes here.
 */
export async function submitBulkFix(
  fix: BulkFix,
  ctx: { actor: Actor; timeZone: string; requestId?: string },
): Promise<BulkFixOutcome> {
  const planned = await planFix(fix);
  if (planned === "too_many") return { ok: false, code: "too_many" };
  const { plan, writes } = planned;
  if (plan.pendingBatchId !== null) return { ok: false, code: "pending", plan };
  if (plan.invalid > 0) return { ok: false, code: "invalid", plan };
  if (plan.total === 0) return { ok: false, code: "empty", plan };
  await prisma.$transaction(
    async (tx) => {
      for (const w of writes) await tx.$executeRaw(correctionRow(w.record.id, w.values, fix.reason, ctx.actor.email));
    },
    { timeout: 60_000 },
  );
  const batch = await createBatch({
    selection: {
      type: "batch",
      batchId: fix.batchId,
      failureCode: fix.failureCode,
    },
    kind: "resubmit",
    createdBy: ctx.actor.email,
    resendAccepted: true,
    onlyFailures: true,
    timeZone: ctx.timeZone,
    requestId: ctx.requestId,
    // With approval on, a bulk fix always waits for a second supervisor, who sees these diffs.
    // As the console and the API show diffs (ids as strings, masked): stored as JSON, read by the approver.
    requireApproval: { reason: "bulk_fix", diffSample: plan.preview.map(payloadView) },
  });
  await recordAudit({
    actor: ctx.actor,
    action: "submission.bulk_fix",
    target: `batch:${fix.batchId}`,
    details: {
      failureCode: fix.failureCode,
      field: fix.mode === "end_from_duration" ? "end_time" : fix.field,
      mode: fix.mode,
      corrected: writes.length,
      resubmitted: batch.queued,
      batchId: batch.batchId,
      reason: maskText(fix.reason),
    },
  });
  return { ok: true, corrected: writes.length, batch };
}
