import "server-only";
import { Prisma, prisma } from "../db/client";
import { JOB_TOTALS_SOURCE, rollupSource, rollupTimeZone } from "../call-records/rollups";

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
  answered_rate: Prisma.sql`answered::float8 / NULLIF(total, 0) DESC NULLS LAST, job_id`,
  job: Prisma.sql`job_id`,
};

/**
 * One row per robot_call_job_id, from the per-job totals (no scan of the records);
 * first and last call are two probes of the (job, start_time) index each.
 */
export async function listJobs(sort: JobSort = "last_call", onlyJob?: bigint): Promise<JobSummary[]> {
  const rows = await prisma.$queryRaw<
    {
      job_id: bigint; total: bigint; answered: bigint; avg_talk: number | null; accepted: bigint; rejected: bigint;
      pending: bigint; not_submitted: bigint; reviewed: bigint; flagged: bigint; first_call: Date | null; last_call: Date | null;
    }[]
  >(Prisma.sql`
    SELECT j.*,
           (SELECT start_time FROM call_records c WHERE c.robot_call_job_id = j.job_id AND c.start_time IS NOT NULL
            ORDER BY c.start_time, c.id LIMIT 1) AS first_call,
           (SELECT start_time FROM call_records c WHERE c.robot_call_job_id = j.job_id AND c.start_time IS NOT NULL
            ORDER BY c.start_time DESC, c.id DESC LIMIT 1) AS last_call
    FROM (
      SELECT robot_call_job_id AS job_id,
             sum(records)::bigint AS total,
             sum(answered)::bigint AS answered,
             sum(talk_seconds)::float8 / NULLIF(sum(talk_records), 0) AS avg_talk,
             sum(accepted)::bigint AS accepted,
             sum(rejected)::bigint AS rejected,
             sum(pending)::bigint AS pending,
             sum(not_submitted)::bigint AS not_submitted,
             sum(reviewed)::bigint AS reviewed,
             sum(flagged)::bigint AS flagged
      FROM ${JOB_TOTALS_SOURCE} r
      ${onlyJob === undefined ? Prisma.empty : Prisma.sql`WHERE robot_call_job_id = ${onlyJob}`}
      GROUP BY robot_call_job_id
      HAVING sum(records) > 0
    ) j
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

export interface JobMix {
  byStatus: { status: string; count: number }[];
  byIntent: { tagId: string; code: number; count: number }[];
}

/** Result status and intent distributions of the given jobs, from the rollups. */
export async function jobMixes(jobIds: bigint[]): Promise<Map<string, JobMix>> {
  const mixes = new Map<string, JobMix>(jobIds.map((id) => [id.toString(), { byStatus: [], byIntent: [] }]));
  if (jobIds.length === 0) return mixes;
  const rows = await prisma.$queryRaw<{ job_id: bigint; kind: "status" | "intent"; status: string | null; tag_id: bigint | null; code: number | null; n: bigint }[]>(Prisma.sql`
    SELECT robot_call_job_id AS job_id, 'status' AS kind, COALESCE(NULLIF(result_status, ''), '(none)') AS status, NULL::bigint AS tag_id, NULL::int AS code, sum(records)::bigint AS n
    FROM ${rollupSource(false)} r WHERE robot_call_job_id IN (${Prisma.join(jobIds)})
    GROUP BY 1, 3 HAVING sum(records) > 0
    UNION ALL
    SELECT robot_call_job_id, 'intent', NULL, intent_level_tag_id, intent_level_code, sum(records)::bigint
    FROM ${rollupSource(false)} r WHERE robot_call_job_id IN (${Prisma.join(jobIds)}) AND has_intent
    GROUP BY 1, 4, 5 HAVING sum(records) > 0
    ORDER BY 1, 6 DESC, 3, 4, 5`);
  for (const r of rows) {
    const mix = mixes.get(r.job_id.toString());
    if (!mix) continue;
    if (r.kind === "status") mix.byStatus.push({ status: r.status!, count: Number(r.n) });
    else mix.byIntent.push({ tagId: r.tag_id!.toString(), code: r.code!, count: Number(r.n) });
  }
  return mixes;
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

/**
 * KPIs and chart data of one job; times bucketed in the display time zone.
 * Counts by day, status and intent come from the rollups (by day only when
 * they are counted in this time zone); hour of day and talk time, which the
 * rollups do not keep, from the job's records through the job index.
 */
export async function getJobDetail(jobId: bigint, timeZone: string): Promise<JobDetail | null> {
  const summary = (await listJobs("job", jobId))[0];
  if (!summary) return null;
  const dailyRollup = (await rollupTimeZone()) === timeZone;
  const [byHour, byDay, durations, byStatus, byIntent] = await Promise.all([
    prisma.$queryRaw<{ hour: number; n: bigint }[]>(Prisma.sql`
      SELECT extract(hour FROM start_time AT TIME ZONE ${timeZone})::int AS hour, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND start_time IS NOT NULL GROUP BY 1 ORDER BY 1`),
    dailyRollup
      ? prisma.$queryRaw<{ day: string; n: bigint }[]>(Prisma.sql`
          SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(records)::bigint AS n
          FROM ${rollupSource(true)} r WHERE robot_call_job_id = ${jobId} AND day <> 'infinity'::date
          GROUP BY r.day HAVING sum(records) > 0 ORDER BY r.day`)
      : prisma.$queryRaw<{ day: string; n: bigint }[]>(Prisma.sql`
          SELECT to_char(start_time AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*) AS n
          FROM call_records WHERE robot_call_job_id = ${jobId} AND start_time IS NOT NULL GROUP BY 1 ORDER BY 1`),
    prisma.$queryRaw<{ bucket: number; n: bigint }[]>(Prisma.sql`
      SELECT width_bucket(chat_duration, ARRAY[${Prisma.join(DURATION_BUCKETS.slice(1).map((b) => b.min))}]::int[]) AS bucket, count(*) AS n
      FROM call_records WHERE robot_call_job_id = ${jobId} AND result_status = 'ANSWERED' AND chat_duration IS NOT NULL GROUP BY 1`),
    prisma.$queryRaw<{ status: string; n: bigint }[]>(Prisma.sql`
      SELECT COALESCE(NULLIF(result_status, ''), '(none)') AS status, sum(records)::bigint AS n
      FROM ${rollupSource(false)} r WHERE robot_call_job_id = ${jobId}
      GROUP BY 1 HAVING sum(records) > 0 ORDER BY 2 DESC, 1`),
    prisma.$queryRaw<{ tag_id: bigint; code: number; name: string | null; n: bigint }[]>(Prisma.sql`
      SELECT g.tag_id, g.code, g.n,
             (SELECT min(intent_level_detail_name) FROM call_records c
              WHERE c.robot_call_job_id = ${jobId} AND c.intent_level_tag_id = g.tag_id AND c.intent_level_code = g.code) AS name
      FROM (SELECT intent_level_tag_id AS tag_id, intent_level_code AS code, sum(records)::bigint AS n
            FROM ${rollupSource(false)} r WHERE robot_call_job_id = ${jobId} AND has_intent
            GROUP BY 1, 2 HAVING sum(records) > 0) g
      ORDER BY 1, 2`),
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
