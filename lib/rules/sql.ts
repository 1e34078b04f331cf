import { Prisma } from "../db/client";
import { parseCallFilters } from "../call-records/query/filters";
import { callFiltersWhere } from "../call-records/query/where";
import { VIOLATES_LOCAL_RULES } from "../submissions/local-rules";

/**
 * The SQL a rule is made of, shared by the engine (what it queues) and the
 * dry run (what it would queue, and why not the rest), so the two cannot
 * disagree.
 */

/**
 * The rule's filter as a row source aliased `r`: the /calls WHERE builder over
 * call_records, with `extra` conditions (the engine's scan window). Kept as a
 * plain WHERE on the table (not `id IN (SELECT … filter)`), so that PostgreSQL
 * applies the filter to the few thousand rows of a scan window only.
 */
export function ruleRecords(filter: string, timeZone: string, extra: Prisma.Sql[] = []): Prisma.Sql {
  const { filters } = parseCallFilters(new URLSearchParams(filter));
  return Prisma.sql`(SELECT * FROM call_records ${callFiltersWhere({ ...filters, cursor: undefined }, timeZone, extra)}) r`;
}

/** TOP holds it: accepted now, or at any time before (a rule never resends). */
export const EVER_ACCEPTED = Prisma.sql`(r.submission_state = 'accepted'
  OR EXISTS (SELECT 1 FROM submission_attempts a WHERE a.record_id = r.id AND a.outcome = 'accepted'))`;

/** Waiting in a queue or on the wire to TOP. */
export const IN_QUEUE = Prisma.sql`EXISTS (SELECT 1 FROM submission_jobs j WHERE j.record_id = r.id AND j.state IN ('queued', 'in_flight', 'retrying'))`;

export const BREAKS_LOCAL_RULES = VIOLATES_LOCAL_RULES;

/**
 * The newest last-change instant a rule may act on now: the settle delay ago,
 * and never later than the start of the oldest transaction still open. A row
 * is stamped with its writer's transaction start (updated_at = now()) but
 * becomes visible at commit: a long ingest could otherwise commit rows behind
 * a cursor that had already passed their instant, and the rule would never
 * see them.
 */
export function settledBoundary(settleSeconds: number): Prisma.Sql {
  return Prisma.sql`LEAST(now() - ${settleSeconds} * interval '1 second',
    COALESCE((SELECT min(xact_start) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                AND xact_start IS NOT NULL), now()))`;
}

/** Today's calendar day in the display time zone: a rule's batch and cap are per day. */
export function today(timeZone: string): Prisma.Sql {
  return Prisma.sql`(now() AT TIME ZONE ${timeZone})::date`;
}
