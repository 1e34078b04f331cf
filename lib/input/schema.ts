import { z } from "zod";

/**
 * Values that come from outside (URLs, forms, cookies, action arguments)
 * checked for what they really are before they reach the database: an id
 * must fit its bigint column, a number its int column, a date must be on the
 * calendar and an instant within what PostgreSQL and JavaScript both hold,
 * and text must not carry NUL bytes (PostgreSQL's text cannot store them).
 * Shape-only checks (`/^\d{1,19}$/`, `Date.parse`) let all of these through
 * to a database error, i.e. a 500 instead of a clear answer.
 */

export const INT64_MAX = 9223372036854775807n;
export const INT4_MAX = 2_147_483_647;

/** A non-negative id of a bigint column, as decimal digits. */
export function isInt64Id(s: string): boolean {
  return /^\d{1,19}$/.test(s) && BigInt(s) <= INT64_MAX;
}

/** `s` as a bigint id, or null when it is not one (never throws). */
export function parseInt64Id(s: string | null | undefined): bigint | null {
  return typeof s === "string" && isInt64Id(s) ? BigInt(s) : null;
}

export const hasNul = (s: string): boolean => s.includes("\u0000");

/** Any id of a bigint column, as a string (ids leave the browser as text: int64 does not fit a JS number). */
export const int64IdSchema = z.string().refine(isInt64Id, "must be an id: digits, at most 9223372036854775807");

/**
 * A positive id of a bigint column (a vendor's job or call id, a row id) as
 * decimal digits: `shape` says what was expected when it is not digits; a
 * number of digits past int64 is "out of the int64 range".
 */
export function positiveInt64IdSchema(shape = "must be a positive integer id") {
  return (
    z
      .string()
      .regex(/^\d{1,19}$/, shape)
      // zod runs every check, so this one must not assume the pattern held.
      .refine((s) => !/^\d{1,19}$/.test(s) || (BigInt(s) > 0n && BigInt(s) <= INT64_MAX), "is out of the int64 range")
  );
}

/** Text a text column can hold. */
export const textSchema = z.string().refine((s) => !hasNul(s), "must not contain NUL bytes");

/** Whole number in the range of an int4 column. */
export const int4Schema = z.coerce
  .number()
  .int("must be a whole number")
  .min(-INT4_MAX - 1)
  .max(INT4_MAX, `must be at most ${INT4_MAX}`);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// The offset's sign may arrive as a space: an unescaped `+` in a query string is one.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+ -](\d{2}):?(\d{2}))$/i;
// Years with four digits: what every form in the console produces, inside PostgreSQL's
// and JavaScript's ranges (JavaScript's Date ends at ±271821, PostgreSQL's timestamptz in 294276).
const MIN_YEAR = 1000;

function validDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyy-MM-dd` that exists on the calendar (no 2026-02-30, no 2026-13-45). */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An ISO 8601 date-time with an offset (`Z`, `+08:00`), calendar-valid, as a Date; null otherwise. */
export function parseInstant(s: string): Date | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? "0");
  if (!validDay(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    if (Number(m[9]) > 18 || Number(m[10]) > 59) return null;
    offsetMinutes = (m[8]!.startsWith("-") ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  }
  const millis = Number((m[7] ?? "").slice(0, 3).padEnd(3, "0"));
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second, millis) - offsetMinutes * 60_000);
}

/** A day (`yyyy-MM-dd`) or an instant (ISO 8601 with an offset), checked for its real value. */
export const dayOrInstantSchema = z
  .string()
  .refine(
    (s) => isCalendarDay(s) || parseInstant(s) !== null,
    "must be a calendar date yyyy-MM-dd or an ISO 8601 date-time with an offset",
  );

/** decodeURIComponent that answers null for a broken escape (`%`, `%E0%A4%A`) instead of throwing URIError. */
export function safeDecodeURIComponent(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** JSON.parse that answers undefined for text that is not JSON. */
export function safeJsonParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** True when any string inside `value` (keys included) holds a NUL byte. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (typeof value === "string") return hasNul(value);
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => hasNul(k) || containsNul(v, depth + 1));
  }
  return false;
}
