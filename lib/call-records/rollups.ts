import "server-only";
import { Prisma, prisma } from "../db/client";
import { addDays } from "../time/zoned";
import type { CallFilters } from "./query/filters";
import { IN_FLIGHT_ROLLUP_ROWS } from "../submissions/in-flight";
import { complianceCondition } from "../compliance/filter";

/**
 * Rollup counts of call_records (migration 20261125100000_rollups): per job,
 * result status, intent, submission state, review state and recording, all
 * time and per start day. Triggers append every write's net change to a
 * deltas table in the same transaction; the compactor here folds the deltas
 * in. Readers always add the pending deltas, so counts are exact at any
 * moment, whether or not a compactor runs.
 *
 * A filter can be answered from the rollups when it only uses their
 * dimensions: job, status, intent, submission, review, recording, and
 * `from`/`to` given as whole days in the rollups' time zone. Free text,
 * talk-time ranges and ISO instants need the records themselves.
 */

export type RollupDimension = "status" | "intent" | "submission" | "review" | "compliance";

/** The rollups' day time zone, read at most every few seconds (it changes only at start). */
let cachedZone: { value: string; at: number } | undefined;
const ZONE_TTL_MS = 10_000;

export async function rollupTimeZone(): Promise<string> {
  if (cachedZone && Date.now() - cachedZone.at < ZONE_TTL_MS) return cachedZone.value;
  const row = await prisma.callRecordRollupSettings.findUnique({ where: { id: 1 } });
  cachedZone = { value: row?.timeZone ?? "", at: Date.now() };
  return cachedZone.value;
}

/**
 * Counts the daily rollup in `timeZone` (DISPLAY_TIME_ZONE), recounting from
 * the records when it was counted in another zone. Run at start, before the
 * web app serves; a recount at millions of records takes a while and holds
 * writers meanwhile, which is why it happens only when the setting changed.
 */
export async function ensureRollupTimeZone(timeZone: string): Promise<{ recounted: boolean }> {
  const recounted = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('call_record_rollups_time_zone'))`;
      const row = await tx.callRecordRollupSettings.findUnique({ where: { id: 1 } });
      if (row?.timeZone === timeZone) return false;
      await tx.callRecordRollupSettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone }, update: { timeZone } });
      await tx.$executeRaw`SELECT call_record_rollups_rebuild()`;
      return true;
    },
    { timeout: 30 * 60_000 },
  );
  cachedZone = { value: timeZone, at: Date.now() };
  return { recounted };
}

/** Folds pending deltas (counts and the jobs' first/last call) into the rollups; returns how many it folded (0 when another compactor is at work). */
export async function compactRollups(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ folded: bigint }[]>`SELECT call_record_rollups_compact() AS folded`;
  const folded = Number(row?.folded ?? 0);
  // Emptied again and again, the deltas table would keep its dead pages, and every
  // count that adds the pending deltas would scan them. A vacuum of a table this small is cheap.
  if (folded > 0)
    await prisma.$executeRawUnsafe("VACUUM (SKIP_LOCKED) call_record_rollup_deltas, call_record_job_bounds_deltas");
  return folded;
}

/** Compacts every `intervalMs` until stopped; errors are reported and the next round tries again. */
export function startRollupCompactor(opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): {
  stop(): Promise<void>;
} {
  const intervalMs = opts.intervalMs ?? 2_000;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = compactRollups().catch((err) => opts.onError?.(err));
  }, intervalMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The rows to aggregate: a rollup plus the pending deltas, with the same
 * columns. Per job (`robot_call_job_id` is a column) or over all jobs (a few
 * thousand groups, for counts that do not filter by job); all time or by
 * `day`.
 */
export function rollupSource(daily: boolean, perJob = true): Prisma.Sql {
  const groups = Prisma.sql`result_status, has_intent, intent_level_tag_id, intent_level_code,
    submission_state, review_state, has_audio, compliance_flags, records, talk_records, talk_seconds`;
  const cols = perJob
    ? daily
      ? Prisma.sql`day, robot_call_job_id, ${groups}`
      : Prisma.sql`robot_call_job_id, ${groups}`
    : daily
      ? Prisma.sql`day, ${groups}`
      : groups;
  const table = perJob
    ? daily
      ? Prisma.sql`call_record_daily_rollups`
      : Prisma.sql`call_record_rollups`
    : daily
      ? Prisma.sql`call_record_global_daily_rollups`
      : Prisma.sql`call_record_global_rollups`;
  // Records on the wire move from their stored state to in_flight (see in-flight.ts).
  return Prisma.sql`(SELECT ${cols} FROM ${table} UNION ALL SELECT ${cols} FROM call_record_rollup_deltas
    UNION ALL SELECT ${cols} FROM (${IN_FLIGHT_ROLLUP_ROWS}) in_flight)`;
}

/** The pending count deltas in call_record_job_totals' columns (one row per delta, not grouped). */
const JOB_DELTAS = Prisma.sql`
  SELECT robot_call_job_id, records,
         CASE WHEN result_status = 'ANSWERED' THEN records ELSE 0 END AS answered,
         talk_records, talk_seconds,
         CASE WHEN submission_state = 'accepted' THEN records ELSE 0 END AS accepted,
         CASE WHEN submission_state IN ('rejected', 'failed') THEN records ELSE 0 END AS rejected,
         CASE WHEN submission_state IN ('queued', 'in_flight', 'retrying') THEN records ELSE 0 END AS pending,
         CASE WHEN submission_state = 'not_submitted' THEN records ELSE 0 END AS not_submitted,
         CASE WHEN review_state <> 'unreviewed' THEN records ELSE 0 END AS reviewed,
         CASE WHEN review_state = 'flagged' THEN records ELSE 0 END AS flagged,
         NULL::timestamptz AS first_call, NULL::timestamptz AS last_call
  FROM call_record_rollup_deltas`;

/**
 * The jobs overview's figures per job: call_record_job_totals plus the pending deltas, in its columns.
 * first_call/last_call are the kept range only (NULL on the deltas' rows); jobTotals() adds what is pending.
 */
export const JOB_TOTALS_SOURCE = Prisma.sql`(
  SELECT robot_call_job_id, records, answered, talk_records, talk_seconds, accepted, rejected, pending, not_submitted, reviewed, flagged,
         first_call, last_call
  FROM call_record_job_totals
  UNION ALL
  ${JOB_DELTAS})`;

/**
 * One row per job with calls, exact at any moment: the kept totals plus the
 * pending count deltas, and the first/last call widened by the pending
 * arrivals, or read from the records (two probes of the job's start_time
 * index) for the few jobs a start time left since the last compaction.
 * The kept row of a job is read as it is (no re-aggregation of every job:
 * sums of bigint are numeric and cost more than the rest of the overview);
 * only the pending deltas, a few rows, are grouped and joined.
 * Columns: job_id, total, answered, talk_records, talk_seconds, accepted,
 * rejected, pending, not_submitted, reviewed, flagged, first_call, last_call.
 * `where` filters by robot_call_job_id (both the kept rows and the deltas), or Prisma.empty.
 */
export function jobTotals(where: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const plus = (col: string) => Prisma.raw(`COALESCE(k.${col}, 0) + COALESCE(d.${col}, 0) AS ${col}`);
  return Prisma.sql`(
    SELECT t.job_id, t.total, t.answered, t.talk_records, t.talk_seconds, t.accepted, t.rejected, t.pending, t.not_submitted,
           t.reviewed, t.flagged,
           CASE WHEN b.recheck
                THEN (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.job_id AND c.start_time IS NOT NULL
                      ORDER BY c.start_time, c.id LIMIT 1)
                ELSE LEAST(t.kept_first, b.first_call) END AS first_call,
           CASE WHEN b.recheck
                THEN (SELECT c.start_time FROM call_records c WHERE c.robot_call_job_id = t.job_id AND c.start_time IS NOT NULL
                      ORDER BY c.start_time DESC, c.id DESC LIMIT 1)
                ELSE GREATEST(t.kept_last, b.last_call) END AS last_call
    FROM (
      SELECT COALESCE(k.robot_call_job_id, d.robot_call_job_id) AS job_id,
             COALESCE(k.records, 0) + COALESCE(d.records, 0) AS total,
             ${plus("answered")}, ${plus("talk_records")}, ${plus("talk_seconds")}, ${plus("accepted")}, ${plus("rejected")},
             ${plus("pending")}, ${plus("not_submitted")}, ${plus("reviewed")}, ${plus("flagged")},
             k.first_call AS kept_first, k.last_call AS kept_last
      FROM (SELECT * FROM call_record_job_totals ${where}) k
      FULL JOIN (
        SELECT robot_call_job_id, sum(records)::bigint AS records, sum(answered)::bigint AS answered,
               sum(talk_records)::bigint AS talk_records, sum(talk_seconds)::bigint AS talk_seconds,
               sum(accepted)::bigint AS accepted, sum(rejected)::bigint AS rejected, sum(pending)::bigint AS pending,
               sum(not_submitted)::bigint AS not_submitted, sum(reviewed)::bigint AS reviewed, sum(flagged)::bigint AS flagged
        FROM (${JOB_DELTAS}) s ${where}
        GROUP BY 1
      ) d ON d.robot_call_job_id = k.robot_call_job_id
    ) t
    LEFT JOIN (
      SELECT robot_call_job_id, min(first_call) AS first_call, max(last_call) AS last_call, bool_or(recheck) AS recheck
      FROM call_record_job_bounds_deltas ${where} GROUP BY 1
    ) b ON b.robot_call_job_id = t.job_id
    WHERE t.total > 0)`;
}

export interface RollupQuery {
  /** The rollup (plus deltas) to select from. */
  source: Prisma.Sql;
  /** WHERE clause over the rollup's columns, or Prisma.empty. */
  where: Prisma.Sql;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rollup query for these filters, leaving out `omit` (a facet counts
 * under every filter but its own), or null when the filters need the records
 * themselves.
 */
/**
 * How each filter relates to the rollups. A Record over every key of
 * CallFilters, so a new filter does not compile until someone decides here
 * whether the rollups can answer it (a filter they silently ignored would
 * make every count wrong).
 */
const FILTER_SUPPORT: Record<keyof CallFilters, "rollup" | "days" | "records" | "not a filter"> = {
  job: "rollup",
  status: "rollup",
  intent: "rollup",
  submission: "rollup",
  review: "rollup",
  audio: "rollup",
  compliance: "rollup",
  from: "days",
  to: "days",
  // No reviewer, received-time, talk-time or text dimension in the rollups.
  reviewer: "records",
  receivedBefore: "records",
  minDuration: "records",
  maxDuration: "records",
  q: "records",
  // Nor a batch one: a batch's records are read through its queue rows.
  batch: "records",
  // Nor a legal-hold one.
  hold: "records",
  // Nor a score one: scored records are read through their partial index.
  minScore: "records",
  maxScore: "records",
  critical: "records",
  sort: "not a filter",
  cursor: "not a filter",
  size: "not a filter",
};

const isSet = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "");

export async function rollupQuery(
  f: CallFilters,
  timeZone: string,
  omit?: RollupDimension,
): Promise<RollupQuery | null> {
  for (const [key, support] of Object.entries(FILTER_SUPPORT)) {
    if (support === "records" && isSet(f[key as keyof CallFilters])) return null;
  }
  const days = f.from !== undefined || f.to !== undefined;
  if (days) {
    if ((f.from && !DAY.test(f.from)) || (f.to && !DAY.test(f.to))) return null;
    if ((await rollupTimeZone()) !== timeZone) return null;
  }
  const parts: Prisma.Sql[] = [];
  if (f.job.length) parts.push(Prisma.sql`robot_call_job_id IN (${Prisma.join(f.job)})`);
  if (f.status.length && omit !== "status") parts.push(Prisma.sql`result_status IN (${Prisma.join(f.status)})`);
  if (f.intent.length && omit !== "intent") {
    const pairs = f.intent.map((i) => Prisma.sql`(${i.tagId}::bigint, ${i.code}::int)`);
    parts.push(Prisma.sql`has_intent AND (intent_level_tag_id, intent_level_code) IN (${Prisma.join(pairs)})`);
  }
  if (f.submission.length && omit !== "submission") {
    parts.push(
      Prisma.sql`submission_state IN (${Prisma.join(f.submission.map((s) => Prisma.sql`${s}::submission_state`))})`,
    );
  }
  if (f.review.length && omit !== "review") {
    parts.push(Prisma.sql`review_state IN (${Prisma.join(f.review.map((s) => Prisma.sql`${s}::review_state`))})`);
  }
  if (f.audio !== undefined) parts.push(Prisma.sql`has_audio = ${f.audio}`);
  if (f.compliance.length && omit !== "compliance") parts.push(complianceCondition(f.compliance));
  // `to` includes its whole day; 'infinity' (no start_time) never matches a range, as with start_time.
  if (f.from) parts.push(Prisma.sql`day >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`day < ${addDays(f.to, 1)}::date`);
  if (f.from && !f.to) parts.push(Prisma.sql`day <> 'infinity'::date`);
  return {
    source: rollupSource(days, f.job.length > 0),
    where: parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty,
  };
}
