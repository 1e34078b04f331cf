import "server-only";
import { Prisma, prisma } from "../db/client";

export interface LastOutcome {
  attempts: number;
  last: { count: number | null; success: boolean | null; code: string | null; message: string | null } | null;
}

/**
 * Attempts made and the last answer of each record (by internal id): TOP's
 * LvmsResultDto, or the error_response's code and message. One query, each
 * record's newest attempt read from the (record_id, id) index.
 */
export async function lastOutcomes(recordIds: bigint[]): Promise<Map<bigint, LastOutcome>> {
  if (!recordIds.length) return new Map();
  const rows = await prisma.$queryRaw<
    {
      id: bigint;
      attempts: number;
      has: boolean;
      count: number | null;
      success: boolean | null;
      code: string | null;
      message: string | null;
    }[]
  >(Prisma.sql`
    SELECT r.id, r.submission_attempts AS attempts, a.id IS NOT NULL AS has, a.result_count AS count, a.result_success AS success,
           COALESCE(a.result_code, a.error_sub_code, a.error_code::text) AS code, COALESCE(a.result_message, a.error_sub_msg, a.error_msg, a.transport_error) AS message
    FROM call_records r
    LEFT JOIN LATERAL (SELECT * FROM submission_attempts s WHERE s.record_id = r.id ORDER BY s.id DESC LIMIT 1) a ON true
    WHERE r.id IN (${Prisma.join(recordIds)})`);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        attempts: r.attempts,
        last: r.has ? { count: r.count, success: r.success, code: r.code, message: r.message } : null,
      },
    ]),
  );
}
