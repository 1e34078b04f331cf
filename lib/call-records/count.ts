import "server-only";
import { z } from "zod";
import { Prisma, prisma } from "../db/client";
import type { CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * How many records match: exact when counting is cheap (up to EXACT_LIMIT
 * rows), otherwise the planner's estimate, shown as "≈ 1.2M". Counting
 * millions of rows on every page view is what makes consoles slow.
 */
export const EXACT_LIMIT = 10_000;

const planSchema = z.array(z.object({ Plan: z.object({ "Plan Rows": z.number() }) }));

export async function countMatching(filters: CallFilters, timeZone: string): Promise<{ value: number; exact: boolean }> {
  const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone);
  const [row] = await prisma.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM call_records ${where} LIMIT ${EXACT_LIMIT + 1}) capped`);
  const n = row?.n ?? 0;
  if (n <= EXACT_LIMIT) return { value: n, exact: true };
  const [plan] = await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM call_records ${where}`);
  const parsed = planSchema.safeParse(plan?.["QUERY PLAN"]);
  const estimate = parsed.success ? Math.round(parsed.data[0]!.Plan["Plan Rows"]) : n;
  return { value: Math.max(estimate, n), exact: false };
}
