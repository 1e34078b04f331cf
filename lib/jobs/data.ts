import "server-only";
import { Prisma, prisma } from "../db/client";
import { intentKey, intentNames } from "../call-records/intent-names";
import { jobTotals, rollupSource, rollupTimeZone } from "../call-records/rollups";
import type { JobCursor, JobSort } from "./params";

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

export { JOB_SORTS, type JobCursor, type JobSort } from "./params";

/**
 * Allow-listed sort keys; the sort name from the URL never reaches SQL. Each
 * sorts by one key (NULLs mapped below every value) and then the job id
 * ascending, so every job has one place and a page boundary is a (key, job) pair.
 */
const SORT_KEYS: Record<JobSort, { key: Prisma.Sql; type: Prisma.Sql; desc: boolean }> = {
  // Epoch milliseconds (start_time keeps milliseconds): exact in a cursor.
  last_call: {
    key: Prisma.sql`COALESCE((extract(epoch FROM last_call) * 1000)::bigint, -9223372036854775807)`,
    type: Prisma.sql`bigint`,
    desc: true,
  },
  total: { key: Prisma.sql`total`, type: Prisma.sql`bigint`, desc: true },
  // float8 prints the shortest text that reads back as the same value.
  answered_rate: {
    key: Prisma.sql`COALESCE(answered::float8 / NULLIF(total, 0), -1)`,
    type: Prisma.sql`float8`,
    desc: true,
  },
  job: { key: Prisma.sql`job_id`, type: Prisma.sql`bigint`, desc: false },
};

interface JobRow {
  job_id: bigint;
  total: bigint;
  answered: bigint;
  talk_records: bigint;
  talk_seconds: bigint;
  accepted: bigint;
  rejected: bigint;
  pending: bigint;
  not_submitted: bigint;
  reviewed: bigint;
  flagged: bigint;
  first_call: Date | null;
  last_call: Date | null;
}

function toSummary(r: JobRow): JobSummary {
  return {
    jobId: r.job_id,
    total: Number(r.total),
    answered: Number(r.answered),
    avgTalkSeconds: Number(r.talk_records) > 0 ? Number(r.talk_seconds) / Number(r.talk_records) : null,
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
    notSubmitted: Number(r.not_submitted),
    reviewed: Number(r.reviewed),
    flagged: Number(r.flagged),
    firstCall: r.first_call,
    lastCall: r.last_call,
  };
}

/**
 * Every job with calls (or only `onlyJob`), from the per-job totals: no scan
 * of the records, and first/last call kept there too. The submissions page
 * lists all jobs; the jobs overview pages with listJobsPage.
 */
export async function listJobs(sort: JobSort = "last_call", onlyJob?: bigint): Promise<JobSummary[]> {
  const { key, desc } = SORT_KEYS[sort];
  const rows = await prisma.$queryRaw<JobRow[]>(Prisma.sql`
    SELECT j.* FROM ${jobTotals(onlyJob === undefined ? Prisma.empty : Prisma.sql`WHERE robot_call_job_id = ${onlyJob}`)} j
    ORDER BY ${key} ${desc ? Prisma.sql`DESC` : Prisma.empty}, job_id`);
  return rows.map(toSummary);
}

export const JOB_PAGE_SIZE = 50;

export interface JobPage {
  jobs: JobSummary[];
  /** Jobs with calls, all pages. */
  total: number;
  /** Jobs before this page's first row (its 0-based position). */
  offset: number;
  /** The page after this one (`after`), or null on the last page. */
  next: JobCursor | null;
  /** The page before this one (`before`), or null on the first page. */
  prev: JobCursor | null;
}

/**
 * One page of the jobs overview, by keyset: the jobs after `after` (or before
 * `before`) in the sort's order. The per-job rows are aggregated once (one row
 * per job from the totals, no index probes but for the few jobs a start time
 * left since the last compaction); the page, the count of all jobs and the
 * page's position are read from them in the same statement.
 */
export async function listJobsPage(opts: {
  sort: JobSort;
  after?: JobCursor;
  before?: JobCursor;
  size?: number;
}): Promise<JobPage> {
  const size = opts.size ?? JOB_PAGE_SIZE;
  const { key, type, desc } = SORT_KEYS[opts.sort];
  const cursor = opts.before ?? opts.after;
  const backward = opts.before !== undefined;
  // Rows after the cursor in the sort's order (`later`) or before it.
  const beyond = (c: JobCursor, later: boolean) => {
    const up = later !== desc; // key greater than the cursor's
    return Prisma.sql`(sort_key ${up ? Prisma.sql`>` : Prisma.sql`<`} ${c.key}::${type}
      OR (sort_key = ${c.key}::${type} AND job_id ${later ? Prisma.sql`>` : Prisma.sql`<`} ${c.jobId}))`;
  };
  const ascending = desc === backward; // the order the page is read in
  const order = Prisma.sql`sort_key ${ascending ? Prisma.empty : Prisma.sql`DESC`}, job_id ${backward ? Prisma.sql`DESC` : Prisma.empty}`;
  const rows = await prisma.$queryRaw<
    (Partial<JobRow> & { key: string | null; job_count: bigint; preceding: bigint })[]
  >(Prisma.sql`
    WITH j AS MATERIALIZED (SELECT t.*, ${key} AS sort_key FROM ${jobTotals()} t),
    page AS (
      SELECT * FROM j ${cursor ? Prisma.sql`WHERE ${beyond(cursor, !backward)}` : Prisma.empty}
      ORDER BY ${order} LIMIT ${size + 1})
    SELECT p.*, p.sort_key::text AS key,
           (SELECT count(*) FROM j) AS job_count,
           ${cursor ? Prisma.sql`(SELECT count(*) FROM j WHERE ${backward ? beyond(cursor, false) : Prisma.sql`NOT ${beyond(cursor, true)}`})` : Prisma.sql`0::bigint`} AS preceding
    FROM (SELECT 1) one LEFT JOIN page p ON true
    ORDER BY ${order}`);
  const total = Number(rows[0]?.job_count ?? 0);
  let found = rows.filter((r) => r.job_id !== null && r.job_id !== undefined) as (JobRow & { key: string })[];
  const more = found.length > size;
  found = found.slice(0, size);
  if (backward) {
    // Fewer than a page before the cursor: the first page, whole.
    if (!more) return listJobsPage({ sort: opts.sort, size });
    found.reverse();
  }
  const preceding = Number(rows[0]?.preceding ?? 0);
  const offset = backward ? preceding - found.length : preceding;
  const cursorOf = (r: JobRow & { key: string }): JobCursor => ({ key: r.key, jobId: r.job_id });
  const first = found[0];
  const last = found[found.length - 1];
  return {
    jobs: found.map(toSummary),
    total,
    offset,
    next: last && (backward || more) ? cursorOf(last) : null,
    prev: first && offset > 0 ? cursorOf(first) : null,
  };
}

export interface JobMix {
  byStatus: { status: string; count: number }[];
  /** name: the intent's detail name as records carry it (null: none has one). */
  byIntent: { tagId: string; code: number; name: string | null; count: number }[];
}

/** Result status and intent distributions of the given jobs, from the rollups. */
export async function jobMixes(jobIds: bigint[]): Promise<Map<string, JobMix>> {
  const mixes = new Map<string, JobMix>(jobIds.map((id) => [id.toString(), { byStatus: [], byIntent: [] }]));
  if (jobIds.length === 0) return mixes;
  // The page's jobs one by one through the rollups' job index (a nested loop from the id list):
  // as one IN list over the rollups, the planner's estimate launched parallel workers, whose
  // start cost several times the scan (docs/performance.md).
  // OFFSET 0 keeps the LATERAL subquery from being flattened into a hash join over a parallel
  // scan of the whole rollup, several times slower.
  const ids = Prisma.sql`ARRAY[${Prisma.join(jobIds)}]::bigint[]`;
  const cols = Prisma.sql`robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, records`;
  const rows = await prisma.$queryRaw<
    {
      job_id: bigint;
      kind: "status" | "intent";
      status: string | null;
      tag_id: bigint | null;
      code: number | null;
      n: bigint;
    }[]
  >(Prisma.sql`
    WITH r AS (
      SELECT x.* FROM unnest(${ids}) AS j(id)
      CROSS JOIN LATERAL (SELECT ${cols} FROM call_record_rollups WHERE robot_call_job_id = j.id OFFSET 0) x
      UNION ALL
      SELECT ${cols} FROM call_record_rollup_deltas WHERE robot_call_job_id = ANY (${ids}))
    SELECT robot_call_job_id AS job_id, 'status' AS kind, COALESCE(NULLIF(result_status, ''), '(none)') AS status, NULL::bigint AS tag_id, NULL::int AS code, sum(records)::bigint AS n
    FROM r GROUP BY 1, 3 HAVING sum(records) > 0
    UNION ALL
    SELECT robot_call_job_id, 'intent', NULL, intent_level_tag_id, intent_level_code, sum(records)::bigint
    FROM r WHERE has_intent GROUP BY 1, 4, 5 HAVING sum(records) > 0
    ORDER BY 1, 6 DESC, 3, 4, 5`);
  for (const r of rows) {
    const mix = mixes.get(r.job_id.toString());
    if (!mix) continue;
    if (r.kind === "status") mix.byStatus.push({ status: r.status!, count: Number(r.n) });
    else mix.byIntent.push({ tagId: r.tag_id!.toString(), code: r.code!, name: null, count: Number(r.n) });
  }
  const intents = [...mixes.values()].flatMap((m) => m.byIntent);
  const names = await intentNames(intents.map((i) => ({ tagId: i.tagId, code: i.code })));
  for (const i of intents) i.name = names.get(intentKey(i.tagId, i.code)) ?? null;
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
 * rollups do not keep, from the job index alone (it carries start_time and
 * chat_duration: migration 20261204100000_job_index_talk_time).
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
    prisma.$queryRaw<{ tag_id: bigint; code: number; n: bigint }[]>(Prisma.sql`
      SELECT intent_level_tag_id AS tag_id, intent_level_code AS code, sum(records)::bigint AS n
      FROM ${rollupSource(false)} r WHERE robot_call_job_id = ${jobId} AND has_intent
      GROUP BY 1, 2 HAVING sum(records) > 0 ORDER BY 1, 2`),
  ]);
  const hours = new Map(byHour.map((h) => [h.hour, Number(h.n)]));
  const names = await intentNames(byIntent.map((i) => ({ tagId: i.tag_id, code: i.code })));
  return {
    summary,
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: hours.get(hour) ?? 0 })),
    byDay: byDay.map((d) => ({ day: d.day, count: Number(d.n) })),
    durations: DURATION_BUCKETS.map((b, i) => ({ ...b, count: Number(durations.find((d) => d.bucket === i)?.n ?? 0) })),
    byStatus: byStatus.map((s) => ({ status: s.status, count: Number(s.n) })),
    byIntent: byIntent.map((i) => ({
      tagId: i.tag_id.toString(),
      code: i.code,
      name: names.get(intentKey(i.tag_id, i.code)) ?? null,
      count: Number(i.n),
    })),
  };
}

/** Whether any record belongs to the job (its page answers 404 before it streams, when none does). */
export async function jobExists(jobId: bigint): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ found: boolean }[]>(
    Prisma.sql`SELECT EXISTS (SELECT 1 FROM call_records WHERE robot_call_job_id = ${jobId}) AS found`,
  );
  return rows[0]?.found === true;
}
