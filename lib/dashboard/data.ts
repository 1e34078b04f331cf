import "server-only";
import { Prisma, prisma } from "../db/client";
import type { ReviewState, SubmissionState } from "../db/client";

/**
 * Figures for the home page. Counting every row is exact and cheap up to a
 * few hundred thousand rows; beyond that the planner's estimate is shown
 * (and marked as such) so the page stays fast at millions of records.
 */
const EXACT_COUNT_LIMIT = 500_000;

export interface CountFigure {
  value: number;
  exact: boolean;
}

export interface DashboardSummary {
  records: CountFigure;
  jobs: number;
  receivedLast24h: number;
  withAudio: number;
  lastReceivedAt: Date | null;
  bySubmission: Record<SubmissionState, number>;
  byReview: Record<ReviewState, number>;
  byResultStatus: { status: string; count: number }[];
}

export async function countRecords(): Promise<CountFigure> {
  const [{ estimate }] = await prisma.$queryRaw<{ estimate: number }[]>(
    Prisma.sql`SELECT GREATEST(reltuples, 0)::float8 AS estimate FROM pg_class WHERE oid = 'call_records'::regclass`,
  ) as [{ estimate: number }];
  if (estimate > EXACT_COUNT_LIMIT) return { value: Math.round(estimate), exact: false };
  return { value: await prisma.callRecord.count(), exact: true };
}

export async function getDashboardSummary(now = new Date()): Promise<DashboardSummary> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const [records, jobsRow, recent, audio, last, submission, review, statuses] = await Promise.all([
    countRecords(),
    prisma.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(DISTINCT robot_call_job_id) AS n FROM call_records`),
    prisma.callRecord.count({ where: { receivedAt: { gte: since } } }),
    prisma.callRecord.count({ where: { fullAudioUrl: { not: null } } }),
    prisma.callRecord.aggregate({ _max: { receivedAt: true } }),
    prisma.callRecord.groupBy({ by: ["submissionState"], _count: { _all: true } }),
    prisma.callRecord.groupBy({ by: ["reviewState"], _count: { _all: true } }),
    prisma.callRecord.groupBy({ by: ["resultStatus"], _count: { _all: true }, orderBy: [{ _count: { resultStatus: "desc" } }, { resultStatus: "asc" }] }),
  ]);

  const bySubmission: Record<SubmissionState, number> = {
    not_submitted: 0, queued: 0, in_flight: 0, accepted: 0, rejected: 0, retrying: 0, failed: 0,
  };
  for (const row of submission) bySubmission[row.submissionState] = row._count._all;
  const byReview: Record<ReviewState, number> = { unreviewed: 0, passed: 0, flagged: 0 };
  for (const row of review) byReview[row.reviewState] = row._count._all;

  return {
    records,
    jobs: Number(jobsRow[0]?.n ?? 0),
    receivedLast24h: recent,
    withAudio: audio,
    lastReceivedAt: last._max.receivedAt,
    bySubmission,
    byReview,
    byResultStatus: statuses.map((s) => ({ status: s.resultStatus ?? "(none)", count: s._count._all })),
  };
}
