import "server-only";
import { ActionError } from "../actions/wrapper";
import type { SessionUser } from "../auth/sessions";
import { Prisma, prisma } from "../db/client";
import { sectionsSchema, type ScorecardInput, type ScorecardSections } from "./schema";

/**
 * Writes to scorecards and scorecard_versions. A version is never changed
 * once written: editing a scorecard's sections inserts version n+1, so every
 * review keeps pointing at the items it was scored with. The scorecard row
 * itself (name, jobs, default) is not versioned: it only says which calls
 * the latest version applies to from now on.
 */

type Tx = Prisma.TransactionClient;

const sortedIds = (ids: string[]) => [...new Set(ids)].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A name belongs to one unarchived scorecard (reviewers and the calibration
 * form tell them apart by it); a job belongs to at most one, else which one
 * applies would be a guess; and at most one is the default (the new default
 * takes over from the old one). Checked inside the writing transaction, with
 * the scorecards locked so that two admins saving at once cannot both pass.
 */
async function claimNameJobsAndDefault(
  tx: Tx,
  selfId: bigint | null,
  name: string,
  jobIds: bigint[],
  isDefault: boolean,
) {
  await tx.$executeRaw`LOCK TABLE scorecards IN SHARE ROW EXCLUSIVE MODE`;
  const sameName = await tx.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    SELECT id FROM scorecards WHERE archived_at IS NULL AND lower(name) = lower(${name})
    ${selfId === null ? Prisma.empty : Prisma.sql`AND id <> ${selfId}`} LIMIT 1`);
  if (sameName.length) throw new ActionError("name_taken", `There is already a scorecard named “${name}”.`);
  if (jobIds.length) {
    const taken = await tx.$queryRaw<{ name: string; job: bigint }[]>(Prisma.sql`
      SELECT s.name, j AS job FROM scorecards s, unnest(s.job_ids) j
      WHERE s.archived_at IS NULL AND j = ANY(${jobIds}::bigint[]) ${selfId === null ? Prisma.empty : Prisma.sql`AND s.id <> ${selfId}`}
      ORDER BY 2 LIMIT 1`);
    const first = taken[0];
    if (first) throw new ActionError("job_taken", `Job ${first.job} already has the scorecard “${first.name}”.`);
  }
  if (isDefault)
    await tx.scorecard.updateMany({
      where: { isDefault: true, archivedAt: null, ...(selfId === null ? {} : { id: { not: selfId } }) },
      data: { isDefault: false, updatedAt: new Date() },
    });
}

/** A new scorecard and its version 1. */
export async function createScorecard(
  user: SessionUser,
  input: ScorecardInput,
): Promise<{ id: bigint; versionId: bigint }> {
  const jobIds = sortedIds(input.jobIds);
  return prisma.$transaction(async (tx) => {
    await claimNameJobsAndDefault(tx, null, input.name, jobIds, input.isDefault);
    const card = await tx.scorecard.create({
      data: { name: input.name, jobIds, isDefault: input.isDefault },
      select: { id: true },
    });
    const v = await tx.scorecardVersion.create({
      data: { scorecardId: card.id, version: 1, sections: input.sections, createdById: user.id },
      select: { id: true },
    });
    return { id: card.id, versionId: v.id };
  });
}

// Through the schema: JSONB keeps an object's keys in its own order, the schema's output in the schema's.
const sameSections = (stored: unknown, b: ScorecardSections) =>
  JSON.stringify(sectionsSchema.parse(stored)) === JSON.stringify(sectionsSchema.parse(b));

/**
 * Saves an edit: name, jobs and default in place; the sections as a new
 * version when they differ from the latest (a rename alone is not a new way
 * of scoring). null: no such scorecard, or it is archived.
 */
export async function updateScorecard(
  user: SessionUser,
  id: bigint,
  input: ScorecardInput,
): Promise<{ version: number; newVersion: boolean } | null> {
  const jobIds = sortedIds(input.jobIds);
  return prisma.$transaction(async (tx) => {
    const card = await tx.scorecard.findUnique({ where: { id }, select: { archivedAt: true } });
    if (!card || card.archivedAt) return null;
    await claimNameJobsAndDefault(tx, id, input.name, jobIds, input.isDefault);
    await tx.scorecard.update({
      where: { id },
      data: { name: input.name, jobIds, isDefault: input.isDefault, updatedAt: new Date() },
    });
    const latest = await tx.scorecardVersion.findFirst({
      where: { scorecardId: id },
      orderBy: { version: "desc" },
      select: { version: true, sections: true },
    });
    if (latest && sameSections(latest.sections, input.sections)) return { version: latest.version, newVersion: false };
    const version = (latest?.version ?? 0) + 1;
    await tx.scorecardVersion.create({
      data: { scorecardId: id, version, sections: input.sections, createdById: user.id },
    });
    return { version, newVersion: true };
  });
}

/** Archives a scorecard: it no longer applies to any call; its versions stay for the reviews scored with them. */
export async function archiveScorecard(id: bigint): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ name: string }[]>(Prisma.sql`
    UPDATE scorecards SET archived_at = now(), is_default = false, updated_at = now()
    WHERE id = ${id} AND archived_at IS NULL RETURNING name`);
  return rows[0]?.name ?? null;
}

/** Makes an unarchived scorecard the default (the previous default stops being one). false: none such. */
export async function setDefaultScorecard(id: bigint): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const card = await tx.scorecard.findUnique({ where: { id }, select: { archivedAt: true, name: true } });
    if (!card || card.archivedAt) return false;
    await claimNameJobsAndDefault(tx, id, card.name, [], true);
    await tx.scorecard.update({ where: { id }, data: { isDefault: true, updatedAt: new Date() } });
    return true;
  });
}
