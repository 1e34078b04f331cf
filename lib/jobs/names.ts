import "server-only";
import { Prisma, prisma } from "../db/client";

/**
 * Job names (robot_call_jobs) are read on the jobs side only: a page's jobs
 * in one lookup by primary key, never a join per record, so a list of
 * records costs the same at 10M records whether jobs are named or not.
 */
export interface JobName {
  jobId: string;
  name: string | null;
  creditor: string | null;
  note: string | null;
}

/** Names of the given jobs (unnamed ones absent), keyed by the id as text. */
export async function jobNames(ids: readonly (bigint | string)[]): Promise<Map<string, JobName>> {
  const unique = [...new Set(ids.map((id) => id.toString()))];
  if (unique.length === 0) return new Map();
  const rows = await prisma.$queryRaw<
    { id: string; name: string | null; creditor: string | null; note: string | null }[]
  >(Prisma.sql`
    SELECT robot_call_job_id::text AS id, name, creditor, note FROM robot_call_jobs
    WHERE robot_call_job_id = ANY(${unique}::text[]::bigint[])`);
  return new Map(rows.map((r) => [r.id, { jobId: r.id, name: r.name, creditor: r.creditor, note: r.note }]));
}

/** One job's name, creditor and note (null when it was never named). */
export async function getJobName(id: bigint): Promise<JobName | null> {
  return (await jobNames([id])).get(id.toString()) ?? null;
}

/**
 * Jobs whose name or creditor contains the text (or whose id starts with it),
 * for the job picker: the named jobs are few next to the records.
 */
export async function findJobsByName(q: string, limit = 20): Promise<JobName[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const prefix = /^\d{1,19}$/.test(q) ? `${q}%` : null;
  const rows = await prisma.$queryRaw<
    { id: string; name: string | null; creditor: string | null; note: string | null }[]
  >(Prisma.sql`
    SELECT robot_call_job_id::text AS id, name, creditor, note FROM robot_call_jobs
    WHERE name ILIKE ${like} OR creditor ILIKE ${like} ${prefix ? Prisma.sql`OR robot_call_job_id::text LIKE ${prefix}` : Prisma.empty}
    ORDER BY name NULLS LAST, robot_call_job_id LIMIT ${limit}`);
  return rows.map((r) => ({ jobId: r.id, name: r.name, creditor: r.creditor, note: r.note }));
}

/** Every job's name, for an export's lookup (one small read before the rows stream). */
export async function allJobNames(): Promise<Map<string, string>> {
  const rows = await prisma.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
    SELECT robot_call_job_id::text AS id, name FROM robot_call_jobs WHERE name IS NOT NULL`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A job's own calling window ("HH:MM-HH:MM"; null: COMPLIANCE_CALLING_HOURS applies), for its page. */
export async function jobCallingHours(id: bigint): Promise<string | null> {
  const row = await prisma.robotCallJob.findUnique({ where: { robotCallJobId: id }, select: { callingHours: true } });
  return row?.callingHours ?? null;
}
