import "server-only";
import { Prisma, prisma } from "../db/client";
import { recordAudit } from "../audit/mutations";
import type { z } from "zod";
import type { jobNameSchema } from "./name-schema";

/** A supervisor names a job (or clears it): upserted, with the before and after on the audit trail. */
export async function saveJobName(
  input: z.output<typeof jobNameSchema>,
  actor: { id: bigint; email: string | null },
): Promise<{ name: string | null; creditor: string | null; note: string | null }> {
  const jobId = BigInt(input.jobId);
  const before = await prisma.robotCallJob.findUnique({
    where: { robotCallJobId: jobId },
    select: { name: true, creditor: true, note: true },
  });
  const data = {
    name: input.name,
    creditor: input.creditor,
    note: input.note,
    updatedById: actor.id,
    updatedAt: new Date(),
  };
  await prisma.robotCallJob.upsert({
    where: { robotCallJobId: jobId },
    create: { robotCallJobId: jobId, ...data },
    update: data,
  });
  await recordAudit({
    actor,
    action: "jobs.name",
    target: `job:${jobId}`,
    details: { before: before ?? null, after: { name: input.name, creditor: input.creditor, note: input.note } },
  });
  return { name: input.name, creditor: input.creditor, note: input.note };
}

/**
 * Names jobs from ingest's optional `robot_call_job_name`: only a job without
 * a name gets one (a supervisor's name is never overwritten by a vendor's).
 */
export async function nameJobsFromIngest(names: ReadonlyMap<bigint, string>): Promise<void> {
  if (names.size === 0) return;
  const ids = [...names.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await prisma.$executeRaw(Prisma.sql`
    INSERT INTO robot_call_jobs (robot_call_job_id, name)
    SELECT * FROM unnest(${ids.map(String)}::text[]::bigint[], ${ids.map((id) => names.get(id)!)}::text[])
    ON CONFLICT (robot_call_job_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
    WHERE robot_call_jobs.name IS NULL`);
}
