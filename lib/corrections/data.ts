import "server-only";
import { Prisma, prisma } from "../db/client";
import { CORRECTION_JOIN, RECORD_AS_SENT, toIvrCallRecordDto, type RecordForSubmission } from "../submissions/dto";
import { nextDto, payloadDiff, sentDto, type FieldDiff } from "./diff";
import { CORRECTABLE_FIELDS, isCorrectableField, type CorrectableField, type ReportedFields } from "./fields";

/** The received fields of a record, by wire name, as stored (what a correction is laid over). */
export const RECEIVED_COLUMNS = Prisma.raw(CORRECTABLE_FIELDS.map((f) => `r.${f}`).join(", "));

export interface CorrectionView {
  fields: CorrectableField[];
  reason: string;
  correctedBy: string;
  correctedAt: Date;
  /** When the vendor re-pushed the record with other content after the correction (the correction still applies). */
  repushedAt: Date | null;
}

export interface RecordPayload {
  recordId: bigint;
  callRecordId: bigint;
  correction: CorrectionView | null;
  /** The last attempt: when it was sent (null: never sent). */
  lastSentAt: Date | null;
  diff: FieldDiff[];
}

/** The received fields and the correction of one record, for validating a new correction. */
export async function recordForCorrection(
  callRecordId: bigint,
): Promise<{ id: bigint; received: ReportedFields; correction: ReportedFields | null; fields: string[] } | null> {
  const [row] = await prisma.$queryRaw<(ReportedFields & { id: bigint; corrected: string[] | null })[]>(Prisma.sql`
    SELECT r.id, ${RECEIVED_COLUMNS}, rc.fields AS corrected FROM call_records r ${CORRECTION_JOIN}
    WHERE r.call_record_id = ${callRecordId}`);
  if (!row) return null;
  const { id, corrected, ...received } = row;
  if (!corrected) return { id, received, correction: null, fields: [] };
  const [c] = await prisma.$queryRaw<ReportedFields[]>(Prisma.sql`
    SELECT ${Prisma.raw(CORRECTABLE_FIELDS.join(", "))} FROM call_record_corrections WHERE record_id = ${id}`);
  return { id, received, correction: c ?? null, fields: corrected };
}

/** The received fields with the correction laid over them: the record as the next attempt sends it (the intent aside). */
export function effectiveFields(
  received: ReportedFields,
  correction: ReportedFields | null,
  fields: readonly string[],
): ReportedFields {
  const out = { ...received };
  if (correction) for (const f of fields) if (isCorrectableField(f)) out[f] = correction[f];
  return out;
}

/**
 * The payload diff of records (by internal id): the last attempt's stored
 * parameters against the DTO the next attempt will send. Two queries for
 * any number of records.
 */
export async function payloadsOf(recordIds: bigint[]): Promise<Map<bigint, RecordPayload>> {
  const out = new Map<bigint, RecordPayload>();
  if (!recordIds.length) return out;
  const ids = Prisma.join(recordIds);
  const [rows, lasts] = await Promise.all([
    prisma.$queryRaw<
      (RecordForSubmission & {
        id: bigint;
        received_phone: string | null;
        received_name: string | null;
        updated_at: Date;
        c_fields: string[] | null;
        c_reason: string | null;
        c_by: string | null;
        c_at: Date | null;
      })[]
    >(Prisma.sql`
      SELECT r.id, ${RECORD_AS_SENT}, r.called_phone_number AS received_phone, r.name AS received_name, r.updated_at,
             rc.fields AS c_fields, rc.reason AS c_reason, rc.corrected_by AS c_by, rc.corrected_at AS c_at
      FROM call_records r ${CORRECTION_JOIN} WHERE r.id IN (${ids})`),
    prisma.$queryRaw<{ record_id: bigint; params: unknown; sent_at: Date }[]>(Prisma.sql`
      SELECT DISTINCT ON (record_id) record_id, params, sent_at FROM submission_attempts
      WHERE record_id IN (${ids}) ORDER BY record_id, id DESC`),
  ]);
  const last = new Map(lasts.map((a) => [a.record_id, a]));
  for (const r of rows) {
    const attempt = last.get(r.id);
    const fields = (r.c_fields ?? []).filter(isCorrectableField);
    const known = { phone: r.received_phone ?? r.called_phone_number, name: r.received_name ?? r.name };
    out.set(r.id, {
      recordId: r.id,
      callRecordId: r.call_record_id,
      correction:
        r.c_fields && r.c_at
          ? {
              fields,
              reason: r.c_reason ?? "",
              correctedBy: r.c_by ?? "",
              correctedAt: r.c_at,
              repushedAt: r.updated_at > r.c_at ? r.updated_at : null,
            }
          : null,
      lastSentAt: attempt?.sent_at ?? null,
      diff: payloadDiff(attempt ? sentDto(attempt.params) : null, nextDto(toIvrCallRecordDto(r)), fields, known),
    });
  }
  return out;
}

/** One record's payload diff by its call_record_id; null when there is no such record. */
export async function recordPayload(callRecordId: bigint): Promise<RecordPayload | null> {
  const row = await prisma.callRecord.findUnique({ where: { callRecordId }, select: { id: true } });
  if (!row) return null;
  return (await payloadsOf([row.id])).get(row.id) ?? null;
}
