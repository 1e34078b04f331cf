import "server-only";
import { Prisma, prisma } from "../db/client";
import { recordAudit } from "../audit/mutations";
import type { z } from "zod";
import type { jobNameSchema } from "./name-schema";

/**
 * A supervisor names a job (or clears it), and sets or clears its calling
 * window (`callingHours` absent: left as it is): upserted, with the before and
 * after on the audit trail. A changed window queues a recheck of the job's
 * stored calls (the worker runs it), in the same transaction as the change.
 */
export async function saveJobName(
  input: z.output<typeof jobNameSchema>,
  actor: { id: bigint; email: string | null },
): Promise<{
  name: string | null;
  creditor: string | null;
  note: string | null;
  callingHours: string | null;
  recheckQueued: boolean;
}> {
  const jobId = BigInt(input.jobId);
  const { before, recheckQueued } = await prisma.$transaction(async (tx) => {
    const before = await tx.robotCallJob.findUnique({
      where: { robotCallJobId: jobId },
      select: { name: true, creditor: true, note: true, callingHours: true },
    });
    const data = {
      name: input.name,
      creditor: input.creditor,
      note: input.note,
      ...(input.callingHours === undefined ? {} : { callingHours: input.callingHours }),
      updatedById: actor.id,
      updatedAt: new Date(),
    };
    await tx.robotCallJob.upsert({
      where: { robotCallJobId: jobId },
      create: { robotCallJobId: jobId, ...data },
      update: data,
    });
    const changed = input.callingHours !== undefined && input.callingHours !== (before?.callingHours ?? null);
    if (changed)
      await tx.complianceRecheck.create({
        data: { robotCallJobId: jobId, reason: "calling_hours", scope: "checks" },
      });
    return { before, recheckQueued: changed };
  });
  const callingHours = input.callingHours === undefined ? (before?.callingHours ?? null) : input.callingHours;
  const { callingHours: hoursBefore = null, ...namesBefore } = before ?? {};
  await recordAudit({
    actor,
    action: "jobs.name",
    target: `job:${jobId}`,
    details: {
      before: before ? namesBefore : null,
      after: { name: input.name, creditor: input.creditor, note: input.note },
    },
  });
  if (recheckQueued)
    await recordAudit({
      actor,
      action: "jobs.calling_hours",
      target: `job:${jobId}`,
      details: { before: hoursBefore, after: callingHours, recheck_queued: true },
    });
  return { name: input.name, creditor: input.creditor, note: input.note, callingHours, recheckQueued };
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
