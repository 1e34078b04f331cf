import { z } from "zod";
import { INT64_MAX, isCalendarDay } from "../input/schema";
import { addDays } from "../time/zoned";
import { zonedToday } from "../reconciliation/schema";

/**
 * The `/quality` parameters: `from`, `to` (days in DISPLAY_TIME_ZONE,
 * inclusive, of when a call was scored) and `job` (repeatable, or one field
 * of ids separated by spaces or commas). A bad value is reported and ignored:
 * the page says which parameter and why, and shows the default range.
 */

/** Longest range one page covers. */
export const MAX_DAYS = 366;
/** Days shown when no range is given: four weeks, today included. */
export const DEFAULT_DAYS = 28;

const day = z.string().refine(isCalendarDay, "must be a real calendar date yyyy-MM-dd");
const jobId = z
  .string()
  .regex(/^\d{1,19}$/, "must be a positive integer id")
  .transform((s) => BigInt(s))
  .refine((n) => n > 0n && n <= INT64_MAX, "is out of the int64 range");

export interface QualityRange {
  /** First day, yyyy-MM-dd in the display time zone. */
  from: string;
  /** Last day, included. */
  to: string;
  /** Only these jobs' calls; empty: every job. */
  job: bigint[];
}

export interface ParsedQuality {
  range: QualityRange;
  errors: { param: string; message: string; value?: string }[];
}

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

function all(source: Source, key: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const v = source[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function parseQualityParams(source: Source, timeZone: string, now = new Date()): ParsedQuality {
  const errors: ParsedQuality["errors"] = [];
  const one = (key: "from" | "to"): string | undefined => {
    const values = all(source, key);
    if (values.length > 1) errors.push({ param: key, message: "must be given once" });
    const v = values[0];
    if (v === undefined || v === "") return undefined;
    const r = day.safeParse(v);
    if (r.success) return r.data;
    errors.push({ param: key, message: r.error.issues[0]?.message ?? "is invalid", value: v.slice(0, 40) });
    return undefined;
  };
  const job: bigint[] = [];
  for (const v of all(source, "job")
    .flatMap((v) => v.split(/[\s,]+/))
    .filter(Boolean)) {
    const r = jobId.safeParse(v);
    if (r.success) job.push(r.data);
    else errors.push({ param: "job", message: r.error.issues[0]?.message ?? "is invalid", value: v.slice(0, 40) });
  }
  const today = zonedToday(now, timeZone);
  let from = one("from");
  let to = one("to");
  if (from && to && from > to) {
    errors.push({ param: "to", message: "must not be before from" });
    to = undefined;
  }
  to ??= from && addDays(from, DEFAULT_DAYS - 1) < today ? addDays(from, DEFAULT_DAYS - 1) : today;
  from ??= addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) from = to;
  if (addDays(from, MAX_DAYS - 1) < to) {
    errors.push({ param: "from", message: `the range must be at most ${MAX_DAYS} days` });
    from = addDays(to, -(MAX_DAYS - 1));
  }
  return { range: { from, to, job: [...new Set(job)] }, errors };
}
