import { z } from "zod";
import { Prisma } from "../db/client";
import type { CallFilters } from "./filters";

/**
 * Keyset pagination on (sort key, id). The cursor is the last row's sort
 * value and id, opaque to users (base64url JSON). PostgreSQL puts NULLs last
 * in ascending and first in descending order, i.e. NULL sorts as "largest";
 * the predicates below follow that so that rows without a start time or a
 * duration are neither skipped nor repeated.
 */

export const SORT_COLUMNS = {
  start_time: Prisma.sql`start_time`,
  chat_duration: Prisma.sql`chat_duration`,
} as const;

export type SortKey = keyof typeof SORT_COLUMNS;

export function parseSort(sort: CallFilters["sort"]): { key: SortKey; desc: boolean } {
  const desc = sort.startsWith("-");
  return { key: (desc ? sort.slice(1) : sort) as SortKey, desc };
}

const cursorSchema = z.tuple([z.union([z.string(), z.number(), z.null()]), z.string().regex(/^\d+$/)]);
export type CursorValue = string | number | null;

export function encodeCursor(value: CursorValue, id: bigint): string {
  return Buffer.from(JSON.stringify([value, id.toString()])).toString("base64url");
}

export function decodeCursor(cursor: string, key: SortKey): { value: Date | number | null; id: bigint } | null {
  try {
    const [value, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (value === null) return { value: null, id: BigInt(id) };
    if (key === "start_time") {
      const d = new Date(String(value));
      return Number.isNaN(d.getTime()) ? null : { value: d, id: BigInt(id) };
    }
    return typeof value === "number" ? { value, id: BigInt(id) } : null;
  } catch {
    return null;
  }
}

export function orderBy(key: SortKey, desc: boolean): Prisma.Sql {
  const col = SORT_COLUMNS[key];
  return desc ? Prisma.sql`ORDER BY ${col} DESC, id DESC` : Prisma.sql`ORDER BY ${col} ASC, id ASC`;
}

/** Rows strictly after the cursor row in the given order. */
export function afterCursor(key: SortKey, desc: boolean, c: { value: Date | number | null; id: bigint }): Prisma.Sql {
  const col = SORT_COLUMNS[key];
  if (desc) {
    return c.value === null
      ? Prisma.sql`((${col} IS NULL AND id < ${c.id}) OR ${col} IS NOT NULL)`
      : // A row comparison, not `col < v OR (col = v AND id < c)`: PostgreSQL turns it into an index
        // condition on (col DESC, id DESC), so a page 10,000 rows deep starts where it should instead
        // of filtering its way there. Rows with a NULL key compare as NULL and drop out: they came first.
        Prisma.sql`(${col}, id) < (${c.value}, ${c.id})`;
  }
  return c.value === null
    ? Prisma.sql`(${col} IS NULL AND id > ${c.id})`
    : Prisma.sql`(${col} > ${c.value} OR (${col} = ${c.value} AND id > ${c.id}) OR ${col} IS NULL)`;
}
