import "server-only";
import { Prisma, prisma } from "../db/client";
import { rollupSource, rollupTimeZone } from "../call-records/rollups";
import { addDays, zonedDayStart } from "../time/zoned";
import type { ReconciliationQuery } from "./schema";

/**
 * Reads of the reconciliation report. Days are call days: the record's
 * start_time in DISPLAY_TIME_ZONE, the day the rollups count by (records
 * without a start time have no day and are not in the report, as they match
 * no from/to filter on /calls either).
 */

export interface StateCount {
  day: string;
  jobId: bigint;
  state: string;
  records: number;
}

/**
 * Records per call day, job and submission state as users see it (in_flight
 * from the queue), from the daily rollups plus pending deltas: a few rows per
 * day and job, whatever the number of records.
 */
export async function stateCounts(q: ReconciliationQuery, timeZone: string): Promise<StateCount[]> {
  // The rollups count days in the zone they were rebuilt for at start (ensureRollupTimeZone).
  const zone = await rollupTimeZone();
  if (zone !== timeZone)
    throw new Error(`the rollups count days in "${zone}", not in DISPLAY_TIME_ZONE "${timeZone}"; restart to recount`);
  const job = q.job.length ? Prisma.sql`AND robot_call_job_id IN (${Prisma.join(q.job)})` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ day: Date; job_id: bigint; state: string; records: bigint }[]>`
    SELECT day, robot_call_job_id AS job_id, submission_state::text AS state, sum(records)::bigint AS records
    FROM ${rollupSource(true, true)} r
    WHERE day >= ${q.from}::date AND day < ${addDays(q.to, 1)}::date ${job}
    GROUP BY 1, 2, 3
    HAVING sum(records) <> 0`;
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    jobId: r.job_id,
    state: r.state,
    records: Number(r.records),
  }));
}

export interface OverdueCount {
  day: string;
  jobId: bigint;
  records: number;
}

/** Every submission state but accepted, named so the state index can be used (see submissionStateCondition). */
export const NOT_ACCEPTED_STORED = ["not_submitted", "queued", "rejected", "retrying", "failed"] as const;

/**
 * Records per call day and job received before `receivedBefore` and not
 * accepted. Read from the records (received time is no rollup dimension),
 * through the (submission_state, start_time) index: one range per
 * not-accepted state within the days asked, which leaves the accepted
 * records, the bulk of a healthy table, unread.
 */
export async function overdueCounts(
  q: ReconciliationQuery,
  timeZone: string,
  receivedBefore: Date,
): Promise<OverdueCount[]> {
  const job = q.job.length ? Prisma.sql`AND robot_call_job_id IN (${Prisma.join(q.job)})` : Prisma.empty;
  const states = Prisma.join(NOT_ACCEPTED_STORED.map((s) => Prisma.sql`${s}::submission_state`));
  const rows = await prisma.$queryRaw<{ day: Date; job_id: bigint; records: bigint }[]>`
    SELECT (start_time AT TIME ZONE ${timeZone})::date AS day, robot_call_job_id AS job_id, count(*)::bigint AS records
    FROM call_records
    WHERE submission_state IN (${states})
      AND start_time >= ${zonedDayStart(q.from, timeZone)} AND start_time < ${zonedDayStart(addDays(q.to, 1), timeZone)}
      AND received_at < ${receivedBefore} ${job}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), jobId: r.job_id, records: Number(r.records) }));
}
