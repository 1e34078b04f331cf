import "server-only";
import { inTransaction, Prisma, prisma } from "../db/client";
import { earlierCallsCap } from "./check-sql";
import { checkRecords, complianceSettings, type ComplianceSettings } from "./checks";

/**
 * Rechecks of the calls that follow a written one. A call that arrives late,
 * moves or changes number changes the frequency check of the calls after it
 * (their counts of earlier calls). The ingest checks its own calls in its
 * transaction and queues the places it wrote to (and left) in
 * compliance_followups, only where a later call is stored; the worker
 * rechecks those calls here, so an ingest does not pay for other calls'
 * checks. Until the worker has run, a later call's flags are those of its own
 * last check.
 */

export const FOLLOWUP_CHUNK = 500;

/**
 * The data-modifying CTE of the ingest's upsert that queues the followups.
 * Reads `upserted` (id, call_record_id, inserted, called_phone_number,
 * start_time) and `prior` (call_record_id, called_phone_number, start_time:
 * the stored version). Its EXISTS runs in the statement's snapshot, which
 * has none of the batch's rows: those were checked with each other already.
 */
export const queueFollowupsCte = Prisma.sql`
    followups AS (
      INSERT INTO compliance_followups (called_phone_number, start_time, after_id)
      SELECT s.number, s.start_time, s.id
      FROM upserted u
      LEFT JOIN prior p ON p.call_record_id = u.call_record_id AND NOT u.inserted
      CROSS JOIN LATERAL (VALUES (u.id, u.called_phone_number, u.start_time),
                                 (u.id, p.called_phone_number, p.start_time)) AS s(id, number, start_time)
      WHERE (u.inserted OR (p.called_phone_number, p.start_time) IS DISTINCT FROM (u.called_phone_number, u.start_time))
        AND s.number IS NOT NULL AND s.start_time IS NOT NULL
        AND EXISTS (
          SELECT 1 FROM call_records c
          WHERE c.called_phone_number = s.number AND (c.start_time, c.id) > (s.start_time, s.id)
            AND c.start_time < s.start_time + interval '8 days')
    )`;

/**
 * Takes up to `chunk` queued followups and rechecks the calls after each;
 * returns how many followups it took (0: none queued). A later call's check
 * reads only its `cap` nearest earlier calls, so a written call changes the
 * check of the cap later calls that follow it at most. Eight days cover every
 * later call whose 7 display days include it, whatever the zone.
 */
export async function runFollowupChunk(
  s: ComplianceSettings = complianceSettings(),
  chunk = FOLLOWUP_CHUNK,
): Promise<number> {
  return inTransaction(async (rows) => {
    const taken = await rows<{ number: string; start_time: Date; after_id: bigint }>(Prisma.sql`
      DELETE FROM compliance_followups WHERE id IN (
        SELECT id FROM compliance_followups ORDER BY id LIMIT ${chunk}::int FOR UPDATE SKIP LOCKED)
      RETURNING called_phone_number AS number, start_time, after_id`);
    if (taken.length === 0) return 0;
    const target = Prisma.sql`
      SELECT DISTINCT later.id
      FROM unnest(${taken.map((t) => t.number)}::text[], ${taken.map((t) => t.start_time.toISOString())}::text[]::timestamptz[],
                  ${taken.map((t) => t.after_id.toString())}::text[]::bigint[]) AS s(number, start_time, id)
      CROSS JOIN LATERAL (
        SELECT c.id FROM call_records c
        WHERE c.called_phone_number = s.number AND (c.start_time, c.id) > (s.start_time, s.id)
          AND c.start_time < s.start_time + interval '8 days'
        ORDER BY c.start_time, c.id LIMIT ${earlierCallsCap(s)}::int
      ) later`;
    await checkRecords(rows, target, s);
    return taken.length;
  });
}

/** Runs every queued followup (another process's chunk under way is left to it); returns how many it took. */
export async function runFollowups(s: ComplianceSettings = complianceSettings()): Promise<number> {
  let total = 0;
  for (let n; (n = await runFollowupChunk(s)) > 0;) total += n;
  return total;
}

/** How many followups wait (the worker's backlog, for /metrics and the tests). */
export async function queuedFollowups(): Promise<number> {
  return prisma.complianceFollowup.count();
}
