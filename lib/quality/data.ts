import "server-only";
import { Prisma, readRows } from "../db/client";
import { addDays, zonedDayStart } from "../time/zoned";
import type { QualityRange } from "./schema";

/**
 * Scores by week, job and reviewer (docs/quality.md). What counts: each
 * call's current review — its latest review — when that review was scored
 * (the score call_records.review_score holds), dated when it was given (its
 * created_at, in DISPLAY_TIME_ZONE). An earlier review that a later one
 * replaced is not counted, so a call rescored twice counts once. The scored
 * reviews of a range are read through their partial index
 * (reviews_scored_created_at_idx); "is it the latest" is one probe of
 * reviews_record_id_id_idx each.
 */

export interface ScoreStats {
  /** Calls whose current review was scored in the range. */
  scored: number;
  /** Their average score, 0-100, two decimals (null when none). */
  average: number | null;
  /** Those whose current review failed a critical item. */
  criticalFailures: number;
}

export interface WeekScores extends ScoreStats {
  /** The ISO week, e.g. 2026-W45. */
  week: string;
  /** Its Monday, yyyy-MM-dd in the display time zone. */
  monday: string;
}

export interface JobScores extends ScoreStats {
  jobId: bigint;
  jobName: string | null;
}

export interface ReviewerScores extends ScoreStats {
  reviewerId: bigint;
  reviewerName: string;
}

/** The share of scored calls that failed a critical item, 0-1 (null when none was scored). */
export function criticalRate(s: ScoreStats): number | null {
  return s.scored ? s.criticalFailures / s.scored : null;
}

const STATS = Prisma.sql`count(*)::int AS scored,
  round(avg(s.score)::numeric, 2)::float8 AS average,
  (count(*) FILTER (WHERE s.critical_failed))::int AS "criticalFailures"`;

/** The current, scored reviews given in the range (of the range's jobs): a subquery named `s` (plans.test.ts reads its plan). */
export function scoredReviews(range: QualityRange, timeZone: string): Prisma.Sql {
  const start = zonedDayStart(range.from, timeZone);
  const end = zonedDayStart(addDays(range.to, 1), timeZone);
  const jobs = range.job.length ? Prisma.sql`AND c.robot_call_job_id IN (${Prisma.join(range.job)})` : Prisma.empty;
  return Prisma.sql`(
    SELECT r.score, r.critical_failed, r.reviewer_id, r.created_at, c.robot_call_job_id
    FROM reviews r JOIN call_records c ON c.id = r.record_id
    WHERE r.score IS NOT NULL AND r.created_at >= ${start} AND r.created_at < ${end} ${jobs}
      AND NOT EXISTS (SELECT 1 FROM reviews later WHERE later.record_id = r.record_id AND later.id > r.id)
  ) s`;
}

/** The whole range's numbers. */
export async function scoreTotals(range: QualityRange, timeZone: string): Promise<ScoreStats> {
  const [row] = await readRows<ScoreStats>(Prisma.sql`SELECT ${STATS} FROM ${scoredReviews(range, timeZone)}`);
  return row ?? { scored: 0, average: null, criticalFailures: 0 };
}

/** By ISO week (Monday to Sunday in the display time zone), oldest first; weeks without scores are left out. */
export async function scoresByWeek(range: QualityRange, timeZone: string): Promise<WeekScores[]> {
  return readRows<WeekScores>(Prisma.sql`
    SELECT to_char(w.monday, 'IYYY-"W"IW') AS week, to_char(w.monday, 'YYYY-MM-DD') AS monday,
           w.scored, w.average, w."criticalFailures"
    FROM (
      SELECT date_trunc('week', s.created_at AT TIME ZONE ${timeZone})::date AS monday, ${STATS}
      FROM ${scoredReviews(range, timeZone)}
      GROUP BY 1
    ) w
    ORDER BY w.monday`);
}

/** By job, most scored first. */
export async function scoresByJob(range: QualityRange, timeZone: string): Promise<JobScores[]> {
  return readRows<JobScores>(Prisma.sql`
    SELECT s.robot_call_job_id AS "jobId",
           (SELECT j.name FROM robot_call_jobs j WHERE j.robot_call_job_id = s.robot_call_job_id) AS "jobName",
           ${STATS}
    FROM ${scoredReviews(range, timeZone)}
    GROUP BY s.robot_call_job_id
    ORDER BY scored DESC, s.robot_call_job_id`);
}

/** By reviewer (who gave the current review), most scored first. */
export async function scoresByReviewer(range: QualityRange, timeZone: string): Promise<ReviewerScores[]> {
  return readRows<ReviewerScores>(Prisma.sql`
    SELECT s.reviewer_id AS "reviewerId", u.name AS "reviewerName", ${STATS}
    FROM ${scoredReviews(range, timeZone)} JOIN users u ON u.id = s.reviewer_id
    GROUP BY s.reviewer_id, u.name
    ORDER BY scored DESC, s.reviewer_id`);
}

/**
 * A job's current scores, whenever they were given: read from call_records
 * itself, so the numbers are exactly what /calls?job=…&minScore=0 and
 * &critical=failed list.
 */
export async function jobScoreSummary(jobId: bigint): Promise<ScoreStats> {
  const [row] = await readRows<ScoreStats>(jobScoreSummarySql(jobId));
  return row ?? { scored: 0, average: null, criticalFailures: 0 };
}

/** The job's scored records, through the partial index of scored records (plans.test.ts). */
export function jobScoreSummarySql(jobId: bigint): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS scored,
           round(avg(review_score)::numeric, 2)::float8 AS average,
           (count(*) FILTER (WHERE review_critical_failed))::int AS "criticalFailures"
    FROM call_records
    WHERE robot_call_job_id = ${jobId} AND review_score IS NOT NULL`;
}
