import "server-only";
import pg from "pg";
import { Prisma } from "../db/client";
import { getEnv } from "../env";
import { maskName, maskPhone } from "../privacy/mask";
import type { CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * CSV of every record matching a filter, produced in keyset chunks so memory
 * stays flat whatever the size (one chunk in memory at a time, pulled by the
 * response stream). Wire field names as headers; UTF-8 with a BOM
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

const CHUNK = 2_000;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote when needed; a leading =, +, - or @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const SELECT = Prisma.raw(EXPORT_COLUMNS.map((c) => COMPUTED[c] ?? (c.endsWith("_state") ? `${c}::text AS ${c}` : c)).join(", "));
const PHONE = EXPORT_COLUMNS.indexOf("called_phone_number");
const NAME = EXPORT_COLUMNS.indexOf("name");

export async function* exportCallRecordsCsv(filters: CallFilters, timeZone: string, opts: { masked: boolean; onDone?: (rows: number) => Promise<void> }): AsyncGenerator<string> {
  yield "\uFEFF" + EXPORT_COLUMNS.join(",") + "\r\n";
  // Rows are read with the pg driver itself, as arrays, on a connection of
  // the export's own: turning each row into an object through Prisma cost
  // more than the query and the CSV together (about 4× slower overall), and a
  // long export does not hold one of the app's pooled connections.
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  let total = 0;
  const fetchAfter = async (after: string | null): Promise<unknown[][]> => {
    const where: Prisma.Sql = callFiltersWhere({ ...filters, cursor: undefined }, timeZone, after === null ? [] : [Prisma.sql`id > ${after}::bigint`]);
    const query = Prisma.sql`SELECT ${SELECT}, id FROM call_records ${where} ORDER BY id LIMIT ${CHUNK}`;
    return (await client.query<unknown[]>({ text: query.text, values: query.values, rowMode: "array" })).rows;
  };
  // One chunk is read ahead while the previous one is written out.
  let pending: Promise<unknown[][]> | null = fetchAfter(null);
  try {
    while (pending) {
      const rows: unknown[][] = await pending;
      pending = rows.length < CHUNK ? null : fetchAfter(String(rows[rows.length - 1]![EXPORT_COLUMNS.length]));
      if (!rows.length) break;
      total += rows.length;
      const lines: string[] = new Array<string>(rows.length);
      const cells: string[] = new Array<string>(EXPORT_COLUMNS.length);
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]!;
        if (opts.masked) {
          r[PHONE] = maskPhone(r[PHONE] as string | null);
          r[NAME] = maskName(r[NAME] as string | null);
        }
        for (let i = 0; i < cells.length; i++) cells[i] = csvCell(r[i]);
        lines[k] = cells.join(",");
      }
      yield lines.join("\r\n") + "\r\n";
    }
  } finally {
    // Stopped early (the download was cancelled): the read-ahead fails when the connection closes.
    pending?.catch(() => {});
    await client.end();
  }
  await opts.onDone?.(total);
}
