import "server-only";
import { Prisma, prisma } from "../db/client";

/**
 * A label for each intent (tag group, code): the detail name of any record
 * with it, read through the intent index from the first few entries. Never
 * per job or per filter: combining the intent with anything else made
 * PostgreSQL AND two bitmaps, reading every record of the intent (for one
 * job's chart on a large table, far too slow).
 */
export async function intentNames(
  pairs: readonly { tagId: bigint | string; code: number }[],
): Promise<Map<string, string | null>> {
  if (pairs.length === 0) return new Map();
  const values = pairs.map((p) => Prisma.sql`(${p.tagId.toString()}::bigint, ${p.code}::int)`);
  const rows = await prisma.$queryRaw<{ tag: string; code: number; name: string | null }[]>(Prisma.sql`
    SELECT v.tag::text AS tag, v.code,
           (SELECT min(intent_level_detail_name) FROM (
              SELECT intent_level_detail_name FROM call_records c
              WHERE c.intent_level_tag_id = v.tag AND c.intent_level_code = v.code AND c.intent_level_detail_name IS NOT NULL
              LIMIT 20) names) AS name
    FROM (VALUES ${Prisma.join(values)}) AS v(tag, code)`);
  return new Map(rows.map((r) => [intentKey(r.tag, r.code), r.name]));
}

export const intentKey = (tagId: bigint | string, code: number) => `${tagId.toString()}:${code}`;
