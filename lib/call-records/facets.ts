import "server-only";
import { Prisma, prisma } from "../db/client";
import type { CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * Counts next to each filter option. Each facet counts under every other
 * active filter but its own, so picking a second status shows how many that
 * adds. Aggregated in SQL.
 */

export interface Facets {
  status: { value: string; count: number }[];
  submission: { value: string; count: number }[];
  review: { value: string; count: number }[];
  intent: { tagId: string; code: number; name: string | null; count: number }[];
}

export async function facetCounts(filters: CallFilters, timeZone: string): Promise<Facets> {
  const without = (key: "status" | "submission" | "review" | "intent", extra: Prisma.Sql[] = []) =>
    callFiltersWhere({ ...filters, [key]: [], cursor: undefined }, timeZone, extra);
  const [status, submission, review, intent] = await Promise.all([
    prisma.$queryRaw<{ value: string | null; n: bigint }[]>(Prisma.sql`
      SELECT result_status AS value, count(*) AS n FROM call_records ${without("status")} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`),
    prisma.$queryRaw<{ value: string; n: bigint }[]>(Prisma.sql`
      SELECT submission_state::text AS value, count(*) AS n FROM call_records ${without("submission")} GROUP BY 1`),
    prisma.$queryRaw<{ value: string; n: bigint }[]>(Prisma.sql`
      SELECT review_state::text AS value, count(*) AS n FROM call_records ${without("review")} GROUP BY 1`),
    prisma.$queryRaw<{ tag_id: bigint; code: number; name: string | null; n: bigint }[]>(Prisma.sql`
      SELECT intent_level_tag_id AS tag_id, intent_level_code AS code, min(intent_level_detail_name) AS name, count(*) AS n
      FROM call_records ${without("intent", [Prisma.sql`intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL`])}
      GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 200`),
  ]);
  return {
    status: status.filter((r) => r.value !== null).map((r) => ({ value: r.value!, count: Number(r.n) })),
    submission: submission.map((r) => ({ value: r.value, count: Number(r.n) })),
    review: review.map((r) => ({ value: r.value, count: Number(r.n) })),
    intent: intent.map((r) => ({ tagId: r.tag_id.toString(), code: r.code, name: r.name, count: Number(r.n) })),
  };
}
