import "server-only";
import { z } from "zod";
import { Prisma, prisma } from "../../db/client";
import type { CallFilters } from "./filters";
import { rollupQuery } from "../rollups";
import { callFiltersWhere } from "./where";

/**
 * How many records match: exact from the rollups when the filters allow it
 * (at any size), else exact when counting is cheap (up to EXACT_LIMIT rows,
 * see countCap), else the planner's estimate, shown as "≈ 1.2M". Counting millions of rows
 * on every page view is what makes consoles slow.
 */
export const EXACT_LIMIT = 10_000;

const planSchema = z.array(z.object({ Plan: z.object({ "Plan Rows": z.number() }) }));

/** The planner's row estimate for a query (0 when the plan cannot be read). */
export async function plannerEstimate(query: Prisma.Sql): Promise<number> {
  const [plan] = await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
  const parsed = planSchema.safeParse(plan?.["QUERY PLAN"]);
  return parsed.success ? Math.round(parsed.data[0]!.Plan["Plan Rows"]) : 0;
}

export async function countMatching(
  filters: CallFilters,
  timeZone: string,
): Promise<{ value: number; exact: boolean }> {
  const rollup = await rollupQuery(filters, timeZone);
  if (rollup) {
    const [row] = await prisma.$queryRaw<{ n: bigint | null }[]>(
      Prisma.sql`SELECT sum(records)::bigint AS n FROM ${rollup.source} r ${rollup.where}`,
    );
    return { value: Number(row?.n ?? 0), exact: true };
  }
  const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone);
  const query = Prisma.sql`SELECT 1 FROM call_records ${where}`;
  const estimate = await plannerEstimate(query);
  return countUpTo(query, countCap(estimate), estimate);
}

/**
 * How far countMatching counts: EXACT_LIMIT, but only LARGE_COUNT when the
 * planner expects ten times EXACT_LIMIT matches (a one-character search over
 * millions of records tests every record it passes: the estimate is shown
 * either way). Fewer matches than LARGE_COUNT are still counted exactly.
 */
export const LARGE_COUNT = 1_000;
export function countCap(estimate: number): number {
  return estimate >= 10 * EXACT_LIMIT ? LARGE_COUNT : EXACT_LIMIT;
}

/**
 * Rows of `query`: exact up to `limit` (counting stops there), the planner's
 * estimate beyond (`estimate` when already known), never below what was counted.
 */
export async function countUpTo(
  query: Prisma.Sql,
  limit: number,
  estimate?: number,
): Promise<{ value: number; exact: boolean }> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM (${query} LIMIT ${limit + 1}) capped`,
  );
  const n = row?.n ?? 0;
  if (n <= limit) return { value: n, exact: true };
  return { value: Math.max(n, estimate ?? (await plannerEstimate(query))), exact: false };
}
