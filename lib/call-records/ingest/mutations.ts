import "server-only";
import { inTransaction, Prisma, prisma, type RowReader } from "../../db/client";
import { complianceSettings } from "../../compliance/checks";
import { CHECKED_MASK, clearCheckedFindings } from "../../compliance/check-sql";
import { queueFollowupsCte } from "../../compliance/followups";
import { checkIncoming, incomingCallArrays, type IncomingCheck } from "../../compliance/incoming";
import { textColumn } from "../../db/text-column";
import { contentHash } from "./content-hash";
import {
  MAX_RECORDS_PER_BATCH,
  summarise,
  type IngestOutcome,
  type IngestResult,
  type IngestResultEntry,
  type IngestSource,
} from "./ingest-result";
import { stringifyJson } from "../json-bigint";
import { validateCallRecord, type FieldError, type NormalizedCallRecord } from "../schema";
import { unknownFieldWarnings } from "./unknown-fields";
import { nameJobsFromIngest } from "../../jobs/name-mutations";
import { phraseRulesFor, storeTranscripts } from "../../transcripts/mutations";

export type { IngestOutcome, IngestResult, IngestResultEntry, IngestSource, IngestSummary } from "./ingest-result";
export { MAX_RECORDS_PER_BATCH } from "./ingest-result";

interface Row {
  record: NormalizedCallRecord;
  hash: string;
}

interface UpsertedRow {
  call_record_id: string;
  inserted: boolean;
}

/**
 * Validates each item and upserts every valid one, idempotently, in ONE SQL
 * statement: the batch is stored whole or not at all, and a re-push of the
 * same content changes nothing (not even updated_at).
 *
 * - Outcomes: "created" (new call_record_id), "updated" (content changed),
 *   "unchanged" (same content hash), "rejected" (with field errors; the
 *   other records are still stored).
 * - The same call_record_id twice in one batch: the last one is stored (one
 *   statement cannot touch a row twice), and the entries report what they
 *   did taken in order, as if sent one after the other: the first against
 *   the stored row ("created" when there was none), each later one against
 *   the one before it ("updated" when it differs, else "unchanged"). So a
 *   new id sent twice is created once. The summary counts entries, so
 *   received always equals created + updated + unchanged + rejected.
 * - A change never touches received_at or the submission and review columns:
 *   what was submitted or reviewed stays on record; the submission side
 *   compares content itself. `source` follows the write that changed the row.
 *
 * Throws (nothing written) when the database fails; callers chunk to at most
 * MAX_RECORDS_PER_BATCH items.
 */
export async function ingestCallRecords(
  items: readonly unknown[],
  opts: { source: IngestSource; sourceName?: string | null },
): Promise<IngestResult> {
  if (items.length > MAX_RECORDS_PER_BATCH) {
    throw new RangeError(
      `ingestCallRecords takes at most ${MAX_RECORDS_PER_BATCH} records per call, got ${items.length}`,
    );
  }
  const results: IngestResultEntry[] = [];
  const latest = new Map<bigint, Row>();
  const accepted: { index: number; id: bigint; hash: string; warnings: FieldError[] }[] = [];

  items.forEach((item, index) => {
    const v = validateCallRecord(item);
    const warnings = unknownFieldWarnings(item);
    if (!v.ok) {
      results[index] = {
        index,
        call_record_id: v.callRecordId?.toString() ?? null,
        outcome: "rejected",
        errors: v.errors,
        ...(warnings.length ? { warnings } : {}),
      };
      return;
    }
    const hash = contentHash(v.record);
    latest.set(v.record.callRecordId, { record: v.record, hash });
    accepted.push({ index, id: v.record.callRecordId, hash, warnings });
  });

  const repeated =
    accepted.length > latest.size ? await storedHashesOfRepeated(accepted) : new Map<bigint, string | null>();
  const records = [...latest.values()].map((r) => r.record);
  const phraseRules = await phraseRulesFor(records);
  // The records and their compliance checks are stored together or not at all (the later calls' rechecks are
  // queued for the worker). Transcripts live beside the record (not in its content hash): a changed transcript
  // alone reports "updated".
  const { written, transcriptChanged } = await inTransaction(async (rows) => {
    const checks = await checkIncoming(rows, records, complianceSettings());
    const outcomes = await upsertRows(rows, [...latest.values()], checks, opts.source, opts.sourceName ?? null);
    const changed = await storeTranscripts(rows, records, new Set(outcomes.keys()), phraseRules);
    return { written: outcomes, transcriptChanged: changed };
  });
  const names = new Map<bigint, string>();
  for (const { record } of latest.values())
    if (record.robotCallJobName) names.set(record.robotCallJobId, record.robotCallJobName);
  await nameJobsFromIngest(names);
  for (const { index, id, hash, warnings } of accepted) {
    let outcome: IngestOutcome;
    if (repeated.has(id)) {
      const before = repeated.get(id)!;
      outcome = before === null ? "created" : before === hash ? "unchanged" : "updated";
      repeated.set(id, hash);
    } else {
      outcome = written.get(id.toString()) ?? (transcriptChanged.has(id.toString()) ? "updated" : "unchanged");
    }
    results[index] = {
      index,
      call_record_id: id.toString(),
      outcome,
      errors: [],
      ...(warnings.length ? { warnings } : {}),
    };
  }
  return { results, summary: summarise(results) };
}

/** For the ids that occur more than once: the stored content hash (null: no row yet), read before the batch is written. */
async function storedHashesOfRepeated(accepted: readonly { id: bigint }[]): Promise<Map<bigint, string | null>> {
  const seen = new Set<bigint>();
  const repeated = new Map<bigint, string | null>();
  for (const { id } of accepted) {
    if (seen.has(id)) repeated.set(id, null);
    seen.add(id);
  }
  const ids = [...repeated.keys()];
  const stored = await prisma.callRecord.findMany({
    where: { callRecordId: { in: ids } },
    select: { callRecordId: true, contentHash: true },
  });
  for (const r of stored) repeated.set(r.callRecordId, r.contentHash);
  return repeated;
}

/**
 * call_record_id → "created" | "updated" for the rows the statement wrote (absent ones were unchanged). Each row
 * is written with its compliance check (`checks`): its id, flags and findings.
 */
async function upsertRows(
  read: RowReader,
  rows: Row[],
  checks: ReadonlyMap<bigint, IncomingCheck>,
  source: IngestSource,
  sourceName: string | null,
): Promise<Map<string, "created" | "updated">> {
  const written = new Map<string, "created" | "updated">();
  if (rows.length === 0) return written;
  // A fixed row order makes concurrent batches lock overlapping ids in the same order: no deadlocks.
  rows.sort((a, b) =>
    a.record.callRecordId < b.record.callRecordId ? -1 : a.record.callRecordId > b.record.callRecordId ? 1 : 0,
  );

  // Column arrays go over the wire as text[] (exact for int64, no float
  // rounding, nothing for the driver to guess) and are cast in SQL.
  const col = <T>(pick: (r: NormalizedCallRecord) => T | null, str?: (v: T) => string) =>
    textColumn(rows, (r) => pick(r.record), str);
  const json = (v: unknown) => stringifyJson(v);
  const checkOf = (r: Row) => {
    const check = checks.get(r.record.callRecordId);
    if (!check) throw new Error(`record ${r.record.callRecordId} was not checked`);
    return check;
  };
  const findings = rows.flatMap((r) =>
    checkOf(r).findings.map((f) => ({ callRecordId: r.record.callRecordId.toString(), ...f })),
  );

  // Recording links expire: every stored or changed link is queued for the
  // archiver in the same statement (the seeded demo plays the console's own
  // files, which never expire, and is not archived).
  const archive =
    source === "seed"
      ? Prisma.empty
      : Prisma.sql`, archive AS (
      INSERT INTO audio_archives (record_id, source_url)
      SELECT id, full_audio_url FROM upserted WHERE full_audio_url IS NOT NULL
      ON CONFLICT (record_id) DO UPDATE SET source_url = EXCLUDED.source_url, state = 'queued', attempts = 0,
        next_attempt_at = now(), lease_until = NULL, last_error = NULL, updated_at = now()
      WHERE audio_archives.source_url IS DISTINCT FROM EXCLUDED.source_url
    )`;

  // The stored number and start time of the records an update changes (the calls that followed them there
  // are queued for a recheck). Read in the statement's snapshot, before its upsert: RETURNING old.* would say
  // it in one step, but it is PostgreSQL 18's, and a deployment may run 15.
  const inserted = await read<UpsertedRow>(Prisma.sql`
    WITH prior AS MATERIALIZED (
      SELECT call_record_id, called_phone_number, start_time FROM call_records
      WHERE call_record_id = ANY (${col((r) => r.callRecordId)}::text[]::bigint[])
    ), upserted AS (
    INSERT INTO call_records (
      id, compliance_flags, call_record_id, robot_call_job_id, called_phone_number, result_status, full_audio_url,
      chat_duration, start_time, end_time, name, properties, properties_json,
      intent_level_detail_name, tenant_phone_number_id, phone_number, intent_level_code,
      intent_level_tag_id, rpc_context, content_hash, source, source_name
    )
    SELECT u.*, ${source}::record_source, ${sourceName}::text
    FROM unnest(
      ${rows.map((r) => checkOf(r).id.toString())}::text[]::bigint[],
      ${rows.map((r) => checkOf(r).flags)}::int[],
      ${incomingCallArrays(rows.map((r) => r.record))},
      ${col((r) => r.name)}::text[],
      ${col((r) => r.properties)}::text[],
      ${col((r) => r.propertiesJson, json)}::text[]::jsonb[],
      ${col((r) => r.intentLevelDetailName)}::text[],
      ${col((r) => r.tenantPhoneNumberId)}::text[]::bigint[],
      ${col((r) => r.phoneNumber)}::text[],
      ${col((r) => r.intentLevelCode)}::text[]::integer[],
      ${col((r) => r.intentLevelTagId)}::text[]::bigint[],
      ${col((r) => r.rpcContext, json)}::text[]::jsonb[],
      ${rows.map((r) => r.hash)}::text[]
    ) AS u
    ON CONFLICT (call_record_id) DO UPDATE SET
      robot_call_job_id = EXCLUDED.robot_call_job_id,
      called_phone_number = EXCLUDED.called_phone_number,
      result_status = EXCLUDED.result_status,
      full_audio_url = EXCLUDED.full_audio_url,
      chat_duration = EXCLUDED.chat_duration,
      start_time = EXCLUDED.start_time,
      end_time = EXCLUDED.end_time,
      name = EXCLUDED.name,
      properties = EXCLUDED.properties,
      properties_json = EXCLUDED.properties_json,
      intent_level_detail_name = EXCLUDED.intent_level_detail_name,
      tenant_phone_number_id = EXCLUDED.tenant_phone_number_id,
      phone_number = EXCLUDED.phone_number,
      intent_level_code = EXCLUDED.intent_level_code,
      intent_level_tag_id = EXCLUDED.intent_level_tag_id,
      rpc_context = EXCLUDED.rpc_context,
      content_hash = EXCLUDED.content_hash,
      source = EXCLUDED.source,
      source_name = EXCLUDED.source_name,
      compliance_flags = (call_records.compliance_flags & ~${CHECKED_MASK}::int) | EXCLUDED.compliance_flags,
      updated_at = now()
    WHERE call_records.content_hash IS DISTINCT FROM EXCLUDED.content_hash
    RETURNING id, call_record_id, full_audio_url, (xmax = 0) AS inserted, called_phone_number, start_time
    )${archive},
    -- An update's findings of the checked kinds are replaced.
    cleared AS (${clearCheckedFindings(Prisma.sql`ARRAY(SELECT id FROM upserted WHERE NOT inserted)`)}),
    found AS (
      INSERT INTO compliance_findings (record_id, kind, code, detail)
      SELECT u.id, f.kind, f.code, f.detail
      FROM unnest(${findings.map((f) => f.callRecordId)}::text[]::bigint[], ${findings.map((f) => f.kind)}::text[],
                  ${findings.map((f) => f.code)}::text[], ${findings.map((f) => json(f.detail))}::text[]::jsonb[])
        AS f(call_record_id, kind, code, detail)
      JOIN upserted u ON u.call_record_id = f.call_record_id
    ),
    ${queueFollowupsCte}
    SELECT u.call_record_id::text AS call_record_id, u.inserted FROM upserted u
  `);
  for (const row of inserted) written.set(row.call_record_id, row.inserted ? "created" : "updated");
  return written;
}
