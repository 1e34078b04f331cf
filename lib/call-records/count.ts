import "server-only";
import { z } from "zod";
import { Prisma, prisma } from "../db/client";
import type { CallFilters } from "./filters";
import { rollupQuery } from "./rollups";
import { callFiltersWhere } from "./where";

/**
 * How many records match: exact from the rollups when the filters allow it
 * (at any size), else exact when counting is cheap (up to EXACT_LIMIT rows),
 * else the planner's estimate, shown as "≈ 1.2M". Counting millions of rows
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

export async function countMatching(filters: CallFilters, timeZone: string): Promise<{ value: number; exact: boolean }> {
  const rollup = await rollupQuery(filters, timeZone);
  if (rollup) {
    const [row] = await prisma.$queryRaw<{ n: bigint | null }[]>(Prisma.sql`SELECT sum(records)::bigint AS n FROM ${rollup.source} r ${rollup.where}`);
    return { value: Number(row?.n ?? 0), exact: true };
  }
  const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone);
  return countUpTo(Prisma.sql`SELECT 1 FROM call_records ${where}`, EXACT_LIMIT);
}

/** Rows of `query`: exact up to `limit` (counting stops there), the planner's estimate beyond, never below what was counted. */
export async function countUpTo(query: Prisma.Sql, limit: number): Promise<{ value: number; exact: boolean }> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM (${query} LIMIT ${limit + 1}) capped`);
  const n = row?.n ?? 0;
  if (n <= limit) return { value: n, exact: true };
  return { value: Math.max(n, await plannerEstimate(query)), exact: false };
}
