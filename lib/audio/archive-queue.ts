import "server-only";
import { Prisma, prisma } from "../db/client";
import { dueRows } from "../queue/due-rows";

/**
 * The archiver's durable queue (audio_archives): claim due entries with
 * FOR UPDATE SKIP LOCKED and a lease, so any number of worker processes share
 * it and an entry whose worker died is taken over when its lease runs out.
 */

export interface ArchiveTask {
  recordId: bigint;
  sourceUrl: string;
  attempt: number;
}

export async function claimArchiveTasks(limit: number, leaseMs: number, only?: bigint[]): Promise<ArchiveTask[]> {
  if (limit <= 0) return [];
  const scope = only
    ? Prisma.sql`AND record_id IN (SELECT id FROM call_records WHERE call_record_id IN (${only.length ? Prisma.join(only) : Prisma.sql`NULL`}))`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ record_id: bigint; source_url: string; attempts: number }[]>(Prisma.sql`
    WITH ready AS (${dueRows("audio_archives", "record_id", scope, limit)})
    UPDATE audio_archives a
    SET state = 'in_flight', attempts = a.attempts + 1, lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
    FROM ready WHERE a.record_id = ready.record_id
    RETURNING a.record_id, a.source_url, a.attempts`);
  return rows.map((r) => ({ recordId: r.record_id, sourceUrl: r.source_url, attempt: r.attempts }));
}

/** Stores the archived copy; a task whose link changed meanwhile (queued again) is left alone. */
export async function settleArchived(
  task: ArchiveTask,
  file: { fileName: string; sizeBytes: number; contentType: string; sha256: string },
): Promise<boolean> {
  const n = await prisma.$executeRaw(Prisma.sql`
    UPDATE audio_archives SET state = 'archived', file_name = ${file.fileName}, size_bytes = ${file.sizeBytes},
      content_type = ${file.contentType}, sha256 = ${file.sha256}, archived_at = now(), lease_until = NULL, last_error = NULL, updated_at = now()
    WHERE record_id = ${task.recordId} AND state = 'in_flight' AND attempts = ${task.attempt} AND source_url = ${task.sourceUrl}`);
  return n === 1;
}

/** A failed attempt: retried at `retryAt`, or failed for good (null). */
export async function settleFailed(task: ArchiveTask, error: string, retryAt: Date | null): Promise<boolean> {
  const n = await prisma.$executeRaw(Prisma.sql`
    UPDATE audio_archives SET state = ${retryAt ? "retrying" : "failed"}::audio_archive_state, next_attempt_at = ${retryAt ?? new Date()},
      lease_until = NULL, last_error = ${error.slice(0, 500)}, updated_at = now()
    WHERE record_id = ${task.recordId} AND state = 'in_flight' AND attempts = ${task.attempt} AND source_url = ${task.sourceUrl}`);
  return n === 1;
}

/** Puts a claimed task back without counting the attempt (the worker is stopping). */
export async function releaseArchiveTask(task: ArchiveTask): Promise<void> {
  await prisma.$executeRaw(Prisma.sql`
    UPDATE audio_archives SET state = 'queued', attempts = attempts - 1, lease_until = NULL, updated_at = now()
    WHERE record_id = ${task.recordId} AND state = 'in_flight' AND attempts = ${task.attempt}`);
}
