/**
 * GMT+8 arithmetic for the demo. TOP dates are `yyyy-MM-dd HH:mm:ss` in
 * GMT+8 (no DST), whatever time zone the host runs in, so everything is done
 * on epoch milliseconds shifted by eight hours and read back with getUTC*.
 */

export const GMT8_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `yyyy-MM-dd HH:mm:ss` in GMT+8. */
export function formatGmt8(epochMs: number): string {
  const d = new Date(epochMs + GMT8_OFFSET_MS);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Parses `yyyy-MM-dd HH:mm:ss` as GMT+8 (for tests and checks). */
export function parseGmt8(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a GMT+8 wire date: ${text}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - GMT8_OFFSET_MS;
}

/** Hour of day 0-23 in GMT+8. */
export function gmt8Hour(epochMs: number): number {
  return new Date(epochMs + GMT8_OFFSET_MS).getUTCHours();
}

/** Day of week in GMT+8, 0 = Sunday. */
export function gmt8Weekday(epochMs: number): number {
  return new Date(epochMs + GMT8_OFFSET_MS).getUTCDay();
}

/** Days since the epoch, counted in GMT+8 calendar days. */
export function gmt8DayNumber(epochMs: number): number {
  return Math.floor((epochMs + GMT8_OFFSET_MS) / DAY_MS);
}

export function gmt8Year(epochMs: number): number {
  return new Date(epochMs + GMT8_OFFSET_MS).getUTCFullYear();
}

export function gmt8Month(epochMs: number): number {
  return new Date(epochMs + GMT8_OFFSET_MS).getUTCMonth() + 1;
}

/** Epoch ms of 00:00:00 GMT+8 on the given GMT+8 day number. */
export function gmt8DayStart(dayNumber: number): number {
  return dayNumber * DAY_MS - GMT8_OFFSET_MS;
}
