import "server-only";
import { recordAudit } from "../audit/mutations";
import type { FieldError } from "../call-records/schema";
import { Prisma, prisma } from "../db/client";
import { maskText } from "../privacy/redact";
import { effectiveFields, recordForCorrection, recordPayload, type RecordPayload } from "./data";
import { CORRECTABLE_FIELDS, type CorrectableField, type ReportedFields, type StoredValue } from "./fields";
import { validateCorrection } from "./validate";

export interface Actor {
  id: bigint | null;
  email: string;
}

export type CorrectionOutcome =
  | { ok: true; payload: RecordPayload }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "invalid"; errors: FieldError[] };

/** One row of call_record_corrections as an INSERT … ON CONFLICT writes it (the full set of corrected fields). */
export function correctionRow(
  recordId: bigint,
  values: ReadonlyMap<CorrectableField, StoredValue>,
  reason: string,
  by: string,
) {
  const cols = CORRECTABLE_FIELDS.map((f) => Prisma.raw(f));
  const vals = CORRECTABLE_FIELDS.map((f) => {
    const v = values.get(f) ?? null;
    return v instanceof Date
      ? Prisma.sql`${v.toISOString()}::timestamptz`
      : typeof v === "bigint"
        ? Prisma.sql`${v.toString()}::bigint`
        : Prisma.sql`${v}`;
  });
  return Prisma.sql`
    INSERT INTO call_record_corrections (record_id, fields, ${Prisma.join(cols)}, reason, corrected_by, corrected_at)
    VALUES (${recordId}, ${[...values.keys()]}::text[], ${Prisma.join(vals)}, ${reason}, ${by}, now())
    ON CONFLICT (record_id) DO UPDATE SET fields = EXCLUDED.fields,
      ${Prisma.join(CORRECTABLE_FIELDS.map((f) => Prisma.raw(`${f} = EXCLUDED.${f}`)))},
      reason = EXCLUDED.reason, corrected_by = EXCLUDED.corrected_by, corrected_at = now()`;
}

/**
 * Corrects reported fields of one record, with a reason: validated on the
 * record as it would be sent, merged into the correction already in place
 * (a field named again takes its new value), stored beside the received
 * record, and audited with the field names only (never the values: they may
 * be phone numbers). Answers the payload diff.
 */
export async function saveCorrection(input: {
  callRecordId: bigint;
  fields: Readonly<Record<string, unknown>>;
  reason: string;
  actor: Actor;
}): Promise<CorrectionOutcome> {
  const record = await recordForCorrection(input.callRecordId);
  if (!record) return { ok: false, code: "not_found" };
  const current = effectiveFields(record.received, record.correction, record.fields);
  const checked = validateCorrection(input.callRecordId, current, input.fields);
  if (!checked.ok) return { ok: false, code: "invalid", errors: checked.errors };
  const values = mergedValues(record.correction, record.fields, checked.values);
  await prisma.$executeRaw(correctionRow(record.id, values, input.reason, input.actor.email));
  await recordAudit({
    actor: input.actor,
    action: "call.correct",
    target: `call:${input.callRecordId}`,
    details: { fields: [...checked.values.keys()], corrected: [...values.keys()], reason: maskText(input.reason) },
  });
  return { ok: true, payload: (await recordPayload(input.callRecordId))! };
}

/** The correction in place with the new values laid over it. */
export function mergedValues(
  existing: ReportedFields | null,
  fields: readonly string[],
  next: ReadonlyMap<CorrectableField, StoredValue>,
): Map<CorrectableField, StoredValue> {
  const values = new Map<CorrectableField, StoredValue>();
  for (const f of CORRECTABLE_FIELDS) {
    if (next.has(f)) values.set(f, next.get(f)!);
    else if (existing && fields.includes(f)) values.set(f, existing[f]);
  }
  return values;
}

/** Withdraws a record's correction: the next attempt sends the received record again. Audited. */
export async function withdrawCorrection(input: {
  callRecordId: bigint;
  actor: Actor;
}): Promise<{ ok: true; withdrawn: boolean; payload: RecordPayload } | { ok: false; code: "not_found" }> {
  const rows = await prisma.$queryRaw<{ fields: string[] }[]>(Prisma.sql`
    DELETE FROM call_record_corrections rc USING call_records r
    WHERE rc.record_id = r.id AND r.call_record_id = ${input.callRecordId} RETURNING rc.fields`);
  const payload = await recordPayload(input.callRecordId);
  if (!payload) return { ok: false, code: "not_found" };
  if (rows[0])
    await recordAudit({
      actor: input.actor,
      action: "call.correction_withdraw",
      target: `call:${input.callRecordId}`,
      details: { fields: rows[0].fields },
    });
  return { ok: true, withdrawn: rows.length > 0, payload };
}
