import "server-only";
import { Prisma, prisma } from "../db/client";
import type { ClassCounts } from "./chunk";
import { HELD, UNFINISHED } from "./chunk";
import { CLASSES, cutoffs, type RetentionClass, type RetentionPolicy } from "./policy";

/** What a run started now would do, per class: rows due, and rows it would leave (held, unfinished). */
export interface ClassPreview {
  cutoff: Date | null;
  due: number;
  held: number;
  unfinished: number;
}

async function previewCounts(cutoff: Date, sql: (cutoff: Date) => Prisma.Sql): Promise<Omit<ClassPreview, "cutoff">> {
  const [row] = await prisma.$queryRaw<{ due: bigint; held: bigint; unfinished: bigint }[]>(sql(cutoff));
  return { due: Number(row?.due ?? 0), held: Number(row?.held ?? 0), unfinished: Number(row?.unfinished ?? 0) };
}

/** Counted now, through the classes' "due" indexes (only rows not yet done are read). */
export async function retentionPreview(
  policy: RetentionPolicy,
  now = new Date(),
): Promise<Record<RetentionClass, ClassPreview>> {
  const cut = cutoffs(policy, now);
  const counts = (held: Prisma.Sql, unfinished: Prisma.Sql) =>
    Prisma.sql`count(*) FILTER (WHERE NOT ${held} AND NOT ${unfinished})::bigint AS due,
               count(*) FILTER (WHERE ${held})::bigint AS held,
               count(*) FILTER (WHERE NOT ${held} AND ${unfinished})::bigint AS unfinished`;
  const queries: Record<RetentionClass, (c: Date) => Prisma.Sql> = {
    personal_data: (c) => Prisma.sql`SELECT ${counts(HELD, UNFINISHED)} FROM call_records c
      WHERE c.personal_data_removed_at IS NULL AND c.received_at < ${c}`,
    attempt_params: (c) => Prisma.sql`SELECT ${counts(HELD, UNFINISHED)}
      FROM submission_attempts a JOIN call_records c ON c.id = a.record_id
      WHERE a.params_removed_at IS NULL AND a.sent_at < ${c}`,
    recordings: (c) => Prisma.sql`SELECT ${counts(HELD, UNFINISHED)}
      FROM audio_archives a JOIN call_records c ON c.id = a.record_id
      WHERE a.file_name IS NOT NULL AND a.archived_at < ${c}`,
    audit: (c) => Prisma.sql`SELECT
      count(*) FILTER (WHERE NOT held)::bigint AS due, count(*) FILTER (WHERE held)::bigint AS held, 0::bigint AS unfinished
      FROM (SELECT EXISTS (SELECT 1 FROM legal_holds h JOIN call_records c ON c.id = h.record_id
                           WHERE e.target = 'call:' || c.call_record_id::text) AS held
            FROM audit_events e WHERE e.at < ${c}) x`,
  };
  const entries = await Promise.all(
    CLASSES.map(async (cls) => {
      const cutoff = cut[cls];
      const c = cutoff ? await previewCounts(cutoff, queries[cls]) : { due: 0, held: 0, unfinished: 0 };
      return [cls, { cutoff, ...c }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<RetentionClass, ClassPreview>;
}

export interface RunRow {
  id: bigint;
  day: string;
  kind: string;
  state: string;
  startedAt: Date;
  finishedAt: Date | null;
  triggeredBy: string | null;
  error: string | null;
  counts: Partial<Record<RetentionClass, ClassCounts>>;
}

/** The latest runs, newest first. */
export async function listRuns(limit = 30): Promise<RunRow[]> {
  const rows = await prisma.retentionRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({
    id: r.id,
    day: r.day.toISOString().slice(0, 10),
    kind: r.kind,
    state: r.state,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    triggeredBy: r.triggeredBy,
    error: r.error,
    counts: r.counts as RunRow["counts"],
  }));
}
