import "server-only";
import { Prisma, prisma } from "../db/client";
import { sectionsSchema, type ScorecardSections } from "./schema";

/** Reads of scorecards and their versions; ids leave as strings (they cross to the browser). */

export interface ScorecardRow {
  id: string;
  name: string;
  jobIds: string[];
  isDefault: boolean;
  archived: boolean;
  latestVersion: number;
  versions: number;
}

/** Every scorecard, unarchived first, with its latest version number and how many versions it has. */
export async function listScorecards(): Promise<ScorecardRow[]> {
  const rows = await prisma.$queryRaw<
    { id: bigint; name: string; job_ids: bigint[]; is_default: boolean; archived: boolean; latest: number; n: number }[]
  >(Prisma.sql`
    SELECT s.id, s.name, s.job_ids, s.is_default, s.archived_at IS NOT NULL AS archived,
           max(v.version)::int AS latest, count(v.id)::int AS n
    FROM scorecards s JOIN scorecard_versions v ON v.scorecard_id = s.id
    GROUP BY s.id ORDER BY s.archived_at IS NOT NULL, s.is_default DESC, s.name, s.id`);
  return rows.map((r) => ({
    id: r.id.toString(),
    name: r.name,
    jobIds: r.job_ids.map(String),
    isDefault: r.is_default,
    archived: r.archived,
    latestVersion: r.latest,
    versions: r.n,
  }));
}

export interface ScorecardVersionView {
  id: string;
  scorecardId: string;
  name: string;
  version: number;
  sections: ScorecardSections;
  createdBy: string | null;
  createdAt: string;
}

type VersionRow = Prisma.ScorecardVersionGetPayload<{
  include: { scorecard: { select: { name: true } }; createdBy: { select: { name: true } } };
}>;
const versionView = (v: VersionRow): ScorecardVersionView => ({
  id: v.id.toString(),
  scorecardId: v.scorecardId.toString(),
  name: v.scorecard.name,
  version: v.version,
  sections: sectionsSchema.parse(v.sections),
  createdBy: v.createdBy?.name ?? null,
  createdAt: v.createdAt.toISOString(),
});
const include = { scorecard: { select: { name: true } }, createdBy: { select: { name: true } } } as const;

/** One scorecard with every version, newest first; null: none such. */
export async function getScorecard(id: bigint) {
  const card = await prisma.scorecard.findUnique({
    where: { id },
    include: { versions: { orderBy: { version: "desc" }, include } },
  });
  if (!card) return null;
  return {
    id: card.id.toString(),
    name: card.name,
    jobIds: card.jobIds.map(String),
    isDefault: card.isDefault,
    archived: card.archivedAt !== null,
    versions: card.versions.map(versionView),
  };
}

/** One version by id. */
export async function getScorecardVersion(versionId: bigint): Promise<ScorecardVersionView | null> {
  const v = await prisma.scorecardVersion.findUnique({ where: { id: versionId }, include });
  return v ? versionView(v) : null;
}

/**
 * The latest version of the scorecard that applies to a job: the unarchived
 * one naming the job, else the unarchived default, else none (the workbench
 * then works without a scorecard).
 */
export async function scorecardForJob(jobId: bigint): Promise<ScorecardVersionView | null> {
  const [row] = await prisma.$queryRaw<
    {
      id: bigint;
      scorecard_id: bigint;
      name: string;
      version: number;
      sections: unknown;
      by: string | null;
      at: Date;
    }[]
  >(Prisma.sql`
    SELECT v.id, s.id AS scorecard_id, s.name, v.version, v.sections, u.name AS by, v.created_at AS at FROM scorecards s
    JOIN LATERAL (SELECT * FROM scorecard_versions WHERE scorecard_id = s.id ORDER BY version DESC LIMIT 1) v ON true
    LEFT JOIN users u ON u.id = v.created_by_id
    WHERE s.archived_at IS NULL AND (${jobId} = ANY(s.job_ids) OR s.is_default)
    ORDER BY (${jobId} = ANY(s.job_ids)) DESC LIMIT 1`);
  if (!row) return null;
  return {
    id: row.id.toString(),
    scorecardId: row.scorecard_id.toString(),
    name: row.name,
    version: row.version,
    sections: sectionsSchema.parse(row.sections),
    createdBy: row.by,
    createdAt: row.at.toISOString(),
  };
}

/** The latest version of every unarchived scorecard, for a calibration session's choice. */
export async function latestVersions(): Promise<{ id: string; label: string }[]> {
  const rows = await prisma.$queryRaw<{ id: bigint; name: string; version: number }[]>(Prisma.sql`
    SELECT DISTINCT ON (s.id) v.id, s.name, v.version FROM scorecards s JOIN scorecard_versions v ON v.scorecard_id = s.id
    WHERE s.archived_at IS NULL ORDER BY s.id, v.version DESC`);
  return rows.map((r) => ({ id: r.id.toString(), label: `${r.name} v${r.version}` }));
}

/** Whether the scorecard exists (its page answers 404 before it streams, when not). */
export async function scorecardExists(id: bigint): Promise<boolean> {
  return (await prisma.scorecard.count({ where: { id } })) > 0;
}
