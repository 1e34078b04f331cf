import "server-only";
import { recordAudit } from "../audit/mutations";
import { dayBounds, jobDayBundle, recordBundle } from "./bundle";
import { dayHasRecords, evidenceRecord } from "./data";

/**
 * The audited exports: the audit entry (who, which record or job's day, why)
 * is written before the first byte goes out, so a bundle's own audit.json
 * lists the export that made it.
 */

export interface Exporter {
  id: bigint;
  email: string;
}

/** One record's bundle, or null when there is no such record. */
export async function exportRecordEvidence(
  actor: Exporter,
  callRecordId: bigint,
  reason: string,
): Promise<ReadableStream<Uint8Array> | null> {
  const record = await evidenceRecord(callRecordId);
  if (!record) return null;
  await recordAudit({
    actor,
    action: "evidence.export",
    target: `call:${callRecordId}`,
    details: { reason, scope: "record" },
  });
  return recordBundle(record, { createdBy: actor.email, reason });
}

/** A job's day, or null when the job has no record that started that day. */
export async function exportJobDayEvidence(
  actor: Exporter,
  jobId: bigint,
  day: string,
  reason: string,
): Promise<ReadableStream<Uint8Array> | null> {
  const { from, to } = dayBounds(day);
  if (!(await dayHasRecords(jobId, from, to))) return null;
  await recordAudit({
    actor,
    action: "evidence.export",
    target: `job:${jobId}`,
    details: { reason, scope: "job_day", day },
  });
  return jobDayBundle(jobId, day, { createdBy: actor.email, reason });
}

/** A file name for the download. */
export function bundleFileName(scope: { callRecordId: bigint } | { jobId: bigint; day: string }): string {
  return "callRecordId" in scope
    ? `evidence-${scope.callRecordId}.zip`
    : `evidence-job-${scope.jobId}-${scope.day}.zip`;
}
