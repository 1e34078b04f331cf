import "server-only";
import { Prisma, prisma } from "../db/client";
import { plannerEstimate } from "./count";
import { intentKey, intentNames } from "./intent-names";
import type { CallFilters } from "./filters";
import { rollupQuery, type RollupDimension } from "./rollups";
import { callFiltersWhere } from "./where";

/**
 * Counts next to each filter option. Each facet counts under every other
 * active filter but its own, so picking a second status shows how many that
 * adds. Aggregated in SQL: from the rollups when the filters allow (exact,
 * at any size), else from the matching records, at most LIVE_LIMIT of them
 * per facet; past that the counts are that sample's shares of the planner's
 * estimate, and marked as estimates.
 */

export const LIVE_LIMIT = 50_000;

type Count = { value: string; count: number };
type IntentCount = { tagId: string; code: number; name: string | null; count: number };

export interface Facets {
  status: Count[];
  submission: Count[];
  review: Count[];
  intent: IntentCount[];
  /** False when some counts are estimates (free text or talk-time filters over many records). */
  exact: boolean;
}

// Each facet: the rollup column(s) it groups by and the record expression(s) that match them.
const FACETS: Record<RollupDimension, { rollup: Prisma.Sql; record: Prisma.Sql; recordFilter?: Prisma.Sql; rollupFilter?: Prisma.Sql }> = {
  status: { rollup: Prisma.sql`result_status`, record: Prisma.sql`result_status`, recordFilter: Prisma.sql`result_status IS NOT NULL`, rollupFilter: Prisma.sql`result_status <> ''` },
  submission: { rollup: Prisma.sql`submission_state::text`, record: Prisma.sql`submission_state::text` },
  review: { rollup: Prisma.sql`review_state::text`, record: Prisma.sql`review_state::text` },
  intent: {
    rollup: Prisma.sql`intent_level_tag_id, intent_level_code`,
    record: Prisma.sql`intent_level_tag_id, intent_level_code`,
    recordFilter: Prisma.sql`intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL`,
    rollupFilter: Prisma.sql`has_intent`,
  },
};

type Grouped = { k1: string; k2: number | null; n: bigint };

async function countFacet(filters: CallFilters, timeZone: string, dim: RollupDimension): Promise<{ rows: Grouped[]; exact: boolean }> {
  const spec = FACETS[dim];
  const select = (cols: Prisma.Sql) =>
    dim === "intent" ? Prisma.sql`${cols}` : Prisma.sql`${cols}, NULL::int`;
  const rollup = await rollupQuery(filters, timeZone, dim);
  if (rollup) {
    const where = spec.rollupFilter
      ? rollup.where === Prisma.empty ? Prisma.sql`WHERE ${spec.rollupFilter}` : Prisma.sql`${rollup.where} AND ${spec.rollupFilter}`
      : rollup.where;
    const rows = await prisma.$queryRaw<Grouped[]>(Prisma.sql`
      SELECT k1::text AS k1, k2, sum(records)::bigint AS n
      FROM (SELECT ${select(spec.rollup)}, records FROM ${rollup.source} r ${where}) AS g(k1, k2, records)
      GROUP BY k1, k2 HAVING sum(records) > 0`);
    return { rows, exact: true };
  }
  const where = callFiltersWhere({ ...filters, [dim]: [], cursor: undefined }, timeZone, spec.recordFilter ? [spec.recordFilter] : []);
  const rows = await prisma.$queryRaw<Grouped[]>(Prisma.sql`
    SELECT k1::text AS k1, k2, count(*)::bigint AS n
    FROM (SELECT ${select(spec.record)} FROM call_records ${where} LIMIT ${LIVE_LIMIT}) AS g(k1, k2)
    GROUP BY k1, k2`);
  const sampled = rows.reduce((sum, r) => sum + Number(r.n), 0);
  if (sampled < LIVE_LIMIT) return { rows, exact: true };
  const estimate = await plannerEstimate(Prisma.sql`SELECT 1 FROM call_records ${where}`);
  const scale = Math.max(estimate, sampled) / sampled;
  return { rows: rows.map((r) => ({ ...r, n: BigInt(Math.round(Number(r.n) * scale)) })), exact: false };
}

const byCountThenValue = (a: Count, b: Count) => b.count - a.count || a.value.localeCompare(b.value);

export async function facetCounts(filters: CallFilters, timeZone: string): Promise<Facets> {
  const [status, submission, review, intent] = await Promise.all(
    (["status", "submission", "review", "intent"] as const).map((dim) => countFacet(filters, timeZone, dim)),
  );
  const intents = intent!.rows
    .sort((a, b) => (BigInt(a.k1) < BigInt(b.k1) ? -1 : BigInt(a.k1) > BigInt(b.k1) ? 1 : a.k2! - b.k2!))
    .slice(0, 200);
  const names = await intentNames(intents.map((i) => ({ tagId: i.k1, code: i.k2! })));
  const plain = (g: { rows: Grouped[] }) => g.rows.map((r) => ({ value: r.k1, count: Number(r.n) }));
  return {
    status: plain(status!).sort(byCountThenValue).slice(0, 50),
    submission: plain(submission!).sort(byCountThenValue),
    review: plain(review!).sort(byCountThenValue),
    intent: intents.map((r) => ({ tagId: r.k1, code: r.k2!, name: names.get(intentKey(r.k1, r.k2!)) ?? null, count: Number(r.n) })),
    exact: [status, submission, review, intent].every((g) => g!.exact),
  };
}
