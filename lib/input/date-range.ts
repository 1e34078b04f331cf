import { z } from "zod";
import { addDays, zonedToday } from "../time/zoned";
import { isCalendarDay, positiveInt64IdSchema } from "./schema";

/**
 * The report pages' parameters (/quality, /reconciliation and its exports):
 * `from`, `to` (days in DISPLAY_TIME_ZONE, inclusive) and `job` (repeatable,
 * or one field of ids separated by spaces or commas, as the filter form sends
 * it). A bad value is reported and ignored, so the page can say which
 * parameter and why and still show a range: the default span ending today
 * (or starting at `from`), never longer than the maximum.
 */

export interface DateRangeJobs {
  /** First day, yyyy-MM-dd in the display time zone. */
  from: string;
  /** Last day, included. */
  to: string;
  /** Only these jobs; empty: every job. */
  job: bigint[];
}

export interface DateRangeError {
  param: string;
  message: string;
  value?: string;
}

export interface DateRangeOptions {
  /** Days covered when no range is given, today included. */
  defaultDays: number;
  /** Longest range allowed; a longer one keeps `to` and moves `from`. */
  maxDays: number;
  /** What a bad day is told (each page has its own wording, which its notices and 400s keep). */
  dayMessage: string;
  /** Echo at most this many characters of a bad value; all of it when not given. */
  valueLength?: number;
}

export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function all(source: ParamSource, key: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const v = source[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const jobId = positiveInt64IdSchema().transform((s) => BigInt(s));

export function parseDateRangeParams(
  source: ParamSource,
  timeZone: string,
  options: DateRangeOptions,
  now = new Date(),
): { range: DateRangeJobs; errors: DateRangeError[] } {
  const { defaultDays, maxDays, valueLength } = options;
  const day = z.string().refine(isCalendarDay, options.dayMessage);
  const echo = (v: string) => (valueLength === undefined ? v : v.slice(0, valueLength));
  const errors: DateRangeError[] = [];
  const one = (key: "from" | "to"): string | undefined => {
    const values = all(source, key);
    if (values.length > 1) errors.push({ param: key, message: "must be given once" });
    const v = values[0];
    if (v === undefined || v === "") return undefined;
    const r = day.safeParse(v);
    if (r.success) return r.data;
    errors.push({ param: key, message: r.error.issues[0]?.message ?? "is invalid", value: echo(v) });
    return undefined;
  };
  const job: bigint[] = [];
  for (const v of all(source, "job")
    .flatMap((v) => v.split(/[\s,]+/))
    .filter(Boolean)) {
    const r = jobId.safeParse(v);
    if (r.success) job.push(r.data);
    else errors.push({ param: "job", message: r.error.issues[0]?.message ?? "is invalid", value: echo(v) });
  }
  const today = zonedToday(now, timeZone);
  let from = one("from");
  let to = one("to");
  if (from && to && from > to) {
    errors.push({ param: "to", message: "must not be before from" });
    to = undefined;
  }
  to ??= from && addDays(from, defaultDays - 1) < today ? addDays(from, defaultDays - 1) : today;
  from ??= addDays(to, -(defaultDays - 1));
  if (from > to) from = to;
  if (addDays(from, maxDays - 1) < to) {
    errors.push({ param: "from", message: `the range must be at most ${maxDays} days` });
    from = addDays(to, -(maxDays - 1));
  }
  return { range: { from, to, job: [...new Set(job)] }, errors };
}
