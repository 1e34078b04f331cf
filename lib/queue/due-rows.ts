import { Prisma } from "../db/client";

/**
 * The rows of a leased queue a worker may claim now, locked for it: waiting
 * ones whose time has come, and in-flight ones whose worker's lease ran out.
 * `table` and `key` are the queue's own names (never input).
 */
export function dueRows(table: string, key: string, scope: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
      SELECT ${Prisma.raw(key)} FROM ${Prisma.raw(table)}
      WHERE ((state IN ('queued', 'retrying') AND next_attempt_at <= now())
         OR (state = 'in_flight' AND lease_until < now()))
      ${scope}
      ORDER BY next_attempt_at, ${Prisma.raw(key)}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
}
