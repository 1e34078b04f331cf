import "server-only";
import { Prisma, type RowReader } from "../db/client";
import { getEnv, type Env } from "../env";
import { COMPLIANCE_BIT, type ComplianceKind } from "./flags";

/**
 * The automatic checks of every call: calling hours, contact frequency and
 * anomalies (the phrase rules are the transcripts' own writer). Each run
 * writes only these three kinds: their bits of `compliance_flags` and their
 * rows of `compliance_findings`, so the phrase writer's results stay as they
 * are. Set-based: one statement checks a whole batch.
 */

export interface ComplianceSettings {
  /** "HH:MM-HH:MM" in timeZone; a job's calling_hours overrides it. */
  callingHours: string;
  maxCallsPerDay: number;
  maxCallsPer7Days: number;
  durationToleranceSeconds: number;
  maxRingSeconds: number;
  timeZone: string;
  /**
   * The checks' own definition: stored with the settings, so that a release
   * that changes what a check finds rechecks the stored records as a change of
   * settings does.
   */
  checksVersion: number;
}

/** 2: start_time is when the call was placed, so ringing is not a duration mismatch. */
const CHECKS_VERSION = 2;

export function complianceSettings(env: Env = getEnv()): ComplianceSettings {
  return {
    callingHours: env.COMPLIANCE_CALLING_HOURS,
    maxCallsPerDay: env.COMPLIANCE_MAX_CALLS_PER_DAY,
    maxCallsPer7Days: env.COMPLIANCE_MAX_CALLS_PER_7_DAYS,
    durationToleranceSeconds: env.COMPLIANCE_DURATION_TOLERANCE_SECONDS,
    maxRingSeconds: env.COMPLIANCE_MAX_RING_SECONDS,
    timeZone: env.DISPLAY_TIME_ZONE,
    checksVersion: CHECKS_VERSION,
  };
}

/** The kinds these checks own. */
export const CHECKED_KINDS: readonly ComplianceKind[] = ["hours", "frequency", "anomaly"];
const MASK = CHECKED_KINDS.reduce((m, k) => m | COMPLIANCE_BIT[k], 0);
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
export function countCap(s: Pick<ComplianceSettings, "maxCallsPerDay" | "maxCallsPer7Days">): number {
  return Math.max(MAX_LINKED_CALLS, s.maxCallsPerDay, s.maxCallsPer7Days);
}

/**
 * Checks the records `target` selects (a query of one column, `id`) and
 * rewrites their flags and findings of the checked kinds; returns how many
 * records were checked.
 */
export async function checkRecords(rows: RowReader, target: Prisma.Sql, s: ComplianceSettings): Promise<number> {
  const tz = s.timeZone;
  const cap = countCap(s);
  const [result] = await rows<{ checked: number }>(Prisma.sql`
    WITH target AS MATERIALIZED (${target}),
    checked AS MATERIALIZED (
      SELECT r.id, w.hours, w.override, l.local_start,
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
      FROM target t
      JOIN call_records r ON r.id = t.id
      CROSS JOIN LATERAL (
        SELECT (r.start_time AT TIME ZONE ${tz})::time AS local_time, r.start_time AT TIME ZONE ${tz} AS local_start,
               date_trunc('day', r.start_time AT TIME ZONE ${tz}) AT TIME ZONE ${tz} AS day_start,
               (date_trunc('day', r.start_time AT TIME ZONE ${tz}) - interval '6 days') AT TIME ZONE ${tz} AS week_start
      ) l
      CROSS JOIN LATERAL (
        SELECT o.hours, o.override, split_part(o.hours, '-', 1)::time AS lo, split_part(o.hours, '-', 2)::time AS hi
        FROM (SELECT COALESCE(j.calling_hours, ${s.callingHours}) AS hours, j.calling_hours IS NOT NULL AS override
              FROM (SELECT 1) one
              LEFT JOIN robot_call_jobs j ON j.robot_call_job_id = r.robot_call_job_id) o
      ) w
      -- The number's nearest earlier calls in the 7 days, at most the cap (one backward range of the
      -- (number, start_time, id) index). The day's calls come first in that order, so both counts are
      -- exact up to the cap, and the flags exact since the cap is at least each limit.
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE e.start_time >= l.day_start) AS day_n, count(*) AS week_n,
               (array_agg(e.call_record_id::text ORDER BY e.start_time DESC, e.id DESC)
                  FILTER (WHERE e.start_time >= l.day_start))[1:${MAX_LINKED_CALLS}] AS day_earlier,
               (array_agg(e.call_record_id::text ORDER BY e.start_time DESC, e.id DESC))[1:${MAX_LINKED_CALLS}] AS week_earlier
        FROM (
          SELECT c.id, c.call_record_id, c.start_time FROM call_records c
          WHERE c.called_phone_number = r.called_phone_number
            AND (c.start_time, c.id) < (r.start_time, r.id) AND c.start_time >= l.week_start
          ORDER BY c.start_time DESC, c.id DESC LIMIT ${cap}::int
        ) e
      ) f ON r.called_phone_number IS NOT NULL AND r.start_time IS NOT NULL
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
    ),
    removed AS (
      -- An array, not a join: the planner reads the findings' record_id index for the few targets,
      -- where a join with the CTE (estimated at thousands of rows) made it scan every finding.
      DELETE FROM compliance_findings f
      WHERE f.record_id = ANY (ARRAY(SELECT id FROM target)) AND f.kind IN ('hours', 'frequency', 'anomaly')
    ),
    added AS (
      INSERT INTO compliance_findings (record_id, kind, code, detail) SELECT id, kind, code, detail FROM found
    ),
    bits AS (
      SELECT id, (CASE WHEN hours_bad THEN ${HOURS}::int ELSE 0 END)
               | (CASE WHEN day_n >= ${s.maxCallsPerDay} OR week_n >= ${s.maxCallsPer7Days} THEN ${FREQUENCY}::int ELSE 0 END)
               | (CASE WHEN cardinality(anomalies) > 0 THEN ${ANOMALY}::int ELSE 0 END) AS flags
      FROM checked
    ),
    -- Only records whose bits change are written (a write moves the record between rollup groups).
    updated AS (
      UPDATE call_records r SET compliance_flags = (r.compliance_flags & ~${MASK}::int) | b.flags
      FROM bits b WHERE r.id = b.id AND (r.compliance_flags & ${MASK}::int) <> b.flags
    )
    SELECT count(*)::int AS checked FROM checked`);
  return result?.checked ?? 0;
}

/** A written record's number and start time, after the write and (for an update) before it. */
export interface WrittenCall {
  id: bigint;
  number: string | null;
  start: Date | null;
  oldNumber: string | null;
  oldStart: Date | null;
}

/**
 * After an ingest wrote `written`: checks them, and the later calls of the
 * same numbers within the frequency windows (their counts of earlier calls
 * changed: a call may have arrived late, moved or changed number).
 */
export async function checkAfterWrite(
  rows: RowReader,
  written: readonly WrittenCall[],
  s: ComplianceSettings = complianceSettings(),
): Promise<number> {
  if (written.length === 0) return 0;
  const ids = written.map((w) => w.id.toString());
  const at: { id: string[]; number: (string | null)[]; start: (string | null)[] } = { id: [], number: [], start: [] };
  for (const w of written) {
    at.id.push(w.id.toString());
    at.number.push(w.number);
    at.start.push(w.start?.toISOString() ?? null);
    if (
      w.oldNumber !== null &&
      w.oldStart !== null &&
      (w.oldNumber !== w.number || w.oldStart.getTime() !== w.start?.getTime())
    ) {
      at.id.push(w.id.toString());
      at.number.push(w.oldNumber);
      at.start.push(w.oldStart.toISOString());
    }
  }
  // A later call's check reads only its `cap` nearest earlier calls, so a written call changes the
  // check of the cap later calls that follow it at most (in (start_time, id) order; one more for the
  // call itself). Eight days cover every later call whose 7 display days include it, whatever the zone.
  const target = Prisma.sql`
    SELECT unnest(${ids}::text[]::bigint[]) AS id
    UNION
    SELECT later.id
    FROM unnest(${at.id}::text[]::bigint[], ${at.number}::text[], ${at.start}::text[]::timestamptz[]) AS s(id, number, start_time)
    CROSS JOIN LATERAL (
      SELECT c.id FROM call_records c
      WHERE c.called_phone_number = s.number AND (c.start_time, c.id) >= (s.start_time, s.id)
        AND c.start_time < s.start_time + interval '8 days'
      ORDER BY c.start_time, c.id LIMIT ${countCap(s) + 1}::int
    ) later
    WHERE s.number IS NOT NULL AND s.start_time IS NOT NULL`;
  return checkRecords(rows, target, s);
}
