import "server-only";
import { Prisma } from "../db/client";
import type { Candidate } from "./candidate";
import {
  afterCursor,
  chunkCounts,
  cursorAfter,
  HELD,
  START,
  UNFINISHED,
  type ChunkContext,
  type ChunkResult,
} from "./chunk";
import { contentHashPlaceholder, numberPlaceholder, REMOVED_TEXT } from "./placeholder";

/**
 * The two classes that rewrite rows in place: a record's personal data, and
 * its TOP attempts' parameters and raw answers. Each chunk is one short
 * transaction over at most `limit` rows taken in (time, id) order through the
 * class's partial "due" index; rows another transaction holds are skipped
 * (SKIP LOCKED) and looked at again by the next run.
 */

/** Name, called number, caller number and free-form properties become placeholders. */
export async function personalDataChunk(
  tx: Prisma.TransactionClient,
  ctx: ChunkContext & { salt: string },
): Promise<ChunkResult> {
  const rows = await tx.$queryRaw<
    Candidate<{
      id: bigint;
      call_record_id: bigint;
      received_at: Date;
      called_phone_number: string | null;
      phone_number: string | null;
      content_hash: string;
    }>[]
  >(Prisma.sql`
    SELECT c.id, c.call_record_id, c.received_at, c.called_phone_number, c.phone_number, c.content_hash,
           ${HELD} AS held, ${UNFINISHED} AS unfinished
    FROM call_records c
    WHERE c.personal_data_removed_at IS NULL AND c.received_at < ${ctx.cutoff}
      ${afterCursor("c", "received_at", "id", ctx)}`);
  // Rechecks queued by the ingest name the called number (lib/compliance/followups.ts). The worker
  // takes them within seconds; one that waited past the cutoff (no worker ran) goes with the rest.
  if (ctx.cursor.at === START.at && ctx.cursor.id === START.id)
    await tx.$executeRaw(Prisma.sql`DELETE FROM compliance_followups WHERE created_at < ${ctx.cutoff}`);
  const { counts } = chunkCounts(rows.map((r) => ({ ...r, id: r.call_record_id })));
  const due = rows.filter((r) => !r.held && !r.unfinished);
  if (due.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE call_records c SET
        called_phone_number = v.called, phone_number = v.caller, content_hash = v.hash,
        name = CASE WHEN c.name IS NULL THEN NULL ELSE ${REMOVED_TEXT} END,
        properties = CASE WHEN c.properties IS NULL THEN NULL ELSE ${REMOVED_TEXT} END,
        properties_json = NULL,
        personal_data_removed_at = ${ctx.now}
      FROM unnest(${due.map((r) => r.id.toString())}::bigint[],
                  ${due.map((r) => numberPlaceholder(ctx.salt, r.called_phone_number))}::text[],
                  ${due.map((r) => numberPlaceholder(ctx.salt, r.phone_number))}::text[],
                  ${due.map((r) => contentHashPlaceholder(ctx.salt, r.content_hash))}::text[]) AS v(id, called, caller, hash)
      WHERE c.id = v.id`);
    // A supervisor's correction lays its own values over the record's: they go the same way.
    const corrections = await tx.$queryRaw<
      { record_id: bigint; called_phone_number: string | null; phone_number: string | null }[]
    >(
      Prisma.sql`SELECT record_id, called_phone_number, phone_number FROM call_record_corrections
                 WHERE record_id = ANY(${due.map((r) => r.id.toString())}::bigint[])`,
    );
    if (corrections.length)
      await tx.$executeRaw(Prisma.sql`
        UPDATE call_record_corrections k SET called_phone_number = v.called, phone_number = v.caller,
          name = CASE WHEN k.name IS NULL THEN NULL ELSE ${REMOVED_TEXT} END,
          properties = CASE WHEN k.properties IS NULL THEN NULL ELSE ${REMOVED_TEXT} END
        FROM unnest(${corrections.map((r) => r.record_id.toString())}::bigint[],
                    ${corrections.map((r) => numberPlaceholder(ctx.salt, r.called_phone_number))}::text[],
                    ${corrections.map((r) => numberPlaceholder(ctx.salt, r.phone_number))}::text[]) AS v(id, called, caller)
        WHERE k.record_id = v.id`);
    // A finding's details may quote the call (earlier calls, an utterance): they go with the rest.
    await tx.$executeRaw(Prisma.sql`
      UPDATE compliance_findings SET detail = '{"removed": true}'::jsonb
      WHERE record_id = ANY(${due.map((r) => r.id.toString())}::bigint[]) AND detail <> '{"removed": true}'::jsonb`);
  }
  const last = rows.at(-1);
  return {
    cursor: cursorAfter(last && { at: last.received_at, id: last.id }, rows.length, ctx),
    counts,
  };
}

/** The parameters sent to TOP and its raw answer (both hold the record's values) become placeholders. */
export async function attemptParamsChunk(tx: Prisma.TransactionClient, ctx: ChunkContext): Promise<ChunkResult> {
  const rows = await tx.$queryRaw<Candidate<{ id: bigint; sent_at: Date }>[]>(Prisma.sql`
    SELECT a.id, a.sent_at, ${HELD} AS held, ${UNFINISHED} AS unfinished
    FROM submission_attempts a JOIN call_records c ON c.id = a.record_id
    WHERE a.params_removed_at IS NULL AND a.sent_at < ${ctx.cutoff}
      ${afterCursor("a", "sent_at", "id", ctx)}`);
  const { ids, counts } = chunkCounts(rows);
  if (ids.length)
    await tx.$executeRaw(Prisma.sql`
      UPDATE submission_attempts SET params = '{"removed": true}'::jsonb,
        raw_answer = CASE WHEN raw_answer IS NULL THEN NULL ELSE ${REMOVED_TEXT} END,
        params_removed_at = ${ctx.now}
      WHERE id = ANY(${ids.map(String)}::bigint[])`);
  const last = rows.at(-1);
  return {
    cursor: cursorAfter(last && { at: last.sent_at, id: last.id }, rows.length, ctx),
    counts,
  };
}
