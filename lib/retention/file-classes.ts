import "server-only";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { Prisma } from "../db/client";
import type { Candidate } from "./candidate";
import { afterCursor, chunkCounts, cursorAfter, HELD, UNFINISHED, type ChunkContext, type ChunkResult } from "./chunk";

/**
 * Archived recordings past their period: the file is deleted from
 * AUDIO_ARCHIVE_DIR and the audio_archives row keeps its hash and size, loses
 * its file name and gets removed_at. Files are content-addressed, so a file is
 * deleted only when no other row still names it (a held record's copy keeps
 * it). The files go before the transaction commits: a crash in between leaves
 * rows naming a missing file, which the next run finishes (never an orphan file).
 */
export async function recordingsChunk(
  tx: Prisma.TransactionClient,
  ctx: ChunkContext & { archiveDir: string },
): Promise<ChunkResult> {
  const rows = await tx.$queryRaw<
    Candidate<{ record_id: bigint; call_record_id: bigint; archived_at: Date; file_name: string }>[]
  >(Prisma.sql`
    SELECT a.record_id, c.call_record_id, a.archived_at, a.file_name, ${HELD} AS held, ${UNFINISHED} AS unfinished
    FROM audio_archives a JOIN call_records c ON c.id = a.record_id
    WHERE a.file_name IS NOT NULL AND a.archived_at < ${ctx.cutoff}
      ${afterCursor("a", "archived_at", "record_id", ctx)}`);
  const { counts } = chunkCounts(rows.map((r) => ({ ...r, id: r.call_record_id })));
  const due = rows.filter((r) => !r.held && !r.unfinished);
  let filesDeleted = 0;
  if (due.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE audio_archives SET file_name = NULL, removed_at = ${ctx.now}, updated_at = ${ctx.now}
      WHERE record_id = ANY(${due.map((r) => r.record_id.toString())}::bigint[])`);
    const names = [...new Set(due.map((r) => r.file_name))];
    const stillNamed = await tx.$queryRaw<{ file_name: string }[]>(Prisma.sql`
      SELECT DISTINCT file_name FROM audio_archives WHERE file_name = ANY(${names}::text[])`);
    const keep = new Set(stillNamed.map((r) => r.file_name));
    for (const name of names) {
      if (keep.has(name)) continue;
      // Names are `<sha256>.<ext>` written by the archiver; basename keeps a damaged row from pointing outside the directory.
      try {
        await unlink(path.join(ctx.archiveDir, path.basename(name)));
        filesDeleted++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
  }
  const last = rows.at(-1);
  return {
    cursor: cursorAfter(last && { at: last.archived_at, id: last.record_id }, rows.length, ctx),
    counts: { ...counts, files_deleted: filesDeleted },
  };
}

/**
 * Audit entries past their period are deleted, oldest first; entries about a
 * record under a legal hold stay. The trail's trigger lets these deletes
 * through only inside this transaction (lvr.audit_retention) and only before
 * the cutoff it is given (migration 20261207600000_retention_legal_holds).
 */
export async function auditChunk(tx: Prisma.TransactionClient, ctx: ChunkContext): Promise<ChunkResult> {
  await tx.$queryRaw`SELECT set_config('lvr.audit_retention', 'on', true), set_config('lvr.audit_before', ${ctx.cutoff.toISOString()}, true)`;
  const deleted = await tx.$queryRaw<{ id: bigint; at: Date }[]>(Prisma.sql`
    DELETE FROM audit_events WHERE id IN (
      SELECT e.id FROM audit_events e
      WHERE e.at < ${ctx.cutoff}
        AND NOT EXISTS (SELECT 1 FROM legal_holds h JOIN call_records c ON c.id = h.record_id
                        WHERE e.target = 'call:' || c.call_record_id::text)
      ORDER BY e.at, e.id LIMIT ${ctx.limit})
    RETURNING id, at`);
  await tx.$queryRaw`SELECT set_config('lvr.audit_retention', 'off', true)`;
  const { counts } = chunkCounts(deleted.map((r) => ({ id: r.id, held: false, unfinished: false })));
  return { cursor: { ...ctx.cursor, done: deleted.length < ctx.limit }, counts };
}
