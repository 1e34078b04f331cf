import "server-only";
import { Prisma, type RowReader } from "../db/client";
import { COMPLIANCE_BIT } from "../compliance/flags";
import { findingsFor, writePhraseFindings } from "./mutations";
import type { CompiledRule } from "./phrase-check";
import type { Utterance } from "./schema";

/**
 * The phrase rules run again over stored transcripts, for the compliance
 * recheck (lib/compliance/recheck.ts) after a rule was added, changed,
 * disabled or deleted. The same pure check and the same writer as ingest
 * (findingsFor, writePhraseFindings), so a recheck finds what ingest would.
 */

/** Transcripts read at once: a transcript may hold up to 1,000 utterances, so a chunk is read in slices. */
export const PHRASE_RECHECK_SLICE = 250;

const PHRASE = COMPLIANCE_BIT.phrase;

/**
 * Rechecks the records with ids in (afterId, lastId] (of one job when
 * `jobId` is given) that have a transcript, or a phrase flag or finding to
 * clear (a record without a transcript has none). Runs in the caller's
 * transaction; returns how many records it rewrote.
 */
export async function recheckPhrases(
  rows: RowReader,
  range: { afterId: bigint; lastId: bigint; jobId: bigint | null },
  rules: readonly CompiledRule[],
): Promise<number> {
  const ofJob = range.jobId === null ? Prisma.empty : Prisma.sql`AND c.robot_call_job_id = ${range.jobId}`;
  let cursor = range.afterId;
  let total = 0;
  for (;;) {
    // The records are locked first, in id order, and their transcripts read by the next statement: an
    // ingest writing one of them either committed before (its transcript is read here) or waits and
    // writes its own findings after this transaction.
    const locked = await rows<{ id: bigint }>(Prisma.sql`
      SELECT c.id FROM call_records c
      WHERE c.id > ${cursor} AND c.id <= ${range.lastId} ${ofJob}
        AND (EXISTS (SELECT 1 FROM call_transcripts t WHERE t.record_id = c.id)
             OR (c.compliance_flags & ${PHRASE}::int) <> 0
             OR EXISTS (SELECT 1 FROM compliance_findings f WHERE f.record_id = c.id AND f.kind = 'phrase'))
      ORDER BY c.id LIMIT ${PHRASE_RECHECK_SLICE}::int
      FOR NO KEY UPDATE OF c`);
    if (locked.length === 0) return total;
    const read = await rows<{ id: bigint; job_id: bigint; utterances: unknown }>(Prisma.sql`
      SELECT c.id, c.robot_call_job_id AS job_id, t.utterances
      FROM call_records c LEFT JOIN call_transcripts t ON t.record_id = c.id
      WHERE c.id = ANY(${locked.map((r) => r.id.toString())}::text[]::bigint[])`);
    await writePhraseFindings(
      rows,
      read.map((r) => ({
        recordId: r.id,
        // Stored only after lib/transcripts/schema.ts validated it.
        findings: findingsFor(r.job_id, (r.utterances as Utterance[] | null) ?? null, rules),
      })),
    );
    total += read.length;
    if (locked.length < PHRASE_RECHECK_SLICE) return total;
    cursor = locked[locked.length - 1]!.id;
  }
}
