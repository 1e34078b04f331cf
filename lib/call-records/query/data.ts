import "server-only";
import { Prisma, prisma, readRows } from "../../db/client";
import {
  decodeCursor,
  encodeCursor,
  keysetPageSql,
  type KeysetPage,
  orderBy,
  parseSort,
  SORT_COLUMNS,
  type DecodedCursor,
  type SortKey,
} from "./cursor";
import type { CallFilters } from "./filters";
import { EFFECTIVE_SUBMISSION_STATE } from "../../submissions/in-flight";
import { callFiltersWhere } from "./where";

export interface CallRecordRow {
  id: bigint;
  call_record_id: bigint;
  robot_call_job_id: bigint;
  called_phone_number: string | null;
  phone_number: string | null;
  name: string | null;
  result_status: string | null;
  intent_level_tag_id: bigint | null;
  intent_level_code: number | null;
  intent_level_detail_name: string | null;
  chat_duration: number | null;
  start_time: Date | null;
  tenant_phone_number_id: bigint | null;
  has_audio: boolean;
  submission_state: string;
  last_result_code: string | null;
  last_result_message: string | null;
  review_state: string;
  /** Name of who gave the current verdict. */
  reviewed_by: string | null;
  corrected_intent_tag_id: bigint | null;
  corrected_intent_code: number | null;
  corrected_intent_name: string | null;
  /** Compliance kinds found (bits: lib/compliance/flags.ts). */
  compliance_flags: number;
  /** The current review's scorecard score (0-100) and whether it failed a critical item; null when unscored. */
  review_score: number | null;
  review_critical_failed: boolean | null;
}

export interface CallRecordPage {
  rows: CallRecordRow[];
  /** Cursor of the next page, null on the last page. */
  nextCursor: string | null;
  /** Cursor of the previous page (keyset backwards), null on the first page. */
  prevCursor: string | null;
  /** 0-based position of the page's first row, when it is known (paged to from the first page). */
  offset: number | null;
  /** The cursor could not be read (edited or stale link): the first page is shown. */
  cursorInvalid: boolean;
}

/**
 * The statement behind one page of the calls list (also run verbatim by the
 * benchmark, to compare the console with the database alone).
 */
export function callRecordsPageSql(
  filters: CallFilters,
  timeZone: string,
): { sql: Prisma.Sql; cursor: DecodedCursor | null } {
  const { key, desc: forwardDesc } = parseSort(filters.sort);
  const cursor = filters.cursor ? decodeCursor(filters.cursor, key) : null;
  // A "previous" cursor reads the rows before it in the reverse order (NULLs
  // sort as largest both ways, so the reversed order is the exact mirror).
  const desc = cursor?.backward ? !forwardDesc : forwardDesc;
  const select = Prisma.sql`id, call_record_id, robot_call_job_id, called_phone_number, phone_number, name, result_status,
           intent_level_tag_id, intent_level_code, intent_level_detail_name, chat_duration, start_time,
           tenant_phone_number_id, full_audio_url IS NOT NULL AS has_audio,
           ${EFFECTIVE_SUBMISSION_STATE} AS submission_state, last_result_code, last_result_message, review_state::text AS review_state,
           (SELECT u.name FROM users u WHERE u.id = call_records.reviewed_by_id) AS reviewed_by,
           corrected_intent_tag_id, corrected_intent_code, corrected_intent_name, compliance_flags,
           review_score, review_critical_failed`;
  const where = (extra: Prisma.Sql[]) => callFiltersWhere(filters, timeZone, extra);
  return { sql: filteredPageSql(filters, { select, where, key, desc, cursor, limit: filters.size + 1 }), cursor };
}

/**
 * keysetPageSql over the filtered records. When the job index answers the
 * filters, the page's ids come from it alone first (an index-only scan that
 * tests status and intent on its entries), then those rows: a rare status
 * and intent within a job no longer reads the job's records one by one
 * (thousands of scattered heap pages) to find a page of them.
 */
function filteredPageSql(filters: CallFilters, page: KeysetPage): Prisma.Sql {
  if (!answeredByJobIndex(filters, page.key)) return keysetPageSql(page);
  const ids = keysetPageSql({ ...page, select: Prisma.sql`id, start_time` });
  return Prisma.sql`SELECT ${page.select} FROM call_records WHERE id IN (SELECT id FROM (${ids}) page) ${orderBy(page.key, page.desc)} LIMIT ${page.limit}`;
}

/**
 * True when the job index (robot_call_job_id, start_time DESC, id DESC)
 * INCLUDE (result_status, intent_level_tag_id, intent_level_code) holds
 * every column the filters and the order need, and a status or intent
 * filter narrows the job's records (a job alone is read in the index's order
 * directly: no rows to skip).
 */
export function answeredByJobIndex(f: CallFilters, key: SortKey): boolean {
  return (
    key === "start_time" &&
    f.job.length > 0 &&
    (f.status.length > 0 || f.intent.length > 0) &&
    f.submission.length === 0 &&
    f.review.length === 0 &&
    f.reviewer.length === 0 &&
    f.batch.length === 0 &&
    f.minDuration === undefined &&
    f.maxDuration === undefined &&
    f.audio === undefined &&
    f.minScore === undefined &&
    f.maxScore === undefined &&
    f.critical === undefined &&
    !f.q
  );
}

export async function listCallRecords(filters: CallFilters, timeZone: string): Promise<CallRecordPage> {
  const { key } = parseSort(filters.sort);
  const { sql, cursor } = callRecordsPageSql(filters, timeZone);
  const rows = await readRows<CallRecordRow>(sql);
  const valueOf = (r: CallRecordRow) =>
    key === "start_time" ? (r.start_time?.toISOString() ?? null) : r.chat_duration;

  if (cursor?.backward) {
    // Fewer than a page before the cursor: that is the first page, shown whole.
    if (rows.length <= filters.size) return listCallRecords({ ...filters, cursor: undefined }, timeZone);
    const page = rows.slice(0, filters.size).reverse();
    const first = page[0]!;
    const last = page.at(-1)!;
    const offset = cursor.offset != null && cursor.offset - page.length > 0 ? cursor.offset - page.length : null;
    return {
      rows: page,
      nextCursor: encodeCursor(valueOf(last), last.id, { offset: offset === null ? null : offset + page.length }),
      prevCursor: encodeCursor(valueOf(first), first.id, { backward: true, offset }),
      offset,
      cursorInvalid: false,
    };
  }

  const hasMore = rows.length > filters.size;
  const page = hasMore ? rows.slice(0, filters.size) : rows;
  const first = page[0];
  const last = page.at(-1);
  // Known on the first page and on pages reached from it; not on an old link's cursor.
  const offset = cursor === null ? 0 : (cursor.offset ?? null);
  return {
    rows: page,
    nextCursor:
      hasMore && last
        ? encodeCursor(valueOf(last), last.id, { offset: offset === null ? null : offset + page.length })
        : null,
    prevCursor: cursor !== null && first ? encodeCursor(valueOf(first), first.id, { backward: true, offset }) : null,
    offset,
    cursorInvalid: Boolean(filters.cursor) && cursor === null,
  };
}

export type CallRecordDetail = NonNullable<Awaited<ReturnType<typeof getCallRecordDetail>>>;

/** One record by its public id (`call_record_id`), with every stored field. */
export async function getCallRecordDetail(callRecordId: bigint) {
  const record = await prisma.callRecord.findUnique({ where: { callRecordId } });
  if (!record) return null;
  // On the wire: a state of the queue, not stored on the record (in-flight.ts).
  const onTheWire = await prisma.submissionJob.findFirst({
    where: { recordId: record.id, state: "in_flight" },
    select: { id: true },
  });
  return onTheWire ? { ...record, submissionState: "in_flight" as const } : record;
}

/** The records before and after one record in a filtered, sorted list (for previous/next on its page). */
export async function neighbours(
  record: { id: bigint; startTime: Date | null; chatDuration: number | null },
  filters: CallFilters,
  timeZone: string,
): Promise<{ previous: bigint | null; next: bigint | null }> {
  const { key, desc } = parseSort(filters.sort);
  const at = { value: key === "start_time" ? record.startTime : record.chatDuration, id: record.id };
  const one = async (forward: boolean) => {
    const d = forward ? desc : !desc;
    const where = (extra: Prisma.Sql[]) => callFiltersWhere({ ...filters, cursor: undefined }, timeZone, extra);
    const [row] = await prisma.$queryRaw<{ call_record_id: bigint }[]>(
      filteredPageSql(filters, {
        select: Prisma.sql`call_record_id, id, ${SORT_COLUMNS[key]}`,
        where,
        key,
        desc: d,
        cursor: at,
        limit: 1,
      }),
    );
    return row?.call_record_id ?? null;
  };
  const [previous, next] = await Promise.all([one(false), one(true)]);
  return { previous, next };
}

/** Whether a record with this call_record_id exists (a page answers 404 before it streams, when not). */
export async function callRecordExists(callRecordId: bigint): Promise<boolean> {
  return (await prisma.callRecord.count({ where: { callRecordId } })) > 0;
}
