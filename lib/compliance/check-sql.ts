import "server-only";
import { Prisma } from "../db/client";
import { COMPLIANCE_BIT, type ComplianceKind } from "./flags";

/**
 * The SQL of the automatic checks (calling hours, contact frequency,
 * anomalies), shared by the two ways a call is checked: a stored record
 * (`checkRecords`) and an incoming one before it is written (`checkIncoming`).
 * Both start from a CTE named `subject` with the columns of a call record the
 * checks read and its `id` (its place in the (start_time, id) order); the
 * fragments below define `placed`, `earlier`, `freq`, `checked` and `found`.
 */

export interface CheckSettings {
  /** "HH:MM-HH:MM" in timeZone; a job's calling_hours overrides it. */
  callingHours: string;
  maxCallsPerDay: number;
  maxCallsPer7Days: number;
  durationToleranceSeconds: number;
  maxRingSeconds: number;
  timeZone: string;
}

/** The kinds these checks own. */
export const CHECKED_KINDS: readonly ComplianceKind[] = ["hours", "frequency", "anomaly"];
export const CHECKED_MASK = CHECKED_KINDS.reduce((m, k) => m | COMPLIANCE_BIT[k], 0);
const { hours: HOURS, frequency: FREQUENCY, anomaly: ANOMALY } = COMPLIANCE_BIT;

/**
 * A frequency finding links at most this many earlier calls (the most recent
 * ones). It also bounds what one ingested call costs: each check reads this
 * many earlier calls, and a written call rechecks this many later ones.
 */
export const MAX_LINKED_CALLS = 10;

/**
 * How many of a number's earlier calls a check reads: enough for the links and
 * for each limit. Beyond it a finding says "at least" rather than the exact
 * count, which keeps a check's cost fixed however often one number is called
 * (a placeholder number on thousands of calls would otherwise make every
 * ingest read them all).
 */
export function earlierCallsCap(s: Pick<CheckSettings, "maxCallsPerDay" | "maxCallsPer7Days">): number {
  return Math.max(MAX_LINKED_CALLS, s.maxCallsPerDay, s.maxCallsPer7Days);
}

/**
 * The CTEs from `subject` to `found`. `exclude` names stored records that the
 * subjects replace (an incoming batch's stored versions): they are not earlier
 * calls of anything. `withinSubjects`: the subjects are not stored yet, so
 * they count as each other's earlier calls here.
 */
export function checkCtes(s: CheckSettings, opts: { exclude: Prisma.Sql | null; withinSubjects: boolean }): Prisma.Sql {
  const tz = s.timeZone;
  const cap = earlierCallsCap(s);
  const excluded = opts.exclude ? Prisma.sql`AND c.id <> ALL (${opts.exclude})` : Prisma.empty;
  // The subjects' own earlier calls among themselves: one hash join on the number.
  const within = opts.withinSubjects
    ? Prisma.sql`
      UNION ALL
      SELECT p.id, b.id, b.call_record_id, b.start_time FROM placed p
      JOIN placed b ON b.called_phone_number = p.called_phone_number
        AND (b.start_time, b.id) < (p.start_time, p.id) AND b.start_time >= p.week_start`
    : Prisma.empty;
  return Prisma.sql`
    placed AS MATERIALIZED (
      SELECT r.id, r.call_record_id, r.called_phone_number, r.start_time,
             date_trunc('day', r.start_time AT TIME ZONE ${tz}) AT TIME ZONE ${tz} AS day_start,
             (date_trunc('day', r.start_time AT TIME ZONE ${tz}) - interval '6 days') AT TIME ZONE ${tz} AS week_start
      FROM subject r WHERE r.called_phone_number IS NOT NULL AND r.start_time IS NOT NULL
    ),
    -- Each call's nearest earlier calls to its number in the 7 days, at most the cap (one backward range of the
    -- (number, start_time, id) index). The day's calls come first in that order, so both counts are exact up to
    -- the cap, and the flags exact since the cap is at least each limit.
    earlier AS (
      SELECT p.id AS for_id, e.id, e.call_record_id, e.start_time FROM placed p
      CROSS JOIN LATERAL (
        SELECT c.id, c.call_record_id, c.start_time FROM call_records c
        WHERE c.called_phone_number = p.called_phone_number
          AND (c.start_time, c.id) < (p.start_time, p.id) AND c.start_time >= p.week_start ${excluded}
        ORDER BY c.start_time DESC, c.id DESC LIMIT ${cap}::int
      ) e ${within}
    ),
    freq AS (
      SELECT e.for_id AS id,
             count(*) FILTER (WHERE e.start_time >= p.day_start) AS day_n, count(*) AS week_n,
             (array_agg(e.call_record_id::text ORDER BY e.start_time DESC, e.id DESC)
                FILTER (WHERE e.start_time >= p.day_start))[1:${MAX_LINKED_CALLS}] AS day_earlier,
             (array_agg(e.call_record_id::text ORDER BY e.start_time DESC, e.id DESC))[1:${MAX_LINKED_CALLS}] AS week_earlier
      FROM (SELECT e.*, row_number() OVER (PARTITION BY e.for_id ORDER BY e.start_time DESC, e.id DESC) AS rn
            FROM earlier e) e
      JOIN placed p ON p.id = e.for_id
      WHERE e.rn <= ${cap}::int
      GROUP BY e.for_id
    ),
    checked AS MATERIALIZED (
      SELECT r.id, r.call_record_id, w.hours, w.override, l.local_start,
             r.start_time IS NOT NULL AND CASE WHEN w.lo <= w.hi THEN NOT (l.local_time >= w.lo AND l.local_time < w.hi)
                                               ELSE NOT (l.local_time >= w.lo OR l.local_time < w.hi) END AS hours_bad,
             COALESCE(f.day_n, 0) AS day_n, f.day_earlier, COALESCE(f.week_n, 0) AS week_n, f.week_earlier,
             array_remove(ARRAY[
               CASE WHEN r.result_status = 'ANSWERED' AND r.chat_duration = 0 THEN 'zero_duration' END,
               CASE WHEN r.end_time < r.start_time THEN 'end_before_start' END,
               -- start_time is when the call was placed: the ringing lies between it and the talk, so talk
               -- longer than the whole call is impossible, and an answered call's wall time may exceed its
               -- talk by at most the ringing (an unanswered call's wall time is all ringing).
               CASE WHEN r.end_time >= r.start_time AND r.chat_duration IS NOT NULL
                         AND (r.chat_duration - extract(epoch FROM r.end_time - r.start_time) > ${s.durationToleranceSeconds}
                              OR (r.result_status = 'ANSWERED'
                                  AND extract(epoch FROM r.end_time - r.start_time) - r.chat_duration
                                      > ${s.maxRingSeconds + s.durationToleranceSeconds}))
                    THEN 'duration_mismatch' END,
               CASE WHEN r.result_status = 'ANSWERED' AND r.full_audio_url IS NULL THEN 'missing_recording' END
             ], NULL) AS anomalies,
             r.chat_duration, extract(epoch FROM r.end_time - r.start_time) AS elapsed
      FROM subject r
      CROSS JOIN LATERAL (
        SELECT (r.start_time AT TIME ZONE ${tz})::time AS local_time, r.start_time AT TIME ZONE ${tz} AS local_start
      ) l
      CROSS JOIN LATERAL (
        SELECT o.hours, o.override, split_part(o.hours, '-', 1)::time AS lo, split_part(o.hours, '-', 2)::time AS hi
        FROM (SELECT COALESCE(j.calling_hours, ${s.callingHours}) AS hours, j.calling_hours IS NOT NULL AS override
              FROM (SELECT 1) one
              LEFT JOIN robot_call_jobs j ON j.robot_call_job_id = r.robot_call_job_id) o
      ) w
      LEFT JOIN freq f ON f.id = r.id
    ),
    found AS (
      SELECT id, 'hours' AS kind, 'outside_hours' AS code,
             jsonb_build_object('window', hours, 'job_override', override, 'time_zone', ${tz}::text,
                                'local_time', to_char(local_start, 'HH24:MI:SS')) AS detail
      FROM checked WHERE hours_bad
      UNION ALL
      SELECT id, 'frequency', 'daily_limit',
             jsonb_build_object('limit', ${s.maxCallsPerDay}::int, 'calls', day_n + 1, 'at_least', day_n >= ${cap}::int, 'day', to_char(local_start, 'YYYY-MM-DD'),
                                'time_zone', ${tz}::text, 'earlier', to_jsonb(day_earlier))
      FROM checked WHERE day_n >= ${s.maxCallsPerDay}
      UNION ALL
      SELECT id, 'frequency', 'weekly_limit',
             jsonb_build_object('limit', ${s.maxCallsPer7Days}::int, 'calls', week_n + 1, 'at_least', week_n >= ${cap}::int,
                                'from', to_char(local_start - interval '6 days', 'YYYY-MM-DD'), 'to', to_char(local_start, 'YYYY-MM-DD'),
                                'time_zone', ${tz}::text, 'earlier', to_jsonb(week_earlier))
      FROM checked WHERE week_n >= ${s.maxCallsPer7Days}
      UNION ALL
      SELECT id, 'anomaly', a.code,
             CASE WHEN a.code = 'duration_mismatch'
                  THEN jsonb_build_object('chat_duration', chat_duration, 'elapsed_seconds', round(elapsed),
                                          'tolerance_seconds', ${s.durationToleranceSeconds}::int,
                                          'max_ring_seconds', ${s.maxRingSeconds}::int)
                  ELSE '{}'::jsonb END
      FROM checked CROSS JOIN LATERAL unnest(anomalies) AS a(code)
    )`;
}

/**
 * A data-modifying CTE's DELETE of the findings these checks own, of the records `ids` (an array expression)
 * lists; the phrase rules' findings stay, their writer is the transcripts'. An array, not a join: the planner
 * reads the findings' record_id index for the few records, where a join with a CTE (estimated at thousands of
 * rows) made it scan every finding.
 */
export function clearCheckedFindings(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`DELETE FROM compliance_findings f
      WHERE f.record_id = ANY (${ids}) AND f.kind = ANY (${[...CHECKED_KINDS]}::text[])`;
}

/** A checked call's bits of the checked kinds (over a row of `checked`). */
export function checkedBits(s: CheckSettings): Prisma.Sql {
  return Prisma.sql`(CASE WHEN hours_bad THEN ${HOURS}::int ELSE 0 END)
    | (CASE WHEN day_n >= ${s.maxCallsPerDay} OR week_n >= ${s.maxCallsPer7Days} THEN ${FREQUENCY}::int ELSE 0 END)
    | (CASE WHEN cardinality(anomalies) > 0 THEN ${ANOMALY}::int ELSE 0 END)`;
}
