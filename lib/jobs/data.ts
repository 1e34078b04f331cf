import "server-only";
import { Prisma, prisma } from "../db/client";

export interface JobSummary {
  jobId: bigint;
  total: number;
  answered: number;
  avgTalkSeconds: number | null;
  accepted: number;
  rejected: number;
  pending: number;
  notSubmitted: number;
  reviewed: number;
  flagged: number;
  firstCall: Date | null;
  lastCall: Date | null;
}

export const JOB_SORTS = ["last_call", "total", "answered_rate", "job"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

// Allow-listed ORDER BY clauses; the sort name from the URL never reaches SQL.
const ORDER: Record<JobSort, Prisma.Sql> = {
  last_call: Prisma.sql`last_call DESC NULLS LAST, job_id`,
  total: Prisma.sql`total DESC, job_id`,
  // Output aliases cannot appear inside ORDER BY expressions, hence the aggregate again.
  answered_rate: Prisma.sql`count(*) FILTER (WHERE result_status = 'ANSWERED')::float8 / count(*) DESC, job_id`,
  job: Prisma.sql`job_id`,
};

/** One row per robot_call_job_id. */
export async function listJobs(sort: JobSort = "last_call", onlyJob?: bigint): Promise<JobSummary[]> {
  const rows = await prisma.$queryRaw<
    {
      job_id: bigint; total: bigint; answered: bigint; avg_talk: number | null; accepted: bigint; rejected: bigint;
      pending: bigint; not_submitted: bigint; reviewed: bigint; flagged: bigint; first_call: Date | null; last_call: Date | null;
    }[]
  >(Prisma.sql`
    SELECT robot_call_job_id AS job_id,
           count(*) AS total,
           count(*) FILTER (WHERE result_status = 'ANSWERED') AS answered,
           avg(chat_duration) FILTER (WHERE result_status = 'ANSWERED')::float8 AS avg_talk,
           count(*) FILTER (WHERE submission_state = 'accepted') AS accepted,
           count(*) FILTER (WHERE submission_state IN ('rejected', 'failed')) AS rejected,
           count(*) FILTER (WHERE submission_state IN ('queued', 'in_flight', 'retrying')) AS pending,
           count(*) FILTER (WHERE submission_state = 'not_submitted') AS not_submitted,
           count(*) FILTER (WHERE review_state <> 'unreviewed') AS reviewed,
           count(*) FILTER (WHERE review_state = 'flagged') AS flagged,
           min(start_time) AS first_call,
           max(start_time) AS last_call
    FROM call_records
    ${onlyJob === undefined ? Prisma.empty : Prisma.sql`WHERE robot_call_job_id = ${onlyJob}`}
    GROUP BY robot_call_job_id
    ORDER BY ${ORDER[sort]}`);
  return rows.map((r) => ({
    jobId: r.job_id,
    total: Number(r.total),
    answered: Number(r.answered),
    avgTalkSeconds: r.avg_talk,
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
    notSubmitted: Number(r.not_submitted),
    reviewed: Number(r.reviewed),
    flagged: Number(r.flagged),
    firstCall: r.first_call,
    lastCall: r.last_call,
  }));
}

export interface JobDetail {
  summary: JobSummary;
  byHour: { hour: number; count: number }[];
  byDay: { day: string; count: number }[];
  durations: { label: string; min: number; max: number | null; count: number }[];
  byStatus: { status: string; count: number }[];
  byIntent: { tagId: string; code: number; name: string | null; count: number }[];
}

const DURATION_BUCKETS: { label: string; min: number; max: number | null }[] = [
  { label: "0–15 s", min: 0, max: 15 },
  { label: "16–30 s", min: 16, max: 30 },
  { label: "31–60 s", min: 31, max: 60 },
  { label: "1–2 min", min: 61, max: 120 },
  { label: "2–5 min", min: 121, max: 300 },
  { label: "over 5 min", min: 301, max: null },
];

/** KPIs and chart data of one job; times bucketed in the display time zone. */
export async function getJobDetail(jobId: bigint, timeZone: string): Promise<JobDetail | null> {
  const summary = (await listJobs("job", jobId))[0];
  if (!summary) return null;
  const [byHour, byDay, durations, byStatus, byIntent] = await Promise.all([
    prisma.$queryRaw<{ hour: number; n: bigint }[]>(Prisma.sql`
      SELECT extract(hour FROM start_time AT TIME ZONE ${timeZone})::int AS hour, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND start_time IS NOT NULL GROUP BY 1 ORDER BY 1`),
    prisma.$queryRaw<{ day: string; n: bigint }[]>(Prisma.sql`
      SELECT to_char(start_time AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND start_time IS NOT NULL GROUP BY 1 ORDER BY 1`),
    prisma.$queryRaw<{ bucket: number; n: bigint }[]>(Prisma.sql`
      SELECT width_bucket(chat_duration, ARRAY[${Prisma.join(DURATION_BUCKETS.slice(1).map((b) => b.min))}]::int[]) AS bucket, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND result_status = 'ANSWERED' AND chat_duration IS NOT NULL GROUP BY 1`),
    prisma.$queryRaw<{ status: string; n: bigint }[]>(Prisma.sql`
      SELECT COALESCE(result_status, '(none)') AS status, count(*) AS n FROM call_records WHERE robot_call_job_id = ${jobId} GROUP BY 1 ORDER BY 2 DESC, 1`),
    prisma.$queryRaw<{ tag_id: bigint; code: number; name: string | null; n: bigint }[]>(Prisma.sql`
      SELECT intent_level_tag_id AS tag_id, intent_level_code AS code, min(intent_level_detail_name) AS name, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`),
  ]);
  const hours = new Map(byHour.map((h) => [h.hour, Number(h.n)]));
  return {
    summary,
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: hours.get(hour) ?? 0 })),
    byDay: byDay.map((d) => ({ day: d.day, count: Number(d.n) })),
    durations: DURATION_BUCKETS.map((b, i) => ({ ...b, count: Number(durations.find((d) => d.bucket === i)?.n ?? 0) })),
    byStatus: byStatus.map((s) => ({ status: s.status, count: Number(s.n) })),
    byIntent: byIntent.map((i) => ({ tagId: i.tag_id.toString(), code: i.code, name: i.name, count: Number(i.n) })),
  };
}
