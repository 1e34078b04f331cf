import "server-only";
import pg from "pg";
import { Prisma } from "../../db/client";
import { inClientTransaction } from "../../db/client-transaction";
import { getEnv } from "../../env";
import { parseCallFilters, type CallFilters } from "../query/filters";
import { EFFECTIVE_SUBMISSION_STATE_SQL } from "../../submissions/in-flight";
import { csvLine, SEP, splitRow, type LineLayout } from "./export-row";
import { textCell } from "../../csv/cell";
import { allJobNames } from "../../jobs/names";
import { callFiltersWhere } from "../query/where";
import { COMPLIANCE_BIT, COMPLIANCE_KINDS } from "../../compliance/flags";
import { IVR_CALL_RECORD_FIELDS } from "../../top/dto";

/** The record's compliance kinds as `hours;anomaly` (array_to_string leaves out the NULLs). */
const COMPLIANCE_KINDS_SQL = `array_to_string(ARRAY[${COMPLIANCE_KINDS.map(
  (k) => `CASE WHEN compliance_flags & ${COMPLIANCE_BIT[k]} <> 0 THEN '${k}' END`,
).join(", ")}], ';')`;

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
  // The record as TOP receives it, then the console's own columns.
  ...IVR_CALL_RECORD_FIELDS,
  "submission_state",
  "last_result_code",
  "last_result_message",
  "review_state",
  // Review: when, by whom (email), the flag reasons of the current verdict, and a corrected intent.
  "reviewed_at",
  "reviewed_by",
  "review_reasons",
  "corrected_intent_level_tag_id",
  "corrected_intent_level_code",
  "corrected_intent_level_detail_name",
  // The compliance kinds found, `;`-separated (hours;frequency;anomaly;phrase).
  "compliance_flags",
  // The current review's scorecard score (0-100, empty when unscored), whether it failed a critical item
  // (true/false, empty when unscored) and the scorecard version it was scored with ("<name> v<version>").
  "review_score",
  "review_critical_failed",
  "scorecard_version",
] as const;

/** Columns that are not call_records columns of the same name. */
const COMPUTED: Partial<Record<(typeof EXPORT_COLUMNS)[number], string>> = {
  submission_state: `${EFFECTIVE_SUBMISSION_STATE_SQL} AS submission_state`,
  reviewed_by: "(SELECT u.email FROM users u WHERE u.id = call_records.reviewed_by_id) AS reviewed_by",
  review_reasons:
    "CASE WHEN review_state = 'flagged' THEN (SELECT array_to_string(v.reasons, ';') FROM reviews v WHERE v.record_id = call_records.id ORDER BY v.id DESC LIMIT 1) END AS review_reasons",
  corrected_intent_level_tag_id: "corrected_intent_tag_id AS corrected_intent_level_tag_id",
  corrected_intent_level_code: "corrected_intent_code AS corrected_intent_level_code",
  corrected_intent_level_detail_name: "corrected_intent_name AS corrected_intent_level_detail_name",
  compliance_flags: `${COMPLIANCE_KINDS_SQL} AS compliance_flags`,
  review_critical_failed:
    "CASE review_critical_failed WHEN true THEN 'true' WHEN false THEN 'false' END AS review_critical_failed",
  // Looked up only for scored records (few), from the current (latest) review, as review_reasons is.
  scorecard_version:
    "CASE WHEN review_score IS NOT NULL THEN (SELECT s.name || ' v' || sv.version FROM reviews v JOIN scorecard_versions sv ON sv.id = v.scorecard_version_id JOIN scorecards s ON s.id = sv.scorecard_id WHERE v.record_id = call_records.id ORDER BY v.id DESC LIMIT 1) END AS scorecard_version",
};

/** Time columns. */
const TIMESTAMPS = new Set<string>(["start_time", "end_time", "reviewed_at"]);

/** Rows per keyset query: big enough that the round trips do not show. */
const PAGE = 1_000;
/**
 * Characters of CSV text handed to the response at a time (16–48 KB on the
 * wire). Kept below V8's large-object size (128 KB; Chinese text makes a
 * two-byte string, 2 bytes a character): a larger chunk, once flattened to be
 * encoded, would go to the large-object space, which only a full GC frees.
 */
const CHUNK_CHARS = 16 * 1024;

/** A time in the session's (the display) time zone with its offset, by PostgreSQL (years 1–9999 also come out right as ISO text: see `zonedTime`). */
const toChar = (c: string) => `to_char(${c}, 'YYYY-MM-DD HH24:MI:SS.MSTZH:TZM')`;

/** Each column's value, as the SQL expression the export reads. */
const VALUE = EXPORT_COLUMNS.map((c) => COMPUTED[c]?.replace(/ AS \w+$/, "") ?? c);

/**
 * The row as one text: the columns' texts, then the id, joined by SEP (concat
 * writes NULL as empty text, which the CSV writes like NULL). Times in the
 * display time zone (the session's) as PostgreSQL's ISO text, which
 * `zonedTime` completes in JavaScript: to_char was the costliest expression
 * of the query; it is kept for years the ISO text would not fit.
 */
const JOINED = Prisma.raw(
  "concat(" +
    EXPORT_COLUMNS.map((c, i) =>
      TIMESTAMPS.has(c)
        ? `CASE WHEN ${c} >= '0001-01-01 00:00:00+00' AND ${c} < '10000-01-01 00:00:00+00' THEN ${c}::text ELSE ${toChar(c)} END`
        : VALUE[i],
    )
      .concat("id")
      .join(", E'\\x1f', ") +
    ")",
);
/** The columns one by one (for a row whose text holds SEP). */
const SEPARATE = Prisma.raw(
  EXPORT_COLUMNS.map((c, i) => (TIMESTAMPS.has(c) ? toChar(c) : `${VALUE[i]}::text`)).join(", "),
);

const LAYOUT: LineLayout = {
  columns: EXPORT_COLUMNS.length,
  times: EXPORT_COLUMNS.flatMap((c, i) => (TIMESTAMPS.has(c) ? [i] : [])),
  phone: EXPORT_COLUMNS.indexOf("called_phone_number"),
  name: EXPORT_COLUMNS.indexOf("name"),
  freeText: (["full_audio_url", "properties", "last_result_message"] as const).map((c) => EXPORT_COLUMNS.indexOf(c)),
};

/** Below every id (ids come from a sequence starting at 1): the first page is the same statement as the others. */
const BEFORE_ANY_ID = "-9223372036854775808";

/** Text as PostgreSQL sent it: the CSV wants text, the driver's parsers would be work thrown away. */
const AS_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

/**
 * With a time range, the ids of its first and last records (null: none).
 * Records are pushed about when their calls happen, so ids follow start
 * times: without these bounds, the first page walked the ids of every record
 * before the range and the last one those after it (half the table each for
 * a range in the middle). Read from the start-time index alone (which holds
 * the ids), whatever the other filters: every match lies between them.
 */
/**
 * Runs each read in a transaction of its own whose settings are set there
 * (SET LOCAL): through PgBouncer in transaction pooling, a session's settings
 * (given at connect or by SET) stay on whichever server connection took them,
 * and the next read may get another one, which printed times in UTC. Reads
 * take turns: the read-ahead and a row read again must not share a transaction.
 */
function pinnedReads(client: pg.Client, timeZone: string) {
  let turn: Promise<unknown> = Promise.resolve();
  return <T>(read: () => Promise<T>): Promise<T> => {
    const run = turn.then(() =>
      inClientTransaction(client, "BEGIN READ ONLY", async () => {
        await client.query(
          "SELECT set_config('TimeZone', $1, true), set_config('DateStyle', 'ISO, MDY', true), set_config('plan_cache_mode', 'force_custom_plan', true)",
          [timeZone],
        );
        return read();
      }),
    );
    turn = run.catch(() => {});
    return run;
  };
}

async function idBounds(
  client: pg.Client,
  filters: CallFilters,
  timeZone: string,
): Promise<{ first: string; last: string } | null | undefined> {
  if (!filters.from && !filters.to) return undefined;
  const range = callFiltersWhere({ ...parseCallFilters({}).filters, from: filters.from, to: filters.to }, timeZone);
  // OFFSET 0 keeps min/max from being planned as two walks of the primary key.
  const query = Prisma.sql`SELECT min(id)::text, max(id)::text FROM (SELECT id FROM call_records ${range} OFFSET 0) r`;
  const { rows } = await client.query<[string | null, string | null]>({
    text: query.text,
    values: query.values,
    rowMode: "array",
  });
  const [first, last] = rows[0]!;
  return first === null || last === null ? null : { first, last };
}

/**
 * The console's own last column: the job's name (robot_call_jobs), looked up
 * in memory from one read of the named jobs before the rows, never joined per row.
 */
export const JOB_NAME_COLUMN = "robot_call_job_name";

export async function* exportCallRecordsCsv(
  filters: CallFilters,
  timeZone: string,
  opts: { masked: boolean; onDone?: (rows: number) => Promise<void> },
): AsyncGenerator<string> {
  const jobNameOf = await allJobNames();
  yield "\uFEFF" + EXPORT_COLUMNS.join(",") + "," + JOB_NAME_COLUMN + "\r\n";
  // Rows are read with the pg driver itself on a connection of the export's
  // own: turning each row into an object through Prisma cost more than the
  // query and the CSV together, and a long export
  // does not hold one of the app's pooled connections. DateStyle is pinned:
  // `zonedTime` reads the ISO text of times, printed in the display time zone
  // (the UI's: people compare the file with the screen). Every page is planned for its own
  // values (plan_cache_mode): PostgreSQL's generic plan of a page with a time
  // range (or a common status) walked that filter's index and sorted all the
  // remaining matches by id for each page of 1,000, so every page cost as much
  // as the rest of the export.
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  const pinned = pinnedReads(client, timeZone);
  let total = 0;
  let bounds: { first: string; last: string } | null | undefined;
  try {
    bounds = await pinned(() => idBounds(client, filters, timeZone));
  } catch (err) {
    await client.end();
    throw err;
  }
  const fetchAfter = async (after: string): Promise<string[]> => {
    if (bounds === null) return [];
    const keyset = [Prisma.sql`id > ${after}::bigint`];
    if (bounds) keyset.push(Prisma.sql`id <= ${bounds.last}::bigint`);
    const where: Prisma.Sql = callFiltersWhere({ ...filters, cursor: undefined }, timeZone, keyset);
    const query = Prisma.sql`SELECT ${JOINED} FROM call_records ${where} ORDER BY id LIMIT ${PAGE}`;
    // Unnamed: PgBouncer's transaction pooling (1.18) cannot keep a named statement on one server connection,
    // and an unnamed one is planned for its own values anyway.
    const { rows } = await pinned(() =>
      client.query<[string]>({ text: query.text, values: query.values, rowMode: "array", types: AS_TEXT }),
    );
    const texts = new Array<string>(rows.length);
    for (let k = 0; k < rows.length; k++) texts[k] = rows[k]![0];
    return texts;
  };
  /** A row whose values hold SEP, read again by its id (the last part of its text) one column at a time. */
  const separately = async (row: string): Promise<string[] | null> => {
    const id = row.slice(row.lastIndexOf(SEP) + 1);
    const query = Prisma.sql`SELECT ${SEPARATE} FROM call_records WHERE id = ${id}::bigint`;
    const { rows } = await pinned(() =>
      client.query<(string | null)[]>({ text: query.text, values: query.values, rowMode: "array", types: AS_TEXT }),
    );
    return rows[0]?.map((v) => v ?? "") ?? null; // null: deleted since
  };
  // One page is read ahead while the previous one is written out.
  let pending: Promise<string[]> | null = fetchAfter(bounds ? (BigInt(bounds.first) - 1n).toString() : BEFORE_ANY_ID);
  let out = "";
  try {
    while (pending) {
      const rows: string[] = await pending;
      const last = rows.length ? rows[rows.length - 1]! : "";
      pending = rows.length < PAGE ? null : fetchAfter(last.slice(last.lastIndexOf(SEP) + 1));
      total += rows.length;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const cells = splitRow(row, LAYOUT) ?? (await separately(row));
        if (cells === null) {
          total--;
          continue;
        }
        const line = csvLine(cells, LAYOUT, opts.masked);
        const jobName = jobNameOf.get(cells[1]!);
        out += `${line.slice(0, -2)},${jobName ? textCell(jobName) : ""}\r\n`;
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
