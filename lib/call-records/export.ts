import "server-only";
import { Prisma, prisma } from "../db/client";
import { maskName, maskPhone } from "../privacy/mask";
import type { CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * CSV of every record matching a filter, produced in keyset chunks so memory
 * stays flat whatever the size. Wire field names as headers; UTF-8 with a BOM
 * so that Excel opens Chinese text correctly; personal data masked the same
 * way as on screen.
 */

export const EXPORT_COLUMNS = [
  "call_record_id", "robot_call_job_id", "called_phone_number", "result_status", "full_audio_url", "chat_duration",
  "start_time", "end_time", "name", "properties", "intent_level_detail_name", "tenant_phone_number_id", "phone_number",
  "intent_level_code", "intent_level_tag_id", "submission_state", "last_result_code", "last_result_message", "review_state",
  // Review: when, by whom (email), the flag reasons of the current verdict, and a corrected intent.
  "reviewed_at", "reviewed_by", "review_reasons", "corrected_intent_level_tag_id", "corrected_intent_level_code", "corrected_intent_level_detail_name",
] as const;

/** Columns that are not call_records columns of the same name. */
const COMPUTED: Partial<Record<(typeof EXPORT_COLUMNS)[number], string>> = {
  reviewed_by: "(SELECT u.email FROM users u WHERE u.id = call_records.reviewed_by_id) AS reviewed_by",
  review_reasons:
    "CASE WHEN review_state = 'flagged' THEN (SELECT array_to_string(v.reasons, ';') FROM reviews v WHERE v.record_id = call_records.id ORDER BY v.id DESC LIMIT 1) END AS review_reasons",
  corrected_intent_level_tag_id: "corrected_intent_tag_id AS corrected_intent_level_tag_id",
  corrected_intent_level_code: "corrected_intent_code AS corrected_intent_level_code",
  corrected_intent_level_detail_name: "corrected_intent_name AS corrected_intent_level_detail_name",
};

const CHUNK = 5_000;

type Row = Record<(typeof EXPORT_COLUMNS)[number], unknown> & { id: bigint };

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote when needed; a leading =, +, - or @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function* exportCallRecordsCsv(filters: CallFilters, timeZone: string, opts: { masked: boolean; onDone?: (rows: number) => Promise<void> }): AsyncGenerator<string> {
  yield "\uFEFF" + EXPORT_COLUMNS.join(",") + "\r\n";
  let after: bigint | null = null;
  let total = 0;
  for (;;) {
    const where: Prisma.Sql = callFiltersWhere({ ...filters, cursor: undefined }, timeZone, after === null ? [] : [Prisma.sql`id > ${after}`]);
    const rows: Row[] = await prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT id, ${Prisma.raw(EXPORT_COLUMNS.map((c) => COMPUTED[c] ?? (c.endsWith("_state") ? `${c}::text AS ${c}` : c)).join(", "))}
      FROM call_records ${where} ORDER BY id LIMIT ${CHUNK}`);
    if (!rows.length) break;
    total += rows.length;
    let chunk = "";
    for (const r of rows) {
      if (opts.masked) {
        r.called_phone_number = maskPhone(r.called_phone_number as string | null);
        r.name = maskName(r.name as string | null);
      }
      chunk += EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(",") + "\r\n";
    }
    yield chunk;
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1]!.id;
  }
  await opts.onDone?.(total);
}
