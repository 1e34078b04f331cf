/**
 * TOP writes times as `yyyy-MM-dd HH:mm:ss` in GMT+8 (no DST), whatever the
 * host's time zone. Computed from the epoch, never from local time.
 */
const GMT8_MS = 8 * 3600_000;

export function formatGmt8(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError("invalid date");
  // toISOString of the shifted instant gives GMT+8's wall clock digits.
  const iso = new Date(t + GMT8_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ +](\d{2}):(\d{2}):(\d{2})$/;

/** Parses `yyyy-MM-dd HH:mm:ss` as GMT+8; null when it is not exactly that (or not a real date). */
export function parseGmt8(text: string): Date | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return null;
  return new Date(utc - GMT8_MS);
}
