import { Prisma, prisma } from "../../lib/db/client";
import { jobTotals } from "../../lib/call-records/rollups";

/**
 * The rollups' own check, shared by the tests that change records
 * (lib/call-records/rollups.test.ts, lib/retention/run.test.ts).
 */

const DIMS = Prisma.sql`day, robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio, compliance_flags`;

/**
 * Differences between the rollups (plus pending deltas) and a fresh GROUP BY
 * over call_records, daily and all-time, read in one snapshot so that other
 * test files writing meanwhile cannot make them disagree.
 */
export async function rollupDrift(): Promise<{ daily: unknown[]; total: unknown[] }> {
  return prisma.$transaction(
    async (tx) => {
      const fresh = Prisma.sql`
        SELECT COALESCE((start_time AT TIME ZONE (SELECT time_zone FROM call_record_rollup_settings))::date, 'infinity'::date) AS day,
               robot_call_job_id, COALESCE(result_status, '') AS result_status,
               (intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL) AS has_intent,
               CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_tag_id ELSE 0 END AS intent_level_tag_id,
               CASE WHEN intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL THEN intent_level_code ELSE 0 END AS intent_level_code,
               submission_state, review_state, full_audio_url IS NOT NULL AS has_audio, compliance_flags,
               count(*)::bigint AS records,
               count(chat_duration) FILTER (WHERE result_status = 'ANSWERED')::bigint AS talk_records,
               COALESCE(sum(chat_duration) FILTER (WHERE result_status = 'ANSWERED'), 0)::bigint AS talk_seconds
        FROM call_records GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
      const kept = (table: Prisma.Sql) => Prisma.sql`
        SELECT ${DIMS}, sum(records)::bigint AS records, sum(talk_records)::bigint AS talk_records, sum(talk_seconds)::bigint AS talk_seconds
        FROM (SELECT ${DIMS}, records, talk_records, talk_seconds FROM ${table}
              UNION ALL SELECT ${DIMS}, records, talk_records, talk_seconds FROM call_record_rollup_deltas) k
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(records) <> 0 OR sum(talk_records) <> 0 OR sum(talk_seconds) <> 0`;
      const daily = await tx.$queryRaw<unknown[]>(Prisma.sql`
        (${fresh} EXCEPT ${kept(Prisma.sql`call_record_daily_rollups`)}) UNION ALL (${kept(Prisma.sql`call_record_daily_rollups`)} EXCEPT ${fresh})`);
      const totalDims = Prisma.sql`robot_call_job_id, result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio, compliance_flags`;
      const freshTotal = Prisma.sql`SELECT ${totalDims}, sum(records)::bigint, sum(talk_records)::bigint, sum(talk_seconds)::bigint FROM (${fresh}) f GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
      const keptTotal = Prisma.sql`
        SELECT ${totalDims}, sum(records)::bigint, sum(talk_records)::bigint, sum(talk_seconds)::bigint
        FROM (SELECT ${totalDims}, records, talk_records, talk_seconds FROM call_record_rollups
              UNION ALL SELECT ${totalDims}, records, talk_records, talk_seconds FROM call_record_rollup_deltas) k
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(records) <> 0 OR sum(talk_records) <> 0 OR sum(talk_seconds) <> 0`;
      const total = await tx.$queryRaw<unknown[]>(
        Prisma.sql`(${freshTotal} EXCEPT ${keptTotal}) UNION ALL (${keptTotal} EXCEPT ${freshTotal})`,
      );
      // Over all jobs, all time and by day.
      const level = (dims: Prisma.Sql, table: Prisma.Sql) => {
        const f = Prisma.sql`SELECT ${dims}, sum(records)::bigint, sum(talk_records)::bigint, sum(talk_seconds)::bigint FROM (${fresh}) f GROUP BY ${dims}`;
        const k = Prisma.sql`
          SELECT ${dims}, sum(records)::bigint, sum(talk_records)::bigint, sum(talk_seconds)::bigint
          FROM (SELECT ${dims}, records, talk_records, talk_seconds FROM ${table}
                UNION ALL SELECT ${dims}, records, talk_records, talk_seconds FROM call_record_rollup_deltas) k
          GROUP BY ${dims} HAVING sum(records) <> 0 OR sum(talk_records) <> 0 OR sum(talk_seconds) <> 0`;
        return tx.$queryRaw<unknown[]>(Prisma.sql`(${f} EXCEPT ${k}) UNION ALL (${k} EXCEPT ${f})`);
      };
      const globalDims = Prisma.sql`result_status, has_intent, intent_level_tag_id, intent_level_code, submission_state, review_state, has_audio, compliance_flags`;
      const global = [
        ...(await level(globalDims, Prisma.sql`call_record_global_rollups`)),
        ...(await level(Prisma.sql`day, ${globalDims}`, Prisma.sql`call_record_global_daily_rollups`)),
      ];
      // The jobs overview's totals against the records.
      const jobs = await tx.$queryRaw<unknown[]>(Prisma.sql`
        WITH f AS (
          SELECT robot_call_job_id, count(*)::bigint AS records, count(*) FILTER (WHERE result_status = 'ANSWERED')::bigint AS answered,
                 count(*) FILTER (WHERE submission_state IN ('rejected', 'failed'))::bigint AS rejected,
                 count(*) FILTER (WHERE review_state = 'flagged')::bigint AS flagged,
                 min(start_time) AS first_call, max(start_time) AS last_call
          FROM call_records GROUP BY 1),
        k AS (
          SELECT job_id, total, answered, rejected, flagged, first_call, last_call FROM ${jobTotals()} t)
        (SELECT * FROM f EXCEPT SELECT * FROM k) UNION ALL (SELECT * FROM k EXCEPT SELECT * FROM f)`);
      return { daily, total: [...total, ...global, ...jobs] };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}
