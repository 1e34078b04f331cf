import { NUMERIC_DATE_TIME } from "./date-time-options";
import { cachedFormatter } from "./intl-cache";

/**
 * Converts a calendar day in an IANA time zone to the instant it starts.
 * Used for `from`/`to` filters given as `yyyy-MM-dd`, which mean days in the
 * display time zone, not in the server's.
 */
export function zonedDayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcGuess = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment; applied twice to settle across DST changes.
  let instant = utcGuess - offsetMs(utcGuess, timeZone);
  instant = utcGuess - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The zone's wall-clock parts of an instant (one formatter per zone: a date-range filter converts four boundaries per page). */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return cachedFormatter(
    `zoned-parts|${timeZone}`,
    () => new Intl.DateTimeFormat("en-US", { ...NUMERIC_DATE_TIME, timeZone }),
  );
}

export function offsetMs(epochMs: number, timeZone: string): number {
  const parts = partsFormatter(timeZone).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Today's date (yyyy-MM-dd) in `timeZone`. */
export function zonedToday(now: Date, timeZone: string): string {
  return new Date(now.getTime() + offsetMs(now.getTime(), timeZone)).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A moment as a file name's stamp in `timeZone`, with its offset: `20261105-084757+0800`. */
export function zonedFileStamp(date: Date, timeZone: string): string {
  const offset = offsetMs(date.getTime(), timeZone);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset).toISOString();
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  return `${local.slice(0, 10).replaceAll("-", "")}-${local.slice(11, 19).replaceAll(":", "")}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
}
