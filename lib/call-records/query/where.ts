import { Prisma } from "../../db/client";
import { addDays, zonedDayStart } from "../../time/zoned";
import { parseInstant } from "../../input/schema";
import type { CallFilters } from "./filters";
import { submissionStateCondition } from "../../submissions/in-flight";
import { complianceCondition } from "../../compliance/filter";

/**
 * Builds the SQL WHERE clause for a set of `/calls` filters. Every list that
 * filters records (the calls list, exports, bulk actions, review queue) goes
 * through here so that one link means the same rows everywhere.
 */
export function callFiltersWhere(f: CallFilters, timeZone: string, extra: Prisma.Sql[] = []): Prisma.Sql {
  const parts: Prisma.Sql[] = [...extra];
  if (f.job.length) parts.push(Prisma.sql`robot_call_job_id IN (${Prisma.join(f.job)})`);
  if (f.status.length) parts.push(Prisma.sql`result_status IN (${Prisma.join(f.status)})`);
  if (f.intent.length) {
    // A code means something only inside its tag group: match the pair.
    const pairs = f.intent.map((i) => Prisma.sql`(${i.tagId}::bigint, ${i.code}::int)`);
    parts.push(Prisma.sql`(intent_level_tag_id, intent_level_code) IN (${Prisma.join(pairs)})`);
  }
  // As users see it: in_flight comes from the queue (in-flight.ts).
  if (f.submission.length) parts.push(submissionStateCondition(f.submission));
  // Cast the parameters, not the column, so the state indexes stay usable.
  if (f.review.length)
    parts.push(Prisma.sql`review_state IN (${Prisma.join(f.review.map((s) => Prisma.sql`${s}::review_state`))})`);
  if (f.compliance.length) parts.push(complianceCondition(f.compliance));
  if (f.reviewer.length) parts.push(Prisma.sql`reviewed_by_id IN (${Prisma.join(f.reviewer)})`);
  // A batch's records are its queue rows (submission_jobs by batch: an index range), not a column of the record.
  if (f.batch.length)
    parts.push(Prisma.sql`id IN (SELECT record_id FROM submission_jobs WHERE batch_id IN (${Prisma.join(f.batch)}))`);
  if (f.from) parts.push(Prisma.sql`start_time >= ${boundary(f.from, timeZone, false)}`);
  if (f.to) parts.push(Prisma.sql`start_time < ${boundary(f.to, timeZone, true)}`);
  if (f.receivedBefore) parts.push(Prisma.sql`received_at < ${parseInstant(f.receivedBefore)}`);
  if (f.minDuration !== undefined) parts.push(Prisma.sql`chat_duration >= ${f.minDuration}`);
  if (f.maxDuration !== undefined) parts.push(Prisma.sql`chat_duration <= ${f.maxDuration}`);
  if (f.audio !== undefined)
    parts.push(f.audio ? Prisma.sql`full_audio_url IS NOT NULL` : Prisma.sql`full_audio_url IS NULL`);
  // Holds are few: a hashed subplan over legal_holds (record_id is its key, never NULL, so NOT IN is exact).
  if (f.hold !== undefined)
    parts.push(
      f.hold
        ? Prisma.sql`id IN (SELECT record_id FROM legal_holds)`
        : Prisma.sql`id NOT IN (SELECT record_id FROM legal_holds)`,
    );
  // Scores: every condition implies `review_score IS NOT NULL` (spelled out where a comparison does not),
  // so the partial index call_records_review_score_idx (scored records only, few next to all) can serve it.
  if (f.minScore !== undefined) parts.push(Prisma.sql`review_score >= ${f.minScore}::float8`);
  if (f.maxScore !== undefined) parts.push(Prisma.sql`review_score <= ${f.maxScore}::float8`);
  if (f.critical)
    parts.push(Prisma.sql`review_score IS NOT NULL AND review_critical_failed = ${f.critical === "failed"}`);
  const masked = f.q ? maskedPhoneLike(f.q) : null;
  if (masked) {
    // A number pasted as the list shows it (`158****1261`): its visible prefix and suffix, one LIKE the trigram index serves.
    parts.push(Prisma.sql`called_phone_number LIKE ${masked}`);
  } else if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    // ILIKE lower-cases every name it tests (twice the CPU of LIKE on a scan); text without cased
    // letters (Chinese names, digits) matches the same with LIKE.
    const name = UNCASED.test(f.q) ? Prisma.sql`name LIKE ${like}` : Prisma.sql`name ILIKE ${like}`;
    // What was said in the call (call_transcripts, trigram index): an array from an InitPlan keeps `id = ANY(…)`
    // a bitmap index scan that ORs with the two above, where `id IN (subquery)` would scan every record.
    const said = UNCASED.test(f.q) ? Prisma.sql`search_text LIKE ${like}` : Prisma.sql`search_text ILIKE ${like}`;
    const alternatives = [
      name,
      Prisma.sql`called_phone_number LIKE ${like}`,
      Prisma.sql`id = ANY(ARRAY(SELECT record_id FROM call_transcripts WHERE ${said}))`,
    ];
    if (/^\d{1,19}$/.test(f.q) && BigInt(f.q) <= 9223372036854775807n)
      alternatives.push(Prisma.sql`call_record_id = ${BigInt(f.q)}`);
    parts.push(Prisma.sql`(${Prisma.join(alternatives, " OR ")})`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The LIKE pattern of a masked phone number as maskPhone (lib/privacy/mask.ts)
 * writes it, `138****5678`: prefix, any digits, suffix. Null for other text,
 * and for masks with fewer than 3 visible digits, which no index could serve.
 */
export function maskedPhoneLike(q: string): string | null {
  const m = /^(\d*)\*{2,}(\d*)$/.exec(q.replace(/\s+/g, ""));
  if (!m || m[1]!.length + m[2]!.length < 3) return null;
  return `${escapeLike(m[1]!)}%${escapeLike(m[2]!)}`;
}

/**
 * Letters without case (Han, kana, Hangul: Unicode's "other letters"), digits and spaces: no character
 * lower-cases to one of these but itself, so `ILIKE` and `LIKE` match the same names.
 */
export const UNCASED = /^[\p{Lo}\p{Nd} ]+$/u;

/** `yyyy-MM-dd` is a day in the display time zone; `to` includes its whole day. */
function boundary(value: string, timeZone: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return zonedDayStart(end ? addDays(value, 1) : value, timeZone);
  // The filter schema let only calendar-valid instants through.
  return parseInstant(value) ?? new Date(Number.NaN);
}
