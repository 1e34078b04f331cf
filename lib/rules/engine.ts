import "server-only";
import { Prisma, prisma } from "../db/client";
import { batchHasUnfinishedJobs } from "../submissions/queue-sql";
import { onRulePaused, type PausedRule } from "./paused";
import { BREAKS_LOCAL_RULES, EVER_ACCEPTED, IN_QUEUE, ruleRecords, settledBoundary, today } from "./sql";

/**
 * What the worker does with the enabled rules, tick after tick.
 *
 * The design, for a table of ten million records: a rule never rescans what it
 * has already looked at. It walks call_records in (updated_at, id) order from
 * its own high-water mark (reporting_rules.cursor_updated_at, cursor_id), on
 * the index call_records_updated_at_id_idx, a window of SCAN rows at a time
 * (a new rule catching up walks several windows per tick), and never past its settle boundary (sql.ts settledBoundary). Its filter and
 * the checks (never accepted, not queued, local rules) are applied to that
 * window only; matching records go into the rule's batch of the day as jobs,
 * and the mark moves to the end of the window. A tick with nothing new reads
 * one index probe. A record that changes again (a re-push) gets a new
 * updated_at, so it comes back in front of the mark and is looked at again;
 * its answers (settling) do not touch updated_at, so a rejected record is not
 * sent again and again. Changing a rule's filter starts its walk over.
 *
 * The daily cap stops the walk where the cap is reached (the mark stays at the
 * last record queued), so the rest is taken the next day. Each rule is worked
 * on under its row lock (FOR UPDATE SKIP LOCKED): any number of workers may
 * run ticks, and a rule is never evaluated twice at once.
 */

export const SCAN = 20_000;
/** A tick keeps walking full windows (a new rule catching up on the table) for at most this long. */
const TICK_BUDGET_MS = 1_000;
/** The breaker judges a rule only once it has this many answers (of its last 100). */
export const BREAKER_MIN_ANSWERS = 20;
const BREAKER_WINDOW = 100;

export interface RuleTickOptions {
  timeZone: string;
  /** RULE_REJECTION_PAUSE_PERCENT */
  rejectionPausePercent: number;
  scan?: number;
}

export interface TickResult {
  queued: number;
  paused: number;
}

/** One pass over every enabled rule. */
export async function evaluateRules(opts: RuleTickOptions): Promise<TickResult> {
  if (await holdForConfiguration()) return { queued: 0, paused: 0 };
  const rules = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM reporting_rules WHERE enabled AND paused_kind IS NULL ORDER BY id`;
  const result: TickResult = { queued: 0, paused: 0 };
  for (const { id } of rules) {
    const started = Date.now();
    for (;;) {
      const r = await evaluateRule(id, opts);
      result.queued += r.queued;
      if (r.paused) result.paused++;
      if (!r.full || Date.now() - started > TICK_BUDGET_MS) break;
    }
  }
  return result;
}

/**
 * A batch paused by a configuration error (the /submissions banner) pauses
 * every rule: whatever they queued would fail the same way. They resume on
 * their own once no batch is paused any more.
 */
export async function holdForConfiguration(): Promise<boolean> {
  const [batch] = await prisma.$queryRaw<{ id: bigint; paused_reason: string | null }[]>`
    SELECT id, paused_reason FROM submission_batches WHERE status = 'paused' ORDER BY id LIMIT 1`;
  if (!batch) {
    await prisma.$executeRaw`
      UPDATE reporting_rules SET paused_kind = NULL, paused_reason = NULL, paused_at = NULL WHERE paused_kind = 'config'`;
    return false;
  }
  const reason = `Batch #${batch.id} is paused: ${batch.paused_reason ?? "configuration error"}`;
  const paused = await prisma.$queryRaw<PausedRule[]>`
    UPDATE reporting_rules SET paused_kind = 'config', paused_reason = ${reason}, paused_at = now()
    WHERE enabled AND paused_kind IS NULL RETURNING id, name, updated_by AS "updatedBy"`;
  for (const rule of paused) await onRulePaused(rule, reason);
  return true;
}

interface LockedRule {
  id: bigint;
  name: string;
  filter: string;
  settle_seconds: number;
  daily_cap: number | null;
  updated_by: string;
  cursor_updated_at: Date | null;
  cursor_id: bigint;
  breaker_since: Date;
}

/** One rule's tick: the breaker, then the next window of its walk. */
export async function evaluateRule(
  ruleId: bigint,
  opts: RuleTickOptions,
): Promise<{ queued: number; paused: boolean; full: boolean; batchId?: bigint }> {
  const outcome = await prisma.$transaction(
    async (
      tx,
    ): Promise<{
      queued: number;
      full?: boolean;
      batchId?: bigint;
      paused?: { rule: PausedRule; breaker: string };
    }> => {
      const [rule] = await tx.$queryRaw<LockedRule[]>`
        SELECT id, name, filter, settle_seconds, daily_cap, updated_by, cursor_updated_at, cursor_id, breaker_since
        FROM reporting_rules WHERE id = ${ruleId} AND enabled AND paused_kind IS NULL FOR UPDATE SKIP LOCKED`;
      if (!rule) return { queued: 0 };

      const breaker = await rejectionBreaker(tx, rule, opts.rejectionPausePercent);
      if (breaker) {
        await tx.$executeRaw`
          UPDATE reporting_rules SET paused_kind = 'rejections', paused_reason = ${breaker}, paused_at = now() WHERE id = ${rule.id}`;
        return { queued: 0, paused: { rule: { id: rule.id, name: rule.name, updatedBy: rule.updated_by }, breaker } };
      }

      // A batch marked done by a settle racing with the insert below is running again (its jobs are waiting).
      await tx.$executeRaw`
        UPDATE submission_batches b SET status = 'running', finished_at = NULL, final_counts = NULL
        WHERE b.rule_id = ${rule.id} AND b.status = 'done'
          AND ${batchHasUnfinishedJobs}`;

      const [day] = await tx.$queryRaw<{ boundary: Date; today: Date; queued_today: number }[]>`
        SELECT ${settledBoundary(rule.settle_seconds)} AS boundary, ${today(opts.timeZone)} AS today,
          (SELECT COALESCE(sum(total), 0)::int FROM submission_batches
           WHERE rule_id = ${rule.id} AND rule_day = ${today(opts.timeZone)}) AS queued_today`;
      const room = rule.daily_cap === null ? Infinity : rule.daily_cap - day!.queued_today;
      if (room <= 0) return { queued: 0 };

      const limit = opts.scan ?? SCAN;
      const rows = await tx.$queryRaw<{ id: bigint; updated_at: Date; is_end: boolean; scanned: number }[]>(Prisma.sql`
        WITH scan AS (
          SELECT id, updated_at FROM call_records
          WHERE (updated_at, id) > (COALESCE(${rule.cursor_updated_at}::timestamptz, '-infinity'), ${rule.cursor_id}::bigint)
            AND updated_at < ${day!.boundary}::timestamptz
          ORDER BY updated_at, id LIMIT ${limit}
        )
        (SELECT r.id, r.updated_at, false AS is_end, 0 AS scanned
         FROM ${ruleRecords(rule.filter, opts.timeZone, [Prisma.sql`id IN (SELECT id FROM scan)`])}
         WHERE NOT ${EVER_ACCEPTED} AND NOT ${IN_QUEUE} AND NOT ${BREAKS_LOCAL_RULES}
         ORDER BY r.updated_at, r.id)
        UNION ALL
        (SELECT id, updated_at, true, (SELECT count(*)::int FROM scan) FROM scan ORDER BY updated_at DESC, id DESC LIMIT 1)`);
      const end = rows.find((r) => r.is_end);
      if (!end) return { queued: 0 };
      let picked = rows
        .filter((r) => !r.is_end)
        .sort((a, b) => a.updated_at.getTime() - b.updated_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let mark = end;
      let full = end.scanned >= limit;
      if (picked.length > room) {
        picked = picked.slice(0, room);
        mark = picked[picked.length - 1]!;
        full = false;
      }
      let queued = 0;
      let batchId: bigint | undefined;
      if (picked.length > 0) {
        batchId = await batchOfToday(tx, rule, opts.timeZone);
        queued = await queueInto(
          tx,
          batchId,
          picked.map((r) => r.id),
        );
      }
      await tx.$executeRaw`
        UPDATE reporting_rules SET cursor_updated_at = ${mark.updated_at}, cursor_id = ${mark.id} WHERE id = ${rule.id}`;
      return { queued, batchId, full };
    },
    { timeout: 60_000 },
  );
  if (outcome.paused) {
    await onRulePaused(outcome.paused.rule, outcome.paused.breaker);
    return { queued: 0, paused: true, full: false };
  }
  return {
    queued: outcome.queued,
    paused: false,
    full: outcome.full ?? false,
    batchId: outcome.batchId,
  };
}

type Tx = Prisma.TransactionClient;

/**
 * The rejection breaker: of the rule's last 100 answers from TOP (accepted or
 * rejected, since the rule was last resumed), more than `percent` rejected.
 * Returns the reason, or null.
 */
async function rejectionBreaker(tx: Tx, rule: LockedRule, percent: number): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ n: number; rejected: number }[]>`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected FROM (
      SELECT a.outcome FROM submission_attempts a
      WHERE a.batch_id IN (SELECT id FROM submission_batches WHERE rule_id = ${rule.id})
        AND a.outcome IN ('accepted', 'rejected') AND a.answered_at > ${rule.breaker_since}
      ORDER BY a.id DESC LIMIT ${BREAKER_WINDOW}) last`;
  const n = row?.n ?? 0;
  const rejected = row?.rejected ?? 0;
  if (n < BREAKER_MIN_ANSWERS || rejected * 100 <= percent * n) return null;
  return `TOP rejected ${rejected} of the rule's last ${n} records (${Math.round((rejected * 100) / n)}%, above ${percent}%)`;
}

/** The rule's open batch of the day, made when it has its first record (a normal batch on /submissions). */
async function batchOfToday(tx: Tx, rule: LockedRule, timeZone: string): Promise<bigint> {
  const [open] = await tx.$queryRaw<{ id: bigint; status: string }[]>`
    SELECT id, status::text FROM submission_batches
    WHERE rule_id = ${rule.id} AND rule_day = ${today(timeZone)} AND status IN ('running', 'done')
    ORDER BY id DESC LIMIT 1 FOR UPDATE`;
  if (open) {
    if (open.status === "done")
      await tx.$executeRaw`
        UPDATE submission_batches SET status = 'running', finished_at = NULL, final_counts = NULL WHERE id = ${open.id}`;
    return open.id;
  }
  const selection = JSON.stringify({ type: "filter", query: rule.filter });
  // Materialized from the start: the engine writes its jobs itself, the batch materializer leaves it alone.
  const [created] = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO submission_batches (kind, created_by, selection, time_zone, max_record_id, total, status, materialized, rule_id, rule_day)
    VALUES ('submit', ${rule.updated_by}, ${selection}::jsonb, ${timeZone}, 0, 0, 'running', true, ${rule.id}, ${today(timeZone)})
    RETURNING id`;
  return created!.id;
}

/** Queues the records into the batch (a record another batch took meanwhile is skipped); returns how many. */
async function queueInto(tx: Tx, batchId: bigint, ids: bigint[]): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`
    WITH queued AS (
      INSERT INTO submission_jobs (batch_id, record_id, previous_state)
      SELECT ${batchId}, r.id, r.submission_state FROM call_records r
      WHERE r.id = ANY(${ids.map(String)}::text[]::bigint[]) ORDER BY r.id
      ON CONFLICT (record_id) WHERE state IN ('queued', 'in_flight', 'retrying') DO NOTHING
      RETURNING record_id
    ), marked AS (
      UPDATE call_records SET submission_state = 'queued' FROM queued WHERE call_records.id = queued.record_id RETURNING 1
    ), counted AS (SELECT count(*)::int AS n FROM marked)
    UPDATE submission_batches SET total = total + counted.n FROM counted WHERE id = ${batchId} RETURNING counted.n`);
  return row?.n ?? 0;
}
