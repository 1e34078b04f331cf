import "server-only";
import { Prisma, prisma } from "../db/client";
import type { ReviewState, SubmissionState } from "../db/client";

import { countUpTo } from "../call-records/query/count";
import { JOB_TOTALS_SOURCE, rollupSource } from "../call-records/rollups";

/**
 * Figures for the home page, from the rollups (exact at any size, no scan of
 * the records) and the received_at index.
 */

export interface CountFigure {
  value: number;
  exact: boolean;
}

export interface DashboardSummary {
  records: CountFigure;
  jobs: number;
  receivedLast24h: CountFigure;
  withAudio: number;
  lastReceivedAt: Date | null;
  bySubmission: Record<SubmissionState, number>;
  byReview: Record<ReviewState, number>;
  byResultStatus: { status: string; count: number }[];
}

export async function getDashboardSummary(now = new Date()): Promise<DashboardSummary> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const [groups, recent, last] = await Promise.all([
    prisma.$queryRaw<{ kind: string; value: string; n: bigint }[]>(Prisma.sql`
      WITH r AS (SELECT * FROM ${rollupSource(false, false)} s)
      SELECT 'total' AS kind, '' AS value, COALESCE(sum(records), 0)::bigint AS n FROM r
      UNION ALL SELECT 'jobs', '', count(*)::bigint FROM (SELECT robot_call_job_id FROM ${JOB_TOTALS_SOURCE} t GROUP BY 1 HAVING sum(records) > 0) j
      UNION ALL SELECT 'audio', '', COALESCE(sum(records), 0)::bigint FROM r WHERE has_audio
      UNION ALL SELECT 'submission', submission_state::text, sum(records)::bigint FROM r GROUP BY 2
      UNION ALL SELECT 'review', review_state::text, sum(records)::bigint FROM r GROUP BY 2
      UNION ALL SELECT 'status', COALESCE(NULLIF(result_status, ''), '(none)'), sum(records)::bigint FROM r GROUP BY 2`),
    countReceivedSince(since),
    // Not prisma.callRecord.aggregate: it wraps the table in a subquery, which
    // hides the received_at index from max() and scans every record.
    prisma.$queryRaw<{ at: Date | null }[]>(Prisma.sql`SELECT max(received_at) AS at FROM call_records`),
  ]);
  const figure = (kind: string) => Number(groups.find((g) => g.kind === kind)?.n ?? 0);

  const bySubmission: Record<SubmissionState, number> = {
    not_submitted: 0,
    queued: 0,
    in_flight: 0,
    accepted: 0,
    rejected: 0,
    retrying: 0,
    failed: 0,
  };
  const byReview: Record<ReviewState, number> = { unreviewed: 0, passed: 0, flagged: 0 };
  for (const g of groups) {
    if (g.kind === "submission") bySubmission[g.value as SubmissionState] = Number(g.n);
    if (g.kind === "review") byReview[g.value as ReviewState] = Number(g.n);
  }

  return {
    records: { value: figure("total"), exact: true },
    jobs: figure("jobs"),
    receivedLast24h: recent,
    withAudio: figure("audio"),
    lastReceivedAt: last[0]?.at ?? null,
    bySubmission,
    byReview,
    byResultStatus: groups
      .filter((g) => g.kind === "status" && Number(g.n) > 0)
      .map((g) => ({ status: g.value, count: Number(g.n) }))
      .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
  };
}

const RECENT_EXACT_LIMIT = 100_000;

/** Records received since an instant: exact up to RECENT_EXACT_LIMIT through the received_at index, the planner's estimate beyond. */
function countReceivedSince(since: Date): Promise<CountFigure> {
  return countUpTo(Prisma.sql`SELECT 1 FROM call_records WHERE received_at >= ${since}`, RECENT_EXACT_LIMIT);
}
