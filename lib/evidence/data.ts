import "server-only";
import { Prisma, prisma } from "../db/client";

/** Reads for evidence bundles: one query per function. */

export const evidenceRecordSelect = {
  id: true,
  callRecordId: true,
  robotCallJobId: true,
  calledPhoneNumber: true,
  resultStatus: true,
  fullAudioUrl: true,
  chatDuration: true,
  startTime: true,
  endTime: true,
  name: true,
  properties: true,
  intentLevelDetailName: true,
  tenantPhoneNumberId: true,
  phoneNumber: true,
  intentLevelCode: true,
  intentLevelTagId: true,
  rpcContext: true,
  source: true,
  sourceName: true,
  receivedAt: true,
  updatedAt: true,
  contentHash: true,
  submissionState: true,
  submissionAttempts: true,
  lastSubmittedAt: true,
  reviewState: true,
  reviewedAt: true,
  correctedIntentTagId: true,
  correctedIntentCode: true,
  correctedIntentName: true,
  audioArchive: {
    select: {
      state: true,
      sourceUrl: true,
      fileName: true,
      sizeBytes: true,
      contentType: true,
      sha256: true,
      archivedAt: true,
    },
  },
} satisfies Prisma.CallRecordSelect;

export type EvidenceRecord = Prisma.CallRecordGetPayload<{ select: typeof evidenceRecordSelect }>;

export async function evidenceRecord(callRecordId: bigint): Promise<EvidenceRecord | null> {
  return prisma.callRecord.findUnique({ where: { callRecordId }, select: evidenceRecordSelect });
}

/** One page of a job's records that started within [from, to), by internal id. */
export async function evidenceRecordsOfDay(
  jobId: bigint,
  from: Date,
  to: Date,
  afterId: bigint,
  take: number,
): Promise<EvidenceRecord[]> {
  return prisma.callRecord.findMany({
    where: { robotCallJobId: jobId, startTime: { gte: from, lt: to }, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take,
    select: evidenceRecordSelect,
  });
}

/** Whether the job has a record that started within [from, to). */
export async function dayHasRecords(jobId: bigint, from: Date, to: Date): Promise<boolean> {
  const r = await prisma.callRecord.findFirst({
    where: { robotCallJobId: jobId, startTime: { gte: from, lt: to } },
    select: { id: true },
  });
  return r !== null;
}

/** Every TOP call made for the record, oldest first. */
export async function evidenceAttempts(recordId: bigint) {
  return prisma.submissionAttempt.findMany({ where: { recordId }, orderBy: { id: "asc" } });
}

/** Every verdict given on the record, oldest first, with who gave it. */
export async function evidenceReviews(recordId: bigint) {
  return prisma.review.findMany({
    where: { recordId },
    orderBy: { id: "asc" },
    include: { reviewer: { select: { name: true, email: true } } },
  });
}

export async function evidenceComments(recordId: bigint) {
  return prisma.reviewComment.findMany({
    where: { recordId },
    orderBy: [{ positionMs: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true, email: true } } },
  });
}

/** The audit trail's entries about the record (`call:<call_record_id>`), oldest first. */
export async function evidenceAuditEvents(callRecordId: bigint) {
  return prisma.auditEvent.findMany({ where: { target: `call:${callRecordId}` }, orderBy: { id: "asc" } });
}

/** Whether this database has the corrections table (a bundle says "none recorded" only where corrections can be recorded). */
export async function hasCorrectionsTable(): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('call_record_corrections') IS NOT NULL AS present`;
  return rows[0]?.present === true;
}

/** The record's corrections as stored, every column (read as JSON: the bundle keeps whatever the table holds). */
export async function evidenceCorrections(recordId: bigint): Promise<Record<string, unknown>[]> {
  const rows = await prisma.$queryRaw<{ row: Record<string, unknown> }[]>(
    Prisma.sql`SELECT to_jsonb(c) AS row FROM call_record_corrections c WHERE c.record_id = ${recordId}`,
  );
  return rows.map((r) => r.row);
}
