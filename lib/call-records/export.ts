import "server-only";
import pg from "pg";
import { Prisma } from "../db/client";
import { getEnv } from "../env";
import { maskName, maskPhone } from "../privacy/mask";
import type { CallFilters } from "./filters";
import { callFiltersWhere } from "./where";

/**
 * CSV of every record matching a filter, produced in keyset pages so memory
 * stays flat whatever the size: one page read ahead, and the text handed to
 * the response in small chunks that the response pulls when the
 * client has taken the previous ones (nothing queues up behind a slow
 * download). Wire field names as headers; UTF-8 with a BOM so that Excel
 * opens Chinese text correctly; personal data masked the same way as on
 * screen.
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

/** Columns PostgreSQL formats itself (the same text as `Date.prototype.toISOString`). */
const TIMESTAMPS = new Set<string>(["start_time", "end_time", "reviewed_at"]);

/** Rows per keyset query: big enough that the round trips do not show, small enough that a page dies young in the GC. */
const PAGE = 1_000;
/**
 * Characters of CSV text handed to the response at a time (16–48 KB on the
 * wire). Kept below V8's large-object size (128 KB; Chinese text makes a
 * two-byte string, 2 bytes a character): a larger chunk, once flattened to be
 * encoded, would go to the large-object space, which only a full GC frees.
 */
const CHUNK_CHARS = 16 * 1024;

const QUOTE_NEEDED = /[",\r\n]/;

/** A text cell as CSV: quoted when needed; a leading =, +, -, @, TAB or CR (a formula to spreadsheets) is defused with a `'`. */
function textCell(text: string): string {
  const c = text.charCodeAt(0);
  if (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d) return `"'${text.replaceAll('"', '""')}"`;
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return textCell(value instanceof Date ? value.toISOString() : String(value));
}

// Times are printed by PostgreSQL, already as text: parsing them into Dates
// only to print them again was the largest share of the per-row cost.
const SELECT = Prisma.raw(
  EXPORT_COLUMNS.map((c) =>
    TIMESTAMPS.has(c)
      ? `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${c}`
      : (COMPUTED[c] ?? (c.endsWith("_state") ? `${c}::text AS ${c}` : c)),
  ).join(", "),
);
const PHONE = EXPORT_COLUMNS.indexOf("called_phone_number");
const NAME = EXPORT_COLUMNS.indexOf("name");

/**
 * Every column arrives as the text PostgreSQL sent: the CSV wants text, so
 * the driver's parsers (bigint checks, dates) would be work thrown away.
 */
const AS_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export async function* exportCallRecordsCsv(filters: CallFilters, timeZone: string, opts: { masked: boolean; onDone?: (rows: number) => Promise<void> }): AsyncGenerator<string> {
  yield "\uFEFF" + EXPORT_COLUMNS.join(",") + "\r\n";
  // Rows are read with the pg driver itself, as arrays, on a connection of
  // the export's own: turning each row into an object through Prisma cost
  // more than the query and the CSV together (about 4× slower overall), and a
  // long export does not hold one of the app's pooled connections.
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  let total = 0;
  const columns = EXPORT_COLUMNS.length;
  const fetchAfter = async (after: string | null): Promise<(string | null)[][]> => {
    const where: Prisma.Sql = callFiltersWhere({ ...filters, cursor: undefined }, timeZone, after === null ? [] : [Prisma.sql`id > ${after}::bigint`]);
    const query = Prisma.sql`SELECT ${SELECT}, id FROM call_records ${where} ORDER BY id LIMIT ${PAGE}`;
    return (await client.query<(string | null)[]>({ text: query.text, values: query.values, rowMode: "array", types: AS_TEXT })).rows;
  };
  // One page is read ahead while the previous one is written out.
  let pending: Promise<(string | null)[][]> | null = fetchAfter(null);
  let out = "";
  try {
    while (pending) {
      const rows: (string | null)[][] = await pending;
      pending = rows.length < PAGE ? null : fetchAfter(rows[rows.length - 1]![columns]!);
      total += rows.length;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]!;
        if (opts.masked) {
          r[PHONE] = maskPhone(r[PHONE]);
          r[NAME] = maskName(r[NAME]);
        }
        // One string per line, built cell by cell: no array of cells to join.
        const first = r[0];
        let line = first == null ? "" : textCell(first);
        for (let i = 1; i < columns; i++) {
          const v = r[i];
          line += v == null ? "," : "," + textCell(v);
        }
        out += line + "\r\n";
        if (out.length >= CHUNK_CHARS) {
          yield out;
          out = "";
        }
      }
    }
    if (out) yield out;
  } finally {
    // Stopped early (the download was cancelled): the read-ahead fails when the connection closes.
    pending?.catch(() => {});
    await client.end();
  }
  await opts.onDone?.(total);
}
