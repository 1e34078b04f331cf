import { Prisma } from "../db/client";

/**
 * A record is `in_flight` while a job of it is on the wire to TOP. That state
 * lives in the queue only (submission_jobs.state), not in call_records: the
 * record keeps the state it was queued with (`queued` or `retrying`) until its
 * answer is settled. Writing `in_flight` into call_records cost every record
 * one more non-HOT update of the table and its indexes per attempt (a large
 * share of the worker's database time on a big table), for a state that lasts
 * milliseconds.
 *
 * Readers overlay it: the set in flight is bounded by the workers'
 * concurrency (a few hundred jobs at most, read through the partial index
 * `submission_jobs_lease_idx`), so every list, count, facet and export adds
 * it for the price of one small hashed subquery.
 */

const IN_FLIGHT_RECORD_IDS_SQL = "SELECT record_id FROM submission_jobs WHERE state = 'in_flight'";
/** Ids (call_records.id) of the records with a job on the wire. */
export const IN_FLIGHT_RECORD_IDS = Prisma.raw(IN_FLIGHT_RECORD_IDS_SQL);

/**
 * The record's submission state as users see it (text), over the unqualified
 * columns of call_records. SQL text, for the export's column list.
 */
export const EFFECTIVE_SUBMISSION_STATE_SQL = `CASE WHEN id IN (${IN_FLIGHT_RECORD_IDS_SQL}) THEN 'in_flight' ELSE submission_state::text END`;
export const EFFECTIVE_SUBMISSION_STATE = Prisma.raw(EFFECTIVE_SUBMISSION_STATE_SQL);

/** States a record may be stored with while its job is in flight. */
const STORED_WHILE_IN_FLIGHT = new Set(["queued", "retrying"]);

/**
 * WHERE condition for a submission filter over the states users see:
 * `in_flight` from the queue, `queued`/`retrying` without the records in
 * flight, the other states as stored. The state parameters are cast, not the
 * column, so the (submission_state, start_time) index stays usable.
 */
export function submissionStateCondition(states: readonly string[]): Prisma.Sql {
  const cast = (list: readonly string[]) => Prisma.join(list.map((s) => Prisma.sql`${s}::submission_state`));
  const stored = states.filter((s) => s !== "in_flight");
  const plain = stored.filter((s) => !STORED_WHILE_IN_FLIGHT.has(s));
  const shadowed = stored.filter((s) => STORED_WHILE_IN_FLIGHT.has(s));
  const alternatives: Prisma.Sql[] = [];
  if (plain.length) alternatives.push(Prisma.sql`submission_state IN (${cast(plain)})`);
  if (shadowed.length)
    alternatives.push(Prisma.sql`(submission_state IN (${cast(shadowed)}) AND id NOT IN (${IN_FLIGHT_RECORD_IDS}))`);
  if (states.includes("in_flight")) alternatives.push(Prisma.sql`id IN (${IN_FLIGHT_RECORD_IDS})`);
  return alternatives.length === 1 ? alternatives[0]! : Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

/**
 * Rows in the rollups' columns that move each record in flight from its
 * stored submission state to `in_flight` (-1 there, +1 here; every other
 * dimension and the talk measures cancel out). Added to every rollup source,
 * they make counts by submission state exact as users see them. The
 * dimensions come from `call_record_rollup_key`, the SQL function the delta
 * trigger and the recount use (migration 20261204140000_rollup_key_function).
 */
export const IN_FLIGHT_ROLLUP_ROWS = Prisma.sql`
  SELECT k.day, k.robot_call_job_id, k.result_status, k.has_intent, k.intent_level_tag_id, k.intent_level_code,
         s.state AS submission_state, k.review_state, k.has_audio, k.compliance_flags,
         s.sign::bigint AS records,
         CASE WHEN k.talk IS NOT NULL THEN s.sign ELSE 0 END::bigint AS talk_records,
         (COALESCE(k.talk, 0) * s.sign)::bigint AS talk_seconds
  FROM submission_jobs j
  JOIN call_records r ON r.id = j.record_id
  -- The zone as a join, not a subquery argument: PostgreSQL inlines the function only without one.
  CROSS JOIN (SELECT time_zone FROM call_record_rollup_settings WHERE id = 1) z
  CROSS JOIN LATERAL call_record_rollup_key(r, z.time_zone) k
  CROSS JOIN LATERAL (VALUES (r.submission_state, -1), ('in_flight'::submission_state, 1)) AS s(state, sign)
  WHERE j.state = 'in_flight' AND r.submission_state <> 'in_flight'`;
