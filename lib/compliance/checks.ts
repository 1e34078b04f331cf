import "server-only";
import { Prisma, type RowReader } from "../db/client";
import { getEnv, type Env } from "../env";
import { CHECKED_MASK, checkCtes, checkedBits, clearCheckedFindings, type CheckSettings } from "./check-sql";

/**
 * The automatic checks of every call: calling hours, contact frequency and
 * anomalies (the phrase rules are the transcripts' own writer). Each run
 * writes only these three kinds: their bits of `compliance_flags` and their
 * rows of `compliance_findings`, so the phrase writer's results stay as they
 * are. Set-based: one statement checks a whole batch.
 */

export interface ComplianceSettings extends CheckSettings {
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

/**
 * Checks the records `target` selects (a query of one column, `id`) and
 * rewrites their flags and findings of the checked kinds; returns how many
 * records were checked.
 */
export async function checkRecords(rows: RowReader, target: Prisma.Sql, s: ComplianceSettings): Promise<number> {
  const [result] = await rows<{ checked: number }>(Prisma.sql`
    WITH target AS MATERIALIZED (${target}),
    subject AS MATERIALIZED (
      SELECT r.id, r.call_record_id, r.robot_call_job_id, r.called_phone_number, r.result_status, r.full_audio_url,
             r.chat_duration, r.start_time, r.end_time
      FROM target t JOIN call_records r ON r.id = t.id
    ),
    ${checkCtes(s, { exclude: null, withinSubjects: false })},
    removed AS (${clearCheckedFindings(Prisma.sql`ARRAY(SELECT id FROM target)`)}),
    added AS (
      INSERT INTO compliance_findings (record_id, kind, code, detail) SELECT id, kind, code, detail FROM found
    ),
    bits AS (SELECT id, ${checkedBits(s)} AS flags FROM checked),
    -- Only records whose bits change are written (a write moves the record between rollup groups).
    updated AS (
      UPDATE call_records r SET compliance_flags = (r.compliance_flags & ~${CHECKED_MASK}::int) | b.flags
      FROM bits b WHERE r.id = b.id AND (r.compliance_flags & ${CHECKED_MASK}::int) <> b.flags
    )
    SELECT count(*)::int AS checked FROM checked`);
  return result?.checked ?? 0;
}
