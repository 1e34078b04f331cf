/**
 * Numbers, times and durations for display, in the UI's language. Times are
 * always shown in the display time zone (DISPLAY_TIME_ZONE), whatever the
 * language or the host; only the way they are written changes.
 *
 * In components, `useFormat()` (components/ui/use-format.ts) binds these to
 * the active language and time zone; async server pages use `getFormat()`.
 */

import { NUMERIC_DATE_TIME } from "@/lib/time/date-time-options";
import { cachedFormatter } from "@/lib/time/intl-cache";

const isChinese = (locale: string) => locale.toLowerCase().startsWith("zh");

const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cachedFormatter(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

/** 20,000; estimates are compact and marked: ≈ 1.2M (en), ≈ 123.5万 (zh). */
export function formatCount(value: number, locale: string, exact = true): string {
  return exact
    ? numberFormat(locale).format(value)
    : `≈ ${numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value)}`;
}

/** A decimal number with at most `digits` fraction digits. */
export function formatDecimal(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A mean shown in a column: always one fraction digit, so that a column of them lines up (91.0 above 89.8). */
export function formatMean(value: number, locale: string): string {
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** 33.3%; "–" when there is nothing to divide by. */
export function formatPercent(part: number, whole: number, locale: string): string {
  if (whole === 0) return "–";
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    part / whole,
  );
}

// zh: 2026/03/01 08:00:00, en: Mar 1, 2026, 08:00:00 (24-hour clock in both).
const DATE_TIME: Record<"zh" | "en", Intl.DateTimeFormatOptions> = {
  zh: NUMERIC_DATE_TIME,
  en: {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  },
};
const DATE: Record<"zh" | "en", Intl.DateTimeFormatOptions> = {
  zh: { year: "numeric", month: "2-digit", day: "2-digit" },
  en: { year: "numeric", month: "short", day: "numeric" },
};

// 08:00:00 in both languages: the time of day below its date, where a column has no room for both on one line.
const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" };
const TIME: Record<"zh" | "en", Intl.DateTimeFormatOptions> = { zh: CLOCK, en: CLOCK };

/** `date` in the given time zone, with the options `styles` has for the language; `key` names the formatter's cache entry. */
function formatZoned(
  key: string,
  styles: Record<"zh" | "en", Intl.DateTimeFormatOptions>,
  date: Date,
  timeZone: string,
  locale: string,
): string {
  const options = styles[isChinese(locale) ? "zh" : "en"];
  return cachedFormatter(
    `${key}|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  ).format(date);
}

/** An instant, in the given time zone. */
export function formatDateTime(date: Date, timeZone: string, locale: string): string {
  return formatZoned("dt", DATE_TIME, date, timeZone, locale);
}

/** A calendar day, in the given time zone. */
export function formatDate(date: Date, timeZone: string, locale: string): string {
  return formatZoned("d", DATE, date, timeZone, locale);
}

/** An instant's time of day, in the given time zone. */
export function formatTime(date: Date, timeZone: string, locale: string): string {
  return formatZoned("t", TIME, date, timeZone, locale);
}

/** A calendar day given as yyyy-MM-dd (already in the display time zone), written per language. */
export function formatDay(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDay : formatDate(date, "UTC", locale);
}

const unit = (value: number, u: "hour" | "minute" | "second", locale: string) =>
  numberFormat(locale, { style: "unit", unit: u, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);

/**
 * Talk time and waits. `clock` (tables): 1:02, the same in every language;
 * `long`: 1 min 2 sec (en), 1分钟2秒 (zh).
 */
export function formatDuration(seconds: number | null, locale: string, style: "clock" | "long" = "clock"): string {
  if (seconds === null || !Number.isFinite(seconds)) return "–";
  const total = Math.max(0, Math.round(seconds));
  if (style === "clock") return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [
    h ? unit(h, "hour", locale) : null,
    m ? unit(m, "minute", locale) : null,
    s || total === 0 ? unit(s, "second", locale) : null,
  ];
  return parts.filter(Boolean).join(isChinese(locale) ? "" : " ");
}

/** How long something will take, rounded to what matters: 45 sec, 12 min, 1.5 hr. */
export function formatEstimate(seconds: number | null, locale: string): string {
  if (seconds === null || !Number.isFinite(seconds)) return "–";
  if (seconds < 90) return unit(Math.round(seconds), "second", locale);
  if (seconds < 3600) return unit(Math.round(seconds / 60), "minute", locale);
  return unit(Math.round((seconds / 3600) * 10) / 10, "hour", locale);
}

/** Bound to one language and time zone; what `useFormat()` and `getFormat()` return. */
export function formatterFor(locale: string, timeZone: string) {
  return {
    locale,
    timeZone,
    count: (value: number, exact = true) => formatCount(value, locale, exact),
    decimal: (value: number, digits = 1) => formatDecimal(value, locale, digits),
    mean: (value: number) => formatMean(value, locale),
    percent: (part: number, whole: number) => formatPercent(part, whole, locale),
    dateTime: (date: Date | string | null | undefined) =>
      date ? formatDateTime(new Date(date), timeZone, locale) : "–",
    date: (date: Date | string | null | undefined) => (date ? formatDate(new Date(date), timeZone, locale) : "–"),
    time: (date: Date | string | null | undefined) => (date ? formatTime(new Date(date), timeZone, locale) : "–"),
    day: (isoDay: string) => formatDay(isoDay, locale),
    duration: (seconds: number | null, style: "clock" | "long" = "clock") => formatDuration(seconds, locale, style),
    estimate: (seconds: number | null) => formatEstimate(seconds, locale),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
