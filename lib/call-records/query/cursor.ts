import { z } from "zod";
import { Prisma } from "../../db/client";
import { INT4_MAX, isInt64Id, parseInstant } from "../../input/schema";
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

/**
 * `[value, id]` (the rows after that row), optionally with a direction (`"b"`:
 * the page before that row, for "previous") and the 0-based position of the
 * page's first row when it is known (a page reached by paging from the first).
 */
const cursorSchema = z.union([
  z.tuple([z.union([z.string().max(40), z.number(), z.null()]), z.string().refine(isInt64Id)]),
  z.tuple([
    z.union([z.string().max(40), z.number(), z.null()]),
    z.string().refine(isInt64Id),
    z.enum(["f", "b"]),
    z.number().int().min(0).nullable(),
  ]),
]);
export type CursorValue = string | number | null;

export interface DecodedCursor {
  value: Date | number | null;
  id: bigint;
  /** True for a "previous page" cursor: the rows before this one. */
  backward?: boolean;
  /** Position of the page's first row (forward) or of the cursor row (backward), when known. */
  offset?: number | null;
}

export function encodeCursor(
  value: CursorValue,
  id: bigint,
  opts?: { backward?: boolean; offset?: number | null },
): string {
  const tuple = opts ? [value, id.toString(), opts.backward ? "b" : "f", opts.offset ?? null] : [value, id.toString()];
  return Buffer.from(JSON.stringify(tuple)).toString("base64url");
}

/**
 * The cursor's row, or null when it cannot be read. Its values are checked
 * against their columns (an id in int64, a duration in int4, a start time an
 * instant PostgreSQL holds): an edited cursor must not reach the database as
 * `1e308` or the year -271821.
 */
export function decodeCursor(cursor: string, key: SortKey): DecodedCursor | null {
  try {
    const [value, id, dir, offset] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    const extra = dir === undefined ? {} : { backward: dir === "b", offset: offset ?? null };
    if (value === null) return { value: null, id: BigInt(id), ...extra };
    if (key === "start_time") {
      const d = typeof value === "string" ? parseInstant(value) : null;
      return d ? { value: d, id: BigInt(id), ...extra } : null;
    }
    return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= INT4_MAX
      ? { value, id: BigInt(id), ...extra }
      : null;
  } catch {
    return null;
  }
}

export function orderBy(key: SortKey, desc: boolean): Prisma.Sql {
  const col = SORT_COLUMNS[key];
  return desc ? Prisma.sql`ORDER BY ${col} DESC, id DESC` : Prisma.sql`ORDER BY ${col} ASC, id ASC`;
}

/**
 * Rows strictly after the cursor row in the given order, as a sequence of
 * segments that are read one after the other until a page is full. Each
 * segment is a condition the (key, id) index can start from, rather than one
 * `a OR b OR c` predicate that PostgreSQL can only filter with, walking the
 * index from its beginning: a deep page, or the "previous" record of a
 * recent call in oldest-first order, would otherwise scan millions of rows.
 */
export function keysetSegments(
  key: SortKey,
  desc: boolean,
  c: { value: Date | number | null; id: bigint } | null,
): Prisma.Sql[] {
  const col = SORT_COLUMNS[key];
  if (c === null) return [Prisma.sql`TRUE`];
  if (desc) {
    // NULLs come first in descending order: the rest of the NULLs, then every non-NULL.
    return c.value === null
      ? [Prisma.sql`${col} IS NULL AND id < ${c.id}`, Prisma.sql`${col} IS NOT NULL`]
      : [Prisma.sql`(${col}, id) < (${c.value}, ${c.id})`];
  }
  // NULLs come last in ascending order: the rest of the non-NULLs, then every NULL.
  return c.value === null
    ? [Prisma.sql`${col} IS NULL AND id > ${c.id}`]
    : [Prisma.sql`(${col}, id) > (${c.value}, ${c.id})`, Prisma.sql`${col} IS NULL`];
}

/**
 * One statement: `SELECT <select> FROM call_records` over the rows after a
 * cursor, in the list's order, at most `limit`. `where(extra)` renders the
 * filters' WHERE with extra conditions. When the rows after the cursor are
 * two index ranges (keysetSegments), each is read ordered and limited and the
 * two are merged, so both stay index scans. `select` must include `id` and
 * the sort column.
 */
export interface KeysetPage {
  select: Prisma.Sql;
  where: (extra: Prisma.Sql[]) => Prisma.Sql;
  key: SortKey;
  desc: boolean;
  cursor: { value: Date | number | null; id: bigint } | null;
  limit: number;
}

export function keysetPageSql({ select, where, key, desc, cursor, limit }: KeysetPage): Prisma.Sql {
  const parts = keysetSegments(key, desc, cursor).map(
    (segment) =>
      Prisma.sql`SELECT ${select} FROM call_records ${where(cursor ? [segment] : [])} ${orderBy(key, desc)} LIMIT ${limit}`,
  );
  if (parts.length === 1) return parts[0]!;
  return Prisma.sql`
    SELECT * FROM (${Prisma.join(
      parts.map((p) => Prisma.sql`(${p})`),
      " UNION ALL ",
    )}) after_cursor
    ${orderBy(key, desc)} LIMIT ${limit}`;
}
