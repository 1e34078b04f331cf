import "server-only";
import { Prisma, prisma } from "../../db/client";
import { plannerEstimate } from "./count";
import { EFFECTIVE_SUBMISSION_STATE } from "../../submissions/in-flight";
import { intentKey, intentNames } from "../intent-names";
import type { CallFilters } from "./filters";
import { rollupQuery, type RollupDimension } from "../rollups";
import { callFiltersWhere } from "./where";
import { COMPLIANCE_KIND_ROWS } from "../../compliance/filter";

/**
 * Counts next to each filter option. Each facet counts under every other
 * active filter but its own, so picking a second status shows how many that
 * adds. Aggregated in SQL: from the rollups when the filters allow (exact,
 * at any size), else from the matching records, at most LIVE_LIMIT of them,
 * read once for all the facets that count under the same filters; past that
 * the counts are that sample's shares of the planner's estimate, and marked
 * as estimates.
 */

export const LIVE_LIMIT = 50_000;

/**
 * How many matching records a live count reads. Up to LIVE_LIMIT, so that
 * every result below it is exact; but when the planner expects ten times
 * that many matches (a one-character search: a tenth of 10M records), the
 * counts will be estimates whatever is read, and a smaller sample gives them
 * for a fifth of the scan (a one-character search cannot use the trigram
 * indexes and tests every record it passes). Fewer matches than the sample
 * are still counted exactly, so a wrong estimate costs exactness only between
 * the sample's size and LIVE_LIMIT, shown as an estimate, never a wrong
 * exact count.
 */
export const LARGE_ESTIMATE = 10 * LIVE_LIMIT;
export const LARGE_SAMPLE = 10_000;
export function liveSampleSize(estimate: number): number {
  return estimate >= LARGE_ESTIMATE ? LARGE_SAMPLE : LIVE_LIMIT;
}

type Count = { value: string; count: number };
type IntentCount = { tagId: string; code: number; name: string | null; count: number };

export interface Facets {
  status: Count[];
  submission: Count[];
  review: Count[];
  intent: IntentCount[];
  /** Calls per compliance kind (a call with two kinds counts under both). */
  compliance: Count[];
  /** False when some counts are estimates (free text or talk-time filters over many records). */
  exact: boolean;
}

// Each facet: the rollup column(s) it groups by and the record expression(s) that match them.
// `join` spreads a row over several values (the compliance kinds of its bits); `ownFilter` is the
// record condition of a facet counted alone when recordFilter needs that join.
const FACETS: Record<
  RollupDimension,
  {
    rollup: Prisma.Sql;
    record: Prisma.Sql;
    recordFilter?: Prisma.Sql;
    rollupFilter?: Prisma.Sql;
    join?: Prisma.Sql;
    ownFilter?: Prisma.Sql;
  }
> = {
  status: {
    rollup: Prisma.sql`result_status`,
    record: Prisma.sql`result_status`,
    recordFilter: Prisma.sql`result_status IS NOT NULL`,
    rollupFilter: Prisma.sql`result_status <> ''`,
  },
  // The sample's submission_state is already the state users see (EFFECTIVE_SUBMISSION_STATE).
  submission: { rollup: Prisma.sql`submission_state::text`, record: Prisma.sql`submission_state` },
  review: { rollup: Prisma.sql`review_state::text`, record: Prisma.sql`review_state::text` },
  intent: {
    rollup: Prisma.sql`intent_level_tag_id, intent_level_code`,
    record: Prisma.sql`intent_level_tag_id, intent_level_code`,
    recordFilter: Prisma.sql`intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL`,
    rollupFilter: Prisma.sql`has_intent`,
  },
  compliance: {
    rollup: Prisma.sql`b.kind`,
    record: Prisma.sql`b.kind`,
    join: Prisma.sql`CROSS JOIN ${COMPLIANCE_KIND_ROWS} AS b(kind, bit)`,
    recordFilter: Prisma.sql`(compliance_flags & b.bit) <> 0`,
    rollupFilter: Prisma.sql`(compliance_flags & b.bit) <> 0`,
    ownFilter: Prisma.sql`compliance_flags <> 0`,
  },
};

type Grouped = { k1: string; k2: number | null; n: bigint };
type FacetResult = { rows: Grouped[]; exact: boolean };

const DIMENSIONS = [
  "status",
  "submission",
  "review",
  "intent",
  "compliance",
] as const satisfies readonly RollupDimension[];

const selectKeys = (dim: RollupDimension, cols: Prisma.Sql) =>
  dim === "intent" ? cols : Prisma.sql`${cols}, NULL::int`;

async function countFromRollup(
  dim: RollupDimension,
  rollup: { source: Prisma.Sql; where: Prisma.Sql },
): Promise<FacetResult> {
  const spec = FACETS[dim];
  const where = spec.rollupFilter
    ? rollup.where === Prisma.empty
      ? Prisma.sql`WHERE ${spec.rollupFilter}`
      : Prisma.sql`${rollup.where} AND ${spec.rollupFilter}`
    : rollup.where;
  const rows = await prisma.$queryRaw<Grouped[]>(Prisma.sql`
    SELECT k1::text AS k1, k2, sum(records)::bigint AS n
    FROM (SELECT ${selectKeys(dim, spec.rollup)}, records FROM ${rollup.source} r ${spec.join ?? Prisma.empty} ${where})
      AS g(k1, k2, records)
    GROUP BY k1, k2 HAVING sum(records) > 0`);
  return { rows, exact: true };
}

/**
 * Facets whose counts share one WHERE: each facet drops only its own
 * filter, so every facet without an active filter of its own counts under
 * exactly the same conditions, and each facet with one counts under its own.
 */
export function liveScanGroups(filters: CallFilters): RollupDimension[][] {
  const active = (dim: RollupDimension) => filters[dim].length > 0;
  const shared = DIMENSIONS.filter((d) => !active(d));
  return [...(shared.length ? [shared] : []), ...DIMENSIONS.filter(active).map((d) => [d])];
}

/**
 * Counts several facets from one scan of the matching records: the first
 * LIVE_LIMIT (or liveSampleSize) records under the group's WHERE are read once (a materialized
 * sample) and grouped by each facet's columns. A free-text search that
 * cannot use an index reads the table until it has found its sample, so
 * four separate scans cost four times as much for the same answer. Under
 * the limit every count is exact and equal to a scan per facet. At the
 * limit all of the group's counts are that sample's shares of the planner's
 * estimate of the group's matching records, and marked as estimates.
 * A facet alone in its group keeps its own condition (a status, an intent)
 * inside the sample, as a scan of its own would.
 */
async function countLive(
  filters: CallFilters,
  timeZone: string,
  dims: RollupDimension[],
): Promise<Map<RollupDimension, FacetResult>> {
  const own = dims.length === 1 ? (FACETS[dims[0]!].ownFilter ?? FACETS[dims[0]!].recordFilter) : undefined;
  const where = callFiltersWhere(
    { ...filters, ...Object.fromEntries(dims.map((d) => [d, []])), cursor: undefined },
    timeZone,
    own ? [own] : [],
  );
  const columns = Prisma.sql`result_status, ${EFFECTIVE_SUBMISSION_STATE} AS submission_state, review_state, intent_level_tag_id, intent_level_code,
    compliance_flags`;
  const branches = dims.map((dim) => {
    const spec = FACETS[dim];
    const filter = spec.recordFilter ? Prisma.sql`WHERE ${spec.recordFilter}` : Prisma.empty;
    return Prisma.sql`SELECT ${dim}::text AS dim, k1::text AS k1, k2, count(*)::bigint AS n
      FROM (SELECT ${selectKeys(dim, spec.record)} FROM sample ${spec.join ?? Prisma.empty} ${filter}) AS g(k1, k2) GROUP BY k1, k2`;
  });
  const estimate = await plannerEstimate(Prisma.sql`SELECT 1 FROM call_records ${where}`);
  const limit = liveSampleSize(estimate);
  const rows = await prisma.$queryRaw<(Grouped & { dim: string })[]>(Prisma.sql`
    WITH sample AS MATERIALIZED (SELECT ${columns} FROM call_records ${where} LIMIT ${limit})
    SELECT 'sampled' AS dim, NULL::text AS k1, NULL::int AS k2, count(*)::bigint AS n FROM sample
    UNION ALL ${Prisma.join(branches, " UNION ALL ")}`);
  const sampled = Number(rows.find((r) => r.dim === "sampled")?.n ?? 0);
  const exact = sampled < limit;
  const scale = exact ? 1 : Math.max(estimate, sampled) / sampled;
  return new Map(
    dims.map((dim) => [
      dim,
      {
        rows: rows
          .filter((r) => r.dim === dim)
          .map(({ k1, k2, n }) => ({ k1, k2, n: exact ? n : BigInt(Math.round(Number(n) * scale)) })),
        exact,
      },
    ]),
  );
}

async function countFacets(filters: CallFilters, timeZone: string): Promise<Record<RollupDimension, FacetResult>> {
  // Whether the rollups can answer depends on the filters only, not on which facet is counted.
  const rollups = await Promise.all(DIMENSIONS.map((dim) => rollupQuery(filters, timeZone, dim)));
  if (rollups.every((r) => r !== null)) {
    const counted = await Promise.all(DIMENSIONS.map((dim, i) => countFromRollup(dim, rollups[i]!)));
    return Object.fromEntries(DIMENSIONS.map((dim, i) => [dim, counted[i]!])) as Record<RollupDimension, FacetResult>;
  }
  const groups = await Promise.all(liveScanGroups(filters).map((dims) => countLive(filters, timeZone, dims)));
  return Object.fromEntries(groups.flatMap((g) => [...g.entries()])) as Record<RollupDimension, FacetResult>;
}

const byCountThenValue = (a: Count, b: Count) => b.count - a.count || a.value.localeCompare(b.value);

export async function facetCounts(filters: CallFilters, timeZone: string): Promise<Facets> {
  const { status, submission, review, intent, compliance } = await countFacets(filters, timeZone);
  const intents = intent.rows
    .sort((a, b) => (BigInt(a.k1) < BigInt(b.k1) ? -1 : BigInt(a.k1) > BigInt(b.k1) ? 1 : a.k2! - b.k2!))
    .slice(0, 200);
  const names = await intentNames(intents.map((i) => ({ tagId: i.k1, code: i.k2! })));
  const plain = (g: { rows: Grouped[] }) => g.rows.map((r) => ({ value: r.k1, count: Number(r.n) }));
  return {
    status: plain(status).sort(byCountThenValue).slice(0, 50),
    submission: plain(submission).sort(byCountThenValue),
    review: plain(review).sort(byCountThenValue),
    intent: intents.map((r) => ({
      tagId: r.k1,
      code: r.k2!,
      name: names.get(intentKey(r.k1, r.k2!)) ?? null,
      count: Number(r.n),
    })),
    compliance: plain(compliance).sort(byCountThenValue),
    exact: [status, submission, review, intent, compliance].every((g) => g.exact),
  };
}
