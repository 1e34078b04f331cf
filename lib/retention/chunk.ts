import { Prisma } from "../db/client";

/**
 * What the classes share: where a class's run has got to, what one chunk did,
 * and the rule that keeps records out of every class.
 */

/** The last (time, id) a class has looked at, in its order; `done` once nothing due is left. */
export interface ClassCursor {
  at: string;
  id: string;
  done?: boolean;
}

/** One chunk's bounds: rows due before `cutoff`, after `cursor`, at most `limit`; `now` stamps what it removes. */
export interface ChunkContext {
  cutoff: Date;
  cursor: ClassCursor;
  limit: number;
  now: Date;
}

export const START: ClassCursor = { at: "1970-01-01T00:00:00.000Z", id: "0" };

/** Per class: values removed, records left alone, and the range of ids removed (never the values). */
export interface ClassCounts {
  removed: number;
  skipped_held: number;
  skipped_unfinished: number;
  first_id: string | null;
  last_id: string | null;
  /** Recordings only: files deleted from disk (identical recordings share one file). */
  files_deleted?: number;
}

export const noCounts = (): ClassCounts => ({
  removed: 0,
  skipped_held: 0,
  skipped_unfinished: 0,
  first_id: null,
  last_id: null,
});

export interface ChunkResult {
  cursor: ClassCursor;
  counts: ClassCounts;
}

export function addCounts(a: ClassCounts, b: ClassCounts): ClassCounts {
  const min = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : BigInt(x) < BigInt(y) ? x : y);
  const max = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : BigInt(x) > BigInt(y) ? x : y);
  const sum: ClassCounts = {
    removed: a.removed + b.removed,
    skipped_held: a.skipped_held + b.skipped_held,
    skipped_unfinished: a.skipped_unfinished + b.skipped_unfinished,
    first_id: min(a.first_id, b.first_id),
    last_id: max(a.last_id, b.last_id),
  };
  if (a.files_deleted !== undefined || b.files_deleted !== undefined)
    sum.files_deleted = (a.files_deleted ?? 0) + (b.files_deleted ?? 0);
  return sum;
}

/** The call record `c` is under a legal hold. */
export const HELD = Prisma.sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.record_id = c.id)`;

/**
 * The call record `c`'s submission is not final: queued, in flight or waiting
 * for a retry (its state, or an active row of the queue: in_flight lives there).
 * Served by submission_jobs_one_active_per_record.
 */
export const UNFINISHED = Prisma.sql`(c.submission_state IN ('queued', 'in_flight', 'retrying')
  OR EXISTS (SELECT 1 FROM submission_jobs j WHERE j.record_id = c.id AND j.state IN ('queued', 'in_flight', 'retrying')))`;

/** Counts of one chunk's candidates: removed ones by id, the rest by why they were left. */
export function chunkCounts(rows: { id: bigint; held: boolean; unfinished: boolean }[]): {
  ids: bigint[];
  counts: ClassCounts;
} {
  const eligible = rows.filter((r) => !r.held && !r.unfinished);
  const ids = eligible.map((r) => r.id);
  const sorted = [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    ids,
    counts: {
      removed: ids.length,
      skipped_held: rows.filter((r) => r.held).length,
      skipped_unfinished: rows.filter((r) => !r.held && r.unfinished).length,
      first_id: sorted[0]?.toString() ?? null,
      last_id: sorted.at(-1)?.toString() ?? null,
    },
  };
}

/**
 * The end of a chunk's query over the table aliased `alias`: the rows after the
 * cursor in (`at`, `key`) order, at most `limit`, locked; rows another
 * transaction holds are skipped (SKIP LOCKED) and looked at by the next run.
 */
export function afterCursor(alias: string, at: string, key: string, ctx: ChunkContext): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  return Prisma.sql`AND (${column(at)}, ${column(key)}) > (${new Date(ctx.cursor.at)}::timestamptz, ${BigInt(ctx.cursor.id)}::bigint)
    ORDER BY ${column(at)}, ${column(key)}
    LIMIT ${ctx.limit}
    FOR UPDATE OF ${Prisma.raw(alias)} SKIP LOCKED`;
}

/** Where the class has got to after a chunk: its last row, done when the chunk was short or empty. */
export function cursorAfter(last: { at: Date; id: bigint } | undefined, rows: number, ctx: ChunkContext): ClassCursor {
  return last
    ? { at: last.at.toISOString(), id: last.id.toString(), done: rows < ctx.limit }
    : { ...ctx.cursor, done: true };
}
