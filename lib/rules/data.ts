import "server-only";
import { Prisma, prisma } from "../db/client";
import { BREAKS_LOCAL_RULES, EVER_ACCEPTED, IN_QUEUE, ruleRecords, settledBoundary, today } from "./sql";

/** Reads of the rules: the rules themselves, what each did today, and the dry run. */

export type Rule = NonNullable<Awaited<ReturnType<typeof getRule>>>;

export async function listRules() {
  return prisma.reportingRule.findMany({ orderBy: { id: "asc" } });
}

export async function getRule(id: bigint) {
  return prisma.reportingRule.findUnique({ where: { id } });
}

export interface RuleActivity {
  /** Records the rule queued today (its cap counts these). */
  queuedToday: number;
  accepted: number;
  /** Rejected by TOP, or given up after every attempt. */
  failed: number;
  /** Queued, on the wire or waiting for a retry. */
  waiting: number;
  batches: { id: bigint; day: string; status: string; total: number }[];
}

/** What a rule did today (its batch of the day, from the queue), and its recent batches. */
export async function ruleActivity(ruleId: bigint, timeZone: string): Promise<RuleActivity> {
  const [states, batches] = await Promise.all([
    prisma.$queryRaw<{ state: string; n: number }[]>`
      SELECT j.state::text AS state, count(*)::int AS n FROM submission_jobs j
      WHERE j.batch_id IN (SELECT id FROM submission_batches WHERE rule_id = ${ruleId} AND rule_day = ${today(timeZone)})
      GROUP BY 1`,
    prisma.$queryRaw<{ id: bigint; day: string; status: string; total: number; today: boolean }[]>`
      SELECT id, to_char(rule_day, 'YYYY-MM-DD') AS day, status::text AS status, total, rule_day = ${today(timeZone)} AS today
      FROM submission_batches WHERE rule_id = ${ruleId} ORDER BY id DESC LIMIT 10`,
  ]);
  const count = (...s: string[]) => states.filter((r) => s.includes(r.state)).reduce((a, r) => a + r.n, 0);
  return {
    queuedToday: batches.filter((b) => b.today).reduce((a, b) => a + b.total, 0),
    accepted: count("accepted"),
    failed: count("rejected", "failed"),
    waiting: count("queued", "in_flight", "retrying"),
    batches: batches.map(({ today: _t, ...b }) => b),
  };
}

export const HELD_BACK_REASONS = [
  "accepted",
  "in_flight",
  "local_rules",
  "not_settled",
  "already_evaluated",
  "daily_cap",
] as const;
export type HeldBackReason = (typeof HELD_BACK_REASONS)[number];

export interface RuleDryRun {
  /** Records the filter matches now. */
  matching: number;
  /** Records the rule would queue on its next ticks (today's cap applied). */
  wouldSend: number;
  heldBack: { reason: HeldBackReason; count: number }[];
}

/**
 * What a rule would do now, with the engine's own conditions (sql.ts): every
 * record the filter matches, and why each one it would not send is held back.
 * For a saved rule, the records its walk has already passed are held back as
 * `already_evaluated`, and its cap counts what it queued today.
 */
export async function dryRunRule(
  input: { ruleId?: bigint; filter: string; settleSeconds: number; dailyCap: number | null },
  timeZone: string,
): Promise<RuleDryRun> {
  const saved = input.ruleId === undefined ? null : await getRule(input.ruleId);
  const cursorAt = saved?.cursorUpdatedAt ?? null;
  const cursorId = saved?.cursorId ?? 0n;
  const [row] = await prisma.$queryRaw<
    {
      matching: number;
      accepted: number;
      in_flight: number;
      local_rules: number;
      already_evaluated: number;
      not_settled: number;
      sendable: number;
      queued_today: number;
    }[]
  >(Prisma.sql`
    WITH x AS (
      SELECT r.updated_at, r.id, ${EVER_ACCEPTED} AS acc, ${IN_QUEUE} AS q, ${BREAKS_LOCAL_RULES} AS local,
             (r.updated_at, r.id) <= (COALESCE(${cursorAt}::timestamptz, '-infinity'), ${cursorId}::bigint) AS seen
      FROM ${ruleRecords(input.filter, timeZone)}
    ), b AS (SELECT ${settledBoundary(input.settleSeconds)} AS boundary)
    SELECT count(*)::int AS matching,
      count(*) FILTER (WHERE acc)::int AS accepted,
      count(*) FILTER (WHERE NOT acc AND q)::int AS in_flight,
      count(*) FILTER (WHERE NOT acc AND NOT q AND local)::int AS local_rules,
      count(*) FILTER (WHERE NOT acc AND NOT q AND NOT local AND seen)::int AS already_evaluated,
      count(*) FILTER (WHERE NOT acc AND NOT q AND NOT local AND NOT seen AND updated_at >= b.boundary)::int AS not_settled,
      count(*) FILTER (WHERE NOT acc AND NOT q AND NOT local AND NOT seen AND updated_at < b.boundary)::int AS sendable,
      (SELECT COALESCE(sum(total), 0)::int FROM submission_batches
       WHERE rule_id = ${input.ruleId ?? null}::bigint AND rule_day = ${today(timeZone)}) AS queued_today
    FROM x, b`);
  const r = row!;
  const room = input.dailyCap === null ? Infinity : Math.max(0, input.dailyCap - r.queued_today);
  const wouldSend = Math.min(r.sendable, room);
  const counts: Record<HeldBackReason, number> = {
    accepted: r.accepted,
    in_flight: r.in_flight,
    local_rules: r.local_rules,
    not_settled: r.not_settled,
    already_evaluated: r.already_evaluated,
    daily_cap: r.sendable - wouldSend,
  };
  return {
    matching: r.matching,
    wouldSend,
    heldBack: HELD_BACK_REASONS.filter((k) => counts[k] > 0).map((reason) => ({ reason, count: counts[reason] })),
  };
}
