import { z } from "zod";
import {
  dayOrInstantSchema,
  INT4_MAX,
  INT64_MAX,
  isCalendarDay,
  parseInstant,
  positiveInt64IdSchema,
  textSchema,
} from "../../input/schema";
import * as allowed from "./filter-values";

/**
 * The `/calls` URL parameters: a public contract (people paste these links),
 * parsed by this one schema (on the server: the browser gets the parsed
 * filters, and builds links with filter-params.ts, which holds no zod).
 * Multi-valued parameters repeat (`status=BUSY&status=NO_ANSWER`).
 */

const int64 = positiveInt64IdSchema().transform((s) => BigInt(s));

/** One of a fixed list of values; the error lists them. */
function oneOf<const T extends readonly string[]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

const dateParam = dayOrInstantSchema;
/** Seconds of talk time: the range of the int4 column chat_duration. */
const seconds = z
  .string()
  .regex(/^\d{1,40}$/, "must be a whole number of seconds, 0 or more")
  .transform(Number)
  .refine((n) => n <= INT4_MAX, `must be at most ${INT4_MAX}`);

/**
 * A review score, 0 to 100 (scores are kept with two decimals): plain decimal
 * notation only, so `1e2`, `NaN`, `Infinity` and `-0` are refused by name.
 */
const score = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,10})?$/, "must be a number from 0 to 100")
  .transform(Number)
  .refine((n) => n <= 100, "must be a number from 0 to 100");

export const callFiltersSchema = z.object({
  job: z.array(int64).default([]),
  status: z.array(textSchema.pipe(z.string().trim().min(1).max(64))).default([]),
  intent: z
    .array(
      z
        .string()
        .regex(/^\d{1,19}:-?\d{1,10}$/, "must be <tagId>:<code>")
        .transform((s) => {
          const [tag, code] = s.split(":") as [string, string];
          return { tagId: BigInt(tag), code: Number(code) };
        })
        .refine(
          (i) => i.tagId <= INT64_MAX && Math.abs(i.code) <= INT4_MAX,
          "is out of range (tagId int64, code int32)",
        ),
    )
    .default([]),
  submission: z.array(oneOf(allowed.SUBMISSION_STATES)).default([]),
  review: z.array(oneOf(allowed.REVIEW_STATES)).default([]),
  /** Calls with any of these compliance flags (`any`: with at least one). */
  compliance: z.array(oneOf(allowed.COMPLIANCE_FILTERS)).default([]),
  /** Who gave the current verdict (user id). */
  reviewer: z.array(int64).default([]),
  /** Records of a submission batch (its queue rows): /calls?batch=<id>. */
  batch: z.array(int64).default([]),
  from: dateParam.optional(),
  to: dateParam.optional(),
  /** Only records received before this instant (ISO 8601): the reconciliation's overdue links. */
  receivedBefore: z
    .string()
    .refine((v) => !isCalendarDay(v) && parseInstant(v) !== null, "must be an ISO 8601 instant")
    .optional(),
  minDuration: seconds.optional(),
  maxDuration: seconds.optional(),
  audio: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((v) => v === "true")
    .optional(),
  /** 1: only records under a legal hold; 0: only records without one (docs/retention.md). */
  hold: z
    .enum(["1", "0"], { error: "must be 1 (under a legal hold) or 0 (not held)" })
    .transform((v) => v === "1")
    .optional(),
  /** Calls whose current review scored at least / at most this (unscored calls never match). */
  minScore: score.optional(),
  maxScore: score.optional(),
  /** failed: the current review failed a critical scorecard item; passed: scored without failing one. */
  critical: oneOf(allowed.CRITICAL_FILTERS).optional(),
  q: textSchema
    .pipe(z.string().trim().max(100))
    .optional()
    .transform((v) => (v ? v : undefined)),
  sort: oneOf(allowed.SORTS).default("-start_time"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "could not be read")
    .optional(),
  size: z.coerce
    .number()
    .refine(
      (n) => (allowed.PAGE_SIZES as readonly number[]).includes(n),
      `must be one of ${allowed.PAGE_SIZES.join(", ")}`,
    )
    .default(50),
});

export type CallFilters = z.infer<typeof callFiltersSchema>;

const MULTI = new Set(["job", "status", "intent", "submission", "review", "compliance", "reviewer", "batch"]);
/** Pairs of bounds: the upper one below the lower one is dropped with an error naming it. */
const RANGES = [
  ["minDuration", "maxDuration"],
  ["minScore", "maxScore"],
] as const;

export interface ParsedFilters {
  filters: CallFilters;
  /**
   * Parameters that were ignored because they are invalid, with the reason
   * (`value`: the offending value of a repeated parameter; `code` for the
   * one rule that spans two parameters), so the UI can say it in its language.
   */
  errors: { param: string; message: string; value?: string; code?: "min_above_max" | "from_after_to" }[];
}

/**
 * Parses URL search params. An invalid parameter is dropped and reported
 * (the page says which one and why) instead of failing the whole page.
 */
export function parseCallFilters(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedFilters {
  const raw: Record<string, string | string[]> = {};
  const entries: [string, string][] =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string]),
        );
  for (const [key, value] of entries) {
    if (!(key in callFiltersSchema.shape)) continue;
    if (MULTI.has(key)) ((raw[key] ??= []) as string[]).push(value);
    else raw[key] = value;
  }

  const errors: ParsedFilters["errors"] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = callFiltersSchema.safeParse(raw);
    if (result.success) {
      const inverted = RANGES.find(([min, max]) => {
        const [lo, hi] = [result.data[min], result.data[max]];
        return lo !== undefined && hi !== undefined && lo > hi;
      });
      if (inverted) {
        const [min, max] = inverted;
        errors.push({ param: max, message: `must not be below ${min}`, code: "min_above_max" });
        delete raw[max];
        continue;
      }
      if (
        result.data.from !== undefined &&
        result.data.to !== undefined &&
        reversed(result.data.from, result.data.to)
      ) {
        errors.push({ param: "to", message: "must not be before from", code: "from_after_to" });
        delete raw.to;
        continue;
      }
      return { filters: result.data, errors };
    }
    // Drop each offending value (or whole parameter) and try again.
    for (const issue of result.error.issues) {
      const [param, index] = issue.path as [string, number | undefined];
      const value = raw[param];
      const offending = typeof index === "number" && Array.isArray(value) ? value[index] : undefined;
      const shown = offending?.replace(/\u0000/g, "\\0");
      errors.push({
        param,
        message: `${shown !== undefined ? `"${shown}" ` : ""}${issue.message}`,
        ...(shown !== undefined ? { value: shown } : {}),
      });
      if (Array.isArray(value) && typeof index === "number") value.splice(index, 1, "\u0000drop");
      else delete raw[param];
    }
    for (const key of Object.keys(raw)) {
      const v = raw[key];
      if (Array.isArray(v)) raw[key] = v.filter((x) => x !== "\u0000drop");
    }
  }
  return { filters: callFiltersSchema.parse({}), errors };
}

/**
 * Whether `from` lies after `to`. Two days compare as days; a day against an
 * instant allows the widest time-zone offset (±14 h), so only a range that is
 * reversed in every zone is reported.
 */
function reversed(from: string, to: string): boolean {
  if (isCalendarDay(from) && isCalendarDay(to)) return from > to;
  const slack = 14 * 3_600_000;
  const start = isCalendarDay(from) ? Date.parse(`${from}T00:00:00Z`) - slack : parseInstant(from)!.getTime();
  const end = isCalendarDay(to) ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 + slack : parseInstant(to)!.getTime();
  return start > end;
}
