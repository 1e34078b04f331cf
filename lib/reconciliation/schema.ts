import { z } from "zod";
import { INT64_MAX, isCalendarDay } from "../input/schema";
import { addDays, offsetMs } from "../time/zoned";

/**
 * The `/reconciliation` (and its CSV) parameters: `from`, `to` (days in
 * DISPLAY_TIME_ZONE, inclusive) and `job` (repeatable). A bad value is
 * reported and ignored, as on /calls; the page shows it, the routes answer 400.
 */

/** Longest range one report covers: a year of days × jobs is still a small table. */
export const MAX_DAYS = 366;
/** Days shown when no range is given: the last week, today included. */
export const DEFAULT_DAYS = 7;

const day = z.string().refine(isCalendarDay, "must be a calendar date yyyy-MM-dd");
const jobId = z
  .string()
  .regex(/^\d{1,19}$/, "must be a positive integer id")
  .transform((s) => BigInt(s))
  .refine((n) => n > 0n && n <= INT64_MAX, "is out of the int64 range");

export interface ReconciliationQuery {
  from: string;
  to: string;
  job: bigint[];
}

export interface ParsedReconciliation {
  query: ReconciliationQuery;
  errors: { param: string; message: string; value?: string }[];
}

/** Today's date in `timeZone`. */
export function zonedToday(now: Date, timeZone: string): string {
  return new Date(now.getTime() + offsetMs(now.getTime(), timeZone)).toISOString().slice(0, 10);
}

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

function all(source: Source, key: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const v = source[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function parseReconciliationParams(source: Source, timeZone: string, now = new Date()): ParsedReconciliation {
  const errors: ParsedReconciliation["errors"] = [];
  const one = (key: "from" | "to"): string | undefined => {
    const values = all(source, key);
    if (values.length > 1) errors.push({ param: key, message: "must be given once" });
    const v = values[0];
    if (v === undefined || v === "") return undefined;
    const r = day.safeParse(v);
    if (r.success) return r.data;
    errors.push({ param: key, message: r.error.issues[0]?.message ?? "is invalid", value: v });
    return undefined;
  };
  const job: bigint[] = [];
  // The page's form sends one field of ids separated by spaces or commas; links repeat `job`.
  for (const v of all(source, "job")
    .flatMap((v) => v.split(/[\s,]+/))
    .filter(Boolean)) {
    const r = jobId.safeParse(v);
    if (r.success) job.push(r.data);
    else errors.push({ param: "job", message: r.error.issues[0]?.message ?? "is invalid", value: v });
  }
  let from = one("from");
  let to = one("to");
  if (from && to && from > to) {
    errors.push({ param: "to", message: "must not be before from" });
    to = undefined;
  }
  to ??=
    from && addDays(from, DEFAULT_DAYS - 1) < zonedToday(now, timeZone)
      ? addDays(from, DEFAULT_DAYS - 1)
      : zonedToday(now, timeZone);
  from ??= addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) from = to;
  if (addDays(from, MAX_DAYS - 1) < to) {
    errors.push({ param: "from", message: `the range must be at most ${MAX_DAYS} days` });
    from = addDays(to, -(MAX_DAYS - 1));
  }
  return { query: { from, to, job: [...new Set(job)] }, errors };
}
