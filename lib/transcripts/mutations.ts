import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type RowReader } from "../db/client";
import { COMPLIANCE_BIT } from "../compliance/flags";
import type { NormalizedCallRecord } from "../call-records/schema";
import { checkTranscript, compileRules, type CompiledRule, type PhraseFinding } from "./phrase-check";
import { enabledPhraseRules } from "./data";
import { transcriptSearchText, type Utterance } from "./schema";

const PHRASE = COMPLIANCE_BIT.phrase;

/**
 * After the ingest upsert: stores the transcripts the batch carried (a record
 * with `transcript` null or [] loses its stored one; a record without the key
 * keeps it) and checks the phrase rules on the ones that changed, or whose
 * record changed (its job decides which rules apply). Two statements per
 * batch whatever its size, in ingest's transaction. Returns the call_record_ids whose transcript changed.
 */
export async function storeTranscripts(
  rowsOf: RowReader,
  records: readonly NormalizedCallRecord[],
  recordsWritten: ReadonlySet<string>,
  rules: readonly CompiledRule[],
): Promise<Set<string>> {
  const carried = records.filter((r) => r.transcript !== undefined);
  if (carried.length === 0) return new Set();
  carried.sort((a, b) => (a.callRecordId < b.callRecordId ? -1 : a.callRecordId > b.callRecordId ? 1 : 0));
  const utterances = carried.map((r) => (r.transcript ? JSON.stringify(r.transcript) : null));
  const rows = await rowsOf<{ id: bigint; call_record_id: string; job_id: bigint; changed: boolean }>(Prisma.sql`
    WITH input AS (
      SELECT c.id, c.call_record_id, c.robot_call_job_id, u.utterances, u.search_text, u.hash
      FROM unnest(
        ${carried.map((r) => r.callRecordId.toString())}::text[]::bigint[],
        ${utterances}::text[]::jsonb[],
        ${carried.map((r) => (r.transcript ? transcriptSearchText(r.transcript) : null))}::text[],
        ${utterances.map((u) => (u ? createHash("sha256").update(u).digest("hex") : null))}::text[]
      ) AS u(call_record_id, utterances, search_text, hash)
      JOIN call_records c ON c.call_record_id = u.call_record_id
    ), removed AS (
      DELETE FROM call_transcripts t USING input i WHERE t.record_id = i.id AND i.utterances IS NULL
      RETURNING t.record_id
    ), written AS (
      INSERT INTO call_transcripts (record_id, utterances, search_text, content_hash)
      SELECT id, utterances, search_text, hash FROM input WHERE utterances IS NOT NULL ORDER BY id
      ON CONFLICT (record_id) DO UPDATE SET utterances = EXCLUDED.utterances, search_text = EXCLUDED.search_text,
        content_hash = EXCLUDED.content_hash, updated_at = now()
      WHERE call_transcripts.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING record_id
    )
    SELECT i.id, i.call_record_id::text AS call_record_id, i.robot_call_job_id AS job_id,
      (i.id IN (SELECT record_id FROM removed UNION ALL SELECT record_id FROM written)) AS changed
    FROM input i
  `);
  const byId = new Map(carried.map((r) => [r.callRecordId.toString(), r.transcript ?? null]));
  const toCheck = rows.filter((r) => r.changed || recordsWritten.has(r.call_record_id));
  await writePhraseFindings(
    rowsOf,
    toCheck.map((r) => ({
      recordId: r.id,
      findings: findingsFor(r.job_id, byId.get(r.call_record_id) ?? null, rules),
    })),
  );
  return new Set(rows.filter((r) => r.changed).map((r) => r.call_record_id));
}

/** The enabled rules, compiled, when the batch carries a transcript (read before ingest's transaction). */
export async function phraseRulesFor(records: readonly NormalizedCallRecord[]): Promise<CompiledRule[]> {
  return records.some((r) => r.transcript !== undefined) ? compileRules(await enabledPhraseRules()) : [];
}

export function findingsFor(jobId: bigint, utterances: readonly Utterance[] | null, rules: readonly CompiledRule[]) {
  // No transcript, nothing to judge: a missing transcript is not a missing phrase.
  return utterances ? checkTranscript(jobId, utterances, rules) : [];
}

/**
 * Replaces the phrase findings of these records and sets bit 8 of their
 * compliance_flags from them, in one statement. Only kind 'phrase' and only
 * bit 8: the other checks own the other kinds and bits.
 */
export async function writePhraseFindings(
  rowsOf: RowReader,
  results: readonly { recordId: bigint; findings: PhraseFinding[] }[],
) {
  if (results.length === 0) return;
  const sorted = [...results].sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  const flat = sorted.flatMap((r) => r.findings.map((f) => ({ recordId: r.recordId, ...f })));
  await rowsOf(Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${sorted.map((r) => r.recordId.toString())}::text[]::bigint[],
        ${sorted.map((r) => (r.findings.length ? PHRASE : 0))}::int[]) AS i(id, bit)
    ), removed AS (
      DELETE FROM compliance_findings f USING input i WHERE f.record_id = i.id AND f.kind = 'phrase'
    ), added AS (
      INSERT INTO compliance_findings (record_id, kind, code, detail)
      SELECT record_id, 'phrase', code, detail FROM unnest(
        ${flat.map((f) => f.recordId.toString())}::text[]::bigint[],
        ${flat.map((f) => f.code)}::text[],
        ${flat.map((f) => JSON.stringify(f.detail))}::text[]::jsonb[]
      ) AS f(record_id, code, detail)
    )
    UPDATE call_records c SET compliance_flags = (c.compliance_flags & ~${PHRASE}::int) | i.bit
    FROM input i
    WHERE c.id = i.id AND c.compliance_flags <> ((c.compliance_flags & ~${PHRASE}::int) | i.bit)
  `);
}
