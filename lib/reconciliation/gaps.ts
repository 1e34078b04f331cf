import "server-only";
import { Prisma, prisma } from "../db/client";
import { addDays, offsetMs, zonedDayStart } from "../time/zoned";

/**
 * Gaps in what a robot platform pushed: between two consecutive calls of one
 * job on one call day, a silence longer than RECONCILE_GAP_MINUTES inside
 * calling hours. Only the calling-hours part of the silence counts, and only
 * between calls of the same day, so the night (and the time before a job's
 * first call or after its last) is never a gap. Calling hours are the
 * compliance checks' own (COMPLIANCE_CALLING_HOURS, DISPLAY_TIME_ZONE).
 */

/**
 * The calling windows of a day, in minutes after midnight, from
 * COMPLIANCE_CALLING_HOURS ("HH:MM-HH:MM", end exclusive, may be 24:00; a
 * start after the end wraps midnight: the day's window is then its two ends).
 */
export function callingWindows(hours: string): { start: number; end: number }[] {
  const [start, end] = hours.split("-").map((t) => {
    const [h, m] = t.split(":").map(Number) as [number, number];
    return h * 60 + m;
  }) as [number, number];
  if (start < end) return [{ start, end }];
  if (start === end) return [{ start: 0, end: 24 * 60 }];
  return [
    { start: 0, end },
    { start, end: 24 * 60 },
  ];
}

/** Gaps are looked for in at most this many of the report's latest days: one index range per job and day. */
export const GAP_MAX_DAYS = 31;
/** At most this many gaps are returned (newest first): a platform that stopped for weeks is one story, not thousands of rows. */
export const GAP_MAX_ROWS = 500;

export interface Gap {
  day: string;
  jobId: bigint;
  from: Date;
  to: Date;
  minutes: number;
}

/** The instant of `minutes` after midnight of `day` in `timeZone` (DST-safe like zonedDayStart). */
export function zonedMinute(day: string, minutes: number, timeZone: string): Date {
  const guess = zonedDayStart(day, "UTC").getTime() + minutes * 60_000;
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant);
}

/**
 * The gaps of the given (day, job) pairs, the ones the report has records for.
 * Each pair is one backward range scan of (robot_call_job_id, start_time) on
 * call_records_job_start_time_idx, with lag() over it: no sort, no other rows read.
 */
export async function findGaps(
  pairs: readonly { day: string; jobId: bigint }[],
  timeZone: string,
  gapMinutes: number,
  callingHours: string,
): Promise<Gap[]> {
  if (!pairs.length) return [];
  const latest = pairs.reduce((m, p) => (p.day > m ? p.day : m), pairs[0]!.day);
  const scanned = pairs
    .filter((p) => p.day > addDays(latest, -GAP_MAX_DAYS))
    .flatMap((p) => callingWindows(callingHours).map((w) => ({ ...p, ...w })));
  const jobs = scanned.map((p) => p.jobId.toString());
  const days = scanned.map((p) => p.day);
  const dayStarts = scanned.map((p) => zonedDayStart(p.day, timeZone).toISOString());
  const dayEnds = scanned.map((p) => zonedDayStart(addDays(p.day, 1), timeZone).toISOString());
  const opens = scanned.map((p) => zonedMinute(p.day, p.start, timeZone).toISOString());
  const closes = scanned.map((p) => zonedMinute(p.day, p.end, timeZone).toISOString());
  const rows = await prisma.$queryRaw<{ day: string; job_id: bigint; gap_from: Date; gap_to: Date }[]>(Prisma.sql`
    SELECT p.day, p.job AS job_id, greatest(g.prev, p.opens) AS gap_from, least(g.cur, p.closes) AS gap_to
    FROM unnest(${jobs}::bigint[], ${days}::text[], ${dayStarts}::timestamptz[], ${dayEnds}::timestamptz[],
                ${opens}::timestamptz[], ${closes}::timestamptz[]) AS p(job, day, day_start, day_end, opens, closes)
    CROSS JOIN LATERAL (
      SELECT s.prev, s.cur FROM (
        SELECT c.start_time AS cur, lag(c.start_time) OVER (ORDER BY c.start_time) AS prev
        FROM call_records c
        WHERE c.robot_call_job_id = p.job AND c.start_time >= p.day_start AND c.start_time < p.day_end
      ) s
      WHERE s.prev IS NOT NULL
        AND least(s.cur, p.closes) - greatest(s.prev, p.opens) > make_interval(mins => ${gapMinutes}::int)
    ) g
    ORDER BY p.day DESC, p.job, gap_from
    LIMIT ${GAP_MAX_ROWS}`);
  return rows.map((r) => ({
    day: r.day,
    jobId: r.job_id,
    from: r.gap_from,
    to: r.gap_to,
    minutes: Math.floor((r.gap_to.getTime() - r.gap_from.getTime()) / 60_000),
  }));
}
