/**
 * The date forms the ingest accepts for `start_time` / `end_time`, all
 * resolved to an instant:
 *
 *   "2026-03-01 08:00:00"          the TOP wire form, wall time in GMT+8 (China has no DST)
 *   "2026-03-01T08:00:00+08:00"    ISO 8601 / RFC 3339 with an offset (or Z); fractions allowed
 *   1772323200 / "1772323200000"   epoch seconds or milliseconds, told apart by magnitude
 *
 * ISO 8601 without an offset is refused: whether it meant UTC, GMT+8 or the
 * sender's zone cannot be known, and guessing would silently shift the call.
 * Fractions beyond milliseconds are truncated (the column is timestamptz(3)).
 * Instants outside 2000..2099 are refused (see MIN_INSTANT).
 */

export type DateParseResult = { ok: true; value: Date } | { ok: false; message: string };

const GMT8_OFFSET_MINUTES = 8 * 60;
/** Epoch values below this are seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
export const EPOCH_SECONDS_BELOW = 1e11;
// Robot calls happen in this century. The narrow window also catches unit
// mistakes that would otherwise land on a "valid" instant: microseconds, or a
// compact 20260301080000 read as milliseconds (the year 2612).
const MIN_INSTANT = Date.UTC(2000, 0, 1);
const MAX_INSTANT = Date.UTC(2100, 0, 1) - 1;

const WIRE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DIGITS = /^\d+(?:\.\d+)?$/;

const FORMS = "use yyyy-MM-dd HH:mm:ss (GMT+8), ISO 8601 with an offset, or epoch seconds/milliseconds";

export function parseWireDate(input: unknown): DateParseResult {
  if (typeof input === "number") return fromEpoch(input);
  if (typeof input === "bigint")
    return { ok: false, message: "epoch value out of range (expected seconds or milliseconds)" };
  if (typeof input !== "string") return { ok: false, message: `must be a date string or an epoch number; ${FORMS}` };
  const s = input.trim();
  if (DIGITS.test(s)) return fromEpoch(Number(s));

  const wire = WIRE.exec(s);
  if (wire) return fromParts(wire, GMT8_OFFSET_MINUTES, input);

  const iso = ISO.exec(s);
  if (iso) {
    const offset = iso[8];
    if (offset === undefined) {
      return {
        ok: false,
        message: `ISO 8601 time without an offset is ambiguous: add Z or +08:00, or send yyyy-MM-dd HH:mm:ss (read as GMT+8)`,
      };
    }
    const minutes = parseOffset(offset);
    if (minutes === null) return { ok: false, message: `invalid UTC offset ${JSON.stringify(offset)}` };
    return fromParts(iso, minutes, input);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { ok: false, message: `a date without a time of day; ${FORMS}` };
  return { ok: false, message: `unrecognised date ${JSON.stringify(truncate(input))}; ${FORMS}` };
}

function fromEpoch(n: number): DateParseResult {
  if (!Number.isFinite(n) || n < 0)
    return { ok: false, message: "epoch value must be a non-negative number of seconds or milliseconds" };
  const ms = n < EPOCH_SECONDS_BELOW ? Math.round(n * 1000) : Math.round(n);
  return inRange(ms);
}

function parseOffset(offset: string): number | null {
  if (offset === "Z" || offset === "z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 18 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 fraction. */
function fromParts(m: RegExpExecArray, offsetMinutes: number, raw: string): DateParseResult {
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? "0");
  const millis = Number((m[7] ?? "").slice(0, 3).padEnd(3, "0"));
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, message: `not a valid calendar date and time: ${JSON.stringify(truncate(raw))}` };
  }
  return inRange(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange(ms: number): DateParseResult {
  if (ms < MIN_INSTANT || ms > MAX_INSTANT) return { ok: false, message: "date out of range (years 2000 to 2099)" };
  return { ok: true, value: new Date(ms) };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
