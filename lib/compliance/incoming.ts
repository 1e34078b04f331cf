import "server-only";
import type { NormalizedCallRecord } from "../call-records/schema";
import { Prisma, type RowReader } from "../db/client";
import { textColumn } from "../db/text-column";
import { checkCtes, checkedBits } from "./check-sql";
import type { ComplianceSettings } from "./checks";

/** What the checks read of an incoming call. */
export type IncomingCall = Pick<
  NormalizedCallRecord,
  | "callRecordId"
  | "robotCallJobId"
  | "calledPhoneNumber"
  | "resultStatus"
  | "fullAudioUrl"
  | "chatDuration"
  | "startTime"
  | "endTime"
>;

/**
 * The checked fields of `calls` as parallel arrays for `unnest`, in the
 * order of the table's columns call_record_id … end_time: the check reads
 * them, and the ingest's upsert writes them after the id and the flags.
 */
export function incomingCallArrays(calls: readonly IncomingCall[]): Prisma.Sql {
  const col = <T>(pick: (c: IncomingCall) => T | null, str?: (v: T) => string) => textColumn(calls, pick, str);
  const iso = (d: Date) => d.toISOString();
  return Prisma.sql`${col((c) => c.callRecordId)}::text[]::bigint[],
    ${col((c) => c.robotCallJobId)}::text[]::bigint[],
    ${col((c) => c.calledPhoneNumber)}::text[],
    ${col((c) => c.resultStatus)}::text[],
    ${col((c) => c.fullAudioUrl)}::text[],
    ${col((c) => c.chatDuration)}::text[]::integer[],
    ${col((c) => c.startTime, iso)}::text[]::timestamptz[],
    ${col((c) => c.endTime, iso)}::text[]::timestamptz[]`;
}

export interface IncomingFinding {
  kind: string;
  code: string;
  detail: Prisma.JsonObject;
}

/** An incoming call's outcome: the id it will be stored under, its bits of the checked kinds and its findings. */
export interface IncomingCheck {
  id: bigint;
  flags: number;
  findings: IncomingFinding[];
}

/**
 * Checks a batch of calls before they are written, so the write stores their
 * flags and findings at once (a second write of each flagged record would
 * cost as much as the first: the flags are indexed).
 *
 * The batch is checked as it will be stored: the stored calls it replaces
 * are left out, and its calls count as each other's earlier calls. A new
 * call's place in the (start_time, id) order needs its id, so new calls get
 * theirs here, from the table's sequence, and the write stores them under it
 * (a stored call keeps its own). Keyed by call_record_id.
 */
export async function checkIncoming(
  rows: RowReader,
  calls: readonly IncomingCall[],
  s: ComplianceSettings,
): Promise<Map<bigint, IncomingCheck>> {
  const checks = new Map<bigint, IncomingCheck>();
  if (calls.length === 0) return checks;
  const found = await rows<{ id: bigint; call_record_id: string; flags: number; findings: IncomingFinding[] }>(
    Prisma.sql`
    WITH incoming AS MATERIALIZED (
      SELECT p.id AS stored_id, u.*
      FROM unnest(
        ${incomingCallArrays(calls)}
      ) AS u(call_record_id, robot_call_job_id, called_phone_number, result_status, full_audio_url, chat_duration,
             start_time, end_time)
      LEFT JOIN call_records p ON p.call_record_id = u.call_record_id
    ),
    -- New calls take their ids in call_record_id order, as the upsert writes them (its lock order).
    subject AS MATERIALIZED (
      SELECT COALESCE(i.stored_id, nextval('call_records_id_seq')) AS id, i.*
      FROM (SELECT * FROM incoming ORDER BY call_record_id) i
    ),
    ${checkCtes(s, {
      exclude: Prisma.sql`ARRAY(SELECT stored_id FROM subject WHERE stored_id IS NOT NULL)`,
      withinSubjects: true,
    })}
    SELECT c.id, c.call_record_id::text AS call_record_id, ${checkedBits(s)} AS flags,
           COALESCE(f.findings, '[]'::jsonb) AS findings
    FROM checked c
    LEFT JOIN (
      SELECT id AS finding_of, jsonb_agg(jsonb_build_object('kind', kind, 'code', code, 'detail', detail)) AS findings
      FROM found GROUP BY id
    ) f ON f.finding_of = c.id`,
  );
  for (const r of found) checks.set(BigInt(r.call_record_id), { id: r.id, flags: r.flags, findings: r.findings });
  return checks;
}
